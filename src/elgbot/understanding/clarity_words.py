"""Clarity in free text: FL…I3 in any case, "VVS" (= VVS1/VVS2), "vs 1", "flawless"."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Final

from elgbot.catalog.codes import CLARITY_ALIASES
from elgbot.catalog.grades import Clarity
from elgbot.understanding.grade_scale import GradeWord, Scale
from elgbot.understanding.lexer import Kind, Token, phrase_at, text_at

KEYWORDS: Final = frozenset({"clarity", "clar", "clearity", "clarty", "claritiy", "purity"})
_CODES: Final = {alias: frozenset({c.rank}) for alias, c in CLARITY_ALIASES.items()}
_STEMS: Final = {
    "vvs": frozenset({Clarity.VVS1.rank, Clarity.VVS2.rank}),
    "vs": frozenset({Clarity.VS1.rank, Clarity.VS2.rank}),
    "si": frozenset({Clarity.SI1.rank, Clarity.SI2.rank}),
}
_PHRASES: Final = {
    ("internally", "flawless"): Clarity.IF,
    ("loupe", "clean"): Clarity.IF,
    ("flawless",): Clarity.FL,
}
_CODE_SHAPED: Final = re.compile(r"(?:vvs|vs|si|[ip])\d")
# "IF" is also the English "if": it is a clarity only next to other grade words, or right
# after a colour grade ("D IF"), where English puts no "if".
_COLOUR_LETTERS: Final = frozenset("defghijklm")
_IF_NEIGHBOURS: Final = frozenset(
    {"clarity", "purity", "ideal", "excellent", "ex", "vg", "good", "fl", "vvs", "vs", "si"}
    | {"id", "gd", "3ex", "colour", "color", "cut", "make"}
)


# "VVS1/2", "si1-2": the trade's shorthand for VVS1/VVS2 and SI1-SI2.
_PAIR_SHORTHAND: Final = re.compile(r"\b(vvs|vs|si|i)\s?([123])\s?([/-])\s?([123])\b", re.I)


def spell_out_pairs(text: str) -> str:
    """ "VVS1/2" -> "VVS1/VVS2", so the second grade is not read as a number."""
    return _PAIR_SHORTHAND.sub(r"\1\2\3\1\4", text)


def strict(tokens: Sequence[Token], index: int, taken: Collection[int]) -> GradeWord | None:
    for phrase, grade in _PHRASES.items():
        if phrase_at(tokens, index, phrase):
            return GradeWord(frozenset({grade.rank}), len(phrase))
    text = text_at(tokens, index)
    if text in _CODES:
        return GradeWord(_CODES[text])
    return _stem(tokens, index, taken) if text in _STEMS else None


def _stem(tokens: Sequence[Token], index: int, taken: Collection[int]) -> GradeWord:
    """ "VS" alone is VS1 or VS2; "vs 1" written apart is VS1."""
    stem, after = text_at(tokens, index), index + 1
    spaced = stem + text_at(tokens, after)
    number = after < len(tokens) and tokens[after].kind is Kind.NUM
    if number and after not in taken and spaced in _CODES:
        return GradeWord(_CODES[spaced], 2)
    return GradeWord(_STEMS[stem])


def loose(tokens: Sequence[Token], index: int, taken: Collection[int]) -> GradeWord | None:
    if text_at(tokens, index) == "if" and not _if_is_clarity(tokens, index):
        return None
    if text_at(tokens, index) == "vs" and _versus(tokens, index):
        return None
    return strict(tokens, index, taken)


# "lab vs natural", "cvd vs hpht": "vs" between two kinds of stone is "versus".
_KINDS_OF_STONE: Final = frozenset(
    {"lab", "labgrown", "grown", "natural", "mined", "earth", "real", "cvd", "hpht"}
    | {"moissanite", "cz", "synthetic", "simulant"}
)


def _versus(tokens: Sequence[Token], index: int) -> bool:
    return text_at(tokens, index + 1) in _KINDS_OF_STONE or (
        text_at(tokens, index - 1) in _KINDS_OF_STONE
        and tokens[index + 1 : index + 2] != ()
        and tokens[index + 1].kind is Kind.WORD
    )


def _if_is_clarity(tokens: Sequence[Token], index: int) -> bool:
    after = index + 1
    if after >= len(tokens) or text_at(tokens, index - 1) in _COLOUR_LETTERS:  # "D IF"
        return True
    return tokens[after].kind in (Kind.SYM, Kind.CODE) or tokens[after].text in _IF_NEIGHBOURS


def code_like(token: Token) -> bool:
    return token.kind is Kind.NUM or (
        token.kind is Kind.CODE and _CODE_SHAPED.fullmatch(token.text) is not None
    )


CLARITY: Final = Scale(
    field="clarity",
    keywords=KEYWORDS,
    loose=loose,
    strict=strict,
    code_like=code_like,
    reason="not a clarity grade (FL, IF, VVS1, VVS2, VS1, VS2, SI1, SI2, SI3, I1, I2, I3)",
    size=len(Clarity),
    worse_too_from=Clarity.VS1.rank,  # nobody refusing VS hopes for SI
)
