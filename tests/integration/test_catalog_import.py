"""Feed imports on both engines: upserts, reports, atomic replaces, and the command line."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.catalog import importer
from elgbot.catalog.feed import FeedError
from elgbot.catalog.grades import Shape
from elgbot.catalog.importer import import_feed
from elgbot.catalog.matching import search_window
from elgbot.catalog.stone import DiamondSpec
from elgbot.catalog.store import SqlCatalog
from elgbot.cli import main
from elgbot.storage.database import open_database
from elgbot.storage.schema import stones

RAPNET_HEADER = (
    "Stock #,Shape,Weight,Color,Clarity,Cut Grade,Polish,Symmetry,Fluorescence Intensity,"
    "Lab,Certificate #,Price"
)
PLAIN_HEADER = "stock_id,shape,carat,color,clarity,cut,price_inr"


@pytest.fixture(params=["sqlite", "postgres"])
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'catalog.sqlite3'}"
    else:
        url = request.getfixturevalue("fresh_postgres_url")
    opened = await open_database(url)
    yield opened
    await opened.dispose()


def feed(*lines: str, header: str = PLAIN_HEADER) -> io.StringIO:
    return io.StringIO("\n".join([header, *lines]) + "\n")


def plain(prefix: str, count: int, price: int = 50_000) -> io.StringIO:
    """`count` identical round 1 ct D VS1 ideal stones, ids PREFIX-0…, all at `price`."""
    return feed(*(f"{prefix}-{n:05d},round,1.00,D,VS1,ideal,{price}" for n in range(count)))


async def test_a_rapnet_row_is_stored_with_its_total_price_and_graded_facts(
    engine: AsyncEngine,
) -> None:
    row = "A1,RD,1.50,D,VS1,EX,VG,G,Medium Blue,igi,LG 612 345,40000"
    report = await import_feed(SqlCatalog(engine), feed(row, header=RAPNET_HEADER))
    assert (report.read, report.imported, report.updated, report.rejected) == (1, 1, 0, 0)
    async with engine.connect() as conn:
        stored = (await conn.execute(select(stones))).one()
    assert (stored.shape, stored.carat, stored.cut, stored.price_inr) == (
        "round",
        1.5,
        "excellent",
        60_000,
    )
    assert (stored.polish, stored.symmetry, stored.fluorescence) == ("very good", "good", "medium")
    assert (stored.lab, stored.certificate) == ("IGI", "LG612345")
    assert (stored.color_rank, stored.clarity_rank, stored.cut_tier) == (0, 4, 0)


async def test_a_second_import_updates_by_stock_id_and_counts_new_and_known(
    engine: AsyncEngine,
) -> None:
    catalog = SqlCatalog(engine)
    await import_feed(catalog, feed("A1,round,1.00,D,VS1,ideal,50000"), supplier="s1")
    report = await import_feed(
        catalog,
        feed("A1,round,1.00,D,VS1,ideal,45000", "A2,oval,1.00,E,VS2,,30000"),
        supplier="s1",
    )
    assert (report.imported, report.updated) == (1, 1)
    repriced = await catalog.get("A1")
    assert repriced is not None
    assert repriced.price_inr == 45_000


async def test_every_bad_row_is_reported_and_the_good_ones_are_imported(
    engine: AsyncEngine,
) -> None:
    report = await import_feed(
        SqlCatalog(engine),
        feed(
            "A1,round,1.00,D,VS1,ideal,50000",
            "A2,round,heavy,D,VS1,ideal,50000",
            "A3,blob,1.00,D,VS1,ideal,50000",
            "A1,round,1.00,D,VS1,ideal,50000",
            "A4,round,1.00,D,VS1,ideal,0",
        ),
    )
    assert [(r.line, r.stock_id, r.reason) for r in report.rejections] == [
        (3, "A2", "carat 'heavy' is not a number"),
        (4, "A3", "unknown shape 'blob'"),
        (5, "A1", "duplicate stock id (first seen on line 2)"),
        (6, "A4", "price '0' is not a positive amount"),
    ]
    assert report.summary() == "rows read: 5, imported: 1, updated: 0, rejected: 4"


async def test_stones_arrive_in_batches_and_are_all_counted(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "BATCH_SIZE", 7)
    catalog = SqlCatalog(engine)
    seen: list[int] = []
    report = await import_feed(catalog, plain("B", 30), progress=seen.append)
    assert (report.read, report.imported) == (30, 30)
    assert seen == [7, 14, 21, 28, 30]
    assert await catalog.count() == 30


async def test_a_replace_removes_only_the_suppliers_stones_the_feed_no_longer_lists(
    engine: AsyncEngine,
) -> None:
    catalog = SqlCatalog(engine)
    await import_feed(
        catalog, feed("A1,round,1,D,VS1,,1000", "A2,round,1,D,VS1,,1000"), supplier="a"
    )
    await import_feed(catalog, feed("B1,round,1,D,VS1,,1000"), supplier="b")
    report = await import_feed(
        catalog, feed("A2,round,1,D,VS1,,900", "A3,oval,1,D,VS1,,1000"), supplier="a", replace=True
    )
    assert (report.imported, report.updated, report.removed) == (1, 1, 1)
    assert report.summary().endswith("rejected: 0, removed: 1")
    assert await catalog.get("A1") is None
    assert [await catalog.get(sid) is not None for sid in ("A2", "A3", "B1")] == [True] * 3


async def test_a_replace_without_a_single_good_row_keeps_the_old_stock(
    engine: AsyncEngine,
) -> None:
    catalog = SqlCatalog(engine)
    await import_feed(catalog, plain("OLD", 3), supplier="a")
    report = await import_feed(catalog, feed("X1,blob,1,D,VS1,,1"), supplier="a", replace=True)
    assert (report.imported, report.rejected, report.removed) == (0, 1, 0)
    assert await catalog.count() == 3


async def test_a_withdrawn_stone_listed_again_by_a_feed_is_offered_again(
    engine: AsyncEngine,
) -> None:
    catalog = SqlCatalog(engine)
    await import_feed(catalog, plain("W", 1))
    await catalog.withdraw(["W-00000"])
    report = await import_feed(catalog, plain("W", 1))
    assert report.updated == 1
    assert await catalog.get("W-00000") is not None


async def test_a_header_without_the_required_columns_imports_nothing(engine: AsyncEngine) -> None:
    with pytest.raises(FeedError, match="no carat"):
        await import_feed(SqlCatalog(engine), io.StringIO("stock_id,shape,color\nA,round,D\n"))


async def test_a_search_during_a_replace_sees_the_old_stock_or_the_new_never_a_mix(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small batches make the replace long, so searches run while it stages and swaps.
    monkeypatch.setattr(importer, "BATCH_SIZE", 50)
    catalog = SqlCatalog(engine)
    await import_feed(catalog, plain("OLD", 600, price=50_000), supplier="s")
    window = search_window(
        DiamondSpec(shape=Shape.ROUND, carat_min=1.0, carat_max=1.0, budget_max_inr=60_000)
    )
    seen: list[frozenset[str]] = []

    async def search_until(done: asyncio.Event) -> None:
        while not done.is_set():
            found = await catalog.candidates(window)
            seen.append(frozenset(s.stock_id.split("-")[0] for s in found))
            await asyncio.sleep(0)

    done = asyncio.Event()
    searching = asyncio.ensure_future(search_until(done))
    await import_feed(catalog, plain("NEW", 600, price=40_000), supplier="s", replace=True)
    done.set()
    await searching
    seen.append(frozenset(s.stock_id.split("-")[0] for s in await catalog.candidates(window)))
    assert set(seen) <= {frozenset({"OLD"}), frozenset({"NEW"})}
    assert seen[0] == frozenset({"OLD"})
    assert seen[-1] == frozenset({"NEW"})
    assert len(seen) > 3  # searches really ran during the replace


async def test_a_stone_that_moves_supplier_on_a_replace_is_kept(engine: AsyncEngine) -> None:
    catalog = SqlCatalog(engine)
    await import_feed(catalog, feed("M1,round,1,D,VS1,,1000"), supplier="a")
    report = await import_feed(catalog, feed("M1,round,1,D,VS1,,1000"), supplier="b", replace=True)
    assert report.updated == 1
    async with engine.connect() as conn:
        owner = (await conn.execute(text("SELECT supplier FROM stones"))).scalar_one()
    assert owner == "b"


def test_the_command_reports_rejections_then_the_summary_and_exits_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ELG_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "feed.csv"
    path.write_text(f"{PLAIN_HEADER}\nA1,round,1,D,VS1,,1000\nA2,round,1,Q?,VS1,,1000\n")
    assert main(["catalog", "import", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "line 3: A2: unknown colour 'Q?'",
        "rows read: 2, imported: 1, updated: 0, rejected: 1",
    ]


def test_the_command_exits_non_zero_when_nothing_was_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ELG_DATA_DIR", str(tmp_path / "data"))
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{PLAIN_HEADER}\nA1,round,0,D,VS1,,1000\n")
    assert main(["catalog", "import", str(bad)]) == 1
    assert "rejected: 1" in capsys.readouterr().out
    headless = tmp_path / "headless.csv"
    headless.write_text("name,age\nx,1\n")
    assert main(["catalog", "import", str(headless)]) == 2
    assert "has no stock id" in capsys.readouterr().err
