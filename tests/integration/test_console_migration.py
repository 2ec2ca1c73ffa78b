"""Migration 0005 creates exactly the console's tables of storage/schema.py, on SQLite and
PostgreSQL, and downgrades cleanly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect

from elgbot.storage import schema
from elgbot.storage.database import open_database

CONSOLE_TABLES = {
    "staff_accounts",
    "console_sessions",
    "login_failures",
    "funnel_events",
    "customer_activity",
    "quote_replies",
}


def _console_differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection)
    diffs = compare_metadata(context, schema.metadata)
    return [d for d in diffs if CONSOLE_TABLES & {_table_of(d)}]


def _table_of(diff: Any) -> str:
    item = diff[0] if isinstance(diff, list) else diff
    for part in item[1:]:
        name = getattr(part, "name", None) if not isinstance(part, str) else None
        table = getattr(part, "table", None)
        if table is not None:
            return str(table.name)
        if name:
            return str(name)
    return ""


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'console.sqlite3'}"
    return str(request.getfixturevalue("fresh_postgres_url"))


async def test_the_migrated_console_tables_match_the_schema(database_url: str) -> None:
    engine = await open_database(database_url)
    try:
        async with engine.connect() as conn:
            tables = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
            differences = await conn.run_sync(_console_differences)
    finally:
        await engine.dispose()
    assert tables >= CONSOLE_TABLES
    assert differences == []
