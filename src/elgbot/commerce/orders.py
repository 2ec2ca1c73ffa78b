"""Orders from the store's order system, and the rule that guards them.

Orders arrive by CSV (`order_feed`) or the orders API (`web/orders_api`); both read their
fields with the parsers here, so a value means the same whichever way it came.

Privacy: an order's details are shown only to the phone number that placed it. The store
answers "which orders does this number have" and "this order, if this number placed it";
it has no customer-facing lookup by order id alone, so nothing can reveal that someone
else's order exists.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Final
from urllib.parse import urlsplit

from sqlalchemy import Row, func, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.storage.database import upsert_insert
from elgbot.storage.schema import orders

MAX_ITEMS: Final = 50
MAX_ITEM_CHARS: Final = 200
MAX_URL_CHARS: Final = 500
RECENT_ORDERS: Final = 5
MIN_DIGITS_ALONE: Final = 4  # "1" must not pick whichever order ends in 1


class OrderFieldError(ValueError):
    """A field the order system sent that cannot be taken; the message says why."""


class OrderStatus(StrEnum):
    PLACED = "placed"
    CONFIRMED = "confirmed"
    IN_PRODUCTION = "in_production"  # jewellery being made or set
    SHIPPED = "shipped"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


# The words order systems use for each status (compared lower-case, "-"/"_" as spaces).
_STATUS_WORDS: Final[dict[str, OrderStatus]] = {
    **{status.value.replace("_", " "): status for status in OrderStatus},
    **dict.fromkeys(["new", "pending", "received", "order placed"], OrderStatus.PLACED),
    **dict.fromkeys(["processing", "paid", "accepted"], OrderStatus.CONFIRMED),
    **dict.fromkeys(
        ["making", "manufacturing", "crafting", "production", "in making"],
        OrderStatus.IN_PRODUCTION,
    ),
    **dict.fromkeys(["dispatched", "in transit", "on the way"], OrderStatus.SHIPPED),
    **dict.fromkeys(["out for delivery", "ofd"], OrderStatus.OUT_FOR_DELIVERY),
    **dict.fromkeys(["completed", "complete"], OrderStatus.DELIVERED),
    **dict.fromkeys(["canceled"], OrderStatus.CANCELLED),
    **dict.fromkeys(["refunded", "rto"], OrderStatus.RETURNED),
}
_ORDER_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_/.#]{0,63}")
_E164: Final = re.compile(r"\+[1-9]\d{7,14}")
_PHONE_PUNCTUATION: Final = str.maketrans("", "", " -().")
_DAY_FIRST: Final = re.compile(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})")


@dataclass(frozen=True, slots=True)
class Order:
    order_id: str
    phone: str  # E.164, as the customer's WhatsApp number reads
    status: OrderStatus
    items: tuple[str, ...]
    placed_on: date
    expected_delivery: date | None = None
    tracking_url: str | None = None

    @property
    def key(self) -> str:
        return order_key(self.order_id)


def order_key(order_id: str) -> str:
    """'ELG-10234', 'elg 10234' and '#ELG10234' are one order: letters and digits only."""
    return "".join(ch for ch in order_id.upper() if ch.isalnum())


def parse_order_id(text: str) -> str:
    order_id = text.strip()
    if not _ORDER_ID.fullmatch(order_id):
        raise OrderFieldError(
            f"order id {order_id!r} must be 1-64 letters, digits or - _ / . # (starting with "
            "a letter or digit)"
        )
    return order_id


def parse_phone(text: str) -> str:
    phone = text.strip().removeprefix("whatsapp:").translate(_PHONE_PUNCTUATION)
    if not _E164.fullmatch(phone):
        raise OrderFieldError(f"phone {text.strip()!r} is not in E.164 form, e.g. +919812345678")
    return phone


def parse_status(text: str) -> OrderStatus:
    words = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    status = _STATUS_WORDS.get(words)
    if status is None:
        known = ", ".join(s.value for s in OrderStatus)
        raise OrderFieldError(f"unknown status {text.strip()!r} (known: {known})")
    return status


def parse_day(text: str, field: str) -> date:
    """ISO dates and date-times ('2025-03-01', '2025-03-01T10:30:00+05:30') and the Indian
    day-first form ('01/03/2025'); a date-time keeps the date as written."""
    written = text.strip()
    if not written:
        raise OrderFieldError(f"missing {field}")
    if day_first := _DAY_FIRST.fullmatch(written):
        day, month, year = (int(part) for part in day_first.groups())
        return _date(year, month, day, written, field)
    try:
        return datetime.fromisoformat(written).date()
    except ValueError:
        raise OrderFieldError(
            f"{field} {written!r} is not a date (YYYY-MM-DD or DD/MM/YYYY)"
        ) from None


def _date(year: int, month: int, day: int, written: str, field: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise OrderFieldError(f"{field} {written!r} is not a real date") from None


def parse_tracking_url(text: str) -> str:
    url = text.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > MAX_URL_CHARS:
        raise OrderFieldError(f"tracking url {url[:80]!r} is not an http(s) link")
    return url


def parse_items(written: str | Sequence[str]) -> tuple[str, ...]:
    """A list, or one cell with items separated by ';', '|' or line breaks."""
    parts = re.split(r"[;|\n]", written) if isinstance(written, str) else written
    items = tuple(part.strip() for part in parts if part.strip())
    if len(items) > MAX_ITEMS:
        raise OrderFieldError(f"more than {MAX_ITEMS} items")
    if any(len(item) > MAX_ITEM_CHARS for item in items):
        raise OrderFieldError(f"an item is longer than {MAX_ITEM_CHARS} characters")
    return items


def check_dates(placed_on: date, expected_delivery: date | None) -> None:
    if expected_delivery is not None and expected_delivery < placed_on:
        raise OrderFieldError("expected delivery is before the order was placed")


class SqlOrders:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._insert = upsert_insert(engine)

    async def put(self, batch: Sequence[Order]) -> int:
        """Create or update orders by id (one transaction); returns how many were new."""
        if not batch:
            return 0
        rows = [_row(order, time.time()) for order in batch]
        statement = self._insert(orders)
        statement = statement.on_conflict_do_update(
            index_elements=[orders.c.order_key],
            set_={name: statement.excluded[name] for name in rows[0] if name != "order_key"},
        )
        keys = [row["order_key"] for row in rows]
        async with self._engine.begin() as conn:
            known = await conn.scalar(select(func.count()).where(orders.c.order_key.in_(keys)))
            await conn.execute(statement, rows)
        return len(rows) - int(known or 0)

    async def recent_for(self, phone: str, limit: int = RECENT_ORDERS) -> list[Order]:
        """This number's latest orders, newest first."""
        query = (
            select(orders)
            .where(orders.c.phone == phone)
            .order_by(orders.c.placed_on.desc(), orders.c.order_key.desc())
            .limit(limit)
        )
        async with self._engine.connect() as conn:
            return [_order(row) for row in await conn.execute(query)]

    async def placed_by(self, phone: str, order_id: str) -> Order | None:
        """The order if `phone` placed it; None when it does not exist or is someone else's
        (the two must look the same to the customer).

        Customers often type only the number of an id ("10234" for "ELG-10234"): among this
        phone's own orders, exactly one ending in those digits is that order.
        """
        key = order_key(order_id)
        same = orders.c.order_key == key
        if key.isdigit() and len(key) >= MIN_DIGITS_ALONE:
            same = or_(same, orders.c.order_key.endswith(key, autoescape=True))
        query = select(orders).where(orders.c.phone == phone, same)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        exact = [row for row in rows if row.order_key == key]
        found = exact or rows
        return _order(found[0]) if len(found) == 1 else None


def _row(order: Order, now: float) -> dict[str, Any]:
    return {
        "order_key": order.key,
        "order_id": order.order_id,
        "phone": order.phone,
        "status": order.status.value,
        "items": json.dumps(list(order.items), ensure_ascii=False),
        "placed_on": order.placed_on,
        "expected_delivery": order.expected_delivery,
        "tracking_url": order.tracking_url,
        "updated_at": now,
    }


def _order(row: Row[Any]) -> Order:
    return Order(
        order_id=row.order_id,
        phone=row.phone,
        status=OrderStatus(row.status),
        items=tuple(json.loads(row.items)),
        placed_on=row.placed_on,
        expected_delivery=row.expected_delivery,
        tracking_url=row.tracking_url,
    )
