"""Support: the outbox of replies sent later, and handoffs to a person with their messages.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("customer", sa.String(128), nullable=False),
        sa.Column("address", sa.String(160), nullable=False),
        sa.Column("message_id", sa.String(128), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("question", sa.Text),
        sa.Column("history", sa.Text),
        sa.Column("answer_kind", sa.String(16)),
        sa.Column("answer_text", sa.Text),
        sa.Column("replies", sa.Text),
        sa.Column("result", sa.Text),
        sa.Column("lease_owner", sa.String(64)),
        sa.Column("lease_until", sa.Float, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_index("ix_outbox_customer_id", "outbox", ["customer", "id"])
    op.create_index("ix_outbox_state_lease", "outbox", ["state", "lease_until"])
    op.create_table(
        "handoffs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("customer", sa.String(128), nullable=False),
        sa.Column("address", sa.String(160), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("transcript", sa.Text, nullable=False),
        sa.Column("opened_at", sa.Float, nullable=False),
        sa.Column("closed_at", sa.Float),
        sa.Column("closed_by", sa.String(16)),
        sa.Column("staff_replied_at", sa.Float),
        sa.Column("reminded_at", sa.Float),
    )
    op.create_index("ix_handoffs_state_opened", "handoffs", ["state", "opened_at"])
    op.create_index("ix_handoffs_customer_state", "handoffs", ["customer", "state"])
    op.create_table(
        "handoff_messages",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("handoff_id", sa.Integer, sa.ForeignKey("handoffs.id"), nullable=False),
        sa.Column("author", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("message_id", sa.String(128), unique=True),
        sa.Column("outbox_id", sa.Integer),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("ix_handoff_messages_handoff", "handoff_messages", ["handoff_id", "id"])


def downgrade() -> None:
    for table in ("handoff_messages", "handoffs", "outbox"):
        op.drop_table(table)
