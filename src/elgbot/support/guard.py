"""The output guard: a model's answer may not state what only the database knows.

Prices, stock, carts and orders come from the database and the menus, never from a model.
An answer that states a rupee amount, a percentage or discount, or an order's status that
the store facts do not contain is replaced by a safe answer (the caller decides which).
"""

from __future__ import annotations

import re
from typing import Final

from elgbot.channels.twiml import utf16_length

# One WhatsApp message, with room for the footer the conversation adds.
MAX_ANSWER = 1400
_ELLIPSIS = "…"

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_UNIT = r"(?:lakhs?|lacs?|crores?|cr|k)"
_RUPEES: Final = re.compile(
    rf"(?:₹|\brs\.?|\binr\b|\brupees?\b)\s*({_NUMBER})(?:\s*({_UNIT})\b)?"
    rf"|({_NUMBER})\s*(?:({_UNIT})\b|(?:/-|rupees?\b|rs\b|inr\b))",
    re.IGNORECASE,
)
_PERCENT: Final = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)", re.IGNORECASE)
_DISCOUNT: Final = re.compile(
    r"\b(?:discount\w*|coupons?|promo\w*|vouchers?|cash\s?back|offer price|special price"
    r"|(?:flat|upto|up to)\s+\d+\s*%?\s*off)\b",
    re.IGNORECASE,
)
_ORDER_STATUS: Final = re.compile(
    r"\b(?:your|the|this)\s+(?:order|package|parcel|shipment)\b[^.!?\n]{0,60}?"
    r"\b(?:is|has|was|will|'s)\b[^.!?\n]{0,20}?"
    r"\b(?:shipped|dispatched|delivered|out for delivery|on (?:its|the) way|in transit"
    r"|confirmed|cancell?ed|processed|processing|packed|ready|arriv\w*|reach\w*)"
    r"|\border\s*(?:no\.?|number|id|#)\s*:?\s*[a-z0-9-]*\d"
    r"|\btracking\s*(?:no\.?|number|id|code)\s*(?:is|:)?\s*[a-z0-9]*\d",
    re.IGNORECASE,
)


def unsupported_claim(reply: str, facts: str) -> str | None:
    """What the reply states that the facts do not ('a rupee amount' …), or None."""
    if _amounts(reply) - _amounts(facts):
        return "a rupee amount"
    if _percents(reply) - _percents(facts):
        return "a percentage"
    if _DISCOUNT.search(reply) and not _DISCOUNT.search(facts):
        return "a discount"
    folded_facts = _folded(facts)
    for match in _ORDER_STATUS.finditer(reply):
        if _folded(match.group(0)) not in folded_facts:
            return "an order status"
    return None


def trim_reply(text: str, limit: int = MAX_ANSWER) -> str:
    """At most `limit` UTF-16 units, cut after a sentence or word, marked with '…'."""
    text = text.strip()
    if utf16_length(text) <= limit:
        return text
    head = _prefix(text, limit - utf16_length(_ELLIPSIS))
    cut = max(head.rfind(". "), head.rfind("\n"))
    if cut < len(head) // 2:
        cut = head.rfind(" ")
    return (head[: cut + 1] if cut > 0 else head).rstrip() + _ELLIPSIS


def _amounts(text: str) -> set[str]:
    found = set()
    for match in _RUPEES.finditer(text):
        number = (match.group(1) or match.group(3) or "").replace(",", "")
        unit = (match.group(2) or match.group(4) or "").lower().rstrip("s")
        found.add(f"{number.removesuffix('.00')} {unit}".strip())
    return found


def _percents(text: str) -> set[str]:
    return {match.group(1) for match in _PERCENT.finditer(text)}


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _prefix(text: str, limit: int) -> str:
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return text[:index]
    return text
