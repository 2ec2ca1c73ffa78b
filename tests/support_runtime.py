"""The whole app with its support features wired to fakes on 127.0.0.1: Gemini (the real
SDK talks to it) and Twilio's REST API (the real sender posts to it), on either deployment.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from elgbot.bootstrap import Runtime, open_runtime
from elgbot.settings import Settings
from elgbot.storage.schema import outbox
from elgbot.web.app import create_app
from fakes.gemini_server import FakeGemini
from fakes.twilio_server import FakeTwilio
from whatsapp_chat import AUTH_TOKEN, STONES, settings_for

SHOP = "whatsapp:+14155238886"
OpenRuntime = Callable[..., Any]


def deployment(request: pytest.FixtureRequest) -> dict[str, object]:
    """Settings of the embedded default ({}), or of the scale-out setup."""
    if request.param == "embedded":
        return {}
    return {
        "database_url": request.getfixturevalue("fresh_postgres_url"),
        "redis_url": request.getfixturevalue("fresh_redis_url"),
    }


def support_settings(
    data_dir: Path,
    gemini: FakeGemini | None,
    twilio: FakeTwilio | None,
    **overrides: object,
) -> Settings:
    values: dict[str, object] = {"gemini_timeout_seconds": 5.0}
    if gemini is not None:
        values |= {"gemini_api_key": gemini.api_key, "gemini_base_url": gemini.url}
    if twilio is not None:
        # One Twilio account: its auth token signs the webhooks and authorises REST calls.
        twilio.auth_token = AUTH_TOKEN
        values |= {
            "twilio_account_sid": twilio.account_sid,
            "twilio_whatsapp_from": SHOP,
            "twilio_api_url": twilio.url,
        }
    return settings_for(data_dir, **(values | overrides))


@asynccontextmanager
async def runtime_with_catalog(settings: Settings) -> AsyncIterator[Runtime]:
    async with open_runtime(settings) as runtime:
        if await runtime.stores.catalog.count() == 0:
            await runtime.stores.catalog.add(STONES)
        yield runtime


@asynccontextmanager
async def serving(runtime: Runtime) -> AsyncIterator[None]:
    """The app's lifespan (its start-up and periodic work) around the block."""
    app = create_app(runtime=runtime)
    async with app.router.lifespan_context(app):
        yield


async def eventually(condition: Callable[[], bool], within: float = 15.0) -> None:
    """Wait for background work to make `condition` true (never a timing assertion)."""
    async with asyncio.timeout(within):
        # Polling: the fake servers change what `condition` reads from their own threads.
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0.02)


async def outbox_rows(runtime: Runtime) -> list[Any]:
    async with runtime.engine.connect() as conn:
        return list((await conn.execute(select(outbox).order_by(outbox.c.id))).all())
