"""What staff do with handoffs (the staff console's pages are built on these): read the open
ones, reply, close; and the note to customers whom nobody has answered in time.

Everything staff send goes through the outbox, so it queues behind the customer's earlier
replies and its send result is recorded.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from elgbot.conversation.copy import Copy
from elgbot.conversation.events import HandoffClosed
from elgbot.conversation.inbound import InboundMessage
from elgbot.support.courier import Courier, Delivered
from elgbot.support.handoffs import Author, Handoff, HandoffState, SqlHandoffs
from elgbot.support.late import Apply
from elgbot.support.outbox import OutboxRow, OutboxState, SqlOutbox

_REPLY_PREFIX = "staff-reply-"  # the message id of every staff reply (`_staff_id`)


class HandoffNotOpen(Exception):
    """The handoff does not exist or is closed already."""


@dataclass(frozen=True, slots=True)
class StaffReply:
    outbox_id: int | None  # None: a repeat whose first submit is still queuing the reply
    state: OutboxState  # SENT, FAILED, or READY when it waits behind an earlier reply
    error: str | None = None
    repeated: bool = False  # the form was submitted before: nothing more was sent


class StaffDesk:
    def __init__(
        self,
        handoffs: SqlHandoffs,
        outbox: SqlOutbox,
        courier: Courier,
        copy: Copy,
        apply: Apply,
        *,
        timeout_seconds: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._handoffs = handoffs
        self._outbox = outbox
        self._courier = courier
        self._copy = copy
        self._apply = apply
        self._timeout = timeout_seconds
        self._clock = clock

    async def open_handoffs(self) -> list[Handoff]:
        """Open handoffs, oldest first, each with the conversation before and its messages."""
        return await self._handoffs.list_open()

    async def handoff(self, handoff_id: int) -> Handoff | None:
        """A handoff in any state (None: no such id), with its messages."""
        return await self._handoffs.get(handoff_id)

    async def closed_handoffs(self, limit: int) -> list[Handoff]:
        """The most recently closed handoffs, newest first, for staff to read back."""
        return await self._handoffs.list_closed(limit)

    async def reply(
        self, handoff_id: int, text: str, submission_key: str | None = None
    ) -> StaffReply:
        """Send `text` to the customer now (or after their earlier replies) and store it.

        `submission_key` is the console form's one-time key: a form submitted twice (a
        double click, a browser resending) sends once, and the repeat gets that reply."""
        if submission_key and (earlier := await self._handoffs.submitted(submission_key)):
            return await self._repeated(earlier[1])
        handoff = await self._open(handoff_id)
        text = text.strip()
        if not text:
            raise ValueError("an empty reply cannot be sent")
        key = submission_key or uuid.uuid4().hex
        # Stored (and the key claimed) before it is queued: of two submits racing, one sends.
        if not await self._handoffs.add_message(handoff_id, Author.STAFF, text, submission_key=key):
            return await self._repeated(None)
        row_id = await self._outbox.add_ready(
            handoff.customer, handoff.address, _staff_id("reply", handoff_id), (text,)
        )
        await self._handoffs.set_outbox(key, row_id)
        await self._courier.drain(handoff.customer)
        reply = await self._reply_state(row_id)
        if reply.state is OutboxState.SENT:
            # Another worker's courier may have sent it before the message above was linked
            # to its row, when `reply_delivered` could not find its handoff yet.
            await self._handoffs.mark_reply_delivered(row_id)
        return reply

    async def close(self, handoff_id: int) -> None:
        """End the handoff: the bot takes over again and tells the customer so."""
        handoff = await self._open(handoff_id)
        message_id = _staff_id("close", handoff_id)
        replies = await self._apply(
            handoff.customer, InboundMessage(message_id, handoff.address, ""), HandoffClosed()
        )
        await self._handoffs.close(handoff_id, Author.STAFF)
        await self._outbox.add_ready(handoff.customer, handoff.address, message_id, replies)
        self._courier.kick(handoff.customer)

    async def remind_unanswered(self) -> int:
        """Tell customers nobody answered in time how else to reach the store; how many."""
        reminded = 0
        for handoff in await self._handoffs.unanswered(self._clock() - self._timeout):
            if not await self._handoffs.claim_reminder(handoff.id):
                continue  # another worker sends this one
            note = self._copy.handoff_unanswered
            message_id = _staff_id("reminder", handoff.id)
            await self._outbox.add_ready(handoff.customer, handoff.address, message_id, (note,))
            await self._handoffs.add_message(handoff.id, Author.BOT, note)
            self._courier.kick(handoff.customer)
            reminded += 1
        return reminded

    async def reply_not_delivered(self, message_sid: str) -> bool:
        """A status callback said Twilio could not deliver `message_sid` after all (e.g.
        63016, the window closed): a staff reply so reported answers nobody."""
        return await self._handoffs.reply_not_delivered(message_sid)

    async def _open(self, handoff_id: int) -> Handoff:
        handoff = await self._handoffs.get(handoff_id)
        if handoff is None or handoff.state is not HandoffState.OPEN:
            raise HandoffNotOpen(f"handoff {handoff_id} is not open")
        return handoff

    async def _repeated(self, row_id: int | None) -> StaffReply:
        if row_id is None:  # the first submit is still queuing it
            return StaffReply(None, OutboxState.READY, repeated=True)
        first = await self._reply_state(row_id)
        return StaffReply(row_id, first.state, first.error, repeated=True)

    async def _reply_state(self, row_id: int) -> StaffReply:
        row = await self._outbox.get(row_id)
        if row is None:  # rows are never deleted; only a broken database gets here
            raise RuntimeError(f"outbox row {row_id} vanished")
        errors = [str(r.get("error")) for r in row.results if not r.get("ok")]
        return StaffReply(row_id, row.state, "; ".join(errors) or None)


def reply_delivered(handoffs: SqlHandoffs) -> Delivered:
    """For the courier: a staff reply Twilio accepted answers its handoff (so no reminder);
    one that failed does not."""

    async def delivered(row: OutboxRow) -> None:
        if row.message_id.startswith(_REPLY_PREFIX):
            await handoffs.mark_reply_delivered(row.id)

    return delivered


def _staff_id(action: str, handoff_id: int) -> str:
    return f"staff-{action}-{handoff_id}-{uuid.uuid4().hex[:12]}"
