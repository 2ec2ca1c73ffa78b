"""The web application factory. Nothing is built at import time: `create_app` takes settings
(read from the environment when omitted) or a ready runtime (tests hand in their own)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from elgbot.bootstrap import Runtime, open_runtime
from elgbot.settings import Settings
from elgbot.web import chat_page, health, webhook


def create_app(settings: Settings | None = None, runtime: Runtime | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if runtime is not None:
            app.state.runtime = runtime
            yield
            return
        async with open_runtime(settings or Settings()) as opened:
            app.state.runtime = opened
            yield

    app = FastAPI(title="elgbot", lifespan=lifespan, docs_url=None, redoc_url=None)
    if runtime is not None:
        app.state.runtime = runtime  # usable without running the lifespan (ASGI test clients)
    for module in (webhook, health, chat_page):
        app.include_router(module.router)
    return app
