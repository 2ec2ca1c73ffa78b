"""Group commit on the event loop: writes of one loop turn share a transaction, each caller
sees only its own outcome, and SQLite never blocks the loop."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from elgbot.storage import inline_sqlite
from elgbot.storage.database import WAL_CHECKPOINT_PAGES, open_database
from elgbot.storage.inline_sqlite import InlineSqlite

INSERT = "INSERT INTO notes (id, text) VALUES (?, ?)"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "inline.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
    return path


@pytest.fixture
def inline(path: Path) -> Iterator[InlineSqlite]:
    store = InlineSqlite(path)
    yield store
    store.close()


def rows(path: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(path) as db:
        return list(db.execute("SELECT id, text FROM notes ORDER BY id"))


async def test_writes_queued_together_share_one_commit_and_each_gets_its_result(
    inline: InlineSqlite, path: Path
) -> None:
    commits: list[str] = []
    db = inline._connection()
    db.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
    counts = await asyncio.gather(*(inline.execute(INSERT, (i, f"n{i}")) for i in range(20)))
    assert counts == [1] * 20
    assert commits == ["COMMIT"]
    assert len(rows(path)) == 20  # committed: another connection sees them


async def test_a_failing_write_fails_alone(inline: InlineSqlite, path: Path) -> None:
    await inline.execute(INSERT, (1, "first"))
    results = await asyncio.gather(
        inline.execute(INSERT, (2, "second")),
        inline.execute(INSERT, (1, "duplicate id")),
        inline.execute(INSERT, (3, "third")),
        return_exceptions=True,
    )
    assert (results[0], results[2]) == (1, 1)
    assert isinstance(results[1], sqlite3.IntegrityError)
    assert rows(path) == [(1, "first"), (2, "second"), (3, "third")]


async def test_a_write_that_fails_halfway_leaves_none_of_its_statements(
    inline: InlineSqlite, path: Path
) -> None:
    await inline.execute(INSERT, (1, "first"))

    def half(db: sqlite3.Connection) -> None:
        db.execute(INSERT, (10, "half of a failed write"))
        db.execute(INSERT, (1, "duplicate id"))

    results = await asyncio.gather(
        inline.execute(INSERT, (2, "before")),
        inline.write(half),
        inline.execute(INSERT, (3, "after")),
        return_exceptions=True,
    )
    assert (results[0], results[2]) == (1, 1)
    assert isinstance(results[1], sqlite3.IntegrityError)
    assert rows(path) == [(1, "first"), (2, "before"), (3, "after")]


async def test_a_write_whose_caller_gave_up_before_the_commit_never_happens(
    inline: InlineSqlite, path: Path
) -> None:
    abandoned = asyncio.ensure_future(inline.execute(INSERT, (1, "abandoned")))
    await asyncio.sleep(0)  # queued, and the flush scheduled behind this turn of the loop
    abandoned.cancel()
    assert await inline.execute(INSERT, (2, "kept")) == 1
    assert rows(path) == [(2, "kept")]


async def test_a_write_waits_for_another_writer_while_the_loop_runs(
    inline: InlineSqlite, path: Path
) -> None:
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute(INSERT, (1, "other"))
        # Only the event loop can end the other transaction: a blocked loop would hang here.
        asyncio.get_running_loop().call_later(0.2, other.execute, "COMMIT")
        assert await asyncio.wait_for(inline.execute(INSERT, (2, "ours")), 5) == 1
    finally:
        other.close()
    assert rows(path) == [(1, "other"), (2, "ours")]


async def test_a_writer_that_never_lets_go_fails_the_write_after_the_wait_limit(
    inline: InlineSqlite, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inline_sqlite, "BUSY_RETRY_SECONDS", 0.1)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            await asyncio.wait_for(inline.execute(INSERT, (1, "stuck")), 5)
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert await inline.execute(INSERT, (2, "later")) == 1  # the store still works
    assert rows(path) == [(2, "later")]


async def test_both_kinds_of_connection_checkpoint_the_wal_equally_seldom(
    inline: InlineSqlite, path: Path
) -> None:
    setting = "PRAGMA wal_autocheckpoint"
    assert await inline.one(setting, ()) == (WAL_CHECKPOINT_PAGES,)
    engine = await open_database(f"sqlite+aiosqlite:///{path}")
    try:
        async with engine.connect() as conn:
            assert (await conn.exec_driver_sql(setting)).scalar() == WAL_CHECKPOINT_PAGES
    finally:
        await engine.dispose()
    assert WAL_CHECKPOINT_PAGES > 1000  # SQLite's default, which checkpointed 4x as often
