"""Which funnel stages a turn reached, read from what it did."""

from __future__ import annotations

from elgbot.catalog.grades import Shape
from elgbot.commerce.cart import ItemKind
from elgbot.console.funnel import FunnelCounts, FunnelStage, stages_of
from elgbot.console.overview import funnel_bars
from elgbot.conversation.events import AddOutcome, CartAdded, DiamondsFound, SearchDiamonds
from elgbot.conversation.menu_events import CheckoutStarted, MeleeAdded, StartCheckout
from elgbot.conversation.session import Step
from elgbot.understanding.diamond_spec import DiamondSpec


def test_ending_a_turn_at_the_main_menu_counts_as_seeing_the_menu() -> None:
    assert stages_of(Step.MAIN_MENU, []) == {FunnelStage.MENU}
    assert stages_of(Step.COLLECT_DIAMOND_SPECS, []) == set()


def test_a_search_that_finds_nothing_counts_as_a_spec_sent_but_no_results() -> None:
    trail = [(SearchDiamonds(DiamondSpec(shape=Shape.ROUND)), DiamondsFound(()))]
    assert stages_of(Step.QUOTE_SUGGESTION, trail) == {FunnelStage.SPEC_SENT}


def test_only_a_stone_really_added_counts_as_added_to_cart() -> None:
    added = [(None, CartAdded(1, AddOutcome.ADDED))]
    again = [(None, CartAdded(1, AddOutcome.ALREADY_IN_CART, ItemKind.DIAMOND))]
    gone = [(None, MeleeAdded(1, 0.0, 0))]
    assert stages_of(Step.DIAMOND_RESULTS_SHOWN, added) == {FunnelStage.ADDED_TO_CART}
    assert stages_of(Step.DIAMOND_RESULTS_SHOWN, again) == set()
    assert stages_of(Step.MELEE_RESULTS_SHOWN, gone) == set()


def test_a_checkout_counts_only_when_the_cart_had_something() -> None:
    assert stages_of(Step.MAIN_MENU, [(StartCheckout(), CheckoutStarted("t", 1, 10))]) == {
        FunnelStage.MENU,
        FunnelStage.CHECKOUT,
    }
    assert stages_of(Step.MAIN_MENU, [(StartCheckout(), CheckoutStarted(None))]) == {
        FunnelStage.MENU
    }


def test_the_bars_are_scaled_to_the_widest_and_share_is_of_the_menu() -> None:
    counts = FunnelCounts({FunnelStage.MENU: 10, FunnelStage.SPEC_SENT: 5}, closing=1)
    bars = funnel_bars(counts)
    assert [(b.count, b.width, b.share) for b in bars[:2]] == [(10, 360, "100%"), (5, 180, "50%")]
    assert bars[-1].label == "Checkout 0 / quote 0"
    assert bars[-1].count == 1


def test_an_empty_period_draws_no_shares() -> None:
    assert {b.share for b in funnel_bars(FunnelCounts({}, 0))} == {"–"}
