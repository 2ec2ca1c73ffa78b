"""Reading what jewellery a customer asks for from one message."""

from __future__ import annotations

import pytest

from elgbot.catalog.jewelry import (
    JewelryKind,
    JewelryQuery,
    Material,
    Metal,
    MetalColor,
    MetalWish,
    Style,
)
from elgbot.understanding.jewelry_query import merge, opened, read_jewelry_query

GOLD = Material.GOLD
RING, EARRINGS, BRACELET = JewelryKind.RING, JewelryKind.EARRINGS, JewelryKind.BRACELET


@pytest.mark.parametrize(
    ("text", "query"),
    [
        (
            "ring in 18k rose gold under 60k",
            JewelryQuery(RING, metal=MetalWish(GOLD, 18, MetalColor.ROSE), budget_max_inr=60_000),
        ),
        (
            "studs below 40000",
            JewelryQuery(EARRINGS, Style.STUDS, budget_max_inr=40_000),
        ),
        (
            "platinum band size 14",
            JewelryQuery(RING, Style.BAND, MetalWish(Material.PLATINUM), ring_size=14),
        ),
        (
            "tennis braclet in white gold 1.5 lakh tak",
            JewelryQuery(
                BRACELET, Style.TENNIS, MetalWish(GOLD, color=MetalColor.WHITE), None, 150_000
            ),
        ),
        (
            "18KWG solitaire ring",
            JewelryQuery(RING, Style.SOLITAIRE, MetalWish(GOLD, 18, MetalColor.WHITE)),
        ),
        ("22 carat gold kada", JewelryQuery(BRACELET, Style.BANGLE, MetalWish(GOLD, 22))),
        ("ring under 18k", JewelryQuery(RING, budget_max_inr=18_000)),  # money, not karat
        ("neckless", JewelryQuery(JewelryKind.NECKLACE)),
        ("rose gold", JewelryQuery(metal=MetalWish(GOLD, color=MetalColor.ROSE))),
        ("size 12", JewelryQuery(RING, ring_size=12)),
        (
            "Rose gold ring 50-60k",
            JewelryQuery(RING, None, MetalWish(GOLD, None, MetalColor.ROSE), 50_000, 60_000),
        ),
        ("gold tops 30000", JewelryQuery(EARRINGS, Style.STUDS, MetalWish(GOLD), None, 30_000)),
        ("two-tone ring", JewelryQuery(RING, metal=MetalWish(GOLD, color=MetalColor.TWO_TONE))),
        # The diamonds' weight, never taken for a karat or a price.
        ("1ct solitaire ring", JewelryQuery(RING, Style.SOLITAIRE, carat_min=1, carat_max=1)),
        ("half carat studs", JewelryQuery(EARRINGS, Style.STUDS, carat_min=0.5, carat_max=0.5)),
        (
            "ring 1.5 ct 18k white gold 1 lakh",
            JewelryQuery(
                RING,
                metal=MetalWish(GOLD, 18, MetalColor.WHITE),
                budget_max_inr=100_000,
                carat_min=1.5,
                carat_max=1.5,
            ),
        ),
        ("earrings 1ct+", JewelryQuery(EARRINGS, carat_min=1)),
        ("pendant under 1 ct", JewelryQuery(JewelryKind.PENDANT, carat_max=1)),
        ("engagement ring", JewelryQuery(RING, engagement=True)),
        ("engagement under 1 lakh", JewelryQuery(RING, budget_max_inr=100_000, engagement=True)),
    ],
)
def test_one_message_says_type_metal_budget_and_size(text: str, query: JewelryQuery) -> None:
    reading = read_jewelry_query(text)
    assert reading.unclear == ()
    assert reading.query == query


