"""Custom-quote requests: a promise the bot makes on the store's behalf, kept in SQL."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.storage.database import upsert_insert
from elgbot.storage.schema import quotes


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

    async def record(self, request: QuoteRequest) -> None:
        """Store the request once; a repeated delivery of the same message adds nothing."""
        statement = self._insert(quotes).values(
            customer=request.customer,
            request_text=request.request_text,
            spec_json=request.spec_json,
            source_message_id=request.source_message_id,
            created_at=time.time(),
        )
        async with self._engine.begin() as conn:
            await conn.execute(statement.on_conflict_do_nothing())

    async def for_customer(self, customer: str) -> list[StoredQuote]:
        query = select(quotes).where(quotes.c.customer == customer).order_by(quotes.c.id)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [
            StoredQuote(r.id, r.customer, r.request_text, r.spec_json, r.state, r.created_at)
            for r in rows
        ]
