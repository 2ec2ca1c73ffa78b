"""Carts in the SQL database: one row per item, so a cart outlives any session."""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.storage.database import KEEP_ROWCOUNT, upsert_insert
from elgbot.storage.schema import cart_items


class ItemKind(StrEnum):
    DIAMOND = "diamond"


@dataclass(frozen=True, slots=True)
class CartItem:
    kind: ItemKind
    item_id: str
    title: str
    price_inr: int


class SqlCarts:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._insert = upsert_insert(engine)

    async def add(self, customer: str, item: CartItem) -> bool:
        """Put `item` in the cart; False when it was already there (unique stones)."""
        statement = self._insert(cart_items).values(
            customer=customer,
            kind=item.kind.value,
            item_id=item.item_id,
            title=item.title,
            price_inr=item.price_inr,
            added_at=time.time(),
        )
        async with self._engine.begin() as conn:
            result = await conn.execute(
                statement.on_conflict_do_nothing(), execution_options=KEEP_ROWCOUNT
            )
        return result.rowcount == 1

    async def items(self, customer: str) -> list[CartItem]:
        query = (
            select(
                cart_items.c.kind, cart_items.c.item_id, cart_items.c.title, cart_items.c.price_inr
            )
            .where(cart_items.c.customer == customer)
            .order_by(cart_items.c.id)
        )
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [CartItem(ItemKind(r.kind), r.item_id, r.title, int(r.price_inr)) for r in rows]

    async def clear(self, customer: str) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(delete(cart_items).where(cart_items.c.customer == customer))
