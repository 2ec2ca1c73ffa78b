"""Ranking: exact matches first, near matches labelled, never over budget."""

from __future__ import annotations

import pytest

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.matching import rank, search_window
from elgbot.catalog.stone import DiamondSpec, Stone

SEED_SPEC = DiamondSpec(
    shape=Shape.ROUND,
    carat_min=1.5,
    carat_max=1.5,
    colors=(Color.D,),
    clarities=(Clarity.VS1,),
    cuts=(Cut.IDEAL,),
    budget_max_inr=100_000,
)


def stone(
    sid: str,
    carat: float = 1.5,
    color: Color = Color.D,
    clarity: Clarity = Clarity.VS1,
    cut: Cut | None = Cut.IDEAL,
    price: int = 90_000,
) -> Stone:
    return Stone(sid, Shape.ROUND, carat, color, clarity, cut, price)


def test_the_window_widens_each_grade_by_one_and_carat_by_five_percent() -> None:
    window = search_window(SEED_SPEC)
    assert window.shape == "round"
    assert window.carat_min == pytest.approx(1.45 * 0.95)
    assert window.carat_max == pytest.approx(1.55 * 1.05)
    assert window.color_ranks == (0, 1)  # D and E
    assert window.clarity_ranks == (Clarity.VVS2.rank, Clarity.VS2.rank)
    assert window.worst_cut_tier == 1  # ideal/excellent, and very good as a near match
    assert window.price_max == 100_000


def test_an_unsaid_grade_is_not_filtered() -> None:
    window = search_window(DiamondSpec(shape=Shape.OVAL, budget_max_inr=50_000))
    assert (window.carat_min, window.color_ranks, window.clarity_ranks, window.worst_cut_tier) == (
        None,
        None,
        None,
        None,
    )


def test_exact_matches_come_before_cheaper_near_matches() -> None:
    near = stone("NEAR", carat=1.6, price=60_000)
    exact = stone("EXACT", price=95_000)
    assert [m.stone.stock_id for m in rank(SEED_SPEC, [near, exact])] == ["EXACT", "NEAR"]


def test_among_exact_matches_the_closest_carat_comes_first_then_price() -> None:
    stones = [
        stone("A", carat=1.54, price=80_000),
        stone("B", carat=1.5, price=99_000),
        stone("C", carat=1.5, price=85_000),
    ]
    assert [m.stone.stock_id for m in rank(SEED_SPEC, stones)] == ["C", "B", "A"]


def test_excellent_counts_as_an_exact_match_for_ideal() -> None:
    [match] = rank(SEED_SPEC, [stone("EX", cut=Cut.EXCELLENT)])
    assert match.exact


@pytest.mark.parametrize(
    ("candidate", "note"),
    [
        (stone("C", carat=1.6), "1.60 ct instead of 1.50"),
        (stone("C", carat=1.4), "1.40 ct instead of 1.50"),
        (stone("C", color=Color.E), "E, one grade lower colour"),
        (stone("C", clarity=Clarity.VVS2), "VVS2, better clarity"),
        (stone("C", clarity=Clarity.VS2), "VS2, one grade lower clarity"),
        (stone("C", cut=Cut.VERY_GOOD), "Very Good cut"),
    ],
)
def test_a_near_match_says_how_it_differs(candidate: Stone, note: str) -> None:
    [match] = rank(SEED_SPEC, [candidate])
    assert not match.exact
    assert match.differences == (note,)


def test_a_better_grade_ranks_before_a_worse_one() -> None:
    better, worse = stone("BETTER", clarity=Clarity.VVS2), stone("WORSE", clarity=Clarity.VS2)
    assert [m.stone.stock_id for m in rank(SEED_SPEC, [worse, better])] == ["BETTER", "WORSE"]


def test_nothing_over_budget_is_ever_offered() -> None:
    assert rank(SEED_SPEC, [stone("DEAR", price=100_001)]) == []


def test_at_most_four_options() -> None:
    stones = [stone(f"S{n}", price=90_000 + n) for n in range(10)]
    assert len(rank(SEED_SPEC, stones)) == 4
