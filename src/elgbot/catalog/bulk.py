"""Bulk loading of stones: rows go into a temporary staging table by the driver's fastest
path (executemany on SQLite, COPY on PostgreSQL), then into `stones` with one
INSERT … SELECT per batch.

Staging keeps the catalog's write lock short: a replace stages the whole feed first, then
deletes the supplier's stones that are gone and upserts the rest in one transaction, so
searches see the old stock or the new, never a mix. Upserts leave unchanged rows alone (a
daily feed mostly repeats yesterday's), which spares their index entries.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from elgbot.catalog.feed import FeedRow
from elgbot.catalog.grades import Clarity, Color, Cut

# The staging table's columns, in the order of `staged_row`.
STAGED: Final = (
    "stock_id",
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
)
StagedRow = tuple[Any, ...]

_COLOR_RANK: Final = {color: color.rank for color in Color}
_CLARITY_RANK: Final = {clarity: clarity.rank for clarity in Clarity}
_CUT_TIER: Final[dict[Cut | None, int | None]] = {None: None, **{cut: cut.tier for cut in Cut}}
# SQLite's page cache while loading: index pages stay in memory instead of being re-read.
_SQLITE_LOAD_CACHE_KIB: Final = 16384
_SQLITE_DEFAULT_CACHE_KIB: Final = 2000

_CREATE_STAGE = """
CREATE TEMPORARY TABLE IF NOT EXISTS stage_stones (
    stock_id VARCHAR(64) NOT NULL, shape VARCHAR(32) NOT NULL, carat DOUBLE PRECISION NOT NULL,
    color VARCHAR(2) NOT NULL, clarity VARCHAR(4) NOT NULL, cut VARCHAR(16),
    color_rank INTEGER NOT NULL, clarity_rank INTEGER NOT NULL, cut_tier INTEGER,
    price_inr BIGINT NOT NULL, polish VARCHAR(16), symmetry VARCHAR(16),
    fluorescence VARCHAR(16), lab VARCHAR(32), certificate VARCHAR(64)
)"""
_COUNT_KNOWN = (
    "SELECT count(*) FROM stage_stones JOIN stones ON stones.stock_id = stage_stones.stock_id"
)
_DELETE_GONE = """
DELETE FROM stones WHERE supplier = :supplier
AND NOT EXISTS (SELECT 1 FROM stage_stones WHERE stage_stones.stock_id = stones.stock_id)"""
_INDEX_STAGE = "CREATE INDEX IF NOT EXISTS ix_stage_stones_id ON stage_stones (stock_id)"
_UPDATED = (*STAGED[1:], "supplier")  # what an upsert overwrites (and compares)


def staged_row(row: FeedRow) -> StagedRow:
    """A feed row as a staging tuple (hot path: a million calls per feed)."""
    stone = row.stone
    cut, polish, symmetry = stone.cut, row.polish, row.symmetry
    return (
        stone.stock_id,
        stone.shape.value,
        stone.carat,
        stone.color.value,
        stone.clarity.value,
        None if cut is None else cut.value,
        _COLOR_RANK[stone.color],
        _CLARITY_RANK[stone.clarity],
        _CUT_TIER[cut],
        stone.price_inr,
        None if polish is None else polish.value,
        None if symmetry is None else symmetry.value,
        row.fluorescence,
        row.lab,
        row.certificate,
    )


@dataclass(frozen=True, slots=True)
class Merged:
    new: int
    updated: int
    removed: int = 0


class BulkLoader:
    """Stages rows and merges them into `stones` on one connection."""

    def __init__(self, conn: AsyncConnection, supplier: str) -> None:
        self._conn = conn
        self._supplier = supplier
        self._postgres = conn.dialect.name == "postgresql"

    async def stage(self, rows: Sequence[StagedRow]) -> None:
        async with self._conn.begin():
            if self._postgres:
                await self._copy(rows)
            else:
                placeholders = ", ".join("?" * len(STAGED))
                await self._conn.exec_driver_sql(
                    f"INSERT INTO stage_stones VALUES ({placeholders})", list(rows)
                )

    async def merge(self) -> Merged:
        """Upsert the staged rows by stock id and empty the stage: one transaction."""
        async with self._conn.begin():
            return await self._upsert()

    async def replace(self) -> Merged:
        """The supplier's stock becomes exactly the staged rows: one transaction."""
        async with self._conn.begin():
            # The stage is complete: index it for the "gone" check in one sort.
            await self._conn.execute(text(_INDEX_STAGE))
        async with self._conn.begin():
            removed = await self._conn.execute(text(_DELETE_GONE), {"supplier": self._supplier})
            merged = await self._upsert()
        return Merged(merged.new, merged.updated, int(removed.rowcount))

    async def refresh_statistics(self) -> None:
        """PostgreSQL plans from sampled statistics, which a big load leaves stale until
        autovacuum comes by; SQLite's search plans do not depend on any."""
        if self._postgres:
            async with self._conn.begin():
                await self._conn.execute(text("ANALYZE stones"))

    async def _upsert(self) -> Merged:
        conn = self._conn
        staged = (await conn.execute(text("SELECT count(*) FROM stage_stones"))).scalar_one()
        known = (await conn.execute(text(_COUNT_KNOWN))).scalar_one()
        params = {"supplier": self._supplier, "now": time.time()}
        await conn.execute(text(self._upsert_sql()), params)
        await conn.execute(text("DELETE FROM stage_stones"))
        return Merged(int(staged) - int(known), int(known))

    def _upsert_sql(self) -> str:
        differs = "IS DISTINCT FROM" if self._postgres else "IS NOT"
        changed = " OR ".join(f"stones.{c} {differs} excluded.{c}" for c in _UPDATED)
        updates = ", ".join(f"{c} = excluded.{c}" for c in (*_UPDATED, "updated_at"))
        columns = ", ".join(STAGED)
        # Rows in (shape, carat) order touch each search index's pages in runs, not at
        # random: a third faster on SQLite than feed order.
        # "WHERE true" keeps SQLite from reading ON CONFLICT as a join constraint.
        return f"""
INSERT INTO stones ({columns}, supplier, available, updated_at)
SELECT {columns}, :supplier, 1, :now FROM stage_stones WHERE true
ORDER BY shape, carat
ON CONFLICT (stock_id) DO UPDATE SET {updates}, available = 1
WHERE stones.available = 0 OR {changed}"""

    async def _copy(self, rows: Sequence[StagedRow]) -> None:
        raw = await self._conn.get_raw_connection()
        driver: Any = raw.driver_connection
        async with (
            driver.cursor() as cursor,
            cursor.copy(f"COPY stage_stones ({', '.join(STAGED)}) FROM STDIN") as copy,
        ):
            for row in rows:
                await copy.write_row(row)


@asynccontextmanager
async def bulk_loader(engine: AsyncEngine, supplier: str) -> AsyncIterator[BulkLoader]:
    """A loader on a connection of its own, with an empty stage; dropped at exit."""
    async with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        async with conn.begin():
            if sqlite:
                await conn.exec_driver_sql(f"PRAGMA cache_size = -{_SQLITE_LOAD_CACHE_KIB}")
            await conn.execute(text(_CREATE_STAGE))
            await conn.execute(text("DELETE FROM stage_stones"))
        try:
            yield BulkLoader(conn, supplier)
        finally:
            async with conn.begin():
                await conn.execute(text("DROP TABLE IF EXISTS stage_stones"))
                if sqlite:  # the connection goes back to the pool
                    await conn.exec_driver_sql(f"PRAGMA cache_size = -{_SQLITE_DEFAULT_CACHE_KIB}")
