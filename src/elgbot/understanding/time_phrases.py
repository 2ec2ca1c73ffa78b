"""When the customer wants the stone: "within 2 weeks", "in 10 days", "2 hafte me",
"by 15th", "15 march". A figure of time is never a weight or a budget, so these are read
first and set aside (the delivery question is the team's, not the search's).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from elgbot.understanding.lexer import Kind, Lexed, Token, text_at
from elgbot.understanding.words import word_set

_UNITS: Final = word_set(
    "day days din dino week weeks wk wks hafta hafte hafton month months mahina mahine"
    " mahino year years yr yrs saal hour hours hr hrs ghanta ghante"
)
_BEFORE_UNIT: Final = word_set("working business")  # "5 working days"
_ORDINALS: Final = word_set("st nd rd th")  # "15th", lexed as "15" "th"
_MONTHS: Final = word_set(
    "jan january feb february mar march apr april may jun june jul july aug august"
    " sep sept september oct october nov november dec december"
)
_RANGE: Final = word_set("- to or")  # "1-2 weeks", "2 or 3 days"
_LEADS: Final = word_set("within in by before after next under around about")


def read_time_phrases(lexed: Lexed) -> frozenset[int]:
    """Indices of every token that says a time or a date, with the word leading it."""
    tokens, found = lexed.tokens, set[int]()
    for index, token in enumerate(tokens):
        if token.kind is not Kind.NUM or index in found:
            continue
        last = _time_end(tokens, index)
        if last is not None:
            first = index - (text_at(tokens, index - 1) in _LEADS)
            found.update(range(first, last + 1))
    return frozenset(found)


def _time_end(tokens: Sequence[Token], index: int) -> int | None:
    """The last token of a time said from the figure at `index` on, else None."""
    last = index
    if text_at(tokens, last + 1) in _RANGE and _is_number(tokens, last + 2):
        last += 2
    after = last + 1 + (text_at(tokens, last + 1) in _BEFORE_UNIT)
    if text_at(tokens, after) in _UNITS:
        return after
    return _date_end(tokens, index) if last == index else None


def _date_end(tokens: Sequence[Token], index: int) -> int | None:
    """ "15th", "15 march", "15th of march": a day of the month."""
    if not _is_day(tokens, index):
        return None
    last = index + (text_at(tokens, index + 1) in _ORDINALS)
    if text_at(tokens, last + 1) == "of" and text_at(tokens, last + 2) in _MONTHS:
        return last + 2
    month = text_at(tokens, last + 1)
    if month in _MONTHS and (month != "may" or last > index):  # "round 1 may be ok"
        return last + 1
    return last if last > index else None


def _is_number(tokens: Sequence[Token], index: int) -> bool:
    return 0 <= index < len(tokens) and tokens[index].kind is Kind.NUM


def _is_day(tokens: Sequence[Token], index: int) -> bool:
    number = tokens[index].number
    whole = number is not None and number == number.to_integral_value()
    return whole and 1 <= int(number or 0) <= 31 and not tokens[index].is_grouped
