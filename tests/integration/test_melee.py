"""Melee parcels in the SQL database on both engines: upload, search by size and band."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.catalog.melee_sample import sample_parcels
from elgbot.catalog.melee_store import SqlMelee
from elgbot.cli import main
from elgbot.storage.database import open_database
from elgbot.understanding.melee_query import read_melee_query
from elgbot.uploads import Options, import_melee

FEED = (
    "Stock #,Sieve,MM From,MM To,Color Range,Clarity Range,Carats Available,Price Per Carat\n"
    "M-EF,+6.5 -7,1.80,1.90,EF,VVS,25,9500\n"
    "M-GH,+6.5 -7,1.80,1.90,GH,VS-SI,60,6500\n"
    "M-13,+2.5 -3,1.30,1.35,EF,VVS,12,11000\n"
    "M-SOLD,+6.5 -7,1.80,1.90,EF,VVS,0,9000\n"
    "M-BAD,+6.5 -7,1.30,1.35,EF,VVS,5,9000\n"
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
async def store(engine: AsyncEngine) -> SqlMelee:
    melee = SqlMelee(engine)
    report = await import_melee(melee, io.StringIO(FEED))
    assert (report.read, report.imported, report.rejected) == (5, 4, 1)
    return melee


async def _found(store: SqlMelee, text: str) -> list[str]:
    return [p.stock_id for p in await store.search(read_melee_query(text).query)]


async def test_a_sieve_and_band_find_the_parcel_and_sold_out_ones_are_never_offered(
    store: SqlMelee,
) -> None:
    assert await _found(store, "+6.5 -7 EF VVS 10 cts") == ["M-EF"]
    assert await _found(store, "+6.5 -7") == ["M-GH", "M-EF"]  # cheapest first


async def test_a_budget_filters_and_the_cheapest_in_stock_is_named(store: SqlMelee) -> None:
    assert await _found(store, "+6.5 -7 10 cts under 80000") == ["M-GH"]  # ₹8,000/ct
    assert await _found(store, "+6.5 -7 10000 per carat") == ["M-GH", "M-EF"]
    ef_vvs = read_melee_query("+6.5 -7 EF VVS 5000/ct").query
    assert await store.search(ef_vvs) == []
    cheapest = await store.cheapest(ef_vvs)  # the sold-out ₹9,000 parcel is not offered
    assert cheapest is not None
    assert cheapest.stock_id == "M-EF"


async def test_millimetres_and_pointers_find_the_same_sizes(store: SqlMelee) -> None:
    assert await _found(store, "1.3 mm") == ["M-13"]
    assert await _found(store, "0.025 ct each") == ["M-GH", "M-EF"]


async def test_replace_withdraws_parcels_the_upload_no_longer_lists(store: SqlMelee) -> None:
    header = FEED.splitlines()[0]
    only = io.StringIO(f"{header}\nM-13,+2.5 -3,,,EF,VVS,10,11500\n")
    report = await import_melee(store, only, Options(replace=True))
    assert (report.updated, report.removed) == (1, 3)
    assert await store.get("M-EF") is None
    parcel = await store.get("M-13")
    assert parcel is not None
    assert (parcel.carats_available, parcel.price_per_carat_inr) == (10.0, 11_500)


async def test_the_sample_parcels_answer_the_example_requests(engine: AsyncEngine) -> None:
    store = SqlMelee(engine)
    await store.put(sample_parcels())
    for text in ("+6.5 -7 EF VVS 10 carats", "1.3 mm GH VS-SI", "2 pointer"):
        assert await _found(store, text), text


def test_the_command_line_imports_melee_and_prints_each_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ELG_DATA_DIR", str(tmp_path))
    feed = tmp_path / "melee.csv"
    feed.write_text(FEED, encoding="utf-8")
    assert main(["catalog", "import", "--kind", "melee", str(feed)]) == 0
    out = capsys.readouterr().out
    assert "line 6: M-BAD: 1.30-1.35 mm does not fit sieve +6.5 -7" in out
    assert "rows read: 5, imported: 4, updated: 0, rejected: 1" in out
