"""A question about grades or shapes, not a description: "is D better than E?", "what is
the difference between ideal and excellent", "does oval look bigger?". It names grades
that the spec reader would take, so it is recognised before a search is changed by it.
"""

from __future__ import annotations

import re
from typing import Final

from elgbot.understanding.words import normalise

_ASKING: Final = re.compile(
    r"^(?:is|are|does|do|did|why|which|what|whats|how|explain|kya|kaise|kyun|would|will"
    r"|should|can|could)\b"
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
    r"|good|bad|compare|matter|matters|important|sparkle|sparkles|visible|whiter|enough"
    r"|kaisa|kaisi|kaise)\b"
)
# Asked without a question word: "D vs E?", "G or H which is better?", "difference
# between VVS1 and VS1?", "F colour kaisa hai?".
_ASKED_ANYHOW: Final = re.compile(
    r"\bwhich\b.*\b(?:better|best)\b|^difference\b|\bkaisa\b|\bkaisi\b"
)
_VERSUS: Final = re.compile(r"^\S+(?:\s+\S+)?\s+(?:vs|versus)\s+\S+(?:\s+\S+)?$")
# "what is VVS1?", "whats ideal cut": asking what a grade word means.
_DEFINING: Final = re.compile(
    r"^(?:what is|what s|whats|what are)\s+(?:a\s+|an\s+)?\S+(?:\s+\S+)?$"
)


def asks_about_grades(text: str) -> bool:
    said = normalise(text)
    if _STILL_A_SEARCH.match(said) is not None:
        return False
    asked = _ASKING.match(said) is not None and _ABOUT_GRADES.search(said) is not None
    if asked or _ASKED_ANYHOW.search(said) is not None:
        return True
    # Short and with a question mark: "D vs E?", "what is VVS1?".
    return "?" in text and any(p.match(said) for p in (_VERSUS, _DEFINING))
