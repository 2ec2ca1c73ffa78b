"""The funnel is written behind the turns: buffered, then one transaction per flush."""

from __future__ import annotations

from pathlib import Path

from elgbot.catalog.stone import DiamondSpec
from elgbot.console.funnel import FunnelStage, SqlFunnel
from elgbot.conversation.events import SearchDiamonds
from elgbot.conversation.inbound import InboundMessage
from elgbot.conversation.session import Step
from elgbot.storage.database import open_database


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
