"""The console's collaborators for one app, built from the runtime (all cheap: they hold
the engine and the support objects the bot already uses)."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from fastapi import Request

from elgbot.bootstrap import Runtime
from elgbot.console.accounts import SqlStaffAccounts
from elgbot.console.funnel import SqlFunnel
from elgbot.console.inbox import Inbox
from elgbot.console.quote_desk import QuoteDesk
from elgbot.console.sessions import SqlConsoleSessions
from elgbot.console.throttle import SqlLoginThrottle


@dataclass(frozen=True, slots=True)
class Console:
    runtime: Runtime
    accounts: SqlStaffAccounts
    sessions: SqlConsoleSessions
    throttle: SqlLoginThrottle
    funnel: SqlFunnel
    inbox: Inbox
    quotes: QuoteDesk
    zone: ZoneInfo
    secure_cookies: bool


def console_for(runtime: Runtime) -> Console:
    settings, engine, support = runtime.settings, runtime.engine, runtime.support
    return Console(
        runtime,
        SqlStaffAccounts(engine),
        SqlConsoleSessions(engine, settings.console_session_hours * 3600),
        SqlLoginThrottle(engine),
        _shared_funnel(runtime),
        Inbox(engine, runtime.staff),
        QuoteDesk(engine, support.outbox, support.courier),
        ZoneInfo(settings.console_timezone),
        settings.console_secure_cookies,
    )


def _shared_funnel(runtime: Runtime) -> SqlFunnel:
    """The service's own funnel, so a flush before a page includes this worker's turns."""
    funnel = runtime.service.funnel
    return funnel if isinstance(funnel, SqlFunnel) else SqlFunnel(runtime.engine)


def console_of(request: Request) -> Console:
    """The app's console, built on first use (the runtime exists only after start-up)."""
    console: Console | None = getattr(request.app.state, "console", None)
    runtime: Runtime = request.app.state.runtime
    if console is None or console.runtime is not runtime:
        console = console_for(runtime)
        request.app.state.console = console
    return console
