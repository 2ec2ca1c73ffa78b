"""Taking a customer's lock: first in this process, then the shared lease, all within one
wait limit, so a message never waits longer than the store promises."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from elgbot.storage.local_locks import KeyedLocks
from elgbot.storage.sessions import LockTimeout

_FIRST_POLL_SECONDS = 0.005
_LONGEST_POLL_SECONDS = 0.1


@asynccontextmanager
async def held(
    local: KeyedLocks,
    key: str,
    wait: float,
    acquire: Callable[[], Awaitable[bool]],
    release: Callable[[], Awaitable[object]],
) -> AsyncIterator[None]:
    """Hold `key` locally and the shared lease (`acquire`/`release`) until the block ends."""
    deadline = time.monotonic() + wait
    async with local.hold(key, wait):
        await _poll(acquire, deadline, wait)
        try:
            yield
        finally:
            await release()


async def _poll(try_acquire: Callable[[], Awaitable[bool]], deadline: float, wait: float) -> None:
    delay = _FIRST_POLL_SECONDS
    while not await try_acquire():
        if time.monotonic() >= deadline:
            raise LockTimeout(f"lock not free after {wait:.1f}s")
        await asyncio.sleep(delay)
        delay = min(delay * 2, _LONGEST_POLL_SECONDS)
