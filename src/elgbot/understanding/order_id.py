"""Reading an order id from a message: "ELG-10234", "#10234", "my order id is elg 10234",
"order no. ELG/2025/0012 status?".

An id is the first word with a digit in it, with a short code of letters right before it
("ELG 10234") joined on, since stores print ids both ways; the store compares ids by their
letters and digits only (`commerce.orders.order_key`).
"""

from __future__ import annotations

import re
from typing import Final

from elgbot.understanding.words import normalise

_WORD: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_/.]*")
# Words around an id that are not part of it.
_FILLERS: Final = frozenset(
    {"order", "orders", "id", "no", "number", "num", "is", "my", "the", "of", "for", "and"}
    | {"status", "track", "tracking", "where", "what", "please", "pls", "check", "mera", "ka"}
    | {"hai", "kya", "kahan", "details", "ref", "reference"}
)
_MIN_CHARS: Final = 3
_MAX_CHARS: Final = 64
_MAX_PREFIX: Final = 5


def read_order_id(text: str) -> str | None:
    words = [w.rstrip(".") for w in _WORD.findall(text)]
    for index, word in enumerate(words):
        if not any(ch.isdigit() for ch in word):
            continue
        before = words[index - 1] if index else ""
        prefixed = before.isalpha() and len(before) <= _MAX_PREFIX
        order_id = f"{before} {word}" if prefixed and before.lower() not in _FILLERS else word
        alnum = sum(ch.isalnum() for ch in order_id)
        return order_id if alnum >= _MIN_CHARS and len(order_id) <= _MAX_CHARS else None
    return None


# Asking where an order is, from any step: "track ELG-10234", "where is my order?".
# Narrow on purpose: "I want to order a ring" or "cancel my order" is not this.
_ASKS_TO_TRACK: Final = re.compile(
    r"\b(?:track|tracking|trak|order status|status of (?:my|the) order|delivery status"
    r"|where(?: is|s| s)? my (?:order|parcel|package|delivery)"
    r"|(?:when|has|have) (?:will )?my order|mera order)\b"
)


def asks_to_track(text: str) -> bool:
    return _ASKS_TO_TRACK.search(normalise(text)) is not None
