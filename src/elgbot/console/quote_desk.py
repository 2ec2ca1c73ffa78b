"""Quote requests for staff: list them by state, reply through the outbox (the same sender
as handoff replies, in order with the customer's other replies), and move them through
new → quoted → closed."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Row, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.console.delivery import delivery_of
from elgbot.console.window import ReplyWindow, WindowClosed, last_messages, latest
from elgbot.storage.database import KEEP_ROWCOUNT, upsert_insert
from elgbot.storage.schema import quote_replies, quotes
from elgbot.support.courier import Courier
from elgbot.support.outbox import SqlOutbox
from elgbot.understanding.money import format_inr

PAGE_SIZE = 200


class QuoteState(StrEnum):
    NEW = "new"
    QUOTED = "quoted"
    CLOSED = "closed"


class QuoteNotFound(Exception):
    """No quote request has this id."""


@dataclass(frozen=True, slots=True)
class QuoteReply:
    staff: str
    text: str
    created_at: float
    delivery: str | None


@dataclass(frozen=True, slots=True)
class QuoteView:
    id: int
    customer: str
    request_text: str
    spec: dict[str, Any]  # the spec as the bot read it
    state: str
    created_at: float
    window: ReplyWindow
    replies: tuple[QuoteReply, ...] = ()

    @property
    def read_as(self) -> str:
        return read_as(self.spec)


class QuoteDesk:
    def __init__(
        self,
        engine: AsyncEngine,
        outbox: SqlOutbox,
        courier: Courier,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._engine = engine
        self._outbox = outbox
        self._courier = courier
        self._clock = clock

    async def requests(self, state: QuoteState | None = None) -> list[QuoteView]:
        """Quote requests, newest first (only those in `state` when given)."""
        query = select(quotes).order_by(quotes.c.created_at.desc(), quotes.c.id.desc())
        if state is not None:
            query = query.where(quotes.c.state == state)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query.limit(PAGE_SIZE))).all()
        return await self._views(rows)

    async def get(self, quote_id: int) -> QuoteView:
        async with self._engine.connect() as conn:
            rows = (await conn.execute(select(quotes).where(quotes.c.id == quote_id))).all()
        if not rows:
            raise QuoteNotFound(quote_id)
        return (await self._views(rows))[0]

    async def reply(
        self, quote_id: int, staff: str, text: str, submission_key: str | None = None
    ) -> bool:
        """Send `text` to the customer, keep it with the quote, and mark the quote quoted.
        False when this form (`submission_key`) was submitted before: nothing is sent."""
        if submission_key and await self._submitted(submission_key):
            return False
        quote, text = await self.get(quote_id), text.strip()
        if not text:
            raise ValueError("an empty reply cannot be sent")
        if not quote.window.is_open:
            raise WindowClosed(quote_id)
        key = submission_key or uuid.uuid4().hex
        # Stored (and the key claimed) before it is queued: of two submits racing, one sends.
        if not await self._claim(quote_id, staff, text, key):
            return False
        message_id = f"staff-quote-{quote_id}-{uuid.uuid4().hex[:12]}"
        address = f"whatsapp:{quote.customer}"
        row_id = await self._outbox.add_ready(quote.customer, address, message_id, (text,))
        linked = update(quote_replies).where(quote_replies.c.submission_key == key)
        async with self._engine.begin() as conn:
            await conn.execute(linked.values(outbox_id=row_id))
        await self.set_state(quote_id, QuoteState.QUOTED)
        await self._courier.drain(quote.customer)
        return True

    async def _submitted(self, submission_key: str) -> bool:
        query = select(quote_replies.c.id).where(quote_replies.c.submission_key == submission_key)
        async with self._engine.connect() as conn:
            return (await conn.execute(query)).first() is not None

    async def _claim(self, quote_id: int, staff: str, text: str, key: str) -> bool:
        values = {"quote_id": quote_id, "staff": staff, "text": text, "submission_key": key}
        statement = upsert_insert(self._engine)(quote_replies).values(
            created_at=self._clock(), **values
        )
        async with self._engine.begin() as conn:
            result = await conn.execute(
                statement.on_conflict_do_nothing(), execution_options=KEEP_ROWCOUNT
            )
        return bool(result.rowcount)

    async def set_state(self, quote_id: int, state: QuoteState) -> None:
        statement = update(quotes).where(quotes.c.id == quote_id).values(state=state)
        async with self._engine.begin() as conn:
            result = await conn.execute(statement, execution_options=KEEP_ROWCOUNT)
        if result.rowcount != 1:
            raise QuoteNotFound(quote_id)

    async def count(self, state: QuoteState) -> int:
        query = select(func.count()).select_from(quotes).where(quotes.c.state == state)
        async with self._engine.connect() as conn:
            return int((await conn.execute(query)).scalar() or 0)

    async def _views(self, rows: Sequence[Row[Any]]) -> list[QuoteView]:
        replies = await self._replies([r.id for r in rows])
        seen = await last_messages(self._engine, (r.customer for r in rows))
        now = self._clock()
        return [
            QuoteView(
                r.id,
                r.customer,
                r.request_text,
                _spec(r.spec_json),
                r.state,
                r.created_at,
                ReplyWindow(latest(seen.get(r.customer), r.created_at), now),
                tuple(replies.get(r.id, [])),
            )
            for r in rows
        ]

    async def _replies(self, quote_ids: list[int]) -> dict[int, list[QuoteReply]]:
        query = (
            select(quote_replies)
            .where(quote_replies.c.quote_id.in_(quote_ids))
            .order_by(quote_replies.c.id)
        )
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all() if quote_ids else []
        deliveries = await delivery_of(self._engine, (r.outbox_id for r in rows if r.outbox_id))
        by_quote: dict[int, list[QuoteReply]] = {}
        for r in rows:
            status = deliveries.get(r.outbox_id) if r.outbox_id else None
            by_quote.setdefault(r.quote_id, []).append(
                QuoteReply(r.staff, r.text, r.created_at, status)
            )
        return by_quote


# How staff read the stored keys (spec_to_json, jewelry_to_dict, melee_to_dict).
_LABELS = {
    "quote": "request",
    "colors": "colour",
    "clarities": "clarity",
    "cuts": "cut",
    "metal_color": "metal colour",
    "ring_size": "ring size",
    "mm_from": "from mm",
    "mm_to": "to mm",
}
_FLAGS = {"engagement": "engagement ring", "budget_per_carat": "budget per carat"}
# (label, lower key, upper key, how a value is written): one part for both ends.
_RANGES: tuple[tuple[str, str, str, Callable[[Any], str]], ...] = (
    ("carat", "carat_min", "carat_max", lambda v: _number(float(v))),
    ("budget", "budget_min_inr", "budget_max_inr", lambda v: format_inr(int(v))),
)
_RANGE_OF = {key: r for r in _RANGES for key in r[1:3]}


def read_as(spec: dict[str, Any]) -> str:
    """The spec as staff read it ("shape emerald; carat 3; colour D"), in the stored order,
    without the fields the customer did not give (None, empty, false)."""
    parts: list[str] = []
    for key, value in spec.items():
        if (bounds := _RANGE_OF.get(key)) is not None:
            label, low, high, show = bounds
            part = _range(label, spec.get(low), spec.get(high), show)
        else:
            part = _part(key, value)
        if part and part not in parts:  # a range's two keys give one part
            parts.append(part)
    return "; ".join(parts)


def _part(key: str, value: Any) -> str:
    if key in _FLAGS:
        return _FLAGS[key] if value is True else ""
    if value in (None, "", [], False):
        return ""
    if key == "budget_inr":
        return f"budget {format_inr(int(value))}"
    shown = ", ".join(map(str, value)) if isinstance(value, list) else _number(value)
    return f"{_LABELS.get(key, key.replace('_', ' '))} {shown}"


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _range(label: str, low: Any, high: Any, show: Callable[[Any], str]) -> str:
    if low is None and high is None:
        return ""
    if low is None or high is None:
        return f"{label} up to {show(high)}" if low is None else f"{label} from {show(low)}"
    return f"{label} {show(low)}" if low == high else f"{label} {show(low)}–{show(high)}"


def _spec(spec_json: str) -> dict[str, Any]:
    try:
        spec = json.loads(spec_json)
    except ValueError:
        return {}
    return (
        {k: v for k, v in spec.items() if v not in (None, "", [])} if isinstance(spec, dict) else {}
    )
