"""One contract for every SessionStore: SQL on SQLite, SQL on PostgreSQL, and Redis.

Every test runs against each store on a real backend (the servers of tests/servers.py).
"Another worker" is a second store instance on the same backend, as a second process
would have; a crashed worker is one that took a lock and never released it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, suppress
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from elgbot.storage.database import open_database
from elgbot.storage.redis_sessions import RedisSessionStore
from elgbot.storage.sessions import ClaimState, LockTimeout, SessionStore
from elgbot.storage.sql_sessions import SqlSessionStore
from elgbot.storage.sqlite_sessions import SqliteSessionStore
from servers import free_port

ALICE = "whatsapp:+919812345678"
BOB = "whatsapp:+14155550123"
DEFAULTS = {"ttl_seconds": 3600, "lock_lease_seconds": 10.0, "lock_wait_seconds": 5.0}

MakeStore = Callable[..., SessionStore]


# --- one store factory per backend ---


def _sql_factory(engine: AsyncEngine, stack: AsyncExitStack) -> MakeStore:
    def make(**settings: Any) -> SessionStore:
        store = SqlSessionStore(engine, **{**DEFAULTS, **settings})
        stack.push_async_callback(store.close)
        return store

    return make


def _redis_factory(url: str, stack: AsyncExitStack) -> MakeStore:
    def make(**settings: Any) -> SessionStore:
        client = Redis.from_url(url)  # one client per store, as in separate workers
        stack.push_async_callback(client.aclose)
        store = RedisSessionStore(client, **{**DEFAULTS, **settings})
        stack.push_async_callback(store.close)
        return store

    return make


async def _open_sql(url: str, stack: AsyncExitStack) -> MakeStore:
    engine = await open_database(url)
    stack.push_async_callback(engine.dispose)
    return _sql_factory(engine, stack)


def _sqlite_factory(path: Path, stack: AsyncExitStack) -> MakeStore:
    def make(**settings: Any) -> SessionStore:
        store = SqliteSessionStore(path, **{**DEFAULTS, **settings})
        stack.push_async_callback(store.close)
        return store

    return make


def _backend_url(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    # Requested lazily, so a server starts only when a test of its backend runs.
    if name in ("sqlite", "sqlite-direct"):
        return f"sqlite+aiosqlite:///{tmp_path / 'sessions.db'}"
    if name == "postgres":
        return str(request.getfixturevalue("fresh_postgres_url"))
    return str(request.getfixturevalue("fresh_redis_url"))


BACKEND_NAMES = ["sqlite", "sqlite-direct", "postgres", "redis"]
BACKENDS = [
    pytest.param("sqlite", id="sql-sqlite"),
    pytest.param("sqlite-direct", id="sqlite-direct"),
    pytest.param("postgres", id="sql-postgres", marks=pytest.mark.postgres),
    pytest.param("redis", id="redis", marks=pytest.mark.redis),
]


@pytest.fixture(params=BACKENDS)
async def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[MakeStore]:
    """make_store(**settings) -> a new store (a new "worker") on this test's backend."""
    url = _backend_url(request.param, request, tmp_path)
    async with AsyncExitStack() as stack:
        if request.param == "redis":
            yield _redis_factory(url, stack)
        elif request.param == "sqlite-direct":
            await _open_sql(url, stack)  # the migrations create the tables
            yield _sqlite_factory(tmp_path / "sessions.db", stack)
        else:
            yield await _open_sql(url, stack)


@pytest.fixture
def store(make_store: MakeStore) -> SessionStore:
    return make_store()


# --- sessions ---


async def test_unknown_user_has_no_session(store: SessionStore) -> None:
    assert await store.load(ALICE) is None


async def test_session_round_trips_nested_json(store: SessionStore) -> None:
    session: dict[str, Any] = {
        "language": "hi",
        "last_text": "नमस्ते! 1 ct ओवल 💎 — “quoted” \\ back\\slash \u0000 nul",
        "cart": [{"sku": "LGD-OV-100", "carat": 1.25, "qty": 2, "tags": ["IGI", "VVS1"]}],
        "flags": {"vip": True, "opted_out": False, "note": None},
        "history": [],
        "turns": 0,
    }
    await store.save(ALICE, session)
    snapshot = {**session, "cart": [dict(item) for item in session["cart"]]}
    session["cart"].clear()  # what was saved is a copy, not our live object
    assert await store.load(ALICE) == snapshot


async def test_save_replaces_the_whole_session(store: SessionStore) -> None:
    await store.save(ALICE, {"step": "browsing", "filters": {"shape": "oval"}})
    await store.save(ALICE, {"step": "checkout"})
    assert await store.load(ALICE) == {"step": "checkout"}


async def test_sessions_of_two_users_are_independent(store: SessionStore) -> None:
    await store.save(ALICE, {"who": "alice"})
    await store.save(BOB, {"who": "bob"})
    await store.save(ALICE, {"who": "alice", "turn": 2})
    assert await store.load(ALICE) == {"who": "alice", "turn": 2}
    assert await store.load(BOB) == {"who": "bob"}


