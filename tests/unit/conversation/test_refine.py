"""After diamond results: "cheaper", "bigger", "smaller", "better quality" search again
one step away, or ask for what there is no step from."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.matching import rank
from elgbot.catalog.stone import DiamondSpec, Stone
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import AskAssistant, CustomerSaid, SearchDiamonds, Turn
from elgbot.conversation.machine import Conversation
from elgbot.conversation.session import Session, ShownItem, Step

COPY = Copy().with_site("https://elg.com")
BOT = Conversation(COPY)
SPEC = DiamondSpec(
    shape=Shape.ROUND,
    carat_min=1.0,
    carat_max=1.0,
    colors=(Color.G, Color.H),
    clarities=(Clarity.VS1,),
    budget_max_inr=100_000,
)
SHOWN = (
    ShownItem("A", "Round 1ct G VS1", price_inr=31_900),
    ShownItem("B", "Round 1.01ct G VS1", price_inr=27_700),
)
RESULTS = Session(step=Step.DIAMOND_RESULTS_SHOWN, spec=SPEC, shown=SHOWN)


def say(session: Session, text: str) -> Turn:
    return BOT.step(session, CustomerSaid(text))


def searched(turn: Turn) -> DiamondSpec:
    [effect] = turn.effects
    assert isinstance(effect, SearchDiamonds)
    assert turn.session.spec == effect.spec
    return effect.spec


def test_cheaper_searches_below_the_cheapest_option_shown_at_a_round_budget() -> None:
    spec = searched(say(RESULTS, "something cheaper?"))
    assert spec.budget_max_inr == 27_000
    assert spec.firm_budget
    assert (spec.shape, spec.colors, spec.carat_min) == (SPEC.shape, SPEC.colors, 1.0)


def test_a_cheaper_search_offers_no_stretch_over_its_budget() -> None:
    spec = searched(say(RESULTS, "cheaper"))
    shown_again = Stone("B", Shape.ROUND, 1.01, Color.G, Clarity.VS1, None, 27_700)
    assert rank(spec, [shown_again]) == []


def test_a_new_budget_after_cheaper_is_the_customers_own_again() -> None:
    spec = searched(say(RESULTS, "cheaper"))
    again = say(Session(step=Step.DIAMOND_RESULTS_SHOWN, spec=spec), "under 90k")
    assert searched(again).budget_max_inr == 90_000
    assert not searched(again).firm_budget


def test_cheaper_without_options_or_a_budget_asks_for_the_budget() -> None:
    session = Session(step=Step.DIAMOND_RESULTS_SHOWN, spec=DiamondSpec(shape=Shape.OVAL))
    turn = say(session, "too expensive")
    assert turn.replies == (COPY.refine_budget_question,)
    assert turn.session.step is Step.COLLECT_DIAMOND_SPECS
    assert searched(say(turn.session, "50000")).budget_max_inr == 50_000


def test_cheaper_after_no_match_lowers_the_budget_by_a_fifth() -> None:
    no_match = Session(step=Step.QUOTE_SUGGESTION, spec=SPEC)
    assert searched(say(no_match, "cheaper")).budget_max_inr == 80_000


@pytest.mark.parametrize(
    ("carat", "text", "size"),
    [
        (1.0, "bigger one?", 1.25),
        (1.0, "smaller", 0.75),
        (1.6, "bigger", 2.0),
        (0.9, "chhota", 0.75),
    ],
)
def test_bigger_and_smaller_move_to_the_next_usual_size(
    carat: float, text: str, size: float
) -> None:
    session = Session(step=Step.DIAMOND_RESULTS_SHOWN, spec=DiamondSpec(Shape.ROUND, carat, carat))
    spec = searched(say(session, text))
    assert (spec.carat_min, spec.carat_max) == (size, size)


def test_bigger_without_a_carat_asks_for_one() -> None:
    session = Session(step=Step.DIAMOND_RESULTS_SHOWN, spec=DiamondSpec(shape=Shape.OVAL))
    turn = say(session, "bigger")
    assert turn.replies == (COPY.refine_carat_question,)
    assert not turn.effects


def test_better_quality_asks_one_grade_better_than_the_best_asked() -> None:
    spec = searched(say(RESULTS, "better quality"))
    assert (spec.colors, spec.clarities) == ((Color.F,), (Clarity.VVS2,))
    assert spec.budget_max_inr == SPEC.budget_max_inr


def test_better_quality_at_the_top_grades_or_without_grades_asks_which() -> None:
    top = DiamondSpec(shape=Shape.ROUND, colors=(Color.D,), clarities=(Clarity.FL,))
    for spec in (top, DiamondSpec(shape=Shape.ROUND)):
        turn = say(Session(step=Step.DIAMOND_RESULTS_SHOWN, spec=spec), "better quality")
        assert turn.replies == (COPY.refine_grade_question,)


def test_a_description_after_results_is_still_read_as_one() -> None:
    spec = searched(say(RESULTS, "cheaper, under 50k"))
    assert spec.budget_max_inr == 50_000
    assert not spec.firm_budget


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("any colour", {"colors": ()}),
        ("clarity doesnt matter", {"clarities": ()}),
        ("any cut", {"cuts": ()}),
        ("remove budget", {"budget_max_inr": None}),
        ("any colour, any clarity", {"colors": (), "clarities": ()}),
    ],
)
def test_a_field_left_open_after_results_is_dropped_from_the_search(
    text: str, left: dict[str, Any]
) -> None:
    graded = replace(RESULTS, spec=replace(SPEC, cuts=(Cut.IDEAL,)))
    spec = searched(say(graded, text))
    assert spec == replace(graded.spec, **left)


@pytest.mark.parametrize("text", ["new search", "start over", "Reset please", "search again"])
def test_a_new_search_keeps_nothing_of_the_old_spec(text: str) -> None:
    turn = say(RESULTS, text)
    assert turn.session == Session(step=Step.COLLECT_DIAMOND_SPECS)
    assert turn.replies == (COPY.diamond_question,)


@pytest.mark.parametrize(
    "text",
    [
        "is D better than E?",
        "what is the difference between ideal and excellent",
        "does oval look bigger",
        "what does VS1 mean?",
        "which is better, G VS1 or H VVS2?",
        "what is VVS1?",
        "D vs E?",
        "G or H which is better?",
        "difference between VVS1 and VS1?",
        "F colour kaisa hai?",
        "would E look whiter than G?",
        "is 1ct enough for an engagement ring?",
    ],
)
@pytest.mark.parametrize(
    "step",
    [Step.DIAMOND_RESULTS_SHOWN, Step.COLLECT_DIAMOND_SPECS, Step.JEWELRY_RESULTS_SHOWN],
)
def test_a_question_about_grades_goes_to_the_assistant_and_changes_no_search(
    step: Step, text: str
) -> None:
    session = replace(RESULTS, step=step)
    turn = say(session, text)
    assert turn.effects == (AskAssistant(session.history, text),)
    assert turn.session == session


@pytest.mark.parametrize(
    "text", ["what about 1.5 carat", "how much for 2ct?", "is there an oval 1ct?", "and in VS2?"]
)
def test_questions_that_ask_for_stones_still_search(text: str) -> None:
    assert isinstance(say(RESULTS, text).effects[0], SearchDiamonds)


@pytest.mark.parametrize(
    "text", ["what is the price of round 1ct G VS1", "round 1ct G VS1 kitna hai", "oval 2ct rate?"]
)
def test_asking_the_price_searches_without_asking_for_a_budget(text: str) -> None:
    spec = searched(say(Session(), text))
    assert spec.budget_max_inr is None


def test_after_no_match_a_field_left_open_or_a_new_search_works_too() -> None:
    no_match = Session(step=Step.QUOTE_SUGGESTION, spec=SPEC)
    assert searched(say(no_match, "any colour")).colors == ()
    assert searched(say(no_match, "clarity doesnt matter")).clarities == ()
    assert say(no_match, "start over").session == Session(step=Step.COLLECT_DIAMOND_SPECS)


def test_whiter_moves_only_the_colour_and_cleaner_only_the_clarity() -> None:
    whiter = searched(say(RESULTS, "whiter"))
    assert (whiter.colors, whiter.clarities) == ((Color.F,), SPEC.clarities)
    cleaner = searched(say(RESULTS, "better clarity"))
    assert (cleaner.colors, cleaner.clarities) == (SPEC.colors, (Clarity.VVS2,))
