"""Splits a customer's message into the tokens the spec readers work on.

Matching runs on an ASCII-lower-cased copy of the text so that token offsets stay valid
for quoting the customer's own words back. Input is capped: a spec never needs more than a
WhatsApp message (4,096 characters), and the cap keeps every reader fast on hostile input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import Enum
from typing import Final

MAX_CHARS: Final = 4096
_MAX_DIGITS: Final = 24  # enough for any float written in full; longer is noise

_LOWER: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_UNIFY: Final = str.maketrans(
    {"–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-", "‒": "-", "―": "-", "≈": "~", "⁄": "/"}
    | {"’": "'", "‘": "'", "`": "'", "´": "'"}
)

_PLAIN: Final = (
    # Abbreviations whose letters would otherwise read as grades ("e.g." = colours E, G).
    r"(?P<skip>\b(?:e\.g|i\.e)\b\.?|\bh ?& ?a\b|\bhearts? ?(?:and|&) ?arrows?\b"
    # Markup pasted from a web page or an e-mail ("<b>round 1ct</b>"): not "<50k".
    r"|</?(?:b|i|u|p|br|div|span|strong|em|font)\b[^<>]{0,80}>)"
    r"|(?P<vg>\bv\. ?g\b\.?)"
    # A grade code glued to its digit: vs1, vvs2, si1, i1, p1, and "Q9" to report.
    r"|(?P<code>(?:vvs|vs|si|[a-z])\d(?![\d.]|,\d))"
    r"|(?P<three>3 ?e?x(?![a-z]))"
    r"|(?P<num>\d+(?:,\d{2,3}(?!\d))*(?:\.\d+)?|(?<![\w.])\.\d+)"
    r"|(?P<word>[a-z]+(?:'[a-z]+)*)"
    r"|(?P<sym>/-|[₹$€£+~&:<>,=/%±-])"
)
# "3/4", "1 1/2", "1-1/2", "1 and 1/2", "1 and a half", "1 n half", "one and a half": one
# number.
_WHOLE: Final = r"(?:\d{1,2}|one|two|three|four|five)"
_FRACTION: Final = (
    rf"(?P<frac>(?<![\w.,/])(?:(?:{_WHOLE})(?: and | |-))?\d{{1,2}} ?/ ?\d{{1,2}}(?![\d.,/])"
    rf"|(?<![\w.,/]){_WHOLE} (?:and|n|&) (?:a )?half\b)"
)
_TOKEN: Final = re.compile(_FRACTION + "|" + _PLAIN)
_TOKEN_PLAIN: Final = re.compile(_PLAIN)
# Vulgar fractions, which NFKC would glue to a whole number ("1½" -> "11⁄2").
_VULGAR: Final = str.maketrans({"½": " 1/2", "¼": " 1/4", "¾": " 3/4", "⅓": " 1/3", "⅔": " 2/3"})
_LARGEST_DENOMINATOR: Final = 20

_WORD_NUMBERS: Final[dict[str, Decimal]] = {
    "half": Decimal("0.5"),
    "quarter": Decimal("0.25"),
    "one": Decimal(1),
    "two": Decimal(2),
    "three": Decimal(3),
    "four": Decimal(4),
    "five": Decimal(5),
    "ten": Decimal(10),
    "ek": Decimal(1),
    "dedh": Decimal("1.5"),  # Hindi: one and a half ("dedh lakh")
    "derh": Decimal("1.5"),
    "dhai": Decimal("2.5"),  # Hindi: two and a half
    "adhai": Decimal("2.5"),
    "sawa": Decimal("1.25"),  # Hindi: one and a quarter ("sawa carat")
}
# Hindi numbers that are also English words ("do" = two): numbers only right before a
# weight or money word ("do carat", "do lakh"), never in "do you have".
_COUNTING_WORDS: Final = frozenset({"carat", "karat", "ct", "lakh", "lac", "crore", "hazar"})
_NUMBERS_BEFORE_A_UNIT: Final[dict[str, Decimal]] = {"do": Decimal(2)}


class Kind(Enum):
    NUM = "num"
    WORD = "word"
    CODE = "code"  # letters glued to one digit: "vs1", "q9"
    SYM = "sym"


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # lower-case; apostrophes dropped ("doesn't" -> "doesnt")
    raw: str  # as the customer wrote it
    kind: Kind
    start: int
    end: int
    number: Decimal | None = None

    @property
    def is_decimal(self) -> bool:
        return self.kind is Kind.NUM and "." in self.text

    @property
    def is_grouped(self) -> bool:
        return self.kind is Kind.NUM and "," in self.text


@dataclass(frozen=True, slots=True)
class Lexed:
    text: str
    tokens: tuple[Token, ...]
    truncated: bool
    shouting: bool  # no lower-case letter at all: capitals then carry no meaning

    def quote(self, first: int, last: int) -> str:
        """The customer's words from token `first` to token `last` inclusive."""
        return self.text[self.tokens[first].start : self.tokens[last].end]


