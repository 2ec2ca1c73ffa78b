"""How a grading scale (colour, clarity, cut) is recognised in free text."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from elgbot.understanding.lexer import Token


@dataclass(frozen=True, slots=True)
class GradeWord:
    """Grades named by `width` tokens: ranks on the scale, 0 = best."""

    ranks: frozenset[int]
    width: int = 1


Lookup = Callable[[Sequence[Token], int, Collection[int]], GradeWord | None]


@dataclass(frozen=True, slots=True)
class Scale:
    field: str  # "color" | "clarity" | "cut"
    keywords: frozenset[str]
    loose: Lookup  # free text: only readings that are safe without context
    strict: Lookup  # after the scale's keyword or a "/": every code of the scale
    code_like: Callable[[Token], bool]  # a failed attempt at a grade, worth reporting
    reason: str  # why a code-like word was refused, for the customer
    size: int  # number of grades on the scale
    # Turning down this grade or a worse one turns down every worse grade too (see
    # `grade_negation`): below it customers refuse a grade for its quality.
    worse_too_from: int
