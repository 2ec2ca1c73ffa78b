"""Questions about options on the screen: "is option 2 certified?", "details of 1",
"IGI certificate of 1?", "tell me more about the second one", "compare 1 and 2".

Only a message that both names options and asks for their details counts: "add option 2"
is the cart's, and "is option 2 good for an engagement ring?" is the assistant's.
"""

from __future__ import annotations

import re
from typing import Final

from elgbot.understanding.words import normalise

_ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2}
_NAMED: Final = re.compile(
    r"\b(?:option|opt|no|number|stone|diamond|#)\s*(\d{1,2})\b"
    r"|\b(?:details?|specs?|info|certificate|cert|report|about)\s+(?:of\s+|for\s+)?(\d{1,2})\b"
    r"|^(\d{1,2})\s+(?:details?|specs?|info|certificate|cert)\b"
    r"|\b(?:the\s+)?(first|second|third|fourth|1st|2nd)\s+(?:one|stone|diamond)\b"
)
_COMPARED: Final = re.compile(
    r"\bcompare\s+(?:options?\s+)?(\d{1,2}(?:(?:\s*(?:and|&|vs|with|,)\s*|\s+)\d{1,2}\b)+)"
)
_DETAILS: Final = re.compile(
    r"\b(?:certified|certificate|cert|certification|igi|gia|report|grading|lab|details?"
    r"|specs?|info|information|polish|symmetry|fluorescence|fluro|more about|tell me about"
    r"|compare)\b"
)


def options_asked_about(text: str) -> tuple[int, ...]:
    """The options whose details the message asks for, in order; () when it asks none."""
    said = normalise(text.replace(",", " , "))
    if _DETAILS.search(said) is None:
        return ()
    if (compared := _COMPARED.search(said)) is not None:
        return tuple(dict.fromkeys(int(n) for n in re.findall(r"\d+", compared.group(1))))
    found = []
    for match in _NAMED.finditer(said):
        number, about, leading, ordinal = match.groups()
        found.append(_ORDINALS[ordinal] if ordinal else int(number or about or leading))
    return tuple(dict.fromkeys(found))
