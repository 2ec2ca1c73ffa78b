"""The staff console end to end, on both deployments: customers chat through the signed
webhook, staff work in the console over HTTP, and replies go out through the real REST
sender to a fake Twilio server."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update

from browser.console_site import add_staff, console_settings, log_in, page_token
from elgbot.bootstrap import Runtime
from elgbot.channels.twilio_signature import sign
from elgbot.commerce.orders import Order, OrderStatus
from elgbot.conversation.inbound import Media
from elgbot.storage.schema import customer_activity, handoff_messages, quotes
from fakes import twilio_server
from fakes.twilio_server import FakeTwilio
from support_runtime import (
    deployment,
    eventually,
    outbox_rows,
    runtime_with_catalog,
    serving,
)
from whatsapp_chat import AUTH_TOKEN, CUSTOMER, Chat, client_for

fake_twilio = twilio_server.fake_twilio
PHONE = CUSTOMER.removeprefix("whatsapp:")
TWO_DAYS = 2 * 86400.0


@pytest.fixture(params=["embedded", "scaled"])
async def runtime(
    request: pytest.FixtureRequest, tmp_path: Path, fake_twilio: FakeTwilio
) -> AsyncIterator[Runtime]:
    settings = console_settings(tmp_path, fake_twilio, **deployment(request))
    async with runtime_with_catalog(settings) as opened:
        await add_staff(opened)
        yield opened


@pytest.fixture
async def chat(runtime: Runtime) -> AsyncIterator[Chat]:
    async with client_for(runtime) as client:
        yield Chat(client)


@pytest.fixture
async def staff(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(runtime) as client:
        assert (await log_in(client)).status_code == 303
        yield client


async def open_handoff(chat: Chat) -> None:
    await chat.say("hi")
    await chat.say("talk to someone")
    await chat.say("my ring size is 12")


async def handoff_id(staff: httpx.AsyncClient) -> int:
    page = await staff.get("/console/handoffs")
    found = re.search(r'href="/console/handoffs/(\d+)"', page.text)
    assert found, page.text
    return int(found.group(1))


async def age_the_customer(runtime: Runtime, seconds: float) -> None:
    """Pretend the customer's messages were all written `seconds` earlier."""
    await runtime.service.funnel.flush()  # activity is written behind the turns
    async with runtime.engine.begin() as conn:
        for table, column in (
            (handoff_messages, handoff_messages.c.created_at),
            (customer_activity, customer_activity.c.last_message_at),
            (quotes, quotes.c.created_at),
        ):
            await conn.execute(update(table).values({column.key: column - seconds}))


async def test_staff_read_a_handoff_with_the_conversation_and_the_full_number(
    chat: Chat, staff: httpx.AsyncClient
) -> None:
    await open_handoff(chat)
    inbox = await staff.get("/console/handoffs")
    assert PHONE in inbox.text
    assert "my ring size is 12" in inbox.text
    thread = await staff.get(f"/console/handoffs/{await handoff_id(staff)}")
    assert "talk to someone" in thread.text
    assert "Send reply" in thread.text
    assert "replies-undeliverable" not in thread.text  # REST settings are complete here


