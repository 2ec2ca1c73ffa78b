"""Details of the diamonds on the screen, from the catalog's facts."""

from __future__ import annotations

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.listing import Listing
from elgbot.catalog.stone import Stone
from elgbot.commerce.cart import ItemKind
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import CustomerSaid, Turn
from elgbot.conversation.machine import Conversation
from elgbot.conversation.menu_events import DescribeStones, StonesDescribed
from elgbot.conversation.session import Session, ShownItem, Step

COPY = Copy().with_site("https://elg.com")
BOT = Conversation(COPY)
SHOWN = (ShownItem("RD-1", "Round 1ct G VS1 Ideal"), ShownItem("RD-2", "Round 1ct G VS1"))
RESULTS = Session(step=Step.DIAMOND_RESULTS_SHOWN, shown=SHOWN)
STONE = Stone("RD-1", Shape.ROUND, 1.0, Color.G, Clarity.VS1, Cut.IDEAL, 31_900)


def say(session: Session, text: str) -> Turn:
    return BOT.step(session, CustomerSaid(text))


def test_a_question_about_an_option_asks_the_catalog_for_it() -> None:
    turn = say(RESULTS, "is option 2 certified?")
    assert turn.effects == (DescribeStones((2,), ("RD-2",)),)
    assert turn.session == RESULTS  # the options stay addable


def test_an_option_not_on_the_screen_is_said_so() -> None:
    turn = say(RESULTS, "details of 7")
    assert turn.replies == (COPY.no_such_option.format(n=7, count=2),)
    assert not turn.effects


def test_jewellery_options_are_not_looked_up_as_stones() -> None:
    pieces = (ShownItem("J-1", "Halo Ring", ItemKind.JEWELRY),)
    turn = say(Session(step=Step.JEWELRY_RESULTS_SHOWN, shown=pieces), "details of 1")
    assert not any(isinstance(e, DescribeStones) for e in turn.effects)


def test_the_report_and_make_are_shown_and_a_gone_stone_is_said_so() -> None:
    graded = Listing(STONE, Cut.EXCELLENT, Cut.VERY_GOOD, "none", "IGI", "LG612345678")
    [text] = BOT.step(RESULTS, StonesDescribed((1, 2), (graded, None))).replies
    assert text == (
        "Option 1: Round 1ct G VS1 Ideal, ₹31,900\n"
        "Grading report: IGI LG612345678\n"
        "Polish: Excellent · Symmetry: Very Good · Fluorescence: None\n"
        "https://elg.com/diamonds/RD-1\n\n"
        "Option 2 is no longer available."
    )


def test_without_a_report_in_the_catalog_the_team_is_offered() -> None:
    [text] = BOT.step(RESULTS, StonesDescribed((1,), (Listing(STONE),))).replies
    assert COPY.stone_no_report in text
