"""Console sessions, kept server-side: the cookie holds a random token and the database its
SHA-256, with the session's CSRF token and expiry. Logout deletes the row, so a copied
cookie stops working at once."""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.storage.schema import console_sessions


@dataclass(frozen=True, slots=True)
class StaffSession:
    username: str
    csrf_token: str
    expires_at: float


@dataclass(frozen=True, slots=True)
class NewSession:
    token: str  # for the cookie; never stored
    session: StaffSession


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class SqlConsoleSessions:
    def __init__(
        self, engine: AsyncEngine, lifetime_seconds: float, clock: Callable[[], float] = time.time
    ) -> None:
        self._engine = engine
        self._lifetime = lifetime_seconds
        self._clock = clock

    async def start(self, username: str) -> NewSession:
        now = self._clock()
        token = secrets.token_urlsafe(32)
        session = StaffSession(username, secrets.token_urlsafe(32), now + self._lifetime)
        values = {
            "token_hash": _digest(token),
            "username": username,
            "csrf_token": session.csrf_token,
            "created_at": now,
            "expires_at": session.expires_at,
        }
        async with self._engine.begin() as conn:
            # Expired sessions are swept here: logins are rare, so this costs nothing.
            await conn.execute(delete(console_sessions).where(console_sessions.c.expires_at < now))
            await conn.execute(console_sessions.insert().values(values))
        return NewSession(token, session)

    async def find(self, token: str) -> StaffSession | None:
        query = select(console_sessions).where(
            console_sessions.c.token_hash == _digest(token),
            console_sessions.c.expires_at > self._clock(),
        )
        async with self._engine.connect() as conn:
            row = (await conn.execute(query)).first()
        return None if row is None else StaffSession(row.username, row.csrf_token, row.expires_at)

    async def end(self, token: str) -> None:
        statement = delete(console_sessions).where(console_sessions.c.token_hash == _digest(token))
        async with self._engine.begin() as conn:
            await conn.execute(statement)
