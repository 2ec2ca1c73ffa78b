"""Handoff messages by outbox row: a staff reply counts once Twilio accepted it, and the
courier finds its handoff from the row it sent.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_handoff_messages_outbox", "handoff_messages", ["outbox_id"])


def downgrade() -> None:
    op.drop_index("ix_handoff_messages_outbox", "handoff_messages")
