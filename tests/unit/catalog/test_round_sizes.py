"""The round size chart: millimetres to carats, from the trade reference's rows."""

from __future__ import annotations

import pytest

from elgbot.catalog.round_sizes import ROUND_SIZES, carat_range, carats_for_diameter


@pytest.mark.parametrize(("mm", "carats"), ROUND_SIZES)
def test_the_charts_rows_read_as_written(mm: float, carats: float) -> None:
    assert carats_for_diameter(mm) == pytest.approx(carats)


@pytest.mark.parametrize(
    ("mm", "carats"),
    [
        (5.0, 0.4545),  # between 4.1 (0.25) and 5.2 (0.50)
        (6.15, 0.875),  # half-way between 5.8 and 6.5
        (3.7, 0.20),  # within the trade's 0.1 mm tolerance of the chart's ends
        (6.6, 1.00),
    ],
)
def test_sizes_between_rows_are_interpolated(mm: float, carats: float) -> None:
    assert carats_for_diameter(mm) == pytest.approx(carats, abs=1e-3)


@pytest.mark.parametrize("mm", [1.3, 3.6, 6.7, 8.0])
def test_sizes_off_the_chart_have_no_weight(mm: float) -> None:
    assert carats_for_diameter(mm) is None


def test_an_estimate_is_widened_by_the_charts_spread() -> None:
    assert carat_range(1.0) == (0.9, 1.1)
    assert carat_range(0.4545) == (0.41, 0.5)
