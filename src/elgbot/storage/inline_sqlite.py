"""A plain sqlite3 connection used right on the event loop, for the embedded default's
hottest statements (the session store's, and the outbox check every message makes).

Why not the async engine: aiosqlite sends every call to a worker thread, and under load
each hand-off waits for the GIL, so a statement of microseconds costs about a millisecond.
Why group commit: a commit costs far more than the statement it ends (on this machine
~14 µs for an autocommitted upsert, ~2 µs inside a shared transaction), and a message
makes four small writes; writes queued in one turn of the event loop share one
transaction, and each caller resumes only once that transaction has committed.

SQLite must never block the loop: with busy_timeout 0, a transaction that finds another
connection writing (another worker, `elgbot chat`, this process's async engine) raises
"busy", and we retry later, yielding the loop meanwhile, until the wait limit.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from elgbot.storage.database import WAL_CHECKPOINT_PAGES

BUSY_RETRY_SECONDS = 10.0  # a writer holding SQLite this long is stuck; give up
_FIRST_BUSY_PAUSE = 0.0005
_LONGEST_BUSY_PAUSE = 0.05
_T = TypeVar("_T")
Work = Callable[[sqlite3.Connection], Any]


@dataclass(slots=True)
class _Queued:
    work: Work
    future: asyncio.Future[Any]
    deadline: float = field(default_factory=lambda: time.monotonic() + BUSY_RETRY_SECONDS)


class InlineSqlite:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._db: sqlite3.Connection | None = None
        self._queue: list[_Queued] = []
        self._flush_scheduled = False
        self._pause = _FIRST_BUSY_PAUSE

    async def read(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run a read now (WAL readers do not wait for writers; busy is retried)."""
        deadline = time.monotonic() + BUSY_RETRY_SECONDS
        pause = _FIRST_BUSY_PAUSE
        while True:
            try:
                return work(self._connection())
            except sqlite3.OperationalError as error:
                if not is_busy(error) or time.monotonic() > deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, _LONGEST_BUSY_PAUSE)

    async def write(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run `work` in the next shared transaction; its result once that has committed.

        `work` runs inside a transaction other callers' work shares, so it must not commit
        or roll back. It is all or nothing: when it raises, none of its statements stay and
        its caller gets the error; the others' work is unaffected (and may run twice, in a
        transaction undone and then a new one, so it must depend only on the database).
        """
        future: asyncio.Future[_T] = asyncio.get_running_loop().create_future()
        self._queue.append(_Queued(work, future))
        if not self._flush_scheduled:
            self._flush_scheduled = True
            asyncio.get_running_loop().call_soon(self._flush)
        return await future

    async def execute(self, statement: str, params: tuple[Any, ...] | dict[str, Any]) -> int:
        """One write statement, group-committed; the number of rows it changed."""
        return await self.write(lambda db: db.execute(statement, params).rowcount)

    async def one(self, statement: str, params: tuple[Any, ...]) -> tuple[Any, ...] | None:
        """The first row of a read statement, or None."""
        row: tuple[Any, ...] | None = await self.read(
            lambda db: db.execute(statement, params).fetchone()
        )
        return row

    def close(self) -> None:
        for queued in self._queue:  # nothing should be left: every writer awaits its work
            if not queued.future.done():
                queued.future.set_exception(sqlite3.ProgrammingError("database closed"))
        self._queue = []
        if self._db is not None:
            self._db.close()
            self._db = None

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            # Autocommit unless we BEGIN, and never wait inside SQLite.
            db = sqlite3.connect(self._path, isolation_level=None, timeout=0)
            try:  # turning WAL on needs the lock: busy here is retried like any other
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
            except sqlite3.Error:
                db.close()
                raise
            self._db = db
        return self._db

    def _flush(self) -> None:
        """Everything queued, in one transaction (a loop callback: it never awaits)."""
        self._flush_scheduled = False
        # A caller that gave up (cancelled) must not have its write happen behind its back.
        batch = [queued for queued in self._queue if not queued.future.cancelled()]
        self._queue = []
        while batch:
            try:
                db = self._connection()
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:  # nothing may escape a loop callback: callers wait
                self._wait_for_writer(batch, error)
                return
            self._pause = _FIRST_BUSY_PAUSE
            batch = self._commit(db, batch)

    def _commit(self, db: sqlite3.Connection, batch: list[_Queued]) -> list[_Queued]:
        """Run the batch and commit it; what is left to run again in a new transaction.

        A work that fails may have run half its statements, so the whole batch is undone:
        the failed work gets its error, and the others are returned to run again without it.
        """
        outcomes = [_attempt(queued.work, db) for queued in batch]
        failed = {i for i, outcome in enumerate(outcomes) if isinstance(outcome, _Failed)}
        if failed:
            _roll_back(db)
            for i in failed:
                _settle(batch[i].future, outcomes[i])
            return [queued for i, queued in enumerate(batch) if i not in failed]
        try:
            db.execute("COMMIT")
        except sqlite3.Error as error:
            _roll_back(db)
            outcomes = [_Failed(error)] * len(batch)
        for queued, outcome in zip(batch, outcomes, strict=True):
            _settle(queued.future, outcome)
        return []

    def _wait_for_writer(self, batch: list[_Queued], error: sqlite3.Error) -> None:
        """Another connection is writing: try again soon, failing work past its deadline.
        Any other error fails the whole batch."""
        now = time.monotonic()
        if not is_busy(error):
            waiting, failed = [], batch
        else:
            waiting = [queued for queued in batch if queued.deadline >= now]
            failed = [queued for queued in batch if queued.deadline < now]
        for queued in failed:
            _settle(queued.future, _Failed(error))
        self._queue = waiting + self._queue
        if self._queue and not self._flush_scheduled:
            self._flush_scheduled = True
            asyncio.get_running_loop().call_later(self._pause, self._flush)
            self._pause = min(self._pause * 2, _LONGEST_BUSY_PAUSE)


def _roll_back(db: sqlite3.Connection) -> None:
    with suppress(sqlite3.Error):  # the transaction may be gone already
        db.execute("ROLLBACK")


def _attempt(work: Work, db: sqlite3.Connection) -> Any:
    try:
        return work(db)
    except Exception as error:  # this work's caller gets it; the others go on
        return _Failed(error)


@dataclass(frozen=True, slots=True)
class _Failed:
    error: Exception


def _settle(future: asyncio.Future[Any], outcome: Any) -> None:
    if future.done():
        return
    if isinstance(outcome, _Failed):
        future.set_exception(outcome.error)
    else:
        future.set_result(outcome)


def is_busy(error: sqlite3.Error) -> bool:
    """SQLite is locked by another connection (try again), as opposed to a real error."""
    # Extended codes (e.g. SQLITE_BUSY_SNAPSHOT) keep the primary code in the low byte.
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
