"""Sending the outbox: one customer's rows in order, each exactly when the rows before it
are done, through the REST sender; every send result is recorded on its row.

When Twilio cannot take a reply (an outage, 429, a timeout) the row waits and is tried
again, with a growing pause, until the customer's 24-hour window closes; the parts
Twilio took are not sent twice. Only a refusal (4xx: an invalid number, a closed window)
fails a row for good. The next try is in the database: this worker wakes for it, and any
worker's upkeep (`LateReplies.recover`) finds it after a restart.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import fields
from typing import Any, Protocol

from elgbot.channels.twilio_rest import SendResult
from elgbot.channels.twiml import split_for_whatsapp
from elgbot.logs import get_logger, mask_phone
from elgbot.support.outbox import OutboxRow, OutboxState, SqlOutbox
from elgbot.support.retry import RetryPolicy, next_try_at, window_closes_at
from elgbot.support.tasks import BackgroundTasks

_log = get_logger("support.courier")
NOT_CONFIGURED = "Twilio REST API not configured (TWILIO_ACCOUNT_SID, TWILIO_WHATSAPP_FROM)"
NOT_SENT = "not sent: an earlier part failed"
WINDOW_CLOSED = "given up: the customer's 24-hour window closed before Twilio took it"
# Production pauses: 30 s, doubling up to 30 minutes (ELG_SEND_RETRY_*).
DEFAULT_RETRY = RetryPolicy(30.0, 1800.0)
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
        retry: RetryPolicy = DEFAULT_RETRY,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._outbox = outbox
        self._on_delivered = on_delivered
        self._sender = sender
        self._tasks = tasks
        self._owner = owner
        self._lease = lease_seconds
        self._retry = retry
        self._clock = clock
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
        """Send the customer's ready rows in order; stop at one that is not ready yet, that
        waits to be tried again, or that another worker is sending (it goes on with the rest)."""
        while (row := await self._outbox.first_unfinished(customer)) is not None:
            if row.state is not OutboxState.READY:
                return
            if not await self._outbox.take(row.id, OutboxState.READY, self._owner, self._lease):
                return
            results = await self._send(row)
            if await self._retry_later(row, results):
                return
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
        """Every part of the row's replies, one at a time, after those sent on earlier tries."""
        parts = [part for reply in row.replies for part in split_for_whatsapp(reply)]
        results = taken_before(row.results)
        for part in parts[len(results) :]:
            if results and not results[-1].ok:
                results.append(SendResult(False, None, None, NOT_SENT, 0))
            else:
                results.extend(await self._sender.send(row.address, part))
        if not all(r.ok for r in results):
            _log.warning("outbox row %d for %s not delivered", row.id, mask_phone(row.address))
        return results

    async def _retry_later(self, row: OutboxRow, results: list[SendResult]) -> bool:
        """Keep a row Twilio could not take for a later try; False when it is done (sent,
        refused, or its window closes first: then the last result says so)."""
        failed = next((r for r in results if not r.ok), None)
        if failed is None or not failed.retryable:
            return False
        last_message = await self._outbox.last_message_at(row.customer)
        closes = window_closes_at(last_message, row.created_at)
        at = next_try_at(self._clock(), row.tries + 1, closes, self._retry)
        if at is None:
            results.append(SendResult(False, None, None, WINDOW_CLOSED, 0))
            return False
        await self._outbox.retry_later(row.id, results, at)
        self._tasks.start(self._wake(row.customer, at))
        _log.info(
            "outbox row %d: try %d failed, next in %.0f s",
            row.id,
            row.tries + 1,
            at - self._clock(),
        )
        return True

    async def _wake(self, customer: str, at: float) -> None:
        await asyncio.sleep(max(0.0, at - self._clock()))
        self.kick(customer)


def taken_before(stored: Sequence[dict[str, Any]]) -> list[SendResult]:
    """The results of the parts Twilio took on earlier tries (the leading ones that went
    through): those parts are not sent again."""
    taken: list[SendResult] = []
    for result in stored:
        if not result.get("ok"):
            break
        known = {f.name: result[f.name] for f in fields(SendResult) if f.name in result}
        taken.append(SendResult(**known))
    return taken
