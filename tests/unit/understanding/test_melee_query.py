"""Reading a melee request: size by sieve, millimetres or pointer; quality band; quantity."""

from __future__ import annotations

from dataclasses import replace

import pytest

from elgbot.catalog.melee import MeleeClarity, MeleeQuery, QualityBand
from elgbot.understanding.melee_query import merge, read_melee_query

VVS, VS, SI = MeleeClarity.VVS, MeleeClarity.VS, MeleeClarity.SI


@pytest.mark.parametrize(
    ("text", "query"),
    [
        (
            "+6.5 -7 EF VVS 10 carats",
            MeleeQuery(1.80, 1.90, "+6.5 -7 (1.80–1.90 mm)", QualityBand("EF", (VVS,)), 10),
        ),
        ("1.3 mm GH VS-SI 10 cts", MeleeQuery(1.3, 1.3, "1.3 mm", QualityBand("GH", (VS, SI)), 10)),
        ("2 pointer", MeleeQuery(1.70, 1.80, "2 pointer (≈ +6 -6.5, 1.70–1.80 mm)")),
        ("10-pointer", MeleeQuery(2.90, 3.00, "10 pointer (≈ +12 -12.5, 2.90–3.00 mm)")),
        ("0.02 ct each", MeleeQuery(1.70, 1.80, "0.02 ct per stone (≈ +6 -6.5, 1.70–1.80 mm)")),
        ("sieve 6.5-7", MeleeQuery(1.80, 1.90, "+6.5 -7 (1.80–1.90 mm)")),
        ("-0000 5ct", MeleeQuery(0.70, 0.80, "-0000 (0.70–0.80 mm)", carats=5)),
        ("1.3-1.5mm", MeleeQuery(1.3, 1.5, "1.3–1.5 mm")),
        ("D-F VVS-VS", MeleeQuery(band=QualityBand("DEF", (VVS, VS)))),
        ("ef vvs", MeleeQuery(band=QualityBand("EF", (VVS,)))),
        ("G VS 20 cts", MeleeQuery(band=QualityBand("G", (VS,)), carats=20)),
        ("10 cts", MeleeQuery(carats=10)),
        ("2mm def", MeleeQuery(2.0, 2.0, "2 mm", QualityBand("DEF"))),  # after a size
        # One colour letter: a capital, after a size, or named as the colour.
        ("1.3mm F 10ct", MeleeQuery(1.3, 1.3, "1.3 mm", QualityBand("F"), 10)),
        ("1.3mm f 10 cts", MeleeQuery(1.3, 1.3, "1.3 mm", QualityBand("F"), 10)),
        ("colour g 5 cts", MeleeQuery(band=QualityBand("G"), carats=5)),
        ("1.3mm I need 10ct", MeleeQuery(1.3, 1.3, "1.3 mm", carats=10)),  # the pronoun
        # A budget: in all, or per carat ("/ct", "per carat", "a carat").
        (
            "-0000 5ct under 50k",
            MeleeQuery(0.70, 0.80, "-0000 (0.70–0.80 mm)", carats=5, budget_inr=50_000),
        ),
        ("1.3-1.5mm 1.5 lakh", MeleeQuery(1.3, 1.5, "1.3–1.5 mm", budget_inr=150_000)),
        (
            "1.3-1.5mm 15000/ct",
            MeleeQuery(1.3, 1.5, "1.3–1.5 mm", budget_inr=15_000, budget_per_carat=True),
        ),
        (
            "20 cts ₹12,000 per carat",
            MeleeQuery(carats=20, budget_inr=12_000, budget_per_carat=True),
        ),
        ("10 cts 20k a carat", MeleeQuery(carats=10, budget_inr=20_000, budget_per_carat=True)),
    ],
)
def test_one_message_says_size_band_and_quantity(text: str, query: MeleeQuery) -> None:
    reading = read_melee_query(text)
    assert reading.unclear == ()
    assert reading.query == query


MM_1_3 = MeleeQuery(1.3, 1.3, "1.3 mm")


