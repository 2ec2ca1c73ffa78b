"""Staff replies keep the one-time key of the console form that sent them, unique, so a
double submit (a double click, a browser resending the POST) sends the reply once.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_TABLES = ("handoff_messages", "quote_replies")


def upgrade() -> None:
    for table in _TABLES:
        op.add_column(table, sa.Column("submission_key", sa.String(64)))
        # A unique index, not a constraint: SQLite cannot add a constraint to a table.
        op.create_index(f"uq_{table}_submission_key", table, ["submission_key"], unique=True)


def downgrade() -> None:
    for table in _TABLES:
        op.drop_index(f"uq_{table}_submission_key", table)
        with op.batch_alter_table(table) as batch:  # SQLite rebuilds the table
            batch.drop_column("submission_key")
