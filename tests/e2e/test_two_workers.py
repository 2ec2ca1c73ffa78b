"""Two stateless workers on one PostgreSQL and one Redis, as in a scaled-out deployment."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import func, select

from elgbot.bootstrap import open_runtime
from elgbot.storage.schema import cart_items
from whatsapp_chat import STONES, Chat, client_for, messages, settings_for


async def test_a_delivery_sent_to_two_workers_at_once_takes_effect_once(
    tmp_path: Path, fresh_postgres_url: str, fresh_redis_url: str
) -> None:
    settings = settings_for(tmp_path, database_url=fresh_postgres_url, redis_url=fresh_redis_url)
    async with open_runtime(settings) as one, open_runtime(settings) as two:
        await one.stores.catalog.add(STONES)
        async with client_for(one) as a, client_for(two) as b:
            first, second = Chat(a), Chat(b)
            for text in ("Hi", "1", "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000"):
                await first.say(text)
            sid = "SM" + "9" * 32
            # Worker two sees the session worker one saved: "add to cart 1" means RD-1.
            replies = await asyncio.gather(
                *(c.say("add to cart 1", sid=sid) for c in (first, second, first, second))
            )
        assert {tuple(messages(r)) for r in replies} == {tuple(messages(replies[0]))}
        async with one.engine.connect() as conn:
            rows = (await conn.execute(select(cart_items.c.item_id))).all()
            assert [r.item_id for r in rows] == ["RD-1"]
            count = (await conn.execute(select(func.count()).select_from(cart_items))).scalar_one()
            assert count == 1
