"""Reading one cell of a stock feed (or one field of the stock API) into a catalog value.

Each parser takes the text as a supplier typed it and returns the canonical value, or
raises `CellError` whose message is the reason a row is rejected ("unknown shape 'blob'").
Feeds and the live stock API share them, so both accept exactly the same spellings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from elgbot.catalog.codes import (
    CLARITY_ALIASES,
    CUT_CODES,
    SHAPE_CODES,
    SHAPE_LETTERS_IN_FEEDS,
    SHAPE_MISSPELLINGS,
    SHAPE_NAMES,
    normalise_key,
)
from elgbot.catalog.grades import Clarity, Color, Cut, Shape


class CellError(ValueError):
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
_MAX_PRICE: Final = 1e11  # ₹10,000 crore


def parse_carat(cell: str) -> float:
    try:
        carat = float(cell)
    except ValueError:
        carat = _odd_carat(cell)
    if not 0 < carat <= MAX_CARAT:  # also false for NaN
        raise CellError(f"carat {cell.strip()!r} is out of range (above 0, at most {MAX_CARAT:g})")
    return carat


def _odd_carat(cell: str) -> float:
    """'1,01' (decimal comma) and '1.01 ct'; anything else is not a number."""
    text = cell.strip().lower()
    if not text:
        raise CellError("missing carat")
    for suffix in ("carats", "carat", "cts", "ct"):
        text = text.removesuffix(suffix).strip()
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise CellError(f"carat {cell.strip()!r} is not a number") from None


def parse_price(cell: str, factor: float) -> int:
    """Whole rupees for the stone: a per-carat cell times the weight, a total as it is."""
    try:
        amount = float(cell)
    except ValueError:
        amount = _odd_price(cell)
    rupees = amount * factor
    if not rupees >= 0.5:  # must round to at least ₹1; also true for NaN
        raise CellError(f"price {cell.strip()!r} is not a positive amount")
    if not rupees < _MAX_PRICE:  # inf, or a typo no stone is worth
        raise CellError(f"price {cell.strip()!r} is too large")
    return int(rupees + 0.5)


def _odd_price(cell: str) -> float:
    """'1,00,000', '₹95,000', 'Rs. 95000/-', 'INR 95000'; anything else is not a number."""
    text = cell.strip().lower()
    if not text:
        raise CellError("missing price")
    for prefix in ("₹", "inr", "rs.", "rs"):
        text = text.removeprefix(prefix)
    text = text.removesuffix("/-").replace(",", "").replace(" ", "")
    try:
        return float(text)
    except ValueError:
        raise CellError(f"price {cell.strip()!r} is not a number") from None


def parse_shape(cell: str) -> Shape:
    key = normalise_key(cell)
    if not key:
        raise CellError("missing shape")
    shape = (
        _SHAPES.get(key)
        or _SHAPES.get(key.replace(".", "").replace(" ", ""))  # "R.B.C", "HALFMOON"
        # "Pear Modified Brilliant", "Oval Brilliant": a full shape name, then a style.
        or SHAPE_NAMES.get(key.split()[0])
    )
    if shape is None:
        raise CellError(f"unknown shape {cell.strip()!r}")
    return shape


def parse_color(cell: str) -> Color:
    key = cell.strip().upper()
    color = _COLORS.get(key)
    if color is not None:
        return color
    if not key:
        raise CellError("missing colour")
    if not _FANCY_WORDS.isdisjoint(key.replace("-", " ").split()):
        raise CellError(FANCY_COLOUR)
    raise CellError(f"unknown colour {cell.strip()!r}")


def parse_clarity(cell: str) -> Clarity:
    key = "".join(cell.lower().replace("-", "").split())
    if not key:
        raise CellError("missing clarity")
    clarity = CLARITY_ALIASES.get(key)
    if clarity is None:
        raise CellError(f"unknown clarity {cell.strip()!r}")
    return clarity


def grade_parser(what: str) -> Callable[[str], Cut | None]:
    """Cut, polish or symmetry; an empty cell is "not graded" (fancy shapes often are not)."""

    def parse(cell: str) -> Cut | None:
        key = normalise_key(cell)
        if key in _BLANKS:
            return None
        grade = CUT_CODES.get(key) or CUT_CODES.get(key.replace(".", "").replace(" ", ""))
        if grade is None:
            raise CellError(f"unknown {what} {cell.strip()!r}")
        return grade

    return parse


def parse_fluorescence(cell: str) -> str | None:
    words = normalise_key(cell).replace(".", "").split()
    while len(words) > 1 and words[-1] in _FLUORESCENCE_HUES:
        words.pop()
    key = " ".join(words)
    if key in _BLANKS:
        return None
    intensity = FLUORESCENCE_CODES.get(key)
    if intensity is None:
        raise CellError(f"unknown fluorescence {cell.strip()!r}")
    return intensity


def parse_lab(cell: str) -> str | None:
    lab = cell.strip().upper()
    return None if lab.lower() in _BLANKS else lab


def parse_certificate(cell: str) -> str | None:
    """IGI lab-grown numbers start 'LG'; spaces typed inside a number are not part of it."""
    number = "".join(cell.split()).upper()
    return None if number.lower() in _BLANKS else number
