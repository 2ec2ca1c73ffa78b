"""Melee: the size chart as data, quality bands, reading parcel uploads, ranking parcels."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest

from elgbot.catalog.feed import FeedError, Rejection
from elgbot.catalog.melee import (
    BandError,
    MeleeClarity,
    MeleeQuery,
    Parcel,
    QualityBand,
    cheapest_match,
    parse_clarity_range,
    parse_color_range,
    rank_parcels,
)
from elgbot.catalog.melee_feed import read_melee
from elgbot.catalog.melee_sizes import (
    SIEVE_SIZES,
    parse_sieve,
    sieve_number,
    size_for_carat,
    size_within,
    sizes_between,
)

VVS, VS, SI = MeleeClarity.VVS, MeleeClarity.VS, MeleeClarity.SI
HEADER = "Stock #,Sieve,MM From,MM To,Color Range,Clarity Range,Carats Available,Price Per Carat"


def test_the_chart_runs_in_order_of_sieve_millimetres_and_weight() -> None:
    ons = [sieve_number(s.on) for s in SIEVE_SIZES if s.on is not None]
    assert ons == sorted(ons)
    assert [s.mm_from for s in SIEVE_SIZES] == sorted(s.mm_from for s in SIEVE_SIZES)
    weights = [s.carat_per_stone for s in SIEVE_SIZES]
    assert weights == sorted(weights)


@pytest.mark.parametrize(
    ("mm_from", "mm_to", "label"),
    [
        (1.8, 1.9, "+6.5 -7"),  # a sieve's own millimetres
        (1.2, 1.2, "+1 -1.5"),
        (2.0, 2.0, "+7 -7.5"),
        (1.3, 1.3, "+2.5 -3"),  # on the edge of two sizes: the heavier
        (1.3, 1.35, "+2.5 -3"),
        (1.0, 1.5, None),  # a mix of sizes has no one weight
        (5.0, 5.0, None),  # beyond the chart
    ],
)
def test_millimetres_name_one_chart_size_to_weigh_stones(
    mm_from: float, mm_to: float, label: str | None
) -> None:
    size = size_within(mm_from, mm_to)
    assert (size.label if size else None) == label


@pytest.mark.parametrize(
    ("written", "labels"),
    [
        ("+6.5 -7", ["+6.5 -7"]),
        ("+6.5-7", ["+6.5 -7"]),
        ("6.5-7", ["+6.5 -7"]),
        ("-0000", ["-0000"]),
        ("+000 -0", ["+000 -0"]),
        ("+11", ["+11 -11.5"]),
        ("+2 -6.5", ["+2 -2.5", "+2.5 -3", "+4 -4.5", "+5 -5.5", "+6 -6.5"]),  # "stars"
        ("+99 -100", []),
    ],
)
def test_a_sieve_names_sizes_of_the_chart(written: str, labels: list[str]) -> None:
    parsed = parse_sieve(written)
    assert parsed is not None
    assert [s.label for s in sizes_between(*parsed)] == labels


@pytest.mark.parametrize(
    ("carat", "label"),
    [(0.02, "+6 -6.5"), (0.10, "+12 -12.5"), (0.01, "+2.5 -3"), (0.005, "+000 -0")],
)
def test_a_weight_per_stone_finds_the_nearest_size(carat: float, label: str) -> None:
    assert size_for_carat(carat).label == label


@pytest.mark.parametrize(
    ("written", "letters"), [("EF", "EF"), ("e-f", "EF"), ("D-F", "DEF"), ("G/H", "GH")]
)
def test_colour_ranges(written: str, letters: str) -> None:
    assert parse_color_range(written) == letters


@pytest.mark.parametrize(
    ("written", "groups"),
    [("VVS-VS", (VVS, VS)), ("VS-SI", (VS, SI)), ("VVS1-VVS2", (VVS,)), ("VVS-SI", (VVS, VS, SI))],
)
def test_clarity_ranges(written: str, groups: tuple[MeleeClarity, ...]) -> None:
    assert parse_clarity_range(written) == groups


@pytest.mark.parametrize("written", ["F-D", "XY", "", "blue"])
def test_a_colour_range_that_cannot_be_is_refused(written: str) -> None:
    with pytest.raises(BandError):
        parse_color_range(written)


def _read(*lines: str) -> list[Parcel | Rejection]:
    return list(read_melee(io.StringIO("\n".join(lines) + "\n", newline="")))


def test_a_row_becomes_a_parcel_and_a_known_sieve_fills_the_millimetres() -> None:
    assert _read(HEADER, 'M1,+6.5 -7,,,EF,VVS,25,"₹9,500"') == [
        Parcel("M1", "+6.5 -7", 1.80, 1.90, QualityBand("EF", (VVS,)), 25.0, 9_500)
    ]


def test_millimetres_alone_find_their_sieve_on_the_chart() -> None:
    [parcel] = _read(HEADER, "M2,,1.30,1.35,GH,VS-SI,10 ct,6500")
    assert isinstance(parcel, Parcel)
    assert (parcel.sieve, parcel.band.label) == ("+2.5 -3", "GH VS-SI")


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("M3,+6.5 -7,1.30,1.35,EF,VVS,25,9500", "1.30-1.35 mm does not fit sieve +6.5 -7"),
        ("M3,+99 -100,,,EF,VVS,25,9500", "unknown sieve '+99 -100'"),
        ("M3,,,,EF,VVS,25,9500", "missing sieve and millimetres"),
        ("M3,,1.9,1.8,EF,VVS,25,9500", "mm from 1.9 is above mm to 1.8"),
        ("M3,,1.8,1.9,blue,VVS,25,9500", "unknown colour range 'blue'"),
        ("M3,,1.8,1.9,EF,VS3,25,9500", "unknown clarity range 'VS3'"),
        ("M3,,1.8,1.9,EF,VVS,-5,9500", "carats available '-5' is out of range"),
        ("M3,,1.8,1.9,EF,VVS,25,ask", "price per carat 'ask' is not a number"),
    ],
)
def test_a_broken_row_is_rejected_with_its_reason(row: str, reason: str) -> None:
    [rejection] = _read(HEADER, row)
    assert isinstance(rejection, Rejection), rejection
    assert reason in rejection.reason
    assert rejection.line == 2


def test_a_header_without_a_price_cannot_be_imported() -> None:
    with pytest.raises(FeedError, match="no price_per_carat column"):
        _read("Stock #,Sieve,Color Range,Clarity Range,Carats Available", "M1,+6.5 -7,EF,VVS,2")


EF_VVS = Parcel("A", "+6.5 -7", 1.80, 1.90, QualityBand("EF", (VVS,)), 25.0, 9_500)
DEF = Parcel("B", "+6.5 -7", 1.80, 1.90, QualityBand("DEF", (VVS, VS)), 50.0, 12_000)
GH = Parcel("C", "+6.5 -7", 1.80, 1.90, QualityBand("GH", (VS, SI)), 50.0, 6_500)
SMALLER = Parcel("D", "+6 -6.5", 1.70, 1.80, QualityBand("EF", (VVS,)), 5.0, 9_000)


def test_the_asked_band_comes_first_then_bands_that_share_a_grade() -> None:
    query = MeleeQuery(1.80, 1.90, "+6.5 -7", QualityBand("EF", (VVS,)), 10.0)
    assert [p.stock_id for p in rank_parcels(query, [GH, DEF, EF_VVS])] == ["A", "B"]


def test_sizes_must_overlap_unless_nothing_does() -> None:
    at_1_85 = MeleeQuery(1.85, 1.85, "1.85 mm")
    assert [p.stock_id for p in rank_parcels(at_1_85, [SMALLER, EF_VVS])] == ["A"]
    at_1_95 = MeleeQuery(1.95, 1.95, "1.95 mm")  # between sizes: within ±0.1 mm will do
    assert [p.stock_id for p in rank_parcels(at_1_95, [SMALLER, EF_VVS])] == ["A"]


def test_a_parcel_prices_the_asked_quantity() -> None:
    assert EF_VVS.total_for(10) == 95_000


def test_a_sieve_does_not_take_the_sizes_that_only_touch_it() -> None:
    bigger = Parcel("E", "+7 -7.5", 1.90, 2.00, QualityBand("EF", (VVS,)), 5.0, 9_000)
    sieve = MeleeQuery(1.80, 1.90, "+6.5 -7")
    assert [p.stock_id for p in rank_parcels(sieve, [SMALLER, EF_VVS, bigger])] == ["A"]
    on_the_edge = MeleeQuery(1.80, 1.80, "1.8 mm")
    assert {p.stock_id for p in rank_parcels(on_the_edge, [SMALLER, EF_VVS, bigger])} == {"A", "D"}


def test_a_budget_keeps_out_parcels_it_cannot_pay_for() -> None:
    sieve = (1.80, 1.90, "+6.5 -7", QualityBand())
    per_carat = MeleeQuery(*sieve, budget_inr=10_000, budget_per_carat=True)
    assert [p.stock_id for p in rank_parcels(per_carat, [GH, DEF, EF_VVS])] == ["C", "A"]
    # In all, over the quantity: ₹1,00,000 for 10 ct is ₹10,000/ct.
    in_all = MeleeQuery(*sieve, carats=10, budget_inr=100_000)
    assert [p.stock_id for p in rank_parcels(in_all, [GH, DEF, EF_VVS])] == ["C", "A"]
    # Without a quantity an amount in all caps nothing: the results say what it buys.
    unquantified = MeleeQuery(*sieve, budget_inr=50_000)
    assert [p.stock_id for p in rank_parcels(unquantified, [GH, DEF, EF_VVS])] == ["C", "A", "B"]


def test_the_cheapest_match_ignores_the_budget_but_not_size_or_band() -> None:
    band = QualityBand("EF", (VVS,))
    query = MeleeQuery(1.80, 1.90, "+6.5 -7", band, budget_inr=1_000, budget_per_carat=True)
    assert rank_parcels(query, [GH, DEF, EF_VVS, SMALLER]) == []
    assert cheapest_match(query, [GH, DEF, EF_VVS, SMALLER]) == EF_VVS


def test_a_quantity_does_not_renumber_the_options() -> None:
    # "add to cart 2" asks how many carats; after "20 cts" option 2 is the same parcel,
    # though it holds fewer (its line says so).
    small = Parcel("S", "+6.5 -7", 1.80, 1.90, QualityBand("EF", (VVS,)), 5.0, 9_000)
    sieve = MeleeQuery(1.80, 1.90, "+6.5 -7", QualityBand("EF", (VVS,)))
    before = rank_parcels(sieve, [EF_VVS, small, DEF])
    after = rank_parcels(replace(sieve, carats=20), [EF_VVS, small, DEF])
    assert [p.stock_id for p in before] == [p.stock_id for p in after] == ["S", "A", "B"]
