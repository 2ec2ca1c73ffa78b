"""Reading a melee request: size by sieve, millimetres or pointer; quality band; quantity."""

from __future__ import annotations

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
