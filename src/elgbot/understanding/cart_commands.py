"""The cart's commands, understood at every step: "remove 2", "clear cart", "checkout"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from elgbot.understanding.words import normalise


class CartAction(StrEnum):
    REMOVE = "remove"
    CLEAR = "clear"
    CHECKOUT = "checkout"


@dataclass(frozen=True, slots=True)
class CartCommand:
    action: CartAction
    position: int | None = None  # for REMOVE: the item's number as the cart shows it


_REMOVE: Final = re.compile(
    r"^(?:please\s+)?(?:remove|delete|drop|hatao|hata do)\s+(?:item|product|option|no\.?|number|#)?"
    r"\s*(\d{1,3})(?:\s+from\s+(?:my\s+|the\s+)?cart)?$"
)
_CLEAR: Final = frozenset(
    {"clear cart", "clear my cart", "clear the cart", "empty cart", "empty my cart"}
    | {"empty the cart", "remove all", "delete all", "cart clear"}
)
_CHECKOUT: Final = frozenset(
    {"checkout", "check out", "proceed to checkout", "buy now", "place order", "place my order"}
    | {"pay now", "order now", "proceed to pay", "proceed to payment"}
)


def read_cart_command(text: str) -> CartCommand | None:
    words = normalise(text).rstrip("!.")
    if match := _REMOVE.match(words):
        return CartCommand(CartAction.REMOVE, int(match.group(1)))
    if words in _CLEAR:
        return CartCommand(CartAction.CLEAR)
    if words in _CHECKOUT:
        return CartCommand(CartAction.CHECKOUT)
    return None
