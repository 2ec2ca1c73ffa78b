"""All console routes, for the app factory to include."""

from __future__ import annotations

from fastapi import APIRouter

from elgbot.console import routes_auth, routes_desk, routes_inbox

router = APIRouter(include_in_schema=False)
for _module in (routes_auth, routes_inbox, routes_desk):
    router.include_router(_module.router)
