"""The cart's commands at every step, and what the bot says back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from elgbot.catalog.jewelry import JewelryKind, JewelryQuery
from elgbot.catalog.melee import MeleeQuery
from elgbot.commerce.cart import CartItem, ItemKind
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import AddToCart, CustomerSaid, Turn
from elgbot.conversation.machine import Conversation
from elgbot.conversation.menu_events import (
    CartCleared,
    CartItemRemoved,
    CheckoutStarted,
    ClearCart,
    RemoveFromCart,
    StartCheckout,
)
from elgbot.conversation.session import Session, ShownItem, Step

COPY = Copy().with_site("https://elg.com")
BOT = Conversation(COPY)


def say(session: Session, text: str) -> Turn:
    return BOT.step(session, CustomerSaid(text))


@pytest.mark.parametrize("step", list(Step))
@pytest.mark.parametrize(
    ("text", "effect"),
    [
        ("remove 2", RemoveFromCart(2)),
        ("Remove item 1 from my cart", RemoveFromCart(1)),
        ("delete #3", RemoveFromCart(3)),
        ("clear cart", ClearCart()),
        ("empty my cart", ClearCart()),
        ("checkout", StartCheckout()),
        ("Check out!", StartCheckout()),
    ],
)
def test_cart_commands_work_at_every_step(step: Step, text: str, effect: object) -> None:
    turn = say(Session(step=step), text)
    assert turn.effects == (effect,)
    assert turn.session.step is step


@pytest.mark.parametrize(
    ("step", "note"),
    [
        (Step.ASK_RING_SIZE, COPY.checkout_without_ring),
        (Step.ASK_MELEE_QUANTITY, COPY.checkout_without_melee),
    ],
)
def test_checkout_while_an_item_waits_says_it_is_not_in_the_cart(step: Step, note: str) -> None:
    ring = ShownItem("J-1", "Halo Ring", ItemKind.JEWELRY, made_to_size=True)
    waiting = Session(step=step, shown=(ring, ring), waiting=(2,))
    turn = say(waiting, "checkout")
    assert turn.replies == (note.format(n=2),)
    assert turn.effects == (StartCheckout(),)
    assert turn.session == waiting  # a size sent next still adds the ring


def test_picking_in_words_adds_only_where_options_are_on_the_screen() -> None:
    shown = (ShownItem("RD-1", "Round 1ct"), ShownItem("RD-2", "Round 1.1ct"))
    picked = say(Session(step=Step.DIAMOND_RESULTS_SHOWN, shown=shown), "I'll take 2")
    assert [type(e).__name__ for e in picked.effects] == ["AddToCart"]
    # Describing a stone, "i want 2" is not option 2 of a list long gone.
    asked = say(Session(step=Step.COLLECT_DIAMOND_SPECS, shown=shown), "I'll take 2")
    assert not any(type(e).__name__ == "AddToCart" for e in asked.effects)


def test_remove_option_n_with_results_on_screen_means_the_item_shown_as_n() -> None:
    shown = (ShownItem("RD-1", "Round 1ct"), ShownItem("RD-2", "Round 1.1ct"))
    results = Session(step=Step.DIAMOND_RESULTS_SHOWN, shown=shown)
    assert say(results, "remove option 2").effects == (
        RemoveFromCart(None, ("Round 1.1ct",), item_id="RD-2"),
    )
    assert say(results, "remove 2").effects == (RemoveFromCart(2),)  # the cart's number
    assert say(Session(), "remove option 2").effects == (RemoveFromCart(2),)  # no results


@pytest.mark.parametrize("text", ["add it", "yes add that one", "ok I'll take it"])
def test_add_it_adds_the_only_option_on_the_screen(text: str) -> None:
    one = Session(step=Step.DIAMOND_RESULTS_SHOWN, shown=(ShownItem("RD-1", "Round 1ct"),))
    assert [type(e).__name__ for e in say(one, text).effects] == ["AddToCart"]
    two = replace(one, shown=(*one.shown, ShownItem("RD-2", "Round 1.1ct")))
    assert not say(two, text).effects  # which one? nothing is added on a guess


def test_add_all_adds_every_option_on_the_screen() -> None:
    shown = (ShownItem("RD-1", "Round 1ct"), ShownItem("RD-2", "Round 1.1ct"))
    turn = say(Session(step=Step.DIAMOND_RESULTS_SHOWN, shown=shown), "add all")
    assert [e.option for e in turn.effects if isinstance(e, AddToCart)] == [1, 2]


def test_several_items_are_removed_highest_number_first() -> None:
    # Removing 1 first would make the cart's 3 its 2: the numbers mean what was shown.
    turn = say(Session(step=Step.MAIN_MENU), "remove 1 and 3")
    assert turn.effects == (RemoveFromCart(3), RemoveFromCart(1))


@pytest.mark.parametrize(
    "text", ["remove", "remove my data", "clear my head", "check", "clear", "proceed"]
)
def test_half_a_command_is_not_a_cart_command(text: str) -> None:
    effects = say(Session(step=Step.COLLECT_JEWELRY), text).effects
    assert not any(isinstance(e, RemoveFromCart | ClearCart | StartCheckout) for e in effects)


def test_removing_says_what_went_or_that_there_is_no_such_item() -> None:
    ring = CartItem(ItemKind.JEWELRY, "J-1", "Halo Ring in 18K Rose Gold", 58_000)
    [gone] = BOT.step(Session(), CartItemRemoved(2, ring)).replies
    assert gone.startswith("Removed from your cart: Halo Ring in 18K Rose Gold.")
    [missing] = BOT.step(Session(), CartItemRemoved(9, None)).replies
    assert missing == COPY.no_such_cart_item.format(n=9)


@pytest.mark.parametrize(
    ("text", "effect"),
    [
        ("remove the ring", RemoveFromCart(None, ("ring",))),
        ("remove nose pin", RemoveFromCart(None, ("nose", "pin"))),
        ("delete studs from my cart", RemoveFromCart(None, ("studs",))),
        ("remove the round diamond please", RemoveFromCart(None, ("round", "diamond"))),
        ("take out the 14k white one", None),  # names no kind of item, nor the cart
        ("take out the 14k white one from cart", RemoveFromCart(None, ("14k", "white"))),
        ("remove it from the cart", RemoveFromCart(None, ())),
    ],
)
def test_an_item_can_be_removed_by_its_name(text: str, effect: RemoveFromCart | None) -> None:
    effects = say(Session(step=Step.MAIN_MENU), text).effects
    removals = [e for e in effects if isinstance(e, RemoveFromCart)]
    assert removals == ([effect] if effect else [])


STUDS = CartItem(ItemKind.JEWELRY, "J-2", "Solitaire Studs", 28_000)
ROUND = CartItem(ItemKind.DIAMOND, "RD-1", "Round 1ct F VS1 Ideal", 95_000)


def test_a_name_that_fits_no_one_item_shows_the_cart_to_choose_by_number() -> None:
    [none] = BOT.step(Session(), CartItemRemoved(0, None, ("pin",), 0, (STUDS, ROUND))).replies
    assert none.startswith("Nothing in your cart fits “pin”.\n\nYour cart:\n1. Solitaire Studs")
    assert "2. Round 1ct F VS1 Ideal | ₹95,000" in none
    assert none.endswith("Send *remove* and the item's number, e.g. *remove 2*.")
    [several] = BOT.step(Session(), CartItemRemoved(0, None, ("s",), 2, (STUDS, ROUND))).replies
    assert several.startswith("“s” fits 2 items in your cart.")
    [which] = BOT.step(Session(), CartItemRemoved(0, None, (), 2, (STUDS, ROUND))).replies
    assert which.startswith(COPY.remove_which)
    [empty] = BOT.step(Session(), CartItemRemoved(0, None, ("pin",))).replies
    assert empty == COPY.cart_empty


def test_clearing_says_the_cart_is_empty() -> None:
    assert BOT.step(Session(), CartCleared()).replies == (COPY.cart_cleared,)


def test_checkout_gives_a_link_that_identifies_the_cart() -> None:
    [text] = BOT.step(Session(), CheckoutStarted("tok123", 2, 1_90_000)).replies
    assert "https://elg.com/checkout?cart=tok123" in text
    assert "Total: ₹1,90,000 for 2 item(s)" in text
    assert BOT.step(Session(), CheckoutStarted(None)).replies == (COPY.checkout_empty,)


def test_a_session_with_jewellery_melee_and_orders_survives_its_json_form() -> None:
    session = Session(
        step=Step.MELEE_RESULTS_SHOWN,
        jewelry=JewelryQuery(
            JewelryKind.RING, ring_size=14, budget_max_inr=60_000, carat_min=1, engagement=True
        ),
        melee=MeleeQuery(
            1.8, 1.9, "+6.5 -7", carats=10, budget_inr=9_000, budget_per_carat=True, stones=400
        ),
        orders=("ELG-1",),
        shown=(
            ShownItem("RD-1", "Round 1.5ct"),
            ShownItem("RD-2", "Round 2ct", price_inr=95_000),
            ShownItem("M-1", "Melee +6.5 -7", ItemKind.MELEE, 10),
            ShownItem("J-1", "Halo Ring", ItemKind.JEWELRY, None, 14.5, made_to_size=True),
        ),
        waiting=(3,),
    )
    assert Session.from_json(session.to_json()) == session


def test_a_jewellery_option_stored_before_ring_sizes_still_reads() -> None:
    old = {"step": "jewelry_results_shown", "shown": [["J-1", "Halo", "jewelry", None]]}
    assert Session.from_json(old).shown == (ShownItem("J-1", "Halo", ItemKind.JEWELRY),)


def test_a_session_stored_before_this_feature_still_reads() -> None:
    old = {"step": "diamond_results_shown", "shown": [["RD-1", "Round 1.5ct"]]}
    assert Session.from_json(old).shown == (ShownItem("RD-1", "Round 1.5ct"),)
