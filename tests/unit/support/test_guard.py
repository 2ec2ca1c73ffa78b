"""The output guard: no figure, discount or order status the store facts do not state."""

from __future__ import annotations

import pytest

from elgbot.channels.twiml import utf16_length
from elgbot.support.facts import load_facts
from elgbot.support.guard import MAX_ANSWER, trim_reply, unsupported_claim

FACTS = (
    "## Engraving\nEngraving costs ₹500 per ring.\n"
    "## Shipping\nWe ship insured across India; delivery takes 5 to 7 working days.\n"
    "## Returns\nReturns are accepted within 15 days.\n"
    "## Call us\nCall +91 22 4000 1234 during our hours."
)
PACKAGED_FACTS = load_facts().text


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        ("This ring costs ₹45,000.", "an amount of money"),
        ("A 1 carat stone is about Rs. 60000", "an amount of money"),
        ("Prices start at 1.2 lakh", "an amount of money"),
        ("You can get it for INR 99,999 today", "an amount of money"),
        ("Prices start from $500.", "an amount of money"),
        ("Engraving costs $500.", "an amount of money"),
        ("That is about USD 1,200 or EUR 1,100.", "an amount of money"),
        ("Expect to pay 600 dollars.", "an amount of money"),
        ("A 1 carat lab diamond costs around 45,000.", "an amount of money"),
        ("Our stones are priced from 30000 onwards.", "an amount of money"),
        ("The price is approximately 2.5 lakh.", "an amount of money"),
        ("Price: 1,50,000", "an amount of money"),
        ("We can give you 10% off", "a percentage"),
        ("Lab diamonds cost 60-70% less than mined ones.", "a percentage"),
        ("Delivery takes 3-4 business days.", "a number of days or hours"),
        ("We offer a 30-day no-questions return policy.", "a number of days or hours"),
        ("Our team replies within 24 hours.", "a number of days or hours"),
        ("It usually arrives in ten working days.", "a number of days or hours"),
        ("Call +91 98765 43210 for help.", "a phone number"),
        ("Our toll-free number is 1800-123-4567.", "a phone number"),
        ("We have 20 stones of 1ct G VS1 in stock.", "a stock count"),
        ("Only 3 left in stock!", "a stock count"),
        ("Yes, 5 oval diamonds are available right now.", "a stock count"),
        ("Use the coupon FIRST for a better deal", "a discount"),
        ("Sure, I can offer you a special discount!", "a discount"),
        ("Your order has been shipped and will arrive tomorrow.", "an order status"),
        ("The package is out for delivery.", "an order status"),
        ("Order #ELG2041 is confirmed.", "an order status"),
        ("Your tracking number is 1Z999AA10123456784.", "an order status"),
    ],
)
def test_a_claim_the_facts_do_not_make_is_caught(reply: str, reason: str) -> None:
    assert unsupported_claim(reply, FACTS) == reason


@pytest.mark.parametrize(
    "reply",
    [
        "Engraving costs ₹500 per ring.",
        "Engraving is Rs 500.",
        "We ship insured across India; delivery takes 5 to 7 working days.",
        "Every stone comes with an IGI report. Type *4* to track your order.",
        "For prices please type *1* (Lab Diamonds).",
        "A 1.5 carat round in D colour is a lovely choice.",
        "Engraving costs 500 rupees per ring.",
        "Delivery takes 5-7 business days.",
        "You can return it within 15 days.",
        "Call us on +91 22 4000 1234, or 22 4000 1234 from a landline.",
        "The price of a 1 carat stone depends on its colour and clarity: type *1*.",
        "A 2 carat round costs more than two 1 carat stones.",
        "We set stones in 14k and 18K white gold.",
        "Delivery takes five to seven working days.",
        "Studs with 2 stones of 0.50 ct each are a classic choice.",
    ],
)
def test_what_the_facts_say_and_plain_advice_pass(reply: str) -> None:
    assert unsupported_claim(reply, FACTS) is None


@pytest.mark.parametrize(
    "reply",
    [
        "Type *1* (Lab Diamonds) and send your preferences (e.g. round 1ct G VS1).",
        "We are open Monday to Saturday, 10:00 to 19:00 IST.",
        "Under India's standard IS 19469 it is called a laboratory-grown diamond.",
        "Type *menu* for the options: *1* Lab Diamonds, *4* Track My Order, *5* Talk to Support.",
    ],
)
def test_grounded_answers_from_the_packaged_facts_pass(reply: str) -> None:
    assert unsupported_claim(reply, PACKAGED_FACTS) is None


def test_every_topic_of_the_packaged_facts_passes_as_it_is_written() -> None:
    for topic in load_facts().topics:
        assert unsupported_claim(topic.body, PACKAGED_FACTS) is None, topic.title


def test_a_short_reply_is_kept_as_it_is() -> None:
    assert trim_reply("  Hello.  ") == "Hello."


def test_a_long_reply_is_cut_after_a_sentence_and_marked() -> None:
    reply = "This is one sentence about diamonds. " * 100
    trimmed = trim_reply(reply)
    assert utf16_length(trimmed) <= MAX_ANSWER
    assert trimmed.endswith("diamonds.…")


def test_a_reply_of_emoji_is_cut_within_the_limit_in_utf16_units() -> None:
    trimmed = trim_reply("💎" * 2000)
    assert utf16_length(trimmed) <= MAX_ANSWER
    assert trimmed.endswith("…")
