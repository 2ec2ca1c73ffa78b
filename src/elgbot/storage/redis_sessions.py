"""Session store in Redis, for several stateless workers.

Lock: `SET key token NX PX lease`, released by a compare-and-delete script so a worker never
frees a lease that expired and was taken by another. Claims: `SET NX EX`.
"""

from __future__ import annotations

import json
import secrets
from contextlib import AbstractAsyncContextManager

from redis.asyncio import Redis

from elgbot.storage.leases import held
from elgbot.storage.local_locks import KeyedLocks
from elgbot.storage.sessions import Claim, ClaimState, JsonObject

CLAIM_RETENTION_SECONDS = 3 * 24 * 3600
_PROCESSING = "processing"
_RELEASE_SCRIPT = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""


class RedisSessionStore:
    def __init__(
        self,
        client: Redis,
        *,
        ttl_seconds: int,
        lock_lease_seconds: float,
        lock_wait_seconds: float,
        key_prefix: str = "elg:",
    ) -> None:
        self._redis = client
        self._ttl = ttl_seconds
        self._lease_ms = max(1, int(lock_lease_seconds * 1000))
        self._wait = lock_wait_seconds
        self._prefix = key_prefix
        self._local = KeyedLocks()
        self._release = client.register_script(_RELEASE_SCRIPT)

    def lock(self, user: str) -> AbstractAsyncContextManager[None]:
        key, token = f"{self._prefix}lock:{user}", secrets.token_hex(16)
        return held(
            self._local,
            user,
            self._wait,
            lambda: self._try_lock(key, token),
            lambda: self._release(keys=[key], args=[token]),
        )

    async def claim(self, message_id: str) -> Claim:
        key = f"{self._prefix}msg:{message_id}"
        if await self._redis.set(key, _PROCESSING, nx=True, ex=CLAIM_RETENTION_SECONDS):
            return Claim(ClaimState.NEW)
        stored = await self._redis.get(key)
        if stored is None or _decode(stored) == _PROCESSING:
            # Never finished (the attempt crashed) or expired meanwhile: handle it again.
            return Claim(ClaimState.NEW)
        return Claim(ClaimState.DONE, tuple(json.loads(_decode(stored))))

    async def finish(
        self, message_id: str, replies: tuple[str, ...], user: str, session: JsonObject
    ) -> None:
        async with self._redis.pipeline(transaction=True) as both:  # MULTI … EXEC
            both.set(*self._session_item(user, session), ex=self._ttl)
            both.set(
                f"{self._prefix}msg:{message_id}",
                json.dumps(replies, ensure_ascii=False),
                ex=CLAIM_RETENTION_SECONDS,
            )
            await both.execute()

    async def load(self, user: str) -> JsonObject | None:
        stored = await self._redis.get(f"{self._prefix}session:{user}")
        return None if stored is None else dict(json.loads(_decode(stored)))

    async def save(self, user: str, session: JsonObject) -> None:
        await self._redis.set(*self._session_item(user, session), ex=self._ttl)

    def _session_item(self, user: str, session: JsonObject) -> tuple[str, str]:
        return f"{self._prefix}session:{user}", json.dumps(session, ensure_ascii=False)

    async def prune(self) -> None:
        """Nothing to do: every key carries its own expiry."""

    async def ping(self) -> None:
        await self._redis.ping()

    async def close(self) -> None:
        await self._redis.aclose()

    async def _try_lock(self, key: str, token: str) -> bool:
        return bool(await self._redis.set(key, token, nx=True, px=self._lease_ms))


def _decode(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
