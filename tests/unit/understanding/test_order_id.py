"""Reading an order id, and telling it from a search with a figure in it."""

from __future__ import annotations

import pytest

from elgbot.understanding.order_id import asks_to_track, looks_up_by_number, read_order_id


@pytest.mark.parametrize(
    ("text", "order_id"),
    [
        ("ELG-10234", "ELG-10234"),
        ("ELG 10234", "ELG 10234"),
        ("elg10234", "elg10234"),
        ("#ELG1234", "ELG1234"),
        ("my order id is elg 10234", "elg 10234"),
        ("order no 10234", "10234"),
    ],
)
def test_an_order_id_alone_or_with_words_is_tracked(text: str, order_id: str) -> None:
    assert asks_to_track(text)
    assert read_order_id(text) == order_id


# A word the shop reads (a piece, a shape, melee, money) before a figure: a search.
@pytest.mark.parametrize(
    "text",
    [
        "ring 75000",
        "studs 40000",
        "band 25000",
        "studs, 30000",
        "hoops 30000",
        "melee 10000",
        "round 15000",
        "oval 50000",
        "ovals 50000",
        "pear 40000",
        "gold 30000",
        "sieve 0000",
        "under 50000",
        "rs 80000",
    ],
)
def test_a_shop_word_and_a_figure_is_no_order_id(text: str) -> None:
    assert not asks_to_track(text)


@pytest.mark.parametrize("text", ["ring 75000", "sieve 0000", "hoops 30000", "oval 50000"])
def test_a_shop_word_and_a_figure_reads_no_id_where_one_is_asked(text: str) -> None:
    assert read_order_id(text) is None


# Asking after a piece ordered, with no id: the customer's orders.
@pytest.mark.parametrize(
    ("text", "tracking"),
    [
        ("when will my ring arrive", True),
        ("where is my ring", True),
        ("has my ring shipped", True),
        ("when will my diamond studs be delivered?", True),
        ("I ordered a ring last week, no update", True),
        ("I ordered a ring last week, no order id", True),
        ("I want to order a ring", False),
        ("I ordered a ring and want earrings too", False),
        ("how to clean my diamond ring", False),
        ("where is your nearest store", False),
    ],
)
def test_asking_after_a_piece_ordered_is_tracking(text: str, tracking: bool) -> None:
    assert asks_to_track(text) is tracking


# Orders are found by the number the customer chats from: a number typed is none of them.
@pytest.mark.parametrize(
    ("text", "by_number", "order_id"),
    [
        ("my number is 9800000001", True, None),
        ("+91 98000 00001", True, None),
        ("919800000001", True, None),
        ("I have no order id", True, None),
        ("dont have order number", True, None),
        ("order ELG-10234, my number is 9800000001", True, "ELG-10234"),
        ("ELG-9800000001", False, "ELG-9800000001"),  # an id may have as many digits
        ("order no 10234", False, "10234"),
    ],
)
def test_a_phone_number_or_no_id_is_looked_up_by_the_senders_number(
    text: str, by_number: bool, order_id: str | None
) -> None:
    assert looks_up_by_number(text) is by_number
    assert read_order_id(text) == order_id


# A PIN code after a word about delivery (or "to") is a place; with "order no" an id.
@pytest.mark.parametrize(
    ("text", "tracking", "order_id"),
    [
        ("do you deliver to 560001?", False, None),
        ("round 1ct G VS1 70k, deliver to 560001?", False, None),
        ("deliver to pin 560001", False, None),
        ("pincode 560001, delivery?", False, None),
        ("ship to 110 001?", False, None),
        ("order no 560001", True, "560001"),
        ("order no 12345", True, "12345"),
        ("where is my order 560001", True, "560001"),
    ],
)
def test_a_pincode_to_deliver_to_is_no_order_id(
    text: str, tracking: bool, order_id: str | None
) -> None:
    assert asks_to_track(text) is tracking
    assert read_order_id(text) == order_id
