"""Round brilliants above melee by diameter: millimetres to carats.

The trade reference's chart (3.8 mm ≈ 0.20 ct … 6.5 mm ≈ 1.00 ct). Charts differ by
10-20 % with the cut's proportions, so it is data to edit, not a formula, and a weight read
from it is an estimate: `carat_range` widens it by that much either way.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Final

from elgbot.catalog.melee_sizes import MM_TOLERANCE

# (diameter in mm, carats), smallest first.
ROUND_SIZES: Final = (
    (3.8, 0.20),
    (4.1, 0.25),
    (5.2, 0.50),
    (5.8, 0.75),
    (6.5, 1.00),
)
SMALLEST_MM: Final = ROUND_SIZES[0][0]
LARGEST_MM: Final = ROUND_SIZES[-1][0]
# How far a real stone of that diameter may weigh from the chart's figure.
_SPREAD: Final = 0.10


def carats_for_diameter(mm: float) -> float | None:
    """The chart's weight for a round of `mm`, interpolated between its rows; None off the
    chart (beyond the trade's ±0.1 mm tolerance at either end)."""
    if not SMALLEST_MM - MM_TOLERANCE <= mm <= LARGEST_MM + MM_TOLERANCE:
        return None
    mm = min(max(mm, SMALLEST_MM), LARGEST_MM)
    for (low_mm, low_ct), (high_mm, high_ct) in pairwise(ROUND_SIZES):
        if low_mm <= mm <= high_mm:
            return low_ct + (high_ct - low_ct) * (mm - low_mm) / (high_mm - low_mm)
    return None  # not reached: the chart covers every clamped diameter


def carat_range(carats: float) -> tuple[float, float]:
    """The weights a round estimated at `carats` may have, to two decimals."""
    return round(carats * (1 - _SPREAD), 2), round(carats * (1 + _SPREAD), 2)
