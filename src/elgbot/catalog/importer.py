"""Loading a feed into the catalog: batched upserts, or an atomic replace of a supplier's
stock, with a report that accounts for every row."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from elgbot.catalog.bulk import BulkLoader, Merged, StagedRow, bulk_loader, staged_row
from elgbot.catalog.feed import FeedRow, Rejection, read_feed
from elgbot.catalog.store import SqlCatalog

BATCH_SIZE = 100_000


@dataclass(slots=True)
class ImportReport:
    read: int = 0
    imported: int = 0  # stones new to the catalog
    updated: int = 0  # stones it had already, now as the feed says
    removed: int = 0  # with --replace: the supplier's stones the feed no longer lists
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def add(self, merged: Merged) -> None:
        self.imported += merged.new
        self.updated += merged.updated
        self.removed += merged.removed

    def summary(self) -> str:
        removed = f", removed: {self.removed}" if self.removed else ""
        return (
            f"rows read: {self.read}, imported: {self.imported}, updated: {self.updated}, "
            f"rejected: {self.rejected}{removed}"
        )


async def import_feed(
    catalog: SqlCatalog,
    stream: TextIO,
    *,
    replace: bool = False,
    supplier: str = "",
    progress: Callable[[int], None] = lambda _rows: None,
) -> ImportReport:
    """Import `stream` (its header is checked first: `FeedError`).

    With `replace`, the whole feed is staged, then the supplier's stock is swapped in one
    transaction, so searches see the old stock or the new, never a mix; otherwise each
    batch is upserted by stock id and committed.
    """
    report = ImportReport()
    batches = _batches(read_feed(stream), report)
    async with bulk_loader(catalog.engine, supplier) as loader:
        batch = next(batches, None)
        while batch is not None:
            await loader.stage(batch.rows)
            if replace:
                following = next(batches, None)
            else:
                following = await _merge_while_parsing(loader, batches, report)
            progress(batch.read)
            batch = following
        if replace:
            report.add(await _replace(loader, report))
        if report.imported + report.updated + report.removed:
            await loader.refresh_statistics()
    return report


async def _merge_while_parsing(
    loader: BulkLoader, batches: Iterator[_Batch], report: ImportReport
) -> _Batch | None:
    """Merge the staged batch and parse the next one at once: a merge is one long statement
    that runs without the GIL. (Not beside staging: binding rows needs the GIL.)"""
    merging = asyncio.ensure_future(loader.merge())
    try:
        return await asyncio.to_thread(next, batches, None)
    finally:
        report.add(await merging)


async def _replace(loader: BulkLoader, report: ImportReport) -> Merged:
    if report.read - report.rejected == 0:
        return Merged(0, 0)  # an empty or all-bad feed must not empty the supplier's stock
    return await loader.replace()


@dataclass(frozen=True, slots=True)
class _Batch:
    rows: list[StagedRow]
    read: int  # feed rows read up to this batch's last one


def _batches(rows: Iterator[FeedRow | Rejection], report: ImportReport) -> Iterator[_Batch]:
    staged: list[StagedRow] = []
    for row in rows:
        report.read += 1
        if isinstance(row, FeedRow):
            staged.append(staged_row(row))
            if len(staged) == BATCH_SIZE:
                yield _Batch(staged, report.read)
                staged = []
        else:
            report.rejections.append(row)
    if staged:
        yield _Batch(staged, report.read)
