"""The slow path: an answer that misses the webhook's budget is sent later, in order.

Twilio waits 15 s at most, a model sometimes longer. The webhook waits `budget` seconds for
the assistant; then it answers with what it has (maybe nothing) and the answer goes into
the outbox, to be sent through the REST API when it comes. While a customer has anything
in the outbox, their later replies queue behind it, so a reply never overtakes an earlier
one. Pending work is in the database: after a restart (or a dead worker's lease) `recover`
finishes it — or, when it is too old to answer out of the blue, asks the customer to ask
again.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from elgbot.conversation.events import AnswerKind, AssistantAnswered, Event
from elgbot.conversation.inbound import InboundMessage
from elgbot.conversation.session import ChatLine
from elgbot.support.assistant import Answer, Assistant
from elgbot.support.courier import Courier
from elgbot.support.outbox import OutboxRow, OutboxState, SqlOutbox, inbound_message
from elgbot.support.tasks import BackgroundTasks

# Feeds an event into a customer's conversation (under their lock); returns the replies.
Apply = Callable[[str, InboundMessage, Event], Awaitable[tuple[str, ...]]]
# Handles a customer's message whenever their lock frees; returns the replies.
Handle = Callable[[InboundMessage], Awaitable[tuple[str, ...]]]
# A pending question older than this is not answered out of the blue after a restart.
STALE_SECONDS = 600.0
# Beyond the assistant's own time limit, before another worker may take the work over.
LEASE_MARGIN_SECONDS = 30.0
# A deferred message waits for its customer's lock this long before another worker may
# take it over (the service gives up waiting sooner).
DEFERRED_LEASE_SECONDS = 600.0


def _lease(row: OutboxRow, answering: float) -> float:
    """A kept message may wait long for its customer's lock; a question, for the model."""
    return DEFERRED_LEASE_SECONDS if row.state is OutboxState.INBOUND else answering


@dataclass(frozen=True, slots=True)
class Pending:
    """An answer still on its way when the webhook had to reply."""

    history: tuple[ChatLine, ...]
    question: str
    answer: asyncio.Task[Answer]


class LateReplies:
    def __init__(
        self,
        assistant: Assistant,
        outbox: SqlOutbox,
        courier: Courier,
        tasks: BackgroundTasks,
        *,
        budget_seconds: float,
        answer_seconds: float,
        owner: str,
        can_send_later: bool,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._assistant = assistant
        self._outbox = outbox
        self._courier = courier
        self._tasks = tasks
        self._budget = budget_seconds
        self._lease = answer_seconds + LEASE_MARGIN_SECONDS
        self._owner = owner
        self._can_send_later = can_send_later
        self._clock = clock

    def budget(self, reply_later: bool) -> float | None:
        """How long a webhook may wait for an answer; None: as long as it takes (the
        caller cannot be answered later, or nothing could send it)."""
        return self._budget if reply_later and self._can_send_later else None

    async def ask(
        self, history: tuple[ChatLine, ...], question: str, budget: float | None
    ) -> Answer | Pending:
        task = self._tasks.start(self._assistant.answer(history, question))
        if budget is None:
            return await task
        done, _ = await asyncio.wait({task}, timeout=budget)
        return task.result() if done else Pending(history, question, task)

    async def defer(
        self, customer: str, message: InboundMessage, reply_later: bool, handle: Handle
    ) -> bool:
        """Keep a message that found the customer's lock busy (they wrote again while an
        earlier turn still waits for the assistant) and handle it once the lock frees; its
        replies go out in order. False when nothing could send them later."""
        if self.budget(reply_later) is None:
            return False
        row_id = await self._outbox.add_inbound(
            message, customer, owner=self._owner, lease_seconds=DEFERRED_LEASE_SECONDS
        )
        if row_id is not None:  # else a repeated delivery, already kept
            self._tasks.start(self._handle_deferred(row_id, customer, message, handle))
        return True

    async def route(
        self,
        customer: str,
        message: InboundMessage,
        replies: tuple[str, ...],
        pending: Pending | None,
        apply: Apply,
    ) -> tuple[str, ...]:
        """The replies for the webhook's response; the rest goes to the outbox, in order.

        Called under the customer's lock, so no other turn of theirs adds rows meanwhile.
        """
        queued = await self._outbox.is_replying(customer)
        if queued and replies:
            await self._outbox.add_ready(customer, message.sender, message.message_id, replies)
            replies = ()
        if pending is not None:
            row_id = await self._outbox.add_awaiting(
                customer,
                message.sender,
                message.message_id,
                history=pending.history,
                question=pending.question,
                owner=self._owner,
                lease_seconds=self._lease,
            )
            self._tasks.start(self._follow(row_id, customer, message, pending, apply))
        if queued:
            self._courier.kick(customer)
        return replies

    async def recover(self, apply: Apply, handle: Handle) -> int:
        """Take over unfinished rows nobody holds; how many were taken."""
        taken = 0
        for row in await self._outbox.stale():
            if row.state is OutboxState.READY:
                self._courier.kick(row.customer)
            elif not await self._outbox.take(
                row.id, row.state, self._owner, _lease(row, self._lease)
            ):
                continue
            elif row.state is OutboxState.INBOUND:
                message = inbound_message(row)
                self._tasks.start(self._handle_deferred(row.id, row.customer, message, handle))
            else:
                self._tasks.start(self._resume(row, apply))
            taken += 1
        return taken

    async def _handle_deferred(
        self, row_id: int, customer: str, message: InboundMessage, handle: Handle
    ) -> None:
        # A crash here leaves the row INBOUND for `recover`; the message id's claim makes
        # a second handling answer from the record instead of acting twice.
        replies = await handle(message)
        await self._outbox.mark_ready(row_id, replies)
        self._courier.kick(customer)

    async def _follow(
        self, row_id: int, customer: str, message: InboundMessage, pending: Pending, apply: Apply
    ) -> None:
        answer = await pending.answer
        await self._outbox.record_answer(row_id, answer)
        await self._deliver(row_id, customer, message, pending.question, answer, apply)

    async def _resume(self, row: OutboxRow, apply: Apply) -> None:
        answer = row.answer
        if answer is None:  # the worker died while the assistant was thinking: ask again
            answer = await self._answer_late(row.history, row.question, row.created_at)
            await self._outbox.record_answer(row.id, answer)
        message = InboundMessage(row.message_id, row.address, "")
        await self._deliver(row.id, row.customer, message, row.question, answer, apply)

    async def _answer_late(
        self, history: Sequence[ChatLine], question: str, asked_at: float
    ) -> Answer:
        if self._clock() - asked_at > STALE_SECONDS:
            return Answer(AnswerKind.EXPIRED)
        return await self._assistant.answer(history, question)

    async def _deliver(
        self,
        row_id: int,
        customer: str,
        message: InboundMessage,
        question: str,
        answer: Answer,
        apply: Apply,
    ) -> None:
        replies = await apply(
            customer, message, AssistantAnswered(question, answer.kind, answer.text)
        )
        await self._outbox.mark_ready(row_id, replies)
        self._courier.kick(customer)
