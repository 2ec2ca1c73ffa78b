"""The canonical spec text and the CLI's JSON contract."""

from __future__ import annotations

import json

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.stone import DiamondSpec
from elgbot.understanding.diamond_spec import format_spec, read_diamond_spec, spec_to_json

_KEYS = {
    "shape",
    "carat_min",
    "carat_max",
    "colors",
    "clarities",
    "cuts",
    "budget_min_inr",
    "budget_max_inr",
}

_SEED = DiamondSpec(
    shape=Shape.ROUND,
    carat_min=1.5,
    carat_max=1.5,
    colors=(Color.D,),
    clarities=(Clarity.VS1,),
    cuts=(Cut.IDEAL, Cut.EXCELLENT),
    budget_max_inr=100_000,
)


def test_the_canonical_text_is_short_and_ordered() -> None:
    assert format_spec(_SEED) == "round, 1.5 ct, D, VS1, ideal/excellent, up to ₹1,00,000"


def test_an_empty_spec_reads_as_any_diamond() -> None:
    assert format_spec(DiamondSpec()) == "any diamond"
    assert read_diamond_spec("any diamond").spec == DiamondSpec()


def test_ranges_and_open_bounds_have_their_own_wording() -> None:
    spec = DiamondSpec(
        carat_min=1.5,
        colors=(Color.I, Color.J, Color.K),
        clarities=(Clarity.FL, Clarity.IF, Clarity.VVS1, Clarity.SI1),
        budget_min_inr=50_000,
        budget_max_inr=60_000,
    )
    assert format_spec(spec) == "1.5+ ct, colour I-K, FL-VVS1/SI1, ₹50,000-₹60,000"
    assert format_spec(DiamondSpec(carat_max=2.0, budget_min_inr=50_000)) == (
        "up to 2 ct, from ₹50,000"
    )


def test_every_json_key_is_present_and_null_when_not_said() -> None:
    as_json = spec_to_json(DiamondSpec())
    assert set(as_json) == _KEYS
    assert all(value is None for value in as_json.values())


def test_the_json_of_a_full_spec_uses_canonical_names() -> None:
    assert spec_to_json(_SEED) == {
        "shape": "round",
        "carat_min": 1.5,
        "carat_max": 1.5,
        "colors": ["D"],
        "clarities": ["VS1"],
        "cuts": ["ideal", "excellent"],
        "budget_min_inr": None,
        "budget_max_inr": 100_000,
    }


def test_vs1_plus_lists_every_clarity_from_fl_through_vs1_in_json() -> None:
    as_json = spec_to_json(read_diamond_spec("oval 1ct VS1+").spec)
    assert as_json["clarities"] == ["FL", "IF", "VVS1", "VVS2", "VS1"]


def test_ideal_alone_stays_ideal_alone_in_json() -> None:
    assert spec_to_json(read_diamond_spec("round ideal cut").spec)["cuts"] == ["ideal"]


def test_multi_word_names_are_kept_lower_case_in_json() -> None:
    spec = read_diamond_spec("old european 1ct very good cut 50-60k").spec
    as_json = spec_to_json(spec)
    assert as_json["shape"] == "old european"
    assert as_json["cuts"] == ["very good"]
    assert (as_json["budget_min_inr"], as_json["budget_max_inr"]) == (50_000, 60_000)


def test_the_json_serialises_as_is() -> None:
    text = json.dumps(spec_to_json(_SEED), ensure_ascii=False)
    assert json.loads(text) == spec_to_json(_SEED)


def test_budgets_are_integers_and_carats_are_numbers_in_json() -> None:
    as_json = spec_to_json(read_diamond_spec("round 1.5-2ct 1-1.5 lakh").spec)
    assert as_json["budget_min_inr"] == 100_000
    assert isinstance(as_json["budget_min_inr"], int)
    assert as_json["carat_min"] == 1.5
    assert as_json["carat_max"] == 2.0
