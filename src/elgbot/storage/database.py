"""Opening the database: engine, SQLite pragmas, and migrations to the newest schema."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any, Final

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

# PostgreSQL drivers report an INSERT's row count only when asked to keep it; the stores
# read it to know whether an ON CONFLICT insert took the row (a claim, a lock, a cart item).
KEEP_ROWCOUNT: Final = {"preserve_rowcount": True}

# Any constant works; it only has to be the same in every worker.
_MIGRATION_LOCK_ID = 0x454C47


async def open_database(url: str) -> AsyncEngine:
    """An engine on `url`, with the schema migrated to the newest revision."""
    engine = _create_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(migrate)
    return engine


def is_sqlite(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "sqlite"


def sqlite_file(url: str | URL) -> Path | None:
    """The file of a SQLite database URL; None for other engines and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def migrate(connection: Connection) -> None:
    """Upgrade to head. On PostgreSQL an advisory lock stops workers racing each other."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK_ID})
    config = Config()
    config.set_main_option("script_location", str(files("elgbot.storage") / "migrations"))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _create_engine(url: str) -> AsyncEngine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_async_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(url, connect_args={"timeout": 30})
    event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


# WAL pages before a commit folds them back into the database (SQLite's default: 1,000).
# A checkpoint syncs to disk, and each message rewrites the same few pages (its session,
# the lock, the newest claims): checkpointing 4x less often writes each of them once
# instead of four times, for ~8 % more messages per second, at the cost of a WAL file of
# up to 16 MB.
WAL_CHECKPOINT_PAGES = 4000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers run beside the one writer; NORMAL sync is durable across app crashes
    # (only an OS crash can lose the last transactions); busy_timeout makes writers queue.
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode=WAL",
        "synchronous=NORMAL",
        f"wal_autocheckpoint={WAL_CHECKPOINT_PAGES}",
        "busy_timeout=30000",
        "foreign_keys=ON",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def upsert_insert(engine: AsyncEngine) -> Any:
    """The dialect's INSERT, which has ON CONFLICT (both SQLite and PostgreSQL do)."""
    return postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
