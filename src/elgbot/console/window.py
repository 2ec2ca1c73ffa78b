"""WhatsApp's customer-service window: free-form messages may be sent for 24 hours after the
customer's last message; after that only approved templates, which the console does not
send. When the customer last wrote comes from the funnel hook (every turn) and, for
handoffs, from the messages stored in them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.storage.schema import customer_activity

WINDOW_SECONDS: Final = 24 * 3600.0
CLOSED_EXPLANATION: Final = (
    "The customer last wrote more than 24 hours ago, so WhatsApp no longer allows a "
    "free-form reply, and nothing can be sent or queued from here. Reach them another way "
    "(a call or e-mail), or with an approved WhatsApp template from Twilio's console. If "
    "they write again, you can reply here for 24 hours."
)
# Shown with the reply kept on the page: it was refused, never queued for later.
NOT_SENT_WINDOW: Final = "Your reply was NOT sent. " + CLOSED_EXPLANATION


@dataclass(frozen=True, slots=True)
class ReplyWindow:
    last_customer_message_at: float | None
    now: float

    @property
    def is_open(self) -> bool:
        last = self.last_customer_message_at
        return last is not None and self.now - last < WINDOW_SECONDS

    @property
    def closes_at(self) -> float | None:
        last = self.last_customer_message_at
        return None if last is None else last + WINDOW_SECONDS


class WindowClosed(Exception):
    """A free-form reply was refused: the customer's 24-hour window is over."""


def latest(*times: float | None) -> float | None:
    known = [t for t in times if t is not None]
    return max(known) if known else None


async def last_messages(engine: AsyncEngine, customers: Iterable[str]) -> dict[str, float]:
    """When each of `customers` last wrote, as far as the activity record knows."""
    wanted = sorted(set(customers))
    if not wanted:
        return {}
    query = select(customer_activity).where(customer_activity.c.customer.in_(wanted))
    async with engine.connect() as conn:
        return {r.customer: r.last_message_at for r in (await conn.execute(query)).all()}
