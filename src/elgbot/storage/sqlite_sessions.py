"""Session store for the embedded default, on the standard library's sqlite3.

Every message touches this store five or six times, so it skips the async driver, whose
hand-offs to a worker thread (each waiting for the GIL under load) cost far more than
SQLite itself: the statements run right on the event loop, each a tiny autocommit
transaction of some microseconds. SQLite is never allowed to block the loop: with
busy_timeout 0, a write that finds another connection writing (another worker, `elgbot
chat`, or this process's async engine mid-transaction) raises "busy", and we yield to the
loop and try again until the wait limit.

Same tables and semantics as `SqlSessionStore` (the contract suite runs on both); the lock
is the same lease row, so `elgbot chat` and the server, or several workers, can share the file.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import sqlite3
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any, TypeVar

from elgbot.storage.leases import held
from elgbot.storage.local_locks import KeyedLocks
from elgbot.storage.sessions import Claim, ClaimState, JsonObject

CLAIM_RETENTION_SECONDS = 3 * 24 * 3600
BUSY_RETRY_SECONDS = 10.0  # a writer holding SQLite this long is stuck; give up
_FIRST_BUSY_PAUSE = 0.0005
_T = TypeVar("_T")

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
        self._path = path
        self._ttl = ttl_seconds
        self._lease = lock_lease_seconds
        self._wait = lock_wait_seconds
        self._clock = clock
        self._local = KeyedLocks()
        self._db: sqlite3.Connection | None = None

    def lock(self, user: str) -> AbstractAsyncContextManager[None]:
        token = secrets.token_hex(16)
        return held(
            self._local,
            user,
            self._wait,
            lambda: self._run(self._take_lease, user, token),
            lambda: self._run(self._sql, _DROP_LEASE, (user, token)),
        )

    async def claim(self, message_id: str) -> Claim:
        return await self._run(self._claim, message_id)

    async def finish(self, message_id: str, replies: tuple[str, ...]) -> None:
        await self._run(self._sql, _FINISH, (json.dumps(replies, ensure_ascii=False), message_id))

    async def load(self, user: str) -> JsonObject | None:
        row = await self._run(self._one, _LOAD, (user, self._clock()))
        return None if row is None else dict(json.loads(row[0]))

    async def save(self, user: str, session: JsonObject) -> None:
        data = json.dumps(session, ensure_ascii=False)
        await self._run(self._sql, _SAVE, (user, data, self._clock() + self._ttl))

    async def prune(self) -> None:
        await self._run(self._prune, {"now": self._clock(), "retention": CLAIM_RETENTION_SECONDS})

    async def ping(self) -> None:
        await self._run(self._one, "SELECT 1", ())

    async def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    async def _run(self, work: Callable[..., _T], *args: Any) -> _T:
        """Run `work` now; while SQLite is busy, pause (yielding the loop) and retry."""
        deadline = time.monotonic() + BUSY_RETRY_SECONDS
        pause = _FIRST_BUSY_PAUSE
        while True:
            try:
                return work(*args)
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or time.monotonic() > deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, 0.05)

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            # Autocommit (each statement its own transaction) and never wait inside SQLite.
            self._db = sqlite3.connect(self._path, isolation_level=None, timeout=0)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
        return self._db

    def _sql(self, statement: str, params: tuple[Any, ...]) -> int:
        return self._connection().execute(statement, params).rowcount

    def _one(self, statement: str, params: tuple[Any, ...]) -> tuple[Any, ...] | None:
        row: tuple[Any, ...] | None = self._connection().execute(statement, params).fetchone()
        return row

    def _take_lease(self, user: str, token: str) -> bool:
        now = self._clock()
        return self._sql(_TAKE_LEASE, (user, token, now + self._lease, now)) == 1

    def _claim(self, message_id: str) -> Claim:
        if self._sql(_CLAIM, (message_id, self._clock())) == 1:
            return Claim(ClaimState.NEW)
        row = self._one(_CLAIMED, (message_id,))
        if row is not None and row[0] == "done":
            return Claim(ClaimState.DONE, tuple(json.loads(row[1] or "[]")))
        # Claimed but never finished: that attempt crashed; our caller holds the lock.
        return Claim(ClaimState.NEW)

    def _prune(self, params: dict[str, float]) -> None:
        for statement in _PRUNE:
            self._connection().execute(statement, params)


def _is_busy(error: sqlite3.OperationalError) -> bool:
    # Extended codes (e.g. SQLITE_BUSY_SNAPSHOT) keep the primary code in the low byte.
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
