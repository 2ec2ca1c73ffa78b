"""*more* after results: the next options of the same search, numbered on from the last."""

from __future__ import annotations

import pytest

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.jewelry import JewelryKind, JewelryQuery, Material, Metal, Piece, Style
from elgbot.catalog.jewelry_store import SHOWN_PIECES
from elgbot.catalog.matching import Match
from elgbot.catalog.melee import SHOWN_PARCELS
from elgbot.catalog.stone import DiamondSpec, Stone
from elgbot.commerce.cart import ItemKind
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import AddToCart, CustomerSaid, DiamondsFound, SearchDiamonds, Turn
from elgbot.conversation.machine import Conversation
from elgbot.conversation.menu_events import JewelryFound, SearchJewelry
from elgbot.conversation.paging import MOST_SHOWN, PAGE
from elgbot.conversation.session import Session, ShownItem, Step

COPY = Copy().with_site("https://elg.com")
BOT = Conversation(COPY)
PLATINUM = Metal(Material.PLATINUM)
SPEC = DiamondSpec(shape=Shape.ROUND, carat_min=1.0, carat_max=1.0, budget_max_inr=200_000)


def stone(n: int) -> Match:
    return Match(
        Stone(f"RD-{n}", Shape.ROUND, 1.0, Color.G, Clarity.VS1, Cut.IDEAL, 90_000 + n), True, ()
    )


def found(first: int, last: int, after: int = 0) -> DiamondsFound:
    return DiamondsFound(tuple(stone(n) for n in range(first, last + 1)), after)


def say(session: Session, text: str) -> Turn:
    return BOT.step(session, CustomerSaid(text))


FIRST_PAGE = BOT.step(Session(step=Step.COLLECT_DIAMOND_SPECS, spec=SPEC), found(1, 4)).session


def test_a_full_first_page_says_more_can_follow() -> None:
    turn = BOT.step(Session(step=Step.COLLECT_DIAMOND_SPECS, spec=SPEC), found(1, 4))
    assert turn.replies[0].endswith(COPY.more_hint)
    assert "Reply: add to cart 1\n" in turn.replies[0]


def test_a_short_first_page_does_not() -> None:
    turn = BOT.step(Session(step=Step.COLLECT_DIAMOND_SPECS, spec=SPEC), found(1, 3))
    assert COPY.more_hint not in turn.replies[0]


@pytest.mark.parametrize("text", ["more", "show more", "More options", "next", "aur dikhao"])
def test_more_searches_again_for_the_options_after_those_shown(text: str) -> None:
    turn = say(FIRST_PAGE, text)
    assert turn.effects == (SearchDiamonds(SPEC, after=PAGE),)
    assert turn.session == FIRST_PAGE


def test_the_next_page_is_numbered_on_and_the_first_stays_addable() -> None:
    # The database returns the first eight again; only the four unseen ones are shown.
    turn = BOT.step(FIRST_PAGE, found(1, 8, after=PAGE))
    [text] = turn.replies
    assert "5. Round | 1ct" in text
    assert "1. Round" not in text
    assert "https://elg.com/diamonds/RD-8" in text
    assert "Reply: add to cart 5\n" in text
    assert [item.stock_id for item in turn.session.shown] == [f"RD-{n}" for n in range(1, 9)]
    assert say(turn.session, "add to cart 6").effects == (AddToCart(6, turn.session.shown[5]),)
    assert say(turn.session, "add to cart 2").effects == (AddToCart(2, turn.session.shown[1]),)


def test_a_stone_sold_since_the_first_page_hides_no_other() -> None:
    # RD-2 was sold: the search for eight returns RD-1, RD-3 … RD-9; five … are new.
    sold = DiamondsFound(tuple(stone(n) for n in (1, 3, 4, 5, 6, 7, 8, 9)), PAGE)
    turn = BOT.step(FIRST_PAGE, sold)
    assert [item.stock_id for item in turn.session.shown[PAGE:]] == ["RD-5", "RD-6", "RD-7", "RD-8"]


def test_a_short_last_page_has_no_more_line_and_more_then_says_so() -> None:
    turn = BOT.step(FIRST_PAGE, found(1, 6, after=PAGE))
    assert COPY.more_hint not in turn.replies[0]
    done = BOT.step(turn.session, found(1, 6, after=6))
    assert done.replies == (COPY.no_more_options,)
    assert done.session == turn.session


def test_pages_stop_at_the_most_shown() -> None:
    many = Session(
        step=Step.DIAMOND_RESULTS_SHOWN,
        spec=SPEC,
        shown=tuple(ShownItem(f"RD-{n}", "Round") for n in range(1, MOST_SHOWN + 1)),
    )
    turn = say(many, "more")
    assert turn.effects == ()
    assert turn.replies == (COPY.no_more_options,)


def test_jewellery_pages_the_same_way() -> None:
    wish = JewelryQuery(JewelryKind.EARRINGS)
    pieces = tuple(
        Piece(f"J-{n}", JewelryKind.EARRINGS, Style.STUDS, f"Studs {n}", PLATINUM, 20_000 + n)
        for n in range(1, 9)
    )
    asked = Session(step=Step.COLLECT_JEWELRY, jewelry=wish)
    first = BOT.step(asked, JewelryFound(pieces[:4])).session
    assert say(first, "more").effects == (SearchJewelry(wish, after=PAGE),)
    turn = BOT.step(first, JewelryFound(pieces, after=PAGE))
    assert "5. Studs 5" in turn.replies[0]
    assert turn.session.shown[-1] == ShownItem("J-8", "Studs 8", ItemKind.JEWELRY)


@pytest.mark.parametrize("step", [Step.MAIN_MENU, Step.COLLECT_DIAMOND_SPECS, Step.SUPPORT])
def test_more_away_from_results_searches_nothing(step: Step) -> None:
    assert not any(
        isinstance(e, (SearchDiamonds, SearchJewelry))
        for e in say(Session(step=step), "more").effects
    )


def test_every_section_searches_pages_of_the_same_size() -> None:
    # The service asks each store for PAGE more; a store with another page size would skip.
    assert SHOWN_PIECES == SHOWN_PARCELS == PAGE
