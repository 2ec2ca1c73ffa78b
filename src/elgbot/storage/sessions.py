"""The session store port: per-customer state, a per-customer lock, and message claims.

Two implementations pass one contract suite (tests/contract): SQL (default) and Redis.
A session is an opaque JSON object here; the conversation package owns its shape.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

JsonObject = dict[str, Any]


class ClaimState(StrEnum):
    NEW = "new"  # first delivery, or an earlier attempt crashed before finishing: handle it
    DONE = "done"  # handled before: answer with the stored replies, change nothing


@dataclass(frozen=True, slots=True)
class Claim:
    state: ClaimState
    replies: tuple[str, ...] = ()


class LockTimeout(Exception):
    """The customer's lock could not be taken in time (another worker holds it)."""


class SessionStore(Protocol):
    def lock(self, user: str) -> AbstractAsyncContextManager[None]:
        """Hold the customer's lock across all workers; a lease that expires if we crash.

        Raises LockTimeout when it cannot be taken within the store's wait limit.
        """
        ...

    async def claim(self, message_id: str) -> Claim:
        """Atomically record that `message_id` is being handled (NEW) or report it DONE."""
        ...

    async def finish(
        self, message_id: str, replies: tuple[str, ...], user: str, session: JsonObject
    ) -> None:
        """Store `user`'s session (as `save`) and mark `message_id` handled, keeping its
        replies for a repeated delivery, in one atomic step: after a crash either both
        happened (a redelivery gets these replies) or neither (the message is handled again
        from the session as it was, never stepped twice)."""
        ...

    async def load(self, user: str) -> JsonObject | None:
        """The customer's session, or None when there is none or it has expired."""
        ...

    async def save(self, user: str, session: JsonObject) -> None:
        """Store the session; it expires after the store's TTL without activity."""
        ...

    async def prune(self) -> None:
        """Drop expired sessions, leases and old claims (stores without TTLs need this)."""
        ...

    async def ping(self) -> None:
        """Raise if the store cannot be reached."""
        ...

    async def close(self) -> None: ...
