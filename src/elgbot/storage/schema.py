"""The database schema, one definition for SQLite and PostgreSQL.

Migrations (storage/migrations) create exactly these tables; queries live in one module per
store and use these Table objects or plain parameterised SQL.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    Float,
    ForeignKey,
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
    # Graded facts from feeds (0002); the search does not filter on them.
    Column("polish", String(16)),
    Column("symmetry", String(16)),
    Column("fluorescence", String(16)),
    Column("lab", String(32)),
    Column("certificate", String(64)),
)
# Two covering indexes for the search: walks from a target carat, and seeks by grade ranks
# (catalog/search_query.py explains both).
Index(
    "ix_stones_carat",
    *(stones.c[name] for name in ("shape", "carat", "price_inr", "stock_id")),
    *(stones.c[name] for name in ("color_rank", "clarity_rank", "cut_tier", "available", "cut")),
)
Index(
    "ix_stones_grades",
    *(stones.c[name] for name in ("shape", "color_rank", "clarity_rank", "carat", "price_inr")),
    *(stones.c[name] for name in ("stock_id", "cut_tier", "available", "cut")),
)
Index("ix_stones_shape_price", stones.c.shape, stones.c.price_inr)
Index("ix_stones_supplier", stones.c.supplier)

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
    Column("carats", Float),  # a melee line's quantity (0004); `price_inr` is the line's total
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

# ---- support (0003) --------------------------------------------------------------------
# Replies sent later through the REST API, in order per customer: an assistant answer that
# missed the webhook's budget, replies queued behind it, staff replies. A row is leased by
# the worker handling it; an expired lease means that worker died and another finishes it.
outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("customer", String(128), nullable=False),
    Column("address", String(160), nullable=False),
    Column("message_id", String(128), nullable=False),
    Column("state", String(16), nullable=False),
    Column("question", Text),
    Column("history", Text),
    Column("answer_kind", String(16)),
    Column("answer_text", Text),
    Column("replies", Text),
    Column("result", Text),
    Column("lease_owner", String(64)),
    Column("lease_until", Float, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    # Sends Twilio could not take yet (0009): the pause before the next grows with them. A
    # READY row waiting to be tried again keeps its next time in `lease_until`.
    Column("tries", Integer, nullable=False, server_default="0"),
)
Index("ix_outbox_customer_id", outbox.c.customer, outbox.c.id)
Index("ix_outbox_state_lease", outbox.c.state, outbox.c.lease_until)

handoffs = Table(
    "handoffs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("customer", String(128), nullable=False),
    Column("address", String(160), nullable=False),
    Column("state", String(16), nullable=False),
    Column("transcript", Text, nullable=False),  # the conversation before, as JSON
    Column("opened_at", Float, nullable=False),
    Column("closed_at", Float),
    Column("closed_by", String(16)),
    Column("staff_replied_at", Float),
    Column("reminded_at", Float),
)
Index("ix_handoffs_state_opened", handoffs.c.state, handoffs.c.opened_at)
Index("ix_handoffs_customer_state", handoffs.c.customer, handoffs.c.state)

handoff_messages = Table(
    "handoff_messages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("handoff_id", Integer, ForeignKey("handoffs.id"), nullable=False),
    Column("author", String(16), nullable=False),
    Column("text", Text, nullable=False),
    # The customer's MessageSid: a redelivered message is stored once.
    Column("message_id", String(128), unique=True),
    Column("outbox_id", Integer),  # how a staff reply was sent
    Column("created_at", Float, nullable=False),
    # The customer's attachments as JSON [[url, content type], …] (0007); NULL: none.
    Column("media", Text),
    # A staff reply's one-time console form key (0008): a double submit sends it once.
    Column("submission_key", String(64)),
)
Index("uq_handoff_messages_submission_key", handoff_messages.c.submission_key, unique=True)
Index("ix_handoff_messages_handoff", handoff_messages.c.handoff_id, handoff_messages.c.id)
Index("ix_handoff_messages_outbox", handoff_messages.c.outbox_id)  # 0006

# ---- the rest of the menu (0004): jewellery, melee parcels, orders, checkouts ------------
jewelry = Table(
    "jewelry",
    metadata,
    Column("stock_id", String(64), primary_key=True),
    Column("supplier", String(64), nullable=False, server_default=""),
    Column("kind", String(16), nullable=False),  # ring, earrings, pendant …
    Column("style", String(16)),  # band, solitaire, studs, hoops, tennis …
    Column("title", Text, nullable=False),
    # Metal is material + karat + colour: "18k rose gold" is none of 14K, white gold, platinum.
    Column("material", String(16), nullable=False),
    Column("karat", Integer),
    Column("metal_color", String(16)),
    Column("stone_carat", Float),
    Column("diamond_color", String(8)),
    Column("diamond_clarity", String(16)),
    Column("ring_size", Float),  # Indian size; none: made to the customer's size
    Column("price_inr", BigInteger, nullable=False),
    Column("available", Integer, nullable=False, server_default="1"),
    Column("updated_at", Float, nullable=False),
)
Index("ix_jewelry_kind_price", jewelry.c.kind, jewelry.c.price_inr)

melee_parcels = Table(
    "melee_parcels",
    metadata,
    Column("stock_id", String(64), primary_key=True),
    Column("supplier", String(64), nullable=False, server_default=""),
    Column("sieve", String(16)),
    Column("mm_from", Float, nullable=False),
    Column("mm_to", Float, nullable=False),
    Column("color_range", String(16), nullable=False),
    Column("clarity_range", String(16), nullable=False),
    Column("carats_available", Float, nullable=False),
    Column("price_per_carat_inr", BigInteger, nullable=False),
    Column("available", Integer, nullable=False, server_default="1"),
    Column("updated_at", Float, nullable=False),
)
Index("ix_melee_parcels_mm", melee_parcels.c.mm_from, melee_parcels.c.mm_to)

orders = Table(
    "orders",
    metadata,
    # 'ELG-10234' and 'elg10234' are one order: the key is the id's letters and digits.
    Column("order_key", String(64), primary_key=True),
    Column("order_id", String(64), nullable=False),
    Column("phone", String(32), nullable=False),
    Column("status", String(32), nullable=False),
    Column("items", Text, nullable=False),  # a JSON list of item descriptions
    Column("placed_on", Date, nullable=False),
    Column("expected_delivery", Date),
    Column("tracking_url", Text),
    Column("updated_at", Float, nullable=False),
)
Index("ix_orders_phone_placed", orders.c.phone, orders.c.placed_on)

checkouts = Table(
    "checkouts",
    metadata,
    # Unguessable: the checkout link carries it, and it is all the site needs to find the cart.
    Column("token", String(64), primary_key=True),
    Column("customer", String(128), nullable=False),
    Column("items", Text, nullable=False),  # the cart as it was checked out, as JSON
    Column("total_inr", BigInteger, nullable=False),
    # The message that asked: a repeated delivery gets the same link, not a second intent.
    Column("source_message_id", String(128), nullable=False, unique=True),
    Column("created_at", Float, nullable=False),
)
Index("ix_checkouts_customer_created", checkouts.c.customer, checkouts.c.created_at)

# ---- staff console (0005) ----------------------------------------------------------------
staff_accounts = Table(
    "staff_accounts",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("password_hash", Text, nullable=False),  # argon2id, with its parameters
    Column("created_at", Float, nullable=False),
)

# Server-side sessions: the cookie carries a random token, the database only its SHA-256, so
# a leaked table cannot be replayed; logout and expiry delete the row.
console_sessions = Table(
    "console_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("username", String(64), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
)
Index("ix_console_sessions_expires", console_sessions.c.expires_at)

# Failed logins, per username and per client, in the database so every worker counts them.
login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(200), nullable=False),
    Column("failed_at", Float, nullable=False),
)
Index("ix_login_failures_key_time", login_failures.c.key, login_failures.c.failed_at)

# One row per customer, stage and (UTC) day: the funnel counts customers, not messages.
funnel_events = Table(
    "funnel_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("customer", String(128), nullable=False),
    Column("stage", String(16), nullable=False),
    Column("day", Integer, nullable=False),
    Column("at", Float, nullable=False),
    UniqueConstraint("customer", "stage", "day", name="uq_funnel_events_customer_stage_day"),
)
Index("ix_funnel_events_stage_at", funnel_events.c.stage, funnel_events.c.at)

# When each customer last wrote: WhatsApp allows free-form replies for 24 hours after it.
customer_activity = Table(
    "customer_activity",
    metadata,
    Column("customer", String(128), primary_key=True),
    Column("last_message_at", Float, nullable=False),
)
Index("ix_customer_activity_last", customer_activity.c.last_message_at)

quote_replies = Table(
    "quote_replies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("quote_id", Integer, ForeignKey("quotes.id"), nullable=False),
    Column("staff", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("outbox_id", Integer),  # how it was sent
    Column("created_at", Float, nullable=False),
    Column("submission_key", String(64)),  # the console form's one-time key (0008)
)
Index("uq_quote_replies_submission_key", quote_replies.c.submission_key, unique=True)
Index("ix_quote_replies_quote", quote_replies.c.quote_id, quote_replies.c.id)
