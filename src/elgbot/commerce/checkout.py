"""Checkout intents: the cart as the customer checked it out, behind an unguessable token.

The bot cannot take payment in the chat; it gives a link `{site}/checkout?cart=<token>`
and records what the cart held, so the site (and the team) can find that exact cart.
The token is 192 random bits: knowing one link tells nothing about another customer's.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.commerce.cart import CartItem, ItemKind
from elgbot.storage.database import upsert_insert
from elgbot.storage.schema import checkouts

TOKEN_BYTES: Final = 24


@dataclass(frozen=True, slots=True)
class Checkout:
    token: str
    customer: str
    items: tuple[CartItem, ...]

    @property
    def total_inr(self) -> int:
        return sum(item.price_inr for item in self.items)


class SqlCheckouts:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._insert = upsert_insert(engine)

    async def start(
        self, customer: str, items: Sequence[CartItem], source_message_id: str
    ) -> Checkout:
        """Record the intent once per message: a repeated delivery gets the same link."""
        checkout = Checkout(secrets.token_urlsafe(TOKEN_BYTES), customer, tuple(items))
        statement = self._insert(checkouts).values(
            token=checkout.token,
            customer=customer,
            items=json.dumps([asdict(item) for item in items], ensure_ascii=False),
            total_inr=checkout.total_inr,
            source_message_id=source_message_id,
            created_at=time.time(),
        )
        query = select(checkouts).where(checkouts.c.source_message_id == source_message_id)
        async with self._engine.begin() as conn:
            await conn.execute(statement.on_conflict_do_nothing())
            row = (await conn.execute(query)).one()
        return Checkout(row.token, row.customer, _items(row.items))

    async def find(self, token: str) -> Checkout | None:
        query = select(checkouts).where(checkouts.c.token == token)
        async with self._engine.connect() as conn:
            row = (await conn.execute(query)).one_or_none()
        return None if row is None else Checkout(row.token, row.customer, _items(row.items))


def _items(stored: str) -> tuple[CartItem, ...]:
    return tuple(
        CartItem(ItemKind(i["kind"]), i["item_id"], i["title"], i["price_inr"], i["carats"])
        for i in json.loads(stored)
    )
