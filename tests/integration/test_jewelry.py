"""Jewellery in the SQL database on both engines: upload, search by metal, size and budget."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.catalog.jewelry_sample import sample_pieces
from elgbot.catalog.jewelry_store import SqlJewelry
from elgbot.cli import main
from elgbot.storage.database import open_database
from elgbot.understanding.jewelry_query import read_jewelry_query
from elgbot.uploads import Options, import_jewelry

FEED = (
    "Stock Number,Jewelry Type,Title,Jewelry Material,Material Karat,Metal Color,"
    "Stone Carat,Diamond Color,Diamond Clarity,Ring Size,Total Price\n"
    "R18RG,Ring,Halo Ring,Gold,18K,Rose,0.7,F,VS1,,58000\n"
    "R14RG,Ring,Halo Ring,Gold,14K,Rose,0.7,F,VS1,,49000\n"
    "R18WG,Ring,Halo Ring,Gold,18K,White,0.7,F,VS1,,58000\n"
    "RPT,Ring,Halo Ring,Platinum,,,0.7,F,VS1,,76000\n"
    "R18RG-DEAR,Ring,Halo Ring,Gold,18K,Rose,1.5,F,VS1,,98000\n"
    "B14,Ring,Classic Band,Platinum,,,0.1,G-H,VS-SI,14,32000\n"
    "B16,Ring,Classic Band,Platinum,,,0.1,G-H,VS-SI,16,32000\n"
    "S1,Stud Earrings,Solitaire Studs,Gold,18K,White,0.5,F,VS1,,28000\n"
    "S2,Stud Earrings,Solitaire Studs,Gold,18K,White,1.0,F,VS1,,52000\n"
    "BAD,Brooch,Leaf,Gold,18K,Rose,0.2,F,VS1,,20000\n"
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


@pytest.fixture
async def store(engine: AsyncEngine) -> SqlJewelry:
    jewelry = SqlJewelry(engine)
    report = await import_jewelry(jewelry, io.StringIO(FEED))
    assert (report.read, report.imported, report.rejected) == (10, 9, 1)
    return jewelry


async def _found(store: SqlJewelry, text: str) -> list[str]:
    return [p.stock_id for p in await store.search(read_jewelry_query(text).query)]


async def test_18k_rose_gold_excludes_14k_white_gold_and_platinum(store: SqlJewelry) -> None:
    assert await _found(store, "ring in 18k rose gold under 60k") == ["R18RG"]
    assert await _found(store, "ring in rose gold under 60k") == ["R18RG", "R14RG"]


async def test_with_a_budget_the_dearest_within_it_come_first(store: SqlJewelry) -> None:
    assert await _found(store, "studs below 60000") == ["S2", "S1"]
    assert await _found(store, "studs below 40000") == ["S1"]


async def test_a_band_in_the_asked_size_only(store: SqlJewelry) -> None:
    assert await _found(store, "platinum band size 14") == ["B14"]


async def test_a_stone_weight_admits_pieces_near_it_only(store: SqlJewelry) -> None:
    assert await _found(store, "1ct studs") == ["S2"]
    assert await _found(store, "half carat studs") == ["S1"]
    assert await _found(store, "rose gold ring 1.5 carat") == ["R18RG-DEAR"]
    assert await _found(store, "ring under 0.5 ct") == ["B14", "B16"]


async def test_an_engagement_ring_is_never_a_plain_band(store: SqlJewelry) -> None:
    assert await _found(store, "platinum ring") == ["B14", "B16", "RPT"]
    assert await _found(store, "platinum engagement ring") == ["RPT"]


async def test_the_lowest_price_over_the_budget_is_of_a_piece_as_asked(store: SqlJewelry) -> None:
    async def lowest(text: str) -> int | None:
        return await store.lowest_price(read_jewelry_query(text).query)

    assert await lowest("rose gold ring under 40000") == 49_000
    assert await lowest("18k rose gold ring under 40000") == 58_000
    assert await lowest("studs under 50000") == 52_000
    assert await lowest("pendant under 10000") is None  # none at any price
    assert await lowest("studs") is None  # no budget to be over


async def test_at_most_four_pieces_are_shown(store: SqlJewelry) -> None:
    assert len(await _found(store, "ring")) == 4


async def test_an_upload_updates_and_replace_withdraws_what_is_gone(store: SqlJewelry) -> None:
    again = await import_jewelry(store, io.StringIO(FEED))
    assert (again.imported, again.updated) == (0, 9)
    header = FEED.splitlines()[0]
    only = io.StringIO(f"{header}\nS1,Stud Earrings,Studs,Gold,18K,White,0.5,F,VS1,,27000\n")
    replaced = await import_jewelry(store, only, Options(replace=True))
    assert replaced.removed == 8
    assert await store.get("R18RG") is None
    piece = await store.get("S1")
    assert piece is not None
    assert piece.price_inr == 27_000
    states = await store.states(["S1", "R18RG", "NEVER"])
    assert (states["S1"].available, states["R18RG"].available, "NEVER" in states) == (
        True,
        False,
        False,
    )


async def test_the_sample_range_loads_and_answers_the_example_requests(engine: AsyncEngine) -> None:
    store = SqlJewelry(engine)
    await store.put(sample_pieces())
    for text in ("ring in 18k rose gold under 60k", "studs below 40000", "platinum band size 14"):
        assert await _found(store, text), text


def test_the_command_line_imports_jewellery_and_prints_each_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ELG_DATA_DIR", str(tmp_path))
    feed = tmp_path / "jewelry.csv"
    feed.write_text(FEED, encoding="utf-8")
    assert main(["catalog", "import", "--kind", "jewelry", str(feed)]) == 0
    out = capsys.readouterr().out
    assert "line 11: BAD: unknown jewellery type 'Brooch'" in out
    assert "rows read: 10, imported: 9, updated: 0, rejected: 1" in out
