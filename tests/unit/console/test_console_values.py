"""Small values of the console: the 24-hour window, rupees, and password checks."""

from __future__ import annotations

from elgbot.console.passwords import hash_password, verify_password
from elgbot.console.rendering import inr
from elgbot.console.window import WINDOW_SECONDS, ReplyWindow


def test_the_window_is_open_for_24_hours_after_the_customer_last_wrote() -> None:
    assert ReplyWindow(1000.0, 1000.0 + WINDOW_SECONDS - 1).is_open
    assert not ReplyWindow(1000.0, 1000.0 + WINDOW_SECONDS).is_open
    assert ReplyWindow(1000.0, 0).closes_at == 1000.0 + WINDOW_SECONDS


def test_a_customer_who_never_wrote_has_no_window() -> None:
    assert not ReplyWindow(None, 0).is_open


def test_rupees_are_grouped_in_lakhs_and_crores() -> None:
    assert inr(95_000) == "₹95,000"
    assert inr(1_40_000) == "₹1,40,000"
    assert inr(12_34_56_789) == "₹12,34,56,789"
    assert inr(999) == "₹999"


def test_a_password_matches_only_its_own_hash() -> None:
    stored = hash_password("correct horse battery")
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, "correct horse battery")
    assert not verify_password(stored, "correct horse batterY")
    assert not verify_password(None, "correct horse battery")  # an unknown user
    assert not verify_password("not a hash", "correct horse battery")
