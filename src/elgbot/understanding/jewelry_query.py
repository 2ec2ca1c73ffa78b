"""One customer message -> the jewellery they are looking for.

"ring in 18k rose gold under 60k", "studs below 40000", "platinum band size 14",
"tennis braclet in white gold 1.5 lakh tak".

Readers run from the most to the least certain and claim the tokens they understood, so
"18k" in "18k rose gold" is a karat and never ₹18,000: ring sizes, metals, then kinds and
styles, and last the budget (any large figure left over is the budget: nothing else in a
jewellery request is one). What cannot be (size 45, "platinum 18k") is reported back in
`unclear`, never used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from elgbot.catalog.jewelry import (
    COLOR_WORDS,
    GOLD_CODES,
    GOLD_KARATS,
    KIND_WORDS,
    MATERIAL_WORDS,
    NOT_IN_RANGE,
    RING_SIZES,
    STYLE_KIND,
    STYLE_WORDS,
    JewelryKind,
    JewelryQuery,
    Material,
    MetalColor,
    MetalWish,
    Style,
)
from elgbot.understanding.budget import read_budget
from elgbot.understanding.carat import read_carats
from elgbot.understanding.lexer import Kind, Lexed, Token, lex, text_at
from elgbot.understanding.money import MONEY_BEFORE
from elgbot.understanding.unclear import Unclear
from elgbot.understanding.words import close_to, normalise

_ENGAGEMENT: Final = frozenset({"engagement", "engagment", "engagemnt", "proposal", "sagai"})
_SIZE_WORDS: Final = frozenset({"size", "sz", "sizes"})
_SIZE_FILLERS: Final = frozenset({":", "-", "no", "number", "#", "of", "is"})
_MM: Final = frozenset({"mm", "millimeter", "millimeters", "millimetre", "millimetres"})
_RANGE: Final = frozenset({"-", "to"})
_KARAT_UNITS: Final = frozenset({"k", "kt", "kts", "karat", "karats", "krt", "kr"})
# "18 carat gold" is how many Indians say 18 karat; only next to a metal word, since
# "1 carat ring" is a stone's weight.
_CARAT_UNITS: Final = frozenset({"ct", "carat", "carats", "c"})
_GOLD: Final = frozenset(w for w, m in MATERIAL_WORDS.items() if m is Material.GOLD)
_METAL_WORDS: Final = _GOLD | frozenset(COLOR_WORDS)
_TWO: Final = frozenset({"two", "dual"})
# Colours that are clear on their own; "white" and "red" also describe stones.
_LONE_COLORS: Final = frozenset({"rose", "yellow", "pink"})
_ONE_METAL: Final = "please name one metal (e.g. 18K rose gold, or platinum)"
_NO_KARAT: Final = "{material} has no karat or colour; karats are for gold (e.g. 18K white gold)"
_ONE_KIND: Final = "please ask for one kind of piece at a time"
_SIZE_RANGE: Final = "Indian ring sizes run from 1 to 30"

_PHRASES: Final[dict[tuple[str, ...], JewelryKind | Style]] = {
    **{tuple(p.split()): KIND_WORDS[p] for p in KIND_WORDS},
    **{tuple(p.split()): STYLE_WORDS[p] for p in STYLE_WORDS},
}
_SINGLE_WORDS: Final = [p[0] for p in _PHRASES if len(p) == 1 and len(p[0]) >= 5]


@dataclass(frozen=True, slots=True)
class JewelryReading:
    query: JewelryQuery
    unclear: tuple[Unclear, ...] = ()
    not_in_range: str | None = None  # "mangalsutras": asked for, but no kind of the range

    @property
    def says_something(self) -> bool:
        return not self.query.is_empty or bool(self.unclear) or self.not_in_range is not None


def read_jewelry_query(text: str) -> JewelryReading:
    lexed = lex(text)
    taken: set[int] = set()
    unclear: list[Unclear] = []
    _millimetres(lexed.tokens, taken)
    size = _ring_size(lexed, taken, unclear)
    metal = _metal(lexed, taken, unclear)
    # After the metal, which has claimed "18 carat gold": what is left with a unit is the
    # diamonds' weight ("1ct solitaire ring", "half carat studs").
    carats = read_carats(lexed, frozenset(taken), bare=False)
    taken.update(carats.indices)
    unclear.extend(carats.unclear)
    engagement = any(token.text in _ENGAGEMENT for token in lexed.tokens)
    missing = _not_in_range(lexed.tokens, taken)  # before "ring" in "toe ring" is a ring
    kind, style = _kind_and_style(lexed, taken, unclear)
    if missing == _CHAINS and (kind is JewelryKind.PENDANT or style is Style.TENNIS):
        missing = None  # "pendant with chain", "tennis chain": pieces of the range
        kind = kind or JewelryKind.NECKLACE
    budget = read_budget(lexed, frozenset(taken), bare_is_budget=True)
    unclear.extend(budget.unclear)
    if (size is not None or engagement) and kind is None and missing is None:
        kind = JewelryKind.RING  # only rings are asked for by size, or for an engagement
    query = JewelryQuery(
        kind,
        style,
        metal,
        budget.low,
        budget.high,
        size,
        carats.low,
        carats.high,
        engagement=engagement and kind is JewelryKind.RING,
    )
    return JewelryReading(query, tuple(unclear), missing)


_PIECE_STYLE_WORDS: Final = frozenset(
    {"stud", "studs", "hoop", "hoops", "bangle", "bangles", "kada", "kadas", "bali", "balis"}
)


def names_a_piece(text: str) -> bool:
    """ "earrings", "show me pendants", "studs": a piece by name. Most styles alone
    ("drop", "band", "tops", "solitaire") are not, as each has other meanings."""
    tokens = lex(text).tokens
    return any(token.text in _PIECE_STYLE_WORDS for token in tokens) or any(
        isinstance(found[0], JewelryKind)
        for index in range(len(tokens))
        if (found := _phrase_at(tokens, index)) is not None
    )


# ---- pieces not in the range -------------------------------------------------------------
_MISSING: Final = {tuple(p.split()): name for p, name in NOT_IN_RANGE.items()}
_CHAINS: Final = NOT_IN_RANGE["chain"]


def _not_in_range(tokens: Sequence[Token], taken: set[int]) -> str | None:
    """The first piece named that the range has no kind for, its words claimed."""
    for index in range(len(tokens)):
        for length in (2, 1):
            phrase = tuple(text_at(tokens, index + k) for k in range(length))
            if phrase in _MISSING and not taken & set(range(index, index + length)):
                taken.update(range(index, index + length))
                return _MISSING[phrase]
    return None


# ---- ring size ------------------------------------------------------------------------------
def _ring_size(lexed: Lexed, taken: set[int], unclear: list[Unclear]) -> float | None:
    tokens = lexed.tokens
    for index, token in enumerate(tokens):
        if token.text not in _SIZE_WORDS:
            continue
        at = index + 1
        while text_at(tokens, at) in _SIZE_FILLERS:
            at += 1
        if _is_number(tokens, at) and at not in taken:
            return _size(lexed, (index, at), taken, unclear)
        if _is_number(tokens, index - 1) and index - 1 not in taken:  # "14 size"
            return _size(lexed, (index - 1, index), taken, unclear)
    return None


def _millimetres(tokens: Sequence[Token], taken: set[int]) -> None:
    """Claims "1.2mm" and "1-1.5 mm": a melee stone's size or a band's width, never a ring
    size (which has no unit), a weight or a price."""
    for index, token in enumerate(tokens):
        if token.text not in _MM or not _is_number(tokens, index - 1):
            continue
        first = index - 1
        if text_at(tokens, first - 1) in _RANGE and _is_number(tokens, first - 2):
            first -= 2
        taken.update(range(first, index + 1))


def _size(
    lexed: Lexed, span: tuple[int, int], taken: set[int], unclear: list[Unclear]
) -> float | None:
    first, last = span
    taken.update(range(first, last + 1))
    figure = lexed.tokens[last if lexed.tokens[last].kind is Kind.NUM else first].number
    assert figure is not None
    size = float(figure)
    low, high = RING_SIZES
    if not low <= size <= high:
        unclear.append(Unclear("ring size", lexed.quote(first, last), _SIZE_RANGE))
        return None
    return size


def _is_number(tokens: Sequence[Token], index: int) -> bool:
    return 0 <= index < len(tokens) and tokens[index].kind is Kind.NUM


# ---- metal ----------------------------------------------------------------------------------
@dataclass(slots=True)
class _MetalParts:
    materials: set[Material]
    karats: set[int]
    colors: set[MetalColor]
    first: int = -1
    last: int = -1

    def note(self, first: int, last: int) -> None:
        self.first = first if self.first < 0 else min(self.first, first)
        self.last = max(self.last, last)


def _metal(lexed: Lexed, taken: set[int], unclear: list[Unclear]) -> MetalWish:
    tokens, parts = lexed.tokens, _MetalParts(set(), set(), set())
    for index in range(len(tokens)):
        if index in taken:
            continue
        used = _karat_at(tokens, index, parts) or _metal_word_at(tokens, index, parts)
        if used:
            taken.update(range(index, index + used))
            parts.note(index, index + used - 1)
    if parts.first < 0:
        return MetalWish()
    problem = _metal_problem(parts)
    if problem:
        unclear.append(Unclear("metal", lexed.quote(parts.first, parts.last), problem))
        return MetalWish()
    material = next(iter(parts.materials), Material.GOLD)
    return MetalWish(material, next(iter(parts.karats), None), next(iter(parts.colors), None))


def _karat_at(tokens: Sequence[Token], index: int, parts: _MetalParts) -> int:
    """Tokens used by a karat at `index` ("18k", "18 kt", "22 carat gold", "18kwg")."""
    figure = tokens[index]
    if figure.kind is not Kind.NUM or figure.number is None or figure.is_decimal:
        return 0
    karat, unit = int(figure.number), text_at(tokens, index + 1)
    if karat not in GOLD_KARATS or text_at(tokens, index - 1) in MONEY_BEFORE:
        return 0
    code = GOLD_CODES.get(unit[1:]) if unit.startswith("k") else None
    metal_next = text_at(tokens, index + 2) in _METAL_WORDS
    if unit in _KARAT_UNITS or code or (unit in _CARAT_UNITS and metal_next):
        parts.karats.add(karat)
        if code:
            parts.colors.add(code)
            parts.materials.add(Material.GOLD)
        return 2
    return 0


def _metal_word_at(tokens: Sequence[Token], index: int, parts: _MetalParts) -> int:
    word, after = text_at(tokens, index), text_at(tokens, index + 1)
    if word in _TWO and "tone" in (after, text_at(tokens, index + 2)):  # "two-tone"
        parts.colors.add(MetalColor.TWO_TONE)
        return 2 if after == "tone" else 3
    if word in MATERIAL_WORDS:
        parts.materials.add(MATERIAL_WORDS[word])
        return 1
    if word in GOLD_CODES:  # "wg", "yg"
        parts.colors.add(GOLD_CODES[word])
        parts.materials.add(Material.GOLD)
        return 1
    if word in COLOR_WORDS and (after in _GOLD or word in _LONE_COLORS or parts.karats):
        parts.colors.add(COLOR_WORDS[word])
        return 1
    return 0


def _metal_problem(parts: _MetalParts) -> str | None:
    if len(parts.materials) > 1 or len(parts.karats) > 1 or len(parts.colors) > 1:
        return _ONE_METAL
    material = next(iter(parts.materials), Material.GOLD)
    if material is not Material.GOLD and (parts.karats or parts.colors):
        return _NO_KARAT.format(material=material.value.title())
    return None


# ---- kind and style -------------------------------------------------------------------------
def _kind_and_style(
    lexed: Lexed, taken: set[int], unclear: list[Unclear]
) -> tuple[JewelryKind | None, Style | None]:
    kinds: dict[JewelryKind, tuple[int, int]] = {}
    styles: dict[Style, tuple[int, int]] = {}
    tokens, index = lexed.tokens, 0
    while index < len(tokens):
        found = None if index in taken else _phrase_at(tokens, index)
        if found is None:
            index += 1
            continue
        meaning, length = found
        span = (index, index + length - 1)
        if isinstance(meaning, JewelryKind):
            kinds.setdefault(meaning, span)
        else:
            styles.setdefault(meaning, span)
        taken.update(range(index, index + length))
        index += length
    return _resolve(lexed, kinds, styles, unclear)


def _phrase_at(tokens: Sequence[Token], index: int) -> tuple[JewelryKind | Style, int] | None:
    for length in (2, 1):
        phrase = tuple(text_at(tokens, index + k) for k in range(length))
        if "" not in phrase and phrase in _PHRASES:
            return _PHRASES[phrase], length
    word = text_at(tokens, index)
    near = close_to(word, _SINGLE_WORDS, cutoff=0.85) if len(word) >= 5 else None
    return (_PHRASES[(near,)], 1) if near else None


def _resolve(
    lexed: Lexed,
    kinds: dict[JewelryKind, tuple[int, int]],
    styles: dict[Style, tuple[int, int]],
    unclear: list[Unclear],
) -> tuple[JewelryKind | None, Style | None]:
    _one_piece(kinds, styles)
    implied = {k for s in styles if (k := STYLE_KIND[s]) is not None}
    all_kinds = set(kinds) | implied
    if len(all_kinds) > 1 or len(styles) > 1:
        spans = sorted([*kinds.values(), *styles.values()])
        unclear.append(Unclear("piece", lexed.quote(spans[0][0], spans[-1][1]), _ONE_KIND))
        return None, None
    return next(iter(all_kinds), None), next(iter(styles), None)


def _one_piece(
    kinds: dict[JewelryKind, tuple[int, int]], styles: dict[Style, tuple[int, int]]
) -> None:
    """Words that name one piece together: "solitaire studs" and "solitaire earrings" are
    studs."""
    if Style.SOLITAIRE in styles and (len(styles) > 1 or JewelryKind.EARRINGS in kinds):
        span = styles.pop(Style.SOLITAIRE)
        if not styles:
            styles[Style.STUDS] = span


def merge(old: JewelryQuery, new: JewelryQuery) -> JewelryQuery:
    """What the customer just said wins; what they did not say is kept, except the style
    and weight of another kind of piece. A metal is replaced whole ("in white gold" after
    "18k rose gold" is any white gold)."""
    kind_changed = new.kind is not None and new.kind != old.kind
    # The stones' weight belongs to the piece, like its style: a new kind starts afresh.
    said = new.carat_min is not None or new.carat_max is not None
    carats = new if said or kind_changed else old
    budget = new if new.budget_min_inr is not None or new.budget_max_inr is not None else old
    return replace(
        old,
        kind=new.kind or old.kind,
        style=new.style or (None if kind_changed else old.style),
        metal=old.metal if new.metal.is_open else new.metal,
        # A budget is one answer: "under 30000" after "40k-80k" replaces the range whole.
        budget_min_inr=budget.budget_min_inr,
        budget_max_inr=budget.budget_max_inr,
        # A size is a ring's: earrings after "ring size 14" have none.
        ring_size=new.ring_size if new.ring_size is not None else _size_kept(old, new),
        carat_min=carats.carat_min,
        carat_max=carats.carat_max,
        engagement=new.engagement if new.kind is not None else old.engagement,
    )


def _size_kept(old: JewelryQuery, new: JewelryQuery) -> float | None:
    return old.ring_size if new.kind in (None, JewelryKind.RING) else None


# "any metal", "all sizes", "koi bhi style"; "show all" / "sab dikhao" opens every part
# but the kind of piece (and the budget, which has its own words).
_OPEN_PART: Final = re.compile(
    r"\b(?:any|all|koi bhi|no preference (?:on |for )?)\s*"
    r"(metal|metals|gold|size|sizes|ring size|weight|carat|carats|style|styles|design)\b"
)
_OPEN_ALL: Final = re.compile(
    r"^(?:(?:please |pls )?(?:show|see) (?:me )?(?:all|everything|anything)|sab dikhao|sab"
    r"|all|everything|anything|koi bhi)(?: please| pls)?$"
)


def opened(query: JewelryQuery, text: str) -> JewelryQuery | None:
    """The wish with the parts the message leaves open cleared; None when it opens none."""
    said = normalise(text)
    parts = {m.group(1) for m in _OPEN_PART.finditer(said)}
    if _OPEN_ALL.match(said):
        parts = {"metal", "size", "weight", "style"}
    if not parts:
        return None
    return replace(
        query,
        metal=MetalWish() if parts & {"metal", "metals", "gold"} else query.metal,
        ring_size=None if parts & {"size", "sizes", "ring size"} else query.ring_size,
        carat_min=None if parts & {"weight", "carat", "carats"} else query.carat_min,
        carat_max=None if parts & {"weight", "carat", "carats"} else query.carat_max,
        style=None if parts & {"style", "styles", "design"} else query.style,
    )
