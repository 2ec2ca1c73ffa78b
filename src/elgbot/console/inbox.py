"""The handoff inbox: open handoffs, newest activity first, each with its thread, the
delivery status of staff replies and whether the 24-hour window still allows a reply; and,
to read back, the handoffs closed lately."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.channels.twilio_inbound import is_web_url
from elgbot.console.delivery import delivery_of
from elgbot.console.window import ReplyWindow, WindowClosed, last_messages, latest
from elgbot.conversation.inbound import Media
from elgbot.support.handoffs import Author, Handoff, HandoffMessage, HandoffState
from elgbot.support.staff import StaffDesk, StaffReply

CLOSED_SHOWN = 50  # how many recently closed handoffs the console lists


@dataclass(frozen=True, slots=True)
class ThreadLine:
    author: Author
    text: str
    at: float | None  # None: said before the handoff (the transcript has no times)
    delivery: str | None = None  # staff replies only
    media: tuple[Media, ...] = ()  # the customer's attachments, each offered as a link


@dataclass(frozen=True, slots=True)
class InboxEntry:
    handoff: Handoff
    last_activity: float
    window: ReplyWindow
    thread: tuple[ThreadLine, ...]

    @property
    def is_open(self) -> bool:
        return self.handoff.state is HandoffState.OPEN

    @property
    def left_by_customer(self) -> bool:
        return self.handoff.closed_by is Author.CUSTOMER

    @property
    def last_text(self) -> str:
        return self.thread[-1].text if self.thread else ""


class Inbox:
    def __init__(
        self, engine: AsyncEngine, staff: StaffDesk, clock: Callable[[], float] = time.time
    ) -> None:
        self._engine = engine
        self._staff = staff
        self._clock = clock

    async def entries(self) -> list[InboxEntry]:
        entries = await self._entries(await self._staff.open_handoffs())
        return sorted(entries, key=lambda e: (e.last_activity, e.handoff.id), reverse=True)

    async def entry(self, handoff_id: int) -> InboxEntry | None:
        """The handoff in any state, open or closed (None: no such id)."""
        handoff = await self._staff.handoff(handoff_id)
        return None if handoff is None else (await self._entries([handoff]))[0]

    async def closed(self) -> list[InboxEntry]:
        """The most recently closed handoffs, newest first."""
        return await self._entries(await self._staff.closed_handoffs(CLOSED_SHOWN))

    async def reply(
        self, handoff_id: int, text: str, submission_key: str | None = None
    ) -> StaffReply:
        """Send a free-form reply, unless the customer's 24-hour window has closed."""
        entry = await self.entry(handoff_id)
        if entry is not None and entry.is_open and not entry.window.is_open:
            raise WindowClosed(handoff_id)
        # raises HandoffNotOpen if gone (unless this form was submitted before)
        return await self._staff.reply(handoff_id, text, submission_key)

    async def _entries(self, handoffs: Sequence[Handoff]) -> list[InboxEntry]:
        seen = await last_messages(self._engine, (h.customer for h in handoffs))
        sent = [m.outbox_id for h in handoffs for m in h.messages if m.outbox_id is not None]
        deliveries = await delivery_of(self._engine, sent)
        now = self._clock()
        return [_entry(h, seen.get(h.customer), deliveries, now) for h in handoffs]


def _entry(
    handoff: Handoff, seen: float | None, deliveries: dict[int, str], now: float
) -> InboxEntry:
    before = [ThreadLine(author, text, None) for author, text in handoff.transcript]
    after = [_line(m, deliveries) for m in handoff.messages]
    wrote = [m.created_at for m in handoff.messages if m.author is Author.CUSTOMER]
    last_customer = latest(seen, *wrote)
    last_activity = latest(handoff.opened_at, *(m.created_at for m in handoff.messages))
    return InboxEntry(
        handoff,
        last_activity or handoff.opened_at,
        ReplyWindow(last_customer, now),
        tuple(before + after),
    )


def _line(message: HandoffMessage, deliveries: dict[int, str]) -> ThreadLine:
    # Only http(s) links reach the page: a stored "javascript:" URL must never be clickable.
    media = tuple(m for m in message.media if is_web_url(m.url))
    delivery = _delivery(message.outbox_id, deliveries)
    return ThreadLine(message.author, message.text, message.created_at, delivery, media)


def _delivery(outbox_id: int | None, deliveries: dict[int, str]) -> str | None:
    return None if outbox_id is None else deliveries.get(outbox_id, "waiting")


def customers_of(entries: Sequence[InboxEntry]) -> list[str]:
    return [e.handoff.customer for e in entries]