async def test_session_expires_after_ttl_without_activity(make_store: MakeStore) -> None:
    store = make_store(ttl_seconds=1)
    await store.save(ALICE, {"turn": 1})
    await asyncio.sleep(0.6)
    await store.save(ALICE, {"turn": 2})  # activity restarts the TTL
    await asyncio.sleep(0.6)
    assert await store.load(ALICE) == {"turn": 2}, "expired 0.6 s after the last save"
    await asyncio.sleep(1.6)
    assert await store.load(ALICE) is None, "still there 1.6 s after the last save, TTL 1 s"


# --- message claims ---


async def test_first_claim_is_new(store: SessionStore) -> None:
    claim = await store.claim("SM0001")
    assert (claim.state, claim.replies) == (ClaimState.NEW, ())


async def test_finished_message_claims_done_with_its_replies(store: SessionStore) -> None:
    replies = ("Namaste 🙏", "Cart: 1 × 1.25 ct oval, ₹1,20,000\nReply *PAY* to order")
    for message_id, sent in (("SM0001", replies), ("SM0002", ())):
        assert (await store.claim(message_id)).state == ClaimState.NEW
        await store.finish(message_id, sent, ALICE, {"turn": message_id})
        for _ in range(2):  # every repeated delivery gets the same answer
            claim = await store.claim(message_id)
            assert (claim.state, claim.replies) == (ClaimState.DONE, sent)


async def test_unfinished_claim_is_new_again(store: SessionStore) -> None:
    assert (await store.claim("SM0001")).state == ClaimState.NEW
    # The worker crashed mid-turn: the redelivery must be handled, not lost.
    assert (await store.claim("SM0001")).state == ClaimState.NEW


async def test_claims_of_different_messages_are_independent(store: SessionStore) -> None:
    await store.claim("SM0001")
    await store.claim("SM0002")
    await store.finish("SM0001", ("one",), ALICE, {"turn": 1})
    assert (await store.claim("SM0002")).state == ClaimState.NEW
    assert (await store.claim("SM0003")).state == ClaimState.NEW


async def test_concurrent_claims_of_a_new_message_all_succeed(store: SessionStore) -> None:
    claims = await asyncio.gather(*(store.claim("SM0001") for _ in range(20)))
    assert {c.state for c in claims} == {ClaimState.NEW}


async def test_claims_racing_finish_see_all_replies_or_none(store: SessionStore) -> None:
    replies = tuple(f"reply {i}" for i in range(5))
    await store.claim("SM0001")
    early = [store.claim("SM0001") for _ in range(10)]
    late = [store.claim("SM0001") for _ in range(10)]
    finish = store.finish("SM0001", replies, ALICE, {"turn": 1})
    results = await asyncio.gather(*early, finish, *late)
    claims = [r for r in results if r is not None]
    allowed = {(ClaimState.NEW, ()), (ClaimState.DONE, replies)}
    assert {(c.state, c.replies) for c in claims} <= allowed
    assert (await store.claim("SM0001")).replies == replies


async def test_finish_is_seen_by_another_worker(make_store: MakeStore) -> None:
    first, second = make_store(), make_store()
    await first.claim("SM0001")
    await first.finish("SM0001", ("done",), ALICE, {"turn": 1})
    claim = await second.claim("SM0001")
    assert (claim.state, claim.replies) == (ClaimState.DONE, ("done",))
    assert await second.load(ALICE) == {"turn": 1}


async def test_finish_saves_the_session_with_the_replies(make_store: MakeStore) -> None:
    store = make_store(ttl_seconds=1)
    await store.save(ALICE, {"step": "main_menu"})
    await store.claim("SM0001")
    await store.finish("SM0001", ("Welcome",), ALICE, {"step": "collect_diamond_specs"})
    assert await store.load(ALICE) == {"step": "collect_diamond_specs"}
    assert await store.load(BOB) is None
    await asyncio.sleep(1.6)  # saved like `save`: the session's TTL applies
    assert await store.load(ALICE) is None
    assert (await store.claim("SM0001")).replies == ("Welcome",)


# --- the per-customer lock ---

Events = list[tuple[str, int]]


async def _hold(lock: AbstractAsyncContextManager[None], who: int, events: Events) -> None:
    async with lock:
        events.append(("enter", who))
        await asyncio.sleep(0.05)
        events.append(("exit", who))


def assert_never_overlap(events: Events, expected_holders: int) -> None:
    holder: int | None = None
    for kind, who in events:
        if kind == "enter":
            assert holder is None, f"{who} entered while {holder} held the lock: {events}"
            holder = who
        else:
            holder = None
    assert len(events) == 2 * expected_holders


async def test_lock_bodies_of_one_user_never_overlap(store: SessionStore) -> None:
    events: Events = []
    await asyncio.gather(*(_hold(store.lock(ALICE), i, events) for i in range(5)))
    assert_never_overlap(events, 5)