PLATINUM = MetalWish(Material.PLATINUM)
WHITE, ROSE = MetalWish(GOLD, color=MetalColor.WHITE), MetalWish(GOLD, color=MetalColor.ROSE)


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("studs under 30k white gold", JewelryQuery(EARRINGS, Style.STUDS, WHITE, None, 30_000)),
        ("studs under 50k, white gold", JewelryQuery(EARRINGS, Style.STUDS, WHITE, None, 50_000)),
        (
            "studs under 50k yellow",
            JewelryQuery(
                EARRINGS, Style.STUDS, MetalWish(GOLD, color=MetalColor.YELLOW), None, 50_000
            ),
        ),
        ("ring under 1 lakh platinum", JewelryQuery(RING, None, PLATINUM, None, 100_000)),
        ("ring under 90k platinum", JewelryQuery(RING, None, PLATINUM, None, 90_000)),
        (
            "engagement ring 1 carat under 1 lakh platinum size 10",
            JewelryQuery(RING, None, PLATINUM, None, 100_000, 10, 1, 1, engagement=True),
        ),
        ("rose gold ring 75000 for my wife", JewelryQuery(RING, None, ROSE, None, 75_000)),
        ("ring rose gold 75000 size 12", JewelryQuery(RING, None, ROSE, None, 75_000, 12)),
        ("ring 75000 in rose gold", JewelryQuery(RING, None, ROSE, None, 75_000)),
        # A money word first makes "18k" money even before a metal; without one, a karat.
        ("ring under 18k white gold", JewelryQuery(RING, None, WHITE, None, 18_000)),
        ("ring 18k white gold", JewelryQuery(RING, metal=MetalWish(GOLD, 18, MetalColor.WHITE))),
        (
            "ring 1ct and 18k gold",
            JewelryQuery(RING, metal=MetalWish(GOLD, 18), carat_min=1, carat_max=1),
        ),
    ],
)
def test_a_budget_followed_by_a_metal_or_other_words_is_kept(
    text: str, query: JewelryQuery
) -> None:
    reading = read_jewelry_query(text)
    assert reading.unclear == ()
    assert reading.query == query


@pytest.mark.parametrize(
    ("text", "kind", "size"),
    [
        ("size 1.2mm", None, None),
        ("mix size 1-1.5mm EF", None, None),
        ("need size 1.5 mm", None, None),
        ("size 2 to 2.5 mm", None, None),
        ("2 mm band size 14", RING, 14),
    ],
)
def test_millimetres_are_never_a_ring_size(
    text: str, kind: JewelryKind | None, size: float | None
) -> None:
    query = read_jewelry_query(text).query
    assert (query.kind, query.ring_size, query.carat_min) == (kind, size, None)


@pytest.mark.parametrize(
    ("text", "field", "reason"),
    [
        ("ring size 45", "ring size", "Indian ring sizes run from 1 to 30"),
        ("platinum 18k ring", "metal", "Platinum has no karat"),
        ("gold or platinum ring", "metal", "please name one metal"),
        ("earrings and rings", "piece", "one kind of piece at a time"),
        ("ring under ₹10", "budget", "below our lowest price"),
        ("ring under 500 dollars", "budget", "our prices are in Indian rupees"),
    ],
)
def test_what_cannot_be_is_reported_not_used(text: str, field: str, reason: str) -> None:
    [unclear] = read_jewelry_query(text).unclear
    assert unclear.field == field
    assert reason in unclear.reason


@pytest.mark.parametrize("text", ["ok", "hmm", "thanks", "😀"])
def test_a_message_without_a_wish_says_nothing(text: str) -> None:
    assert not read_jewelry_query(text).says_something


def test_18k_rose_gold_admits_only_18k_rose_gold() -> None:
    wish = read_jewelry_query("18k rose gold").query.metal
    assert wish.admits(Metal(GOLD, 18, MetalColor.ROSE))
    assert not wish.admits(Metal(GOLD, 14, MetalColor.ROSE))
    assert not wish.admits(Metal(GOLD, 18, MetalColor.WHITE))
    assert not wish.admits(Metal(Material.PLATINUM))


def test_a_correction_keeps_what_it_does_not_change_and_replaces_the_metal() -> None:
    before = read_jewelry_query("ring in 18k rose gold under 60k").query
    after = merge(before, read_jewelry_query("in white gold").query)
    assert after == JewelryQuery(
        RING, metal=MetalWish(GOLD, color=MetalColor.WHITE), budget_max_inr=60_000
    )


def test_a_new_kind_drops_the_old_style() -> None:
    before = read_jewelry_query("platinum band").query
    assert merge(before, read_jewelry_query("pendant").query).style is None


def test_a_new_budget_replaces_the_old_range_whole() -> None:
    before = read_jewelry_query("studs 40k-80k").query
    after = merge(before, read_jewelry_query("under 30000").query)
    assert (after.budget_min_inr, after.budget_max_inr) == (None, 30_000)


