"""Lab Jewelry as a conversation: asking, results, add to cart, a bespoke design."""

from __future__ import annotations

from dataclasses import replace

import pytest

from elgbot.catalog.jewelry import (
    JewelryKind,
    JewelryQuery,
    Material,
    Metal,
    MetalColor,
    MetalWish,
    Piece,
    Style,
)
from elgbot.commerce.cart import ItemKind
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import AddOutcome, AddToCart, CartAdded, CustomerSaid, Turn
from elgbot.conversation.machine import Conversation
from elgbot.conversation.menu_events import (
    ClosestPieces,
    JewelryFound,
    RecordDesignQuote,
    SearchJewelry,
)
from elgbot.conversation.session import Session, ShownItem, Step

COPY = Copy().with_site("https://elg.com")
BOT = Conversation(COPY)
ROSE_18K = MetalWish(Material.GOLD, 18, MetalColor.ROSE)
RING_WISH = JewelryQuery(JewelryKind.RING, metal=ROSE_18K, budget_max_inr=60_000)
HALO = Piece(
    "J-1",
    JewelryKind.RING,
    Style.HALO,
    "Halo Ring in 18K Rose Gold",
    Metal(Material.GOLD, 18, MetalColor.ROSE),
    58_000,
    0.7,
    "F",
    "VS1",
)
ASKING = Session(step=Step.COLLECT_JEWELRY)
SHOWN = Session(
    step=Step.JEWELRY_RESULTS_SHOWN,
    jewelry=RING_WISH,
    shown=(ShownItem("J-1", HALO.title, ItemKind.JEWELRY),),
)


def say(session: Session, text: str) -> Turn:
    return BOT.step(session, CustomerSaid(text))


@pytest.mark.parametrize("choice", ["2", "Lab Jewelry", "jewellery", "jewelery"])
def test_menu_2_asks_what_they_are_looking_for(choice: str) -> None:
    turn = say(Session(), choice)
    assert turn.session.step is Step.COLLECT_JEWELRY
    assert turn.replies == (COPY.jewelry_question,)


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("ring in 18k rose gold under 60k", RING_WISH),
        (
            "studs below 40000",
            JewelryQuery(JewelryKind.EARRINGS, Style.STUDS, budget_max_inr=40_000),
        ),
        (
            "platinum band size 14",
            JewelryQuery(JewelryKind.RING, Style.BAND, MetalWish(Material.PLATINUM), ring_size=14),
        ),
        (
            "rose gold",
            JewelryQuery(metal=MetalWish(Material.GOLD, color=MetalColor.ROSE)),
        ),  # partial
    ],
)
def test_one_message_is_enough_to_search(text: str, query: JewelryQuery) -> None:
    turn = say(ASKING, text)
    assert turn.effects == (SearchJewelry(query),)
    assert turn.session.spec_text == text


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("asdfgh", "could not tell which piece"),
        ("ok", "could not tell which piece"),
        ("ring size 45", "Indian ring sizes run from 1 to 30"),
        ("platinum 18k ring", "Platinum has no karat"),
    ],
)
def test_wrong_input_is_explained_and_nothing_is_searched(text: str, says: str) -> None:
    turn = say(ASKING, text)
    assert turn.effects == ()
    assert says in turn.replies[0]
    assert turn.session.step is Step.COLLECT_JEWELRY


def test_a_wish_typed_at_the_menu_goes_straight_to_the_search() -> None:
    turn = say(Session(), "studs below 40000")
    assert isinstance(turn.effects[0], SearchJewelry)


def test_found_pieces_show_title_metal_stones_price_and_link() -> None:
    turn = BOT.step(Session(step=Step.COLLECT_JEWELRY, jewelry=RING_WISH), JewelryFound((HALO,)))
    assert turn.session.step is Step.JEWELRY_RESULTS_SHOWN
    made_to_size = ShownItem("J-1", HALO.title, ItemKind.JEWELRY, made_to_size=True)
    assert turn.session.shown == (made_to_size,)
    [text] = turn.replies
    assert text.startswith("Here are some pieces for you (ring · 18K rose gold · up to ₹60,000):")
    assert (
        "1. Halo Ring in 18K Rose Gold\n   18K Rose Gold | 0.7ct F VS1 | ₹58,000\n"
        "   https://elg.com/jewelry/J-1"
    ) in text
    assert "Reply: add to cart 1" in text


