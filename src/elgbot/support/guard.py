"""The output guard: a model's answer may not state what only the database knows.

Prices, stock, carts and orders come from the database and the menus, never from a model.
An answer that states a figure the store facts do not contain (an amount of money in any
currency, a percentage, a number of days or hours, a phone number, a count of stones in
stock), a discount, or an order's status, is replaced by a safe answer (the caller decides
which): a model that invents one figure may have invented the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from elgbot.channels.twiml import utf16_length
from elgbot.support.figures import durations, money, percentages, phones, stock_counts

# One WhatsApp message, with room for the footer the conversation adds.
MAX_ANSWER = 1400
_ELLIPSIS = "…"
_FIGURES: Final[tuple[tuple[str, Callable[[str], set[str]]], ...]] = (
    ("an amount of money", money),
    ("a percentage", percentages),
    ("a number of days or hours", durations),
)

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
    """What the reply states that the facts do not ('an amount of money' …), or None."""
    return _new_statement(reply, facts) or _new_figure(reply, facts)


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


def _new_figure(reply: str, facts: str) -> str | None:
    for reason, figures in _FIGURES:
        if figures(reply) - figures(facts):
            return reason
    known = phones(facts)  # '98765 43210' is the end of '+91 98765 43210'
    if any(not any(k.endswith(p) for k in known) for p in phones(reply)):
        return "a phone number"
    return None


def _new_statement(reply: str, facts: str) -> str | None:
    folded_facts = _folded(facts)
    if any(_folded(count) not in folded_facts for count in stock_counts(reply)):
        return "a stock count"
    if _DISCOUNT.search(reply) and not _DISCOUNT.search(facts):
        return "a discount"
    for match in _ORDER_STATUS.finditer(reply):
        if _folded(match.group(0)) not in folded_facts:
            return "an order status"
    return None


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _prefix(text: str, limit: int) -> str:
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return text[:index]
    return text
