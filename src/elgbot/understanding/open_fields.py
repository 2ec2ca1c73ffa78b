"""Fields the customer explicitly leaves open: "any colour", "clarity doesn't matter",
"no preference on cut", "koi bhi shape chalega".
"""

from __future__ import annotations

import re
from typing import Final

from elgbot.understanding.lexer import Lexed, by_word, phrase_at, phrases
from elgbot.understanding.words import normalise, word_set

_FIELDS: Final = {
    **dict.fromkeys(["shape", "shapes"], "shape"),
    **dict.fromkeys(["colour", "color", "colours", "colors", "col", "rang"], "color"),
    **dict.fromkeys(["clarity", "purity"], "clarity"),
    **dict.fromkeys(["cut", "make", "cutting"], "cut"),
    **dict.fromkeys(["size", "carat", "carats", "weight", "ct"], "carat"),
    **dict.fromkeys(["budget", "price", "money"], "budget"),
}
_MARKERS: Final = phrases(
    "any|anything|koi bhi|kuch bhi|whatever|no preference|no pref|doesnt matter"
    "|does not matter|dont care|not important|flexible|open|chalega|not fussy|no bar"
    "|no limit|no issue|any will do|no specific|not particular|no idea|dont know"
    "|no problem|not an issue|not a problem|not a constraint|not a concern|no constraint"
)
_BY_FIRST_WORD: Final = by_word(_MARKERS, 0)
# A whole message that leaves the rest to us: "any", "no preference", "dont know, just show
# me", "not sure, please suggest", "any colour any clarity". Every word must be one of
# these, and one a marker (a word, or a phrase: "know" alone is no marker, "dont know" is).
_LEAVING_MARKERS: Final = word_set(
    "any anything whatever preference preferences matter care sure idea show bhi surprise"
    " flexible open chalega all suggest recommend idk"
)
_LEAVING_PHRASES: Final = (
    "dont know",
    "don t know",
    "do not know",
    "no idea",
    "not sure",
    "you decide",
    "your choice",
    "up to you",
    "pata nahi",
)
_LEAVING_WORDS: Final = _LEAVING_MARKERS | word_set(
    "no not dont don t doesn do does doesnt i im is it will just me what you have got all options"
    " koi kuch fine ok okay please pls up to know and the colour color clarity cut budget price"
    " shape shapes cheapest u can could something some your decide choice best mujhe pata nahi"
    " really sorry"
)
_REACH: Final = 3


def leaves_it_open(text: str) -> bool:
    """The message only says "anything will do" (no field named with a value)."""
    words = normalise(text).replace(",", " ").replace(".", " ").split()
    if not words or not all(word in _LEAVING_WORDS for word in words):
        return False
    spaced = f" {' '.join(words)} "
    return any(w in _LEAVING_MARKERS for w in words) or any(
        f" {phrase} " in spaced for phrase in _LEAVING_PHRASES
    )


_NO_BUDGET: Final = re.compile(
    r"\b(?:no|any|koi bhi|without a?|(?:remove|drop|forget)(?: the| my)?)\s*"
    r"(?:budget|price limit|limit)\b"
    # "budget is not an issue", "money no problem", "price is no object": never "budget issue".
    r"|\b(?:budget|money|price|cost)(?: is| was| will be)? (?:no|not an?|not) "
    r"(?:bar|issue|problem|constraint|concern|object)\b"
    r"|\b(?:budget|money|price)(?: ki| ka)? koi (?:issue|problem|tension|limit) nahi\b"
)


def leaves_budget_open(text: str) -> bool:
    """ "no budget", "any budget", "no limit", "budget is not an issue": search without one."""
    return _NO_BUDGET.search(normalise(text)) is not None


def read_open_fields(lexed: Lexed, taken: frozenset[int]) -> frozenset[str]:
    """Field words still unclaimed (not "1 carat") near an "any"-like marker, same clause."""
    tokens = lexed.tokens
    clause = _clauses(lexed)
    marks = [(i, i + len(m) - 1) for i in range(len(tokens)) for m in _markers_at(lexed, i)]
    said = set[str]()
    for index, token in enumerate(tokens):
        field = _FIELDS.get(token.text)
        if field is None or index in taken:
            continue
        if any(_near(index, m, clause) for m in marks):
            said.add(field)
    return frozenset(said)


def _markers_at(lexed: Lexed, index: int) -> list[tuple[str, ...]]:
    """The "any"-like phrases starting at token `index`."""
    starting = _BY_FIRST_WORD.get(lexed.tokens[index].text, ())
    return [m for m in starting if phrase_at(lexed.tokens, index, m)]


def _clauses(lexed: Lexed) -> list[int]:
    """Clause number of each token; a comma starts a new clause."""
    numbers, current = [], 0
    for token in lexed.tokens:
        current += token.text == ","
        numbers.append(current)
    return numbers


def _near(index: int, mark: tuple[int, int], clause: list[int]) -> bool:
    first, last = mark
    distance = first - index if index < first else index - last
    return 0 < distance <= _REACH and clause[index] == clause[first]
