"""Reading an order id from a message: "ELG-10234", "#10234", "my order id is elg 10234",
"order no. ELG/2025/0012 status?".

An id is the first word with a digit in it, with a short code of letters right before it
("ELG 10234") joined on, since stores print ids both ways; the store compares ids by their
letters and digits only (`commerce.orders.order_key`). Only a bare number takes a code
before it ("when will ELG-10235 arrive" is ELG-10235, not "will ELG-10235"), and a number
of one or two digits is a date or a count, never an id ("it was due on 20 jan").
"""

from __future__ import annotations

import re
from typing import Final

from elgbot.catalog.grades import Shape
from elgbot.catalog.jewelry import COLOR_WORDS, KIND_WORDS, MATERIAL_WORDS, STYLE_WORDS
from elgbot.understanding.money import CURRENCY_WORDS
from elgbot.understanding.words import normalise

_WORD: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_/.]*")
# Words around an id that are not part of it.
_FILLERS: Final = frozenset(
    {"order", "orders", "id", "no", "number", "num", "is", "my", "the", "of", "for", "and"}
    | {"status", "track", "tracking", "where", "what", "please", "pls", "check", "mera", "ka"}
    | {"hai", "kya", "kahan", "details", "ref", "reference"}
)
_MIN_CHARS: Final = 3
_MIN_DIGITS: Final = 3
_MAX_CHARS: Final = 64
_MAX_PREFIX: Final = 5


# A pasted link ("elg.com/diamonds/ELG-004068") names a product page, never an order.
_LINK: Final = re.compile(r"(?:https?://|www\.)\S*|\b[\w-]+\.(?:com|in|co|net|org)/\S*", re.I)


def read_order_id(text: str) -> str | None:
    words = [w.rstrip(".") for w in _WORD.findall(_LINK.sub(" ", text))]
    for index, word in enumerate(words):
        if sum(ch.isdigit() for ch in word) < _MIN_DIGITS:
            continue
        before = words[index - 1] if index else ""
        prefixed = word.isdigit() and before.isalpha() and len(before) <= _MAX_PREFIX
        code = prefixed and before.lower() not in _FILLERS | _NOT_CODES
        order_id = f"{before} {word}" if code else word
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


# Or an order's id with a word about it ("when will ELG-10235 arrive?", "status ELG-10234"),
# or alone: the store's ids are a short code of letters and at least four digits.
_AN_ORDER_ID: Final = re.compile(r"(?<![\w-])([a-z]{2,5})[-/ ]?\d{4,}\b")
# Words before a figure that make it money, not an order's code ("under 50000", "rs 5000",
# "rate 12000" for melee).
_MONEY_WORDS: Final = CURRENCY_WORDS | frozenset(
    {"under", "below", "upto", "within", "above", "over", "budget", "max", "around", "about"}
    | {"price", "only", "till", "tak", "less", "than", "for", "cost", "costs", "rate", "rates"}
    | {"bhav"}
)
# What the store sells, before a figure: a search ("ring 75000", "oval 50000"), not an id.
_SHOP_WORDS: Final = frozenset(
    word
    for words in (KIND_WORDS, STYLE_WORDS, MATERIAL_WORDS, COLOR_WORDS, {s.value: s for s in Shape})
    for word in words
    if " " not in word
)
_NOT_CODES: Final = _MONEY_WORDS | _SHOP_WORDS
_ABOUT_AN_ORDER: Final = re.compile(
    r"\b(?:order|status|arrive|arriving|deliver\w*|dispatch\w*|ship\w*|receiv\w*|late"
    r"|parcel|package|courier|kab|kahan)\b"
)
_AN_ID_ALONE: Final = 2  # "ELG-10234", "ELG 10234"


def asks_to_track(text: str) -> bool:
    said = normalise(_LINK.sub(" ", text))
    if _ASKS_TO_TRACK.search(said) is not None:
        return True
    if not _names_an_id(said):
        return False
    return _ABOUT_AN_ORDER.search(said) is not None or len(said.split()) <= _AN_ID_ALONE


_AN_ORDER: Final = re.compile(r"\b(?:my|the|this|an?) (?:order|parcel|package|delivery)\b")
_CHANGE: Final = re.compile(
    r"\b(?:cancel\w*|return\w*|refund\w*|exchange\w*|replace\w*|modify|change|address)\b"
)


def asks_to_change_an_order(text: str) -> bool:
    """ "cancel order ELG-10234", "return my order": not answered by showing its status.
    ("return policy", with no order named, is a question for the assistant.)"""
    said = normalise(_LINK.sub(" ", text))
    if _CHANGE.search(said) is None:
        return False
    return _names_an_id(said) or _AN_ORDER.search(said) is not None


def _names_an_id(said: str) -> bool:
    return any(m.group(1) not in _NOT_CODES for m in _AN_ORDER_ID.finditer(said))
