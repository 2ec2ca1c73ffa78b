"""The catalog in the SQL database: the search, lookups, single-stone changes (the live
stock API) and small batches. Bulk feed loading lives in `catalog.bulk`."""

from __future__ import annotations

import time
from collections.abc import Collection, Iterable, Sequence
from typing import Any, Final

from sqlalchemy import Row, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.listing import Listing, StockState
from elgbot.catalog.matching import MAX_OPTIONS
from elgbot.catalog.search_query import COLUMNS, lowest_price_statement, search_statement
from elgbot.catalog.stone import Stone
from elgbot.catalog.window import Bounds, SearchWindow
from elgbot.storage.database import KEEP_ROWCOUNT, upsert_insert
from elgbot.storage.schema import stones

# Every column a feed or the API sets; an upsert overwrites them all.
_SET_ON_UPSERT = (
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
    "polish",
    "symmetry",
    "fluorescence",
    "lab",
    "certificate",
    "available",
    "updated_at",
)
_STONE_COLUMNS: Final = tuple(stones.c[name.strip()] for name in COLUMNS.split(","))
_COLORS: Final = tuple(Color)  # by rank
_CLARITIES: Final = tuple(Clarity)


class SqlCatalog:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._insert = upsert_insert(engine)
        self._placeholder = "%s" if engine.dialect.name == "postgresql" else "?"

    async def candidates(self, window: SearchWindow, limit: int = MAX_OPTIONS) -> list[Stone]:
        """The stones ranking needs to offer `limit` options for `window` (see
        `search_query`), in one statement."""
        sql, params = search_statement(window, self._placeholder, limit)
        async with self.engine.connect() as conn:
            rows = (await conn.exec_driver_sql(sql, tuple(params))).all()
        return list({row.stock_id: _stone(row) for row in rows}.values())

    async def lowest_price(self, bounds: Bounds) -> int | None:
        """The lowest price of an available stone in `bounds`; None when there is none."""
        sql, params = lowest_price_statement(bounds, self._placeholder)
        async with self.engine.connect() as conn:
            price = (await conn.exec_driver_sql(sql, tuple(params))).scalar()
        return None if price is None else int(price)

    async def get(self, stock_id: str) -> Stone | None:
        query = select(*_STONE_COLUMNS).where(
            stones.c.stock_id == stock_id, stones.c.available == 1
        )
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).one_or_none()
        return None if row is None else _stone(row)

    async def listings(self, stock_ids: Collection[str]) -> dict[str, Listing]:
        """The stones on offer among `stock_ids`, with their graded facts, by id."""
        query = select(stones).where(
            stones.c.stock_id.in_(list(stock_ids)), stones.c.available == 1
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return {row.stock_id: _listing(row) for row in rows}

    async def states(self, stock_ids: Collection[str]) -> dict[str, StockState]:
        """Each id's current state, in one query; ids the catalog never had are absent."""
        if not stock_ids:
            return {}
        query = select(stones.c.stock_id, stones.c.price_inr, stones.c.available).where(
            stones.c.stock_id.in_(list(stock_ids))
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return {r.stock_id: StockState(bool(r.available), int(r.price_inr)) for r in rows}

    async def count(self) -> int:
        async with self.engine.connect() as conn:
            total = (await conn.execute(select(func.count()).select_from(stones))).scalar_one()
        return int(total)

    async def add(self, batch: Sequence[Stone], supplier: str = "") -> None:
        """Insert new stones (one transaction per batch; the caller sizes batches)."""
        now = time.time()
        async with self.engine.begin() as conn:
            await conn.execute(insert(stones), [row_of(Listing(s), supplier, now) for s in batch])

    async def put(self, listing: Listing, supplier: str = "") -> bool:
        """Add or reprice one stone at once (it is offered again if it was withdrawn);
        True when it was new."""
        statement = self._insert(stones).values(row_of(listing, supplier, time.time()))
        statement = statement.on_conflict_do_update(
            index_elements=[stones.c.stock_id],
            set_={name: statement.excluded[name] for name in _SET_ON_UPSERT},
        )
        async with self.engine.begin() as conn:
            known = await conn.scalar(
                select(func.count()).where(stones.c.stock_id == listing.stone.stock_id)
            )
            await conn.execute(statement)
        return not known

    async def withdraw(self, stock_ids: Iterable[str]) -> int:
        """Stop offering these stones; returns how many were on offer."""
        query = (
            update(stones)
            .where(stones.c.stock_id.in_(list(stock_ids)), stones.c.available == 1)
            .values(available=0, updated_at=time.time())
        )
        async with self.engine.begin() as conn:
            result = await conn.execute(query, execution_options=KEEP_ROWCOUNT)
        return int(result.rowcount)

    async def clear(self) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(delete(stones))


def row_of(listing: Listing, supplier: str, now: float) -> dict[str, Any]:
    stone = listing.stone
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
        "polish": listing.polish.value if listing.polish else None,
        "symmetry": listing.symmetry.value if listing.symmetry else None,
        "fluorescence": listing.fluorescence,
        "lab": listing.lab,
        "certificate": listing.certificate,
        "available": 1,
        "updated_at": now,
    }


def _listing(row: Row[Any]) -> Listing:
    return Listing(
        _stone(row),
        polish=Cut(row.polish) if row.polish else None,
        symmetry=Cut(row.symmetry) if row.symmetry else None,
        fluorescence=row.fluorescence,
        lab=row.lab,
        certificate=row.certificate,
    )


def _stone(row: Row[Any]) -> Stone:
    return Stone(
        stock_id=row.stock_id,
        shape=Shape(row.shape),
        carat=float(row.carat),
        color=_COLORS[row.color_rank],
        clarity=_CLARITIES[row.clarity_rank],
        cut=Cut(row.cut) if row.cut else None,
        price_inr=int(row.price_inr),
    )
