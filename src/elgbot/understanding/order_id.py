"""Reading an order id from a message: "ELG-10234", "#10234", "my order id is elg 10234",
"order no. ELG/2025/0012 status?".

An id is the first word with a digit in it, with a short code of letters right before it
("ELG 10234") joined on, since stores print ids both ways; the store compares ids by their
letters and digits only (`commerce.orders.order_key`). Only a bare number takes a code
before it ("when will ELG-10235 arrive" is ELG-10235, not "will ELG-10235"), and a number
of one or two digits is a date or a count, never an id ("it was due on 20 jan"). A figure
after a word the shop reads ("ring 75000", "oval 50000", "sieve 0000") is a search, and a
PIN code after "deliver to" ("do you deliver to 560001?") a place (`pincode`).
"""

from __future__ import annotations

import re
from typing import Final

from elgbot.catalog.codes import SHAPE_MISSPELLINGS, SHAPE_NAMES
from elgbot.catalog.jewelry import COLOR_WORDS, KIND_WORDS, MATERIAL_WORDS, STYLE_WORDS
from elgbot.understanding.money import CURRENCY_WORDS
from elgbot.understanding.pincode import without_pincodes
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


# An Indian mobile number ("9800000001", "+91 98000 00001"): the customer's, never an id.
_PHONE: Final = re.compile(r"(?<![\w+\-/#])(?:\+?91[ -]?|0)?[6-9]\d{4}[ -]?\d{5}(?![\w-])")
_NO_ID: Final = re.compile(
    r"\b(?:no|without|dont have|don t have|do not have|not have|lost|forgot|forgotten)"
    r"(?: an?| the| my| any)? order (?:id|number|no)\b"
)


def read_order_id(text: str) -> str | None:
    words = [
        w.rstrip(".") for w in _WORD.findall(_places_out(_PHONE.sub(" ", _LINK.sub(" ", text))))
    ]
    for index, word in enumerate(words):
        if sum(ch.isdigit() for ch in word) < _MIN_DIGITS:
            continue
        before = words[index - 1] if index else ""
        if word.isdigit() and before.lower() in _SHOP_WORDS:
            continue  # "ring 75000", "sieve 0000": a search, never an id
        prefixed = word.isdigit() and before.isalpha() and len(before) <= _MAX_PREFIX
        code = prefixed and before.lower() not in _FILLERS | _NOT_A_CODE
        order_id = f"{before} {word}" if code else word
        alnum = sum(ch.isalnum() for ch in order_id)
        return order_id if alnum >= _MIN_CHARS and len(order_id) <= _MAX_CHARS else None
    return None


def looks_up_by_number(text: str) -> bool:
    """ "my number is 9800000001", "I have no order id": orders are found by the number the
    customer is chatting from (`commerce.orders`), never by one they type."""
    return bool(_PHONE.search(text) or _NO_ID.search(normalise(text)))


# Asking where an order is, from any step: "track ELG-10234", "where is my order?".
# Narrow on purpose: "I want to order a ring" or "cancel my order" is not this.
_ASKS_TO_TRACK: Final = re.compile(
    r"\b(?:track|tracking|trak|order status|status of (?:my|the) order|delivery status"
    r"|where(?: is|s| s)? my (?:order|parcel|package|delivery)"
    r"|(?:when|has|have) (?:will )?my order|mera order)\b"
)
# Or by the piece ordered: "when will my ring arrive", "where is my ring", "has my ring
# shipped"; "I ordered a ring last week, no update".
_THINGS: Final = (
    r"(?:ring|rings|earrings?|studs?|hoops?|pendant|necklace|chain|bracelet|bangles?|"
    r"nose ?pin|diamonds?|stones?|melee|jewel\w*|items?|products?|pieces?|things?)"
)
_MY_THING: Final = rf"\bmy (?:\w+ ){{0,2}}?{_THINGS}\b"
_ON_ITS_WAY: Final = r"\b(?:arriv\w*|deliver\w*|dispatch\w*|ship\w*|reach\w*|come|coming)\b"
_ASKS_AFTER_A_THING: Final = re.compile(
    rf"\b(?:when|has|have|did|kab)\b.*{_MY_THING}.*{_ON_ITS_WAY}|\bwhere(?: is|s| s)? {_MY_THING}"
)
_ORDERED: Final = re.compile(r"\b(?:i|we) (?:have |had |just )?(?:ordered|placed an order)\b")
_NO_NEWS: Final = re.compile(
    r"\b(?:no|any|without) (?:update|updates|news|info|information|tracking|order id"
    r"|order number)\b|\bstill waiting\b|\bnot (?:yet )?(?:shipped|dispatched)\b"
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
# Words the shop reads before a figure ("ring 75000", "oval 50000", "sieve 0000"): a
# search with its budget or size, not an order's code of letters.
_SHOP_WORDS: Final = frozenset(
    word
    for name in (
        *KIND_WORDS,
        *STYLE_WORDS,
        *MATERIAL_WORDS,
        *COLOR_WORDS,
        *SHAPE_NAMES,
        *SHAPE_MISSPELLINGS,
    )
    if " " not in name
    for word in (name, f"{name}s")
) | frozenset({"melee", "sieve", "sieves", "chalni", "pointer", "pointers"})
_NOT_A_CODE: Final = _MONEY_WORDS | _SHOP_WORDS
_ABOUT_AN_ORDER: Final = re.compile(
    r"\b(?:order|status|arrive|arriving|deliver\w*|dispatch\w*|ship\w*|receiv\w*|late"
    r"|parcel|package|courier|kab|kahan)\b"
)
_AN_ID_ALONE: Final = 2  # "ELG-10234", "ELG 10234"


def _places_out(text: str) -> str:
    """Links and PIN codes taken out: they name a page or a place, never an order."""
    return without_pincodes(_LINK.sub(" ", text))


def asks_to_track(text: str) -> bool:
    said = normalise(_places_out(text))
    if _ASKS_TO_TRACK.search(said) or _ASKS_AFTER_A_THING.search(said):
        return True
    if _ORDERED.search(said) and _NO_NEWS.search(said):
        return True
    if not _names_an_id(said):
        return False
    return _ABOUT_AN_ORDER.search(said) is not None or len(said.split()) <= _AN_ID_ALONE


_AN_ORDER: Final = re.compile(r"\b(?:my|the|this|an?) (?:order|parcel|package|delivery)\b")
_CHANGE: Final = re.compile(
    r"\b(?:cancel\w*|return\w*|refund\w*|exchange\w*|replace\w*|modify|change|address)\b"
)


def asks_to_change_an_order(text: str, order_in_view: bool = False) -> bool:
    """ "cancel order ELG-10234", "return my order", or "cancel it" with an order in view:
    not answered by showing its status. ("return policy", with no order named, is a
    question for the assistant.)"""
    said = normalise(_places_out(text))
    if _CHANGE.search(said) is None:
        return False
    return order_in_view or _names_an_id(said) or _AN_ORDER.search(said) is not None


def _names_an_id(said: str) -> bool:
    return any(m.group(1) not in _NOT_A_CODE for m in _AN_ORDER_ID.finditer(said))
