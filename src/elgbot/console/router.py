"""All console routes, for the app factory to include."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from elgbot.console import routes_auth, routes_desk, routes_inbox
from elgbot.console.context import console_of


async def _recent_turns_recorded(request: Request) -> None:
    # The funnel and the 24-hour window are written behind the turns (see SqlFunnel):
    # every console request first writes what this worker still holds.
    await console_of(request).funnel.flush()


router = APIRouter(include_in_schema=False, dependencies=[Depends(_recent_turns_recorded)])
for _module in (routes_auth, routes_inbox, routes_desk):
    router.include_router(_module.router)
