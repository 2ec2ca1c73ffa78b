"""Per-key asyncio locks that disappear when nobody holds or waits for them.

The stores take this in-process lock before the shared (database or Redis) lease, so two
messages of one customer in the same worker queue here instead of polling the backend.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from elgbot.storage.sessions import LockTimeout


class KeyedLocks:
    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}

    @asynccontextmanager
    async def hold(self, key: str, wait_seconds: float) -> AsyncIterator[None]:
        """Hold `key`'s lock; LockTimeout when it is not free within `wait_seconds`."""
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            await _acquire(lock, wait_seconds)
            try:
                yield
            finally:
                lock.release()
        finally:
            self._users[key] -= 1
            if self._users[key] == 0:
                del self._users[key], self._locks[key]

    def __len__(self) -> int:
        return len(self._locks)


async def _acquire(lock: asyncio.Lock, wait_seconds: float) -> None:
    if not lock.locked():  # the usual case; skips the cost of a timeout scope
        await lock.acquire()
        return
    try:
        async with asyncio.timeout(wait_seconds):
            await lock.acquire()
    except TimeoutError:
        raise LockTimeout(f"lock not free after {wait_seconds:.1f}s") from None
