"""Reading a melee upload (CSV): one parcel per row, every broken row reported.

Columns: `Stock #`, `Sieve`, `MM From`, `MM To`, `Color Range`, `Clarity Range`, `Carats
Available`, `Price Per Carat` (or plain: stock_id, sieve, mm_from, mm_to, color_range,
clarity_range, carats, price_per_carat). A known sieve fills missing millimetres from the
chart; millimetres that do not fit the sieve (beyond the ±0.1 mm tolerance) are refused,
since one of the two is a typo and a customer would be sold the wrong size.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, TextIO

from elgbot.catalog.csv_records import Cells, Layout, RowError, number, read_records, rupees
from elgbot.catalog.feed import Rejection
from elgbot.catalog.melee import (
    BandError,
    Parcel,
    QualityBand,
    parse_clarity_range,
    parse_color_range,
)
from elgbot.catalog.melee_sizes import (
    MM_TOLERANCE,
    SieveSize,
    parse_sieve,
    size_for_mm,
    sizes_between,
)

MELEE_COLUMNS: Final = Layout(
    aliases={
        "stock_id": ("stock", "stockid", "stockno", "stocknumber", "parcelid", "lotno", "sku"),
        "sieve": ("sieve", "sievesize", "chalni"),
        "mm_from": ("mmfrom", "frommm", "mmmin", "minmm", "sizefrom"),
        "mm_to": ("mmto", "tomm", "mmmax", "maxmm", "sizeto"),
        "color_range": ("colorrange", "colourrange", "color", "colour"),
        "clarity_range": ("clarityrange", "clarity", "purity"),
        "carats": ("caratsavailable", "availablecarats", "carats", "caratweight", "weight"),
        "price_per_carat": ("pricepercarat", "priceperct", "ratepercarat", "rate", "price"),
    },
    required=("stock_id", "color_range", "clarity_range", "carats", "price_per_carat"),
)
MM_RANGE: Final = (0.5, 6.0)
MAX_PARCEL_CARATS: Final = 100_000.0


def read_melee(stream: TextIO) -> Iterator[Parcel | Rejection]:
    """The header is checked at once (`FeedError`); then one parcel or rejection per row."""
    return read_records(stream, MELEE_COLUMNS, _parcel)


def _parcel(cells: Cells, stock_id: str) -> Parcel:
    size = _sieve(cells.value("sieve"))
    mm_from, mm_to = _millimetres(cells, size)
    try:
        band = QualityBand(
            parse_color_range(cells["color_range"]), parse_clarity_range(cells["clarity_range"])
        )
    except BandError as error:
        raise RowError(str(error)) from None
    size = size or size_for_mm(mm_from, mm_to)
    return Parcel(
        stock_id=stock_id,
        sieve=size.label if size else None,
        mm_from=mm_from,
        mm_to=mm_to,
        band=band,
        carats_available=number(cells["carats"], "carats available", 0, MAX_PARCEL_CARATS, _CT),
        price_per_carat_inr=rupees(cells["price_per_carat"], "price per carat"),
    )


_CT: Final = ("cts", "ct", "carats", "carat")


def _sieve(cell: str | None) -> SieveSize | None:
    if cell is None:
        return None
    parsed = parse_sieve(cell)
    sizes = sizes_between(*parsed) if parsed else ()
    if len(sizes) != 1:
        raise RowError(f"unknown sieve {cell!r} (e.g. +6.5 -7)")
    return sizes[0]


def _millimetres(cells: Cells, size: SieveSize | None) -> tuple[float, float]:
    low, high = cells.value("mm_from"), cells.value("mm_to")
    if low is None and high is None:
        if size is None:
            raise RowError("missing sieve and millimetres")
        return size.mm_from, size.mm_to
    mm_from = number(low or high or "", "mm from", *MM_RANGE, ("mm",))
    mm_to = number(high or low or "", "mm to", *MM_RANGE, ("mm",))
    if mm_from > mm_to:
        raise RowError(f"mm from {mm_from:g} is above mm to {mm_to:g}")
    if size and not _fits(size, mm_from, mm_to):
        raise RowError(
            f"{mm_from:.2f}-{mm_to:.2f} mm does not fit sieve {size.label} "
            f"({size.mm_from:.2f}-{size.mm_to:.2f} mm)"
        )
    return mm_from, mm_to


def _fits(size: SieveSize, mm_from: float, mm_to: float) -> bool:
    slack = MM_TOLERANCE + 1e-6
    return abs(mm_from - size.mm_from) <= slack and abs(mm_to - size.mm_to) <= slack
