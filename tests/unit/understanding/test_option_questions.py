"""Which options on the screen a message asks the details of."""

from __future__ import annotations

import pytest

from elgbot.understanding.option_questions import options_asked_about


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("is option 2 certified?", (2,)),
        ("details of 1", (1,)),
        ("1 details", (1,)),
        ("IGI certificate of 1?", (1,)),
        ("tell me more about the second one", (2,)),
        ("what is the polish of stone 3", (3,)),
        ("compare 1 and 2", (1, 2)),
        ("compare 3, 1", (3, 1)),
        ("compare 1, 2 and 3", (1, 2, 3)),
        ("report for option 1 and option 4", (1, 4)),
    ],
)
def test_a_question_about_options_names_them(text: str, options: tuple[int, ...]) -> None:
    assert options_asked_about(text) == options


@pytest.mark.parametrize(
    "text",
    [
        "add option 2",  # the cart's
        "is option 2 good for an engagement ring?",  # the assistant's
        "certificate?",  # no option named
        "is it IGI certified?",
        "2 ct details",  # a weight, not an option
        "compare 12",  # one option that is not on any screen, not options 1 and 2
    ],
)
def test_anything_else_asks_about_no_option(text: str) -> None:
    assert options_asked_about(text) == ()
