"""The catalog in the SQL database: the search query, lookups and bulk loading."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.matching import SearchWindow
from elgbot.catalog.stone import Stone
from elgbot.storage.database import upsert_insert
from elgbot.storage.schema import stones

_UPSERTED = (
    "supplier",
    "shape",
    "carat",
    "color",
    "clarity",
    "cut",
    "color_rank",
    "clarity_rank",
    "cut_tier",
    "price_inr",
    "available",
    "updated_at",
)
# Enough candidates for ranking to pick the best four from, few enough to stay fast.
CANDIDATE_LIMIT = 200
_STONE_COLUMNS = (
    stones.c.stock_id,
    stones.c.shape,
    stones.c.carat,
    stones.c.color,
    stones.c.clarity,
    stones.c.cut,
    stones.c.price_inr,
)


class SqlCatalog:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._insert = upsert_insert(engine)

    async def candidates(self, window: SearchWindow) -> list[Stone]:
        """Available stones inside the window, nearest carat first."""
        query = select(*_STONE_COLUMNS).where(*_conditions(window))
        if window.carat_min is not None and window.carat_max is not None:
            target = (window.carat_min + window.carat_max) / 2
            query = query.order_by(func.abs(stones.c.carat - target), stones.c.price_inr)
        else:
            query = query.order_by(stones.c.price_inr)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query.limit(CANDIDATE_LIMIT))).all()
        return [_stone(row) for row in rows]

    async def get(self, stock_id: str) -> Stone | None:
        query = select(*_STONE_COLUMNS).where(
            stones.c.stock_id == stock_id, stones.c.available == 1
        )
        async with self._engine.connect() as conn:
            row = (await conn.execute(query)).one_or_none()
        return None if row is None else _stone(row)

    async def count(self) -> int:
        async with self._engine.connect() as conn:
            total = (await conn.execute(select(func.count()).select_from(stones))).scalar_one()
        return int(total)

    async def add(self, batch: Sequence[Stone], supplier: str = "") -> None:
        """Insert new stones (one transaction per batch; the caller sizes batches)."""
        async with self._engine.begin() as conn:
            await conn.execute(insert(stones), [_row(s, supplier, time.time()) for s in batch])

    async def upsert(
        self, conn: AsyncConnection, batch: Sequence[Stone], supplier: str = ""
    ) -> int:
        """Insert or update by stock id on `conn`; returns how many already existed."""
        ids = [s.stock_id for s in batch]
        existing = await conn.execute(select(stones.c.stock_id).where(stones.c.stock_id.in_(ids)))
        updated = len(existing.all())
        statement = self._insert(stones)
        statement = statement.on_conflict_do_update(
            index_elements=[stones.c.stock_id],
            set_={name: statement.excluded[name] for name in _UPSERTED},
        )
        await conn.execute(statement, [_row(s, supplier, time.time()) for s in batch])
        return updated

    async def remove_supplier(self, conn: AsyncConnection, supplier: str) -> None:
        await conn.execute(delete(stones).where(stones.c.supplier == supplier))

    def transaction(self) -> AbstractAsyncContextManager[AsyncConnection]:
        return self._engine.begin()

    async def withdraw(self, stock_ids: Iterable[str]) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(
                update(stones).where(stones.c.stock_id.in_(list(stock_ids))).values(available=0)
            )

    async def clear(self) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(delete(stones))


def _conditions(window: SearchWindow) -> list[ColumnElement[bool]]:
    c = stones.c
    conditions: list[ColumnElement[bool]] = [c.available == 1]
    if window.shape is not None:
        conditions.append(c.shape == window.shape)
    if window.carat_min is not None:
        conditions.append(c.carat >= window.carat_min)
    if window.carat_max is not None:
        conditions.append(c.carat <= window.carat_max)
    if window.color_ranks is not None:
        conditions.append(c.color_rank.between(*window.color_ranks))
    if window.clarity_ranks is not None:
        conditions.append(c.clarity_rank.between(*window.clarity_ranks))
    if window.worst_cut_tier is not None:
        conditions.append(c.cut_tier <= window.worst_cut_tier)
    if window.price_max is not None:
        conditions.append(c.price_inr <= window.price_max)
    return [and_(*conditions)]


def _row(stone: Stone, supplier: str, now: float) -> dict[str, Any]:
    return {
        "stock_id": stone.stock_id,
        "supplier": supplier,
        "shape": stone.shape.value,
        "carat": stone.carat,
        "color": stone.color.value,
        "clarity": stone.clarity.value,
        "cut": stone.cut.value if stone.cut else None,
        "color_rank": stone.color.rank,
        "clarity_rank": stone.clarity.rank,
        "cut_tier": stone.cut.tier if stone.cut else None,
        "price_inr": stone.price_inr,
        "available": 1,
        "updated_at": now,
    }


def _stone(row: Row[Any, Any, Any, Any, Any, Any, Any]) -> Stone:
    return Stone(
        stock_id=row.stock_id,
        shape=Shape(row.shape),
        carat=float(row.carat),
        color=Color(row.color),
        clarity=Clarity(row.clarity),
        cut=Cut(row.cut) if row.cut else None,
        price_inr=int(row.price_inr),
    )
