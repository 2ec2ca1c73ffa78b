"""The web application factory. Nothing is built at import time: `create_app` takes settings
(read from the environment when omitted) or a ready runtime (tests hand in their own)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from fastapi import FastAPI

from elgbot.bootstrap import Runtime, open_runtime
from elgbot.logs import get_logger
from elgbot.settings import Settings
from elgbot.web import chat_page, health, webhook

HOUSEKEEPING_INTERVAL_SECONDS = 3600.0
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
            try:
                yield
            finally:
                housekeeping.cancel()

    app = FastAPI(title="elgbot", lifespan=lifespan, docs_url=None, redoc_url=None)
    if runtime is not None:
        app.state.runtime = runtime  # usable without running the lifespan (ASGI test clients)
    app.router.routes.extend(webhook.routes)
    for module in (health, chat_page):
        app.include_router(module.router)
    return app


async def _housekeeping(runtime: Runtime) -> None:
    """Prune expired sessions and old message claims now and then; never fatal."""
    while True:
        try:
            await runtime.stores.sessions.prune()
        except Exception:
            _log.exception("housekeeping failed; will try again")
        await asyncio.sleep(HOUSEKEEPING_INTERVAL_SECONDS)
