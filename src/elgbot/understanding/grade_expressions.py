"""Grade expressions on any one scale: "D", "D-F", "G/H", "VS1+", "VS2 or better",
"VVS-VS", "EX/VG", "D, E or F", "min VS2" (VS2 or better), "better than H" (G or better).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Final

from elgbot.understanding.grade_scale import GradeWord, Lookup, Scale
from elgbot.understanding.lexer import Token, phrase_at, phrases, text_at

_RANGE: Final = frozenset({"-", "to"})
_LIST: Final = frozenset({"/", ",", "or", "&", "and"})
_BETTER: Final = (
    ("+",),
    ("plus",),
    ("or", "better"),
    ("or", "above"),
    ("and", "above"),
    ("and", "better"),
    ("or", "higher"),
    ("&", "above"),
    ("and", "up"),
)

# Words before a grade that open it upwards: "min VS2" is VS2 or better, "better than H"
# the grades above H only.
_AT_LEAST: Final = phrases("min|minimum|at least|atleast|not below|not less than")
_ABOVE: Final = phrases("better than|higher than")


@dataclass(frozen=True, slots=True)
class GradeHit:
    ranks: frozenset[int]
    first: int
    last: int


def read_expression(
    tokens: Sequence[Token],
    index: int,
    scale: Scale,
    lookup: Lookup,
    taken: Collection[int],
    *,
    commas: bool = True,
) -> GradeHit | None:
    """The expression starting at `index`, its first word read with `lookup`; without
    `commas`, a comma ends it ("no SI, VS1 please": VS1 is not turned down)."""
    lead, above = _lead(tokens, index, taken)
    item = _item(tokens, index + lead, lookup, scale, taken)
    if item is None:
        return None
    ranks, last = item
    lists = _LIST if commas else _LIST - {","}
    while (sep := text_at(tokens, last + 1)) in lists and last + 1 not in taken:
        # After "/" ("VG/G") the scale is clear; after "," or "or" it may have changed.
        following = scale.strict if sep == "/" else scale.loose
        more = _item(tokens, last + 2, following, scale, taken)
        if more is None:
            break
        ranks, last = ranks | more[0], more[1]
    if lead:
        ranks = _or_better(ranks, above)
    return GradeHit(ranks, index, last)


def _lead(tokens: Sequence[Token], index: int, taken: Collection[int]) -> tuple[int, bool]:
    """Width of a "min"/"better than" before the grade, and whether it excludes the grade."""
    for listed, above in ((_AT_LEAST, False), (_ABOVE, True)):
        for phrase in listed:
            span = range(index, index + len(phrase))
            if phrase_at(tokens, index, phrase) and not any(k in taken for k in span):
                return len(phrase), above
    return 0, False


def _or_better(ranks: frozenset[int], above: bool) -> frozenset[int]:
    """Every grade up to the worst named, or (`above`) better than the best named; nothing
    is better than the top grade, so "better than D" stays D."""
    top = min(ranks) if above else max(ranks) + 1
    return frozenset(range(max(top, 1)))


def _item(
    tokens: Sequence[Token], index: int, lookup: Lookup, scale: Scale, taken: Collection[int]
) -> tuple[frozenset[int], int] | None:
    word = _word(tokens, index, lookup, taken)
    if word is None:
        return None
    ranks, last = word.ranks, index + word.width - 1
    if text_at(tokens, last + 1) in _RANGE and last + 1 not in taken:
        end = _word(tokens, last + 2, scale.strict, taken)
        if end is not None:
            ranks, last = _span(ranks | end.ranks), last + 1 + end.width
    better = _better_width(tokens, last + 1, taken)
    if better:
        ranks, last = frozenset(range(max(ranks) + 1)), last + better
    return ranks, last


def _word(
    tokens: Sequence[Token], index: int, lookup: Lookup, taken: Collection[int]
) -> GradeWord | None:
    if not 0 <= index < len(tokens) or index in taken:
        return None
    found = lookup(tokens, index, taken)
    if found is None or any(k in taken for k in range(index, index + found.width)):
        return None
    return found


def _span(ranks: frozenset[int]) -> frozenset[int]:
    """Every grade between the best and the worst named ("F-D" reads like "D-F")."""
    return frozenset(range(min(ranks), max(ranks) + 1))


def _better_width(tokens: Sequence[Token], index: int, taken: Collection[int]) -> int:
    for phrase in _BETTER:
        span = range(index, index + len(phrase))
        if phrase_at(tokens, index, phrase) and not any(k in taken for k in span):
            return len(phrase)
    return 0