async def test_lock_bodies_never_overlap_across_workers(make_store: MakeStore) -> None:
    workers = [make_store(), make_store()]
    events: Events = []
    await asyncio.gather(*(_hold(workers[i % 2].lock(ALICE), i, events) for i in range(6)))
    assert_never_overlap(events, 6)


async def _attempt(lock: AbstractAsyncContextManager[None], limit: float) -> str:
    """How taking `lock` ends: "acquired", "LockTimeout", or still waiting after `limit`."""

    async def enter_and_leave() -> str:
        async with lock:
            return "acquired"

    try:
        return await asyncio.wait_for(enter_and_leave(), limit)
    except LockTimeout:
        return "LockTimeout"
    except TimeoutError:
        return f"still waiting after {limit} s"


async def test_locks_of_different_users_do_not_block_each_other(
    make_store: MakeStore,
) -> None:
    store, other_worker = make_store(), make_store()
    async with store.lock(ALICE):
        assert await _attempt(store.lock(BOB), 1.0) == "acquired"
        assert await _attempt(other_worker.lock(BOB), 1.0) == "acquired"


@pytest.mark.parametrize("waiter", ["same-worker", "other-worker"])
async def test_lock_waiter_gets_lock_timeout(make_store: MakeStore, waiter: str) -> None:
    holder = make_store(lock_wait_seconds=0.5)
    waiting = holder if waiter == "same-worker" else make_store(lock_wait_seconds=0.5)
    async with holder.lock(ALICE):
        started = time.monotonic()
        assert await _attempt(waiting.lock(ALICE), 3.0) == "LockTimeout"
        assert time.monotonic() - started >= 0.4, "gave up well before lock_wait_seconds"


async def test_lock_is_released_when_the_body_raises(make_store: MakeStore) -> None:
    store = make_store(lock_wait_seconds=0.5)
    with pytest.raises(RuntimeError, match="turn failed"):
        async with store.lock(ALICE):
            raise RuntimeError("turn failed")
    assert await _attempt(store.lock(ALICE), 3.0) == "acquired"
    assert await _attempt(make_store(lock_wait_seconds=0.5).lock(ALICE), 3.0) == "acquired"


async def _crashed_holder(store: SessionStore, stack: AsyncExitStack) -> Any:
    """Take `store`'s lock and never release it, as a worker that died mid-turn."""
    lock = store.lock(ALICE)
    await lock.__aenter__()
    # Only so no half-used generator outlives the test; a late release may raise.
    stack.push_async_callback(_release_quietly, lock)
    return lock


async def _release_quietly(lock: AbstractAsyncContextManager[None]) -> None:
    with suppress(Exception):
        await lock.__aexit__(None, None, None)


async def test_lock_of_a_crashed_worker_is_free_after_its_lease(make_store: MakeStore) -> None:
    async with AsyncExitStack() as stack:
        await _crashed_holder(make_store(lock_lease_seconds=1.0), stack)
        started = time.monotonic()
        assert await _attempt(make_store(lock_wait_seconds=5.0).lock(ALICE), 8.0) == "acquired"
        waited = time.monotonic() - started
        assert waited >= 0.8, f"took the lock after {waited:.2f} s, inside the 1 s lease"


async def test_late_release_by_an_expired_holder_keeps_the_new_holders_lock(
    make_store: MakeStore,
) -> None:
    async with AsyncExitStack() as stack:
        stale = await _crashed_holder(make_store(lock_lease_seconds=0.5), stack)
        async with make_store(lock_lease_seconds=30.0).lock(ALICE):
            await _release_quietly(stale)  # the "crashed" worker wakes up and releases
            third = make_store(lock_wait_seconds=0.5)
            assert await _attempt(third.lock(ALICE), 3.0) == "LockTimeout"


# --- health ---


async def test_ping_succeeds(store: SessionStore) -> None:
    await store.ping()  # raises if it cannot reach the backend


async def _unreachable_store(name: str, tmp_path: Path, stack: AsyncExitStack) -> SessionStore:
    closed_port = free_port()
    if name == "redis":
        return _redis_factory(f"redis://127.0.0.1:{closed_port}/0", stack)()
    if name == "sqlite-direct":
        return _sqlite_factory(tmp_path, stack)()  # a directory: cannot be opened
    url = f"postgresql+psycopg://elgbot@127.0.0.1:{closed_port}/nowhere"
    if name == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path}"  # a directory: cannot be opened as a database
    engine = create_async_engine(url)
    stack.push_async_callback(engine.dispose)
    return _sql_factory(engine, stack)()


@pytest.mark.parametrize("name", BACKEND_NAMES)
async def test_ping_raises_when_the_backend_is_unreachable(name: str, tmp_path: Path) -> None:
    async with AsyncExitStack() as stack:
        store = await _unreachable_store(name, tmp_path, stack)
        with pytest.raises(Exception) as raised:  # noqa: PT011 - whatever the driver raises
            await asyncio.wait_for(store.ping(), 20)
        assert not isinstance(raised.value, TimeoutError), "ping hung instead of failing"
