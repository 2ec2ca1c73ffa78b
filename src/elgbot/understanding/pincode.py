"""Indian PIN codes said for delivery: "deliver to 560001", "ship to 110 001", "pincode
400001". Six digits, the first not 0, after a word about delivery (or "to"): a place,
never an order id nor a budget. The question about delivering there is the assistant's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from elgbot.understanding.lexer import Kind, Token, text_at
from elgbot.understanding.words import word_set

# Not "courier" or "shipment": "courier 123456" may well be a tracking number.
_DELIVERY: Final = r"deliver|delivery|delivered|ship|shipping|shipped|pin ?code|pin|zip"
# "deliver to 560001?", "pincode is 560 001", "ship to my area 400001".
_PIN_IN_TEXT: Final = re.compile(
    rf"\b(?:{_DELIVERY}|to)\b(?:[\s:\-]+(?:to|at|in|is|my|area|code))*[\s:\-]*"
    r"[1-9]\d{2} ?\d{3}(?![\d\w])",
    re.I,
)
# Words before the figure that make it a place. Not a bare "to": "increase to 150000"
# is money, so the budget reader needs a word about delivery.
_DELIVERY_WORDS: Final = word_set(
    "deliver delivery delivered ship shipping shipped pin pincode zip"
)
_REACH: Final = 4  # "deliver to my area 560001"


def without_pincodes(text: str) -> str:
    """`text` with every PIN code said for delivery blanked out, for the order id readers."""
    return _PIN_IN_TEXT.sub(" ", text)


def is_pincode(tokens: Sequence[Token], index: int) -> bool:
    """The figure at `index` is a PIN code: six digits after a word about delivery, with
    no comma or other figure between."""
    token = tokens[index]
    if token.kind is not Kind.NUM or len(token.text) != 6 or token.text[0] == "0":
        return False
    for at in range(index - 1, max(index - 1 - _REACH, -1), -1):
        if tokens[at].kind is Kind.NUM or text_at(tokens, at) == ",":
            return False
        if text_at(tokens, at) in _DELIVERY_WORDS:
            return True
    return False
