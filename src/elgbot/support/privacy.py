"""What may leave for the model: customers' text without identifiers, capped in length.

Free-tier prompts may be read by people, so phone numbers, e-mail addresses and card-like
numbers are masked before anything is sent (the customer's own number and name are never
part of a request at all).
"""

from __future__ import annotations

import re
from typing import Final

MAX_QUESTION = 500  # characters of one customer message the model sees

_EMAIL: Final = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SEPARATED_DIGITS = r"\d(?:[ \-.()]{0,2}\d){%d,%d}"
# Cards first: 13-19 digits; then phones (and other long ids): 8-15 digits, maybe '+' or '('.
_CARD: Final = re.compile(r"(?<![\d,])" + _SEPARATED_DIGITS % (12, 18) + r"(?![\d,])")
_PHONE: Final = re.compile(r"(?<![\d,])[+(]?" + _SEPARATED_DIGITS % (7, 14) + r"(?![\d,])")


def mask_identifiers(text: str) -> str:
    text = _EMAIL.sub("[email]", text)
    text = _CARD.sub("[card number]", text)
    return _PHONE.sub("[phone]", text)


def prepared(text: str, limit: int = MAX_QUESTION) -> str:
    """Customer text as the model may see it: masked, then capped (so no cut can leave
    part of a number unmasked)."""
    return mask_identifiers(text.strip())[:limit]
