"""Which cart item a customer's words name ("remove the studs")."""

from __future__ import annotations

import pytest

from elgbot.commerce.cart import CartItem, ItemKind, named_by

STUDS = CartItem(ItemKind.JEWELRY, "J-1", "Solitaire Studs in 14K White Gold", 22_700)
ROUND = CartItem(ItemKind.DIAMOND, "RD-1", "Round 1.5ct D VS1 Ideal", 95_000)
MELEE = CartItem(ItemKind.MELEE, "M-1", "Melee +6.5 -7 EF VVS, 10 ct", 95_000, 10)


@pytest.mark.parametrize(
    ("item", "words", "named"),
    [
        (STUDS, ("studs",), True),
        (STUDS, ("stud",), True),  # a singular for the plural
        (STUDS, ("sol", "white"), True),  # a shortening
        (STUDS, ("white", "gold", "studs"), True),
        (STUDS, ("rose",), False),
        (STUDS, ("ring",), False),
        (STUDS, ("st",), False),  # two letters are too few to mean a word
        (ROUND, ("round", "diamond"), True),
        (ROUND, ("oval",), False),
        (ROUND, ("stone",), True),
        (MELEE, ("melee",), True),
        (MELEE, ("small", "diamonds"), True),
        (STUDS, (), True),  # no words: any item (the cart decides if it is one)
    ],
)
def test_words_name_an_item_by_its_title_or_kind(
    item: CartItem, words: tuple[str, ...], named: bool
) -> None:
    assert named_by(item, words) is named
