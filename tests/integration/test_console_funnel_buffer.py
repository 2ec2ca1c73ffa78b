"""The funnel is written behind the turns: buffered, then one transaction per flush."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.catalog.stone import DiamondSpec
from elgbot.console.funnel import DAY_SECONDS, FunnelStage, SqlFunnel
from elgbot.conversation.events import SearchDiamonds
from elgbot.conversation.inbound import InboundMessage
from elgbot.conversation.session import Step
from elgbot.storage.database import open_database
from elgbot.storage.schema import customer_activity, funnel_events


def _turn(number: int) -> InboundMessage:
    return InboundMessage(f"SM{number:032d}", "whatsapp:+919800000001", "round 1ct 50k")


async def test_turns_reach_the_database_on_flush_and_on_close(tmp_path: Path) -> None:
    engine = await open_database(f"sqlite+aiosqlite:///{tmp_path / 'f.sqlite3'}")
    try:
        funnel = SqlFunnel(engine, clock=lambda: 1_000_000.0)
        trail = [(SearchDiamonds(DiamondSpec()), None)]
        await funnel.after_turn("+919800000001", _turn(1), Step.COLLECT_DIAMOND_SPECS, trail)
        reader = SqlFunnel(engine)  # another worker's view: only what is written
        assert (await reader.counts(0, 2_000_000)).count(FunnelStage.SPEC_SENT) == 0
        await funnel.flush()
        assert (await reader.counts(0, 2_000_000)).count(FunnelStage.SPEC_SENT) == 1
        await funnel.after_turn("+919800000002", _turn(2), Step.COLLECT_DIAMOND_SPECS, trail)
        await funnel.close()
        assert (await reader.counts(0, 2_000_000)).count(FunnelStage.SPEC_SENT) == 2
    finally:
        await engine.dispose()


async def test_a_stage_is_written_once_a_day_while_last_seen_keeps_moving(tmp_path: Path) -> None:
    engine = await open_database(f"sqlite+aiosqlite:///{tmp_path / 'f.sqlite3'}")
    now = [1_000_000.0]
    try:
        funnel = SqlFunnel(engine, clock=lambda: now[0])
        trail = [(SearchDiamonds(DiamondSpec()), None)]
        for number in range(3):
            await funnel.after_turn("+919800000001", _turn(number), Step.MAIN_MENU, trail)
        await funnel.flush()
        now[0] += 60
        await funnel.after_turn("+919800000001", _turn(3), Step.MAIN_MENU, trail)
        await funnel.flush()
        assert await _rows(engine) == [
            (FunnelStage.MENU, 11, 1_000_000.0),
            (FunnelStage.SPEC_SENT, 11, 1_000_000.0),
        ]
        assert await _last_seen(engine) == 1_000_060.0
        now[0] += DAY_SECONDS  # a new day counts the customer again
        await funnel.after_turn("+919800000001", _turn(4), Step.MAIN_MENU, trail)
        await funnel.close()
        assert len(await _rows(engine)) == 4
    finally:
        await engine.dispose()


async def _rows(engine: AsyncEngine) -> list[tuple[str, int, float]]:
    query = select(funnel_events.c.stage, funnel_events.c.day, funnel_events.c.at)
    async with engine.connect() as conn:
        rows = (await conn.execute(query.order_by(funnel_events.c.id))).all()
    return sorted((str(r.stage), int(r.day), float(r.at)) for r in rows)


async def _last_seen(engine: AsyncEngine) -> float:
    async with engine.connect() as conn:
        return float((await conn.execute(select(customer_activity.c.last_message_at))).scalar_one())
