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

from elgbot.catalog.codes import (
    CLARITY_ALIASES,
    CUT_CODES,
    SHAPE_CODES,
    SHAPE_LETTERS_IN_FEEDS,
    SHAPE_MISSPELLINGS,
    SHAPE_NAMES,
    normalise_key,
)
from elgbot.catalog.feed_columns import REQUIRED, ColumnMap, Concept, PriceBasis, map_columns
from elgbot.catalog.grades import Clarity, Color, Cut, Shape
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


class _Bad(Exception):
    """A cell that makes its row unusable; the message is the rejection reason."""


MAX_CARAT: Final = 100.0
FANCY_COLOUR: Final = "fancy colour not supported"

_SHAPES: Final[dict[str, Shape]] = {
    **SHAPE_NAMES,
    **{name.replace(" ", ""): shape for name, shape in SHAPE_NAMES.items()},
    **SHAPE_CODES,
    **SHAPE_MISSPELLINGS,
    **SHAPE_LETTERS_IN_FEEDS,  # trusted here: a shape column has one meaning (RapNet's)
}
_COLORS: Final[dict[str, Color]] = {color.value: color for color in Color}
_FANCY_WORDS: Final = frozenset(
    {"FANCY", "YELLOW", "PINK", "BLUE", "GREEN", "BROWN", "ORANGE", "PURPLE", "RED", "BLACK"}
    | {"GREY", "GRAY", "VIOLET", "CHAMPAGNE", "COGNAC", "CANARY"}
)
FLUORESCENCE_CODES: Final[dict[str, str]] = {
    **dict.fromkeys(["none", "non", "n", "nil", "neg", "negligible"], "none"),
    # HRD's "slight" grades sit where GIA's "faint" does (a judgement).
    **dict.fromkeys(["faint", "fnt", "f", "fa", "ft", "slight", "sl", "very slight"], "faint"),
    **dict.fromkeys(["medium", "med", "m", "md"], "medium"),
    **dict.fromkeys(["strong", "stg", "s", "st", "str"], "strong"),
    **dict.fromkeys(["very strong", "vst", "vs", "vstg", "vstr", "v strong"], "very strong"),
}
# Feeds append the glow's colour ("Medium Blue"); only the intensity is kept.
_FLUORESCENCE_HUES: Final = frozenset({"blue", "yellow", "white", "green", "orange", "red"})
# What suppliers put in a cell that has no value.
_BLANKS: Final = frozenset({"", "-", "--", "na", "n/a", "n.a.", "not available"})
_MEMO_LIMIT: Final = 10_000
_MAX_PRICE: Final = 1e11  # ₹10,000 crore


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

    Feeds repeat a handful of codes a million times; a failed parse raises `_Bad` and is
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
        self._shapes = _Memo(_shape)
        self._colors = _Memo(_color)
        self._clarities = _Memo(_clarity)
        self._cuts = _Memo(_grade_parser("cut grade"))
        self._polishes = _Memo(_grade_parser("polish"))
        self._symmetries = _Memo(_grade_parser("symmetry"))
        self._fluorescences = _Memo(_fluorescence)
        self._labs = _Memo(_lab)
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
        except _Bad as bad:
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
        carat = _carat(f[self._carat])
        cut = self._cuts[f[self._cut]] if self._cut >= 0 else None
        price = _price(f[self._price], carat if self._per_carat else 1.0)
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
            _certificate(f[certificate]) if certificate >= 0 else None,
        )

    def _color_of(self, fields: list[str]) -> Color:
        try:
            return self._colors[fields[self._color]]
        except _Bad:
            # RapNet leaves Color empty for fancies and fills a separate "Fancy Color".
            if self._fancy >= 0 and fields[self._fancy].strip():
                raise _Bad(FANCY_COLOUR) from None
            raise


_EXTRAS: Final = (
    Concept.POLISH,
    Concept.SYMMETRY,
    Concept.FLUORESCENCE,
    Concept.LAB,
    Concept.CERTIFICATE,
)


def _carat(cell: str) -> float:
    try:
        carat = float(cell)
    except ValueError:
        carat = _odd_carat(cell)
    if not 0 < carat <= MAX_CARAT:  # also false for NaN
        raise _Bad(f"carat {cell.strip()!r} is out of range (above 0, at most {MAX_CARAT:g})")
    return carat


