"""Session store for the embedded default, on the standard library's sqlite3.

Every message touches this store five times, so it skips the async engine and runs
its statements right on the event loop, writes group-committed (storage/inline_sqlite.py
says why both matter). Same tables and semantics as `SqlSessionStore` (the contract suite
runs on both); the lock is the same lease row, so `elgbot chat` and the server, or several
workers, can share the file.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path

from elgbot.storage.inline_sqlite import InlineSqlite
from elgbot.storage.leases import held
from elgbot.storage.local_locks import KeyedLocks
from elgbot.storage.sessions import Claim, ClaimState, JsonObject

CLAIM_RETENTION_SECONDS = 3 * 24 * 3600

_TAKE_LEASE = """
INSERT INTO locks (name, token, expires_at) VALUES (?, ?, ?)
ON CONFLICT (name) DO UPDATE SET token = excluded.token, expires_at = excluded.expires_at
WHERE locks.expires_at <= ?
"""
_DROP_LEASE = "DELETE FROM locks WHERE name = ? AND token = ?"
_CLAIM = """
INSERT INTO message_claims (message_id, state, claimed_at) VALUES (?, 'processing', ?)
ON CONFLICT (message_id) DO NOTHING
"""
_CLAIMED = "SELECT state, replies FROM message_claims WHERE message_id = ?"
_FINISH = "UPDATE message_claims SET state = 'done', replies = ? WHERE message_id = ?"
_LOAD = "SELECT data FROM sessions WHERE customer = ? AND expires_at > ?"
_SAVE = """
INSERT INTO sessions (customer, data, expires_at) VALUES (?, ?, ?)
ON CONFLICT (customer) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at
"""
_PRUNE = (
    "DELETE FROM sessions WHERE expires_at <= :now",
    "DELETE FROM locks WHERE expires_at <= :now",
    "DELETE FROM message_claims WHERE claimed_at <= :now - :retention",
)


class SqliteSessionStore:
    def __init__(
        self,
        path: Path,
        *,
        ttl_seconds: int,
        lock_lease_seconds: float,
        lock_wait_seconds: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._db = InlineSqlite(path)
        self._ttl = ttl_seconds
        self._lease = lock_lease_seconds
        self._wait = lock_wait_seconds
        self._clock = clock
        self._local = KeyedLocks()

    def lock(self, user: str) -> AbstractAsyncContextManager[None]:
        token = secrets.token_hex(16)
        return held(
            self._local,
            user,
            self._wait,
            lambda: self._take_lease(user, token),
            lambda: self._db.execute(_DROP_LEASE, (user, token)),
        )

    async def claim(self, message_id: str) -> Claim:
        return await self._db.write(lambda db: self._claim(db, message_id))

    async def finish(
        self, message_id: str, replies: tuple[str, ...], user: str, session: JsonObject
    ) -> None:
        done = (json.dumps(replies, ensure_ascii=False), message_id)
        saved = self._saved(user, session)
        await self._db.write(lambda db: (db.execute(_SAVE, saved), db.execute(_FINISH, done)))

    async def load(self, user: str) -> JsonObject | None:
        row = await self._db.one(_LOAD, (user, self._clock()))
        return None if row is None else dict(json.loads(row[0]))

    async def save(self, user: str, session: JsonObject) -> None:
        await self._db.execute(_SAVE, self._saved(user, session))

    def _saved(self, user: str, session: JsonObject) -> tuple[str, str, float]:
        return user, json.dumps(session, ensure_ascii=False), self._clock() + self._ttl

    async def prune(self) -> None:
        params = {"now": self._clock(), "retention": CLAIM_RETENTION_SECONDS}
        for statement in _PRUNE:
            await self._db.execute(statement, params)

    async def ping(self) -> None:
        await self._db.one("SELECT 1", ())

    async def close(self) -> None:
        self._db.close()

    async def _take_lease(self, user: str, token: str) -> bool:
        now = self._clock()
        return await self._db.execute(_TAKE_LEASE, (user, token, now + self._lease, now)) == 1

    def _claim(self, db: sqlite3.Connection, message_id: str) -> Claim:
        if db.execute(_CLAIM, (message_id, self._clock())).rowcount == 1:
            return Claim(ClaimState.NEW)
        row = db.execute(_CLAIMED, (message_id,)).fetchone()
        if row is not None and row[0] == "done":
            return Claim(ClaimState.DONE, tuple(json.loads(row[1] or "[]")))
        # Claimed but never finished: that attempt crashed; our caller holds the lock.
        return Claim(ClaimState.NEW)
