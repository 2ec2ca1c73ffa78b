"""Handing over to a person end to end: the bot goes silent and stores everything for
staff, staff reply and close through the service functions (sent by the REST API, a fake
Twilio server), the customer can go back to the bot, and nobody waits unanswered forever."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from elgbot.bootstrap import Runtime
from elgbot.channels.twilio_signature import sign
from elgbot.channels.twiml import EMPTY_TWIML
from elgbot.conversation.copy import Copy
from elgbot.support.handoffs import Author, Handoff, HandoffState
from elgbot.support.outbox import OutboxState
from elgbot.support.staff import HandoffNotOpen
from fakes import gemini_server, twilio_server
from fakes.gemini_server import FakeGemini
from fakes.twilio_server import FakeTwilio
from support_runtime import deployment, eventually, runtime_with_catalog, support_settings
from whatsapp_chat import AUTH_TOKEN, CUSTOMER, WEBHOOK_URL, Chat, client_for, messages

fake_gemini = gemini_server.fake_gemini
fake_twilio = twilio_server.fake_twilio


@pytest.fixture(params=["embedded", "scaled"])
async def runtime(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    fake_gemini: FakeGemini,
    fake_twilio: FakeTwilio,
) -> AsyncIterator[Runtime]:
    settings = support_settings(
        tmp_path,
        fake_gemini,
        fake_twilio,
        assistant_budget_seconds=10.0,
        handoff_timeout_minutes=1e-6,  # every handoff is "unanswered too long" at once
        **deployment(request),
    )
    async with runtime_with_catalog(settings) as opened:
        yield opened


@pytest.fixture
async def chat(runtime: Runtime) -> AsyncIterator[Chat]:
    async with client_for(runtime) as client:
        yield Chat(client)


def copy_of(runtime: Runtime) -> Copy:
    return runtime.service.conversation.copy


async def the_open_handoff(runtime: Runtime) -> Handoff:
    [handoff] = await runtime.staff.open_handoffs()
    return handoff


async def test_during_a_handoff_the_bot_is_silent_and_staff_see_everything(
    runtime: Runtime, chat: Chat, fake_gemini: FakeGemini
) -> None:
    await chat.say("5")
    await chat.say("Do you give certificates?")
    asked = len(fake_gemini.requests)
    assert messages(await chat.say("talk to someone")) == [copy_of(runtime).handoff_opened]
    for text in ("hello?", "what are your hours?", "hi", "1"):
        assert await chat.say(text) == EMPTY_TWIML

    assert len(fake_gemini.requests) == asked  # no model while a person has the chat
    handoff = await the_open_handoff(runtime)
    assert handoff.customer == "+919812345678"
    assert handoff.transcript[0] == (Author.CUSTOMER, "Do you give certificates?")
    assert [m.text for m in handoff.messages] == [
        "talk to someone",
        "hello?",
        "what are your hours?",
        "hi",
        "1",
    ]


async def test_a_staff_reply_reaches_the_customer_and_is_kept_with_the_handoff(
    runtime: Runtime, chat: Chat, fake_twilio: FakeTwilio
) -> None:
    await chat.say("agent")
    handoff = await the_open_handoff(runtime)

    reply = await runtime.staff.reply(handoff.id, "Hello! I am Asha from ELG. How can I help?")

    assert reply.state is OutboxState.SENT
    [sent] = fake_twilio.requests
    assert (sent.to, sent.body) == (CUSTOMER, "Hello! I am Asha from ELG. How can I help?")
    handoff = await the_open_handoff(runtime)
    assert (handoff.messages[-1].author, handoff.messages[-1].outbox_id) == (
        Author.STAFF,
        reply.outbox_id,
    )


async def test_a_staff_reply_that_twilio_refuses_is_reported_not_lost(
    runtime: Runtime, chat: Chat, fake_twilio: FakeTwilio
) -> None:
    await chat.say("agent")
    handoff = await the_open_handoff(runtime)
    fake_twilio.script(400)
    reply = await runtime.staff.reply(handoff.id, "Hello!")
    assert reply.state is OutboxState.FAILED
    assert reply.error is not None
    assert "21211" in reply.error


async def test_staff_closing_the_handoff_tells_the_customer_and_the_bot_resumes(
    runtime: Runtime, chat: Chat, fake_twilio: FakeTwilio
) -> None:
    await chat.say("agent")
    handoff = await the_open_handoff(runtime)

    await runtime.staff.close(handoff.id)

    await eventually(lambda: len(fake_twilio.requests) == 1)
    assert fake_twilio.requests[0].body == copy_of(runtime).handoff_closed
    assert await runtime.staff.open_handoffs() == []
    assert messages(await chat.say("1")) == [copy_of(runtime).diamond_question]
    with pytest.raises(HandoffNotOpen):
        await runtime.staff.reply(handoff.id, "still there?")


async def test_menu_ends_the_handoff_and_the_bot_says_so(runtime: Runtime, chat: Chat) -> None:
    await chat.say("agent")
    handoff = await the_open_handoff(runtime)
    copy = copy_of(runtime)

    assert messages(await chat.say("menu")) == [copy.handoff_ended, copy.main_menu]

    closed = await runtime.support.handoffs.get(handoff.id)
    assert closed is not None
    assert (closed.state, closed.closed_by) == (HandoffState.CLOSED, Author.CUSTOMER)
    assert messages(await chat.say("1")) == [copy.diamond_question]


async def test_after_bot_the_team_sees_nothing_new_until_the_customer_asks_again(
    runtime: Runtime, chat: Chat
) -> None:
    await chat.say("agent")
    first = await the_open_handoff(runtime)
    copy = copy_of(runtime)

    [ended, _] = messages(await chat.say("bot"))
    assert ended == copy.handoff_ended
    assert "*agent*" in ended  # it tells the customer how to reach the team again
    await chat.say("are you still there?")
    assert await runtime.staff.open_handoffs() == []  # the console lists open handoffs only
    closed = await runtime.support.handoffs.get(first.id)
    assert closed is not None
    assert "are you still there?" not in [m.text for m in closed.messages]

    await chat.say("agent")
    again = await the_open_handoff(runtime)
    assert again.id != first.id


async def test_an_unanswered_handoff_gets_a_note_with_other_ways_to_reach_the_store(
    runtime: Runtime, chat: Chat, fake_twilio: FakeTwilio
) -> None:
    await chat.say("agent")

    assert await runtime.staff.remind_unanswered() == 1
    assert await runtime.staff.remind_unanswered() == 0  # once per handoff

    await eventually(lambda: len(fake_twilio.requests) == 1)
    note = fake_twilio.requests[0].body or ""
    assert note == copy_of(runtime).handoff_unanswered
    assert runtime.support.facts.contact in note
    assert (await the_open_handoff(runtime)).state is HandoffState.OPEN


async def test_a_handoff_staff_have_answered_gets_no_note(runtime: Runtime, chat: Chat) -> None:
    await chat.say("agent")
    await runtime.staff.reply((await the_open_handoff(runtime)).id, "On it!")
    assert await runtime.staff.remind_unanswered() == 0


OUTSIDE_WINDOW = {"code": 63016, "message": "Failed to send freeform message", "status": 400}


async def test_a_staff_reply_twilio_refused_does_not_count_and_the_note_still_goes(
    runtime: Runtime, chat: Chat, fake_twilio: FakeTwilio
) -> None:
    await chat.say("human please")
    handoff = await the_open_handoff(runtime)
    fake_twilio.script(400, body=OUTSIDE_WINDOW)

    reply = await runtime.staff.reply(handoff.id, "Hello!")

    assert (reply.state, "63016" in (reply.error or "")) == (OutboxState.FAILED, True)
    assert (await the_open_handoff(runtime)).staff_replied_at is None
    assert await runtime.staff.remind_unanswered() == 1
    await eventually(lambda: len(fake_twilio.requests) == 2)
    assert fake_twilio.requests[-1].body == copy_of(runtime).handoff_unanswered


async def test_a_delivered_reply_after_a_refused_one_stops_the_note(
    runtime: Runtime, chat: Chat, fake_twilio: FakeTwilio
) -> None:
    await chat.say("human please")
    handoff = await the_open_handoff(runtime)
    fake_twilio.script(400, body=OUTSIDE_WINDOW)
    await runtime.staff.reply(handoff.id, "Hello!")

    reply = await runtime.staff.reply(handoff.id, "Hello again!")

    assert reply.state is OutboxState.SENT
    assert (await the_open_handoff(runtime)).staff_replied_at is not None
    assert await runtime.staff.remind_unanswered() == 0


async def test_a_staff_reply_sent_later_by_the_courier_counts_once_it_is_delivered(
    runtime: Runtime, chat: Chat, fake_twilio: FakeTwilio
) -> None:
    await chat.say("agent")
    handoff = await the_open_handoff(runtime)
    outbox = runtime.support.outbox
    earlier = await outbox.add_ready(handoff.customer, handoff.address, "SM-earlier", ["Hi"])
    assert await outbox.take(earlier, OutboxState.READY, "another-worker", 60.0)

    reply = await runtime.staff.reply(handoff.id, "On it!")  # waits behind the earlier row

    assert reply.state is OutboxState.READY
    assert (await the_open_handoff(runtime)).staff_replied_at is None
    await outbox.release("another-worker")  # that worker stopped: this one sends both
    runtime.support.courier.kick(handoff.customer)
    await eventually(lambda: len(fake_twilio.requests) == 2)
    await runtime.support.tasks.settle()
    assert (await the_open_handoff(runtime)).staff_replied_at is not None
    assert await runtime.staff.remind_unanswered() == 0


@pytest.mark.parametrize(
    "text",
    [
        "no need to call me, just send details",
        "my husband will call me later about it",
        "is this a real person or a bot?",
    ],
)
async def test_words_about_calls_or_the_bot_do_not_silence_it(
    runtime: Runtime, chat: Chat, text: str
) -> None:
    assert messages(await chat.say(text)) != [copy_of(runtime).handoff_opened]
    assert await runtime.staff.open_handoffs() == []
    assert messages(await chat.say("1")) == [copy_of(runtime).diamond_question]


@pytest.mark.parametrize("text", ["can I speak to a manager", "connect me with sales team"])
async def test_asking_for_a_manager_or_sales_opens_a_handoff(
    runtime: Runtime, chat: Chat, text: str
) -> None:
    assert messages(await chat.say(text)) == [copy_of(runtime).handoff_opened]
    assert [m.text for m in (await the_open_handoff(runtime)).messages] == [text]


async def report_status(chat: Chat, sid: str, status: str, error_code: str = "") -> None:
    """Twilio's status callback for `sid`, signed as Twilio signs it."""
    params = [("MessageSid", sid), ("MessageStatus", status), ("AccountSid", "AC" + "0" * 32)]
    if error_code:
        params.append(("ErrorCode", error_code))
    url = WEBHOOK_URL + "/status"
    headers = {"X-Twilio-Signature": sign(AUTH_TOKEN, url, params)}
    response = await chat.client.post("/whatsapp/status", data=dict(params), headers=headers)
    assert response.status_code == 200