def _odd_carat(cell: str) -> float:
    """'1,01' (decimal comma) and '1.01 ct'; anything else is not a number."""
    text = cell.strip().lower()
    if not text:
        raise _Bad("missing carat")
    for suffix in ("carats", "carat", "cts", "ct"):
        text = text.removesuffix(suffix).strip()
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise _Bad(f"carat {cell.strip()!r} is not a number") from None


def _price(cell: str, factor: float) -> int:
    """Whole rupees for the stone: a per-carat cell times the weight, a total as it is."""
    try:
        amount = float(cell)
    except ValueError:
        amount = _odd_price(cell)
    rupees = amount * factor
    if not rupees >= 0.5:  # must round to at least ₹1; also true for NaN
        raise _Bad(f"price {cell.strip()!r} is not a positive amount")
    if not rupees < _MAX_PRICE:  # inf, or a typo no stone is worth
        raise _Bad(f"price {cell.strip()!r} is too large")
    return int(rupees + 0.5)


def _odd_price(cell: str) -> float:
    """'1,00,000', '₹95,000', 'Rs. 95000/-', 'INR 95000'; anything else is not a number."""
    text = cell.strip().lower()
    if not text:
        raise _Bad("missing price")
    for prefix in ("₹", "inr", "rs.", "rs"):
        text = text.removeprefix(prefix)
    text = text.removesuffix("/-").replace(",", "").replace(" ", "")
    try:
        return float(text)
    except ValueError:
        raise _Bad(f"price {cell.strip()!r} is not a number") from None


def _shape(cell: str) -> Shape:
    key = normalise_key(cell)
    if not key:
        raise _Bad("missing shape")
    shape = (
        _SHAPES.get(key)
        or _SHAPES.get(key.replace(".", "").replace(" ", ""))  # "R.B.C", "HALFMOON"
        # "Pear Modified Brilliant", "Oval Brilliant": a full shape name, then a style.
        or SHAPE_NAMES.get(key.split()[0])
    )
    if shape is None:
        raise _Bad(f"unknown shape {cell.strip()!r}")
    return shape


def _color(cell: str) -> Color:
    key = cell.strip().upper()
    color = _COLORS.get(key)
    if color is not None:
        return color
    if not key:
        raise _Bad("missing colour")
    if not _FANCY_WORDS.isdisjoint(key.replace("-", " ").split()):
        raise _Bad(FANCY_COLOUR)
    raise _Bad(f"unknown colour {cell.strip()!r}")


def _clarity(cell: str) -> Clarity:
    key = "".join(cell.lower().replace("-", "").split())
    if not key:
        raise _Bad("missing clarity")
    clarity = CLARITY_ALIASES.get(key)
    if clarity is None:
        raise _Bad(f"unknown clarity {cell.strip()!r}")
    return clarity


def _grade_parser(what: str) -> Callable[[str], Cut | None]:
    """Cut, polish or symmetry; an empty cell is "not graded" (fancy shapes often are not)."""

    def parse(cell: str) -> Cut | None:
        key = normalise_key(cell)
        if key in _BLANKS:
            return None
        grade = CUT_CODES.get(key) or CUT_CODES.get(key.replace(".", "").replace(" ", ""))
        if grade is None:
            raise _Bad(f"unknown {what} {cell.strip()!r}")
        return grade

    return parse


def _fluorescence(cell: str) -> str | None:
    words = normalise_key(cell).replace(".", "").split()
    while len(words) > 1 and words[-1] in _FLUORESCENCE_HUES:
        words.pop()
    key = " ".join(words)
    if key in _BLANKS:
        return None
    intensity = FLUORESCENCE_CODES.get(key)
    if intensity is None:
        raise _Bad(f"unknown fluorescence {cell.strip()!r}")
    return intensity


def _lab(cell: str) -> str | None:
    lab = cell.strip().upper()
    return None if lab.lower() in _BLANKS else lab


def _certificate(cell: str) -> str | None:
    """IGI lab-grown numbers start 'LG'; spaces typed inside a number are not part of it."""
    number = "".join(cell.split()).upper()
    return None if number.lower() in _BLANKS else number
