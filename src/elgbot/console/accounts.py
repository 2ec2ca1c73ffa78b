"""Staff accounts: usernames and argon2 password hashes (`elgbot staff add/list/remove`)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.console.passwords import hash_password, verify_password
from elgbot.storage.database import KEEP_ROWCOUNT
from elgbot.storage.schema import console_sessions, staff_accounts

_USERNAME: Final = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


class AccountError(ValueError):
    """The account cannot be added; the message says why."""


@dataclass(frozen=True, slots=True)
class StaffAccount:
    username: str
    created_at: float


def normal_username(text: str) -> str:
    """Usernames are compared lower-case: 'Asha' and 'asha' are one account."""
    return text.strip().lower()


class SqlStaffAccounts:
    def __init__(self, engine: AsyncEngine, clock: Callable[[], float] = time.time) -> None:
        self._engine = engine
        self._clock = clock

    async def add(self, username: str, password: str) -> StaffAccount:
        name = normal_username(username)
        if not _USERNAME.match(name):
            raise AccountError("a username is 2-64 of a-z, 0-9, '.', '_', '-'")
        account = StaffAccount(name, self._clock())
        values = {"password_hash": hash_password(password), "created_at": account.created_at}
        try:
            async with self._engine.begin() as conn:
                await conn.execute(staff_accounts.insert().values(username=name, **values))
        except IntegrityError:
            raise AccountError(f"staff account {name!r} exists already") from None
        return account

    async def all(self) -> list[StaffAccount]:
        query = select(staff_accounts).order_by(staff_accounts.c.username)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [StaffAccount(r.username, r.created_at) for r in rows]

    async def remove(self, username: str) -> bool:
        """Delete the account and end its sessions at once; False when there was none."""
        name = normal_username(username)
        async with self._engine.begin() as conn:
            await conn.execute(delete(console_sessions).where(console_sessions.c.username == name))
            result = await conn.execute(
                delete(staff_accounts).where(staff_accounts.c.username == name),
                execution_options=KEEP_ROWCOUNT,
            )
        return bool(result.rowcount == 1)

    async def check(self, username: str, password: str) -> str | None:
        """The account's username when the password is right, else None."""
        name = normal_username(username)
        query = select(staff_accounts.c.password_hash).where(staff_accounts.c.username == name)
        async with self._engine.connect() as conn:
            stored = (await conn.execute(query)).scalar()
        return name if verify_password(stored, password) else None
