"""Sending the outbox: one customer's rows in order, each exactly when the rows before it
are done, through the REST sender; every send result is recorded on its row."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from elgbot.channels.twilio_rest import SendResult
from elgbot.logs import get_logger, mask_phone
from elgbot.support.outbox import OutboxRow, OutboxState, SqlOutbox
from elgbot.support.tasks import BackgroundTasks

_log = get_logger("support.courier")
NOT_CONFIGURED = "Twilio REST API not configured (TWILIO_ACCOUNT_SID, TWILIO_WHATSAPP_FROM)"
# Told of each row Twilio accepted in full (e.g. so a staff reply counts as an answer).
Delivered = Callable[[OutboxRow], Awaitable[object]]


class ReplySender(Protocol):
    async def send(self, to: str, body: str) -> list[SendResult]:
        """One result per part of `body`, in order; never raises."""
        ...


class UnconfiguredSender:
    """Without Twilio REST settings nothing can be sent later: say so on every row."""

    async def send(self, to: str, body: str) -> list[SendResult]:
        return [SendResult(False, None, None, NOT_CONFIGURED, 0)]


class Courier:
    def __init__(
        self,
        outbox: SqlOutbox,
        sender: ReplySender,
        tasks: BackgroundTasks,
        *,
        owner: str,
        lease_seconds: float,
        on_delivered: Delivered | None = None,
    ) -> None:
        self._outbox = outbox
        self._on_delivered = on_delivered
        self._sender = sender
        self._tasks = tasks
        self._owner = owner
        self._lease = lease_seconds
        self._draining: set[str] = set()
        self._again: set[str] = set()

    def kick(self, customer: str) -> None:
        """Send what is ready for `customer`, in the background (once at a time here)."""
        if customer in self._draining:
            self._again.add(customer)  # the running drain looks once more when done
            return
        self._draining.add(customer)
        self._tasks.start(self._drain_while_kicked(customer))

    async def drain(self, customer: str) -> None:
        """Send the customer's ready rows in order; stop at one that is not ready yet, or
        that another worker is sending (it goes on with the rest)."""
        while (row := await self._outbox.first_unfinished(customer)) is not None:
            if row.state is not OutboxState.READY:
                return
            if not await self._outbox.take(row.id, OutboxState.READY, self._owner, self._lease):
                return
            results = await self._send(row)
            await self._outbox.mark_sent(row.id, results)
            if self._on_delivered is not None and all(r.ok for r in results):
                await self._on_delivered(row)

    async def _drain_while_kicked(self, customer: str) -> None:
        try:
            while True:
                self._again.discard(customer)
                await self.drain(customer)
                if customer not in self._again:
                    return
        finally:
            self._draining.discard(customer)

    async def _send(self, row: OutboxRow) -> list[SendResult]:
        results: list[SendResult] = []
        for reply in row.replies:
            results.extend(await self._sender.send(row.address, reply))
        if not all(r.ok for r in results):
            _log.warning("outbox row %d for %s not delivered", row.id, mask_phone(row.address))
        return results
