"""A question about grades or shapes, not a description: "is D better than E?", "what is
the difference between ideal and excellent", "does oval look bigger?". It names grades
that the spec reader would take, so it is recognised before a search is changed by it.
"""

from __future__ import annotations

import re
from typing import Final

from elgbot.understanding.words import normalise

_ASKING: Final = re.compile(
    r"^(?:is|are|does|do|did|why|which|what|whats|how|explain|kya|kaise|kyun)\b"
)
# Questions that are searches: "is there an oval 1ct?", "what about 1 carat", "how much
# for 2ct?", "what is the price of round 1ct G VS1".
_STILL_A_SEARCH: Final = re.compile(
    r"^(?:is there|are there|do (?:you|u|ya)|does (?:your|ur|elg)|what about|how about"
    r"|how much|what (?:is|s) the (?:price|cost|rate)|whats the (?:price|cost|rate)"
    r"|what price|which (?:one|ones) (?:is|are) (?:cheaper|cheapest|in stock|available))\b"
)
_ABOUT_GRADES: Final = re.compile(
    r"\b(?:better|best|difference|differ|vs|versus|mean|means|meaning|look|looks|worth"
    r"|good|bad|compare|matter|matters|important|sparkle|sparkles|visible)\b"
)


def asks_about_grades(text: str) -> bool:
    said = normalise(text)
    return (
        _ASKING.match(said) is not None
        and _STILL_A_SEARCH.match(said) is None
        and _ABOUT_GRADES.search(said) is not None
    )
