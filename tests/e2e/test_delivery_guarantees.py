"""Repeated, concurrent and crashed deliveries: nothing twice, nothing lost."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from elgbot.bootstrap import Runtime, open_runtime
from elgbot.storage.schema import cart_items, quotes
from whatsapp_chat import STONES, Chat, client_for, messages, settings_for

SPEC = "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000"


async def _count(runtime: Runtime, table: object) -> int:
    async with runtime.engine.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(table))).scalar_one())  # type: ignore[arg-type]


async def test_a_repeated_delivery_gets_the_same_reply_and_no_second_effect(
    chat: Chat, runtime: Runtime
) -> None:
    for text in ("Hi", "1", SPEC):
        await chat.say(text)
    first = await chat.say("add to cart 1", sid="SM" + "1" * 32)
    again = await chat.say("add to cart 1", sid="SM" + "1" * 32)
    assert messages(again) == messages(first)
    assert "has been added" in messages(first)[0]
    assert await _count(runtime, cart_items) == 1


async def test_a_message_id_replayed_from_another_number_never_gets_its_replies(
    chat: Chat, client: httpx.AsyncClient
) -> None:
    for text in ("Hi", "1", SPEC):
        await chat.say(text)
    sid = "SM" + "7" * 32
    added = messages(await chat.say("add to cart 1", sid=sid))
    assert "has been added" in added[0]
    other = Chat(client, phone="whatsapp:+919899999911")
    replayed = messages(await other.say("hi", sid=sid))
    assert replayed != added
    assert replayed[0].startswith("Welcome to ELG")


async def test_a_repeated_quote_request_files_one_quote(chat: Chat, runtime: Runtime) -> None:
    for text in ("Hi", "1", "Emerald, 3ct, D, FL, Ideal, ₹2,00,000"):
        await chat.say(text)
    for _ in range(3):
        await chat.say("Yes", sid="SM" + "2" * 32)
    assert await _count(runtime, quotes) == 1


async def test_concurrent_copies_of_one_delivery_take_effect_once(
    chat: Chat, runtime: Runtime
) -> None:
    for text in ("Hi", "1", SPEC):
        await chat.say(text)
    sid = "SM" + "3" * 32
    replies = await asyncio.gather(*(chat.say("add to cart 2", sid=sid) for _ in range(8)))
    assert {tuple(messages(r)) for r in replies} == {tuple(messages(replies[0]))}
    assert await _count(runtime, cart_items) == 1


async def test_one_customers_messages_are_handled_one_at_a_time(
    chat: Chat, runtime: Runtime
) -> None:
    for text in ("Hi", "1", SPEC):
        await chat.say(text)
    await asyncio.gather(*(chat.say(f"add to cart {n}") for n in (1, 2, 3)))
    assert await _count(runtime, cart_items) == 3
    session = await runtime.stores.sessions.load("+919812345678")
    assert session is not None
    assert session["step"] == "diamond_results_shown"


async def test_many_customers_at_once_each_get_their_own_conversation(
    client: httpx.AsyncClient,
) -> None:
    chats = [Chat(client, phone=f"whatsapp:+9198000000{n:02d}") for n in range(20)]
    await asyncio.gather(*(c.say("Hi") for c in chats))
    replies = await asyncio.gather(*(c.say("1") for c in chats))
    assert all("Shape, Carat, Color" in messages(r)[0] for r in replies)


async def test_a_crash_mid_turn_is_answered_politely_and_a_redelivery_is_handled(
    chat: Chat, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    for text in ("Hi", "1"):
        await chat.say(text)

    async def broken(*_args: object) -> object:
        raise RuntimeError("database went away")

    catalog = runtime.stores.catalog
    monkeypatch.setattr(catalog, "candidates", broken)
    sid = "SM" + "4" * 32
    failed = messages(await chat.say(SPEC, sid=sid))
    assert failed == [runtime.service.conversation.copy.turn_failed]
    monkeypatch.undo()
    retried = messages(await chat.say(SPEC, sid=sid))
    assert "Here are some options" in retried[0]


async def test_a_crash_while_finishing_leaves_the_session_as_it_was_for_the_redelivery(
    chat: Chat, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    await chat.say("Hi")
    sessions = runtime.stores.sessions

    async def crashed(*_args: object) -> None:
        raise RuntimeError("worker died before the turn was stored")

    monkeypatch.setattr(sessions, "finish", crashed)
    sid = "SM" + "5" * 32
    assert messages(await chat.say("1", sid=sid)) == [runtime.service.conversation.copy.turn_failed]
    monkeypatch.undo()
    # Handled once, from the main menu: not "1" typed again into the diamond search.
    retried = messages(await chat.say("1", sid=sid))
    await chat.say("menu")
    assert retried == messages(await chat.say("1"))


async def test_sessions_and_carts_survive_a_restart(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    async with open_runtime(settings) as runtime:
        await runtime.stores.catalog.add(STONES)
        async with client_for(runtime) as client:
            chat = Chat(client)
            for text in ("Hi", "1", SPEC, "add to cart 1"):
                await chat.say(text)
    async with open_runtime(settings) as restarted, client_for(restarted) as client:
        chat = Chat(client)
        [reply] = messages(await chat.say("add to cart 2"))  # still looking at the results
        assert "Product 2 has been added" in reply
        [cart] = messages(await chat.say("cart"))
        # The stone added before the restart and the one added after it.
        assert "https://elg.com/diamonds/RD-1" in cart
        assert "https://elg.com/diamonds/RD-2" in cart
        assert "Total: ₹1,93,000" in cart
