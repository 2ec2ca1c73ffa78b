"""Reading a small CSV upload (jewellery, melee parcels, orders) row by row, reporting every
row it cannot take, the way the diamond feed does (`catalog.feed`).

The caller names its fields with header aliases (compared by `header_key`, so "Stock #",
"stock_no" and "Stock Number" meet) and parses each record's `Cells`; a `RowError` rejects
the row with its message as the reason. The first column alias list names the row's id:
a blank id is rejected, and so is an id already imported from an earlier line.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, TextIO, TypeVar

from elgbot.catalog.feed import FeedError, Rejection
from elgbot.catalog.feed_columns import header_key

if TYPE_CHECKING:
    from _csv import Reader  # the type csv.reader returns

_T = TypeVar("_T")
# What suppliers put in a cell that has no value.
MAX_RUPEES: Final = 1e11  # ₹10,000 crore: beyond it a figure is a typo
BLANKS: Final = frozenset({"", "-", "--", "na", "n/a", "n.a.", "not available", "none"})


class RowError(Exception):
    """A cell that makes its row unusable; the message is the rejection reason."""


@dataclass(frozen=True, slots=True)
class Cells:
    """One record's cells by field name; a field without a column reads as ""."""

    fields: Sequence[str]
    index: Mapping[str, int]

    def __getitem__(self, name: str) -> str:
        at = self.index.get(name)
        return self.fields[at].strip() if at is not None else ""

    def value(self, name: str) -> str | None:
        """The cell's text, or None when it is blank or says "n/a"."""
        text = self[name]
        return None if text.lower() in BLANKS else text


@dataclass(frozen=True, slots=True)
class Layout:
    """The fields of one kind of upload: header aliases per field, which are required."""

    aliases: Mapping[str, tuple[str, ...]]  # the first field is the row's id
    required: tuple[str, ...]

    @property
    def id_field(self) -> str:
        return next(iter(self.aliases))


def read_records(
    stream: TextIO, layout: Layout, parse: Callable[[Cells, str], _T]
) -> Iterator[_T | Rejection]:
    """Check the header now (`FeedError`), then yield one parsed row or `Rejection` per
    non-blank record. `parse(cells, row_id)` raises `RowError` for a bad row."""
    reader = csv.reader(stream)
    header = _header(reader)
    index = _columns(header, layout)
    missing = [name for name in layout.required if name not in index]
    if missing:
        found = ", ".join(repr(name) for name in header)
        raise FeedError(f"header has no {', '.join(missing)} column; columns found: {found}")
    return _records(reader, len(header), index, layout.id_field, parse)


def _header(reader: Reader) -> list[str]:
    try:
        for fields in reader:
            if any(field.strip() for field in fields):
                return fields
    except csv.Error as error:
        raise FeedError(f"header is unreadable: {error}") from error
    raise FeedError("file is empty: no header row")


def _columns(header: Sequence[str], layout: Layout) -> dict[str, int]:
    position: dict[str, int] = {}
    for column, name in enumerate(header):
        position.setdefault(header_key(name), column)
    found = {}
    for name, aliases in layout.aliases.items():
        at = next((position[a] for a in aliases if a in position), None)
        if at is not None:
            found[name] = at
    return found


def _records(
    reader: Reader,
    width: int,
    index: Mapping[str, int],
    id_field: str,
    parse: Callable[[Cells, str], _T],
) -> Iterator[_T | Rejection]:
    seen: dict[str, int] = {}
    end = reader.line_num
    while True:
        try:
            for fields in reader:
                start, end = end + 1, reader.line_num
                result = _record(Cells(fields, index), width, start, id_field, seen, parse)
                if result is not None:
                    yield result
            return
        except csv.Error as error:  # the csv reader resumes on the next line
            start, end = end + 1, reader.line_num
            yield Rejection(start, None, f"unreadable row: {error}")


def _record(
    cells: Cells,
    width: int,
    line: int,
    id_field: str,
    seen: dict[str, int],
    parse: Callable[[Cells, str], _T],
) -> _T | Rejection | None:
    fields = cells.fields
    if not any(field.strip() for field in fields):
        return None
    row_id = cells[id_field] or None
    # Spreadsheets pad rows with empty cells past the header's last column.
    if len(fields) < width or any(field.strip() for field in fields[width:]):
        return Rejection(line, row_id, f"expected {width} fields, found {len(fields)}")
    if row_id is None:
        return Rejection(line, None, f"blank {_name(id_field)}")
    if row_id in seen:
        reason = f"duplicate {_name(id_field)} (first seen on line {seen[row_id]})"
        return Rejection(line, row_id, reason)
    try:
        row = parse(cells, row_id)
    except RowError as bad:
        return Rejection(line, row_id, str(bad))
    seen[row_id] = line  # only imported rows count, as in the diamond feed
    return row


def _name(field: str) -> str:
    return field.replace("_", " ")


def rupees(cell: str, what: str = "price") -> int:
    """Whole rupees from '95000', '1,00,000', '₹95,000', 'Rs. 95000/-', 'INR 95000'."""
    text = cell.strip().lower()
    if not text:
        raise RowError(f"missing {what}")
    for prefix in ("₹", "inr", "rs.", "rs"):
        text = text.removeprefix(prefix)
    text = text.removesuffix("/-").replace(",", "").replace(" ", "")
    try:
        amount = float(text)
    except ValueError:
        raise RowError(f"{what} {cell.strip()!r} is not a number") from None
    if not 0.5 <= amount < MAX_RUPEES:  # also false for NaN and inf
        raise RowError(f"{what} {cell.strip()!r} is not a plausible amount")
    return int(amount + 0.5)


def number(cell: str, what: str, low: float, high: float, units: tuple[str, ...] = ()) -> float:
    """A figure within [low, high], maybe with a decimal comma or one of `units` after it."""
    text = cell.strip().lower()
    for unit in units:
        text = text.removesuffix(unit).strip()
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise RowError(f"{what} {cell.strip()!r} is not a number") from None
    if not low <= value <= high:  # also false for NaN
        raise RowError(f"{what} {cell.strip()!r} is out of range ({low:g} to {high:g})")
    return value
