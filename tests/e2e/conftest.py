"""Fixtures for end-to-end tests: a runtime on each deployment, a client, a customer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from elgbot.bootstrap import Runtime, open_runtime
from elgbot.settings import Settings
from whatsapp_chat import STONES, Chat, client_for, settings_for


@pytest.fixture(params=["embedded", "scaled"])
async def runtime(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Runtime]:
    """Every e2e test runs on the embedded default (SQLite) and on the scale-out setup
    (PostgreSQL + Redis, real servers started by the suite)."""
    async with open_runtime(deployment(request, tmp_path)) as opened:
        await opened.stores.catalog.add(STONES)
        yield opened


def deployment(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    if request.param == "embedded":
        return settings_for(tmp_path)
    return settings_for(
        tmp_path,
        database_url=request.getfixturevalue("fresh_postgres_url"),
        redis_url=request.getfixturevalue("fresh_redis_url"),
    )


@pytest.fixture
async def client(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(runtime) as c:
        yield c


@pytest.fixture
def chat(client: httpx.AsyncClient) -> Chat:
    return Chat(client)