@pytest.mark.parametrize(
    ("text", "query"),
    [
        # Stones weighed by the chart: 1.3 mm is 0.010 ct, +6.5 -7 0.025 ct a stone.
        ("1.3mm, 100 pcs", replace(MM_1_3, carats=1.0, stones=100)),
        (
            "1.3 mm 500 stones EF VVS",
            replace(MM_1_3, band=QualityBand("EF", (VVS,)), carats=5.0, stones=500),
        ),
        (
            "+6.5 -7 200 pieces",
            MeleeQuery(1.8, 1.9, "+6.5 -7 (1.80–1.90 mm)", carats=5.0, stones=200),
        ),
        ("1-1.5mm 100 pcs", MeleeQuery(1.0, 1.5, "1–1.5 mm", stones=100)),  # a mix: no weight
        ("100 pcs", MeleeQuery(stones=100)),  # weighed once the size is known
        ("1.3mm 2 cts 100 pcs", replace(MM_1_3, carats=2)),  # carats said outright win
        # In the trade a rate is per carat.
        (
            "EF VVS 1.2mm rate 12000",
            MeleeQuery(
                1.2, 1.2, "1.2 mm", QualityBand("EF", (VVS,)), None, 12_000, budget_per_carat=True
            ),
        ),
        ("1.3mm rate: 12k", replace(MM_1_3, budget_inr=12_000, budget_per_carat=True)),
        ("1.3mm 10 cts 1 lakh", replace(MM_1_3, carats=10, budget_inr=100_000)),  # in all
    ],
)
def test_a_quantity_in_stones_is_weighed_and_a_rate_is_per_carat(
    text: str, query: MeleeQuery
) -> None:
    reading = read_melee_query(text)
    assert reading.unclear == ()
    assert reading.query == query


def test_stones_are_weighed_again_by_a_new_size_and_replaced_by_carats() -> None:
    counted = merge(read_melee_query("+6.5 -7").query, read_melee_query("100 pcs").query)
    assert (counted.stones, counted.carats) == (100, 2.5)
    resized = merge(counted, read_melee_query("1.3 mm").query)
    assert (resized.stones, resized.carats) == (100, 1.0)
    in_carats = merge(resized, read_melee_query("3 cts").query)
    assert (in_carats.stones, in_carats.carats) == (None, 3)


@pytest.mark.parametrize(
    ("text", "field", "reason"),
    [
        ("50 pointer", "size", "sold one by one"),
        ("0.5 ct each", "size", "sold one by one"),
        ("+99 -100", "sieve", "we do not know that sieve size"),
        ("sieve 0000", "sieve", "write the sieve with its signs"),  # + or -: not a budget
        ("chalni 11", "sieve", "write the sieve with its signs"),
        ("9 mm", "size", "melee runs from 0.7 to 3.7 mm"),
        ("1.3 mm +6.5 -7", "size", "one size at a time"),
        ("20000 carats", "quantity", "0.2 to 10,000 carats"),
        ("1.3 mm ₹10 per carat", "budget", "below our lowest price"),
        ("1.3 mm rate 10", "budget", "below our lowest price"),
        ("1.3 mm 2.5 pcs", "quantity", "a whole number of stones"),
    ],
)
def test_what_cannot_be_is_reported_not_used(text: str, field: str, reason: str) -> None:
    [unclear] = read_melee_query(text).unclear
    assert unclear.field == field
    assert reason in unclear.reason


@pytest.mark.parametrize("text", ["hi there", "ok", "thanks", "def not", "I", "e"])
def test_words_that_only_look_like_grades_say_nothing(text: str) -> None:
    assert not read_melee_query(text).says_something


def test_a_follow_up_quantity_keeps_the_size_and_band() -> None:
    before = read_melee_query("+6.5 -7 EF VVS").query
    after = merge(before, read_melee_query("10 cts").query)
    assert (after.size, after.band.label, after.carats) == ("+6.5 -7 (1.80–1.90 mm)", "EF VVS", 10)


def test_a_new_budget_replaces_the_old_whole() -> None:
    before = read_melee_query("+6.5 -7 10 cts 15000 per carat").query
    after = merge(before, read_melee_query("under 2 lakh").query)
    assert (after.budget_inr, after.budget_per_carat, after.carats) == (200_000, False, 10)
    kept = merge(after, read_melee_query("GH VS").query)
    assert (kept.budget_inr, kept.budget_per_carat) == (200_000, False)


def test_a_new_band_replaces_the_old_whole() -> None:
    before = read_melee_query("+6.5 -7 EF VVS 10 carats").query
    after = merge(before, read_melee_query("1.5mm GH 20 ct").query)
    assert (after.band, after.carats) == (QualityBand("GH"), 20)
    assert merge(before, read_melee_query("20 ct").query).band == before.band
