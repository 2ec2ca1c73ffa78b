"""Ranking: exact matches first, near matches labelled, one marked stretch option at most,
nothing else over budget."""

from __future__ import annotations

from dataclasses import replace

import pytest

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.matching import Match, rank
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
    shape: Shape = Shape.ROUND,
) -> Stone:
    return Stone(sid, shape, carat, color, clarity, cut, price)


def offered(spec: DiamondSpec, stones: list[Stone]) -> list[str]:
    return [m.stone.stock_id for m in rank(spec, stones)]


def test_exact_matches_come_before_cheaper_near_matches() -> None:
    near = stone("NEAR", carat=1.6, price=60_000)
    exact = stone("EXACT", price=95_000)
    assert offered(SEED_SPEC, [near, exact]) == ["EXACT", "NEAR"]


def test_among_exact_matches_the_closest_carat_comes_first_then_price() -> None:
    stones = [
        stone("A", carat=1.54, price=80_000),
        stone("B", carat=1.5, price=99_000),
        stone("C", carat=1.5, price=85_000),
    ]
    assert offered(SEED_SPEC, stones) == ["C", "B", "A"]


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


@pytest.mark.parametrize(
    "too_far",
    [
        stone("FAR", carat=1.7),  # beyond 1.55 ct + 5 %
        stone("FAR", color=Color.F),  # two colour grades lower
        stone("FAR", clarity=Clarity.SI1),  # two clarity grades lower
        stone("FAR", cut=Cut.GOOD),  # two cut tiers lower
        stone("FAR", cut=None),  # no cut grade when a cut was asked for
        stone("FAR", shape=Shape.OVAL),
    ],
)
def test_a_stone_beyond_the_near_window_is_never_offered(too_far: Stone) -> None:
    assert rank(SEED_SPEC, [too_far]) == []


def test_a_better_grade_ranks_before_a_worse_one() -> None:
    better, worse = stone("BETTER", clarity=Clarity.VVS2), stone("WORSE", clarity=Clarity.VS2)
    assert offered(SEED_SPEC, [worse, better]) == ["BETTER", "WORSE"]


@pytest.mark.parametrize(
    ("stones", "expected"),
    [
        # A smaller carat miss outweighs a grade: 1.56 ct is nearer than E colour.
        ([stone("E", color=Color.E), stone("BIG", carat=1.56)], ["BIG", "E"]),
        # A better clarity costs half a worse one.
        ([stone("VS2", clarity=Clarity.VS2), stone("VVS2", clarity=Clarity.VVS2)], ["VVS2", "VS2"]),
        # One grade off in two facts is further than one grade off in one.
        (
            [stone("TWO", color=Color.E, clarity=Clarity.VS2), stone("ONE", color=Color.E)],
            ["ONE", "TWO"],
        ),
        # Equally near: the cheaper one first.
        ([stone("DEAR", carat=1.6, price=99_000), stone("CHEAP", carat=1.6)], ["CHEAP", "DEAR"]),
    ],
)
def test_near_matches_are_ranked_by_weighted_grade_distance_then_price(
    stones: list[Stone], expected: list[str]
) -> None:
    assert offered(SEED_SPEC, stones) == expected


def test_nothing_over_budget_is_offered_beside_three_exact_matches() -> None:
    stones = [stone(f"E{n}", price=90_000 + n) for n in range(3)]
    dear = stone("DEAR", price=105_000)
    assert offered(SEED_SPEC, [*stones, dear]) == ["E0", "E1", "E2"]


def test_more_than_ten_percent_over_budget_is_never_offered() -> None:
    assert rank(SEED_SPEC, [stone("DEAR", price=110_001)]) == []


def test_a_stone_at_most_ten_percent_over_budget_is_offered_as_a_marked_stretch() -> None:
    [match] = rank(SEED_SPEC, [stone("DEAR", price=110_000)])
    assert match == Match(stone("DEAR", price=110_000), False, (), over_budget_inr=10_000)
    assert match.is_stretch
    assert not match.exact  # never counted as within budget


def test_at_most_one_stretch_option_the_nearest_and_it_comes_last() -> None:
    stones = [
        stone("EXACT", price=95_000),
        stone("NEAR", carat=1.6),
        stone("STRETCH-FAR", carat=1.54, price=101_000),
        stone("STRETCH", price=108_000),
    ]
    matches = rank(SEED_SPEC, stones)
    assert [m.stone.stock_id for m in matches] == ["EXACT", "NEAR", "STRETCH"]
    assert [m.is_stretch for m in matches] == [False, False, True]


