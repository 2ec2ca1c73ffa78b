"""`elgbot orders import PATH`: orders from the store's order system as CSV, every row
accounted for (imported, updated, or rejected with its line and reason)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Final, TextIO

from elgbot.catalog.csv_records import Cells, Layout, RowError, read_records
from elgbot.catalog.feed import Rejection
from elgbot.catalog.importer import ImportReport
from elgbot.commerce.orders import (
    Order,
    OrderFieldError,
    SqlOrders,
    check_dates,
    parse_day,
    parse_items,
    parse_order_id,
    parse_phone,
    parse_status,
    parse_tracking_url,
)

BATCH_SIZE: Final = 1000

ORDER_COLUMNS: Final = Layout(
    aliases={
        "order_id": ("orderid", "orderno", "ordernumber", "ordernum", "orderref", "order"),
        "phone": ("phone", "phonenumber", "mobile", "mobilenumber", "customerphone", "whatsapp"),
        "status": ("status", "orderstatus"),
        "items": ("items", "products", "lineitems", "item"),
        "placed_at": ("placedat", "placedon", "orderdate", "orderedat", "createdat", "date"),
        "expected_delivery": (
            "expecteddelivery",
            "expecteddeliverydate",
            "deliverydate",
            "eta",
            "edd",
        ),
        "tracking_url": ("trackingurl", "trackinglink", "tracking", "trackurl"),
    },
    required=("order_id", "phone", "status", "placed_at"),
)


def read_orders(stream: TextIO) -> Iterator[Order | Rejection]:
    """The header is checked at once (`FeedError`); then one order or rejection per row."""
    return read_records(stream, ORDER_COLUMNS, _order)


def _order(cells: Cells, row_id: str) -> Order:
    try:
        placed_on = parse_day(cells["placed_at"], "placed_at")
        expected = cells.value("expected_delivery")
        expected_on = parse_day(expected, "expected_delivery") if expected else None
        check_dates(placed_on, expected_on)
        tracking = cells.value("tracking_url")
        return Order(
            order_id=parse_order_id(row_id),
            phone=parse_phone(cells["phone"]),
            status=parse_status(cells["status"]),
            items=parse_items(cells["items"]),
            placed_on=placed_on,
            expected_delivery=expected_on,
            tracking_url=parse_tracking_url(tracking) if tracking else None,
        )
    except OrderFieldError as error:
        raise RowError(str(error)) from None


async def import_orders(store: SqlOrders, stream: TextIO) -> ImportReport:
    report = ImportReport()
    rows = read_orders(stream)
    while chunk := list(islice(rows, BATCH_SIZE)):
        report.read += len(chunk)
        batch = [row for row in chunk if isinstance(row, Order)]
        report.rejections.extend(row for row in chunk if isinstance(row, Rejection))
        new = await store.put(_last_per_key(batch))
        report.imported += new
        report.updated += len(batch) - new
    return report


def _last_per_key(batch: list[Order]) -> list[Order]:
    """'ELG-1' and 'elg1' are one order: one upsert statement may not touch it twice."""
    return list({order.key: order for order in batch}.values())
