"""Realistic synthetic stock for demos, tests and benchmarks.

Distributions are judgements from retail assortments; prices follow the retail model in
the trade reference (₹/ct for a round G VS1 excellent stone by carat band, times grade
multipliers, ±10 % noise). Everything is drawn from one seeded `random.Random`, so a seed
always gives the same stones, and stones are generated one at a time (streaming).
"""

from __future__ import annotations

import csv
import random
from bisect import bisect
from collections.abc import Iterator, Mapping
from itertools import accumulate
from typing import Final, Generic, TextIO, TypeVar

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.stone import Stone

_T = TypeVar("_T")

PLAIN_HEADER: Final = ("stock_id", "shape", "carat", "color", "clarity", "cut", "price_inr")

SHAPE_SHARES: Final[dict[Shape, int]] = {
    Shape.ROUND: 45,
    Shape.OVAL: 14,
    Shape.CUSHION: 9,
    Shape.PRINCESS: 7,
    Shape.EMERALD: 7,
    Shape.PEAR: 6,
    Shape.RADIANT: 5,
    Shape.MARQUISE: 3,
    Shape.HEART: 2,
    Shape.ASSCHER: 2,
}
# Stones are cut to sit on or just above the "magic" weights buyers search for.
CARAT_CLUSTER_SHARES: Final[dict[float, int]] = {
    0.30: 10,
    0.50: 16,
    0.70: 12,
    0.90: 8,
    1.00: 20,
    1.50: 12,
    2.00: 10,
    3.00: 6,
}
COLOR_SHARES: Final[dict[Color, int]] = {
    Color.D: 6,
    Color.E: 15,
    Color.F: 20,
    Color.G: 22,
    Color.H: 18,
    Color.I: 11,
    Color.J: 8,
}
CLARITY_SHARES: Final[dict[Clarity, int]] = {
    Clarity.IF: 5,
    Clarity.VVS1: 12,
    Clarity.VVS2: 20,
    Clarity.VS1: 24,
    Clarity.VS2: 20,
    Clarity.SI1: 12,
    Clarity.SI2: 7,
}
# None = no cut grade: labs grade cut on rounds; fancy shapes often come without one.
ROUND_CUT_SHARES: Final[dict[Cut | None, int]] = {
    Cut.IDEAL: 45,
    Cut.EXCELLENT: 35,
    Cut.VERY_GOOD: 15,
    Cut.GOOD: 5,
}
FANCY_CUT_SHARES: Final[dict[Cut | None, int]] = {
    Cut.IDEAL: 25,
    Cut.EXCELLENT: 35,
    Cut.VERY_GOOD: 18,
    Cut.GOOD: 7,
    None: 15,
}

# (lowest carat of the band, ₹ per carat for a round G VS1 excellent stone).
PRICE_PER_CARAT_BANDS: Final[tuple[tuple[float, int], ...]] = (
    (0.0, 15_000),  # below the reference's first band: a judgement
    (0.30, 18_000),
    (0.50, 21_000),
    (1.00, 30_000),
    (1.50, 32_000),
    (2.00, 34_000),
    (3.00, 36_000),
    (5.00, 40_000),
)
# The reference gives D–J, IF–SI2 and ideal–good; the other grades extend the same
# steps downwards (a judgement) so every stone can be priced.
COLOR_FACTORS: Final[dict[Color, float]] = {
    Color.D: 1.20,
    Color.E: 1.12,
    Color.F: 1.06,
    Color.G: 1.0,
    Color.H: 0.95,
    Color.I: 0.88,
    Color.J: 0.82,
    **{
        color: 0.82 * 0.94 ** (color.rank - Color.J.rank)
        for color in Color
        if color.rank > Color.J.rank
    },
}
CLARITY_FACTORS: Final[dict[Clarity, float]] = {
    Clarity.FL: 1.20,
    Clarity.IF: 1.15,
    Clarity.VVS1: 1.10,
    Clarity.VVS2: 1.06,
    Clarity.VS1: 1.0,
    Clarity.VS2: 0.95,
    Clarity.SI1: 0.88,
    Clarity.SI2: 0.80,
    Clarity.SI3: 0.74,
    Clarity.I1: 0.65,
    Clarity.I2: 0.55,
    Clarity.I3: 0.45,
}
# An ungraded fancy shape is priced like a well-cut one: buyers judge it by eye.
CUT_FACTORS: Final[dict[Cut | None, float]] = {
    Cut.IDEAL: 1.0,
    Cut.EXCELLENT: 1.0,
    Cut.VERY_GOOD: 0.92,
    Cut.GOOD: 0.85,
    Cut.FAIR: 0.78,
    Cut.POOR: 0.70,
    None: 1.0,
}
NOISE: Final = 0.10
MAX_CARAT: Final = 6.0