def test_a_new_weight_replaces_the_old_and_a_message_without_one_keeps_it() -> None:
    before = read_jewelry_query("1ct solitaire ring").query
    kept = merge(before, read_jewelry_query("in platinum").query)
    assert (kept.carat_min, kept.carat_max) == (1, 1)
    changed = merge(kept, read_jewelry_query("under 0.5 carat").query)
    assert (changed.carat_min, changed.carat_max) == (None, 0.5)
    pendant = merge(changed, read_jewelry_query("pendant").query)  # another kind of piece
    assert (pendant.carat_min, pendant.carat_max, pendant.metal) == (None, None, kept.metal)


def test_one_weight_admits_pieces_a_tenth_either_side() -> None:
    assert JewelryQuery(carat_min=1, carat_max=1).carat_bounds() == (0.9, 1.1)
    assert JewelryQuery(carat_min=0.5, carat_max=1).carat_bounds() == (0.5, 1)
    assert JewelryQuery(carat_max=1).carat_bounds() == (None, 1)


def test_a_ring_size_does_not_follow_to_another_kind_of_piece() -> None:
    ring = read_jewelry_query("ring in 18k rose gold size 14").query
    assert merge(ring, read_jewelry_query("earrings").query).ring_size is None
    assert merge(ring, read_jewelry_query("halo").query).ring_size == 14


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("any metal", JewelryQuery(RING, Style.SOLITAIRE, ring_size=12, carat_min=1, carat_max=1)),
        (
            "any size",
            JewelryQuery(RING, Style.SOLITAIRE, MetalWish(GOLD, 14), carat_min=1, carat_max=1),
        ),
        ("sab dikhao", JewelryQuery(RING)),
        ("show me all", JewelryQuery(RING)),
    ],
)
def test_parts_left_open_are_cleared(text: str, expected: JewelryQuery) -> None:
    wish = read_jewelry_query("1ct solitaire ring 14k gold size 12").query
    assert opened(wish, text) == expected


def test_a_message_that_opens_nothing_is_not_an_opening() -> None:
    assert opened(JewelryQuery(RING), "in platinum") is None


@pytest.mark.parametrize(
    ("text", "kind", "style"),
    [
        ("1ct solitaire studs", EARRINGS, Style.STUDS),  # the prompt's own example
        ("solitaire earrings", EARRINGS, Style.STUDS),
        ("solitaire stud", EARRINGS, Style.STUDS),
        ("pendant with chain", JewelryKind.PENDANT, None),
        ("solitaire pendant", JewelryKind.PENDANT, Style.SOLITAIRE),
        ("solitaire ring", RING, Style.SOLITAIRE),
    ],
)
def test_words_that_name_one_piece_together_are_read_as_it(
    text: str, kind: JewelryKind, style: Style | None
) -> None:
    reading = read_jewelry_query(text)
    assert reading.unclear == ()
    assert (reading.query.kind, reading.query.style) == (kind, style)


@pytest.mark.parametrize(
    ("text", "kind", "missing"),
    [
        ("nose ring", JewelryKind.NOSE_PIN, None),  # a nose pin, never a finger ring
        ("diamond nose rings in gold", JewelryKind.NOSE_PIN, None),
        ("mangalsutra", None, "mangalsutras"),
        ("mangal sutra under 50k", None, "mangalsutras"),
        ("chain for husband", None, "chains"),
        ("toe ring size 5", None, "toe rings"),  # never a finger ring either
        ("maang tikka", None, "maang tikkas"),
        ("pendant with chain", JewelryKind.PENDANT, None),  # its chain comes with it
        ("tennis chain", JewelryKind.NECKLACE, None),
    ],
)
def test_pieces_not_in_the_range_are_named_never_read_as_another(
    text: str, kind: JewelryKind | None, missing: str | None
) -> None:
    reading = read_jewelry_query(text)
    assert (reading.query.kind, reading.not_in_range) == (kind, missing)
    assert reading.says_something


def test_two_pieces_in_one_message_are_still_asked_one_at_a_time() -> None:
    assert read_jewelry_query("ring and necklace").unclear[0].field == "piece"
