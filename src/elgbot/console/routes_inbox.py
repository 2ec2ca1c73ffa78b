"""The overview and the handoff inbox: read, reply (refused once the 24-hour window has
closed), close (the bot takes over again)."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from elgbot.console.auth import staff_for_action, staff_for_page
from elgbot.console.context import console_of
from elgbot.console.overview import (
    PERIODS,
    conversations_since,
    day_start,
    funnel_bars,
    period_start,
)
from elgbot.console.quote_desk import QuoteState
from elgbot.console.rendering import render
from elgbot.console.sessions import StaffSession
from elgbot.console.window import CLOSED_EXPLANATION, WindowClosed
from elgbot.logs import get_logger, mask_phone
from elgbot.support.staff import HandoffNotOpen

router = APIRouter()
_log = get_logger("console.inbox")
PageStaff = Annotated[StaffSession, Depends(staff_for_page)]
ActionStaff = Annotated[StaffSession, Depends(staff_for_action)]


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


@router.get("/console/handoffs/{handoff_id}")
async def handoff(request: Request, staff: PageStaff, handoff_id: int) -> Response:
    return await _handoff_page(request, staff, handoff_id)


async def _handoff_page(
    request: Request,
    staff: StaffSession,
    handoff_id: int,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    entry = await console_of(request).inbox.entry(handoff_id)
    if entry is None:
        raise HTTPException(status_code=404, detail="no open handoff with this id")
    return render(
        request,
        "handoff.html",
        staff,
        status_code,
        entry=entry,
        error=error,
        closed_explanation=CLOSED_EXPLANATION,
    )


@router.post("/console/handoffs/{handoff_id}/reply")
async def reply(
    request: Request,
    staff: ActionStaff,
    handoff_id: int,
    text: Annotated[str, Form(max_length=1600)] = "",
) -> Response:
    inbox = console_of(request).inbox
    if not text.strip():
        return await _handoff_page(request, staff, handoff_id, "Write a reply first.", 400)
    try:
        sent = await inbox.reply(handoff_id, text)
    except WindowClosed:
        return await _handoff_page(request, staff, handoff_id, CLOSED_EXPLANATION, 409)
    except HandoffNotOpen:
        raise HTTPException(status_code=404, detail="this handoff is closed") from None
    _log.info("%s replied in handoff %d: %s", staff.username, handoff_id, sent.state)
    return RedirectResponse(f"/console/handoffs/{handoff_id}", status_code=303)


@router.post("/console/handoffs/{handoff_id}/close")
async def close(request: Request, staff: ActionStaff, handoff_id: int) -> Response:
    console = console_of(request)
    entry = await console.inbox.entry(handoff_id)
    try:
        await console.runtime.staff.close(handoff_id)
    except HandoffNotOpen:
        raise HTTPException(status_code=404, detail="this handoff is closed") from None
    who = mask_phone(entry.handoff.customer) if entry else "?"
    _log.info("%s closed handoff %d of %s", staff.username, handoff_id, who)
    return RedirectResponse("/console/handoffs", status_code=303)
