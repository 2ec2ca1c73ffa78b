"""The suite's own Redis and PostgreSQL servers start, answer, and isolate tests."""

from __future__ import annotations

import redis.asyncio as aioredis
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from servers import fresh_database


async def test_redis_answers_on_a_private_port(redis_url: str) -> None:
    assert make_url(redis_url).port != 6379  # not the system service
    client = aioredis.Redis.from_url(redis_url, decode_responses=True)
    try:
        assert await client.ping() is True
        await client.set("elg:probe", "💎")
        assert await client.get("elg:probe") == "💎"
    finally:
        await client.aclose()


async def test_fresh_redis_url_starts_empty(fresh_redis_url: str) -> None:
    client = aioredis.Redis.from_url(fresh_redis_url)
    try:
        await client.set("elg:left-behind", "1")  # by some earlier test
    finally:
        await client.aclose()
    # What the fixture does before every test:
    async with aioredis.Redis.from_url(fresh_redis_url) as client:
        await client.flushall()
        assert await client.dbsize() == 0


async def _scalar(url: str, sql: str) -> object:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            result = await conn.execute(text(sql))
            return result.scalar_one() if result.returns_rows else None
    finally:
        await engine.dispose()


async def test_postgres_answers_on_a_private_port(postgres_url: str) -> None:
    assert make_url(postgres_url).port != 5432  # not the system service
    assert await _scalar(postgres_url, "SELECT 1 + 1") == 2
    assert await _scalar(postgres_url, "SHOW fsync") == "off"


async def test_fresh_postgres_databases_are_distinct(
    fresh_postgres_url: str, postgres_url: str
) -> None:
    with fresh_database(postgres_url) as other:
        names = {make_url(u).database for u in (fresh_postgres_url, other, postgres_url)}
        assert len(names) == 3
        await _scalar(fresh_postgres_url, "CREATE TABLE mine (x int)")
        tables = "SELECT count(*) FROM pg_tables WHERE tablename = 'mine'"
        assert await _scalar(fresh_postgres_url, tables) == 1
        assert await _scalar(other, tables) == 0
    exists = f"SELECT count(*) FROM pg_database WHERE datname = '{make_url(other).database}'"
    assert await _scalar(postgres_url, exists) == 0  # dropped at exit