@pytest.mark.parametrize("text", ["add to cart 1", "add 1", "buy 1"])
def test_add_to_cart_works_as_for_diamonds(text: str) -> None:
    assert say(SHOWN, text).effects == (AddToCart(1, SHOWN.shown[0]),)


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("add to cart -1", COPY.no_such_option.format(n=-1, count=1)),
        ("add to cart 0", COPY.no_such_option.format(n=0, count=1)),
        ("ring size 45", "Indian ring sizes run from 1 to 30"),
    ],
)
def test_a_wrong_option_or_an_unreadable_change_keeps_the_results(text: str, reply: str) -> None:
    turn = say(SHOWN, text)
    assert (turn.session, turn.effects) == (SHOWN, ())  # no search: no melee "-1" sieve either
    assert reply in turn.replies[0]
    assert say(turn.session, "add to cart 1").effects == (AddToCart(1, SHOWN.shown[0]),)


def test_the_cart_confirms_a_piece_with_the_jewellery_link() -> None:
    turn = BOT.step(SHOWN, CartAdded(1, AddOutcome.ADDED, ItemKind.JEWELRY))
    assert turn.replies == (
        "✅ Product 1 has been added to your cart.\nContinue shopping: https://elg.com/jewelry",
    )


def test_a_piece_added_twice_is_not_called_a_unique_stone() -> None:
    [reply] = BOT.step(SHOWN, CartAdded(1, AddOutcome.ALREADY_IN_CART, ItemKind.JEWELRY)).replies
    assert reply == COPY.jewelry_already_in_cart.format(n=1)
    assert "unique" not in reply
    assert "*agent*" in reply  # more than one is arranged by the team


def test_a_change_after_results_searches_again_keeping_the_rest() -> None:
    turn = say(SHOWN, "in white gold")
    white = MetalWish(Material.GOLD, color=MetalColor.WHITE)
    assert turn.effects == (
        SearchJewelry(JewelryQuery(JewelryKind.RING, metal=white, budget_max_inr=60_000)),
    )


@pytest.mark.parametrize(
    ("wish", "described"),
    [
        (
            JewelryQuery(JewelryKind.RING, Style.SOLITAIRE, carat_min=1, carat_max=1),
            "solitaire ring · 1ct diamonds",
        ),
        (
            JewelryQuery(JewelryKind.EARRINGS, carat_min=0.5, carat_max=1),
            "earrings · 0.5–1ct diamonds",
        ),
        (JewelryQuery(JewelryKind.PENDANT, carat_max=0.3), "pendant · up to 0.3ct diamonds"),
        (JewelryQuery(JewelryKind.RING, engagement=True), "engagement ring"),
    ],
)
def test_the_results_say_the_weight_and_occasion_searched(
    wish: JewelryQuery, described: str
) -> None:
    turn = BOT.step(Session(step=Step.COLLECT_JEWELRY, jewelry=wish), JewelryFound((HALO,)))
    assert turn.replies[0].startswith(f"Here are some pieces for you ({described}):")


def test_nothing_as_asked_shows_the_closest_pieces_and_keeps_the_wish() -> None:
    wish = replace(RING_WISH, carat_min=2.0, carat_max=2.0)
    asked = Session(step=Step.COLLECT_JEWELRY, jewelry=wish, spec_text="2ct rose gold ring")
    turn = BOT.step(asked, JewelryFound((), closest=ClosestPieces(("carat weight",), (HALO,))))
    [reply] = turn.replies
    assert reply.startswith(
        "We have no ring · 2ct diamonds · 18K rose gold · up to ₹60,000 in stock right now."
        " The closest pieces, with another carat weight:\n\n1. Halo Ring in 18K Rose Gold"
    )
    assert reply.endswith(COPY.jewelry_closest_quote)
    assert [item.stock_id for item in turn.session.shown] == ["J-1"]
    assert turn.session.jewelry == wish  # "quote" files what was asked, not what was shown
    quoted = say(turn.session, "quote")
    assert quoted.effects == (RecordDesignQuote(wish, "2ct rose gold ring"),)


