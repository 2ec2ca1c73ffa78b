"""Delivery statuses from Twilio's status callbacks. Callbacks arrive out of order, so a
status only replaces one that comes earlier in a message's life."""

from __future__ import annotations

import time
from typing import Final

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from elgbot.storage.database import upsert_insert
from elgbot.storage.schema import delivery_statuses

_ORDER: Final = {
    "accepted": 0,
    "queued": 1,
    "sending": 2,
    "sent": 3,
    "delivered": 4,
    "read": 5,
    "undelivered": 6,
    "failed": 6,
}


def is_later(new: str, old: str | None) -> bool:
    return old is None or _ORDER.get(new, 0) >= _ORDER.get(old, 0)


class SqlDeliveries:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._insert = upsert_insert(engine)

    async def record(self, message_sid: str, status: str, error_code: str | None) -> None:
        async with self._engine.begin() as conn:
            old = await self._status(conn, message_sid)
            if not is_later(status, old):
                return
            statement = self._insert(delivery_statuses).values(
                message_sid=message_sid,
                status=status,
                error_code=error_code,
                updated_at=time.time(),
            )
            await conn.execute(
                statement.on_conflict_do_update(
                    index_elements=[delivery_statuses.c.message_sid],
                    set_={
                        "status": statement.excluded.status,
                        "error_code": statement.excluded.error_code,
                        "updated_at": statement.excluded.updated_at,
                    },
                )
            )

    async def prune(self, before: float) -> int:
        """Drop statuses last updated before `before`; how many."""
        statement = delete(delivery_statuses).where(delivery_statuses.c.updated_at < before)
        async with self._engine.begin() as conn:
            result = await conn.execute(statement)
        return int(result.rowcount)

    async def status(self, message_sid: str) -> str | None:
        async with self._engine.connect() as conn:
            return await self._status(conn, message_sid)

    @staticmethod
    async def _status(conn: AsyncConnection, message_sid: str) -> str | None:
        query = select(delivery_statuses.c.status).where(
            delivery_statuses.c.message_sid == message_sid
        )
        result = await conn.execute(query)
        value = result.scalar_one_or_none()
        return None if value is None else str(value)
