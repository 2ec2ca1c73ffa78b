"""The overview and the handoff inbox: read, reply (refused once the 24-hour window has
closed, or the handoff has), close (the bot takes over again), and read closed ones back."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from elgbot.console.auth import staff_for_action, staff_for_page
from elgbot.console.context import console_of
from elgbot.console.errors import error_page
from elgbot.console.overview import (
    PERIODS,
    conversations_since,
    day_start,
    funnel_bars,
    period_start,
)
from elgbot.console.quote_desk import QuoteState
from elgbot.console.rendering import FormKey, render
from elgbot.console.sessions import StaffSession
from elgbot.console.window import CLOSED_EXPLANATION, NOT_SENT_WINDOW, WindowClosed
from elgbot.logs import get_logger, mask_phone
from elgbot.support.staff import HandoffNotOpen

router = APIRouter()
_log = get_logger("console.inbox")
PageStaff = Annotated[StaffSession, Depends(staff_for_page)]
ActionStaff = Annotated[StaffSession, Depends(staff_for_action)]
_NO_HANDOFF = "There is no handoff with this number."
_NOT_SENT_CLOSED = "Your reply was NOT sent: this handoff was closed before it went out."
_CLOSED_ALREADY = "This handoff was closed already."


@router.get("/console")
async def overview(
    request: Request, staff: PageStaff, days: Annotated[int, Query(ge=1, le=366)] = 7
) -> Response:
    console, now = console_of(request), time.time()
    since = period_start(now, days, console.zone)
    return render(
        request,
        "overview.html",
        staff,
        handoffs=len(await console.inbox.entries()),
        new_quotes=await console.quotes.count(QuoteState.NEW),
        conversations=await conversations_since(
            console.runtime.engine, day_start(now, console.zone)
        ),
        bars=funnel_bars(await console.funnel.counts(since, now + 1)),
        days=days,
        periods=PERIODS,
        since=since,
    )


@router.get("/console/handoffs")
async def handoffs(request: Request, staff: PageStaff) -> Response:
    entries = await console_of(request).inbox.entries()
    return render(request, "handoffs.html", staff, entries=entries)


@router.get("/console/handoffs/closed")
async def closed_handoffs(request: Request, staff: PageStaff) -> Response:
    entries = await console_of(request).inbox.closed()
    return render(request, "handoffs_closed.html", staff, entries=entries)


@router.get("/console/handoffs/{handoff_id}")
async def handoff(request: Request, staff: PageStaff, handoff_id: int) -> Response:
    return await _handoff_page(request, staff, handoff_id)


async def _handoff_page(
    request: Request,
    staff: StaffSession,
    handoff_id: int,
    error: str | None = None,
    status_code: int = 200,
    unsent: str = "",
) -> Response:
    """The handoff (open: with the reply form; closed: read only). `unsent`: a reply that
    was not sent, shown again so that staff do not lose what they typed."""
    entry = await console_of(request).inbox.entry(handoff_id)
    if entry is None:
        return error_page(request, staff, "No such handoff", _NO_HANDOFF, 404)
    return render(
        request,
        "handoff.html",
        staff,
        status_code,
        entry=entry,
        error=error,
        unsent=unsent,
        closed_explanation=CLOSED_EXPLANATION,
    )


@router.post("/console/handoffs/{handoff_id}/reply")
async def reply(
    request: Request,
    staff: ActionStaff,
    handoff_id: int,
    submission_key: FormKey,
    text: Annotated[str, Form(max_length=1600)] = "",
) -> Response:
    inbox = console_of(request).inbox
    if not text.strip():
        return await _handoff_page(request, staff, handoff_id, "Write a reply first.", 400)
    try:
        sent = await inbox.reply(handoff_id, text, submission_key)
    except WindowClosed:
        return await _handoff_page(request, staff, handoff_id, NOT_SENT_WINDOW, 409, text)
    except HandoffNotOpen:
        return await _handoff_page(request, staff, handoff_id, _NOT_SENT_CLOSED, 409, text)
    done = "repeated a submitted form" if sent.repeated else f"replied: {sent.state}"
    _log.info("%s in handoff %d %s", staff.username, handoff_id, done)
    return RedirectResponse(f"/console/handoffs/{handoff_id}", status_code=303)


@router.post("/console/handoffs/{handoff_id}/close")
async def close(request: Request, staff: ActionStaff, handoff_id: int) -> Response:
    console = console_of(request)
    entry = await console.inbox.entry(handoff_id)
    try:
        await console.runtime.staff.close(handoff_id)
    except HandoffNotOpen:
        return await _handoff_page(request, staff, handoff_id, _CLOSED_ALREADY, 409)
    who = mask_phone(entry.handoff.customer) if entry else "?"
    _log.info("%s closed handoff %d of %s", staff.username, handoff_id, who)
    return RedirectResponse("/console/handoffs", status_code=303)
