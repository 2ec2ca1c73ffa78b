"""Synthetic stock: deterministic, realistic, priced by the reference model, readable."""

from __future__ import annotations

import io
import random
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import islice

import pytest

from elgbot.catalog.feed import FeedRow, read_feed
from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.sample import (
    CARAT_CLUSTER_SHARES,
    PLAIN_HEADER,
    SHAPE_SHARES,
    price_inr,
    sample_stones,
    write_sample_feed,
)
from elgbot.catalog.stone import Stone


class _MidpointRng(random.Random):
    """Noise switched off: every uniform draw is the middle of its range."""

    def uniform(self, a: float, b: float) -> float:
        return (a + b) / 2


def _feed(count: int, seed: int = 0) -> str:
    out = io.StringIO()
    write_sample_feed(out, count, seed=seed)
    return out.getvalue()


@pytest.fixture(scope="module")
def stones() -> list[Stone]:
    return list(sample_stones(20_000, seed=7))


def _share(stones: list[Stone], keep: Callable[[Stone], bool]) -> float:
    return sum(1 for stone in stones if keep(stone)) / len(stones)


# --- the price model -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("carat", "total"),
    [
        (0.25, 3_800),  # below the first band: ~15k/ct
        (0.30, 5_400),
        (0.49, 8_800),
        (0.50, 10_500),
        (0.99, 20_800),
        (1.00, 30_000),
        (1.50, 48_000),
        (2.00, 68_000),
        (3.00, 108_000),
        (5.00, 200_000),
    ],
)
def test_a_round_g_vs1_excellent_is_priced_by_its_carat_band(carat: float, total: int) -> None:
    rng = _MidpointRng()
    assert price_inr(Shape.ROUND, carat, Color.G, Clarity.VS1, Cut.EXCELLENT, rng) == total


@pytest.mark.parametrize(
    ("color", "clarity", "cut", "total"),
    [
        (Color.D, Clarity.VS1, Cut.EXCELLENT, 36_000),
        (Color.E, Clarity.VS1, Cut.EXCELLENT, 33_600),
        (Color.F, Clarity.VS1, Cut.EXCELLENT, 31_800),
        (Color.H, Clarity.VS1, Cut.EXCELLENT, 28_500),
        (Color.I, Clarity.VS1, Cut.EXCELLENT, 26_400),
        (Color.J, Clarity.VS1, Cut.EXCELLENT, 24_600),
        (Color.G, Clarity.IF, Cut.EXCELLENT, 34_500),
        (Color.G, Clarity.VVS1, Cut.EXCELLENT, 33_000),
        (Color.G, Clarity.VVS2, Cut.EXCELLENT, 31_800),
        (Color.G, Clarity.VS2, Cut.EXCELLENT, 28_500),
        (Color.G, Clarity.SI1, Cut.EXCELLENT, 26_400),
        (Color.G, Clarity.SI2, Cut.EXCELLENT, 24_000),
        (Color.G, Clarity.VS1, Cut.IDEAL, 30_000),
        (Color.G, Clarity.VS1, Cut.VERY_GOOD, 27_600),
        (Color.G, Clarity.VS1, Cut.GOOD, 25_500),
        (Color.G, Clarity.VS1, None, 30_000),
    ],
)
def test_grades_multiply_the_price_as_the_reference_says(
    color: Color, clarity: Clarity, cut: Cut | None, total: int
) -> None:
    assert price_inr(Shape.ROUND, 1.0, color, clarity, cut, _MidpointRng()) == total


def test_every_grade_outside_the_reference_table_still_gets_a_lower_price() -> None:
    rng = _MidpointRng()
    prices = [price_inr(Shape.ROUND, 1.0, color, Clarity.VS1, Cut.IDEAL, rng) for color in Color]
    assert prices == sorted(prices, reverse=True)
    assert price_inr(Shape.ROUND, 1.0, Color.G, Clarity.I3, Cut.POOR, rng) > 0


