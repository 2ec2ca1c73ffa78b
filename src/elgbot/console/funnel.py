"""The shopping funnel: which stages each customer reached, recorded after each turn.

menu → spec sent → results shown → added to cart → checkout / quote. The service calls
`after_turn` once per turn with what the turn did (each effect and the event it produced);
the stages are read from that trail here, so the service and the conversation know nothing
about the funnel. A customer counts once per stage and day, however often they repeat it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, Protocol

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.conversation.events import (
    AddOutcome,
    CartAdded,
    DiamondsFound,
    RecordQuote,
    SearchDiamonds,
)
from elgbot.conversation.inbound import InboundMessage
from elgbot.conversation.menu_events import (
    CheckoutStarted,
    JewelryFound,
    MeleeAdded,
    MeleeFound,
    RecordDesignQuote,
    RecordMeleeQuote,
    SearchJewelry,
    SearchMelee,
)
from elgbot.conversation.session import Step
from elgbot.storage.database import upsert_insert
from elgbot.storage.schema import customer_activity, funnel_events

_log = logging.getLogger("elgbot.console.funnel")
DAY_SECONDS: Final = 86400
# Staff actions (support/staff.py) step the conversation under message ids like this; they
# are not the customer writing, so they neither open the 24-hour window nor count.
_STAFF_PREFIX: Final = "staff-"
_Key = tuple[str, "FunnelStage", int]  # customer, stage, day: counted once
_MOST_REMEMBERED: Final = 200_000

Trail = Sequence[tuple[object, object]]  # (effect, the event it produced or None)


class FunnelStage(StrEnum):
    MENU = "menu"
    SPEC_SENT = "spec_sent"
    RESULTS_SHOWN = "results_shown"
    ADDED_TO_CART = "added_to_cart"
    CHECKOUT = "checkout"
    QUOTE = "quote"


class TurnObserver(Protocol):
    async def after_turn(
        self, customer: str, message: InboundMessage, step: Step, trail: Trail
    ) -> None: ...

    async def flush(self) -> None:
        """Write anything recorded but not yet written."""
        ...


class NoFunnel:
    """Records nothing (a service without a console, e.g. in unit tests)."""

    async def after_turn(
        self, customer: str, message: InboundMessage, step: Step, trail: Trail
    ) -> None:
        return None

    async def flush(self) -> None:
        return None


def stages_of(step: Step, trail: Trail) -> set[FunnelStage]:
    """The stages one turn reached: `step` is where the conversation ended up."""
    stages = {FunnelStage.MENU} if step is Step.MAIN_MENU else set()
    for effect, event in trail:
        stages |= _stages_of_effect(effect) | _stages_of_event(event)
    return stages


def _stages_of_effect(effect: object) -> set[FunnelStage]:
    if isinstance(effect, SearchDiamonds | SearchJewelry | SearchMelee):
        return {FunnelStage.SPEC_SENT}
    if isinstance(effect, RecordQuote | RecordDesignQuote | RecordMeleeQuote):
        return {FunnelStage.QUOTE}
    return set()


def _stages_of_event(event: object) -> set[FunnelStage]:
    match event:
        case (
            DiamondsFound(matches=found) | JewelryFound(pieces=found) | MeleeFound(parcels=found)
        ) if found:
            return {FunnelStage.RESULTS_SHOWN}
        case CartAdded(outcome=AddOutcome.ADDED):
            return {FunnelStage.ADDED_TO_CART}
        case MeleeAdded(carats=carats) if carats > 0:
            return {FunnelStage.ADDED_TO_CART}
        case CheckoutStarted(token=token) if token:
            return {FunnelStage.CHECKOUT}
    return set()


@dataclass(frozen=True, slots=True)
class FunnelCounts:
    """Customers who reached each stage in a period; `closing` is checkout or quote."""

    by_stage: dict[FunnelStage, int]
    closing: int

    def count(self, stage: FunnelStage) -> int:
        return self.by_stage.get(stage, 0)


class SqlFunnel:
    """Records turns write-behind: buffered in memory and written in one transaction about
    once a second. A write per turn would hold SQLite's single writer across the async
    driver's thread hand-offs and make every customer's message wait behind it (measured:
    1,900 → 300 messages/s). Staff pages call `flush` first, so this worker's turns are
    always on them; another worker's appear within `FLUSH_SECONDS`."""

    FLUSH_SECONDS: Final = 1.0

    def __init__(self, engine: AsyncEngine, clock: Callable[[], float] = time.time) -> None:
        self._engine = engine
        self._clock = clock
        self._insert = upsert_insert(engine)
        self._pending: list[tuple[str, set[FunnelStage], float]] = []
        self._flusher: asyncio.Task[None] | None = None
        self._written: set[_Key] = set()  # what this worker has recorded already

    async def after_turn(
        self, customer: str, message: InboundMessage, step: Step, trail: Trail
    ) -> None:
        """Never fails or slows the customer's turn: the funnel is for staff."""
        if message.message_id.startswith(_STAFF_PREFIX):
            return
        self._pending.append((customer, stages_of(step, trail), self._clock()))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_soon())

    async def flush(self) -> None:
        """Write what is buffered (a failure is logged; the turns are not retried)."""
        batch, self._pending = self._pending, []
        if not batch:
            return
        try:
            await self._record(batch)
        except Exception:
            _log.exception("could not record the funnel of %d turns", len(batch))

    async def close(self) -> None:
        if self._flusher is not None:
            self._flusher.cancel()
            await asyncio.gather(self._flusher, return_exceptions=True)
        await self.flush()

    async def _flush_soon(self) -> None:
        await asyncio.sleep(self.FLUSH_SECONDS)
        await self.flush()

    async def counts(self, since: float, until: float) -> FunnelCounts:
        window = (funnel_events.c.at >= since, funnel_events.c.at < until)
        per_stage = (
            select(funnel_events.c.stage, func.count(funnel_events.c.customer.distinct()))
            .where(*window)
            .group_by(funnel_events.c.stage)
        )
        closing = select(func.count(funnel_events.c.customer.distinct())).where(
            *window, funnel_events.c.stage.in_([FunnelStage.CHECKOUT, FunnelStage.QUOTE])
        )
        async with self._engine.connect() as conn:
            rows = (await conn.execute(per_stage)).all()
            closed = int((await conn.execute(closing)).scalar() or 0)
        return FunnelCounts({FunnelStage(s): int(n) for s, n in rows}, closed)

    async def _record(self, batch: list[tuple[str, set[FunnelStage], float]]) -> None:
        firsts = self._unwritten(batch)
        events = [
            {"customer": customer, "stage": stage, "day": day, "at": at}
            for (customer, stage, day), at in firsts.items()
        ]
        last_seen: dict[str, float] = {}
        for customer, _, at in batch:
            last_seen[customer] = max(at, last_seen.get(customer, at))
        seen = self._insert(customer_activity)
        latest = func.max if self._engine.dialect.name == "sqlite" else func.greatest
        seen = seen.on_conflict_do_update(
            index_elements=[customer_activity.c.customer],
            set_={
                "last_message_at": latest(
                    seen.excluded.last_message_at, customer_activity.c.last_message_at
                )
            },
        )
        activity = [{"customer": c, "last_message_at": at} for c, at in last_seen.items()]
        async with self._engine.begin() as conn:
            await conn.execute(seen, activity)
            if events:
                await conn.execute(self._insert(funnel_events).on_conflict_do_nothing(), events)
        self._written.update(firsts)

    def _unwritten(self, batch: list[tuple[str, set[FunnelStage], float]]) -> dict[_Key, float]:
        """Each (customer, stage, day) of `batch` this worker has not written yet, at its
        first time. Only the first of a day counts, and a busy customer repeats the same
        stages all day: without this, every turn was a row to insert and ignore, and that
        write held SQLite against the turns themselves (~12 % of the webhook's throughput)."""
        if len(self._written) > _MOST_REMEMBERED:
            self._written.clear()  # only saves work: the unique key keeps the counts right
        firsts: dict[_Key, float] = {}
        for customer, stages, at in batch:
            day = int(at // DAY_SECONDS)
            for stage in sorted(stages):
                key = (customer, stage, day)
                if key not in self._written and key not in firsts:
                    firsts[key] = at
        return firsts