def test_a_stretch_option_must_match_the_spec_exactly() -> None:
    assert rank(SEED_SPEC, [stone("NEAR-DEAR", carat=1.6, price=101_000)]) == []


def test_the_stretch_option_takes_the_last_of_four_places_from_near_matches() -> None:
    near = [stone(f"N{n}", carat=1.6, price=80_000 + n) for n in range(4)]
    matches = rank(SEED_SPEC, [*near, stone("STRETCH", price=105_000)])
    assert [m.stone.stock_id for m in matches] == ["N0", "N1", "N2", "STRETCH"]


def test_with_two_exact_matches_near_ones_and_a_stretch_fill_the_list() -> None:
    stones = [
        stone("E1", price=91_000),
        stone("E2", price=92_000),
        stone("N1", carat=1.6),
        stone("N2", carat=1.62),
        stone("S", price=104_000),
    ]
    assert offered(SEED_SPEC, stones) == ["E1", "E2", "N1", "S"]


def test_without_a_budget_there_is_no_stretch_and_nothing_is_over_it() -> None:
    spec = DiamondSpec(shape=Shape.ROUND, carat_min=1.5, carat_max=1.5)
    assert offered(spec, [stone("ANY", price=10_000_000)]) == ["ANY"]
    assert not rank(spec, [stone("ANY")])[0].is_stretch


def test_at_most_four_options() -> None:
    stones = [stone(f"S{n}", price=90_000 + n) for n in range(10)]
    assert len(rank(SEED_SPEC, stones)) == 4


def test_three_exact_matches_are_not_padded_with_near_ones() -> None:
    stones = [stone(f"E{n}", price=90_000 + n) for n in range(3)]
    assert offered(SEED_SPEC, [*stones, stone("NEAR", carat=1.6)]) == ["E0", "E1", "E2"]


def test_with_a_budget_and_no_carat_the_best_the_budget_buys_comes_first() -> None:
    spec = DiamondSpec(shape=Shape.ROUND, budget_max_inr=100_000)
    stones = [stone("B", carat=0.5, price=30_000), stone("A", carat=2.0, price=99_000)]
    assert offered(spec, stones) == ["A", "B"]


def test_without_a_carat_or_a_budget_the_cheapest_come_first() -> None:
    spec = DiamondSpec(shape=Shape.ROUND)
    stones = [stone("A", carat=2.0, price=99_000), stone("B", carat=0.5, price=30_000)]
    assert offered(spec, stones) == ["B", "A"]


def test_a_budget_led_stretch_is_the_least_over_budget() -> None:
    spec = DiamondSpec(shape=Shape.ROUND, colors=(Color.D,), budget_max_inr=100_000)
    over = [stone("OVER9", price=109_000), stone("OVER2", price=102_000)]
    matches = rank(spec, [stone("IN", price=90_000), *over])
    assert [m.stone.stock_id for m in matches] == ["IN", "OVER2"]
    assert matches[-1].over_budget_inr == 2_000


RANGE_SPEC = replace(SEED_SPEC, budget_min_inr=80_000)


def test_a_budget_range_offers_the_stones_inside_it_and_not_cheaper_ones_beside_them() -> None:
    inside = [stone(f"IN{n}", price=80_000 + 5_000 * n) for n in range(3)]
    cheaper = [stone(f"LOW{n}", price=40_000 + n) for n in range(3)]
    assert offered(RANGE_SPEC, cheaper + inside) == ["IN2", "IN1", "IN0"]  # dearest first


def test_below_a_budget_floor_the_stones_nearest_it_fill_in() -> None:
    floor = DiamondSpec(shape=Shape.ROUND, carat_min=1.5, carat_max=1.5, budget_min_inr=200_000)
    cheaper = [stone(f"LOW{n}", price=40_000 + 10_000 * n) for n in range(5)]
    assert offered(floor, cheaper) == ["LOW4", "LOW3", "LOW2", "LOW1"]


def test_cheaper_stones_fill_in_when_the_range_has_few_and_say_so() -> None:
    inside, cheaper = stone("IN", price=85_000), stone("LOW", price=40_000)
    matches = rank(RANGE_SPEC, [cheaper, inside])
    assert [m.stone.stock_id for m in matches] == ["IN", "LOW"]
    assert matches[1].differences == ("priced below your range",)
