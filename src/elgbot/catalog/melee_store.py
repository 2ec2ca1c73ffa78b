"""Melee parcels in the SQL database: upserts from uploads, size lookups, the cart's checks."""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from typing import Any, Final

from sqlalchemy import Row, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.catalog.melee import (
    SHOWN_PARCELS,
    MeleeQuery,
    Parcel,
    QualityBand,
    cheapest_match,
    parse_clarity_range,
    rank_parcels,
)
from elgbot.catalog.melee_sizes import MM_TOLERANCE
from elgbot.storage.database import KEEP_ROWCOUNT, upsert_insert
from elgbot.storage.schema import melee_parcels

_CANDIDATES: Final = 500  # parcels of one size: a few dozen bands and suppliers at most
_BATCH: Final = 1000


class SqlMelee:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._insert = upsert_insert(engine)

    async def put(self, batch: Sequence[Parcel], supplier: str = "") -> int:
        """Add or update parcels by stock id (offered again if withdrawn); how many were new."""
        new = 0
        for start in range(0, len(batch), _BATCH):
            new += await self._put(batch[start : start + _BATCH], supplier)
        return new

    async def _put(self, batch: Sequence[Parcel], supplier: str) -> int:
        if not batch:
            return 0
        rows = [_row(parcel, supplier, time.time()) for parcel in batch]
        statement = self._insert(melee_parcels)
        statement = statement.on_conflict_do_update(
            index_elements=[melee_parcels.c.stock_id],
            set_={name: statement.excluded[name] for name in rows[0] if name != "stock_id"},
        )
        ids = [parcel.stock_id for parcel in batch]
        async with self._engine.begin() as conn:
            known = await conn.scalar(select(func.count()).where(melee_parcels.c.stock_id.in_(ids)))
            await conn.execute(statement, rows)
        return len(rows) - int(known or 0)

    async def withdraw_others(self, supplier: str, keep: Collection[str]) -> int:
        """Stop offering the supplier's parcels not in `keep`; how many were withdrawn."""
        query = (
            update(melee_parcels)
            .where(melee_parcels.c.supplier == supplier, melee_parcels.c.available == 1)
            .where(melee_parcels.c.stock_id.not_in(list(keep)))
            .values(available=0, updated_at=time.time())
        )
        async with self._engine.begin() as conn:
            result = await conn.execute(query, execution_options=KEEP_ROWCOUNT)
        return int(result.rowcount)

    async def search(self, query: MeleeQuery, limit: int = SHOWN_PARCELS) -> list[Parcel]:
        """Parcels in stock whose size overlaps the asked one, ranked (`rank_parcels`)."""
        return rank_parcels(query, await self._candidates(query), limit)

    async def cheapest(self, query: MeleeQuery) -> Parcel | None:
        """The cheapest parcel in stock of the asked size and band, at any price."""
        return cheapest_match(query, await self._candidates(query))

    async def _candidates(self, query: MeleeQuery) -> list[Parcel]:
        statement = select(melee_parcels).where(
            melee_parcels.c.available == 1, melee_parcels.c.carats_available > 0
        )
        if query.mm_from is not None and query.mm_to is not None:
            statement = statement.where(
                melee_parcels.c.mm_to >= query.mm_from - MM_TOLERANCE,
                melee_parcels.c.mm_from <= query.mm_to + MM_TOLERANCE,
            )
        async with self._engine.connect() as conn:
            rows = await conn.execute(statement.limit(_CANDIDATES))
            return [_parcel(row) for row in rows]

    async def in_stock(self, stock_ids: Collection[str]) -> dict[str, Parcel]:
        """The parcels still on offer, by id (sold out or withdrawn ones are absent)."""
        if not stock_ids:
            return {}
        statement = select(melee_parcels).where(
            melee_parcels.c.stock_id.in_(list(stock_ids)),
            melee_parcels.c.available == 1,
            melee_parcels.c.carats_available > 0,
        )
        async with self._engine.connect() as conn:
            return {row.stock_id: _parcel(row) for row in await conn.execute(statement)}

    async def get(self, stock_id: str) -> Parcel | None:
        return (await self.in_stock([stock_id])).get(stock_id)

    async def count(self) -> int:
        async with self._engine.connect() as conn:
            return int(await conn.scalar(select(func.count()).select_from(melee_parcels)) or 0)


def _row(parcel: Parcel, supplier: str, now: float) -> dict[str, Any]:
    return {
        "stock_id": parcel.stock_id,
        "supplier": supplier,
        "sieve": parcel.sieve,
        "mm_from": parcel.mm_from,
        "mm_to": parcel.mm_to,
        "color_range": parcel.band.colors,
        "clarity_range": "-".join(c.value for c in parcel.band.clarities),
        "carats_available": parcel.carats_available,
        "price_per_carat_inr": parcel.price_per_carat_inr,
        "available": 1,
        "updated_at": now,
    }


def _parcel(row: Row[Any]) -> Parcel:
    return Parcel(
        stock_id=row.stock_id,
        sieve=row.sieve,
        mm_from=float(row.mm_from),
        mm_to=float(row.mm_to),
        band=QualityBand(row.color_range, parse_clarity_range(row.clarity_range)),
        carats_available=float(row.carats_available),
        price_per_carat_inr=int(row.price_per_carat_inr),
    )
