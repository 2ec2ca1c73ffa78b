"""Colour grades D–Z in free text: "D", "D-F", "G/H", "colour I", "EF".

Single letters are risky in chat ("I want", "u", "n" for "and"), so outside a colour
context only D, E, F, G, H and J count; other letters need the word "colour", a range
("I-J") or a clarity right after them ("K VS2").
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Final

from elgbot.catalog.grades import Color
from elgbot.understanding import clarity_words
from elgbot.understanding.grade_scale import GradeWord, Scale
from elgbot.understanding.lexer import Kind, Token, text_at

KEYWORDS: Final = frozenset(
    {"colour", "color", "colours", "colors", "col", "clr", "colr", "colur", "clour", "rang"}
)
_LETTERS: Final = "".join(c.value.lower() for c in Color)
_LOOSE_LETTERS: Final = frozenset("defghj")
# Runs as written for melee ("EF VS"); "hi" and "de" are words, so they need context.
_LOOSE_RUNS: Final = frozenset({"def", "ef", "efg", "fg", "fgh", "gh", "ghi", "hij", "ij"})
_LINKS: Final = frozenset({"-", "/", "to"})
# Runs that are everyday words: "colour no preference" is no colour N-O.
_WORDS_NOT_RUNS: Final = frozenset({"no"})
_PARTNERS: Final = frozenset("defghijk")
# Short words that may follow "colour" without being an attempt at a grade.
_SHORT_WORDS: Final = frozenset(
    {"is", "of", "to", "be", "in", "on", "an", "or", "it", "me", "my", "no", "ok", "so", "do"}
    | {"hi", "we", "us", "up", "as", "at", "by", "if", "and", "pe", "ka", "ki", "ke", "hai"}
)


def strict(tokens: Sequence[Token], index: int, taken: Collection[int]) -> GradeWord | None:
    if not 0 <= index < len(tokens) or tokens[index].kind is not Kind.WORD:
        return None
    ranks = _run(tokens[index].text)
    return None if ranks is None else GradeWord(ranks)


def _run(text: str) -> frozenset[int] | None:
    """Ranks of one letter or a run of consecutive letters ("def"), else None."""
    if not 1 <= len(text) <= 4 or any(c not in _LETTERS for c in text):
        return None
    if text in _WORDS_NOT_RUNS:
        return None
    ranks = [_LETTERS.index(c) for c in text]
    consecutive = ranks == list(range(ranks[0], ranks[0] + len(ranks)))
    return frozenset(ranks) if consecutive else None


def loose(tokens: Sequence[Token], index: int, taken: Collection[int]) -> GradeWord | None:
    text = text_at(tokens, index)
    safe = text in _LOOSE_LETTERS or text in _LOOSE_RUNS
    if safe or (len(text) == 1 and _vouched(tokens, index, taken)):
        return strict(tokens, index, taken)
    return None


def _vouched(tokens: Sequence[Token], index: int, taken: Collection[int]) -> bool:
    """A risky letter is a colour in "I VS1", "K, SI1" or "I-J", not in "I want"."""
    after = index + 2 if text_at(tokens, index + 1) == "," else index + 1
    if after < len(tokens) and tokens[after].kind is Kind.CODE:
        return clarity_words.strict(tokens, after, taken) is not None
    after = index + 1
    partner = text_at(tokens, after + 1)
    return text_at(tokens, after) in _LINKS and len(partner) == 1 and partner in _PARTNERS


def code_like(token: Token) -> bool:
    if token.kind is Kind.CODE:
        return token.text[0] in _LETTERS and not clarity_words.code_like(token)
    if token.kind is Kind.WORD and len(token.text) <= 2:
        return token.text not in _SHORT_WORDS
    return token.kind is Kind.NUM


COLOUR: Final = Scale(
    field="color",
    keywords=KEYWORDS,
    loose=loose,
    strict=strict,
    code_like=code_like,
    reason="not a colour grade (colours run from D to Z)",
    size=len(Color),
    worse_too_from=Color.I.rank,  # I and J carry a warmth that grows into yellow
)
