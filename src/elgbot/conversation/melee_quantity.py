"""Melee is sold by the carat: a parcel added without a quantity is asked for one, and the
answer ("10", "10 cts") adds it."""

from __future__ import annotations

from dataclasses import replace

from elgbot.conversation import melee
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import AddToCart, Turn
from elgbot.conversation.session import Session, Step
from elgbot.understanding.melee_query import read_quantity


def ask(copy: Copy, session: Session, option: int) -> Turn:
    asking = replace(session, waiting=(option,)).at(Step.ASK_MELEE_QUANTITY)
    return Turn(asking, (copy.melee_quantity_first.format(n=option),))


def on_answer(session: Session, text: str) -> Turn | None:
    """The quantity for the parcel waiting for one; None when the text is something else
    (a new search, "cart"), which the results step then handles."""
    if session.step is not Step.ASK_MELEE_QUANTITY:
        return None
    carats = read_quantity(text)
    options = [n for n in session.waiting if 1 <= n <= len(session.shown)]
    if carats is None or not options:
        return None
    option = options[0]
    item = replace(session.shown[option - 1], carats=carats)
    return Turn(session.done_waiting(), effects=(AddToCart(option, item),))


def on_other_text(copy: Copy, session: Session, text: str) -> Turn:
    """Not a quantity: the question is dropped and the text read as beside the results."""
    return melee.on_results(copy, session.done_waiting(), text)