def test_nothing_found_offers_a_bespoke_design_and_records_it() -> None:
    asked = Session(step=Step.COLLECT_JEWELRY, jewelry=RING_WISH, spec_text="rose gold ring 60k")
    offered = BOT.step(asked, JewelryFound(()))
    assert offered.session.step is Step.DESIGN_SUGGESTION
    [reply] = offered.replies
    assert reply.startswith(COPY.design_suggestion)
    # What was searched, since parts of earlier messages stay until changed.
    assert "Your search: ring · 18K rose gold · up to ₹60,000" in reply
    assert "lowest price" not in reply
    priced = BOT.step(asked, JewelryFound((), lowest_price_inr=72_000)).replies[0]
    assert "up to ₹60,000\nOur lowest price for this is ₹72,000: send a higher budget" in priced
    accepted = say(offered.session, "yes")
    assert accepted.session.step is Step.DESIGN_REQUESTED
    assert accepted.effects == (RecordDesignQuote(RING_WISH, "rose gold ring 60k"),)
    assert "https://elg.com/quote" in accepted.replies[0]
    described = say(accepted.session, "a vine pattern band, size 12")
    assert described.effects == (
        RecordDesignQuote(RING_WISH, "a vine pattern band, size 12", follow_up=True),
    )
    assert described.session.step is Step.MAIN_MENU


@pytest.mark.parametrize(
    ("text", "step", "reply"),
    [
        ("no", Step.COLLECT_JEWELRY, COPY.design_declined),
        ("hmm", Step.DESIGN_SUGGESTION, COPY.design_question_again),
    ],
)
def test_the_design_question_takes_no_or_asks_again(text: str, step: Step, reply: str) -> None:
    turn = say(Session(step=Step.DESIGN_SUGGESTION), text)
    assert (turn.session.step, turn.replies) == (step, (reply,))


def test_back_from_results_asks_again() -> None:
    turn = say(SHOWN, "back")
    assert turn.session.step is Step.COLLECT_JEWELRY
    assert turn.replies == (COPY.jewelry_question,)


@pytest.mark.parametrize(
    "text", ["earrings", "show me necklaces", "pendant", "Bracelets pls", "studs", "hoops", "rings"]
)
def test_a_piece_named_at_the_menu_goes_straight_to_the_search(text: str) -> None:
    turn = say(Session(), text)
    assert turn.session.step is Step.COLLECT_JEWELRY
    assert isinstance(turn.effects[0], SearchJewelry)


@pytest.mark.parametrize("text", ["drop", "band", "tops"])
def test_a_style_word_alone_at_the_menu_is_not_taken_for_jewellery(text: str) -> None:
    assert say(Session(), text).session.step is not Step.COLLECT_JEWELRY


def test_a_chain_after_a_ring_is_not_a_ring_search_but_said_to_be_out_of_range() -> None:
    ring = say(Session(step=Step.COLLECT_JEWELRY), "engagement ring").session
    turn = say(ring, "gold chain")
    assert turn.effects == ()  # neither the ring again nor a tennis necklace
    assert turn.replies == (COPY.jewelry_not_in_range.format(pieces="chains"),)
    assert turn.session.jewelry == JewelryQuery(metal=MetalWish(Material.GOLD))


NOT_IN_RANGE_AT = [
    pytest.param(Session(), id="menu"),
    pytest.param(ASKING, id="asking"),
    pytest.param(SHOWN, id="results"),
    pytest.param(Session(step=Step.DESIGN_SUGGESTION, jewelry=RING_WISH), id="design offer"),
    pytest.param(Session(step=Step.COLLECT_MELEE), id="melee"),
]


@pytest.mark.parametrize("session", NOT_IN_RANGE_AT)
@pytest.mark.parametrize(
    ("text", "pieces", "wish"),
    [
        ("mangalsutra", "mangalsutras", JewelryQuery()),
        ("mangalsutra under 50k", "mangalsutras", JewelryQuery(budget_max_inr=50_000)),
        ("chain for husband", "chains", JewelryQuery()),
        (
            "anklets in white gold",
            "anklets",
            JewelryQuery(metal=MetalWish(Material.GOLD, color=MetalColor.WHITE)),
        ),
    ],
)
def test_a_piece_not_in_the_range_is_said_and_a_bespoke_design_offered(
    session: Session, text: str, pieces: str, wish: JewelryQuery
) -> None:
    offered = say(session, text)
    assert offered.effects == ()  # no other piece is shown in its place
    assert offered.replies == (COPY.jewelry_not_in_range.format(pieces=pieces),)
    assert (offered.session.step, offered.session.shown) == (Step.DESIGN_SUGGESTION, ())
    accepted = say(offered.session, "yes")
    assert accepted.session.step is Step.DESIGN_REQUESTED
    assert accepted.effects == (RecordDesignQuote(wish, text),)


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("nose ring", JewelryQuery(JewelryKind.NOSE_PIN)),
        ("pendant with chain", JewelryQuery(JewelryKind.PENDANT)),
        ("tennis chain", JewelryQuery(JewelryKind.NECKLACE, Style.TENNIS)),
    ],
)
def test_words_for_pieces_of_the_range_search_them(text: str, query: JewelryQuery) -> None:
    assert say(ASKING, text).effects == (SearchJewelry(query),)


