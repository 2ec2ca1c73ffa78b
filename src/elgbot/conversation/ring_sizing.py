"""A ring made to the customer's size goes in the cart only with its size: taken from the
search ("ring size 12"), from "add to cart 1 size 12", or asked for and read from the
answer. A ring made in one size is not added for another."""

from __future__ import annotations

from dataclasses import replace

from elgbot.catalog.jewelry import RING_SIZES
from elgbot.conversation import jewelry
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import AddToCart, Turn
from elgbot.conversation.session import Session, ShownItem, Step
from elgbot.understanding.ring_size import read_ring_size_answer


def add(copy: Copy, session: Session, option: int, item: ShownItem, asked: float | None) -> Turn:
    """Add `item`, shown as `option`, in the size `asked` if one was; else ask for it."""
    if asked is not None:
        low, high = RING_SIZES
        if not low <= asked <= high:
            return Turn(session, (copy.ring_size_range.format(n=option),))
        if item.made_to_size:
            item = replace(item, ring_size=asked)
        elif item.ring_size is not None and item.ring_size != asked:
            sizes = {"size": f"{item.ring_size:g}", "asked": f"{asked:g}"}
            return Turn(session, (copy.ring_size_fixed.format(n=option, **sizes),))
    if item.made_to_size and item.ring_size is None:
        asking = replace(session, sizing=option).at(Step.ASK_RING_SIZE)
        return Turn(asking, (copy.ring_size_question.format(n=option),))
    return Turn(stop_asking(session), effects=(AddToCart(option, item),))


def on_answer(copy: Copy, session: Session, text: str) -> Turn | None:
    """The size for the ring waiting for one; None when the text is about something else
    (a new search, "cart", "menu"), which the results step then handles."""
    if session.step is not Step.ASK_RING_SIZE:
        return None
    answer = read_ring_size_answer(text)
    option = session.sizing
    if answer.out_of_range:
        return Turn(session, (copy.ring_size_range.format(n=option),))
    if answer.unsure:
        return Turn(session, (copy.ring_size_help,))
    if answer.size is None or not 1 <= option <= len(session.shown):
        return None
    item = replace(session.shown[option - 1], ring_size=answer.size)
    return Turn(stop_asking(session), effects=(AddToCart(option, item),))


def on_other_text(copy: Copy, session: Session, text: str) -> Turn:
    """Not a size: the question is dropped and the text read as beside the results."""
    return jewelry.on_results(copy, stop_asking(session), text)


def stop_asking(session: Session) -> Session:
    if session.step is not Step.ASK_RING_SIZE:
        return session
    return replace(session, sizing=0).at(Step.JEWELRY_RESULTS_SHOWN)
