"""The overview's figures: open handoffs, new quote requests, today's conversations, and the
funnel over a chosen period (drawn as SVG bars with the numbers beside them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.console.funnel import FunnelCounts, FunnelStage
from elgbot.storage.schema import customer_activity

PERIODS: Final = (1, 7, 30, 90)  # days the overview offers
BAR_WIDTH: Final = 360  # the SVG's widest bar, in px


@dataclass(frozen=True, slots=True)
class FunnelBar:
    label: str
    count: int
    width: int  # px, relative to the first stage
    share: str  # of the first stage, e.g. "42%"


STAGE_LABELS: Final = (
    (FunnelStage.MENU, "Menu"),
    (FunnelStage.SPEC_SENT, "Spec sent"),
    (FunnelStage.RESULTS_SHOWN, "Results shown"),
    (FunnelStage.ADDED_TO_CART, "Added to cart"),
)


def funnel_bars(counts: FunnelCounts) -> list[FunnelBar]:
    """The funnel's bars, the last being checkout or quote (each customer once)."""
    figures = [(label, counts.count(stage)) for stage, label in STAGE_LABELS]
    checkout, quote = counts.count(FunnelStage.CHECKOUT), counts.count(FunnelStage.QUOTE)
    figures.append((f"Checkout {checkout} / quote {quote}", counts.closing))
    top = max([n for _, n in figures] + [1])
    first = figures[0][1]
    return [
        FunnelBar(label, n, round(BAR_WIDTH * n / top), f"{100 * n / first:.0f}%" if first else "–")
        for label, n in figures
    ]


def day_start(now: float, zone: ZoneInfo) -> float:
    """Midnight today in the store's time zone, as a timestamp."""
    today = datetime.fromtimestamp(now, zone).date()
    return datetime.combine(today, time(0), zone).timestamp()


def period_start(now: float, days: int, zone: ZoneInfo) -> float:
    """Midnight `days - 1` days ago: 1 is today, 7 is today and the six days before."""
    return day_start(now, zone) - timedelta(days=days - 1).total_seconds()


async def conversations_since(engine: AsyncEngine, since: float) -> int:
    """Customers who wrote since `since` (a conversation is a customer writing that day)."""
    query = select(func.count()).where(customer_activity.c.last_message_at >= since)
    async with engine.connect() as conn:
        return int((await conn.execute(query)).scalar() or 0)
