"""Handoff messages keep the customer's attachments (photos, documents …): where Twilio
has them and their type, as JSON, so staff get a link beside the caption.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("handoff_messages", sa.Column("media", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("handoff_messages") as table:  # SQLite rebuilds the table
        table.drop_column("media")
