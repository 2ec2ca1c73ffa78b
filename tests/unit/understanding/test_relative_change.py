"""Changes asked relative to the options shown: one direction, in short messages only."""

from __future__ import annotations

import pytest

from elgbot.understanding.relative_change import Change, read_change


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("cheaper", Change.CHEAPER),
        ("Something cheaper?", Change.CHEAPER),
        ("too expensive", Change.CHEAPER),
        ("lower price pls", Change.CHEAPER),
        ("thoda sasta", Change.CHEAPER),
        ("more budget friendly", Change.CHEAPER),
        ("bahut mehenga hai", Change.CHEAPER),
        ("bigger one?", Change.BIGGER),
        ("show me larger stones", Change.BIGGER),
        ("thoda bada", Change.BIGGER),
        ("smaller", Change.SMALLER),
        ("chhota dikhao", Change.SMALLER),
        ("better quality", Change.BETTER),
        ("better colour please", Change.WHITER),
        ("whiter", Change.WHITER),
        ("better clarity", Change.CLEANER),
        ("aur accha quality", Change.BETTER),
    ],
)
def test_a_short_message_asks_for_one_change(text: str, change: Change) -> None:
    assert read_change(text) is change


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ok",
        "not cheaper",  # a negation
        "why so expensive",  # a question for the assistant
        "bigger but cheaper",  # two directions: which one?
        "my last ring from you was cheaper than this one honestly",  # too long to be a request
        "lower",  # lower what?
    ],
)
def test_anything_else_asks_for_no_change(text: str) -> None:
    assert read_change(text) is None
