"""Orders in the SQL database on both engines: import, update, and the privacy rule."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.cli import main
from elgbot.commerce.order_feed import import_orders
from elgbot.commerce.orders import Order, OrderStatus, SqlOrders
from elgbot.storage.database import open_database

PRIYA = "+919812345678"
RAHUL = "+919800000002"
FEED = (
    "order_id,phone,status,items,placed_at,expected_delivery,tracking_url\n"
    f"ELG-1,{PRIYA},delivered,Round 1ct G VS1,2025-01-05,2025-01-12,\n"
    f"ELG-2,{PRIYA},shipped,18K rose gold ring,2025-03-01,2025-03-08,https://t.example/2\n"
    f"ELG-3,{RAHUL},placed,Studs,2025-03-02,,\n"
    f"ELG-4,{RAHUL},teleported,Studs,2025-03-02,,\n"
)


@pytest.fixture(params=["sqlite", "postgres"])
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}"
    else:
        url = request.getfixturevalue("fresh_postgres_url")
    engine = await open_database(url)
    yield engine
    await engine.dispose()


async def test_an_import_stores_good_rows_and_reports_bad_ones(engine: AsyncEngine) -> None:
    report = await import_orders(SqlOrders(engine), io.StringIO(FEED))
    assert (report.read, report.imported, report.updated, report.rejected) == (4, 3, 0, 1)
    assert report.rejections[0].line == 5
    again = await import_orders(SqlOrders(engine), io.StringIO(FEED))
    assert (again.imported, again.updated) == (0, 3)


async def test_a_number_sees_its_own_recent_orders_newest_first(engine: AsyncEngine) -> None:
    orders = SqlOrders(engine)
    await import_orders(orders, io.StringIO(FEED))
    assert [o.order_id for o in await orders.recent_for(PRIYA)] == ["ELG-2", "ELG-1"]
    assert [o.order_id for o in await orders.recent_for(PRIYA, limit=1)] == ["ELG-2"]
    assert await orders.recent_for("+919999999999") == []


async def test_an_order_is_found_only_for_the_number_that_placed_it(engine: AsyncEngine) -> None:
    orders = SqlOrders(engine)
    await import_orders(orders, io.StringIO(FEED))
    mine = await orders.placed_by(PRIYA, "elg 2")
    assert mine is not None
    assert (mine.status, mine.tracking_url) == (OrderStatus.SHIPPED, "https://t.example/2")
    # Someone else's order and an order that does not exist look exactly the same.
    assert await orders.placed_by(RAHUL, "ELG-2") is None
    assert await orders.placed_by(RAHUL, "ELG-999") is None


async def test_an_update_changes_the_order_in_place(engine: AsyncEngine) -> None:
    orders = SqlOrders(engine)
    placed = Order("ELG-9", PRIYA, OrderStatus.PLACED, ("Pendant",), date(2025, 4, 1))
    assert await orders.put([placed]) == 1
    shipped = Order("elg-9", PRIYA, OrderStatus.SHIPPED, ("Pendant",), date(2025, 4, 1))
    assert await orders.put([shipped]) == 0
    assert await orders.placed_by(PRIYA, "ELG-9") == shipped


def test_the_command_line_imports_orders_and_prints_each_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ELG_DATA_DIR", str(tmp_path))
    feed = tmp_path / "orders.csv"
    feed.write_text(FEED, encoding="utf-8")
    assert main(["orders", "import", str(feed)]) == 0
    out = capsys.readouterr().out
    assert "line 5: ELG-4: unknown status 'teleported'" in out
    assert "rows read: 4, imported: 3, updated: 0, rejected: 1" in out


def test_the_command_line_refuses_a_file_without_the_needed_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ELG_DATA_DIR", str(tmp_path))
    feed = tmp_path / "orders.csv"
    feed.write_text("order_id,status\nA,shipped\n", encoding="utf-8")
    assert main(["orders", "import", str(feed)]) == 2
    assert "no phone, placed_at column" in capsys.readouterr().err
