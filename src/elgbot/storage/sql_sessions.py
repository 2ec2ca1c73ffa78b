"""Session store in the SQL database (the embedded default; also PostgreSQL).

The lock is a lease row (`locks`): taken by an upsert that only overwrites an expired
lease, so it works the same on SQLite and PostgreSQL and across processes, and a crashed
holder frees it when the lease runs out.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from sqlalchemy import Executable, delete, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.storage.database import KEEP_ROWCOUNT, upsert_insert
from elgbot.storage.leases import held
from elgbot.storage.local_locks import KeyedLocks
from elgbot.storage.schema import locks, message_claims, sessions
from elgbot.storage.sessions import Claim, ClaimState, JsonObject

CLAIM_RETENTION_SECONDS = 3 * 24 * 3600


class SqlSessionStore:
    def __init__(
        self,
        engine: AsyncEngine,
        *,
        ttl_seconds: int,
        lock_lease_seconds: float,
        lock_wait_seconds: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._engine = engine
        self._ttl = ttl_seconds
        self._lease = lock_lease_seconds
        self._wait = lock_wait_seconds
        self._clock = clock
        self._local = KeyedLocks()
        self._insert = upsert_insert(engine)

    def lock(self, user: str) -> AbstractAsyncContextManager[None]:
        token = secrets.token_hex(16)
        return held(
            self._local,
            user,
            self._wait,
            lambda: self._try_lock(user, token),
            lambda: self._unlock(user, token),
        )

    async def claim(self, message_id: str) -> Claim:
        now = self._clock()
        insert = self._insert(message_claims).values(
            message_id=message_id, state="processing", claimed_at=now
        )
        async with self._engine.begin() as conn:
            created = await conn.execute(
                insert.on_conflict_do_nothing(), execution_options=KEEP_ROWCOUNT
            )
            if created.rowcount == 1:
                return Claim(ClaimState.NEW)
            row = (
                await conn.execute(
                    select(message_claims.c.state, message_claims.c.replies).where(
                        message_claims.c.message_id == message_id
                    )
                )
            ).one()
        if row.state == "done":
            return Claim(ClaimState.DONE, tuple(json.loads(row.replies or "[]")))
        # Claimed but never finished: the attempt crashed. Our caller holds the customer's
        # lock, so nobody else is handling it now — handle it again rather than lose it.
        return Claim(ClaimState.NEW)

    async def finish(
        self, message_id: str, replies: tuple[str, ...], user: str, session: JsonObject
    ) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(self._upsert(user, session))
            await conn.execute(
                update(message_claims)
                .where(message_claims.c.message_id == message_id)
                .values(state="done", replies=json.dumps(replies, ensure_ascii=False))
            )

    async def load(self, user: str) -> JsonObject | None:
        query = select(sessions.c.data).where(
            sessions.c.customer == user, sessions.c.expires_at > self._clock()
        )
        async with self._engine.connect() as conn:
            data = (await conn.execute(query)).scalar_one_or_none()
        return None if data is None else dict(json.loads(data))

    async def save(self, user: str, session: JsonObject) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(self._upsert(user, session))

    def _upsert(self, user: str, session: JsonObject) -> Executable:
        values = {
            "customer": user,
            "data": json.dumps(session, ensure_ascii=False),
            "expires_at": self._clock() + self._ttl,
        }
        upsert = self._insert(sessions).values(**values)
        return upsert.on_conflict_do_update(  # type: ignore[no-any-return]
            index_elements=[sessions.c.customer],
            set_={"data": upsert.excluded.data, "expires_at": upsert.excluded.expires_at},
        )

    async def prune(self) -> None:
        """Delete expired sessions, leases and old message claims (housekeeping)."""
        now = self._clock()
        async with self._engine.begin() as conn:
            await conn.execute(delete(sessions).where(sessions.c.expires_at <= now))
            await conn.execute(delete(locks).where(locks.c.expires_at <= now))
            await conn.execute(
                delete(message_claims).where(
                    message_claims.c.claimed_at <= now - CLAIM_RETENTION_SECONDS
                )
            )

    async def ping(self) -> None:
        async with self._engine.connect() as conn:
            await conn.execute(select(1))

    async def close(self) -> None:
        """The engine belongs to the caller, who disposes of it."""

    async def _try_lock(self, user: str, token: str) -> bool:
        now = self._clock()
        upsert = self._insert(locks).values(name=user, token=token, expires_at=now + self._lease)
        upsert = upsert.on_conflict_do_update(
            index_elements=[locks.c.name],
            set_={"token": upsert.excluded.token, "expires_at": upsert.excluded.expires_at},
            where=locks.c.expires_at <= now,
        )
        async with self._engine.begin() as conn:
            result = await conn.execute(upsert, execution_options=KEEP_ROWCOUNT)
        return result.rowcount == 1

    async def _unlock(self, user: str, token: str) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(delete(locks).where(locks.c.name == user, locks.c.token == token))