def price_inr(
    shape: Shape,
    carat: float,
    color: Color,
    clarity: Clarity,
    cut: Cut | None,
    rng: random.Random,
) -> int:
    """The stone's total in rupees, rounded to ₹100.

    The reference model has no shape factor; `shape` is taken so callers keep working when
    one is added.
    """
    per_carat = _band_price(carat) * COLOR_FACTORS[color] * CLARITY_FACTORS[clarity]
    per_carat *= CUT_FACTORS[cut] * rng.uniform(1 - NOISE, 1 + NOISE)
    return max(100, int(per_carat * carat / 100 + 0.5) * 100)


def _band_price(carat: float) -> int:
    return next(price for low, price in reversed(PRICE_PER_CARAT_BANDS) if carat >= low)


def sample_stones(count: int, seed: int = 0) -> Iterator[Stone]:
    """`count` stones with ids ELG-000001…, the same ones for the same seed."""
    rng = random.Random(seed)
    shapes, clusters = _Picker(SHAPE_SHARES), _Picker(CARAT_CLUSTER_SHARES)
    colors, clarities = _Picker(COLOR_SHARES), _Picker(CLARITY_SHARES)
    round_cuts, fancy_cuts = _Picker(ROUND_CUT_SHARES), _Picker(FANCY_CUT_SHARES)
    for number in range(1, count + 1):
        shape = shapes.pick(rng)
        carat = _carat(clusters.pick(rng), rng)
        color, clarity = colors.pick(rng), clarities.pick(rng)
        cut = (round_cuts if shape is Shape.ROUND else fancy_cuts).pick(rng)
        price = price_inr(shape, carat, color, clarity, cut, rng)
        yield Stone(f"ELG-{number:06d}", shape, carat, color, clarity, cut, price)


def _carat(cluster: float, rng: random.Random) -> float:
    """Mostly on or a little above a cluster; some small stones and a tail up to 6 ct."""
    roll = rng.random()
    if roll < 0.05:
        carat = rng.uniform(0.18, 0.29)
    elif roll < 0.10:
        carat = rng.uniform(3.0, MAX_CARAT)
    else:
        carat = cluster * (1 + abs(rng.gauss(0, 0.04)))
    return round(min(carat, MAX_CARAT), 2)


def write_sample_feed(out: TextIO, count: int, *, seed: int = 0) -> None:
    """Write `count` sample stones as a feed in our plain format (header included)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PLAIN_HEADER)
    for stone in sample_stones(count, seed):
        writer.writerow(
            (
                stone.stock_id,
                stone.shape.value,
                f"{stone.carat:.2f}",
                stone.color.value,
                stone.clarity.value,
                stone.cut.value if stone.cut else "",
                stone.price_inr,
            )
        )


class _Picker(Generic[_T]):
    """Weighted choice from a share table, with the cumulative weights computed once."""

    __slots__ = ("_cumulative", "_total", "_values")

    def __init__(self, shares: Mapping[_T, int]) -> None:
        self._values = list(shares)
        self._cumulative = list(accumulate(shares.values()))
        self._total = self._cumulative[-1]

    def pick(self, rng: random.Random) -> _T:
        # What rng.choices does, without building a list per draw.
        return self._values[bisect(self._cumulative, rng.random() * self._total)]
