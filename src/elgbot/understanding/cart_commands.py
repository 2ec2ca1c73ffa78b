"""The cart's commands, understood at every step: "remove 2", "remove the studs",
"clear cart", "checkout"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from elgbot.catalog.grades import Shape
from elgbot.understanding.commands import numbered
from elgbot.understanding.jewelry_query import names_a_piece
from elgbot.understanding.words import normalise


class CartAction(StrEnum):
    REMOVE = "remove"
    CLEAR = "clear"
    CHECKOUT = "checkout"


@dataclass(frozen=True, slots=True)
class CartCommand:
    action: CartAction
    position: int | None = None  # for REMOVE: the item's number as the cart shows it
    words: tuple[str, ...] = ()  # for REMOVE without a number: what names the item
    positions: tuple[int, ...] = ()  # for REMOVE of several: "remove 1 and 3"
    of_option: bool = False  # "remove option 3": the number of a search result


_REMOVE: Final = re.compile(
    r"^(?:please\s+)?(?:remove|delete|drop|hatao|hata do)\s+(?:from\s+(?:my\s+|the\s+)?cart\s+)?"
    r"(?:item|product|(option)|no\.?|number|#)?"
    r"\s*(-?\d{1,3})(?:\s+from\s+(?:my\s+|the\s+)?cart)?$"
)
_REMOVE_SEVERAL: Final = re.compile(
    r"^(?:please\s+)?(?:remove|delete|drop|hatao|hata do)\s+(?:from\s+(?:my\s+|the\s+)?cart\s+)?"
    r"(?:items?|products?|options?|numbers?|no\.?|#)?\s*"
    r"(\d{1,3}(?:(?:\s*(?:and|aur|\+|/)\s*|\s+)\d{1,3})+)(?:\s+from\s+(?:my\s+|the\s+)?cart)?$"
)
_REMOVE_NAMED: Final = re.compile(
    r"^(?:please\s+|pls\s+|plz\s+)?(?:remove|delete|take\s+out)\s+(.+?)"
    r"(\s+(?:from|in|out\s+of)\s+(?:my\s+|the\s+)?cart)?(?:\s+(?:please|pls|plz))?$"
)
# Words that say nothing about which item: "remove *the* ring *from my cart* please".
_FILLERS: Final = frozenset(
    {"the", "my", "a", "an", "one", "this", "that", "it", "item", "product", "please", "pls"}
    | {"plz", "wala", "wali", "vala", "vali", "ct", "cts", "carat", "carats", "in", "of", "with"}
)
# Words that name an item, so "remove the round one" is the cart and "remove my data" not.
_ITEM_WORDS: Final = frozenset({"diamond", "diamonds", "stone", "stones", "melee", "parcel"}) | {
    shape.value.lower() for shape in Shape
}
_CLEAR: Final = frozenset(
    {"clear cart", "clear my cart", "clear the cart", "empty cart", "empty my cart"}
    | {"empty the cart", "remove all", "delete all", "cart clear"}
)
_CHECKOUT: Final = frozenset(
    {"checkout", "check out", "proceed to checkout", "buy now", "place order", "place my order"}
    | {"pay now", "order now", "proceed to pay", "proceed to payment", "confirm order"}
    | {"confirm my order", "chekout", "checkut", "check-out", "make payment"}
)
# Said around a command and meaning nothing: "checkout pls", "clear my cart please".
_COURTESY: Final = re.compile(r"\s+(?:please|pls|plz|now|sir|madam|mam)$")


def read_cart_command(text: str) -> CartCommand | None:
    # "remove the second one" is remove 2; "remove one" stays unsure which.
    words = numbered(normalise(text).rstrip("!."), cardinals=False)
    if match := _REMOVE.match(words):
        return CartCommand(CartAction.REMOVE, int(match.group(2)), of_option=bool(match.group(1)))
    if match := _REMOVE_SEVERAL.match(words):  # "remove 1, 3" (the comma is gone by now)
        numbers = tuple(dict.fromkeys(int(n) for n in re.findall(r"\d+", match.group(1))))
        return CartCommand(CartAction.REMOVE, positions=numbers)
    if (named := _remove_named(words)) is not None:
        return named
    plain = _COURTESY.sub("", words)
    if plain in _CLEAR:
        return CartCommand(CartAction.CLEAR)
    if plain in _CHECKOUT:
        return CartCommand(CartAction.CHECKOUT)
    return None


def _remove_named(words: str) -> CartCommand | None:
    """ "remove the studs", "delete round diamond from cart": the item by its words, when
    the message says cart or names a kind of item."""
    match = _REMOVE_NAMED.match(words)
    if match is None or words in _CLEAR:
        return None
    named = tuple(w for w in match.group(1).split() if w not in _FILLERS)
    about_an_item = match.group(2) or names_a_piece(match.group(1)) or _ITEM_WORDS & set(named)
    if not about_an_item:  # "remove it from cart" names none: the bot asks which
        return None
    return CartCommand(CartAction.REMOVE, words=named)
