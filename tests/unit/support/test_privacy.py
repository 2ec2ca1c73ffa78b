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
        ("my number is 9876543210, please call", "my number is [phone], please call"),
        ("call +91 98123 45678, thanks", "call [phone], thanks"),
        ("card 4111 1111 1111 1111, exp 12/27", "card [card number], exp 12/27"),
        ("numbers,9876543210,9123456789", "numbers,[phone],[phone]"),
        ("budget ₹2,00,000, call 9876543210", "budget ₹2,00,000, call [phone]"),
        ("pay 2,00,000,9876543210", "pay 2,00,000,[phone]"),
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
        "budget 1,50,000, or 2,00,000.",
        "between ₹1,50,000 and ₹12,34,56,789, or $1,000,000.50",
        "sizes 10, 12, 14, 16",
    ],
)
def test_diamond_talk_and_amounts_are_left_alone(text: str) -> None:
    assert mask_identifiers(text) == text


def test_a_long_message_is_capped_after_masking_so_no_number_is_cut_in_half() -> None:
    text = "x" * (MAX_QUESTION - 5) + " 9812345678"
    sent = prepared(text)
    assert len(sent) == MAX_QUESTION
    assert "98123" not in sent
