"""The embedded session store runs on the event loop, so it must never block it."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from elgbot.storage.database import open_database
from elgbot.storage.sqlite_sessions import SqliteSessionStore


async def test_a_write_waits_for_another_writer_without_blocking_the_event_loop(
    tmp_path: Path,
) -> None:
    path = tmp_path / "elgbot.sqlite3"
    engine = await open_database(f"sqlite+aiosqlite:///{path}")
    store = SqliteSessionStore(path, ttl_seconds=60, lock_lease_seconds=5, lock_wait_seconds=5)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another connection holds SQLite's write lock
        # Only the event loop can end it: a store that blocked the loop would wait forever.
        asyncio.get_running_loop().call_later(0.2, other.execute, "COMMIT")
        await asyncio.wait_for(store.save("+919800000001", {"step": "main_menu"}), 5)
        assert await store.load("+919800000001") == {"step": "main_menu"}
    finally:
        other.close()
        await store.close()
        await engine.dispose()
