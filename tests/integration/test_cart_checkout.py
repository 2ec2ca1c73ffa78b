"""Carts holding diamonds, jewellery and melee together, and checkout intents, on both
engines."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.commerce.cart import CartItem, ItemKind, SqlCarts
from elgbot.commerce.checkout import SqlCheckouts
from elgbot.storage.database import open_database

PRIYA = "+919812345678"
STONE = CartItem(ItemKind.DIAMOND, "RD-1", "Round 1.5ct D VS1 Ideal", 95_000)
RING = CartItem(ItemKind.JEWELRY, "J-1", "Halo Ring in 18K Rose Gold", 58_000)
MELEE = CartItem(ItemKind.MELEE, "M-1", "Melee +6.5 -7 EF VVS, 10 ct", 95_000, 10.0)


@pytest.fixture(params=["sqlite", "postgres"])
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}"
    else:
        url = request.getfixturevalue("fresh_postgres_url")
    engine = await open_database(url)
    yield engine
    await engine.dispose()


async def test_diamonds_jewellery_and_melee_share_a_cart_in_the_order_added(
    engine: AsyncEngine,
) -> None:
    carts = SqlCarts(engine)
    assert await carts.add(PRIYA, STONE)
    assert await carts.add(PRIYA, RING)
    assert await carts.put(PRIYA, MELEE)
    assert await carts.items(PRIYA) == [STONE, RING, MELEE]


async def test_a_melee_parcel_asked_for_again_takes_the_new_quantity(engine: AsyncEngine) -> None:
    carts = SqlCarts(engine)
    await carts.put(PRIYA, MELEE)
    more = CartItem(ItemKind.MELEE, "M-1", "Melee +6.5 -7 EF VVS, 15 ct", 142_500, 15.0)
    assert await carts.put(PRIYA, more) is False
    assert await carts.items(PRIYA) == [more]


async def test_remove_takes_out_the_item_at_its_shown_position(engine: AsyncEngine) -> None:
    carts = SqlCarts(engine)
    for item in (STONE, RING):
        await carts.add(PRIYA, item)
    await carts.put(PRIYA, MELEE)
    assert await carts.remove(PRIYA, 2) == RING
    assert await carts.remove(PRIYA, 3) is None
    assert await carts.remove(PRIYA, 0) is None
    assert await carts.items(PRIYA) == [STONE, MELEE]
    await carts.clear(PRIYA)
    assert await carts.items(PRIYA) == []


async def test_a_checkout_keeps_the_cart_behind_an_unguessable_token_once_per_message(
    engine: AsyncEngine,
) -> None:
    checkouts = SqlCheckouts(engine)
    first = await checkouts.start(PRIYA, [STONE, MELEE], "SM1")
    assert first.total_inr == 190_000
    assert len(first.token) >= 32
    assert await checkouts.start(PRIYA, [STONE, MELEE], "SM1") == first  # a redelivery
    other = await checkouts.start(PRIYA, [STONE], "SM2")
    assert other.token != first.token
    assert await checkouts.find(first.token) == first
    assert await checkouts.find("guess") is None
