"""CSV uploads other than the diamond feed, for the command line: jewellery, melee parcels
and orders. Each is read with per-row rejections and reported like the diamond import."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TextIO, TypeVar

from elgbot.catalog.feed import Rejection
from elgbot.catalog.importer import ImportReport
from elgbot.catalog.jewelry import Piece
from elgbot.catalog.jewelry_feed import read_jewelry
from elgbot.catalog.jewelry_store import SqlJewelry
from elgbot.catalog.melee import Parcel
from elgbot.catalog.melee_feed import read_melee
from elgbot.catalog.melee_store import SqlMelee
from elgbot.commerce.order_feed import import_orders
from elgbot.commerce.orders import SqlOrders
from elgbot.settings import Settings
from elgbot.storage.database import open_database

_Item = TypeVar("_Item", Piece, Parcel)


class Upload(StrEnum):
    JEWELRY = "jewelry"
    MELEE = "melee"
    ORDERS = "orders"


@dataclass(frozen=True, slots=True)
class Options:
    supplier: str = ""
    replace: bool = False  # withdraw the supplier's stock the file no longer lists


async def import_upload(
    settings: Settings, upload: Upload, path: Path, options: Options = Options()
) -> ImportReport:
    """Import the CSV at `path` (its header is checked first: `FeedError`)."""
    engine = await open_database(settings.effective_database_url)
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            match upload:
                case Upload.JEWELRY:
                    return await import_jewelry(SqlJewelry(engine), stream, options)
                case Upload.MELEE:
                    return await import_melee(SqlMelee(engine), stream, options)
                case Upload.ORDERS:
                    return await import_orders(SqlOrders(engine), stream)
    finally:
        await engine.dispose()


async def import_jewelry(
    store: SqlJewelry, stream: TextIO, options: Options = Options()
) -> ImportReport:
    return await _load(read_jewelry(stream), store.put, store.withdraw_others, options)


async def import_melee(
    store: SqlMelee, stream: TextIO, options: Options = Options()
) -> ImportReport:
    return await _load(read_melee(stream), store.put, store.withdraw_others, options)


async def _load(
    rows: Iterator[_Item | Rejection],
    put: Callable[[list[_Item], str], Awaitable[int]],
    withdraw_others: Callable[[str, list[str]], Awaitable[int]],
    options: Options,
) -> ImportReport:
    report = ImportReport()
    accepted = []
    for row in rows:
        report.read += 1
        if isinstance(row, Rejection):
            report.rejections.append(row)
        else:
            accepted.append(row)
    report.imported = await put(accepted, options.supplier)
    report.updated = len(accepted) - report.imported
    if options.replace and accepted:  # an empty or all-bad file must not empty the stock
        keep = [item.stock_id for item in accepted]
        report.removed = await withdraw_others(options.supplier, keep)
    return report
