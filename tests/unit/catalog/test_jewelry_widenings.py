"""What a jewellery search that found nothing may leave open to find the nearest pieces."""

from __future__ import annotations

from elgbot.catalog.jewelry import (
    JewelryKind,
    JewelryQuery,
    Material,
    MetalWish,
    Style,
    widenings,
)

PLATINUM = MetalWish(Material.PLATINUM)


def test_each_part_given_is_opened_alone_then_all_at_once_keeping_kind_and_budget() -> None:
    query = JewelryQuery(
        JewelryKind.BRACELET,
        Style.TENNIS,
        PLATINUM,
        budget_max_inr=90_000,
        carat_min=5.0,
        carat_max=5.0,
    )
    found = widenings(query)
    assert [opened for _, opened in found] == [
        ("carat weight",),
        ("metal",),
        ("style",),
        ("carat weight", "metal", "style"),
    ]
    for wider, _ in found:
        assert (wider.kind, wider.budget_max_inr) == (JewelryKind.BRACELET, 90_000)
    assert found[-1][0] == JewelryQuery(JewelryKind.BRACELET, budget_max_inr=90_000)


def test_a_query_with_nothing_to_open_has_no_widening() -> None:
    assert widenings(JewelryQuery(JewelryKind.RING, budget_max_inr=10_000)) == []
