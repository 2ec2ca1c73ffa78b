"""The web application factory. Nothing is built at import time: `create_app` takes settings
(read from the environment when omitted) or a ready runtime (tests hand in their own)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from fastapi import FastAPI

from elgbot.bootstrap import Runtime, open_runtime
from elgbot.console.router import router as console_router
from elgbot.logs import get_logger
from elgbot.settings import Settings
from elgbot.web import api, chat_page, health, orders_api, webhook

HOUSEKEEPING_INTERVAL_SECONDS = 3600.0
# Unfinished slow replies (a restart, a dead worker) and unanswered handoffs: looked at on
# start-up, then this often.
SUPPORT_UPKEEP_INTERVAL_SECONDS = 15.0
_log = get_logger("app")


def create_app(settings: Settings | None = None, runtime: Runtime | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            opened = runtime
            if opened is None:
                opened = await stack.enter_async_context(open_runtime(settings or Settings()))
            app.state.runtime = opened
            housekeeping = asyncio.create_task(_housekeeping(opened))
            upkeep = asyncio.create_task(support_upkeep(opened))
            try:
                yield
            finally:
                housekeeping.cancel()
                upkeep.cancel()
                await asyncio.gather(housekeeping, upkeep, return_exceptions=True)

    app = FastAPI(title="elgbot", lifespan=lifespan, docs_url=None, redoc_url=None)
    if runtime is not None:
        app.state.runtime = runtime  # usable without running the lifespan (ASGI test clients)
    app.router.routes.extend(webhook.routes)
    for module in (health, chat_page, orders_api, api):
        app.include_router(module.router)
    app.include_router(console_router)
    return app


async def _housekeeping(runtime: Runtime) -> None:
    """Prune expired sessions and old message claims now and then; never fatal."""
    while True:
        try:
            await runtime.stores.sessions.prune()
        except Exception:
            _log.exception("housekeeping failed; will try again")
        await asyncio.sleep(HOUSEKEEPING_INTERVAL_SECONDS)


async def support_upkeep(runtime: Runtime) -> None:
    """Finish replies left unsent (e.g. by a restart) and remind customers nobody answered."""
    while True:
        try:
            await runtime.support.late.recover(runtime.service.apply)
            await runtime.staff.remind_unanswered()
        except Exception:
            _log.exception("support upkeep failed; will try again")
        await asyncio.sleep(SUPPORT_UPKEEP_INTERVAL_SECONDS)
