"""Nothing that identifies a customer leaves for the model."""

from __future__ import annotations

import pytest

from elgbot.support.privacy import MAX_QUESTION, mask_identifiers, prepared


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("call me on +91 98123 45678 please", "call me on [phone] please"),
        ("my number is 9812345678", "my number is [phone]"),
        ("whatsapp:+919812345678", "whatsapp:[phone]"),
        ("landline (022) 2345-6789", "landline [phone]"),
        ("mail priya.sharma+rings@example.co.in today", "mail [email] today"),
        ("card 4111 1111 1111 1111 exp 12/27", "card [card number] exp 12/27"),
        ("card 4111-1111-1111-1111", "card [card number]"),
    ],
)
def test_phone_numbers_emails_and_card_numbers_are_masked(text: str, masked: str) -> None:
    assert mask_identifiers(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000",
        "budget 150000",
        "is a 2.01 carat stone IGI certified?",
        "order ELG-2041",
    ],
)
def test_diamond_talk_and_amounts_are_left_alone(text: str) -> None:
    assert mask_identifiers(text) == text


def test_a_long_message_is_capped_after_masking_so_no_number_is_cut_in_half() -> None:
    text = "x" * (MAX_QUESTION - 5) + " 9812345678"
    sent = prepared(text)
    assert len(sent) == MAX_QUESTION
    assert "98123" not in sent
