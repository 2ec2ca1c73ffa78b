"""Read a supplier's stock feed (CSV) into stones, reporting every row it cannot take.

`read_feed` reads the header at once (raising `FeedError` when it is unusable) and returns
a lazy iterator of `FeedRow` or `Rejection`, one per non-blank record, so a feed of a
million rows streams in constant memory apart from the set of stock ids seen.

Speed matters (1,000,000-row feeds): cells are parsed by dict lookups memoised per
distinct spelling (`_Memo`), numbers by `float` with a slow path only for odd text, and
column positions are resolved once from the header (`feed_columns`).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, TextIO, TypeVar

from elgbot.catalog.cells import (
    FANCY_COLOUR,
    FLUORESCENCE_CODES,
    MAX_CARAT,
    CellError,
    grade_parser,
    parse_carat,
    parse_certificate,
    parse_clarity,
    parse_color,
    parse_fluorescence,
    parse_lab,
    parse_price,
    parse_shape,
)
from elgbot.catalog.feed_columns import REQUIRED, ColumnMap, Concept, PriceBasis, map_columns
from elgbot.catalog.grades import Color, Cut
from elgbot.catalog.stone import Stone

if TYPE_CHECKING:
    from _csv import Reader  # the type csv.reader returns

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Rejection:
    """A row that was not imported: physical line (header = 1), its stock id, and why."""

    line: int
    stock_id: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class FeedRow:
    """An imported stone with the graded facts the catalog keeps beside it."""

    line: int
    stone: Stone
    polish: Cut | None = None
    symmetry: Cut | None = None
    fluorescence: str | None = None  # none, faint, medium, strong, very strong
    lab: str | None = None
    certificate: str | None = None


class FeedError(Exception):
    """The header itself is unusable, so no row can be read."""


__all__ = ["FANCY_COLOUR", "FLUORESCENCE_CODES", "MAX_CARAT", "FeedError", "FeedRow", "Rejection"]
_MEMO_LIMIT: Final = 10_000


def read_feed(stream: TextIO) -> Iterator[FeedRow | Rejection]:
    """Read the header now, then yield one `FeedRow` or `Rejection` per non-blank record.

    Open files with `newline=""` (as for any csv reading) so quoted line breaks survive.
    """
    reader = csv.reader(stream)
    header = _header(reader)
    columns = map_columns(header)
    if columns.missing:
        found = ", ".join(repr(name) for name in header)
        missing = ", ".join(columns.missing)
        raise FeedError(f"feed header has no {missing} column; columns found: {found}")
    return _FeedReader(columns).records(reader)


def _header(reader: Reader) -> list[str]:
    try:
        for fields in reader:
            if not _is_blank(fields):
                return fields
    except csv.Error as error:
        raise FeedError(f"feed header is unreadable: {error}") from error
    raise FeedError("feed is empty: no header row")


def _is_blank(fields: Sequence[str]) -> bool:
    return not any(field.strip() for field in fields)


class _Memo(dict[str, _T]):
    """Cell text → parsed value, parsing each distinct spelling once.

    Feeds repeat a handful of codes a million times; a failed parse raises `CellError` and is
    not remembered. The size cap keeps a hostile file from growing it without bound.
    """

    __slots__ = ("_parse",)

    def __init__(self, parse: Callable[[str], _T]) -> None:
        super().__init__()
        self._parse = parse

    def __missing__(self, key: str) -> _T:
        value = self._parse(key)
        if len(self) < _MEMO_LIMIT:
            self[key] = value
        return value


class _FeedReader:
    """Turns records into rows for one feed; remembers stock ids to catch duplicates."""

    def __init__(self, columns: ColumnMap) -> None:
        index, price = columns.index, columns.price
        assert price is not None  # read_feed checked the header
        self._width = len(columns.header)
        self._stock, self._shape, self._carat, self._color, self._clarity = (
            index[concept] for concept in REQUIRED
        )
        self._price, self._per_carat = price.index, price.basis is PriceBasis.PER_CARAT
        self._fancy = index.get(Concept.FANCY_COLOR, -1)
        self._cut = index.get(Concept.CUT, -1)
        self._extras = tuple(index.get(c, -1) for c in _EXTRAS)
        self._shapes = _Memo(parse_shape)
        self._colors = _Memo(parse_color)
        self._clarities = _Memo(parse_clarity)
        self._cuts = _Memo(grade_parser("cut grade"))
        self._polishes = _Memo(grade_parser("polish"))
        self._symmetries = _Memo(grade_parser("symmetry"))
        self._fluorescences = _Memo(parse_fluorescence)
        self._labs = _Memo(parse_lab)
        self._seen: dict[str, int] = {}

    def records(self, reader: Reader) -> Iterator[FeedRow | Rejection]:
        # csv.reader's line_num counts physical lines, so a record starts one line after
        # the previous record ended, even when a quoted field spans lines.
        end = reader.line_num
        while True:
            try:
                for fields in reader:
                    start, end = end + 1, reader.line_num
                    result = self._record(fields, start)
                    if result is not None:
                        yield result
                return
            except csv.Error as error:  # the csv reader resumes on the next line
                start, end = end + 1, reader.line_num
                yield Rejection(start, None, f"unreadable row: {error}")

    def _record(self, fields: list[str], line: int) -> FeedRow | Rejection | None:
        if len(fields) != self._width and not self._has_blank_tail(fields):
            if _is_blank(fields):
                return None
            found = f"expected {self._width} fields, found {len(fields)}"
            return Rejection(line, self._stock_id_in(fields), found)
        stock_id = fields[self._stock].strip()
        if not stock_id:
            return None if _is_blank(fields) else Rejection(line, None, "blank stock id")
        first = self._seen.get(stock_id)
        if first is not None:
            reason = f"duplicate stock id (first seen on line {first})"
            return Rejection(line, stock_id, reason)
        try:
            row = self._row(fields, line, stock_id)
        except CellError as bad:
            return Rejection(line, stock_id, str(bad))
        # Only imported rows count: a good row after a rejected twin is still imported.
        self._seen[stock_id] = line
        return row

    def _has_blank_tail(self, fields: list[str]) -> bool:
        """Spreadsheets pad rows with empty cells past the header's last column."""
        return len(fields) > self._width and _is_blank(fields[self._width :])

    def _stock_id_in(self, fields: list[str]) -> str | None:
        stock_id = fields[self._stock].strip() if self._stock < len(fields) else ""
        return stock_id or None

    def _row(self, f: list[str], line: int, stock_id: str) -> FeedRow:
        carat = parse_carat(f[self._carat])
        cut = self._cuts[f[self._cut]] if self._cut >= 0 else None
        price = parse_price(f[self._price], carat if self._per_carat else 1.0)
        stone = Stone(
            stock_id,
            self._shapes[f[self._shape]],
            carat,
            self._color_of(f),
            self._clarities[f[self._clarity]],
            cut,
            price,
        )
        polish, symmetry, fluorescence, lab, certificate = self._extras
        if polish < 0 and symmetry < 0 and fluorescence < 0 and lab < 0 and certificate < 0:
            return FeedRow(line, stone)  # our plain format: skip five lookups per row
        return FeedRow(
            line,
            stone,
            self._polishes[f[polish]] if polish >= 0 else None,
            self._symmetries[f[symmetry]] if symmetry >= 0 else None,
            self._fluorescences[f[fluorescence]] if fluorescence >= 0 else None,
            self._labs[f[lab]] if lab >= 0 else None,
            parse_certificate(f[certificate]) if certificate >= 0 else None,
        )

    def _color_of(self, fields: list[str]) -> Color:
        try:
            return self._colors[fields[self._color]]
        except CellError:
            # RapNet leaves Color empty for fancies and fills a separate "Fancy Color".
            if self._fancy >= 0 and fields[self._fancy].strip():
                raise CellError(FANCY_COLOUR) from None
            raise


_EXTRAS: Final = (
    Concept.POLISH,
    Concept.SYMMETRY,
    Concept.FLUORESCENCE,
    Concept.LAB,
    Concept.CERTIFICATE,
)