async def test_a_staff_reply_accepted_then_reported_failed_does_not_count_and_the_note_goes(
    runtime: Runtime, chat: Chat, fake_twilio: FakeTwilio
) -> None:
    await chat.say("human please")
    handoff = await the_open_handoff(runtime)
    reply = await runtime.staff.reply(handoff.id, "Hello!")  # 201: accepted
    assert reply.state is OutboxState.SENT
    [sent] = fake_twilio.requests

    await report_status(chat, await sent_sid(runtime, reply.outbox_id), "failed", "63016")

    assert (await the_open_handoff(runtime)).staff_replied_at is None
    assert await runtime.staff.remind_unanswered() == 1
    await eventually(lambda: len(fake_twilio.requests) == 2)
    assert fake_twilio.requests[-1].body == copy_of(runtime).handoff_unanswered
    assert sent.body == "Hello!"


async def test_a_reply_reported_failed_after_another_got_through_leaves_it_answered(
    runtime: Runtime, chat: Chat
) -> None:
    await chat.say("human please")
    handoff = await the_open_handoff(runtime)
    first = await runtime.staff.reply(handoff.id, "Hello!")
    second = await runtime.staff.reply(handoff.id, "Hello again!")
    await report_status(chat, await sent_sid(runtime, second.outbox_id), "delivered")

    await report_status(chat, await sent_sid(runtime, first.outbox_id), "undelivered", "63016")

    assert (await the_open_handoff(runtime)).staff_replied_at is not None
    assert await runtime.staff.remind_unanswered() == 0


async def test_a_failure_report_of_a_bot_reply_changes_no_handoff(
    runtime: Runtime, chat: Chat
) -> None:
    await chat.say("human please")
    handoff = await the_open_handoff(runtime)
    await runtime.staff.reply(handoff.id, "Hello!")
    await report_status(chat, "SM" + "9" * 32, "failed", "63016")  # not a staff reply
    assert (await the_open_handoff(runtime)).staff_replied_at is not None


async def sent_sid(runtime: Runtime, outbox_id: int) -> str:
    """The sid Twilio gave the (last part of the) reply sent by `outbox_id`."""
    row = await runtime.support.outbox.get(outbox_id)
    assert row is not None
    return str(row.results[-1]["sid"])
