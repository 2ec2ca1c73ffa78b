"""Fancy colours ("fancy yellow", "pink", "intense blue"): ELG stocks only D–Z stones, so a
fancy colour is reported for an honest answer rather than dropped or forced onto D–Z.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from elgbot.understanding.lexer import Lexed, text_at

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
        first = _start(lexed, index, taken)
        before = text_at(tokens, index - 1)
        intensity = before if first < index and before in _INTENSITIES else ""
        found.append(" ".join(w for w in ("fancy", intensity, hue) if w))
        used.update(range(first, index + 1))
    found += _fancy_in_general(lexed, taken, used)
    return FancyReading(" or ".join(dict.fromkeys(found)) or None, frozenset(used))


def _is_about_something_else(lexed: Lexed, index: int) -> bool:
    return any(text_at(lexed.tokens, index + k) in _NOT_A_STONE_COLOUR for k in (1, 2, 3))


def _start(lexed: Lexed, index: int, taken: frozenset[int]) -> int:
    """Include a preceding intensity and "fancy": "fancy intense yellow"."""
    first = index
    if text_at(lexed.tokens, first - 1) in _INTENSITIES and first - 1 not in taken:
        first -= 1
    if text_at(lexed.tokens, first - 1) == "fancy" and first - 1 not in taken:
        first -= 1
    return first


def _fancy_in_general(lexed: Lexed, taken: frozenset[int], used: set[int]) -> list[str]:
    """ "fancy colour" without a hue."""
    found = []
    for index, token in enumerate(lexed.tokens):
        after = index + 1
        if token.text != "fancy" or {index, after} & (taken | used):
            continue
        if text_at(lexed.tokens, after) in _COLOUR_WORDS:
            found.append("fancy colour")
            used.update((index, after))
    return found
