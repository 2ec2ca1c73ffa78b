"""Messages that leave the rest of a search, or its budget, to the shop."""

from __future__ import annotations

import pytest

from elgbot.understanding.open_fields import leaves_budget_open, leaves_it_open


@pytest.mark.parametrize(
    ("text", "open"),
    [
        ("any", True),
        ("no preference", True),
        ("I dont know", True),
        ("I don't know", True),
        ("not sure, please suggest", True),
        ("please suggest", True),
        ("you suggest", True),
        ("what do you suggest?", True),
        ("no idea", True),
        ("idk", True),
        ("up to you", True),
        ("pata nahi", True),
        # Nothing left open: an answer, a word alone, a field with a value.
        ("I know", False),
        ("ok", False),
        ("no", False),
        ("please", False),
        ("suggest a G colour", False),
        ("oval", False),
    ],
)
def test_a_message_that_leaves_the_rest_open(text: str, open: bool) -> None:
    assert leaves_it_open(text) is open


@pytest.mark.parametrize(
    ("text", "open"),
    [
        ("no budget", True),
        ("budget no bar", True),
        ("budget is not an issue", True),
        ("budget no problem", True),
        ("money is not a problem", True),
        ("price is no object", True),
        ("money not a constraint", True),
        ("budget ki koi tension nahi", True),
        # A budget said, or a problem with it: not open.
        ("budget issue", False),
        ("my budget is a problem", False),
        ("budget is 50k, no problem", False),
        ("budget koi problem hai?", False),
    ],
)
def test_a_message_that_leaves_the_budget_open(text: str, open: bool) -> None:
    assert leaves_budget_open(text) is open
