"""Fancy colours ("fancy yellow", "pink", "intense blue"): ELG stocks only D–Z stones, so a
fancy colour is reported for an honest answer rather than dropped or forced onto D–Z.

A negated colour ("no yellow tint", "not too brown", "white not yellow") is the opposite: a
wish for a white stone. Its words are taken so nothing else reads them, and no colour
grade is made up from it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Final

from elgbot.understanding.lexer import Lexed, Token, by_word, phrase_at, phrases, text_at

_HUES: Final = {
    **{h: h for h in ("yellow", "pink", "blue", "green", "red", "orange", "purple", "violet")},
    **{h: h for h in ("brown", "champagne", "cognac", "black", "grey", "chocolate")},
    "canary": "yellow",
    "gray": "grey",
}
_INTENSITIES: Final = frozenset({"light", "intense", "vivid", "deep", "dark"})
_COLOUR_WORDS: Final = frozenset({"colour", "color", "coloured", "colored", "colours", "colors"})
# "yellow gold", "blue fluorescence", "pink sapphire": not the diamond's colour.
_NOT_A_STONE_COLOUR: Final = frozenset(
    {"gold", "platinum", "metal", "fluorescence", "fluoro", "fluro", "flour", "fluor", "flr"}
    | {"sapphire", "sapphires", "ruby", "rubies", "enamel", "box", "thread", "stone"}
)
_NEGATIONS: Final = by_word(
    phrases("no|not|without|avoid|never|none|dont want|do not want|dont like|nothing"), -1
)
# Words that may stand between a negation and its hue: "no brown or green", "not too
# yellow", "without any fancy pink".
_BETWEEN: Final = frozenset(
    {"too", "very", "any", "a", "even", "slight", "slightly", "much", "or", "and", "/", "fancy"}
    | _INTENSITIES
)
# What a negated hue may be followed by: "no yellow tint".
_TINTS: Final = frozenset(
    {"tint", "tinge", "tinted", "tone", "shade", "hue", "cast"} | _COLOUR_WORDS
)


@dataclass(frozen=True, slots=True)
class FancyReading:
    description: str | None = None  # "fancy yellow", "fancy vivid pink", "fancy colour"
    indices: frozenset[int] = frozenset()


def read_fancy(lexed: Lexed, taken: frozenset[int]) -> FancyReading:
    tokens, found, used = lexed.tokens, list[str](), set[int]()
    for index, token in enumerate(tokens):
        hue = _HUES.get(token.text)
        if index in taken or hue is None or _is_about_something_else(lexed, index):
            continue
        if (negation := _negation_before(tokens, index, taken)) is not None:
            used.update(range(negation, _tint_after(tokens, index, taken) + 1))
            continue
        first = _start(lexed, index, taken)
        before = text_at(tokens, index - 1)
        intensity = before if first < index and before in _INTENSITIES else ""
        found.append(" ".join(w for w in ("fancy", intensity, hue) if w))
        used.update(range(first, index + 1))
    found += _fancy_in_general(lexed, taken, used)
    return FancyReading(" or ".join(dict.fromkeys(found)) or None, frozenset(used))


def _is_about_something_else(lexed: Lexed, index: int) -> bool:
    return any(text_at(lexed.tokens, index + k) in _NOT_A_STONE_COLOUR for k in (1, 2, 3))


def _negation_before(tokens: Sequence[Token], index: int, taken: Collection[int]) -> int | None:
    """Where "no", "not too", "without any" before the hue at `index` starts, if it does."""
    end = index - 1
    while end not in taken and (text_at(tokens, end) in _BETWEEN or text_at(tokens, end) in _HUES):
        end -= 1
    for phrase in _NEGATIONS.get(text_at(tokens, end), ()):
        start = end - len(phrase) + 1
        if start >= 0 and phrase_at(tokens, start, phrase):
            free = not any(k in taken for k in range(start, end + 1))
            return start if free else None
    return None


def _tint_after(tokens: Sequence[Token], index: int, taken: Collection[int]) -> int:
    after = index + 1
    return after if after not in taken and text_at(tokens, after) in _TINTS else index


def _start(lexed: Lexed, index: int, taken: frozenset[int]) -> int:
    """Include a preceding intensity and "fancy": "fancy intense yellow"."""
    first = index
    if text_at(lexed.tokens, first - 1) in _INTENSITIES and first - 1 not in taken:
        first -= 1
    if text_at(lexed.tokens, first - 1) == "fancy" and first - 1 not in taken:
        first -= 1
    return first


def _fancy_in_general(lexed: Lexed, taken: frozenset[int], used: set[int]) -> list[str]:
    """ "fancy colour" without a hue ("no fancy colours" wishes for a white stone)."""
    found = []
    for index, token in enumerate(lexed.tokens):
        after = index + 1
        if token.text != "fancy" or {index, after} & (taken | used):
            continue
        if text_at(lexed.tokens, after) in _COLOUR_WORDS:
            negation = _negation_before(lexed.tokens, index, taken)
            if negation is None:
                found.append("fancy colour")
            used.update(range(index if negation is None else negation, after + 1))
    return found
