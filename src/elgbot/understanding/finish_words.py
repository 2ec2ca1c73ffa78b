"""Polish, symmetry and fluorescence: not part of the spec, but their grades must not be
read as colour or clarity ("fluorescence: F", "polish VG", "no fluorescence").
"""

from __future__ import annotations

from typing import Final

from elgbot.understanding.lexer import Lexed, text_at

_KEYWORDS: Final = frozenset(
    {"polish", "pol", "symmetry", "symm", "sym", "fluorescence", "fluoresence", "fluorescent"}
    | {"fluoro", "fluro", "flour", "fluor", "flr", "fluo", "flourescence"}
)
_VALUES: Final = frozenset(
    {"ex", "excellent", "x", "vg", "very", "good", "g", "gd", "f", "fair", "p", "poor"}
    | {"none", "nil", "no", "non", "faint", "fnt", "medium", "med", "strong", "stg", "slight"}
    | {"negligible", "n", "m", "s", "vs", "vst", "blue", ":", "-", "/", "="}
)


def read_finish(lexed: Lexed, taken: frozenset[int]) -> frozenset[int]:
    """Indices of these keywords and of the grade words right around them."""
    tokens, used = lexed.tokens, set[int]()
    for index, token in enumerate(tokens):
        if token.text not in _KEYWORDS or index in taken:
            continue
        used.add(index)
        for step in (1, -1):
            at = index + step
            while at not in taken and text_at(tokens, at) in _VALUES and abs(at - index) <= 3:
                used.add(at)
                at += step
    return frozenset(used)
