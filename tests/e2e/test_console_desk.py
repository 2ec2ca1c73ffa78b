"""The staff console end to end, on both deployments: customers chat through the signed
webhook, staff work in the console over HTTP, and replies go out through the real REST
sender to a fake Twilio server."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update

from browser.console_site import add_staff, console_settings, log_in, page_token, reply_form
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
    path, action = f"/console/handoffs/{number}", f"/console/handoffs/{number}/reply"
    form = await reply_form(staff, path, action, "Hello! Size 12 is fine.")
    sent = await staff.post(action, data=form)
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


async def test_after_24_hours_of_silence_a_reply_is_refused_and_kept_on_the_page_unsent(
    runtime: Runtime, chat: Chat, staff: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    await open_handoff(chat)
    number = await handoff_id(staff)
    path, action = f"/console/handoffs/{number}", f"/console/handoffs/{number}/reply"
    form = await reply_form(staff, path, action, "Are you there? <Size 12> is fine.")
    await age_the_customer(runtime, TWO_DAYS)  # the form was open while the window closed
    page = await staff.get(path)
    assert 'id="window-closed"' in page.text
    assert "Send reply" not in page.text
    before = len(fake_twilio.requests)

    refused = await staff.post(action, data=form)

    assert refused.status_code == 409
    assert "Your reply was NOT sent" in refused.text
    assert "more than 24 hours ago" in refused.text
    assert "as soon as they write again" not in refused.text  # nothing is queued for later
    kept = re.search(r'id="unsent".*?<textarea readonly>(.*?)</textarea>', refused.text, re.S)
    assert kept
    assert kept.group(1) == "Are you there? &lt;Size 12&gt; is fine."
    await chat.say("hello again")  # the customer writes again: still nothing goes out
    await runtime.support.courier.drain(PHONE)
    assert len(fake_twilio.requests) == before
    assert "Are you there?" not in (await staff.get(path)).text


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
    assert again.status_code == 409
    assert "This handoff was closed already." in again.text
    assert "staff closed it and the bot took over" in again.text


async def quote_number(staff: httpx.AsyncClient) -> int:
    page = await staff.get("/console/quotes")
    found = re.search(r'id="quote-(\d+)"', page.text)
    assert found, page.text
    return int(found.group(1))


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
    number = await quote_number(staff)
    action = f"/console/quotes/{number}/reply"
    form = await reply_form(staff, "/console/quotes", action, "₹1,85,000 for an emerald 3ct D FL.")
    assert (await staff.post(action, data=form)).status_code == 303
    await eventually(lambda: any(r.body == form["text"] for r in fake_twilio.requests))
    assert "No quote requests here." in (await staff.get("/console/quotes?state=new")).text
    assert form["text"] in (await staff.get("/console/quotes?state=quoted")).text
    closing = {"state": "closed", "csrf_token": await page_token(staff)}
    assert (await staff.post(f"/console/quotes/{number}/state", data=closing)).status_code == 303
    assert PHONE in (await staff.get("/console/quotes?state=closed")).text


async def test_a_quote_reply_after_the_window_closed_is_refused_and_kept_unsent(
    runtime: Runtime, chat: Chat, staff: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    await ask_for_a_quote(chat)
    number = await quote_number(staff)
    action = f"/console/quotes/{number}/reply"
    form = await reply_form(staff, "/console/quotes", action, "Still interested?")
    await age_the_customer(runtime, TWO_DAYS)
    before = len(fake_twilio.requests)

    refused = await staff.post(action, data=form)

    assert refused.status_code == 409
    assert "Your reply was NOT sent" in refused.text
    assert re.search(
        r'id="unsent".*?<textarea readonly>Still interested\?</textarea>', refused.text, re.S
    )
    assert len(fake_twilio.requests) == before
    assert "— asha" not in (await staff.get("/console/quotes")).text  # not stored as a reply


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
            action = f"/console/handoffs/{number}/reply"
            form = await reply_form(console, f"/console/handoffs/{number}", action, "Hi!")
            await console.post(action, data=form)
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


def sent_bodies(fake_twilio: FakeTwilio, body: str) -> int:
    return sum(1 for r in fake_twilio.requests if r.body == body)


async def test_a_reply_form_submitted_twice_sends_once_and_shows_the_same_page(
    runtime: Runtime, chat: Chat, staff: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    await open_handoff(chat)
    number = await handoff_id(staff)
    path, action = f"/console/handoffs/{number}", f"/console/handoffs/{number}/reply"
    form = await reply_form(staff, path, action, "We have size 12.")
    assert 'class="once"' in (await staff.get(path)).text  # the button disables itself

    first = await staff.post(action, data=form)
    second = await staff.post(action, data=form)  # the browser resends the same form

    assert (first.status_code, second.status_code) == (303, 303)
    assert first.headers["location"] == second.headers["location"] == path
    await eventually(lambda: sent_bodies(fake_twilio, "We have size 12.") == 1)
    await runtime.support.courier.drain(PHONE)
    assert sent_bodies(fake_twilio, "We have size 12.") == 1
    assert (await staff.get(path)).text.count("We have size 12.") == 1
    again = await reply_form(staff, path, action, "We have size 12.")
    assert again["submission_key"] != form["submission_key"]  # a new form sends anew
    assert (await staff.post(action, data=again)).status_code == 303
    await eventually(lambda: sent_bodies(fake_twilio, "We have size 12.") == 2)


async def test_two_clicks_at_once_on_a_reply_send_it_once(
    runtime: Runtime, chat: Chat, staff: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    await open_handoff(chat)
    number = await handoff_id(staff)
    path, action = f"/console/handoffs/{number}", f"/console/handoffs/{number}/reply"
    form = await reply_form(staff, path, action, "Checking now.")

    answers = await asyncio.gather(*(staff.post(action, data=form) for _ in range(3)))

    assert [a.status_code for a in answers] == [303, 303, 303]
    await runtime.support.courier.drain(PHONE)
    await eventually(lambda: sent_bodies(fake_twilio, "Checking now.") >= 1)
    assert sent_bodies(fake_twilio, "Checking now.") == 1
    [handoff] = await runtime.staff.open_handoffs()
    assert [m.text for m in handoff.messages].count("Checking now.") == 1


async def test_a_quote_reply_submitted_twice_sends_once(
    runtime: Runtime, chat: Chat, staff: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    await ask_for_a_quote(chat)
    number = await quote_number(staff)
    action = f"/console/quotes/{number}/reply"
    form = await reply_form(staff, "/console/quotes", action, "₹1,80,000.")

    answers = [await staff.post(action, data=form), await staff.post(action, data=form)]
    answers += await asyncio.gather(*(staff.post(action, data=form) for _ in range(2)))

    assert {a.status_code for a in answers} == {303}
    assert {a.headers["location"] for a in answers} == {f"/console/quotes#quote-{number}"}
    await runtime.support.courier.drain(PHONE)
    await eventually(lambda: sent_bodies(fake_twilio, "₹1,80,000.") >= 1)
    assert sent_bodies(fake_twilio, "₹1,80,000.") == 1
    assert (await staff.get("/console/quotes")).text.count("₹1,80,000.") == 1


async def test_a_reply_without_its_form_key_is_refused_on_a_console_page(
    chat: Chat, staff: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    await open_handoff(chat)
    number = await handoff_id(staff)
    before = len(fake_twilio.requests)
    form = {"text": "hi", "csrf_token": await page_token(staff)}
    refused = await staff.post(f"/console/handoffs/{number}/reply", data=form)
    assert refused.status_code == 400
    assert 'id="console-error"' in refused.text
    assert "submission_key" in refused.text
    assert len(fake_twilio.requests) == before


async def test_when_the_customer_goes_back_to_the_bot_a_reply_is_kept_on_a_console_page(
    runtime: Runtime, chat: Chat, staff: httpx.AsyncClient, fake_twilio: FakeTwilio
) -> None:
    await open_handoff(chat)
    await chat.say("", **photo())
    number = await handoff_id(staff)
    path, action = f"/console/handoffs/{number}", f"/console/handoffs/{number}/reply"
    form = await reply_form(staff, path, action, "Size 12 & a rose gold band?")
    close = {"csrf_token": await page_token(staff)}
    await chat.say("menu")  # while staff are typing
    before = len(fake_twilio.requests)

    refused = await staff.post(action, data=form)

    assert refused.status_code == 409
    assert refused.headers["content-type"].startswith("text/html")
    assert "Your reply was NOT sent" in refused.text
    assert "the customer went back to the bot" in refused.text
    kept = re.search(r'id="unsent".*?<textarea readonly>(.*?)</textarea>', refused.text, re.S)
    assert kept
    assert kept.group(1) == "Size 12 &amp; a rose gold band?"
    assert "Send reply" not in refused.text
    assert "my ring size is 12" in refused.text  # the thread is still there to read
    closing = await staff.post(f"/console/handoffs/{number}/close", data=close)
    assert closing.status_code == 409
    assert "the customer went back to the bot" in closing.text
    assert len(fake_twilio.requests) == before

    closed = await staff.get("/console/handoffs/closed")
    assert f'href="/console/handoffs/{number}"' in closed.text
    assert "the customer went back to the bot" in closed.text
    read_back = await staff.get(path)
    assert read_back.status_code == 200
    assert "my ring size is 12" in read_back.text
    assert PHOTO_URL.replace("&", "&amp;") in read_back.text
    assert "Close handoff" not in read_back.text


async def test_the_quote_is_read_as_words_without_empty_or_false_fields(
    chat: Chat, staff: httpx.AsyncClient
) -> None:
    for text in ("Hi", "2", "engagement ring in 18k rose gold under 5000", "quote"):
        await chat.say(text)
    await ask_for_a_quote(chat)
    page = (await staff.get("/console/quotes")).text
    read = re.findall(r'class="meta read-as">Read as: (.*?)</p>', page)
    assert "shape emerald; carat 3; colour D; clarity FL; cut ideal; budget up to ₹2,00,000" in read
    assert (
        "request jewelry design; kind ring; material gold; karat 18; metal colour rose; "
        "budget up to ₹5,000; engagement ring" in read
    )
    assert all("[" not in r and "False" not in r and "None" not in r for r in read), read


@pytest.mark.parametrize(
    "path",
    ["/console?days=abc", "/console?days=0", "/console/quotes?state=lost", "/console/handoffs/x"],
)
async def test_bad_values_in_a_console_address_get_a_console_page(
    staff: httpx.AsyncClient, path: str
) -> None:
    page = await staff.get(path)
    assert page.status_code == 400
    assert page.headers["content-type"].startswith("text/html")
    assert 'id="console-error"' in page.text
    assert "Log out" in page.text  # the console's own page, with its header


async def test_an_unknown_handoff_or_quote_gets_a_console_page(staff: httpx.AsyncClient) -> None:
    missing = await staff.get("/console/handoffs/999999")
    assert missing.status_code == 404
    assert "There is no handoff with this number." in missing.text
    form = {"state": "closed", "csrf_token": await page_token(staff)}
    quote = await staff.post("/console/quotes/999999/state", data=form)
    assert quote.status_code == 404
    assert "There is no quote request with this number." in quote.text


async def test_the_console_script_that_disables_send_buttons_is_served(
    staff: httpx.AsyncClient,
) -> None:
    page = await staff.get("/console")
    assert '<script src="/console/static/once.js" defer></script>' in page.text
    script = await staff.get("/console/static/once.js")
    assert script.status_code == 200
    assert "button.disabled = true" in script.text
