"""The composition root: the only place that picks real implementations for the ports."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.catalog.jewelry_sample import sample_pieces
from elgbot.catalog.jewelry_store import SqlJewelry
from elgbot.catalog.melee_sample import sample_parcels
from elgbot.catalog.melee_store import SqlMelee
from elgbot.catalog.sample import sample_stones
from elgbot.catalog.store import SqlCatalog
from elgbot.channels.twilio_signature import SignatureVerifier
from elgbot.commerce.cart import SqlCarts
from elgbot.commerce.checkout import SqlCheckouts
from elgbot.commerce.orders import SqlOrders
from elgbot.commerce.quotes import SqlQuotes
from elgbot.console.funnel import SqlFunnel
from elgbot.conversation.copy import Copy
from elgbot.conversation.machine import Conversation
from elgbot.logs import get_logger
from elgbot.service import Service, Stores
from elgbot.settings import Settings
from elgbot.storage.database import open_database, sqlite_file
from elgbot.storage.deliveries import SqlDeliveries
from elgbot.storage.redis_sessions import RedisSessionStore
from elgbot.storage.sessions import SessionStore
from elgbot.storage.sql_sessions import SqlSessionStore
from elgbot.storage.sqlite_sessions import SqliteSessionStore
from elgbot.support.staff import StaffDesk
from elgbot.support.wiring import Support, open_support

_log = get_logger("bootstrap")

# A turn takes milliseconds; the lease only matters when a worker dies holding it.
LOCK_LEASE_SECONDS = 30.0
# Below Twilio's 15 s limit, so a customer who is kept waiting still gets an answer.
LOCK_WAIT_SECONDS = 10.0
_SAMPLE_BATCH = 5000


@dataclass(frozen=True, slots=True)
class Runtime:
    settings: Settings
    engine: AsyncEngine
    stores: Stores
    deliveries: SqlDeliveries
    service: Service
    support: Support
    staff: StaffDesk
    # Checks Twilio's webhook signatures; None without TWILIO_AUTH_TOKEN (all refused).
    signatures: SignatureVerifier | None


@asynccontextmanager
async def open_runtime(settings: Settings) -> AsyncIterator[Runtime]:
    """Everything the app needs, opened from settings and closed on exit."""
    engine = await open_database(settings.effective_database_url)
    sessions = _session_store(settings, engine)
    try:
        async with open_support(settings, engine) as support:
            stores = _stores(sessions, engine)
            facts = support.facts
            copy = Copy().with_site(settings.site_url)
            copy = copy.with_store(hours=facts.hours, contact=facts.contact)
            service = Service(stores, Conversation(copy), support)
            service.funnel = funnel = SqlFunnel(engine)  # the staff console's funnel
            staff = support.staff_desk(copy, service.apply)
            try:
                deliveries = SqlDeliveries(engine)
                signatures = _signature_verifier(settings)
                yield Runtime(
                    settings, engine, stores, deliveries, service, support, staff, signatures
                )
            finally:
                await funnel.close()  # write what is still buffered
    finally:
        await sessions.close()
        await engine.dispose()


async def load_sample_catalog_if_empty(runtime: Runtime) -> int:
    """Fill an empty catalog with synthetic stones (for `make run`); returns how many."""
    catalog = runtime.stores.catalog
    count = runtime.settings.sample_catalog_size
    if count > 0:
        await _load_sample_jewelry_and_melee(runtime.stores)
    if count == 0 or await catalog.count() > 0:
        return 0
    stones = list(sample_stones(count, seed=1))
    for start in range(0, len(stones), _SAMPLE_BATCH):
        await catalog.add(stones[start : start + _SAMPLE_BATCH], supplier="sample")
    _log.info("loaded %d sample stones into the empty catalog", count)
    return count


def _signature_verifier(settings: Settings) -> SignatureVerifier | None:
    token = settings.twilio_auth_token
    return SignatureVerifier(token, settings.webhook_shared_keys) if token else None


def _stores(sessions: SessionStore, engine: AsyncEngine) -> Stores:
    return Stores(
        sessions,
        SqlCatalog(engine),
        SqlCarts(engine),
        SqlQuotes(engine),
        SqlJewelry(engine),
        SqlMelee(engine),
        SqlOrders(engine),
        SqlCheckouts(engine),
    )


async def _load_sample_jewelry_and_melee(stores: Stores) -> None:
    """The sample jewellery range and melee parcels, each only into an empty table."""
    if await stores.jewelry.count() == 0:
        loaded = await stores.jewelry.put(sample_pieces(), supplier="sample")
        _log.info("loaded %d sample jewellery pieces", loaded)
    if await stores.melee.count() == 0:
        loaded = await stores.melee.put(sample_parcels(), supplier="sample")
        _log.info("loaded %d sample melee parcels", loaded)


def _session_store(settings: Settings, engine: AsyncEngine) -> SessionStore:
    limits: dict[str, Any] = {
        "ttl_seconds": settings.session_ttl_seconds,
        "lock_lease_seconds": LOCK_LEASE_SECONDS,
        "lock_wait_seconds": LOCK_WAIT_SECONDS,
    }
    if settings.redis_url:
        return RedisSessionStore(Redis.from_url(settings.redis_url), **limits)
    sqlite_path = sqlite_file(settings.effective_database_url)
    if sqlite_path is not None:
        return SqliteSessionStore(sqlite_path, **limits)
    return SqlSessionStore(engine, **limits)
