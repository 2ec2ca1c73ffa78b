"""The web application factory. Nothing is built at import time: `create_app` takes settings
(read from the environment when omitted) or a ready runtime (tests hand in their own)."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from fastapi import FastAPI
from starlette.requests import Request
from starlette.types import Receive, Scope, Send

from elgbot.bootstrap import Runtime, open_runtime
from elgbot.console import errors as console_errors
from elgbot.console.router import router as console_router
from elgbot.logs import get_logger
from elgbot.settings import Settings
from elgbot.web import api, chat_page, health, orders_api, webhook
from elgbot.web.webhook import WEBHOOK_PATH

HOUSEKEEPING_INTERVAL_SECONDS = 3600.0
# Unfinished slow replies (a restart, a dead worker) and unanswered handoffs: looked at on
# start-up, then this often.
SUPPORT_UPKEEP_INTERVAL_SECONDS = 15.0
_log = get_logger("app")


class ElgbotApp(FastAPI):
    """FastAPI, except that Twilio's webhook, one request per customer message, goes
    straight to its handler, past FastAPI's middleware stack and router. The handler
    answers a failed turn itself; anything else it raises still gets uvicorn's 500."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] == WEBHOOK_PATH:
            scope["app"] = self  # what Starlette sets, so the handler finds `app.state`
            response = await webhook.incoming_message(Request(scope, receive))
            await response(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def create_app(settings: Settings | None = None, runtime: Runtime | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            opened = runtime
            if opened is None:
                opened = await stack.enter_async_context(open_runtime(settings or Settings()))
            app.state.runtime = opened
            _warn_if_replies_cannot_be_sent(opened)
            # What start-up built (schema, SDK clients, copy) lives as long as the process;
            # frozen, full collections stop walking it every few thousand messages. That
            # walk was the bench's p99 (101 → 23 ms) and ~15 % of its throughput.
            gc.freeze()
            stack.callback(gc.unfreeze)  # an app in a longer process (tests) gives it back
            housekeeping = asyncio.create_task(_housekeeping(opened))
            upkeep = asyncio.create_task(support_upkeep(opened))
            try:
                yield
            finally:
                housekeeping.cancel()
                upkeep.cancel()
                await asyncio.gather(housekeeping, upkeep, return_exceptions=True)

    app = ElgbotApp(title="elgbot", lifespan=lifespan, docs_url=None, redoc_url=None)
    if runtime is not None:
        app.state.runtime = runtime  # usable without running the lifespan (ASGI test clients)
    app.router.routes.extend(webhook.routes)
    for module in (health, chat_page, orders_api, api):
        app.include_router(module.router)
    app.include_router(console_router)
    console_errors.install(app)
    return app


def _warn_if_replies_cannot_be_sent(runtime: Runtime) -> None:
    """Customers asking for a person are told staff will reply in the chat; without REST
    settings every console reply fails, so say so where the operator looks first."""
    if missing := runtime.support.rest_missing:
        _log.warning(
            "staff replies from the console (handoffs, quotes) CANNOT be delivered: the "
            "Twilio REST API is not configured (%s not set)",
            ", ".join(missing),
        )


async def _housekeeping(runtime: Runtime) -> None:
    """Prune expired sessions, old message claims and old delivery history now and then;
    never fatal."""
    while True:
        try:
            await runtime.stores.sessions.prune()
            await prune_history(runtime)
        except Exception:
            _log.exception("housekeeping failed; will try again")
        await asyncio.sleep(HOUSEKEEPING_INTERVAL_SECONDS)


async def prune_history(runtime: Runtime) -> None:
    """Sent replies and delivery statuses older than ELG_HISTORY_RETENTION_DAYS: the staff
    console shows what became of recent replies, and nothing needs the old ones."""
    before = time.time() - runtime.settings.history_retention_days * 86400
    sent = await runtime.support.outbox.prune(before)
    statuses = await runtime.deliveries.prune(before)
    if sent or statuses:
        _log.info("pruned %d sent replies and %d delivery statuses", sent, statuses)


async def support_upkeep(runtime: Runtime) -> None:
    """Finish replies left unsent (e.g. by a restart) and remind customers nobody answered."""
    while True:
        try:
            service = runtime.service
            await runtime.support.late.recover(service.apply, service.handle_deferred)
            await runtime.staff.remind_unanswered()
        except Exception:
            _log.exception("support upkeep failed; will try again")
        await asyncio.sleep(SUPPORT_UPKEEP_INTERVAL_SECONDS)
