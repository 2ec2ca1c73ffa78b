"""The SQL search returns what ranking over the whole catalog would offer, on both engines.

The catalog is a few thousand sample stones (carats on a 0.01 grid and prices rounded to
₹100, so ties abound); each spec is answered twice: by ranking the database's few
candidates, and by ranking every stone in Python (the seed's linear scan).
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.matching import rank, search_window
from elgbot.catalog.sample import price_inr, sample_stones
from elgbot.catalog.stone import DiamondSpec, Stone
from elgbot.catalog.store import SqlCatalog
from elgbot.catalog.window import exact_at_any_price
from elgbot.storage.database import open_database
from servers import fresh_database

STONES = list(sample_stones(4000, seed=11))
SHAPES = [Shape.ROUND, Shape.OVAL, Shape.CUSHION, Shape.PEAR, Shape.HEART]


@pytest.fixture(params=["sqlite", "postgres"], scope="module")
async def catalog(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[SqlCatalog]:
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('search') / 'c.sqlite3'}"
        else:
            url = stack.enter_context(fresh_database(request.getfixturevalue("postgres_url")))
        engine = await open_database(url)
        catalog = SqlCatalog(engine)
        await catalog.add(STONES)
        yield catalog
        await engine.dispose()


def random_spec(rng: random.Random) -> DiamondSpec:
    """A spec like the ones customers send, from vague to precise, budget tight or loose."""
    shape = rng.choice(SHAPES)
    carat = rng.choice([0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0])
    high = rng.choice([carat, carat, round(carat * 1.3, 2)])
    colors = _some(rng, list(Color)[:8])
    clarities = _some(rng, list(Clarity)[1:9])
    cuts = rng.choice([(), (), (Cut.IDEAL,), (Cut.VERY_GOOD,), (Cut.EXCELLENT, Cut.VERY_GOOD)])
    reference = price_inr(shape, carat, colors[0] if colors else Color.G, Clarity.VS1, None, rng)
    vague = rng.random() < 0.15
    return DiamondSpec(
        shape=shape,
        carat_min=None if vague else carat,
        carat_max=None if vague else high,
        colors=colors,
        clarities=clarities,
        cuts=cuts,
        budget_max_inr=int(reference * rng.choice([0.5, 0.9, 1.0, 1.1, 2.0])),
    )


def _some(rng: random.Random, scale: list[Color] | list[Clarity]) -> tuple[Color, ...]:
    if rng.random() < 0.3:
        return ()
    start = rng.randrange(len(scale) - 2)
    return tuple(scale[start : start + rng.choice([1, 1, 2, 3])])  # type: ignore[misc]


SPECS = [random_spec(random.Random(n)) for n in range(150)] + [
    DiamondSpec(shape=Shape.ROUND, budget_max_inr=30_000),
    DiamondSpec(shape=Shape.OVAL, carat_min=1.0, carat_max=1.0, budget_max_inr=10_000_000),
    DiamondSpec(shape=Shape.PEAR, colors=(Color.D,), budget_max_inr=80_000),
    DiamondSpec(shape=Shape.ROUND, carat_min=1.0, carat_max=1.0, cuts=(Cut.GOOD,)),
    # Budget ranges: in-range stones first, cheaper ones filling in when those are few.
    DiamondSpec(
        shape=Shape.ROUND,
        carat_min=1.0,
        carat_max=1.0,
        budget_min_inr=40_000,
        budget_max_inr=80_000,
    ),
    DiamondSpec(
        shape=Shape.OVAL,
        carat_min=1.5,
        carat_max=1.5,
        colors=(Color.F,),
        budget_min_inr=150_000,
        budget_max_inr=200_000,
    ),
    DiamondSpec(shape=Shape.PEAR, budget_min_inr=100_000, budget_max_inr=120_000),
    DiamondSpec(
        shape=Shape.CUSHION,
        carat_min=2.0,
        carat_max=2.0,
        clarities=(Clarity.VS1,),
        budget_min_inr=500_000,
        budget_max_inr=900_000,
    ),
    # A floor above every stone of the carat: those nearest it (the dearest) fill in.
    DiamondSpec(shape=Shape.ROUND, carat_min=1.0, carat_max=1.0, budget_min_inr=10_000_000),
    DiamondSpec(shape=Shape.OVAL, carat_min=0.7, carat_max=0.9, budget_min_inr=60_000),
]


def offered(spec: DiamondSpec, stones: list[Stone], limit: int = 4) -> list[tuple[str, bool, int]]:
    return [(m.stone.stock_id, m.exact, m.over_budget_inr) for m in rank(spec, stones, limit)]


@pytest.mark.parametrize("spec", SPECS, ids=[f"spec{n}" for n in range(len(SPECS))])
async def test_the_database_offers_what_a_scan_of_every_stone_would(
    catalog: SqlCatalog, spec: DiamondSpec
) -> None:
    candidates = await catalog.candidates(search_window(spec))
    assert offered(spec, candidates) == offered(spec, STONES)
    # The database did the filtering: each part walks both sides of the target carat.
    assert len(candidates) <= 2 * (4 + 1 + 8)


@pytest.mark.parametrize("limit", [8, 12])
@pytest.mark.parametrize("spec", SPECS[:60], ids=[f"spec{n}" for n in range(60)])
async def test_more_pages_offer_what_a_scan_of_every_stone_would(
    catalog: SqlCatalog, spec: DiamondSpec, limit: int
) -> None:
    # *more* asks for the first `limit` options and drops those already shown.
    candidates = await catalog.candidates(search_window(spec), limit)
    assert offered(spec, candidates, limit) == offered(spec, STONES, limit)


@pytest.mark.parametrize("spec", SPECS[:60], ids=[f"spec{n}" for n in range(60)])
async def test_the_lowest_price_at_any_budget_is_that_of_a_scan(
    catalog: SqlCatalog, spec: DiamondSpec
) -> None:
    # What a no-match names: the cheapest stone that an unlimited budget makes exact.
    unlimited = search_window(replace(spec, budget_min_inr=None, budget_max_inr=None)).exact
    prices = [s.price_inr for s in STONES if unlimited.admits(s)]
    assert await catalog.lowest_price(exact_at_any_price(spec)) == min(prices, default=None)


def test_the_lowest_price_specs_include_empty_ones() -> None:
    empty = [
        spec for spec in SPECS[:60] if not any(exact_at_any_price(spec).admits(s) for s in STONES)
    ]
    assert 0 < len(empty) < 30


def test_the_paged_specs_cover_full_and_partial_later_pages() -> None:
    lengths = [len(rank(spec, STONES, 12)) for spec in SPECS[:60]]
    assert sum(n == 12 for n in lengths) >= 10
    assert sum(4 < n < 12 for n in lengths) >= 5


def test_the_specs_cover_exact_near_and_stretch_answers() -> None:
    kinds = {
        ("exact" if m.exact else "stretch" if m.is_stretch else "near")
        for spec in SPECS
        for m in rank(spec, STONES)
    }
    empty = sum(not rank(spec, STONES) for spec in SPECS)
    assert kinds == {"exact", "near", "stretch"}
    assert empty < len(SPECS) // 4


async def test_a_withdrawn_stone_is_not_a_candidate(tmp_path: Path) -> None:
    engine: AsyncEngine = await open_database(f"sqlite+aiosqlite:///{tmp_path / 'w.sqlite3'}")
    catalog = SqlCatalog(engine)
    stone = Stone("RD-1", Shape.ROUND, 1.0, Color.D, Clarity.VS1, Cut.IDEAL, 50_000)
    await catalog.add([stone])
    spec = DiamondSpec(shape=Shape.ROUND, carat_min=1.0, carat_max=1.0, budget_max_inr=60_000)
    assert await catalog.candidates(search_window(spec)) == [stone]
    assert await catalog.withdraw(["RD-1"]) == 1
    assert await catalog.candidates(search_window(spec)) == []
    await engine.dispose()
