"""The output guard: no price, discount or order status the store facts do not state."""

from __future__ import annotations

import pytest

from elgbot.channels.twiml import utf16_length
from elgbot.support.guard import MAX_ANSWER, trim_reply, unsupported_claim

FACTS = (
    "## Engraving\nEngraving costs ₹500 per ring.\n"
    "## Shipping\nWe ship insured across India; delivery takes 5 to 7 working days."
)


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        ("This ring costs ₹45,000.", "a rupee amount"),
        ("A 1 carat stone is about Rs. 60000", "a rupee amount"),
        ("Prices start at 1.2 lakh", "a rupee amount"),
        ("You can get it for INR 99,999 today", "a rupee amount"),
        ("We can give you 10% off", "a percentage"),
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
    ],
)
def test_what_the_facts_say_and_plain_advice_pass(reply: str) -> None:
    assert unsupported_claim(reply, FACTS) is None


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
