"""One customer message -> the melee they want: size, quality band and quantity.

Size by sieve ("+6.5 -7", "-0000", "sieve 6.5-7"), by millimetres ("1.3 mm", "1.3-1.5mm"),
or by weight per stone ("2 pointer", "0.02 ct each"), translated through the size chart;
quality as a band ("EF VVS", "GH VS-SI", "D-F VVS-VS"); quantity in carats ("10 carats",
"10 cts") or stones ("100 pcs", weighed by the chart once the size is known). A carat
figure below the chart's largest stone (0.2 ct) is a weight per stone, not a quantity:
nobody buys a parcel of a few stones by carat. "rate 12000" is the trade's price per carat.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Final

from elgbot.catalog.melee import (
    COLOR_LETTERS,
    BandError,
    MeleeQuery,
    QualityBand,
    parse_clarity_range,
)
from elgbot.catalog.melee_sizes import (
    LARGEST_MELEE_CARAT,
    MM_TOLERANCE,
    parse_sieve,
    size_for_carat,
    size_within,
    sizes_between,
)
from elgbot.understanding.budget import read_budget
from elgbot.understanding.lexer import Kind, Lexed, Token, lex, text_at
from elgbot.understanding.limits import budget_problem
from elgbot.understanding.money import read_amount
from elgbot.understanding.unclear import Unclear
from elgbot.understanding.words import normalise

_MM: Final = frozenset({"mm", "millimeter", "millimeters", "millimetre", "millimetres"})
_POINTER: Final = frozenset({"pointer", "pointers", "ptr", "cent", "cents", "pt", "pts"})
_CARAT: Final = frozenset({"ct", "cts", "carat", "carats", "crt", "crts", "karat", "karats"})
_PER: Final = frozenset({"per", "/", "a", "each"})  # "20k per carat", "15000/ct"
_EACH: Final = frozenset({"each", "per", "/", "a"})  # "0.02 ct each", "per stone", "a stone"
_SIEVE_NAMES: Final = frozenset({"sieve", "sieves", "chalni"})
_SIEVE_WORDS: Final = _SIEVE_NAMES | {"size"}
_STONES: Final = frozenset({"pcs", "pc", "piece", "pieces", "stone", "stones", "nos"})
# "rate 12000": in the trade a rate is always per carat (Hindi "bhav").
_RATE: Final = frozenset({"rate", "rates", "bhav"})
_RATE_FILLERS: Final = frozenset({":", "-", "=", "is", "of", "at"})
_MOST_STONES: Final = 1_000_000
_RANGE: Final = frozenset({"-", "to"})
_CLARITY_WORDS: Final = frozenset(
    {"vvs", "vs", "si", "vvs1", "vvs2", "vs1", "vs2", "si1", "si2", "si3", "i1", "i2", "i3"}
)
_COLOR_WORDS: Final = frozenset({"colour", "color", "col", "colours", "colors"})
_MM_RANGE: Final = (Decimal("0.5"), Decimal(6))
_QUANTITY_RANGE: Final = (Decimal("0.2"), Decimal(10_000))
_SMALLEST_STONE: Final = Decimal("0.003")
_NOT_MELEE: Final = "stones of 0.2 ct and more are sold one by one: type *1* for Lab Diamonds"
_UNKNOWN_SIEVE: Final = "we do not know that sieve size (e.g. +6.5 -7, -0000)"
_UNSIGNED_SIEVE: Final = "please write the sieve with its signs (e.g. +6.5 -7, -0000)"
_MM_OUT: Final = "melee runs from 0.7 to 3.7 mm"
_TOO_SMALL: Final = "that is smaller than any melee (from 0.0033 ct, 0.7 mm)"
_TOO_MUCH: Final = "please ask for 0.2 to 10,000 carats"
_TWO_SIZES: Final = "please ask for one size at a time"
_STONE_COUNT: Final = "please send a whole number of stones (e.g. 100 pcs), or the carats"


@dataclass(frozen=True, slots=True)
class MeleeReading:
    query: MeleeQuery
    unclear: tuple[Unclear, ...] = ()

    @property
    def says_something(self) -> bool:
        return not self.query.is_empty or bool(self.unclear)


@dataclass(frozen=True, slots=True)
class _Size:
    mm_from: float
    mm_to: float
    label: str


@dataclass(slots=True)
class _Reading:
    lexed: Lexed
    taken: set[int]
    unclear: list[Unclear]
    sizes: list[_Size]
    stones: int | None = None

    def claim(self, first: int, last: int) -> None:
        self.taken.update(range(first, last + 1))

    def problem(self, field: str, first: int, last: int, reason: str) -> None:
        self.claim(first, last)
        self.unclear.append(Unclear(field, self.lexed.quote(first, last), reason))


_BARE_QUANTITY: Final = re.compile(r"\d{1,5}(?:\.\d{1,3})?")


def read_quantity(text: str) -> float | None:
    """The answer to "How many carats?": "10", "10 cts", "2.5 carats"; None otherwise."""
    words = normalise(text)
    if _BARE_QUANTITY.fullmatch(words):
        low, high = _QUANTITY_RANGE
        return float(words) if low <= Decimal(words) <= high else None
    reading = read_melee_query(text)
    only_carats = replace(reading.query, carats=None) == MeleeQuery()
    return reading.query.carats if only_carats and not reading.unclear else None


def read_melee_query(text: str) -> MeleeReading:
    reading = _Reading(lex(text), set(), [], [])
    _sieves(reading)
    _millimetres(reading)
    carats = _weights(reading)
    band = _band(reading)
    size = _one_size(reading)
    budget, per_carat = _budget(reading)
    query = MeleeQuery(
        mm_from=size.mm_from if size else None,
        mm_to=size.mm_to if size else None,
        size=size.label if size else "",
        band=band,
        carats=carats,
        budget_inr=budget,
        budget_per_carat=per_carat,
        stones=reading.stones if carats is None else None,  # carats said outright win
    )
    return MeleeReading(weighed(query), tuple(reading.unclear))


def weighed(query: MeleeQuery) -> MeleeQuery:
    """A count of stones as carats by the size chart, once the size is one chart size."""
    if query.stones is None:
        return query
    size = None
    if query.mm_from is not None and query.mm_to is not None:
        size = size_within(query.mm_from, query.mm_to)
    carats = None if size is None else max(0.01, round(query.stones * size.carat_per_stone, 2))
    return replace(query, carats=carats)


# ---- size -------------------------------------------------------------------------------------
def _sieves(reading: _Reading) -> None:
    tokens = reading.lexed.tokens
    for index in range(len(tokens)):
        if index in reading.taken:
            continue
        span = _sieve_span(tokens, index)
        if span is None:
            _unsigned_sieve(reading, index)
            continue
        first, last, written = span
        parsed = parse_sieve(written)
        sizes = sizes_between(*parsed) if parsed else ()
        if not sizes:
            reading.problem("sieve", first, last, _UNKNOWN_SIEVE)
            continue
        reading.claim(first, last)
        label = sizes[0].label if len(sizes) == 1 else written
        mm = f"{sizes[0].mm_from:.2f}–{sizes[-1].mm_to:.2f} mm"
        reading.sizes.append(_Size(sizes[0].mm_from, sizes[-1].mm_to, f"{label} ({mm})"))


def _sieve_span(tokens: Sequence[Token], index: int) -> tuple[int, int, str] | None:
    """'+6.5 -7', '+11', '-0000' (a sign says sieve), or 'sieve 6.5-7' / '6.5-7 sieve'."""
    sign = text_at(tokens, index)
    signed = sign in ("+", "-") and _number(tokens, index + 1)
    if signed and not (sign == "-" and _number(tokens, index - 1)):
        last = index + 1
        if sign == "+" and text_at(tokens, last + 1) == "-" and _number(tokens, last + 2):
            last += 2
        pairs = tokens[index : last + 1 : 2], tokens[index + 1 : last + 1 : 2]
        return index, last, " ".join(f"{s.text}{n.text}" for s, n in zip(*pairs, strict=True))
    named = text_at(tokens, index - 1) in _SIEVE_WORDS or text_at(tokens, index + 3) in _SIEVE_WORDS
    ranged = text_at(tokens, index + 1) == "-" and _number(tokens, index + 2)
    if _number(tokens, index) and ranged and named and text_at(tokens, index + 3) not in _MM:
        return index, index + 2, f"{tokens[index].text}-{tokens[index + 2].text}"
    return None


def _unsigned_sieve(reading: _Reading, index: int) -> None:
    """ "sieve 0000": a sieve without its sign, which says whether stones stay on it or fall
    through (+0000 or -0000); asked, never read as a budget."""
    tokens = reading.lexed.tokens
    named = text_at(tokens, index) in _SIEVE_NAMES and _number(tokens, index + 1)
    if named and index + 1 not in reading.taken and text_at(tokens, index + 2) != "-":
        reading.problem("sieve", index, index + 1, _UNSIGNED_SIEVE)


def _millimetres(reading: _Reading) -> None:
    tokens = reading.lexed.tokens
    for index, token in enumerate(tokens):
        if index in reading.taken or token.text not in _MM or not _number(tokens, index - 1):
            continue
        last_figure = index - 1
        first = last_figure
        if text_at(tokens, first - 1) in _RANGE and _number(tokens, first - 2):
            first -= 2
        low, high = _figure(tokens, first), _figure(tokens, last_figure)
        if not (_MM_RANGE[0] <= low <= high <= _MM_RANGE[1]):
            reading.problem("size", first, index, _MM_OUT)
            continue
        reading.claim(first, index)
        written = f"{low}–{high}" if low != high else f"{low}"
        reading.sizes.append(_Size(float(low), float(high), f"{written} mm"))


def _weights(reading: _Reading) -> float | None:
    """Pointers and carats per stone (sizes), and the quantity in carats."""
    tokens, quantity = reading.lexed.tokens, None
    for index in range(len(tokens)):
        if index in reading.taken or not _number(tokens, index):
            continue
        unit_at = index + 2 if text_at(tokens, index + 1) == "-" else index + 1
        unit = text_at(tokens, unit_at)
        figure = _figure(tokens, index)
        if unit in _POINTER:
            _per_stone(reading, index, unit_at, figure / 100, f"{figure} pointer")
        elif unit in _CARAT and (
            text_at(tokens, unit_at + 1) in _EACH or figure < Decimal(str(LARGEST_MELEE_CARAT))
        ):
            last = unit_at + (2 if text_at(tokens, unit_at + 1) in _EACH else 0)
            _per_stone(reading, index, min(last, len(tokens) - 1), figure, f"{figure} ct per stone")
        elif unit in _CARAT:
            quantity = _quantity(reading, index, unit_at, figure) or quantity
        elif unit in _STONES:
            _count(reading, index, unit_at, figure)
    return quantity


def _count(reading: _Reading, first: int, last: int, stones: Decimal) -> None:
    if stones != stones.to_integral_value() or not 1 <= stones <= _MOST_STONES:
        reading.problem("quantity", first, last, _STONE_COUNT)
        return
    reading.claim(first, last)
    reading.stones = int(stones)


def _per_stone(reading: _Reading, first: int, last: int, carat: Decimal, said: str) -> None:
    if carat > Decimal(str(LARGEST_MELEE_CARAT)):
        reading.problem("size", first, last, _NOT_MELEE)
        return
    if carat < _SMALLEST_STONE:
        reading.problem("size", first, last, _TOO_SMALL)
        return
    reading.claim(first, last)
    size = size_for_carat(float(carat))
    label = f"{said} (≈ {size.label}, {size.mm_from:.2f}–{size.mm_to:.2f} mm)"
    reading.sizes.append(_Size(size.mm_from, size.mm_to, label))


def _quantity(reading: _Reading, first: int, last: int, carats: Decimal) -> float | None:
    if not _QUANTITY_RANGE[0] <= carats <= _QUANTITY_RANGE[1]:
        reading.problem("quantity", first, last, _TOO_MUCH)
        return None
    reading.claim(first, last)
    return float(carats)


def _one_size(reading: _Reading) -> _Size | None:
    sizes = reading.sizes
    if not sizes:
        return None
    first = sizes[0]
    for other in sizes[1:]:
        apart = (
            other.mm_from > first.mm_to + MM_TOLERANCE or other.mm_to < first.mm_from - MM_TOLERANCE
        )
        if apart:
            reading.unclear.append(Unclear("size", f"{first.label}, {other.label}", _TWO_SIZES))
            return None
    return first


# ---- quality band -----------------------------------------------------------------------------
def _band(reading: _Reading) -> QualityBand:
    tokens = reading.lexed.tokens
    colors, clarity_codes = "", []
    for index, token in enumerate(tokens):
        if index in reading.taken:
            continue
        if token.text in _CLARITY_WORDS or (token.raw == "IF"):
            clarity_codes.append(token.text.upper())
            reading.claim(index, index)
        elif not colors and (letters := _color_letters(tokens, index, index - 1 in reading.taken)):
            colors = letters[0]
            reading.claim(index, index + letters[1] - 1)
    try:
        clarities = parse_clarity_range("-".join(clarity_codes)) if clarity_codes else ()
    except BandError:
        clarities = ()
    return QualityBand(colors, clarities)


def _color_letters(
    tokens: Sequence[Token], index: int, after_size: bool = False
) -> tuple[str, int] | None:
    """'EF', 'def vvs', 'GH' (letters in a row of the scale), 'd-f', 'g' before a clarity,
    or one capital letter ("F"). Lower-case letters need a clarity or "colour" beside
    them, or a size or quantity right before ("2mm def"): alone, "hi" is a greeting."""
    token, word = tokens[index], tokens[index].text
    if token.kind is not Kind.WORD or not word.isalpha():
        return None
    letters = word.upper()
    graded = (
        token.raw.isupper() or after_size or _beside(tokens, index, _CLARITY_WORDS | _COLOR_WORDS)
    )
    if 2 <= len(letters) <= 4 and letters in COLOR_LETTERS and graded:
        return letters, 1
    if len(letters) == 1 and letters in COLOR_LETTERS:
        end = text_at(tokens, index + 2).upper()
        if text_at(tokens, index + 1) == "-" and len(end) == 1 and end in COLOR_LETTERS:
            low, high = COLOR_LETTERS.index(letters), COLOR_LETTERS.index(end)
            return (COLOR_LETTERS[low : high + 1], 3) if low <= high else None
        if text_at(tokens, index + 1) in _CLARITY_WORDS:
            return letters, 1
        # "1.3mm F 10ct", "colour G": one grade, matched by the parcels whose band has it.
        # Never a lone "I", which is mostly the pronoun.
        if _beside(tokens, index, _COLOR_WORDS) or (graded and letters != "I"):
            return letters, 1
    return None


# ---- budget -----------------------------------------------------------------------------------
def _budget(reading: _Reading) -> tuple[int | None, bool]:
    """The most to spend, read last: every figure with a size or weight unit is claimed by
    then, so a large bare figure is money. "20k per carat" or "₹15,000/ct" is a price per
    carat; any other amount is for the whole order."""
    per_carat = _price_per_carat(reading)
    if per_carat is not None:
        return per_carat, True
    found = read_budget(reading.lexed, frozenset(reading.taken), bare_is_budget=True)
    reading.unclear.extend(found.unclear)
    reading.taken.update(found.indices)
    return found.high, False


def _price_per_carat(reading: _Reading) -> int | None:
    found = _amount_per_carat(reading)
    return found if found is not None else _rate(reading)


def _amount_per_carat(reading: _Reading) -> int | None:
    tokens = reading.lexed.tokens
    for per in range(1, len(tokens) - 1):
        if tokens[per].text not in _PER or text_at(tokens, per + 1) not in _CARAT:
            continue
        for start in range(max(0, per - 3), per):  # "₹ 15,000", "20 k", "15000"
            amount = read_amount(tokens, start)
            if amount is None or amount.last != per - 1 or reading.taken & {start, per - 1}:
                continue
            return _priced(reading, start, per + 1, amount.inr)
    return None


def _rate(reading: _Reading) -> int | None:
    """ "rate 12000", "rate: 12k": a price per carat."""
    tokens = reading.lexed.tokens
    for index, token in enumerate(tokens):
        if token.text not in _RATE or index in reading.taken:
            continue
        start = index + 1
        while text_at(tokens, start) in _RATE_FILLERS:
            start += 1
        amount = read_amount(tokens, start)
        if amount is None or reading.taken & set(range(start, amount.last + 1)):
            continue
        return _priced(reading, index, amount.last, amount.inr)
    return None


def _priced(reading: _Reading, first: int, last: int, inr: int) -> int | None:
    if problem := budget_problem(inr):
        reading.problem("budget", first, last, problem)
        return None
    reading.claim(first, last)
    return inr


# ---- helpers ----------------------------------------------------------------------------------
def _beside(tokens: Sequence[Token], index: int, words: frozenset[str]) -> bool:
    return text_at(tokens, index - 1) in words or text_at(tokens, index + 1) in words


def _number(tokens: Sequence[Token], index: int) -> bool:
    return 0 <= index < len(tokens) and tokens[index].kind is Kind.NUM


def _figure(tokens: Sequence[Token], index: int) -> Decimal:
    number = tokens[index].number
    assert number is not None
    return number


def merge(old: MeleeQuery, new: MeleeQuery) -> MeleeQuery:
    """What the customer just said wins; what they did not say is kept."""
    sized = new.mm_from is not None
    # A quantity is one answer too: in carats or in stones, the newer replaces the older.
    counted = new.carats is not None or new.stones is not None
    quantity = new if counted else old
    merged = replace(
        old,
        mm_from=new.mm_from if sized else old.mm_from,
        mm_to=new.mm_to if sized else old.mm_to,
        size=new.size if sized else old.size,
        # A band is one answer too: "GH" after "EF VVS" is GH of any clarity, not GH VVS.
        band=old.band if new.band == QualityBand() else new.band,
        carats=quantity.carats,
        stones=quantity.stones,
        # A budget is one answer: a new one replaces the old, per carat or in all.
        budget_inr=new.budget_inr if new.budget_inr is not None else old.budget_inr,
        budget_per_carat=(
            new.budget_per_carat if new.budget_inr is not None else old.budget_per_carat
        ),
    )
    return weighed(merged)  # stones weighed again by a new size
