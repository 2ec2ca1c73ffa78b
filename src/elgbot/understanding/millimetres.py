"""Sizes in millimetres ("5mm", "6.5 mm", "5-5.5mm", "7x5mm", "7 mm x 5 mm").

A size is never a carat weight. A round's diameter converts through the trade's chart
(`catalog.round_sizes`) to an estimated carat range, said back to the customer; any other
size (another shape, length by width, off the chart) is reported with a request for the
weight, because millimetres alone do not fix it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from elgbot.catalog.grades import Shape
from elgbot.catalog.round_sizes import (
    LARGEST_MM,
    SMALLEST_MM,
    carat_range,
    carats_for_diameter,
)
from elgbot.understanding.lexer import Kind, Lexed, Token, text_at
from elgbot.understanding.unclear import Unclear

_MM: Final = frozenset({"mm", "mms", "millimeter", "millimeters", "millimetre", "millimetres"})
_BY: Final = frozenset({"x", "by", "×"})
_RANGE: Final = frozenset({"-", "to"})
# "2x1ct" is two stones of 1 ct, not 2 by 1 mm.
_CARAT_WORDS: Final = frozenset({"ct", "cts", "carat", "carats", "karat", "pointer", "cent"})
_ASK: Final = "please send the carat weight, e.g. 1 ct"
_NOT_ROUND: Final = f"millimetres give a carat weight only for round stones; {_ASK}"
_DIMENSIONS: Final = f"length by width does not fix the carat weight; {_ASK}"
_MELEE: Final = (
    f"rounds under {SMALLEST_MM:g} mm are melee, sold by the carat in Lab Melee; "
    "for one stone, please send the carat weight, e.g. 0.2 ct"
)
_TOO_LARGE: Final = f"our size chart goes up to {LARGEST_MM:g} mm (about 1 ct); {_ASK}"


@dataclass(frozen=True, slots=True)
class Size:
    low_mm: float  # a diameter or a range of them; 0 for dimensions
    high_mm: float
    first: int
    last: int
    dimensions: bool = False  # "7x5mm": length by width


@dataclass(frozen=True, slots=True)
class SizeEstimate:
    """A round's diameter read through the chart: "6.5mm" is about 1 ct."""

    size: str  # the customer's words
    carats: float  # the chart's weight (for a range, its middle)
    low: float  # the carat range searched
    high: float


@dataclass(frozen=True, slots=True)
class SizeReading:
    sizes: tuple[Size, ...] = ()
    indices: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class SizeCarats:
    low: float | None = None
    high: float | None = None
    estimates: tuple[SizeEstimate, ...] = ()
    unclear: tuple[Unclear, ...] = ()


def read_sizes(lexed: Lexed) -> SizeReading:
    """Every size in millimetres, with the tokens it spans."""
    tokens, sizes = lexed.tokens, list[Size]()
    index = 0
    while index < len(tokens):
        size = _size_at(tokens, index)
        if size is None:
            index += 1
            continue
        sizes.append(size)
        index = size.last + 1
    indices = frozenset(k for s in sizes for k in range(s.first, s.last + 1))
    return SizeReading(tuple(sizes), indices)


def carats_from_sizes(lexed: Lexed, reading: SizeReading, shape: Shape | None) -> SizeCarats:
    """The carat range a round's diameter stands for; every other size reported."""
    estimates, unclear = list[SizeEstimate](), list[Unclear]()
    for size in reading.sizes:
        quoted = lexed.quote(size.first, size.last)
        estimate = _estimate(size, quoted, shape)
        if isinstance(estimate, SizeEstimate):
            estimates.append(estimate)
        else:
            unclear.append(Unclear("carat", quoted, estimate))
    if not estimates:
        return SizeCarats(unclear=tuple(unclear))
    low, high = min(e.low for e in estimates), max(e.high for e in estimates)
    return SizeCarats(low, high, tuple(estimates), tuple(unclear))


def _estimate(size: Size, quoted: str, shape: Shape | None) -> SizeEstimate | str:
    """The chart's estimate for a round's diameter, else why there is none."""
    if size.dimensions:
        return _DIMENSIONS
    if shape is not Shape.ROUND:
        return _NOT_ROUND
    low, high = carats_for_diameter(size.low_mm), carats_for_diameter(size.high_mm)
    if low is None or high is None:
        return _MELEE if size.low_mm < SMALLEST_MM else _TOO_LARGE
    return SizeEstimate(quoted, (low + high) / 2, carat_range(low)[0], carat_range(high)[1])


def _size_at(tokens: Sequence[Token], index: int) -> Size | None:
    first = _number(tokens, index)
    if first is None:
        return None
    if (dimensions := _dimensions(tokens, index)) is not None:
        return dimensions
    if text_at(tokens, index + 1) in _MM:
        return Size(first, first, index, index + 1)
    second = _number(tokens, index + 2) if text_at(tokens, index + 1) in _RANGE else None
    if second is not None and text_at(tokens, index + 3) in _MM:
        low, high = sorted((first, second))
        return Size(low, high, index, index + 3)
    return None


def _dimensions(tokens: Sequence[Token], index: int) -> Size | None:
    """ "7x5mm", "7 x 5 mm", "7 mm x 5 mm", "7x5x3.2mm", "7x5" (glued, so not "2 x 1ct")."""
    at, glued, count = index, True, 1
    while True:
        if text_at(tokens, at + 1) in _MM:  # "7 mm x 5 mm"
            at += 1
        if _x_code(tokens, at + 1) is not None:  # "x5", lexed as one code
            at, count = at + 1, count + 1
        elif text_at(tokens, at + 1) in _BY and _number(tokens, at + 2) is not None:
            at, glued, count = at + 2, False, count + 1
        else:
            break
    if count < 2:
        return None
    if text_at(tokens, at) in _MM or (glued and text_at(tokens, at + 1) not in _CARAT_WORDS):
        return Size(0.0, 0.0, index, at, dimensions=True)
    return None


def _number(tokens: Sequence[Token], index: int) -> float | None:
    if not 0 <= index < len(tokens) or tokens[index].kind is not Kind.NUM:
        return None
    number = tokens[index].number
    return None if number is None else float(number)


def _x_code(tokens: Sequence[Token], index: int) -> Decimal | None:
    """The figure of an "x5" code: "7x5mm" lexes as "7", "x5", "mm"."""
    text = text_at(tokens, index)
    if not (0 <= index < len(tokens) and tokens[index].kind is Kind.CODE and text[:1] == "x"):
        return None
    return Decimal(text[1:])
