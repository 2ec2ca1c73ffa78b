"""Carts in the SQL database: one row per item, so a cart outlives any session."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import Row, delete, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.storage.database import KEEP_ROWCOUNT, upsert_insert
from elgbot.storage.schema import cart_items
from elgbot.understanding.words import normalise

# More lines than any cart holds: a position beyond it is no item, never a query.
_MOST_ITEMS: Final = 10_000


class ItemKind(StrEnum):
    DIAMOND = "diamond"
    JEWELRY = "jewelry"
    MELEE = "melee"  # a quantity of a parcel: `carats`, priced per carat


@dataclass(frozen=True, slots=True)
class CartItem:
    kind: ItemKind
    item_id: str
    title: str
    price_inr: int  # the line's total (for melee: carats times the price per carat)
    carats: float | None = None  # melee only


# What a customer may call an item beyond its title's words ("remove the diamond").
_KIND_WORDS: Final[dict[ItemKind, frozenset[str]]] = {
    ItemKind.DIAMOND: frozenset({"diamond", "diamonds", "stone", "stones", "loose"}),
    ItemKind.JEWELRY: frozenset({"jewellery", "jewelry", "piece"}),
    ItemKind.MELEE: frozenset({"melee", "parcel", "small", "diamonds", "diamond"}),
}


def named_by(item: CartItem, words: Sequence[str]) -> bool:
    """Whether every word names `item`: a word of its title (a plural or a shortening
    counts: "studs" for "Stud", "sol" for "Solitaire") or of its kind."""
    title = normalise(item.title).split()
    return all(
        word in _KIND_WORDS[item.kind] or any(_same_word(word, t) for t in title) for word in words
    )


def _same_word(said: str, title_word: str) -> bool:
    if said == title_word:
        return True
    shorter, longer = sorted((said, title_word), key=len)
    return len(shorter) >= 3 and longer.startswith(shorter)


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
            carats=item.carats,
        )
        async with self._engine.begin() as conn:
            result = await conn.execute(
                statement.on_conflict_do_nothing(), execution_options=KEEP_ROWCOUNT
            )
        return result.rowcount == 1

    async def put(self, customer: str, item: CartItem) -> bool:
        """Put `item` in the cart, replacing the line for the same item (a melee parcel
        asked for again: the new quantity counts); False when it replaced one."""
        values = {"title": item.title, "price_inr": item.price_inr, "carats": item.carats}
        statement = self._insert(cart_items).values(
            customer=customer,
            kind=item.kind.value,
            item_id=item.item_id,
            added_at=time.time(),
            **values,
        )
        statement = statement.on_conflict_do_update(
            index_elements=[cart_items.c.customer, cart_items.c.kind, cart_items.c.item_id],
            set_=values,
        )
        async with self._engine.begin() as conn:
            known = await conn.scalar(
                select(func.count()).where(
                    cart_items.c.customer == customer,
                    cart_items.c.kind == item.kind.value,
                    cart_items.c.item_id == item.item_id,
                )
            )
            await conn.execute(statement)
        return not known

    async def remove(self, customer: str, position: int) -> CartItem | None:
        """Take out the item shown as `position` (1 = first); None when there is none."""
        query = (
            select(cart_items.c.id, *_ITEM_COLUMNS)
            .where(cart_items.c.customer == customer)
            .order_by(cart_items.c.id)
            .offset(position - 1)
            .limit(1)
        )
        async with self._engine.begin() as conn:
            inside = 1 <= position <= _MOST_ITEMS  # no offset a database cannot hold
            row = (await conn.execute(query)).one_or_none() if inside else None
            if row is not None:
                await conn.execute(delete(cart_items).where(cart_items.c.id == row.id))
        return None if row is None else _item(row)

    async def items(self, customer: str) -> list[CartItem]:
        query = (
            select(*_ITEM_COLUMNS)
            .where(cart_items.c.customer == customer)
            .order_by(cart_items.c.id)
        )
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [_item(r) for r in rows]

    async def clear(self, customer: str) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(delete(cart_items).where(cart_items.c.customer == customer))


_ITEM_COLUMNS = (
    cart_items.c.kind,
    cart_items.c.item_id,
    cart_items.c.title,
    cart_items.c.price_inr,
    cart_items.c.carats,
)


def _item(row: Row[*tuple[Any, ...]]) -> CartItem:
    carats = None if row.carats is None else float(row.carats)
    return CartItem(ItemKind(row.kind), row.item_id, row.title, int(row.price_inr), carats)
