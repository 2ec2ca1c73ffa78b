"""Catalog at trade scale: the graded facts feeds carry, and indexes for the search and for
replacing one supplier's stock.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_GRADED_FACTS = (
    ("polish", 16),
    ("symmetry", 16),
    ("fluorescence", 16),
    ("lab", 32),
    ("certificate", 64),
)
# Both cover every column a search reads (see catalog/search_query.py).
_SEARCH_INDEXES = {
    "ix_stones_carat": [
        *("shape", "carat", "price_inr", "stock_id"),
        *("color_rank", "clarity_rank", "cut_tier", "available", "cut"),
    ],
    "ix_stones_grades": [
        *("shape", "color_rank", "clarity_rank", "carat", "price_inr"),
        *("stock_id", "cut_tier", "available", "cut"),
    ],
}


def upgrade() -> None:
    for name, length in _GRADED_FACTS:
        op.add_column("stones", sa.Column(name, sa.String(length), nullable=True))
    # ix_stones_carat leads with (shape, carat), so it replaces that index.
    op.drop_index("ix_stones_shape_carat", table_name="stones")
    for name, columns in _SEARCH_INDEXES.items():
        op.create_index(name, "stones", columns)
    op.create_index("ix_stones_supplier", "stones", ["supplier"])


def downgrade() -> None:
    op.drop_index("ix_stones_supplier", table_name="stones")
    for name in _SEARCH_INDEXES:
        op.drop_index(name, table_name="stones")
    op.create_index("ix_stones_shape_carat", "stones", ["shape", "carat"])
    for name, _length in reversed(_GRADED_FACTS):
        op.drop_column("stones", name)