def lex(text: str) -> Lexed:
    folded = unicodedata.normalize("NFKC", text[: MAX_CHARS * 2].translate(_VULGAR))
    source = folded[:MAX_CHARS].translate(_UNIFY)
    lowered = source.translate(_LOWER)
    tokens = _counted(
        tuple(t for m in _TOKEN.finditer(lowered) for t in _tokens(m, source, lowered))
    )
    truncated = len(text) > MAX_CHARS or len(folded) > MAX_CHARS
    return Lexed(source, tokens, truncated, re.search("[a-z]", source) is None)


def _counted(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """ "do carat": the Hindi "do" (two) as a number before what it counts."""
    return tuple(
        replace(t, kind=Kind.NUM, number=_NUMBERS_BEFORE_A_UNIT[t.text])
        if t.text in _NUMBERS_BEFORE_A_UNIT and text_at(tokens, k + 1) in _COUNTING_WORDS
        else t
        for k, t in enumerate(tokens)
    )


def _tokens(match: re.Match[str], source: str, lowered: str) -> Iterable[Token]:
    if match.lastgroup == "frac":
        value = _fraction(match.group())
        if value is None:  # "12/03", "7/3": not a fraction of a carat; read the parts
            start, end = match.span()
            parts = _TOKEN_PLAIN.finditer(lowered, start, end)
            return [t for m in parts if (t := _token(m, source)) is not None]
        start, end = match.span()
        return [Token(str(value), source[start:end], Kind.NUM, start, end, value)]
    token = _token(match, source)
    return () if token is None else (token,)


def _fraction(text: str) -> Decimal | None:
    """The value of "3/4", "1 1/2", "2 and a half"; None when not a proper fraction."""
    words = text.replace("-", " ").replace("/", " / ").split()
    whole = Decimal(0)
    if words[0] != "/" and words[1] != "/":  # a whole part first
        whole = _WORD_NUMBERS.get(words[0]) or Decimal(words[0])
        words = [w for w in words[1:] if w not in ("and", "n", "&", "a")]
    if words == ["half"]:
        return whole + Decimal("0.5")
    numerator, denominator = int(words[0]), int(words[-1])
    if not 0 < numerator < denominator <= _LARGEST_DENOMINATOR:
        return None
    return whole + (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.001"))


def _token(match: re.Match[str], source: str) -> Token | None:
    start, end = match.span()
    raw, text = source[start:end], match.group()
    match match.lastgroup:
        case "skip":
            return None
        case "vg":
            return Token("vg", raw, Kind.WORD, start, end)
        case "three":
            return Token("3ex", raw, Kind.WORD, start, end)
        case "code":
            return Token(text, raw, Kind.CODE, start, end)
        case "num":
            return _number(text, raw, start, end)
        case "word":
            return _word(text.replace("'", ""), raw, start, end)
    return Token(text, raw, Kind.SYM, start, end)


def _number(text: str, raw: str, start: int, end: int) -> Token:
    digits = text.replace(",", "")
    if len(digits.replace(".", "")) > _MAX_DIGITS:
        return Token("#", raw, Kind.SYM, start, end)
    return Token(text, raw, Kind.NUM, start, end, Decimal(digits))


def _word(text: str, raw: str, start: int, end: int) -> Token:
    number = _WORD_NUMBERS.get(text)
    kind = Kind.WORD if number is None else Kind.NUM
    return Token(text, raw, kind, start, end, number)


def text_at(tokens: Sequence[Token], index: int) -> str:
    """The token's text, or "" past either end (never wraps around like a list index)."""
    return tokens[index].text if 0 <= index < len(tokens) else ""


def phrase_at(tokens: Sequence[Token], index: int, phrase: Sequence[str]) -> bool:
    return all(text_at(tokens, index + k) == word for k, word in enumerate(phrase))


def phrases(listing: str) -> tuple[tuple[str, ...], ...]:
    """ "any|koi bhi|no preference" -> (("any",), ("koi", "bhi"), ("no", "preference"))."""
    return tuple(tuple(p.split()) for p in listing.split("|"))


def by_word(
    listed: Iterable[tuple[str, ...]], position: int
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases grouped by their word at `position` (0 first, -1 last), longest first."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(listed, key=len, reverse=True):
        grouped.setdefault(phrase[position], []).append(phrase)
    return {word: tuple(group) for word, group in grouped.items()}
