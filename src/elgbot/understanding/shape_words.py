"""Shapes in free text: names ("round brilliant", "pear shaped", "emerald cut"), trade codes
(RD, OV, AS…), known misspellings, vague words ("square") and, last, near misses.

Never a guess between shapes: a word that fits several, or two different shapes named,
leave the shape open and report the candidates so the bot can ask.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Final

from elgbot.catalog.codes import SHAPE_CODES, SHAPE_MISSPELLINGS, SHAPE_NAMES
from elgbot.catalog.grades import Shape
from elgbot.understanding.fuzzy import nearest_shapes
from elgbot.understanding.lexer import Kind, Lexed, text_at

# "peer" is an English word: a pear only when "shape" says so (a chat typo, not a feed's).
_CHAT_MISSPELLINGS: Final = dict.fromkeys(["peer shape", "peer shaped"], Shape.PEAR)
_LEXICON: Final = {**SHAPE_MISSPELLINGS, **_CHAT_MISSPELLINGS, **SHAPE_NAMES}
_SUFFIXES: Final = frozenset({"cut", "cuts", "shape", "shaped", "shapes", "brilliant"})
# Two-letter codes that are also chat words ("as", "pc" = piece, "ps", "em"): they count
# only written in capitals in a lower-case message, or right next to a carat weight.
_SURE_CODES: Final = frozenset({"rd", "ov", "pr", "mq", "rb", "rbc", "rnd"})
_VAGUE: Final[dict[str, tuple[Shape, ...]]] = {
    "square": (Shape.PRINCESS, Shape.ASSCHER, Shape.CUSHION, Shape.RADIANT),
    **dict.fromkeys(["rectangle", "rectangular"], (Shape.EMERALD, Shape.RADIANT)),
}


@dataclass(frozen=True, slots=True)
class ShapeReading:
    named: tuple[Shape, ...] = ()  # distinct shapes named, in the order written
    possible: tuple[Shape, ...] = ()  # shapes a vague or misspelt word could be
    indices: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class _Hit:
    shapes: tuple[Shape, ...]
    sure: bool
    last: int


def read_shapes(lexed: Lexed, taken: frozenset[int], carats: Collection[int]) -> ShapeReading:
    """Shapes by name, code or known misspelling; `carats` vouch for codes next to them."""
    claimed, named, possible = set(taken), list[Shape](), list[Shape]()
    index = 0
    while index < len(lexed.tokens):
        hit = None if index in claimed else _hit_at(lexed, index, claimed, carats)
        if hit is None:
            index += 1
            continue
        (named if hit.sure else possible).extend(hit.shapes)
        claimed.update(range(index, hit.last + 1))
        index = hit.last + 1
    return ShapeReading(_distinct(named), _distinct(possible), frozenset(claimed - taken))


def read_misspelt_shapes(lexed: Lexed, taken: frozenset[int]) -> ShapeReading:
    """Near misses among the words nothing else understood."""
    named, possible, used = list[Shape](), list[Shape](), set[int]()
    for index, token in enumerate(lexed.tokens):
        shapes = () if index in taken or token.kind is not Kind.WORD else nearest_shapes(token.text)
        if shapes:
            (named if len(shapes) == 1 else possible).extend(shapes)
            used.add(index)
    return ShapeReading(_distinct(named), _distinct(possible), frozenset(used))


def resolve(readings: Iterable[ShapeReading]) -> tuple[Shape | None, tuple[Shape, ...]]:
    """One shape when exactly one was named; otherwise the candidates to ask about."""
    named = _distinct(s for r in readings for s in r.named)
    if len(named) == 1:
        return named[0], ()
    if named:
        return None, named
    possible = _distinct(s for r in readings for s in r.possible)
    return (possible[0], ()) if len(possible) == 1 else (None, possible)


def _distinct(shapes: Iterable[Shape]) -> tuple[Shape, ...]:
    return tuple(dict.fromkeys(shapes))


def _hit_at(lexed: Lexed, index: int, claimed: set[int], carats: Collection[int]) -> _Hit | None:
    tokens = lexed.tokens
    for width in (3, 2, 1):
        span = range(index, index + width)
        if span.stop > len(tokens) or any(k in claimed for k in span):
            continue
        shape = _named(" ".join(t.text for t in tokens[index : span.stop]))
        if shape is not None and not _is_pair_of(lexed, index, width):
            return _Hit((shape,), True, _with_suffix(lexed, span.stop - 1))
    text = tokens[index].text
    if text in SHAPE_CODES and _code_trusted(lexed, index, carats):
        return _Hit((SHAPE_CODES[text],), True, _with_suffix(lexed, index))
    vague = _VAGUE.get(text)
    return None if vague is None else _Hit(vague, False, _with_suffix(lexed, index))


def _named(key: str) -> Shape | None:
    """A name or known misspelling, singular or plural ("ovals", "princesses")."""
    if key in _LEXICON:
        return _LEXICON[key]
    if len(key) < 5 or not key.endswith("s"):
        return None
    return _LEXICON.get(key[:-1]) or (_LEXICON.get(key[:-2]) if key.endswith("es") else None)


def _is_pair_of(lexed: Lexed, index: int, width: int) -> bool:
    """ "a pair of studs": "pair" is a known misspelling of pear, but not here."""
    tokens = lexed.tokens
    return width == 1 and tokens[index].text == "pair" and text_at(tokens, index + 1) == "of"


def _with_suffix(lexed: Lexed, last: int) -> int:
    """Swallow "cut", "shaped", "-shaped" after a shape: "emerald cut" says nothing of cut."""
    tokens = lexed.tokens
    while True:
        if text_at(tokens, last + 1) in _SUFFIXES:
            last += 1
        elif text_at(tokens, last + 1) == "-" and text_at(tokens, last + 2) in _SUFFIXES:
            last += 2
        else:
            return last


def _code_trusted(lexed: Lexed, index: int, carats: Collection[int]) -> bool:
    tokens, token = lexed.tokens, lexed.tokens[index]
    if token.text in _SURE_CODES or (len(token.text) > 2 and token.text != "bag"):
        return True
    if index > 0 and tokens[index - 1].kind is Kind.NUM:
        return False  # "2 pc": pieces
    if token.raw.isupper() and not lexed.shouting:
        return True
    return index - 1 in carats or index + 1 in carats
