"""The cart's commands at every step ("remove 2", "clear cart", "checkout") and what the
bot says when jewellery or melee goes into the cart."""

from __future__ import annotations

from collections.abc import Sequence

from elgbot.commerce.cart import ItemKind
from elgbot.conversation import melee_quantity, ring_sizing
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import AddOutcome, CartAdded, Turn
from elgbot.conversation.menu_events import (
    CartCleared,
    CartItemRemoved,
    CheckoutStarted,
    ClearCart,
    RemoveFromCart,
    StartCheckout,
)
from elgbot.conversation.replies import cart
from elgbot.conversation.session import Session, ShownItem, Step
from elgbot.understanding.cart_commands import CartAction, CartCommand, read_cart_command
from elgbot.understanding.money import format_inr


def on_text(copy: Copy, session: Session, text: str) -> Turn | None:
    """The turn for a cart command, or None when the text is none."""
    command = read_cart_command(text)
    if command is None:
        return None
    if command.action is CartAction.CHECKOUT and session.waiting:
        return _checkout_without_waiting(copy, session)
    if command.positions:  # the highest first, so the numbers still mean what was shown
        removals = (RemoveFromCart(n) for n in sorted(command.positions, reverse=True))
        return Turn(session, effects=tuple(removals))
    if command.action is CartAction.REMOVE:
        return Turn(session, effects=(_removal(session, command),))
    if command.action is CartAction.CLEAR:
        return Turn(session, effects=(ClearCart(),))
    return Turn(session, effects=(StartCheckout(),))


def _removal(session: Session, command: CartCommand) -> RemoveFromCart:
    """ "remove option 3" with results on the screen means the item shown as 3, wherever
    it sits in the cart; any other number is the cart's own."""
    option = command.position
    if command.of_option and option is not None and 1 <= option <= len(session.shown):
        shown = session.shown[option - 1]
        return RemoveFromCart(None, (shown.title,), item_id=shown.stock_id)
    return RemoveFromCart(command.position, command.words)


def _checkout_without_waiting(copy: Copy, session: Session) -> Turn:
    """Checkout while a ring waits for its size (or melee for a quantity): the cart is
    checked out as it is, and the reply says what is not in it and how to add it. The
    question stays open, so the size sent next still adds the ring."""
    template = (
        copy.checkout_without_ring
        if session.step is Step.ASK_RING_SIZE
        else copy.checkout_without_melee
    )
    notes = tuple(template.format(n=n) for n in session.waiting)
    return Turn(session, notes, (StartCheckout(),))


def before_add(copy: Copy, session: Session, option: int, item: ShownItem) -> Turn | None:
    """Melee is sold by the carat: without a quantity there is nothing to add yet."""
    if item.kind is ItemKind.MELEE and not item.carats:
        return melee_quantity.ask(copy, session, option)
    return None


def together(copy: Copy, session: Session, turns: Sequence[Turn]) -> Turn:
    """Several options added in one message: every one ready goes in, a melee parcel
    without a quantity asks for it, and the rings made to size share one size question."""
    if len(turns) == 1:
        return turns[0]
    effects = tuple(effect for turn in turns for effect in turn.effects)
    sizing = tuple(
        n for turn in turns if turn.session.step is Step.ASK_RING_SIZE for n in turn.session.waiting
    )
    replies = [
        r for turn in turns if turn.session.step is not Step.ASK_RING_SIZE for r in turn.replies
    ]
    if not sizing:
        return Turn(session, tuple(replies), effects)
    asked = ring_sizing.ask(copy, session, sizing)
    return Turn(asked.session, (*replies, *asked.replies), effects)


def added(copy: Copy, event: CartAdded) -> str | None:
    """The reply for a piece of jewellery; None for the diamond texts."""
    if event.kind is not ItemKind.JEWELRY:
        return None
    if event.outcome is AddOutcome.ADDED and event.ring_size is not None:
        return copy.jewelry_added_in_size.format(n=event.option, size=f"{event.ring_size:g}")
    if event.outcome is AddOutcome.ADDED:
        return copy.jewelry_added.format(n=event.option)
    if event.outcome is AddOutcome.ALREADY_IN_CART:  # a design, unlike a stone, has twins
        return copy.jewelry_already_in_cart.format(n=event.option)
    return None


def removed(copy: Copy, session: Session, event: CartItemRemoved) -> Turn:
    if event.item is not None:
        return Turn(session, (copy.removed_from_cart.format(title=event.item.title),))
    if event.position:
        return Turn(session, (copy.no_such_cart_item.format(n=event.position),))
    if not event.cart:
        return Turn(session, (copy.cart_empty,))
    return Turn(session, (_which_to_remove(copy, event),))


def _which_to_remove(copy: Copy, event: CartItemRemoved) -> str:
    """Words that fit no one item: what they fit, the cart, and how to choose by number."""
    named = " ".join(event.named)
    if not named:
        problem = copy.remove_which
    elif event.fits:
        problem = copy.remove_named_several.format(named=named, count=event.fits)
    else:
        problem = copy.remove_named_none.format(named=named)
    how = copy.remove_by_number.format(n=len(event.cart))
    return "\n".join([problem, "", cart(copy, event.cart), "", how])


def cleared(copy: Copy, session: Session, _event: CartCleared) -> Turn:
    return Turn(session, (copy.cart_cleared,))


def checked_out(copy: Copy, session: Session, event: CheckoutStarted) -> Turn:
    """The checkout link, after what changed since the items were added: a total that
    differs from the cart the customer saw is explained, never silent."""
    changes = [copy.checkout_left_out.format(title=title) for title in event.left_out]
    changes += [
        copy.checkout_repriced.format(title=title, was=format_inr(was), now=format_inr(now))
        for title, was, now in event.repriced
    ]
    if event.token is None:
        ending = copy.checkout_nothing_left if event.left_out else copy.checkout_empty
        return Turn(session, ("\n".join([*changes, ending]),))
    link = copy.checkout_link.format(
        token=event.token, total=format_inr(event.total_inr), count=event.items
    )
    return Turn(session, ("\n".join([*changes, link]) if changes else link,))
