"""When a reply Twilio could not take is tried again, and when it is given up."""

from __future__ import annotations

from elgbot.support.retry import (
    WINDOW_MARGIN_SECONDS,
    WINDOW_SECONDS,
    RetryPolicy,
    next_try_at,
    window_closes_at,
)

POLICY = RetryPolicy(first_seconds=30.0, longest_seconds=1800.0)


def test_the_pause_doubles_up_to_the_longest() -> None:
    pauses = [POLICY.pause(tries) for tries in range(1, 10)]
    assert pauses == [30.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1800.0, 1800.0, 1800.0]


def test_a_huge_number_of_tries_does_not_overflow() -> None:
    assert POLICY.pause(10_000) == 1800.0


def test_the_window_runs_from_the_customers_last_message_when_known() -> None:
    assert window_closes_at(5_000.0, queued_at=9_000.0) == 5_000.0 + WINDOW_SECONDS
    assert window_closes_at(None, queued_at=9_000.0) == 9_000.0 + WINDOW_SECONDS


def test_the_next_try_is_after_the_pause_while_the_window_is_open() -> None:
    assert next_try_at(1_000.0, 3, closes_at=100_000.0, policy=POLICY) == 1_120.0


def test_the_last_try_is_just_before_the_window_closes() -> None:
    closes = 10_000.0
    last_chance = closes - WINDOW_MARGIN_SECONDS
    assert next_try_at(last_chance - 100.0, 7, closes, POLICY) == last_chance


def test_no_try_once_the_window_is_about_to_close_or_closed() -> None:
    closes = 10_000.0
    assert next_try_at(closes - WINDOW_MARGIN_SECONDS, 1, closes, POLICY) is None
    assert next_try_at(closes + 1.0, 1, closes, POLICY) is None
