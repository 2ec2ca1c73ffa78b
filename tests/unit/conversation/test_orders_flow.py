"""Track My Order as a conversation: the sender's orders, an order id, and the privacy rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from elgbot.catalog.grades import Clarity, Color, Shape
from elgbot.catalog.stone import Stone
from elgbot.commerce.orders import Order, OrderStatus
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import AskAssistant, CustomerSaid, SearchDiamonds, Turn
from elgbot.conversation.machine import Conversation
from elgbot.conversation.menu_events import ListOrders, LookUpOrder, OrderLookedUp, OrdersListed
from elgbot.conversation.session import Session, ShownItem, Step

COPY = Copy().with_site("https://elg.com")
BOT = Conversation(COPY)
SHIPPED = Order(
    "ELG-1002",
    "+919812345678",
    OrderStatus.SHIPPED,
    ("Round 1.5ct D VS1 Ideal", "18K rose gold ring"),
    date(2025, 3, 1),
    date(2025, 3, 8),
    "https://track.example.com/AWB123",
)
DELIVERED = Order("ELG-1001", "+919812345678", OrderStatus.DELIVERED, ("Studs",), date(2025, 1, 5))
LISTED = Session(step=Step.ORDERS_SHOWN, orders=("ELG-1002", "ELG-1001"))
ASKED = Session(step=Step.ASK_ORDER_ID)


def say(session: Session, text: str) -> Turn:
    return BOT.step(session, CustomerSaid(text))


@pytest.mark.parametrize("choice", ["4", "Track My Order", "trak order", "order status"])
def test_menu_4_looks_up_the_senders_own_orders(choice: str) -> None:
    turn = say(Session(), choice)
    assert turn.effects == (ListOrders(),)


def test_a_number_without_orders_is_asked_for_the_order_id() -> None:
    turn = BOT.step(ASKED, OrdersListed(()))
    assert turn.session.step is Step.ASK_ORDER_ID
    assert turn.replies == (COPY.order_id_question,)


def test_a_number_with_orders_sees_them_with_status() -> None:
    turn = BOT.step(ASKED, OrdersListed((SHIPPED, DELIVERED)))
    assert turn.session == LISTED
    [text] = turn.replies
    assert "1. ELG-1002 | Shipped | placed 1 Mar 2025" in text
    assert "2. ELG-1001 | Delivered | placed 5 Jan 2025" in text


@pytest.mark.parametrize(
    ("session", "text", "effects"),
    [
        (LISTED, "1", (LookUpOrder("ELG-1002"),)),
        (LISTED, "#2", (LookUpOrder("ELG-1001"),)),
        (LISTED, "ELG-2001", (LookUpOrder("ELG-2001"),)),
        (ASKED, "my order id is elg 10234", (LookUpOrder("elg 10234"),)),
        (ASKED, "ELG-10234", (LookUpOrder("ELG-10234"),)),
        (LISTED, "7", ()),
        (LISTED, "hmm", ()),
    ],
)
def test_an_order_is_picked_by_number_or_id(
    session: Session, text: str, effects: tuple[LookUpOrder, ...]
) -> None:
    turn = say(session, text)
    assert turn.effects == effects
    if not effects:
        assert turn.replies


def test_an_order_of_this_number_shows_status_items_dates_and_tracking() -> None:
    [text] = BOT.step(LISTED, OrderLookedUp("ELG-1002", SHIPPED)).replies
    assert text.startswith(
        "Order ELG-1002: Shipped\nItems: Round 1.5ct D VS1 Ideal; 18K rose gold ring\n"
        "Placed: 1 Mar 2025\nExpected delivery: 8 Mar 2025\n"
        "Track your parcel: https://track.example.com/AWB123"
    )


def test_an_unknown_or_someone_elses_order_is_not_found_for_this_number_and_support_offered() -> (
    None
):
    [text] = BOT.step(ASKED, OrderLookedUp("ELG-7", None)).replies
    assert text == COPY.order_not_found.format(order_id="ELG-7")
    assert "cannot find order ELG-7 for this number" in text
    assert "*agent*" in text


def test_a_stone_with_the_id_instead_of_an_order_is_shown_as_option_1() -> None:
    stone = Stone("ELG-004068", Shape.ROUND, 1.0, Color.J, Clarity.VS2, None, 19_600)
    turn = BOT.step(ASKED, OrderLookedUp("elg 004068", None, stone))
    assert turn.session.shown == (ShownItem("ELG-004068", "Round 1ct J VS2", price_inr=19_600),)
    assert turn.session.step is Step.DIAMOND_RESULTS_SHOWN  # "cheaper" searches from it
    assert turn.session.spec.colors == (Color.J,)
    [text] = turn.replies
    assert text.startswith("ELG-004068 is a diamond in our catalogue, not an order:")
    assert "Reply: add to cart 1" in text
    assert COPY.order_id_hint in text


DIAMOND_RESULTS = Session(step=Step.DIAMOND_RESULTS_SHOWN)


@pytest.mark.parametrize(
    ("session", "text", "order_id"),
    [
        (Session(), "where is my order ELG-10234", "ELG-10234"),
        (Session(), "order status elg 10234?", "elg 10234"),
        (DIAMOND_RESULTS, "track ELG-1002 please", "ELG-1002"),
        (Session(step=Step.SUPPORT), "Where's my order #10234", "10234"),
        (Session(step=Step.COLLECT_JEWELRY), "tracking ELG-1002", "ELG-1002"),
        # An id with a word about it, or alone; a word before an id is not part of it.
        (Session(), "when will ELG-10235 arrive?", "ELG-10235"),
        (Session(), "ELG-10234", "ELG-10234"),
        (Session(), "status ELG-10234", "ELG-10234"),
        (Session(), "my order ELG-10235 not received yet", "ELG-10235"),
        (ASKED, "did you ship ELG-10235 yet", "ELG-10235"),
    ],
)
def test_asking_to_track_an_id_looks_it_up_from_any_step(
    session: Session, text: str, order_id: str
) -> None:
    turn = say(session, text)
    assert turn.effects == (LookUpOrder(order_id),)
    if session.step in (Step.MAIN_MENU, Step.SUPPORT):
        assert turn.session.step is Step.ASK_ORDER_ID  # a second id is looked up too
    else:
        assert turn.session == session  # mid-search: the results stay, "more" still works


def test_after_an_order_is_shown_a_search_is_a_search_not_an_order_id() -> None:
    looked_up = BOT.step(ASKED, OrderLookedUp("ELG-1002", SHIPPED)).session
    assert say(looked_up, "studs below 40000").session.step is Step.COLLECT_JEWELRY
    assert say(looked_up, "round 1ct G VS1 under 1 lakh").session.step is Step.COLLECT_DIAMOND_SPECS
    assert say(looked_up, "melee").session.step is Step.COLLECT_MELEE
    assert say(looked_up, "ELG-1001").effects == (LookUpOrder("ELG-1001"),)


@pytest.mark.parametrize(
    "text",
    [
        "tracking",
        "where is my order?",
        "has my order shipped",
        "when will my ring arrive",
        "I ordered a ring last week, no update",
    ],
)
@pytest.mark.parametrize(
    "step",
    [
        *(Step.MAIN_MENU, Step.SUPPORT, Step.DIAMOND_RESULTS_SHOWN, Step.COLLECT_MELEE),
        *(Step.ASK_ORDER_ID, Step.ORDERS_SHOWN),  # in Track My Order: the list again
    ],
)
def test_asking_to_track_without_an_id_lists_the_senders_orders(text: str, step: Step) -> None:
    assert say(Session(step=step), text).effects == (ListOrders(),)


@pytest.mark.parametrize(
    "text", ["I want to order a ring", "cancel my order ELG-1002", "under 50000", "rs 80000"]
)
def test_other_talk_of_orders_is_not_tracking(text: str) -> None:
    turn = say(Session(), text)
    assert not any(isinstance(e, (ListOrders, LookUpOrder)) for e in turn.effects)


@pytest.mark.parametrize(
    ("step", "text"),
    [
        (Step.COLLECT_JEWELRY, "ring 75000"),
        (Step.JEWELRY_RESULTS_SHOWN, "studs 40000"),
        (Step.COLLECT_JEWELRY, "gold 40000"),
        (Step.COLLECT_DIAMOND_SPECS, "oval 50000"),
        (Step.MELEE_RESULTS_SHOWN, "rate 9000"),
    ],
)
def test_a_piece_shape_or_rate_before_a_figure_is_a_search_not_an_order_id(
    step: Step, text: str
) -> None:
    turn = say(Session(step=step), text)
    assert not any(isinstance(e, (ListOrders, LookUpOrder)) for e in turn.effects)
    assert not any("cannot find order" in reply for reply in turn.replies)


@pytest.mark.parametrize("session", [Session(), ASKED, LISTED])
@pytest.mark.parametrize("text", ["cancel order ELG-10234", "I want to return ELG-1002"])
def test_cancelling_or_returning_an_order_is_sent_to_the_team(session: Session, text: str) -> None:
    turn = say(session, text)
    assert turn.effects == ()
    assert turn.replies == (COPY.order_change_by_team,)


@pytest.mark.parametrize("text", ["it was supposed to come on 20 jan", "placed 12 days ago"])
def test_a_day_or_a_count_is_never_an_order_id(text: str) -> None:
    assert say(ASKED, text).effects == ()


@pytest.mark.parametrize(("text", "step"), [("1", Step.COLLECT_DIAMOND_SPECS), ("5", Step.SUPPORT)])
def test_a_menu_number_where_an_order_id_is_asked_goes_to_that_menu_item(
    text: str, step: Step
) -> None:
    assert say(ASKED, text).session.step is step


@pytest.mark.parametrize("status", [OrderStatus.DELIVERED, OrderStatus.CANCELLED])
def test_a_finished_order_shows_no_expected_delivery(status: OrderStatus) -> None:
    done = replace(SHIPPED, status=status)
    [text] = BOT.step(LISTED, OrderLookedUp("ELG-1002", done)).replies
    assert "8 Mar 2025" not in text
    [shipped] = BOT.step(LISTED, OrderLookedUp("ELG-1002", SHIPPED)).replies
    assert "8 Mar 2025" in shipped


@pytest.mark.parametrize("text", ["ok", "yes", "no"])
def test_an_acknowledgement_after_an_order_is_not_read_as_an_order_id(text: str) -> None:
    turn = say(ASKED, text)
    assert turn.effects == ()
    assert turn.replies == (COPY.order_footer,)


@pytest.mark.parametrize(
    "text",
    ["https://elg.com/diamonds/ELG-004068", "elg.com/diamonds/ELG-004068 is this available?"],
)
def test_a_pasted_product_link_is_never_an_order_lookup(text: str) -> None:
    turn = BOT.step(Session(), CustomerSaid(text))
    assert not any(isinstance(e, LookUpOrder | ListOrders) for e in turn.effects)


# A PIN code to deliver to is a place: the search runs, the question is the assistant's.
@pytest.mark.parametrize(
    ("session", "text", "searched"),
    [
        (Session(), "do you deliver to 560001?", False),
        (Session(), "round 1ct G VS1 70k, deliver to 560001?", True),
        (Session(step=Step.COLLECT_DIAMOND_SPECS), "round 1ct G VS1 70k, deliver to 560001?", True),
        (ASKED, "ship to 110001?", False),
    ],
)
def test_a_pincode_to_deliver_to_is_never_an_order_lookup(
    session: Session, text: str, searched: bool
) -> None:
    expected = [SearchDiamonds, AskAssistant] if searched else [AskAssistant]
    assert [type(e) for e in say(session, text).effects] == expected


# A shop word and a figure is a search with its budget, at the menu and where an order id
# was asked for: never "cannot find order ring 75000".
@pytest.mark.parametrize("session", [Session(), ASKED, LISTED, DIAMOND_RESULTS])
@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("ring 75000", Step.COLLECT_JEWELRY),
        ("studs 40000", Step.COLLECT_JEWELRY),
        ("band 25000", Step.COLLECT_JEWELRY),
        ("studs, 30000", Step.COLLECT_JEWELRY),
        ("hoops 30000", Step.COLLECT_JEWELRY),
        ("melee 10000", Step.COLLECT_MELEE),
        ("sieve 0000", Step.COLLECT_MELEE),
        ("round 15000", Step.COLLECT_DIAMOND_SPECS),
        ("oval 50000", Step.COLLECT_DIAMOND_SPECS),
    ],
)
def test_a_shop_word_and_a_figure_is_that_sections_search(
    session: Session, text: str, section: Step
) -> None:
    turn = say(session, text)
    assert not any(isinstance(e, (ListOrders, LookUpOrder)) for e in turn.effects)
    assert turn.session.step is section
    assert not any("order" in reply for reply in turn.replies)


# After an order is shown: what its status cannot answer is the team's, and said so.
SHOWN_ORDER = BOT.step(LISTED, OrderLookedUp("ELG-1002", SHIPPED)).session


@pytest.mark.parametrize("session", [Session(), Session(step=Step.SUPPORT), ASKED, SHOWN_ORDER])
@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("not received yet", COPY.order_not_received),
        ("it says shipped but I did not get it", COPY.order_not_received),
        ("courier wala aaya nahi", COPY.order_not_received),
        ("parcel not received", COPY.order_not_received),
        ("money deducted but order not placed", COPY.payment_problem),
        ("payment done but no confirmation", COPY.payment_problem),
    ],
)
def test_a_problem_with_an_order_is_apologised_for_and_a_person_offered(
    session: Session, text: str, reply: str
) -> None:
    turn = say(session, text)
    assert turn.replies == (reply,)
    assert turn.effects == ()
    assert "*agent*" in reply


@pytest.mark.parametrize("text", ["cancel it", "I want to return it", "change the address"])
def test_a_change_to_the_order_in_view_is_the_teams(text: str) -> None:
    turn = say(SHOWN_ORDER, text)
    assert turn.replies == (COPY.order_change_by_team,)


@pytest.mark.parametrize("session", [ASKED, LISTED, SHOWN_ORDER])
@pytest.mark.parametrize(
    "text",
    [
        "my number is 9800000001",
        "+91 98000 00001",
        "I ordered a ring last week, no order id",
        "I don't have an order id",
    ],
)
def test_a_number_or_no_id_lists_the_senders_own_orders_and_says_why(
    session: Session, text: str
) -> None:
    turn = say(session, text)
    assert turn.effects == (ListOrders(),)  # never "cannot find order 9800000001"
    assert turn.replies == (COPY.orders_by_this_number,)
    assert "number you are chatting from" in COPY.orders_by_this_number


def test_a_number_with_an_order_id_looks_up_the_id() -> None:
    turn = say(ASKED, "ELG-1002, my number is 9800000001")
    assert turn.effects == (LookUpOrder("ELG-1002"),)


@pytest.mark.parametrize("session", [ASKED, LISTED])
def test_quote_in_track_my_order_starts_a_quote_request(session: Session) -> None:
    turn = say(session, "Quote")
    assert turn.session.step is Step.QUOTE_REQUESTED
    assert turn.replies == (COPY.quote_from_scratch,)


@pytest.mark.parametrize("text", ["stop", "cancel", "exit"])
def test_stopping_anywhere_shows_the_menu(text: str) -> None:
    assert say(LISTED, text).replies == (COPY.main_menu,)
