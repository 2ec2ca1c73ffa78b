"""The staff console: staff accounts, console sessions, failed logins, the funnel, when
customers last wrote (the 24-hour WhatsApp window), and replies to quote requests.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _accounts_and_sessions()
    _funnel_and_activity()
    _quote_replies()


def _accounts_and_sessions() -> None:
    op.create_table(
        "staff_accounts",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "console_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    op.create_index("ix_console_sessions_expires", "console_sessions", ["expires_at"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("failed_at", sa.Float, nullable=False),
    )
    op.create_index("ix_login_failures_key_time", "login_failures", ["key", "failed_at"])


def _funnel_and_activity() -> None:
    op.create_table(
        "funnel_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("customer", sa.String(128), nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("day", sa.Integer, nullable=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.UniqueConstraint("customer", "stage", "day", name="uq_funnel_events_customer_stage_day"),
    )
    op.create_index("ix_funnel_events_stage_at", "funnel_events", ["stage", "at"])
    op.create_table(
        "customer_activity",
        sa.Column("customer", sa.String(128), primary_key=True),
        sa.Column("last_message_at", sa.Float, nullable=False),
    )
    op.create_index("ix_customer_activity_last", "customer_activity", ["last_message_at"])


def _quote_replies() -> None:
    op.create_table(
        "quote_replies",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("quote_id", sa.Integer, sa.ForeignKey("quotes.id"), nullable=False),
        sa.Column("staff", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("outbox_id", sa.Integer),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("ix_quote_replies_quote", "quote_replies", ["quote_id", "id"])


def downgrade() -> None:
    for table in (
        "quote_replies",
        "customer_activity",
        "funnel_events",
        "login_failures",
        "console_sessions",
        "staff_accounts",
    ):
        op.drop_table(table)
