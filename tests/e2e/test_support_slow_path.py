"""The slow path end to end: Gemini (a fake server, the real SDK) answering later than the
webhook's budget, the answer sent through Twilio's REST API (a fake server, the real
sender), in order with the customer's other replies, and not lost across a restart.

Budgets are short and model delays a second or so: a "20 s model" is any model slower than
the budget. Nothing asserts how long anything took; the order of events says it all.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy import update

from elgbot import bootstrap
from elgbot.bootstrap import Runtime
from elgbot.channels.twiml import EMPTY_TWIML
from elgbot.conversation.copy import Copy
from elgbot.storage.schema import outbox
from elgbot.support import wiring
from fakes import gemini_server, twilio_server
from fakes.gemini_server import FakeGemini, answer, error
from fakes.twilio_server import FakeTwilio
from support_runtime import (
    deployment,
    eventually,
    outbox_rows,
    runtime_with_catalog,
    serving,
    support_settings,
)
from whatsapp_chat import CUSTOMER, Chat, client_for, messages

fake_gemini = gemini_server.fake_gemini
fake_twilio = twilio_server.fake_twilio
SLOW = 2.0  # seconds the fake model takes when it is "slow"
TIGHT_BUDGET = 0.2  # far below SLOW
ROOMY_BUDGET = 10.0  # far above a fast fake answer
Opened = Callable[..., AbstractAsyncContextManager[tuple[Runtime, Chat]]]


@pytest.fixture(params=["embedded", "scaled"])
def open_app(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    fake_gemini: FakeGemini,
    fake_twilio: FakeTwilio,
) -> Opened:
    where = deployment(request)

    @asynccontextmanager
    async def opened(
        budget: float = TIGHT_BUDGET, with_rest: bool = True, **settings: object
    ) -> AsyncIterator[tuple[Runtime, Chat]]:
        values = support_settings(
            tmp_path,
            fake_gemini,
            fake_twilio if with_rest else None,
            assistant_budget_seconds=budget,
            **where,
            **settings,
        )
        async with runtime_with_catalog(values) as runtime, client_for(runtime) as client:
            yield runtime, Chat(client)

    return opened


def copy_of(runtime: Runtime) -> Copy:
    return runtime.service.conversation.copy


def answered(runtime: Runtime, text: str) -> str:
    return f"{text}\n\n{copy_of(runtime).assistant_footer}"


def sent_bodies(fake: FakeTwilio) -> list[str | None]:
    return [r.body for r in fake.requests]


async def test_a_fast_answer_comes_in_the_webhooks_response(
    open_app: Opened, fake_gemini: FakeGemini, fake_twilio: FakeTwilio
) -> None:
    fake_gemini.script(answer("We are open Monday to Saturday."))
    async with open_app(budget=ROOMY_BUDGET) as (runtime, chat):
        await chat.say("5")
        reply = messages(await chat.say("when are you open?"))
        assert reply == [answered(runtime, "We are open Monday to Saturday.")]
    assert fake_twilio.requests == []


async def test_a_slow_answer_is_sent_through_the_rest_api_after_an_empty_response(
    open_app: Opened, fake_gemini: FakeGemini, fake_twilio: FakeTwilio
) -> None:
    fake_gemini.script(answer("Every stone has an IGI or GIA report."), delay=SLOW)
    async with open_app() as (runtime, chat):
        await chat.say("5")
        response = await chat.say("Do you give certificates?")
        assert response == EMPTY_TWIML
        assert fake_twilio.requests == []  # the model had not answered when the webhook did

        await eventually(lambda: len(fake_twilio.requests) == 1)
        [sent] = fake_twilio.requests
        assert (sent.to, sent.from_, sent.authorized) == (CUSTOMER, "whatsapp:+14155238886", True)
        assert sent.body == answered(runtime, "Every stone has an IGI or GIA report.")
        await runtime.support.tasks.settle()
        [row] = await outbox_rows(runtime)
        assert row.state == "sent"
        assert json.loads(row.result)[0]["sid"].startswith("SM")


async def test_a_later_reply_waits_for_the_slow_answer_before_it(
    open_app: Opened, fake_gemini: FakeGemini, fake_twilio: FakeTwilio
) -> None:
    fake_gemini.script(answer("We ship insured across India."), delay=SLOW)
    async with open_app() as (runtime, chat):
        await chat.say("5")
        assert await chat.say("Do you ship to Pune?") == EMPTY_TWIML
        assert await chat.say("1") == EMPTY_TWIML  # queued behind the pending answer

        await eventually(lambda: len(fake_twilio.requests) == 2)
        assert sent_bodies(fake_twilio) == [
            answered(runtime, "We ship insured across India."),
            copy_of(runtime).diamond_question,
        ]
        await runtime.support.tasks.settle()
        assert await chat.say("Round, 1.5ct, D, VS1, Ideal, ₹1,00,000") != EMPTY_TWIML


async def test_a_reply_on_another_worker_waits_for_the_slow_answer_on_the_first(
    open_app: Opened, fake_gemini: FakeGemini, fake_twilio: FakeTwilio
) -> None:
    fake_gemini.script(answer("We ship insured across India."), delay=SLOW)
    async with open_app() as (one, first), open_app() as (_, second):
        await first.say("5")
        assert await first.say("Do you ship to Pune?") == EMPTY_TWIML
        assert await second.say("1") == EMPTY_TWIML

        await eventually(lambda: len(fake_twilio.requests) == 2)
        assert sent_bodies(fake_twilio) == [
            answered(one, "We ship insured across India."),
            copy_of(one).diamond_question,
        ]


async def test_two_slow_answers_go_out_in_the_order_they_were_asked(
    open_app: Opened, fake_gemini: FakeGemini, fake_twilio: FakeTwilio
) -> None:
    fake_gemini.script(answer("First: IGI reports."), delay=SLOW * 1.5)
    fake_gemini.script(answer("Second: insured shipping."), delay=SLOW * 0.5)
    async with open_app() as (runtime, chat):
        await chat.say("5")
        await chat.say("certificates?")
        await chat.say("shipping?")

        await eventually(lambda: len(fake_twilio.requests) == 2)
        assert sent_bodies(fake_twilio) == [
            answered(runtime, "First: IGI reports."),
            answered(runtime, "Second: insured shipping."),
        ]


async def test_a_model_that_never_answers_in_time_still_gets_the_customer_a_polite_reply(
    open_app: Opened, fake_gemini: FakeGemini, fake_twilio: FakeTwilio
) -> None:
    fake_gemini.script(answer("too late"), delay=SLOW * 3)
    async with open_app(gemini_timeout_seconds=SLOW) as (runtime, chat):
        await chat.say("5")
        assert await chat.say("Do you give certificates?") == EMPTY_TWIML
        await eventually(lambda: len(fake_twilio.requests) == 1)
        assert sent_bodies(fake_twilio) == [copy_of(runtime).assistant_unavailable]


async def test_a_quota_error_is_answered_politely_in_the_response(
    open_app: Opened, fake_gemini: FakeGemini
) -> None:
    fake_gemini.script(error(429, "Quota exceeded"), status=429)
    async with open_app(budget=ROOMY_BUDGET) as (runtime, chat):
        await chat.say("5")
        assert messages(await chat.say("hours?")) == [copy_of(runtime).assistant_unavailable]


async def test_the_customers_number_and_name_never_reach_the_model(
    open_app: Opened, fake_gemini: FakeGemini
) -> None:
    async with open_app(budget=ROOMY_BUDGET) as (_, chat):
        await chat.say("5")
        await chat.say("What are your hours? My other number is 98123 45678")
    sent = json.dumps(fake_gemini.requests[0].body)
    for identifier in ("9812345678", "98123", "Priya", "Sharma", "whatsapp:"):
        assert identifier not in sent


async def test_without_the_rest_api_the_webhook_waits_for_the_answer(
    open_app: Opened, fake_gemini: FakeGemini
) -> None:
    fake_gemini.script(answer("Monday to Saturday."), delay=SLOW)
    async with open_app(with_rest=False) as (runtime, chat):
        await chat.say("5")
        assert messages(await chat.say("hours?")) == [answered(runtime, "Monday to Saturday.")]


async def test_an_answer_pending_at_a_restart_is_finished_on_start_up(
    open_app: Opened, fake_gemini: FakeGemini, fake_twilio: FakeTwilio
) -> None:
    fake_gemini.script(answer("never seen"), delay=SLOW * 5)
    async with open_app() as (_, chat):
        await chat.say("5")
        assert await chat.say("Do you give certificates?") == EMPTY_TWIML
    # The worker stopped with the answer pending; the next one asks again and sends it.
    fake_gemini.script(answer("Every stone has an IGI or GIA report."))
    async with open_app() as (runtime, _), serving(runtime):
        await eventually(lambda: len(fake_twilio.requests) == 1)
        assert sent_bodies(fake_twilio) == [
            answered(runtime, "Every stone has an IGI or GIA report.")
        ]
        assert fake_gemini.requests[-1].texts[-1] == "Do you give certificates?"


async def test_a_question_pending_too_long_asks_the_customer_to_ask_again(
    open_app: Opened, fake_gemini: FakeGemini, fake_twilio: FakeTwilio
) -> None:
    fake_gemini.script(answer("never seen"), delay=SLOW * 5)
    async with open_app() as (runtime, chat):
        await chat.say("5")
        await chat.say("Do you give certificates?")
        async with runtime.engine.begin() as conn:  # as if the worker died an hour ago
            await conn.execute(update(outbox).values(created_at=outbox.c.created_at - 3600))
    asked = len(fake_gemini.requests)
    async with open_app() as (runtime, _), serving(runtime):
        await eventually(lambda: len(fake_twilio.requests) == 1)
        assert sent_bodies(fake_twilio) == [copy_of(runtime).assistant_ask_again]
    assert len(fake_gemini.requests) == asked


async def test_a_message_sent_while_a_slow_answer_holds_the_turn_is_kept_and_answered(
    open_app: Opened,
    fake_gemini: FakeGemini,
    fake_twilio: FakeTwilio,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The customer writes again while their question still waits for the model, and the
    # lock is not free in time: the message is kept, handled after, answered by REST.
    monkeypatch.setattr(bootstrap, "LOCK_WAIT_SECONDS", 0.2)
    fake_gemini.script(answer("We ship insured across India."), delay=SLOW)
    async with open_app(budget=ROOMY_BUDGET) as (runtime, chat):
        await chat.say("5")
        asking = asyncio.create_task(chat.say("Do you ship to Pune?"))
        await eventually(lambda: len(fake_gemini.requests) == 1)
        sid = "SM" + "7" * 32
        assert await chat.say("1", sid=sid) == EMPTY_TWIML  # kept, not "send it again"
        assert await chat.say("1", sid=sid) == EMPTY_TWIML  # a repeat is kept once
        assert messages(await asking) == [answered(runtime, "We ship insured across India.")]

        await eventually(lambda: len(fake_twilio.requests) == 1)
        assert sent_bodies(fake_twilio) == [copy_of(runtime).diamond_question]
        await runtime.support.tasks.settle()
        session = await runtime.stores.sessions.load(CUSTOMER.removeprefix("whatsapp:"))
        assert session is not None
        assert session["step"] == "collect_diamond_specs"
        assert [row.state for row in await outbox_rows(runtime)] == ["sent"]


async def test_without_rest_a_message_that_finds_the_turn_busy_is_asked_again(
    open_app: Opened, fake_gemini: FakeGemini, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bootstrap, "LOCK_WAIT_SECONDS", 0.2)
    fake_gemini.script(answer("We ship insured across India."), delay=SLOW)
    async with open_app(with_rest=False) as (runtime, chat):
        await chat.say("5")
        asking = asyncio.create_task(chat.say("Do you ship to Pune?"))
        await eventually(lambda: len(fake_gemini.requests) == 1)
        assert messages(await chat.say("1")) == [copy_of(runtime).busy]
        await asking
        assert await outbox_rows(runtime) == []


async def test_with_a_public_url_a_late_reply_asks_for_delivery_statuses(
    open_app: Opened, fake_gemini: FakeGemini, fake_twilio: FakeTwilio
) -> None:
    fake_gemini.script(answer("Every stone has an IGI or GIA report."), delay=SLOW)
    async with open_app(public_url="http://testserver") as (_, chat):
        await chat.say("5")
        assert await chat.say("Do you give certificates?") == EMPTY_TWIML
        await eventually(lambda: len(fake_twilio.requests) == 1)
    [sent] = fake_twilio.requests
    assert dict(sent.form)["StatusCallback"] == "http://testserver/whatsapp/status"


async def test_replies_queued_in_a_twilio_outage_arrive_once_it_recovers_in_order_once(
    open_app: Opened,
    fake_gemini: FakeGemini,
    fake_twilio: FakeTwilio,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # QA's repro: Twilio answers 503 twelve times (three sends' quick tries, and more)
    # while a slow answer and the two replies queued behind it wait to go out.
    monkeypatch.setattr(wiring, "SEND_PAUSE_SECONDS", 0.01)
    fake_twilio.script(503, times=12)
    fake_gemini.script(answer("Yes, we ship to Dubai."), delay=SLOW / 2)
    retry = {"send_retry_seconds": 0.05, "send_retry_max_seconds": 0.2}
    async with open_app(**retry) as (runtime, chat):
        assert messages(await chat.say("hi"))  # the fast path: no REST send
        assert await chat.say("do you ship to Dubai?") == EMPTY_TWIML
        assert await chat.say("1") == EMPTY_TWIML
        assert await chat.say("Round 1ct G VS1 under 2 lakh") == EMPTY_TWIML

        await eventually(lambda: len(delivered(fake_twilio)) == 3)
        await runtime.support.tasks.settle()
        bodies = delivered(fake_twilio)
        assert bodies[:2] == [
            answered(runtime, "Yes, we ship to Dubai."),
            copy_of(runtime).diamond_question,
        ]
        assert "Your search: round, 1 ct, G, VS1" in (bodies[2] or "")  # the search reply
        assert [r.status for r in fake_twilio.requests[:12]] == [503] * 12
        assert len(fake_twilio.requests) == 15  # nothing sent twice once Twilio took it
        rows = await outbox_rows(runtime)
        assert [row.state for row in rows] == ["sent"] * 3
        assert rows[0].tries >= 1


async def test_a_retry_pending_at_a_restart_is_made_by_the_next_worker(
    open_app: Opened,
    fake_gemini: FakeGemini,
    fake_twilio: FakeTwilio,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(wiring, "SEND_PAUSE_SECONDS", 0.01)
    fake_twilio.script(503, times=4)  # one send's quick tries
    fake_gemini.script(answer("Every stone has an IGI or GIA report."), delay=SLOW / 2)
    async with open_app(send_retry_seconds=3600.0) as (runtime, chat):
        await chat.say("5")
        assert await chat.say("Do you give certificates?") == EMPTY_TWIML
        await eventually(lambda: len(fake_twilio.requests) == 4)
        await eventually_ready_for_retry(runtime)
        async with runtime.engine.begin() as conn:  # as if the hour had passed
            await conn.execute(update(outbox).values(lease_until=0.0))
    async with open_app() as (runtime, _), serving(runtime):
        await eventually(lambda: len(delivered(fake_twilio)) == 1)
    assert delivered(fake_twilio) == [answered(runtime, "Every stone has an IGI or GIA report.")]


def delivered(fake: FakeTwilio) -> list[str | None]:
    """The bodies Twilio took (not the ones it refused)."""
    return [r.body for r in fake.requests if r.status == 201]


async def eventually_ready_for_retry(runtime: Runtime) -> None:
    async def tried() -> bool:
        rows = await outbox_rows(runtime)
        return bool(rows) and rows[0].tries == 1

    async with asyncio.timeout(15.0):
        # Polling: the courier records the failed try in the database, in the background.
        while not await tried():  # noqa: ASYNC110
            await asyncio.sleep(0.02)
