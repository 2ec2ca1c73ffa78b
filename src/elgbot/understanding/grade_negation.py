"""Grades the customer turns down: "no SI clarity", "any colour except H", "dont want very
good cut".

The rule. A grade said after no, not, except, without, excluding, other than, avoid, dont
want (do not want, dont like) is taken out of the grades the customer accepts: those they
named for that field ("G or H, not H" is G), or else the whole scale.

- On the lower part of a scale a grade is refused for its quality, so every worse grade
  goes with it: clarity VS1 and worse ("no SI" is VS2 or better: nobody refusing SI hopes
  for I1), colour I and worse (the warmth of I and J only grows towards yellow: "no I/J" is
  H or better), cut very good and worse ("dont want very good cut" is ideal/excellent).
- Above that a grade is refused for its price or by taste, so only it goes: "any colour
  except H" is D-G and I-Z, "no VVS" keeps FL, IF and VS1 and worse.

Refusing every grade named ("VS1, not VS1") is reported and leaves the field open. "if
not VS1 then VS2" and "why not G?" refuse nothing, nor does "no good" without the word
"cut" (a verdict), and a comma ends what is refused ("no SI, VS1 please" refuses SI only).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Final

from elgbot.understanding.clarity_words import CLARITY
from elgbot.understanding.colour_words import COLOUR
from elgbot.understanding.cut_words import CUT, EVERYDAY
from elgbot.understanding.grade_expressions import GradeHit, read_expression
from elgbot.understanding.grade_scale import Scale
from elgbot.understanding.lexer import Token, by_word, phrase_at, phrases, text_at

_SCALES: Final = (CUT, CLARITY, COLOUR)  # as in grade_reading: cut words never collide
_MARKERS: Final = by_word(
    phrases(
        "no|not|except|without|excluding|exclude|avoid|other than|anything but"
        "|dont want|do not want|dont like"
    ),
    0,
)
# "no good", "not ideal": a verdict, unless the field is named ("no good cut"); "dont want
# very good" is a refusal either way.
_VERDICTS: Final = frozenset({"no", "not"})
# "if not VS1 then VS2", "why not G?": a fallback or a suggestion, not a refusal.
_NOT_AFTER: Final = frozenset({"if", "why"})
# Words between a field's name, the refusal and the grade: "colour should not be H".
_FILLERS: Final = frozenset({":", "-", "=", "is", "should", "be", "any", "the", "a"})
CONTRADICTION: Final = "this turns down every grade asked for"


@dataclass(frozen=True, slots=True)
class Refusal:
    scale: Scale
    ranks: frozenset[int]  # the grades turned down, worse ones included by the rule
    first: int
    last: int


def read_refusal(tokens: Sequence[Token], index: int, taken: Collection[int]) -> Refusal | None:
    """The refusal starting at `index` ("no SI clarity"), with the field's name before it
    when one is there ("colour except H")."""
    width = _marker_width(tokens, index, taken)
    if not width:
        return None
    named = _name_before(tokens, index, taken)
    at = _skip_fillers(tokens, index + width)
    verdict = width == 1 and text_at(tokens, index) in _VERDICTS
    for scale in _SCALES:
        found = _grade(tokens, at, scale, taken, named is scale, verdict=verdict)
        if found is not None:
            hit, last = found
            first = _name_index(tokens, index) if named is scale else index
            return Refusal(scale, turned_down(scale, hit.ranks), first, last)
    return None


def turned_down(scale: Scale, ranks: frozenset[int]) -> frozenset[int]:
    """The grades refused: those named, and every worse one from the lower part up."""
    low = [r for r in ranks if r >= scale.worse_too_from]
    return ranks | frozenset(range(min(low), scale.size)) if low else ranks


def accepted(scale: Scale, named: Collection[int], refused: Collection[int]) -> frozenset[int]:
    """What is left of the grades named (or of the whole scale) once `refused` is out."""
    return frozenset(named or range(scale.size)) - frozenset(refused)


def _marker_width(tokens: Sequence[Token], index: int, taken: Collection[int]) -> int:
    if text_at(tokens, index - 1) in _NOT_AFTER:
        return 0
    for marker in _MARKERS.get(text_at(tokens, index), ()):
        span = range(index, index + len(marker))
        if phrase_at(tokens, index, marker) and not any(k in taken for k in span):
            return len(marker)
    return 0


def _name_index(tokens: Sequence[Token], index: int) -> int:
    """Index of the word before the refusal, past fillers ("colour: not H")."""
    at = index - 1
    while text_at(tokens, at) in _FILLERS:
        at -= 1
    return at


def _name_before(tokens: Sequence[Token], index: int, taken: Collection[int]) -> Scale | None:
    at = _name_index(tokens, index)
    if at in taken:
        return None
    return next((s for s in _SCALES if text_at(tokens, at) in s.keywords), None)


def _skip_fillers(tokens: Sequence[Token], index: int) -> int:
    while text_at(tokens, index) in _FILLERS:
        index += 1
    return index


def _grade(
    tokens: Sequence[Token],
    at: int,
    scale: Scale,
    taken: Collection[int],
    named: bool,
    *,
    verdict: bool,
) -> tuple[GradeHit, int] | None:
    """The grades refused and the last word used. Any code of the scale counts next to its
    name ("except colour N", "no N colour"); otherwise only what is safe alone, and after
    a bare no/not (`verdict`) no everyday word."""
    if text_at(tokens, at) in scale.keywords and at not in taken:  # "except colour H"
        at, named = _skip_fillers(tokens, at + 1), True
    strict = read_expression(tokens, at, scale, scale.strict, taken, commas=False)
    if strict is not None:
        after = strict.last + 1
        if text_at(tokens, after) in scale.keywords and after not in taken:
            return strict, after
        if named:
            return strict, strict.last
    if verdict and text_at(tokens, at) in EVERYDAY:
        return None
    loose = read_expression(tokens, at, scale, scale.loose, taken, commas=False)
    return None if loose is None else (loose, loose.last)
