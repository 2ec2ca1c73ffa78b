"""The database schema, one definition for SQLite and PostgreSQL.

Migrations (storage/migrations) create exactly these tables; queries live in one module per
store and use these Table objects or plain parameterised SQL.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

stones = Table(
    "stones",
    metadata,
    Column("stock_id", String(64), primary_key=True),
    Column("supplier", String(64), nullable=False, server_default=""),
    Column("shape", String(32), nullable=False),
    Column("carat", Float, nullable=False),
    Column("color", String(2), nullable=False),
    Column("clarity", String(4), nullable=False),
    Column("cut", String(16)),
    # Ranks (0 = best) let the database filter grade ranges with plain comparisons.
    Column("color_rank", Integer, nullable=False),
    Column("clarity_rank", Integer, nullable=False),
    Column("cut_tier", Integer),
    Column("price_inr", BigInteger, nullable=False),
    Column("available", Integer, nullable=False, server_default="1"),
    Column("updated_at", Float, nullable=False),
)
Index("ix_stones_shape_carat", stones.c.shape, stones.c.carat)
Index("ix_stones_shape_price", stones.c.shape, stones.c.price_inr)

cart_items = Table(
    "cart_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("customer", String(128), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("item_id", String(64), nullable=False),
    Column("title", Text, nullable=False),
    Column("price_inr", BigInteger, nullable=False),
    Column("added_at", Float, nullable=False),
    UniqueConstraint("customer", "kind", "item_id", name="uq_cart_items_customer_item"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("customer", String(128), nullable=False),
    Column("request_text", Text, nullable=False),
    Column("spec_json", Text, nullable=False),
    Column("state", String(16), nullable=False, server_default="new"),
    Column("created_at", Float, nullable=False),
    # The message that asked for it: a repeated delivery cannot file a second quote.
    Column("source_message_id", String(128), nullable=False, unique=True),
)
Index("ix_quotes_state_created", quotes.c.state, quotes.c.created_at)

sessions = Table(
    "sessions",
    metadata,
    Column("customer", String(128), primary_key=True),
    Column("data", Text, nullable=False),
    Column("expires_at", Float, nullable=False),
)

message_claims = Table(
    "message_claims",
    metadata,
    Column("message_id", String(128), primary_key=True),
    Column("state", String(16), nullable=False),
    Column("replies", Text),
    Column("claimed_at", Float, nullable=False),
)
Index("ix_message_claims_claimed_at", message_claims.c.claimed_at)

locks = Table(
    "locks",
    metadata,
    Column("name", String(160), primary_key=True),
    Column("token", String(64), nullable=False),
    Column("expires_at", Float, nullable=False),
)

delivery_statuses = Table(
    "delivery_statuses",
    metadata,
    Column("message_sid", String(64), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("error_code", String(16)),
    Column("updated_at", Float, nullable=False),
)
