"""Initial schema: stones, carts, quotes, sessions, message claims, locks, delivery statuses.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stones",
        sa.Column("stock_id", sa.String(64), primary_key=True),
        sa.Column("supplier", sa.String(64), nullable=False, server_default=""),
        sa.Column("shape", sa.String(32), nullable=False),
        sa.Column("carat", sa.Float, nullable=False),
        sa.Column("color", sa.String(2), nullable=False),
        sa.Column("clarity", sa.String(4), nullable=False),
        sa.Column("cut", sa.String(16)),
        sa.Column("color_rank", sa.Integer, nullable=False),
        sa.Column("clarity_rank", sa.Integer, nullable=False),
        sa.Column("cut_tier", sa.Integer),
        sa.Column("price_inr", sa.BigInteger, nullable=False),
        sa.Column("available", sa.Integer, nullable=False, server_default="1"),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_index("ix_stones_shape_carat", "stones", ["shape", "carat"])
    op.create_index("ix_stones_shape_price", "stones", ["shape", "price_inr"])
    op.create_table(
        "cart_items",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("customer", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("price_inr", sa.BigInteger, nullable=False),
        sa.Column("added_at", sa.Float, nullable=False),
        sa.UniqueConstraint("customer", "kind", "item_id", name="uq_cart_items_customer_item"),
    )
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("customer", sa.String(128), nullable=False),
        sa.Column("request_text", sa.Text, nullable=False),
        sa.Column("spec_json", sa.Text, nullable=False),
        sa.Column("state", sa.String(16), nullable=False, server_default="new"),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("source_message_id", sa.String(128), nullable=False, unique=True),
    )
    op.create_index("ix_quotes_state_created", "quotes", ["state", "created_at"])
    op.create_table(
        "sessions",
        sa.Column("customer", sa.String(128), primary_key=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    op.create_table(
        "message_claims",
        sa.Column("message_id", sa.String(128), primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("replies", sa.Text),
        sa.Column("claimed_at", sa.Float, nullable=False),
    )
    op.create_index("ix_message_claims_claimed_at", "message_claims", ["claimed_at"])
    op.create_table(
        "locks",
        sa.Column("name", sa.String(160), primary_key=True),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    op.create_table(
        "delivery_statuses",
        sa.Column("message_sid", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error_code", sa.String(16)),
        sa.Column("updated_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "delivery_statuses",
        "locks",
        "message_claims",
        "sessions",
        "quotes",
        "cart_items",
        "stones",
    ):
        op.drop_table(table)