def test_any_budget_at_results_searches_again_without_it() -> None:
    turn = say(SHOWN, "any budget")
    [search] = turn.effects
    assert isinstance(search, SearchJewelry)
    assert search.query == replace(SHOWN.jewelry, budget_min_inr=None, budget_max_inr=None)


def test_quote_at_jewellery_results_asks_for_a_bespoke_design() -> None:
    session = replace(SHOWN, spec_text="rose gold ring 60k")
    turn = say(session, "quote")
    assert turn.session.step is Step.DESIGN_REQUESTED
    assert turn.effects == (RecordDesignQuote(SHOWN.jewelry, "rose gold ring 60k"),)


def test_quote_before_any_search_files_only_the_description_that_follows() -> None:
    turn = say(Session(step=Step.COLLECT_JEWELRY), "quote")
    assert turn.session.step is Step.DESIGN_REQUESTED
    assert turn.effects == ()
    [design] = say(turn.session, "a vine pattern band, size 12").effects
    assert isinstance(design, RecordDesignQuote)


def test_any_metal_after_nothing_was_found_searches_again_without_it() -> None:
    offered = BOT.step(Session(step=Step.COLLECT_JEWELRY, jewelry=RING_WISH), JewelryFound(()))
    turn = say(offered.session, "any metal")
    assert turn.effects == (SearchJewelry(JewelryQuery(JewelryKind.RING, budget_max_inr=60_000)),)


# ---- a ring made to the customer's size --------------------------------------------------
MADE_TO_SIZE = ShownItem("J-1", HALO.title, ItemKind.JEWELRY, made_to_size=True)
SIZED_BAND = ShownItem("J-2", "Classic Band", ItemKind.JEWELRY, ring_size=16)
STUDS = ShownItem("J-3", "Solitaire Studs", ItemKind.JEWELRY)
RINGS_SHOWN = replace(SHOWN, shown=(MADE_TO_SIZE, SIZED_BAND, STUDS))
ASKED_SIZE = replace(RINGS_SHOWN, waiting=(1,)).at(Step.ASK_RING_SIZE)


def test_results_remember_which_rings_are_made_to_size_and_the_size_searched() -> None:
    band = replace(HALO, stock_id="J-2", style=Style.BAND, ring_size=16)
    studs = replace(HALO, stock_id="J-3", kind=JewelryKind.EARRINGS, style=Style.STUDS)
    wish = replace(RING_WISH, ring_size=12)
    found = BOT.step(Session(jewelry=wish), JewelryFound((HALO, band, studs))).session.shown
    assert [(i.ring_size, i.made_to_size) for i in found] == [
        (12, True),
        (16, False),
        (None, False),
    ]


def test_a_ring_made_to_size_asks_the_size_before_it_goes_in_the_cart() -> None:
    turn = say(RINGS_SHOWN, "add to cart 1")
    assert turn.effects == ()
    assert turn.session == ASKED_SIZE
    assert turn.replies == (COPY.ring_size_question.format(products="Product 1 is"),)


@pytest.mark.parametrize(
    ("text", "size"), [("12", 12), ("size 14.5", 14.5), ("my size is 16", 16), ("#9", 9)]
)
def test_the_size_answer_adds_the_ring_in_that_size(text: str, size: float) -> None:
    turn = say(ASKED_SIZE, text)
    assert turn.effects == (AddToCart(1, replace(MADE_TO_SIZE, ring_size=size)),)
    assert (turn.session.step, turn.session.waiting) == (Step.JEWELRY_RESULTS_SHOWN, ())


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("40", COPY.ring_size_range),
        ("size 0", COPY.ring_size_range),
        ("not sure", COPY.ring_size_help),
        ("I don't know my size", COPY.ring_size_help),
        ("how do i measure", COPY.ring_size_help),
    ],
)
def test_an_impossible_or_unknown_size_keeps_the_question_open(text: str, reply: str) -> None:
    turn = say(ASKED_SIZE, text)
    assert (turn.session, turn.replies, turn.effects) == (ASKED_SIZE, (reply,), ())


