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
from elgbot.storage.database import KEEP_ROWCOUNT
from elgbot.storage.schema import quote_replies, quotes
from elgbot.support.courier import Courier
from elgbot.support.outbox import SqlOutbox

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

    async def reply(self, quote_id: int, staff: str, text: str) -> None:
        """Send `text` to the customer, keep it with the quote, and mark the quote quoted."""
        quote, text = await self.get(quote_id), text.strip()
        if not text:
            raise ValueError("an empty reply cannot be sent")
        if not quote.window.is_open:
            raise WindowClosed(quote_id)
        message_id = f"staff-quote-{quote_id}-{uuid.uuid4().hex[:12]}"
        address = f"whatsapp:{quote.customer}"
        row_id = await self._outbox.add_ready(quote.customer, address, message_id, (text,))
        values = {"quote_id": quote_id, "staff": staff, "text": text, "outbox_id": row_id}
        async with self._engine.begin() as conn:
            await conn.execute(quote_replies.insert().values(created_at=self._clock(), **values))
        await self.set_state(quote_id, QuoteState.QUOTED)
        await self._courier.drain(quote.customer)

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


def _spec(spec_json: str) -> dict[str, Any]:
    try:
        spec = json.loads(spec_json)
    except ValueError:
        return {}
    return (
        {k: v for k, v in spec.items() if v not in (None, "", [])} if isinstance(spec, dict) else {}
    )
