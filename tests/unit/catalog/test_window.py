"""The search window: the boxes of stones a spec is answered from, and closeness."""

from __future__ import annotations

import pytest

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.stone import DiamondSpec, Stone
from elgbot.catalog.window import search_window, stretch_limit

SEED_SPEC = DiamondSpec(
    shape=Shape.ROUND,
    carat_min=1.5,
    carat_max=1.5,
    colors=(Color.D,),
    clarities=(Clarity.VS1,),
    cuts=(Cut.IDEAL,),
    budget_max_inr=100_000,
)


def stone(carat: float = 1.5, color: Color = Color.D, price: int = 90_000) -> Stone:
    return Stone("S", Shape.ROUND, carat, color, Clarity.VS1, Cut.IDEAL, price)


def test_an_exact_match_lies_within_the_asked_grades_and_a_small_carat_tolerance() -> None:
    exact = search_window(SEED_SPEC).exact
    assert (exact.shape, exact.color_ranks, exact.clarity_ranks) == ("round", (0,), (4,))
    assert exact.carat_min == pytest.approx(1.45)
    assert exact.carat_max == pytest.approx(1.55)
    assert exact.worst_cut_tier == 0  # ideal and excellent
    assert exact.price_max == 100_000
    assert exact.admits(stone(carat=1.55))
    assert not exact.admits(stone(carat=1.56))


def test_the_near_window_widens_each_grade_by_one_and_carat_by_five_percent() -> None:
    near = search_window(SEED_SPEC).near
    assert near.carat_min == pytest.approx(1.45 * 0.95)
    assert near.carat_max == pytest.approx(1.55 * 1.05)
    assert near.color_ranks == (0, 1)  # D and E
    assert near.clarity_ranks == (Clarity.VVS2.rank, Clarity.VS1.rank, Clarity.VS2.rank)
    assert near.worst_cut_tier == 1  # ideal/excellent, and very good as a near match
    assert near.price_max == 100_000


def test_the_stretch_window_is_the_exact_one_up_to_ten_percent_over_budget() -> None:
    stretch = search_window(SEED_SPEC).stretch
    assert stretch is not None
    assert (stretch.price_above, stretch.price_max) == (100_000, 110_000)
    assert stretch.admits(stone(price=110_000))
    assert not stretch.admits(stone(price=100_000))
    assert not stretch.admits(stone(carat=1.6, price=105_000))


@pytest.mark.parametrize(("budget", "limit"), [(100_000, 110_000), (99_999, 109_998), (5, 5)])
def test_the_stretch_limit_is_rounded_down_to_whole_rupees(budget: int, limit: int) -> None:
    assert stretch_limit(budget) == limit


def test_a_tiny_budget_or_none_has_no_stretch_window() -> None:
    assert search_window(DiamondSpec(shape=Shape.ROUND)).stretch is None
    assert search_window(DiamondSpec(shape=Shape.ROUND, budget_max_inr=5)).stretch is None


def test_an_unsaid_grade_is_not_filtered() -> None:
    near = search_window(DiamondSpec(shape=Shape.OVAL, budget_max_inr=50_000)).near
    assert (near.carat_min, near.color_ranks, near.clarity_ranks, near.worst_cut_tier) == (
        None,
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("candidate", "distance"),
    [
        (stone(), 0.0),
        (stone(carat=1.65), 1.0),  # 10 % heavier weighs one grade
        (stone(color=Color.E), 1.0),
        (Stone("S", Shape.ROUND, 1.5, Color.D, Clarity.VVS2, Cut.IDEAL, 1), 0.5),  # better
        (Stone("S", Shape.ROUND, 1.5, Color.D, Clarity.VS1, Cut.VERY_GOOD, 1), 0.8),
        (Stone("S", Shape.ROUND, 1.5, Color.D, Clarity.VS1, None, 1), 1.6),
    ],
)
def test_closeness_weighs_carat_grades_and_cut(candidate: Stone, distance: float) -> None:
    assert search_window(SEED_SPEC).closeness.distance(candidate) == pytest.approx(distance)
