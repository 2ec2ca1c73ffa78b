"""Quote requests (reply, change state), and the read views of carts and orders."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from elgbot.console.auth import staff_for_action, staff_for_page
from elgbot.console.context import console_of
from elgbot.console.errors import error_page
from elgbot.console.lookup import carts, find_orders
from elgbot.console.quote_desk import QuoteNotFound, QuoteState
from elgbot.console.rendering import FormKey, render
from elgbot.console.sessions import StaffSession
from elgbot.console.window import NOT_SENT_WINDOW, WindowClosed
from elgbot.logs import get_logger

router = APIRouter()
_log = get_logger("console.desk")
PageStaff = Annotated[StaffSession, Depends(staff_for_page)]
ActionStaff = Annotated[StaffSession, Depends(staff_for_action)]
Search = Annotated[str, Query(max_length=64)]


@router.get("/console/quotes")
async def quotes(request: Request, staff: PageStaff, state: QuoteState | None = None) -> Response:
    return await _quotes_page(request, staff, state)


async def _quotes_page(
    request: Request,
    staff: StaffSession,
    state: QuoteState | None,
    error: str | None = None,
    status_code: int = 200,
    unsent: tuple[int, str] | None = None,
) -> Response:
    """The quote requests; `unsent`: (quote id, text) of a reply that was not sent, shown
    again in its quote so that staff do not lose what they typed."""
    listed = await console_of(request).quotes.requests(state)
    return render(
        request,
        "quotes.html",
        staff,
        status_code,
        quotes=listed,
        state=state,
        states=list(QuoteState),
        error=error,
        unsent=unsent,
    )


@router.post("/console/quotes/{quote_id}/reply")
async def reply(
    request: Request,
    staff: ActionStaff,
    quote_id: int,
    submission_key: FormKey,
    text: Annotated[str, Form(max_length=1600)] = "",
) -> Response:
    if not text.strip():
        return await _quotes_page(request, staff, None, "Write a reply first.", 400)
    try:
        sent = await console_of(request).quotes.reply(
            quote_id, staff.username, text, submission_key
        )
    except WindowClosed:
        unsent = (quote_id, text)
        return await _quotes_page(request, staff, None, NOT_SENT_WINDOW, 409, unsent)
    except QuoteNotFound:
        return _no_quote(request, staff)
    done = "replied to" if sent else "repeated a submitted reply to"
    _log.info("%s %s quote %d", staff.username, done, quote_id)
    return RedirectResponse(f"/console/quotes#quote-{quote_id}", status_code=303)


@router.post("/console/quotes/{quote_id}/state")
async def change_state(
    request: Request,
    staff: ActionStaff,
    quote_id: int,
    state: Annotated[QuoteState, Form()],
) -> Response:
    try:
        await console_of(request).quotes.set_state(quote_id, state)
    except QuoteNotFound:
        return _no_quote(request, staff)
    _log.info("%s marked quote %d %s", staff.username, quote_id, state)
    return RedirectResponse(f"/console/quotes#quote-{quote_id}", status_code=303)


def _no_quote(request: Request, staff: StaffSession) -> Response:
    return error_page(
        request, staff, "No such quote", "There is no quote request with this number.", 404
    )


@router.get("/console/carts")
async def cart_list(request: Request, staff: PageStaff, q: Search = "") -> Response:
    found = await carts(console_of(request).runtime.engine, q)
    return render(request, "carts.html", staff, carts=found, q=q)


@router.get("/console/orders")
async def order_list(request: Request, staff: PageStaff, q: Search = "") -> Response:
    found = await find_orders(console_of(request).runtime.engine, q)
    return render(request, "orders.html", staff, orders=found, q=q)