def test_noise_keeps_prices_within_ten_percent_and_on_hundreds() -> None:
    rng = random.Random(3)
    prices = [
        price_inr(Shape.OVAL, 1.0, Color.G, Clarity.VS1, Cut.IDEAL, rng) for _ in range(2_000)
    ]
    assert min(prices) >= 27_000
    assert max(prices) <= 33_000
    assert min(prices) < 28_000 < 32_000 < max(prices)
    assert all(price % 100 == 0 for price in prices)


# --- sample stones ---------------------------------------------------------------------


def test_the_same_seed_gives_the_same_feed_and_another_seed_a_different_one() -> None:
    assert _feed(500, seed=1) == _feed(500, seed=1)
    assert _feed(500, seed=1) != _feed(500, seed=2)


def test_stones_are_generated_one_at_a_time() -> None:
    stones = sample_stones(10**12, seed=0)
    assert isinstance(stones, Iterator)
    assert [stone.stock_id for stone in islice(stones, 3)] == [
        "ELG-000001",
        "ELG-000002",
        "ELG-000003",
    ]


def test_the_feed_has_our_plain_header_and_one_line_per_stone() -> None:
    lines = _feed(25).splitlines()
    assert lines[0] == ",".join(PLAIN_HEADER)
    assert len(lines) == 26
    assert lines[1].startswith("ELG-000001,")


def test_stock_ids_are_unique(stones: list[Stone]) -> None:
    assert len({stone.stock_id for stone in stones}) == len(stones)


def test_about_forty_five_percent_are_round_and_every_sample_shape_appears(
    stones: list[Stone],
) -> None:
    shapes = Counter(stone.shape for stone in stones)
    assert set(shapes) == set(SHAPE_SHARES)
    assert 0.42 < shapes[Shape.ROUND] / len(stones) < 0.48
    assert shapes[Shape.OVAL] > shapes[Shape.HEART]


def test_carats_cluster_at_the_magic_weights_with_a_tail_to_six(stones: list[Stone]) -> None:
    def near_cluster(stone: Stone) -> bool:
        return any(c <= stone.carat <= c * 1.1 for c in CARAT_CLUSTER_SHARES)

    assert _share(stones, near_cluster) > 0.85
    assert min(stone.carat for stone in stones) >= 0.18
    assert 5.0 < max(stone.carat for stone in stones) <= 6.0
    assert all(round(stone.carat, 2) == stone.carat for stone in stones)


def test_colours_are_d_to_j_mostly_e_to_h(stones: list[Stone]) -> None:
    assert {stone.color for stone in stones} == set(list(Color)[: Color.J.rank + 1])
    assert _share(stones, lambda s: Color.E.rank <= s.color.rank <= Color.H.rank) > 0.65


def test_clarities_are_if_to_si2_mostly_vvs2_to_vs2(stones: list[Stone]) -> None:
    assert {stone.clarity for stone in stones} == set(list(Clarity)[1 : Clarity.SI2.rank + 1])
    assert _share(stones, lambda s: Clarity.VVS2.rank <= s.clarity.rank <= Clarity.VS2.rank) > 0.55


def test_cuts_are_mostly_ideal_or_excellent_and_only_fancies_lack_one(stones: list[Stone]) -> None:
    assert _share(stones, lambda s: s.cut in (Cut.IDEAL, Cut.EXCELLENT)) > 0.6
    assert all(stone.cut is not None for stone in stones if stone.shape is Shape.ROUND)
    assert any(stone.cut is None for stone in stones)
    assert {stone.cut for stone in stones} <= {
        Cut.IDEAL,
        Cut.EXCELLENT,
        Cut.VERY_GOOD,
        Cut.GOOD,
        None,
    }


def test_a_typical_one_carat_costs_what_indian_retail_charges(stones: list[Stone]) -> None:
    one_carat = [s.price_inr for s in stones if 1.0 <= s.carat < 1.1]
    assert 20_000 < sorted(one_carat)[len(one_carat) // 2] < 40_000


# --- round trip ------------------------------------------------------------------------


def test_a_generated_feed_reads_back_as_the_same_stones_without_rejections() -> None:
    results = list(read_feed(io.StringIO(_feed(5_000, seed=11), newline="")))
    assert all(isinstance(result, FeedRow) for result in results)
    read = [result.stone for result in results if isinstance(result, FeedRow)]
    assert read == list(sample_stones(5_000, seed=11))
