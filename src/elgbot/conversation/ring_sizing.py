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
            return Turn(session, (copy.ring_size_range,))
        if item.made_to_size:
            item = replace(item, ring_size=asked)
        elif item.ring_size is not None and item.ring_size != asked:
            sizes = {"size": f"{item.ring_size:g}", "asked": f"{asked:g}"}
            return Turn(session, (copy.ring_size_fixed.format(n=option, **sizes),))
    if item.made_to_size and item.ring_size is None:
        return ask(copy, session, (option,))
    return Turn(session.done_waiting(), effects=(AddToCart(option, item),))


def ask(copy: Copy, session: Session, options: tuple[int, ...]) -> Turn:
    """One question for every ring added without a size: one hand, one size."""
    asking = replace(session, waiting=options).at(Step.ASK_RING_SIZE)
    return Turn(asking, (copy.ring_size_question.format(products=_products(options)),))


def on_answer(copy: Copy, session: Session, text: str) -> Turn | None:
    """The size for the rings waiting for one; None when the text is about something else
    (a new search, "cart", "menu"), which the results step then handles."""
    if session.step is not Step.ASK_RING_SIZE:
        return None
    answer = read_ring_size_answer(text)
    if answer.out_of_range:
        return Turn(session, (copy.ring_size_range,))
    if answer.unsure:
        return Turn(session, (copy.ring_size_help,))
    options = [n for n in session.waiting if 1 <= n <= len(session.shown)]
    if answer.size is None or not options:
        return None
    sized = (replace(session.shown[n - 1], ring_size=answer.size) for n in options)
    effects = tuple(AddToCart(n, item) for n, item in zip(options, sized, strict=True))
    return Turn(session.done_waiting(), effects=effects)


def on_other_text(copy: Copy, session: Session, text: str) -> Turn:
    """Not a size: the question is dropped and the text read as beside the results."""
    return jewelry.on_results(copy, session.done_waiting(), text)


def _products(options: tuple[int, ...]) -> str:
    """'Product 1 is', 'Products 1 and 3 are', 'Products 1, 2 and 4 are'."""
    names = [str(n) for n in options]
    if len(names) == 1:
        return f"Product {names[0]} is"
    return f"Products {', '.join(names[:-1])} and {names[-1]} are"
