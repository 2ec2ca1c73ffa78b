"""Jewellery in the SQL database: upserts from uploads, the search, lookups for the cart."""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any, Final

from sqlalchemy import ColumnElement, Row, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.catalog.jewelry import (
    NOT_ENGAGEMENT,
    JewelryKind,
    JewelryQuery,
    Material,
    Metal,
    MetalColor,
    Piece,
    Style,
)
from elgbot.catalog.listing import StockState
from elgbot.storage.database import KEEP_ROWCOUNT, upsert_insert
from elgbot.storage.schema import jewelry

SHOWN_PIECES: Final = 4
_BATCH: Final = 1000


class SqlJewelry:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._insert = upsert_insert(engine)

    async def put(self, batch: Sequence[Piece], supplier: str = "") -> int:
        """Add or update pieces by stock id (offered again if withdrawn); how many were new."""
        new = 0
        for start in range(0, len(batch), _BATCH):
            new += await self._put(batch[start : start + _BATCH], supplier)
        return new

    async def _put(self, batch: Sequence[Piece], supplier: str) -> int:
        if not batch:
            return 0
        rows = [_row(piece, supplier, time.time()) for piece in batch]
        statement = self._insert(jewelry)
        statement = statement.on_conflict_do_update(
            index_elements=[jewelry.c.stock_id],
            set_={name: statement.excluded[name] for name in rows[0] if name != "stock_id"},
        )
        ids = [piece.stock_id for piece in batch]
        async with self._engine.begin() as conn:
            known = await conn.scalar(select(func.count()).where(jewelry.c.stock_id.in_(ids)))
            await conn.execute(statement, rows)
        return len(rows) - int(known or 0)

    async def withdraw_others(self, supplier: str, keep: Collection[str]) -> int:
        """Stop offering the supplier's pieces that are not in `keep` (an upload that
        replaces their stock); how many were withdrawn."""
        query = (
            update(jewelry)
            .where(jewelry.c.supplier == supplier, jewelry.c.available == 1)
            .where(jewelry.c.stock_id.not_in(list(keep)))
            .values(available=0, updated_at=time.time())
        )
        async with self._engine.begin() as conn:
            result = await conn.execute(query, execution_options=KEEP_ROWCOUNT)
        return int(result.rowcount)

    async def search(self, query: JewelryQuery, limit: int = SHOWN_PIECES) -> list[Piece]:
        """Available pieces as asked. With a budget the dearest within it come first (the
        most the customer meant to spend buys), otherwise the least expensive; a ring in
        the asked size before one made to size."""
        price = jewelry.c.price_inr.desc() if query.budget_max_inr else jewelry.c.price_inr
        order: list[ColumnElement[Any]] = [price, jewelry.c.stock_id]
        if query.ring_size is not None:
            order.insert(0, jewelry.c.ring_size.is_(None))
        statement = (
            select(jewelry)
            .where(jewelry.c.available == 1, *_conditions(query))
            .order_by(*order)
            .limit(limit)
        )
        async with self._engine.connect() as conn:
            return [_piece(row) for row in await conn.execute(statement)]

    async def lowest_price(self, query: JewelryQuery) -> int | None:
        """The lowest price of a piece as asked but above the budget's ceiling; None when
        there is none (the budget is then not what keeps the pieces out)."""
        if query.budget_max_inr is None:
            return None
        unlimited = replace(query, budget_min_inr=None, budget_max_inr=None)
        statement = select(func.min(jewelry.c.price_inr)).where(
            jewelry.c.available == 1,
            jewelry.c.price_inr > query.budget_max_inr,
            *_conditions(unlimited),
        )
        async with self._engine.connect() as conn:
            price = await conn.scalar(statement)
        return None if price is None else int(price)

    async def get(self, stock_id: str) -> Piece | None:
        statement = select(jewelry).where(jewelry.c.stock_id == stock_id, jewelry.c.available == 1)
        async with self._engine.connect() as conn:
            row = (await conn.execute(statement)).one_or_none()
        return None if row is None else _piece(row)

    async def states(self, stock_ids: Collection[str]) -> dict[str, StockState]:
        """Each id's current state; ids never in the catalog are absent."""
        if not stock_ids:
            return {}
        statement = select(jewelry.c.stock_id, jewelry.c.price_inr, jewelry.c.available).where(
            jewelry.c.stock_id.in_(list(stock_ids))
        )
        async with self._engine.connect() as conn:
            rows = (await conn.execute(statement)).all()
        return {r.stock_id: StockState(bool(r.available), int(r.price_inr)) for r in rows}

    async def count(self) -> int:
        async with self._engine.connect() as conn:
            return int(await conn.scalar(select(func.count()).select_from(jewelry)) or 0)


def _conditions(query: JewelryQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    exact: list[tuple[Any, Any]] = [
        (jewelry.c.kind, query.kind),
        (jewelry.c.style, query.style),
        (jewelry.c.material, query.metal.material),
        (jewelry.c.karat, query.metal.karat),
        (jewelry.c.metal_color, query.metal.color),
    ]
    conditions.extend(column == value for column, value in exact if value is not None)
    if query.budget_max_inr is not None:
        conditions.append(jewelry.c.price_inr <= query.budget_max_inr)
    if query.budget_min_inr is not None:
        conditions.append(jewelry.c.price_inr >= query.budget_min_inr)
    low, high = query.carat_bounds()
    if low is not None:
        conditions.append(jewelry.c.stone_carat >= low)
    if high is not None:
        conditions.append(jewelry.c.stone_carat <= high)
    if query.engagement and query.style is None:
        banned = [style.value for style in NOT_ENGAGEMENT]
        conditions.append(or_(jewelry.c.style.is_(None), jewelry.c.style.not_in(banned)))
    if query.ring_size is not None and query.kind in (None, JewelryKind.RING):
        # A ring listed without a size is made to the customer's size.
        size = jewelry.c.ring_size
        conditions.append(or_(size.is_(None), size == query.ring_size))
    return conditions


def _row(piece: Piece, supplier: str, now: float) -> dict[str, Any]:
    metal = piece.metal
    return {
        "stock_id": piece.stock_id,
        "supplier": supplier,
        "kind": piece.kind.value,
        "style": piece.style.value if piece.style else None,
        "title": piece.title,
        "material": metal.material.value,
        "karat": metal.karat,
        "metal_color": metal.color.value if metal.color else None,
        "stone_carat": piece.stone_carat,
        "diamond_color": piece.diamond_color,
        "diamond_clarity": piece.diamond_clarity,
        "ring_size": piece.ring_size,
        "price_inr": piece.price_inr,
        "available": 1,
        "updated_at": now,
    }


def _piece(row: Row[Any]) -> Piece:
    return Piece(
        stock_id=row.stock_id,
        kind=JewelryKind(row.kind),
        style=Style(row.style) if row.style else None,
        title=row.title,
        metal=Metal(
            Material(row.material),
            row.karat,
            MetalColor(row.metal_color) if row.metal_color else None,
        ),
        price_inr=int(row.price_inr),
        stone_carat=row.stone_carat,
        diamond_color=row.diamond_color,
        diamond_clarity=row.diamond_clarity,
        ring_size=row.ring_size,
    )
