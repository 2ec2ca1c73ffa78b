"""The rest of the menu: jewellery, melee parcels, orders, checkouts, and melee quantities in
carts.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cart_items", sa.Column("carats", sa.Float, nullable=True))
    _jewelry()
    _melee_parcels()
    _orders()
    _checkouts()


def _jewelry() -> None:
    op.create_table(
        "jewelry",
        sa.Column("stock_id", sa.String(64), primary_key=True),
        sa.Column("supplier", sa.String(64), nullable=False, server_default=""),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("style", sa.String(16)),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("material", sa.String(16), nullable=False),
        sa.Column("karat", sa.Integer),
        sa.Column("metal_color", sa.String(16)),
        sa.Column("stone_carat", sa.Float),
        sa.Column("diamond_color", sa.String(8)),
        sa.Column("diamond_clarity", sa.String(16)),
        sa.Column("ring_size", sa.Float),
        sa.Column("price_inr", sa.BigInteger, nullable=False),
        sa.Column("available", sa.Integer, nullable=False, server_default="1"),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_index("ix_jewelry_kind_price", "jewelry", ["kind", "price_inr"])


def _melee_parcels() -> None:
    op.create_table(
        "melee_parcels",
        sa.Column("stock_id", sa.String(64), primary_key=True),
        sa.Column("supplier", sa.String(64), nullable=False, server_default=""),
        sa.Column("sieve", sa.String(16)),
        sa.Column("mm_from", sa.Float, nullable=False),
        sa.Column("mm_to", sa.Float, nullable=False),
        sa.Column("color_range", sa.String(16), nullable=False),
        sa.Column("clarity_range", sa.String(16), nullable=False),
        sa.Column("carats_available", sa.Float, nullable=False),
        sa.Column("price_per_carat_inr", sa.BigInteger, nullable=False),
        sa.Column("available", sa.Integer, nullable=False, server_default="1"),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_index("ix_melee_parcels_mm", "melee_parcels", ["mm_from", "mm_to"])


def _orders() -> None:
    op.create_table(
        "orders",
        sa.Column("order_key", sa.String(64), primary_key=True),
        sa.Column("order_id", sa.String(64), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("items", sa.Text, nullable=False),
        sa.Column("placed_on", sa.Date, nullable=False),
        sa.Column("expected_delivery", sa.Date),
        sa.Column("tracking_url", sa.Text),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_index("ix_orders_phone_placed", "orders", ["phone", "placed_on"])


def _checkouts() -> None:
    op.create_table(
        "checkouts",
        sa.Column("token", sa.String(64), primary_key=True),
        sa.Column("customer", sa.String(128), nullable=False),
        sa.Column("items", sa.Text, nullable=False),
        sa.Column("total_inr", sa.BigInteger, nullable=False),
        sa.Column("source_message_id", sa.String(128), nullable=False, unique=True),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("ix_checkouts_customer_created", "checkouts", ["customer", "created_at"])


def downgrade() -> None:
    for table in ("checkouts", "orders", "melee_parcels", "jewelry"):
        op.drop_table(table)
    with op.batch_alter_table("cart_items") as batch:  # SQLite cannot drop a column in place
        batch.drop_column("carats")
