"""Custom-quote requests: a promise the bot makes on the store's behalf, kept in SQL."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.storage.database import upsert_insert
from elgbot.storage.schema import quotes

# Details sent after "Quote" join a request this young (the team sees one request).
FOLLOW_UP_SECONDS = 30 * 60
DETAILS_SEPARATOR = " / "  # as the customer's messages of one spec are joined


@dataclass(frozen=True, slots=True)
class QuoteRequest:
    customer: str
    request_text: str
    spec_json: str
    source_message_id: str


@dataclass(frozen=True, slots=True)
class StoredQuote:
    id: int
    customer: str
    request_text: str
    spec_json: str
    state: str
    created_at: float


class SqlQuotes:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._insert = upsert_insert(engine)

    async def record(self, request: QuoteRequest, *, follow_up: bool = False) -> None:
        """Store the request once; a repeated delivery of the same message adds nothing.

        `follow_up`: details for the request this customer just made, added to it while
        the team has not taken it up (state 'new', at most FOLLOW_UP_SECONDS old)."""
        if follow_up and await self._add_details(request):
            return
        statement = self._insert(quotes).values(
            customer=request.customer,
            request_text=request.request_text,
            spec_json=request.spec_json,
            source_message_id=request.source_message_id,
            created_at=time.time(),
        )
        async with self._engine.begin() as conn:
            await conn.execute(statement.on_conflict_do_nothing())

    async def _add_details(self, request: QuoteRequest) -> bool:
        """Append to the customer's fresh request; False when there is none to add to.
        Under the customer's lock, so no other turn of theirs writes meanwhile."""
        recent = (
            select(quotes.c.id, quotes.c.request_text)
            .where(
                quotes.c.customer == request.customer,
                quotes.c.state == "new",
                quotes.c.created_at >= time.time() - FOLLOW_UP_SECONDS,
            )
            .order_by(quotes.c.id.desc())
            .limit(1)
        )
        addition = f"{DETAILS_SEPARATOR}{request.request_text}"
        async with self._engine.begin() as conn:
            row = (await conn.execute(recent)).first()
            if row is None:
                return False
            if not row.request_text.endswith(addition):  # a redelivery added it already
                joined = quotes.update().where(quotes.c.id == row.id)
                values = {"request_text": row.request_text + addition}
                await conn.execute(joined.values(**values, spec_json=request.spec_json))
        return True

    async def for_customer(self, customer: str) -> list[StoredQuote]:
        query = select(quotes).where(quotes.c.customer == customer).order_by(quotes.c.id)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [
            StoredQuote(r.id, r.customer, r.request_text, r.spec_json, r.state, r.created_at)
            for r in rows
        ]
