"""Loading a feed into the catalog: batched upserts, or an atomic replace of a supplier's
stock, with a report that accounts for every row."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TextIO

from sqlalchemy.ext.asyncio import AsyncConnection

from elgbot.catalog.feed import FeedRow, Rejection, read_feed
from elgbot.catalog.stone import Stone
from elgbot.catalog.store import SqlCatalog

BATCH_SIZE = 5000


@dataclass(slots=True)
class ImportReport:
    read: int = 0
    imported: int = 0
    updated: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def summary(self) -> str:
        return (
            f"rows read: {self.read}, imported: {self.imported}, updated: {self.updated}, "
            f"rejected: {self.rejected}"
        )


async def import_feed(
    catalog: SqlCatalog,
    stream: TextIO,
    *,
    replace: bool = False,
    supplier: str = "",
    progress: Callable[[int], None] = lambda _rows: None,
) -> ImportReport:
    """Import `stream`. With `replace`, the supplier's old stock goes in the same transaction,
    so searches see the old stock or the new, never a mix; otherwise each batch commits."""
    report = ImportReport()
    batches = _batches(read_feed(stream), report)
    if replace:
        async with catalog.transaction() as conn:
            await catalog.remove_supplier(conn, supplier)
            for batch in batches:
                await _load(catalog, conn, batch, supplier, report, progress)
        report.updated, report.imported = 0, report.imported + report.updated
        return report
    for batch in batches:
        async with catalog.transaction() as conn:
            await _load(catalog, conn, batch, supplier, report, progress)
    return report


async def _load(
    catalog: SqlCatalog,
    conn: AsyncConnection,
    batch: list[Stone],
    supplier: str,
    report: ImportReport,
    progress: Callable[[int], None],
) -> None:
    updated = await catalog.upsert(conn, batch, supplier)
    report.updated += updated
    report.imported += len(batch) - updated
    progress(report.read)


def _batches(rows: Iterator[FeedRow | Rejection], report: ImportReport) -> Iterator[list[Stone]]:
    while chunk := list(islice(rows, BATCH_SIZE)):
        report.read += len(chunk)
        report.rejections.extend(r for r in chunk if isinstance(r, Rejection))
        stones = [r.stone for r in chunk if isinstance(r, FeedRow)]
        if stones:
            yield stones
