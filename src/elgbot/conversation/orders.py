"""The Track My Order steps.

Orders are looked up by the sender's own number only (the service asks the store for "this
number's orders" or "this order, if this number placed it"), so these steps cannot reveal
anyone else's order: an order of another number reads exactly like an unknown id.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from elgbot.catalog.stone import DiamondSpec, Stone
from elgbot.commerce.orders import Order, OrderStatus
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import Turn
from elgbot.conversation.menu_events import ListOrders, LookUpOrder, OrderLookedUp, OrdersListed
from elgbot.conversation.replies import one_stone, stone_title
from elgbot.conversation.session import Session, ShownItem, Step
from elgbot.understanding.commands import Command, read_command, read_option_number
from elgbot.understanding.order_id import (
    asks_to_change_an_order,
    asks_to_track,
    looks_up_by_number,
    read_order_id,
)
from elgbot.understanding.order_problems import (
    reports_a_delivery_problem,
    reports_a_payment_problem,
)


def start(copy: Copy, session: Session) -> Turn:
    """Menu 4: list the sender's orders, or ask for an id when the number has none."""
    fresh = Session(step=Step.ASK_ORDER_ID, history=session.history)
    return Turn(fresh, effects=(ListOrders(),))


_ORDER_STEPS = frozenset({Step.ASK_ORDER_ID, Step.ORDERS_SHOWN})
# Where a second id should be looked up too: the order steps, the menu, support.
_WAITING_FOR_ORDERS = _ORDER_STEPS | {Step.MAIN_MENU, Step.SUPPORT}


def asked_to_track(copy: Copy, session: Session, text: str) -> Turn | None:
    """ "track ELG-10234" or "where is my order?" at any step: straight to that order, or
    to the sender's list, as if they had picked Track My Order. What the list cannot
    answer (a cancellation, money taken, a parcel not come) is the team's: said so."""
    in_view = session.step in _ORDER_STEPS
    if asks_to_change_an_order(text, in_view):  # "cancel order ELG-10234", "cancel it"
        return Turn(session, (copy.order_change_by_team,))
    if reports_a_payment_problem(text):
        return Turn(session, (copy.payment_problem,))
    tracking = asks_to_track(text)
    order_id = read_order_id(text) if tracking else None
    if order_id is not None:
        return _look_up(session, order_id)
    if reports_a_delivery_problem(text):
        return Turn(session, (copy.order_not_received,))
    if (tracking or in_view) and _by_number_only(text):  # "my number is 98…"
        turn = start(copy, session)
        return replace(turn, replies=(copy.orders_by_this_number,))
    return start(copy, session) if tracking else None  # the list again, in this flow too


def _by_number_only(text: str) -> bool:
    """A phone number or "no order id", and no id beside it (that one is looked up)."""
    return looks_up_by_number(text) and read_order_id(text) is None


def _look_up(session: Session, order_id: str) -> Turn:
    if session.step not in _WAITING_FOR_ORDERS:  # mid-search: the results stay addable
        return Turn(session, effects=(LookUpOrder(order_id),))
    fresh = Session(step=Step.ASK_ORDER_ID, history=session.history)
    return Turn(fresh, effects=(LookUpOrder(order_id),))


def listed(copy: Copy, session: Session, event: OrdersListed) -> Turn:
    if not event.orders:
        return Turn(replace(session, orders=()).at(Step.ASK_ORDER_ID), (copy.order_id_question,))
    lines = [copy.orders_header, ""]
    for n, order in enumerate(event.orders, start=1):
        lines.append(
            copy.order_line.format(
                n=n,
                order_id=order.order_id,
                status=order.status.label,
                placed=_day(order.placed_on),
            )
        )
    lines.extend(["", copy.orders_footer])
    ids = tuple(order.order_id for order in event.orders)
    return Turn(replace(session, orders=ids).at(Step.ORDERS_SHOWN), ("\n".join(lines),))


def on_list(copy: Copy, session: Session, text: str) -> Turn:
    """After the list: a number picks an order, anything with an id looks that one up."""
    option = read_option_number(text)
    if option is not None and 1 <= option <= len(session.orders):
        return Turn(session, effects=(LookUpOrder(session.orders[option - 1]),))
    if option is not None and option < 100:  # a list number, just not one of the list's
        reply = copy.no_such_option.format(n=option, count=len(session.orders))
        return Turn(session, (reply,))
    return on_order_id(copy, session, text, not_read=copy.orders_help)


def on_order_id(copy: Copy, session: Session, text: str, not_read: str = "") -> Turn:
    if read_command(text) in (Command.YES, Command.NO):  # "ok" after an order was shown
        return Turn(session, (copy.order_footer,))
    if asks_to_change_an_order(text, order_in_view=True):
        return Turn(session, (copy.order_change_by_team,))
    order_id = read_order_id(text)
    if order_id is None:
        return Turn(session, (not_read or copy.order_id_not_understood,))
    return Turn(session, effects=(LookUpOrder(order_id),))


def looked_up(copy: Copy, session: Session, event: OrderLookedUp) -> Turn:
    if event.order is None and event.stone is not None:
        return _stone_shown(copy, session, event.stone)
    if event.order is None:
        return Turn(session, (copy.order_not_found.format(order_id=event.order_id),))
    return Turn(session, (details(copy, event.order),))


def _stone_shown(copy: Copy, session: Session, stone: Stone) -> Turn:
    """A stone named by its id, shown as diamond results of its own grades: "add to cart
    1" adds it, and "cheaper" or "bigger" search from it."""
    shown = (ShownItem(stone.stock_id, stone_title(stone), price_inr=stone.price_inr),)
    spec = DiamondSpec(
        shape=stone.shape,
        carat_min=stone.carat,
        carat_max=stone.carat,
        colors=(stone.color,),
        clarities=(stone.clarity,),
    )
    found = replace(session, spec=spec, shown=shown).at(Step.DIAMOND_RESULTS_SHOWN)
    return Turn(found, (one_stone(copy, stone),))


def details(copy: Copy, order: Order) -> str:
    lines = [
        copy.order_details.format(
            order_id=order.order_id,
            status=order.status.label,
            items="; ".join(order.items) or "—",
            placed=_day(order.placed_on),
        )
    ]
    if order.expected_delivery and order.status not in _NOT_COMING:
        lines.append(copy.order_expected.format(expected=_day(order.expected_delivery)))
    if order.tracking_url:
        lines.append(copy.order_tracking.format(tracking_url=order.tracking_url))
    lines.extend(["", copy.order_footer])
    return "\n".join(lines)


# Orders no delivery is expected for any more: their old estimate would mislead.
_NOT_COMING = frozenset({OrderStatus.DELIVERED, OrderStatus.CANCELLED, OrderStatus.RETURNED})
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(day: date) -> str:
    """'3 Mar 2025': day first, as Indians write dates, and never ambiguous."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
