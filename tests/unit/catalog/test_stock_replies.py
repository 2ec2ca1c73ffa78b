"""What customers read about stock: the stretch option's label, and cart flags for stones
sold, withdrawn or repriced since they were added."""

from __future__ import annotations

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.listing import StockState
from elgbot.catalog.matching import Match
from elgbot.catalog.stone import Stone
from elgbot.commerce.cart import CartItem, ItemKind
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import CheckedCartItem
from elgbot.conversation.replies import cart, results

COPY = Copy().with_site("https://elg.com")
STONE = Stone("RD-1", Shape.ROUND, 1.5, Color.D, Clarity.VS1, Cut.IDEAL, 1_05_000)
ITEM = CartItem(ItemKind.DIAMOND, "RD-1", "Round 1.5ct D VS1 Ideal", 95_000)


def test_a_stretch_option_says_how_far_over_budget_it_is() -> None:
    text = results(COPY, [Match(STONE, False, (), over_budget_inr=5_000)], "round")
    assert (
        "1. Round | 1.5ct | D | VS1 | Ideal | ₹1,05,000\n   (stretch: ₹5,000 over your budget)"
        in text
    )


def test_an_exact_match_carries_no_label() -> None:
    text = results(COPY, [Match(STONE, True, ())], "round")
    assert "stretch" not in text
    assert "close match" not in text


def test_a_diamond_still_on_offer_at_its_price_is_shown_plainly() -> None:
    text = cart(COPY, [CheckedCartItem.of(ITEM, StockState(True, 95_000))])
    assert text.splitlines()[:4] == [
        "Your cart:",
        "1. Round 1.5ct D VS1 Ideal | ₹95,000",
        "   https://elg.com/diamonds/RD-1",
        "Total: ₹95,000",
    ]


def test_a_repriced_diamond_shows_both_prices_and_counts_the_new_one() -> None:
    text = cart(COPY, [CheckedCartItem.of(ITEM, StockState(True, 99_000))])
    assert text.splitlines()[:5] == [
        "Your cart:",
        "1. Round 1.5ct D VS1 Ideal | ₹99,000",
        "   (price changed from ₹95,000 to ₹99,000)",
        "   https://elg.com/diamonds/RD-1",
        "Total: ₹99,000",
    ]


def test_a_diamond_no_longer_on_offer_is_flagged_and_left_out_of_the_total() -> None:
    other = CartItem(ItemKind.DIAMOND, "RD-2", "Round 1ct E VS2 Ideal", 50_000)
    items = [
        CheckedCartItem.of(ITEM, StockState(False, 95_000)),
        CheckedCartItem.of(other, StockState(True, 50_000)),
    ]
    lines = cart(COPY, items).splitlines()
    assert lines[1:3] == [
        "1. Round 1.5ct D VS1 Ideal | ₹95,000",
        "   (no longer available: sold or withdrawn, not in the total)",
    ]
    assert "Total: ₹50,000" in lines


def test_an_item_that_was_not_looked_up_is_shown_as_the_cart_holds_it() -> None:
    assert "Total: ₹95,000" in cart(COPY, [ITEM])


def test_every_cart_line_links_to_its_page_on_the_site() -> None:
    ring = CartItem(ItemKind.JEWELRY, "J-1", "Halo Ring in 18K Rose Gold", 55_300)
    parcel = CartItem(ItemKind.MELEE, "M-7", "+6.5 -7 EF VVS, 10 ct", 95_000, 10.0)
    lines = cart(COPY, [ITEM, ring, parcel]).splitlines()
    assert "   https://elg.com/diamonds/RD-1" in lines
    assert "   https://elg.com/jewelry/J-1" in lines
    assert "   https://elg.com/melee/M-7" in lines