def test_the_size_can_come_with_the_add_command() -> None:
    turn = say(RINGS_SHOWN, "add to cart 1 size 12")
    assert turn.effects == (AddToCart(1, replace(MADE_TO_SIZE, ring_size=12)),)
    assert say(RINGS_SHOWN, "add 1 in ring size 13.5").effects[0] == AddToCart(
        1, replace(MADE_TO_SIZE, ring_size=13.5)
    )


def test_a_size_searched_for_needs_no_question() -> None:
    sized = replace(RINGS_SHOWN, shown=(replace(MADE_TO_SIZE, ring_size=12),))
    assert say(sized, "add to cart 1").effects == (AddToCart(1, sized.shown[0]),)


def test_a_ring_made_in_one_size_is_not_added_in_another() -> None:
    turn = say(RINGS_SHOWN, "add to cart 2 size 12")
    assert turn.effects == ()
    assert turn.replies == (COPY.ring_size_fixed.format(n=2, size="16", asked="12"),)
    assert say(RINGS_SHOWN, "add to cart 2 size 16").effects == (AddToCart(2, SIZED_BAND),)
    assert say(RINGS_SHOWN, "add to cart 3").effects == (AddToCart(3, STUDS),)


def test_other_words_leave_the_size_question_for_what_they_say() -> None:
    searched = say(ASKED_SIZE, "in white gold")
    assert isinstance(searched.effects[0], SearchJewelry)
    assert searched.session.waiting == ()
    cart = say(ASKED_SIZE, "cart")  # a look at the cart leaves the question open
    assert cart.session == ASKED_SIZE
    other = say(ASKED_SIZE, "add to cart 3")
    assert other.effects == (AddToCart(3, STUDS),)
    assert other.session.step is Step.JEWELRY_RESULTS_SHOWN
    assert say(ASKED_SIZE, "menu").session.step is Step.MAIN_MENU


def test_the_added_reply_names_the_size() -> None:
    turn = BOT.step(RINGS_SHOWN, CartAdded(1, AddOutcome.ADDED, ItemKind.JEWELRY, 14.5))
    assert turn.replies[0].startswith("✅ Product 1 in size 14.5 has been added to your cart.")


def test_several_options_in_one_message_go_in_together() -> None:
    with_parcel = replace(
        RINGS_SHOWN, shown=(*RINGS_SHOWN.shown, ShownItem("M-1", "Melee", ItemKind.MELEE))
    )
    turn = say(with_parcel, "add to cart 2, 3")
    assert turn.effects == (AddToCart(2, SIZED_BAND), AddToCart(3, STUDS))
    assert (turn.session, turn.replies) == (with_parcel, ())
    # Rings made to size share one size question; a parcel asks for its quantity.
    mixed = say(with_parcel, "add 1 and 3 and 4")
    assert mixed.effects == (AddToCart(3, STUDS),)
    assert mixed.replies == (
        COPY.melee_quantity_first.format(n=4),
        COPY.ring_size_question.format(products="Product 1 is"),
    )
    assert mixed.session.waiting == (1,)


def test_one_size_answer_adds_every_ring_waiting_for_it() -> None:
    two_rings = replace(RINGS_SHOWN, shown=(MADE_TO_SIZE, replace(MADE_TO_SIZE, stock_id="J-4")))
    asked = say(two_rings, "add 1 & 2")
    assert asked.replies == (COPY.ring_size_question.format(products="Products 1 and 2 are"),)
    added = say(asked.session, "13")
    assert added.effects == (
        AddToCart(1, replace(MADE_TO_SIZE, ring_size=13)),
        AddToCart(2, replace(MADE_TO_SIZE, stock_id="J-4", ring_size=13)),
    )


def test_one_wrong_number_among_several_adds_nothing() -> None:
    turn = say(RINGS_SHOWN, "add to cart 2, 7")
    assert turn.effects == ()
    assert turn.replies == (COPY.no_such_option.format(n=7, count=3),)
