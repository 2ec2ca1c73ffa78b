"""The catalog, carts and quotes on both engines: embedded SQLite and a real PostgreSQL."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.importer import import_feed
from elgbot.catalog.matching import rank, search_window
from elgbot.catalog.stone import DiamondSpec, Stone
from elgbot.catalog.store import SqlCatalog
from elgbot.commerce.cart import CartItem, ItemKind, SqlCarts
from elgbot.commerce.quotes import QuoteRequest, SqlQuotes
from elgbot.storage import schema
from elgbot.storage.database import open_database


@pytest.fixture(params=["sqlite", "postgres"])
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}"
    else:
        url = request.getfixturevalue("fresh_postgres_url")
    engine = await open_database(url)
    yield engine
    await engine.dispose()


STONES = [
    Stone("RD-1", Shape.ROUND, 1.50, Color.D, Clarity.VS1, Cut.IDEAL, 95_000),
    Stone("RD-2", Shape.ROUND, 1.60, Color.D, Clarity.VS1, Cut.IDEAL, 98_000),
    Stone("RD-3", Shape.ROUND, 1.50, Color.G, Clarity.VS1, Cut.IDEAL, 60_000),
    Stone("OV-1", Shape.OVAL, 1.50, Color.D, Clarity.VS1, Cut.IDEAL, 90_000),
]


async def test_the_search_filters_in_the_database_and_ranks_exact_first(
    engine: AsyncEngine,
) -> None:
    catalog = SqlCatalog(engine)
    await catalog.add(STONES)
    spec = DiamondSpec(
        shape=Shape.ROUND, carat_min=1.5, carat_max=1.5, colors=(Color.D,), budget_max_inr=100_000
    )
    found = rank(spec, await catalog.candidates(search_window(spec)))
    assert [(m.stone.stock_id, m.exact) for m in found] == [("RD-1", True), ("RD-2", False)]


async def test_a_withdrawn_stone_is_never_offered(engine: AsyncEngine) -> None:
    catalog = SqlCatalog(engine)
    await catalog.add(STONES)
    await catalog.withdraw(["RD-1"])
    spec = DiamondSpec(shape=Shape.ROUND, budget_max_inr=100_000)
    assert "RD-1" not in [s.stock_id for s in await catalog.candidates(search_window(spec))]
    assert await catalog.get("RD-1") is None


async def test_an_import_upserts_by_stock_id_and_replace_swaps_the_suppliers_stock(
    engine: AsyncEngine,
) -> None:
    catalog = SqlCatalog(engine)
    feed = (
        "Stock #,Shape,Weight,Color,Clarity,Cut Grade,Price\n"
        "A1,RD,1.50,D,VS1,EX,40000\n"
        "A2,OV,1.00,F,VS2,VG,30000\n"
    )
    first = await import_feed(catalog, io.StringIO(feed), supplier="s1")
    assert (first.imported, first.updated, first.rejected) == (2, 0, 0)
    stone = await catalog.get("A1")
    assert stone is not None
    assert stone.price_inr == 60_000  # RapNet's Price is per carat
    again = await import_feed(catalog, io.StringIO(feed), supplier="s1")
    assert (again.imported, again.updated) == (0, 2)
    replaced = await import_feed(
        catalog,
        io.StringIO(
            "Stock #,Shape,Weight,Color,Clarity,Cut Grade,Price\nB1,PS,2.0,E,VVS2,EX,35000\n"
        ),
        supplier="s1",
        replace=True,
    )
    assert replaced.imported == 1
    assert await catalog.get("A1") is None
    assert await catalog.get("B1") is not None


async def test_a_stone_is_in_a_cart_at_most_once(engine: AsyncEngine) -> None:
    carts = SqlCarts(engine)
    item = CartItem(ItemKind.DIAMOND, "RD-1", "Round 1.5ct D VS1 Ideal", 95_000)
    assert await carts.add("+919800000001", item) is True
    assert await carts.add("+919800000001", item) is False
    assert await carts.add("+919800000002", item) is True
    assert await carts.items("+919800000001") == [item]


async def test_a_quote_is_filed_once_per_message(engine: AsyncEngine) -> None:
    quotes = SqlQuotes(engine)
    request = QuoteRequest("+919800000001", "emerald 3ct", '{"shape": "emerald"}', "SM1")
    await quotes.record(request)
    await quotes.record(request)
    stored = await quotes.for_customer("+919800000001")
    assert [(q.request_text, q.state) for q in stored] == [("emerald 3ct", "new")]


async def test_details_join_the_fresh_request_once_even_when_redelivered(
    engine: AsyncEngine,
) -> None:
    quotes = SqlQuotes(engine)
    first = QuoteRequest("+919800000001", "emerald 3ct", '{"shape": "emerald"}', "SM1")
    details = QuoteRequest("+919800000001", "set in a ring", '{"shape": "emerald", "x": 1}', "SM2")
    await quotes.record(first)
    await quotes.record(details, follow_up=True)
    await quotes.record(details, follow_up=True)  # the same message delivered again
    [stored] = await quotes.for_customer("+919800000001")
    assert stored.request_text == "emerald 3ct / set in a ring"
    assert stored.spec_json == details.spec_json


async def test_details_without_a_fresh_request_are_a_request_of_their_own(
    engine: AsyncEngine,
) -> None:
    quotes = SqlQuotes(engine)
    # Another customer's request, and this customer's taken up by the team already.
    await quotes.record(QuoteRequest("+919800000002", "oval", "{}", "SM1"))
    await quotes.record(QuoteRequest("+919800000001", "pear", "{}", "SM2"))
    async with engine.begin() as conn:
        await conn.execute(schema.quotes.update().values(state="quoted"))
    await quotes.record(QuoteRequest("+919800000001", "cushion 2ct", "{}", "SM3"), follow_up=True)
    stored = await quotes.for_customer("+919800000001")
    assert [q.request_text for q in stored] == ["pear", "cushion 2ct"]


async def test_the_migrations_build_exactly_the_declared_schema(engine: AsyncEngine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from elgbot.storage.schema import metadata

    def differences(conn: Connection) -> list[object]:
        return list(compare_metadata(MigrationContext.configure(conn), metadata))

    async with engine.connect() as conn:
        assert await conn.run_sync(differences) == []
