"""Cut (make) grades in free text: "Ideal", "EX", "VG", "very good", "3EX", "cut G".

A lone "G" is a colour; it is a cut only in a cut context ("cut G", "G cut", "VG/G").
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Final

from elgbot.catalog.codes import CUT_CODES
from elgbot.catalog.grades import Cut
from elgbot.understanding.grade_scale import GradeWord, Scale
from elgbot.understanding.lexer import Kind, Token, phrase_at, text_at

KEYWORDS: Final = frozenset({"cut", "make", "cutting"})
_EX, _VG = Cut.EXCELLENT, Cut.VERY_GOOD
_LOOSE: Final[dict[str, Cut]] = {
    **dict.fromkeys(["ideal", "idel", "ideel"], Cut.IDEAL),
    **dict.fromkeys(["excellent", "excelent", "exellent", "excellant", "exelent"], _EX),
    **dict.fromkeys(["xcellent", "exc", "excel", "ex", "3ex"], _EX),
    **dict.fromkeys(["vg", "verygood"], _VG),
    **dict.fromkeys(["good", "gd"], Cut.GOOD),
    "fair": Cut.FAIR,
    "poor": Cut.POOR,
}
_PHRASES: Final[dict[tuple[str, ...], Cut]] = {
    ("very", "good"): _VG,
    ("very", "gd"): _VG,
    ("very", "gud"): _VG,
    ("triple", "excellent"): _EX,
    ("triple", "ex"): _EX,
    ("triple", "x"): _EX,
}
# "gud" is chat for "good": a cut only next to the word "cut" ("gud cut", "cut gud").
_STRICT: Final = {
    **{k: v for k, v in CUT_CODES.items() if " " not in k},
    **_LOOSE,
    "gud": Cut.GOOD,
}
# Cut grades that are everyday words too ("no good", "not ideal"): read with care.
EVERYDAY: Final = frozenset({"ideal", "idel", "ideel", "excellent", "good", "fair", "poor", "very"})
# "good morning", "fair price", "ideal for…": everyday words, not grades.
_NOT_BEFORE: Final = frozenset(
    {"morning", "evening", "afternoon", "night", "day", "price", "prices", "deal", "deals"}
    | {"quality", "budget", "rate", "rates", "luck", "news", "service", "choice", "option"}
    | {"for", "to", "with", "enough", "one", "idea", "gift", "enquiry", "sir", "madam"}
)


_FIELD_NAMES: Final = frozenset({"budget", "price"})
# "is good", "colour good?": an opinion, not a grade.
_NOT_AFTER: Final = frozenset(
    {"is", "are", "looks", "look", "seems", "so", "too", "not", "no", "quite", "pretty", "really"}
    | {"colour", "color", "clarity", "purity", "price", "rate", "service", "was", "very"}
)


def _phrase(tokens: Sequence[Token], index: int) -> GradeWord | None:
    for phrase, grade in _PHRASES.items():
        if phrase_at(tokens, index, phrase):
            return GradeWord(frozenset({grade.rank}), len(phrase))
    return None


def strict(tokens: Sequence[Token], index: int, taken: Collection[int]) -> GradeWord | None:
    grade = _STRICT.get(text_at(tokens, index))
    return GradeWord(frozenset({grade.rank})) if grade else _phrase(tokens, index)


def loose(tokens: Sequence[Token], index: int, taken: Collection[int]) -> GradeWord | None:
    grade = _LOOSE.get(text_at(tokens, index))
    if grade is None and 0 <= index < len(tokens) and tokens[index].raw == "ID":
        grade = Cut.IDEAL  # trade shorthand "CU 3ct D FL ID"; lower-case "id" is a word
    found = GradeWord(frozenset({grade.rank})) if grade else _phrase(tokens, index)
    if found is None:
        return None
    if text_at(tokens, index) not in EVERYDAY:
        return found
    after = index + found.width
    if (text_at(tokens, after) in _NOT_BEFORE and not _a_field_follows(tokens, after)) or text_at(
        tokens, index - 1
    ) in _NOT_AFTER:
        return None
    return found


def _a_field_follows(tokens: Sequence[Token], index: int) -> bool:
    """ "excellent budget 75000": the budget is the next field, not what is excellent."""
    figure = index + 1 + (text_at(tokens, index + 1) in ("₹", "rs", "inr", ":", "-"))
    return (
        text_at(tokens, index) in _FIELD_NAMES
        and 0 <= figure < len(tokens)
        and (tokens[figure].kind is Kind.NUM)
    )


def code_like(token: Token) -> bool:
    return token.kind in (Kind.NUM, Kind.CODE)


CUT: Final = Scale(
    field="cut",
    keywords=KEYWORDS,
    loose=loose,
    strict=strict,
    code_like=code_like,
    reason="not a cut grade (ideal, excellent, very good, good, fair, poor)",
    size=len(Cut),
    worse_too_from=Cut.VERY_GOOD.rank,  # below the top tier, a cut is refused for its sparkle
)
