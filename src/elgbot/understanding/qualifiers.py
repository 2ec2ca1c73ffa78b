"""Words around a figure that say which bound it is ("under 1 lakh", "50k tak", "1ct+").

Shared by the carat and budget readers. Hindi/Hinglish forms are included because
customers mix them in freely ("50k tak" = up to 50k, "1 lakh se kam" = under 1 lakh).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Final

from elgbot.understanding.lexer import Kind, Token, by_word, phrase_at, text_at


class Bound(Enum):
    MIN = "min"
    MAX = "max"
    ABOUT = "about"
    BETWEEN = "between"  # makes "and" a range separator
    MONEY = "money"  # "budget", "price": the figure is money, no direction


def _table(*rows: tuple[Bound, str]) -> dict[tuple[str, ...], Bound]:
    """Phrases written as "under|up to|less than", each phrase split into words."""
    return {tuple(p.split()): bound for bound, phrases in rows for p in phrases.split("|")}


_BEFORE: Final = _table(
    (Bound.MAX, "under|below|upto|up to|max|maximum|within|less than|not more than|<|till"),
    (Bound.MAX, "no more than|not above|not over|lessthan|under rs"),
    (Bound.MIN, "above|over|min|minimum|at least|atleast|more than|>|from|starting"),
    (Bound.MIN, "starting from"),
    (Bound.ABOUT, "around|about|approx|approximately|roughly|~|nearly|close to|lagbhag|arnd"),
    (Bound.BETWEEN, "between"),
    (Bound.MONEY, "budget|price|cost|spend|afford|budjet"),
)
_AFTER: Final = _table(
    (Bound.MAX, "tak|ke andar|ke under|se kam|or less|or below|and below|max|maximum|or under"),
    (Bound.MIN, "+|plus|or more|or above|and above|above|onwards|se upar|se zyada|se jyada"),
    (Bound.MIN, "min|minimum|and up"),
    (Bound.MONEY, "budget|only"),
)

# Words a qualifier after a figure may lead instead ("1ct max budget 70k"): money, a
# field's name, a clarity written without its number.
_QUALIFIED: Final = frozenset(
    {"₹", "rs", "inr", "budget", "budjet", "price", "cost", "spend", "colour", "color"}
    | {"clarity", "cut", "vvs", "vs", "si"}
)

# "not more than" is tried before "more than".
_BY_LAST_WORD: Final = by_word(_BEFORE, -1)
_AFTER_BY_FIRST_WORD: Final = by_word(_AFTER, 0)


@dataclass(frozen=True, slots=True)
class Context:
    """What the words next to a figure say. `start`/`end` span the words used."""

    bound: Bound | None = None  # the nearest MIN, MAX or BETWEEN
    money: bool = False
    about: bool = False
    start: int = -1
    end: int = -1


def context_before(
    tokens: Sequence[Token],
    first: int,
    taken: Collection[int],
    reach: int = 4,
    kinds: Collection[Bound] = tuple(Bound),
) -> Context:
    """Qualifiers of `kinds` within `reach` tokens before `first`, not crossing a figure
    or a comma."""
    bound, money, about, start = None, False, False, -1
    for end in range(first - 1, max(first - 1 - reach, -1), -1):
        if end in taken or tokens[end].kind is Kind.NUM or tokens[end].text == ",":
            break
        found = _phrase_ending(tokens, end, taken)
        if found is None or found[0] not in kinds:
            continue
        kind, start = found
        money = money or kind is Bound.MONEY
        about = about or kind is Bound.ABOUT
        if bound is None and kind in (Bound.MIN, Bound.MAX, Bound.BETWEEN):
            bound = kind
    return Context(bound, money, about, start, first - 1 if start >= 0 else -1)


def context_after(tokens: Sequence[Token], last: int, taken: Collection[int]) -> Context:
    """A qualifier right after token `last` ("50k tak", "1ct+", "1 lakh max")."""
    for phrase in _AFTER_BY_FIRST_WORD.get(text_at(tokens, last + 1), ()):
        span = range(last + 1, last + 1 + len(phrase))
        if not phrase_at(tokens, last + 1, phrase) or any(k in taken for k in span):
            continue
        if phrase != ("+",) and _leads_another(tokens, span.stop):
            continue
        kind = _AFTER[phrase]
        bound = kind if kind in (Bound.MIN, Bound.MAX) else None
        return Context(bound, kind is Bound.MONEY, False, last + 1, span[-1])
    return Context()


def _leads_another(tokens: Sequence[Token], index: int) -> bool:
    """ "min 50k max 80k", "1ct minimum budget 1 lakh", "1ct min VS2": a word right before
    a figure, a field's name or a grade qualifies that, not the figure before it."""
    if not 0 <= index < len(tokens):
        return False
    token = tokens[index]
    return token.kind in (Kind.NUM, Kind.CODE) or token.text in _QUALIFIED


def _phrase_ending(
    tokens: Sequence[Token], end: int, taken: Collection[int]
) -> tuple[Bound, int] | None:
    for phrase in _BY_LAST_WORD.get(tokens[end].text, ()):
        start = end - len(phrase) + 1
        if start < 0 or any(k in taken for k in range(start, end + 1)):
            continue
        if phrase_at(tokens, start, phrase):
            return _BEFORE[phrase], start
    return None
