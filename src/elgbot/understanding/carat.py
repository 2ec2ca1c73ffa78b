"""Carat weight: "1.5ct", "1.50CT", "1.5 carats", "1.5-2ct", "1.5 to 2 carat", "1ct+",
"under 2 ct", "10 pointer", "carat 1.5", "3/4 ct", and — only when nothing else fits — a
bare decimal ("round 1.5 G VS1") or a small whole number right after the shape ("Round, 2,
G, VS2": the seed's order puts the weight there).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from elgbot.understanding.lexer import Kind, Lexed, Token, text_at
from elgbot.understanding.limits import carat_problem
from elgbot.understanding.money import CURRENCY_WORDS, MULTIPLIERS
from elgbot.understanding.qualifiers import Bound, Context, context_after, context_before
from elgbot.understanding.unclear import Unclear

_ONE: Final = Decimal(1)
_UNITS: Final[dict[str, Decimal]] = {
    **dict.fromkeys(["ct", "cts", "ctw", "cttw", "carat", "carats", "karat", "karats"], _ONE),
    **dict.fromkeys(["carrat", "carrats", "caret", "carets", "crt", "carot", "carrot"], _ONE),
    **dict.fromkeys(["carret", "carate", "carrets", "carrots"], _ONE),
    # Indian trade: a "10-pointer" or "50 cent" stone is 0.10 / 0.50 ct.
    **dict.fromkeys(["pointer", "pointers", "pts", "cent", "cents"], Decimal("0.01")),
}
_PREFIX_KEYS: Final = frozenset({"carat", "carats", "ct", "cts", "weight", "wt", "size"})
_PREFIX_FILLERS: Final = frozenset({":", "-", "=", "of", "is"})
_RANGE_WORDS: Final = frozenset({"-", "to", "se", "till"})
# "18 carat gold" is a purity of gold, not a stone's weight.
_METALS: Final = frozenset({"gold", "white", "yellow", "rose", "platinum", "hallmark"})
_PURITIES: Final = frozenset(Decimal(k) for k in (9, 10, 14, 18, 22, 24))
_WEIGHT_WORDS: Final = (Bound.MIN, Bound.MAX, Bound.ABOUT, Bound.BETWEEN)
_CONTRADICTION: Final = "these weights contradict each other"
# A bare whole number after the shape reads as carats only in this range: "round 2" is a
# 2 ct stone, "round 25" more likely a price or a quantity.
_WHOLE_CARATS: Final = range(1, 11)


@dataclass(frozen=True, slots=True)
class CaratReading:
    low: float | None = None
    high: float | None = None
    indices: frozenset[int] = frozenset()
    unclear: tuple[Unclear, ...] = ()

    @property
    def found(self) -> bool:
        return bool(self.indices)


@dataclass(frozen=True, slots=True)
class _Figure:
    value: Decimal  # as written, in `unit`s
    first: int
    last: int
    unit: Decimal | None  # carats per written unit; None when no unit was written
    plus: bool = False


@dataclass(frozen=True, slots=True)
class _Hit:
    low: Decimal | None
    high: Decimal | None
    first: int
    last: int
    problem: str | None = None


def read_carats(
    lexed: Lexed, taken: frozenset[int], *, bare: bool, shapes: frozenset[int] = frozenset()
) -> CaratReading:
    """Weights with a unit, or (`bare`) unit-less decimals, and whole numbers right after a
    shape token (indices in `shapes`): 'when nothing else fits'."""
    tokens, claimed = lexed.tokens, set(taken)
    hits: list[_Hit] = []
    index = 0
    while index < len(tokens):
        hit = None if index in claimed else _hit_at(tokens, index, claimed, bare, shapes)
        if hit is None:
            index += 1
            continue
        claimed.update(range(hit.first, hit.last + 1))
        hits.append(hit)
        index = hit.last + 1
    return _combine(lexed, hits, frozenset(claimed - taken))


def _combine(lexed: Lexed, hits: list[_Hit], indices: frozenset[int]) -> CaratReading:
    unclear = [Unclear("carat", lexed.quote(h.first, h.last), h.problem) for h in hits if h.problem]
    good = [h for h in hits if not h.problem]
    lows = [h.low for h in good if h.low is not None]
    highs = [h.high for h in good if h.high is not None]
    low, high = (min(lows) if lows else None), (max(highs) if highs else None)
    if low is not None and high is not None and low > high:
        quoted = lexed.quote(good[0].first, good[-1].last)
        return CaratReading(
            None, None, indices, (*unclear, Unclear("carat", quoted, _CONTRADICTION))
        )
    return CaratReading(_float(low), _float(high), indices, tuple(unclear))


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _hit_at(
    tokens: Sequence[Token], index: int, claimed: set[int], bare: bool, shapes: frozenset[int]
) -> _Hit | None:
    first = _figure(tokens, index, claimed)
    if first is None:
        return None
    before = context_before(tokens, index, claimed, reach=3, kinds=_WEIGHT_WORDS)
    second = _range_end(tokens, first, claimed, before.bound is Bound.BETWEEN)
    if bare:
        unit = _bare_unit(tokens, first, second, shapes)
    else:
        unit = _unit(tokens, first, second, claimed)
    if unit is None:
        return None
    last = (second or first).last
    after = context_after(tokens, last, claimed)
    low, high = _bounds(first, second, unit, before, after)
    start = min(k for k in (index, before.start, _prefix_key(tokens, index, claimed)) if k >= 0)
    end = after.end if after.bound else last
    problems = (carat_problem(v) for v in (low, high) if v is not None)
    return _Hit(low, high, start, end, next((p for p in problems if p), None))


def _bounds(
    first: _Figure, second: _Figure | None, unit: Decimal, before: Context, after: Context
) -> tuple[Decimal | None, Decimal | None]:
    value = first.value * (first.unit or unit)
    if second is not None:
        other = second.value * (second.unit or unit)
        return min(value, other), max(value, other)
    bound = Bound.MIN if first.plus else (after.bound or before.bound)
    if bound is Bound.MIN:
        return value, None
    return (None, value) if bound is Bound.MAX else (value, value)


def _figure(tokens: Sequence[Token], index: int, claimed: Collection[int]) -> _Figure | None:
    """A number and the weight unit written right after it ("1.5ct", "1.5+ ct", "10-pointer")."""
    if not 0 <= index < len(tokens) or index in claimed or tokens[index].kind is not Kind.NUM:
        return None
    number = tokens[index].number
    if number is None:
        return None
    at, plus = index + 1, text_at(tokens, index + 1) == "+"
    if plus or (text_at(tokens, at) == "-" and text_at(tokens, at + 1) in _UNITS):
        at += 1
    unit = None if at in claimed else _UNITS.get(text_at(tokens, at))
    if unit is None:
        return _Figure(number, index, index, None)
    if number in _PURITIES and text_at(tokens, at + 1) in _METALS:
        return None
    return _Figure(number, index, at, unit, plus)


def _range_end(
    tokens: Sequence[Token], first: _Figure, claimed: Collection[int], between: bool
) -> _Figure | None:
    """The upper figure of "1.5-2ct", "1.5 to 2 carat", "between 1 and 2 ct", if any."""
    sep = first.last + 1
    word = text_at(tokens, sep)
    if sep in claimed or not (word in _RANGE_WORDS or (between and word == "and")):
        return None
    second = _figure(tokens, sep + 1, claimed)
    if second is None or first.plus:
        return None
    follower = text_at(tokens, second.last + 1)
    return None if follower in MULTIPLIERS or follower in CURRENCY_WORDS else second


def _unit(
    tokens: Sequence[Token], first: _Figure, second: _Figure | None, claimed: Collection[int]
) -> Decimal | None:
    if second is not None and second.unit is not None:
        return second.unit
    if first.unit is not None:
        return first.unit
    return _ONE if _prefix_key(tokens, first.first, claimed) >= 0 else None


def _bare_unit(
    tokens: Sequence[Token], first: _Figure, second: _Figure | None, shapes: frozenset[int]
) -> Decimal | None:
    figures = (first,) if second is None else (first, second)
    if any(f.unit is not None for f in figures):
        return None
    if any(tokens[f.first].is_decimal for f in figures):
        return _ONE
    return _ONE if second is None and _whole_after_shape(tokens, first, shapes) else None


def _whole_after_shape(tokens: Sequence[Token], figure: _Figure, shapes: frozenset[int]) -> bool:
    """ "round 2", "Round, 2": a small whole number right after the shape (a comma between)."""
    before = figure.first - 1
    if text_at(tokens, before) == ",":
        before -= 1
    whole = figure.value == figure.value.to_integral_value()
    return before in shapes and whole and int(figure.value) in _WHOLE_CARATS


def _prefix_key(tokens: Sequence[Token], index: int, claimed: Collection[int]) -> int:
    """Index of a "carat"/"weight" word written before the figure ("carat: 1.5"), or -1."""
    at = index - 1
    if text_at(tokens, at) in _PREFIX_FILLERS:
        at -= 1
    word = text_at(tokens, at)
    if at in claimed or word not in _PREFIX_KEYS:
        return -1
    # "size 12" is far more often a ring size than 12 carats.
    return at if word != "size" or tokens[index].is_decimal else -1


# "1,5 ct", "6,5mm", "5,5-6,5 mm": a decimal comma, as much of the world writes it, before
# a weight or a size (never Indian digit grouping, which "1,50,000" has and neither does).
_UNIT: Final = r"(?:ct|cts|carat|carats|mm|mms|millimet(?:er|re)s?)\b"
_DECIMAL_COMMA: Final = re.compile(
    rf"(?<![\d,])(\d{{1,2}}),(\d{{1,2}})(?=(?:\s?-\s?\d{{1,2}}(?:[.,]\d{{1,2}})?)?\s?{_UNIT})",
    re.I,
)


def with_decimal_points(text: str) -> str:
    """ "1,5 ct" -> "1.5 ct", "6,5mm" -> "6.5mm" (before lexing, which would read "6", "5mm")."""
    return _DECIMAL_COMMA.sub(r"\1.\2", text)
