"""Rate-limited logins: failed attempts are counted per username and per client address in
the database, so the limit holds across workers and restarts."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.storage.schema import login_failures

WINDOW_SECONDS: Final = 15 * 60.0


@dataclass(frozen=True, slots=True)
class LoginLimits:
    per_username: int = 5  # guessing one staff member's password
    per_client: int = 20  # one address trying many usernames


def login_keys(username: str, client: str) -> tuple[str, str]:
    return f"user:{username[:64]}", f"client:{client[:64]}"


class SqlLoginThrottle:
    def __init__(
        self,
        engine: AsyncEngine,
        limits: LoginLimits = LoginLimits(),
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._engine = engine
        self._limits = limits
        self._clock = clock

    async def blocked(self, username: str, client: str) -> bool:
        """True while either key has used up its failed attempts in the window."""
        user_key, client_key = login_keys(username, client)
        counts = await self._counts((user_key, client_key))
        return (
            counts.get(user_key, 0) >= self._limits.per_username
            or counts.get(client_key, 0) >= self._limits.per_client
        )

    async def failed(self, username: str, client: str) -> None:
        now = self._clock()
        rows = [{"key": key, "failed_at": now} for key in login_keys(username, client)]
        async with self._engine.begin() as conn:
            await conn.execute(
                delete(login_failures).where(login_failures.c.failed_at < now - WINDOW_SECONDS)
            )
            await conn.execute(login_failures.insert(), rows)

    async def succeeded(self, username: str) -> None:
        """A right password forgives the username's earlier typos (not the client's)."""
        user_key, _ = login_keys(username, "")
        async with self._engine.begin() as conn:
            await conn.execute(delete(login_failures).where(login_failures.c.key == user_key))

    async def _counts(self, keys: Sequence[str]) -> dict[str, int]:
        query = (
            select(login_failures.c.key, func.count())
            .where(
                login_failures.c.key.in_(keys),
                login_failures.c.failed_at >= self._clock() - WINDOW_SECONDS,
            )
            .group_by(login_failures.c.key)
        )
        async with self._engine.connect() as conn:
            return {key: int(count) for key, count in (await conn.execute(query)).all()}
