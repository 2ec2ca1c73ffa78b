"""Read views of carts and orders for staff, searched by phone number or order id."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.commerce.orders import order_key
from elgbot.storage.schema import cart_items, orders

LIMIT: Final = 100
_NOT_DIGITS: Final = re.compile(r"\D")


@dataclass(frozen=True, slots=True)
class CartLine:
    kind: str
    item_id: str
    title: str
    price_inr: int
    carats: float | None
    added_at: float


@dataclass(frozen=True, slots=True)
class CartView:
    customer: str
    lines: tuple[CartLine, ...]

    @property
    def total_inr(self) -> int:
        return sum(line.price_inr for line in self.lines)

    @property
    def last_added(self) -> float:
        return max(line.added_at for line in self.lines)


@dataclass(frozen=True, slots=True)
class OrderView:
    order_id: str
    phone: str
    status: str
    items: tuple[str, ...]
    placed_on: date
    expected_delivery: date | None
    tracking_url: str | None


def phone_digits(query: str) -> str:
    return _NOT_DIGITS.sub("", query)


def _contains(column: ColumnElement[str], text: str) -> ColumnElement[bool]:
    return column.contains(text, autoescape=True)


async def carts(engine: AsyncEngine, query: str = "") -> list[CartView]:
    """Carts with items, most recently added to first; `query`: part of the phone number."""
    statement = select(cart_items).order_by(cart_items.c.added_at.desc())
    digits = phone_digits(query)
    if query.strip():
        statement = statement.where(_contains(cart_items.c.customer, digits or query.strip()))
    async with engine.connect() as conn:
        rows = (await conn.execute(statement.limit(LIMIT * 10))).all()
    by_customer: dict[str, list[CartLine]] = {}
    for r in rows:
        line = CartLine(r.kind, r.item_id, r.title, r.price_inr, r.carats, r.added_at)
        by_customer.setdefault(r.customer, []).append(line)
    views = [CartView(c, tuple(lines)) for c, lines in by_customer.items()]
    return sorted(views, key=lambda v: v.last_added, reverse=True)[:LIMIT]


async def find_orders(engine: AsyncEngine, query: str = "") -> list[OrderView]:
    """Orders, newest first; `query`: an order id (any spelling) or part of a phone number."""
    statement = select(orders).order_by(orders.c.placed_on.desc(), orders.c.order_key.desc())
    if query.strip():
        statement = statement.where(_order_matches(query))
    async with engine.connect() as conn:
        rows = (await conn.execute(statement.limit(LIMIT))).all()
    return [
        OrderView(
            r.order_id,
            r.phone,
            r.status,
            tuple(json.loads(r.items)),
            r.placed_on,
            r.expected_delivery,
            r.tracking_url,
        )
        for r in rows
    ]


def _order_matches(query: str) -> ColumnElement[bool]:
    key, digits = order_key(query), phone_digits(query)
    conditions = [_contains(orders.c.order_key, key)] if key else []
    if len(digits) >= 4:  # a few digits would match half the phone book
        conditions.append(_contains(orders.c.phone, digits))
    return or_(*conditions) if conditions else orders.c.order_key == key
