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
# One pass, first alternative wins: an amount grouped with commas ("1,50,000", "2,000,000")
# is kept as written; then cards (13-19 digits), then phones and other long ids (8-15
# digits, maybe after '+' or '('). A comma next to a number is punctuation, not a digit.
_NUMBERS: Final = re.compile(
    r"(?<!\d)(?P<amount>\d{1,3}(?:,\d{2,3})+(?:\.\d+)?)(?!,?\d)"
    r"|(?<!\d)(?P<card>" + _SEPARATED_DIGITS % (12, 18) + r")(?!\d)"
    r"|(?<!\d)(?P<phone>[+(]?" + _SEPARATED_DIGITS % (7, 14) + r")(?!\d)"
)
_MASKS: Final = {"card": "[card number]", "phone": "[phone]"}


def mask_identifiers(text: str) -> str:
    text = _EMAIL.sub("[email]", text)
    return _NUMBERS.sub(_masked, text)


def _masked(match: re.Match[str]) -> str:
    kind = match.lastgroup or ""
    return _MASKS.get(kind, match.group(0))


def prepared(text: str, limit: int = MAX_QUESTION) -> str:
    """Customer text as the model may see it: masked, then capped (so no cut can leave
    part of a number unmasked)."""
    return mask_identifiers(text.strip())[:limit]
