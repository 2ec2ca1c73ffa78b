"""Outbox rows count the sends Twilio could not take yet (an outage, 429): such a row is
tried again later, after a pause that grows with the count, instead of failing for good.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("tries", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as table:  # SQLite rebuilds the table
        table.drop_column("tries")
