"""Grades said in words rather than codes: "colourless" (D–F), "near colourless" (G–J),
"eye clean" (VS2 or better: nothing seen without a loupe)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from elgbot.catalog.grades import Clarity, Color
from elgbot.understanding.lexer import Token, text_at


@dataclass(frozen=True, slots=True)
class GradePhrase:
    field: str  # "color" | "clarity"
    ranks: frozenset[int]  # on the scale, 0 = best
    width: int  # tokens the phrase spans


def _ranks(members: Sequence[Color] | Sequence[Clarity], best: str, worst: str) -> frozenset[int]:
    codes = [m.value for m in members]
    return frozenset(range(codes.index(best), codes.index(worst) + 1))


_COLOURLESS: Final = _ranks(tuple(Color), "D", "F")
_NEAR_COLOURLESS: Final = _ranks(tuple(Color), "G", "J")
_EYE_CLEAN: Final = _ranks(tuple(Clarity), "FL", "VS2")
_PHRASES: Final[dict[tuple[str, ...], tuple[str, frozenset[int]]]] = {
    **{(w,): ("color", _COLOURLESS) for w in ("colourless", "colorless", "colurless")},
    **{("near", w): ("color", _NEAR_COLOURLESS) for w in ("colourless", "colorless")},
    **{("nearly", w): ("color", _NEAR_COLOURLESS) for w in ("colourless", "colorless")},
    ("eye", "clean"): ("clarity", _EYE_CLEAN),
    ("eye", "-", "clean"): ("clarity", _EYE_CLEAN),
    ("eyeclean",): ("clarity", _EYE_CLEAN),
}
_LONGEST: Final = max(len(words) for words in _PHRASES)


def phrase_at(tokens: Sequence[Token], index: int) -> GradePhrase | None:
    """The longest grade phrase starting at `index`, if any."""
    for width in range(_LONGEST, 0, -1):
        words = tuple(text_at(tokens, i) for i in range(index, index + width))
        if (found := _PHRASES.get(words)) is not None:
            return GradePhrase(found[0], found[1], width)
    return None
