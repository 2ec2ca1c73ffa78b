"""Migration 0002 on a catalog that already has stones: they stay, searchable, with the new
graded facts empty."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from importlib.resources import files
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from elgbot.catalog.grades import Shape
from elgbot.catalog.matching import search_window
from elgbot.catalog.stone import DiamondSpec
from elgbot.catalog.store import SqlCatalog
from elgbot.storage.database import migrate


@pytest.fixture(params=["sqlite", "postgres"])
async def bare_engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'old.sqlite3'}"
    else:
        url = request.getfixturevalue("fresh_postgres_url")
    engine = create_async_engine(url)
    yield engine
    await engine.dispose()


def upgrade_to(revision: str) -> Callable[[Connection], None]:
    def run(connection: Connection) -> None:
        config = Config()
        config.set_main_option("script_location", str(files("elgbot.storage") / "migrations"))
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    return run


async def test_stones_of_the_first_schema_survive_the_upgrade(bare_engine: AsyncEngine) -> None:
    async with bare_engine.begin() as conn:
        await conn.run_sync(upgrade_to("0001"))
        await conn.execute(
            text(
                "INSERT INTO stones (stock_id, supplier, shape, carat, color, clarity, cut,"
                " color_rank, clarity_rank, cut_tier, price_inr, available, updated_at)"
                " VALUES ('OLD-1', '', 'round', 1.0, 'D', 'VS1', 'ideal', 0, 4, 0, 50000, 1, 0)"
            )
        )
    async with bare_engine.begin() as conn:
        await conn.run_sync(migrate)
        columns = await conn.run_sync(
            lambda c: {col["name"] for col in inspect(c).get_columns("stones")}
        )
        polish = (await conn.execute(text("SELECT polish FROM stones"))).scalar_one()
    assert {"polish", "symmetry", "fluorescence", "lab", "certificate"} <= columns
    assert polish is None
    spec = DiamondSpec(shape=Shape.ROUND, carat_min=1.0, carat_max=1.0, budget_max_inr=60_000)
    found = await SqlCatalog(bare_engine).candidates(search_window(spec))
    assert [s.stock_id for s in found] == ["OLD-1"]