async def test_a_staff_reply_reaches_the_customer_and_shows_its_delivery_status(
    runtime: Runtime, chat: Chat, staff: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    await open_handoff(chat)
    number = await handoff_id(staff)
    token = await page_token(staff, f"/console/handoffs/{number}")
    form = {"text": "Hello! Size 12 is fine.", "csrf_token": token}
    sent = await staff.post(f"/console/handoffs/{number}/reply", data=form)
    assert sent.status_code == 303
    await eventually(lambda: any(r.body == form["text"] for r in fake_twilio.requests))
    [request] = [r for r in fake_twilio.requests if r.body == form["text"]]
    assert request.to == CUSTOMER
    thread = await staff.get(f"/console/handoffs/{number}")
    assert "Hello! Size 12 is fine." in thread.text
    assert re.search(r'class="delivery">(sent|waiting)<', thread.text)

    await twilio_calls_back(chat.client, await sent_sid(runtime), "read")
    assert 'class="delivery">read<' in (await staff.get(f"/console/handoffs/{number}")).text


async def sent_sid(runtime: Runtime) -> str:
    """The Message SID Twilio gave the last reply sent through the outbox."""
    [*_, row] = await outbox_rows(runtime)
    return str(json.loads(row.result)[-1]["sid"])


async def twilio_calls_back(client: httpx.AsyncClient, sid: str, status: str) -> None:
    params = [("MessageSid", sid), ("MessageStatus", status)]
    signature = sign(AUTH_TOKEN, "http://testserver/whatsapp/status", params)
    response = await client.post(
        "/whatsapp/status", data=dict(params), headers={"X-Twilio-Signature": signature}
    )
    assert response.status_code == 200


async def test_a_reply_without_the_csrf_token_is_not_sent(
    chat: Chat, staff: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    await open_handoff(chat)
    number = await handoff_id(staff)
    before = len(fake_twilio.requests)
    response = await staff.post(f"/console/handoffs/{number}/reply", data={"text": "hi"})
    assert response.status_code == 403
    assert len(fake_twilio.requests) == before


async def test_after_24_hours_of_silence_free_form_replies_are_blocked_with_a_reason(
    runtime: Runtime, chat: Chat, staff: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    await open_handoff(chat)
    await age_the_customer(runtime, TWO_DAYS)
    number = await handoff_id(staff)
    page = await staff.get(f"/console/handoffs/{number}")
    assert 'id="window-closed"' in page.text
    assert "Send reply" not in page.text
    before = len(fake_twilio.requests)
    form = {"text": "Are you there?", "csrf_token": await page_token(staff)}
    refused = await staff.post(f"/console/handoffs/{number}/reply", data=form)
    assert refused.status_code == 409
    assert "more than 24 hours ago" in refused.text
    assert len(fake_twilio.requests) == before


async def test_closing_a_handoff_gives_the_customer_back_to_the_bot(
    runtime: Runtime, chat: Chat, staff: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    await open_handoff(chat)
    number = await handoff_id(staff)
    closed = await staff.post(
        f"/console/handoffs/{number}/close", data={"csrf_token": await page_token(staff)}
    )
    assert closed.status_code == 303
    assert await runtime.staff.open_handoffs() == []
    await eventually(lambda: any(r.to == CUSTOMER for r in fake_twilio.requests))
    assert "Nobody is waiting for a person." in (await staff.get("/console/handoffs")).text
    again = await staff.post(
        f"/console/handoffs/{number}/close", data={"csrf_token": await page_token(staff)}
    )
    assert again.status_code == 404


async def ask_for_a_quote(chat: Chat) -> None:
    for text in ("Hi", "1", "Emerald, 3ct, D, FL, Ideal, ₹2,00,000", "Quote"):
        await chat.say(text)


async def test_staff_see_quote_requests_reply_and_change_their_state(
    chat: Chat, staff: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    await ask_for_a_quote(chat)
    page = await staff.get("/console/quotes?state=new")
    assert PHONE in page.text
    assert "Emerald, 3ct, D, FL, Ideal, ₹2,00,000" in page.text
    assert "shape emerald" in page.text
    number = int(re.search(r'id="quote-(\d+)"', page.text).group(1))  # type: ignore[union-attr]
    form = {"text": "₹1,85,000 for an emerald 3ct D FL.", "csrf_token": await page_token(staff)}
    assert (await staff.post(f"/console/quotes/{number}/reply", data=form)).status_code == 303
    await eventually(lambda: any(r.body == form["text"] for r in fake_twilio.requests))
    assert "No quote requests here." in (await staff.get("/console/quotes?state=new")).text
    assert form["text"] in (await staff.get("/console/quotes?state=quoted")).text
    closing = {"state": "closed", "csrf_token": await page_token(staff)}
    assert (await staff.post(f"/console/quotes/{number}/state", data=closing)).status_code == 303
    assert PHONE in (await staff.get("/console/quotes?state=closed")).text


async def test_a_quote_reply_after_the_window_closed_is_refused(
    runtime: Runtime, chat: Chat, staff: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    await ask_for_a_quote(chat)
    await age_the_customer(runtime, TWO_DAYS)
    page = await staff.get("/console/quotes")
    number = int(re.search(r'id="quote-(\d+)"', page.text).group(1))  # type: ignore[union-attr]
    before = len(fake_twilio.requests)
    form = {"text": "Still interested?", "csrf_token": await page_token(staff)}
    assert (await staff.post(f"/console/quotes/{number}/reply", data=form)).status_code == 409
    assert len(fake_twilio.requests) == before


async def test_the_overview_counts_handoffs_quotes_conversations_and_the_funnel(
    runtime: Runtime, staff: httpx.AsyncClient
) -> None:
    async with client_for(runtime) as client:
        buyer = Chat(client, phone="whatsapp:+919800000002")
        for text in ("hi", "1", "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000", "add to cart 1"):
            await buyer.say(text)
        await buyer.say("checkout")
        await ask_for_a_quote(Chat(client, phone="whatsapp:+919800000003"))
        await open_handoff(Chat(client))
    page = await staff.get("/console?days=1")
    assert re.search(r'id="open-handoffs">1<', page.text)
    assert re.search(r'id="new-quotes">1<', page.text)
    assert re.search(r'id="conversations-today">3<', page.text)
    rows = re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td>", page.text)
    assert rows == [
        ("Menu", "3"),
        ("Spec sent", "2"),
        ("Results shown", "1"),
        ("Added to cart", "1"),
        ("Checkout 1 / quote 1", "2"),
    ]
    assert "<svg" in page.text


async def test_carts_and_orders_are_found_by_phone_or_order_id(
    runtime: Runtime, chat: Chat, staff: httpx.AsyncClient
) -> None:
    for text in ("hi", "1", "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000", "add to cart 1"):
        await chat.say(text)
    today = date.today()
    await runtime.stores.orders.put(
        [
            Order("ELG-10234", PHONE, OrderStatus.SHIPPED, ("Round 1.5ct ring",), today),
            Order("ELG-20001", "+919800000009", OrderStatus.PLACED, ("Studs",), today),
        ]
    )
    carts = await staff.get("/console/carts", params={"q": "98123 45678"})
    assert "Round 1.5ct D VS1 Ideal" in carts.text
    assert "₹95,000" in carts.text
    assert "No carts found." in (await staff.get("/console/carts?q=9800000009")).text
    by_id = await staff.get("/console/orders", params={"q": "elg10234"})
    assert "ELG-10234" in by_id.text
    assert "ELG-20001" not in by_id.text
    by_phone = await staff.get("/console/orders", params={"q": "+91 98000 00009"})
    assert "ELG-20001" in by_phone.text
    assert "ELG-10234" not in by_phone.text


async def test_without_rest_settings_the_log_and_every_console_page_say_replies_fail(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = console_settings(tmp_path, None, twilio_auth_token=AUTH_TOKEN)
    async with runtime_with_catalog(settings) as runtime:
        await add_staff(runtime)
        with caplog.at_level(logging.WARNING, logger="elgbot.app"):
            async with serving(runtime):
                pass
        async with client_for(runtime) as client, client_for(runtime) as console:
            await open_handoff(Chat(client))
            assert (await log_in(console)).status_code == 303
            number = await handoff_id(console)
            page = await console.get(f"/console/handoffs/{number}")
            token = await page_token(console, f"/console/handoffs/{number}")
            await console.post(
                f"/console/handoffs/{number}/reply", data={"text": "Hi!", "csrf_token": token}
            )
            after = await console.get(f"/console/handoffs/{number}")
            overview = await console.get("/console")

    [warning] = [r.getMessage() for r in caplog.records if r.name == "elgbot.app"]
    assert "CANNOT be delivered" in warning
    assert "TWILIO_ACCOUNT_SID, TWILIO_WHATSAPP_FROM" in warning
    for shown in (page, overview):
        banner = re.search(r'id="replies-undeliverable"[^>]*>(.*?)</p>', shown.text, re.S)
        assert banner, shown.text
        assert "TWILIO_ACCOUNT_SID, TWILIO_WHATSAPP_FROM not set" in banner.group(1)
    assert re.search(r'class="delivery">failed: Twilio REST API not configured', after.text)


PHOTO_URL = "https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME1?a=1&b=2"


def photo(url: str = PHOTO_URL, content_type: str = "image/jpeg") -> dict[str, str]:
    return {
        "NumMedia": "1",
        "MediaUrl0": url,
        "MediaContentType0": content_type,
        "MessageType": "image",
    }


async def test_photos_sent_during_a_handoff_reach_staff_as_links(
    chat: Chat, staff: httpx.AsyncClient
) -> None:
    await open_handoff(chat)
    await chat.say("", **photo())
    await chat.say("like this one", **photo(PHOTO_URL.replace("ME1", "ME2"), "image/png"))

    page = (await staff.get(f"/console/handoffs/{await handoff_id(staff)}")).text

    links = re.findall(
        r'<a href="([^"]+)" target="_blank" rel="noopener noreferrer">([^<]+)</a>', page
    )
    assert links == [
        (PHOTO_URL.replace("&", "&amp;"), "Open attachment 1 (image/jpeg)"),
        (PHOTO_URL.replace("ME1", "ME2").replace("&", "&amp;"), "Open attachment 1 (image/png)"),
    ]
    assert "[media message]" in page
    assert "like this one" in page


async def test_a_location_shared_during_a_handoff_reaches_staff_as_a_map_link(
    chat: Chat, staff: httpx.AsyncClient
) -> None:
    await open_handoff(chat)
    shared = {"Latitude": "19.07", "Longitude": "72.87", "Address": "Bandra, Mumbai"}
    await chat.say("", MessageType="location", **shared)
    page = (await staff.get(f"/console/handoffs/{await handoff_id(staff)}")).text
    assert "[location message]" in page
    assert (
        '<a href="https://maps.google.com/?q=19.070000,72.870000" target="_blank"'
        ' rel="noopener noreferrer">Open attachment 1 (location: Bandra, Mumbai)</a>'
    ) in page


async def test_an_attachment_is_linked_only_over_http_and_always_escaped(
    runtime: Runtime, chat: Chat, staff: httpx.AsyncClient
) -> None:
    await open_handoff(chat)
    hostile = [
        Media("javascript:alert(1)", "image/jpeg"),
        Media('https://x.example/"><script>alert(1)</script>', "<b>image</b>"),
    ]
    await runtime.support.handoffs.record(PHONE, CUSTOMER, "look", "SM-hostile", hostile)

    page = (await staff.get(f"/console/handoffs/{await handoff_id(staff)}")).text

    assert "javascript:" not in page
    assert "<script>alert(1)" not in page
    assert "<b>image</b>" not in page
    assert 'href="https://x.example/&#34;&gt;&lt;script&gt;' in page
