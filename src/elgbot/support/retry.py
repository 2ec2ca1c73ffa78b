"""When to try a reply again after Twilio could not take it (an outage, 429, a timeout).

A queued reply is worth sending for as long as WhatsApp allows a free-form message: 24
hours after the customer's last message. Until then it is tried again with a growing
pause; after that it could only fail with error 63016, so it is given up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

WINDOW_SECONDS: Final = 24 * 3600.0
# The last try must reach Twilio before the window closes, not just start before it.
WINDOW_MARGIN_SECONDS: Final = 60.0


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    first_seconds: float  # the pause after the first failed try
    longest_seconds: float  # the pause never grows beyond this

    def pause(self, tries: int) -> float:
        """The pause after `tries` failed tries (1 = the first), doubling each time."""
        doublings = min(max(tries - 1, 0), 64)  # 2**64 pauses are long enough
        return min(self.first_seconds * 2.0**doublings, self.longest_seconds)


def window_closes_at(last_message_at: float | None, queued_at: float) -> float:
    """When the customer's window closes: 24 hours after their last message, or, when that
    is not recorded, after the reply was queued (the bot answers only customers who wrote)."""
    start = queued_at if last_message_at is None else last_message_at
    return start + WINDOW_SECONDS


def next_try_at(now: float, tries: int, closes_at: float, policy: RetryPolicy) -> float | None:
    """When to try again after `tries` failed tries; None: never (the window will be closed)."""
    last_chance = closes_at - WINDOW_MARGIN_SECONDS
    if now >= last_chance:
        return None
    return min(now + policy.pause(tries), last_chance)
