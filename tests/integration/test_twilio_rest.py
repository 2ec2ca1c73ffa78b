"""TwilioRestSender against a fake Twilio REST server on 127.0.0.1 (real HTTP, real form)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest

from elgbot.channels.twilio_rest import SendResult, TwilioRestSender
from fakes import twilio_server
from fakes.twilio_server import FakeTwilio, running_fake_twilio

SHOP = "whatsapp:+14155238886"
CUSTOMER = "whatsapp:+919812345678"


fake_twilio = twilio_server.fake_twilio  # usable here before a conftest provides it


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=10.0) as http:
        yield http


def sender_for(
    fake: FakeTwilio, client: httpx.AsyncClient, **options: float | str
) -> TwilioRestSender:
    options.setdefault("backoff_seconds", 0.01)
    return TwilioRestSender(
        api_url=fake.url,
        account_sid=fake.account_sid,
        auth_token=fake.auth_token,
        from_address=SHOP,
        client=client,
        **options,  # type: ignore[arg-type]
    )


async def test_a_message_is_posted_as_twilio_expects_and_its_sid_returned(
    fake_twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    [result] = await sender_for(fake_twilio, client).send(
        CUSTOMER, "Your quote is ready ✨ ₹1,20,000"
    )

    assert result.ok
    assert result.status == 201
    assert result.sid is not None
    assert result.sid.startswith("SM")
    assert result.attempts == 1
    [request] = fake_twilio.requests
    assert request.authorized
    assert (request.to, request.from_, request.body) == (
        CUSTOMER,
        SHOP,
        "Your quote is ready ✨ ₹1,20,000",
    )


async def test_with_a_status_callback_every_message_asks_twilio_to_report_its_status(
    fake_twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    callback = "https://bot.example.com/whatsapp/status"
    sender = sender_for(fake_twilio, client, status_callback=callback)
    results = await sender.send(CUSTOMER, "first\n" + "x" * 1700)  # three messages
    assert [r.ok for r in results] == [True, True, True], results

    forms = [dict(request.form) for request in fake_twilio.requests]
    assert [form.get("StatusCallback") for form in forms] == [callback] * 3


async def test_without_a_status_callback_none_is_sent(
    fake_twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    await sender_for(fake_twilio, client).send(CUSTOMER, "hello")
    [request] = fake_twilio.requests
    assert "StatusCallback" not in dict(request.form)


async def test_a_long_body_goes_as_several_messages_in_order(
    fake_twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    lines = [f"{n}. A 1.20 ct round lab-grown diamond, VS1, E colour" for n in range(100)]

    results = await sender_for(fake_twilio, client).send(CUSTOMER, "\n".join(lines))

    assert len(results) > 1
    assert all(r.ok for r in results)
    bodies = [r.body or "" for r in fake_twilio.requests]
    assert len(bodies) == len(results)
    assert all(len(body) <= 1600 for body in bodies)
    assert "\n".join(bodies).split("\n") == lines


async def test_a_server_error_is_retried(
    fake_twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    fake_twilio.script(500)

    [result] = await sender_for(fake_twilio, client).send(CUSTOMER, "Hello")

    assert result.ok
    assert result.attempts == 2
    assert [r.status for r in fake_twilio.requests] == [500, 201]


async def test_too_many_requests_is_retried_after_a_growing_pause(
    fake_twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    fake_twilio.script(429, times=2)

    [result] = await sender_for(fake_twilio, client, backoff_seconds=0.1).send(CUSTOMER, "Hello")

    assert result.ok
    assert result.attempts == 3
    first, second, third = (r.time for r in fake_twilio.requests)
    assert second - first >= 0.1
    assert third - second >= 0.2


async def test_a_client_error_is_not_retried(
    fake_twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    fake_twilio.script(400)

    [result] = await sender_for(fake_twilio, client).send(CUSTOMER, "Hello")

    assert result == SendResult(
        ok=False,
        sid=None,
        status=400,
        error="HTTP 400 21211: The 'To' number is not a valid phone number.",
        attempts=1,
    )
    assert len(fake_twilio.requests) == 1


async def test_retries_stop_after_max_attempts(
    fake_twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    fake_twilio.script(503, times=10)

    [result] = await sender_for(fake_twilio, client, max_attempts=3).send(CUSTOMER, "Hello")

    assert not result.ok
    assert (result.status, result.attempts) == (503, 3)
    assert len(fake_twilio.requests) == 3


async def test_a_server_slower_than_the_deadline_fails_without_hanging(
    fake_twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    fake_twilio.script(201, delay=5.0)
    sender = sender_for(fake_twilio, client, deadline_seconds=0.5)

    # Bounded well above the 0.5 s deadline: only a sender that hangs fails here.
    [result] = await asyncio.wait_for(sender.send(CUSTOMER, "Hello"), 4.0)

    assert not result.ok
    assert result.error == "deadline exceeded"


async def test_wrong_credentials_are_a_failure_not_retried(
    fake_twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    sender = TwilioRestSender(
        api_url=fake_twilio.url,
        account_sid=fake_twilio.account_sid,
        auth_token="not-the-token",
        from_address=SHOP,
        client=client,
    )

    [result] = await sender.send(CUSTOMER, "Hello")

    assert not result.ok
    assert (result.status, result.attempts) == (401, 1)
    assert result.error == "HTTP 401 20003: Authenticate"
    [request] = fake_twilio.requests
    assert not request.authorized


async def test_after_a_failed_part_the_rest_are_not_sent(
    fake_twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    fake_twilio.script(201)
    fake_twilio.script(400)
    body = "\n".join(["x" * 1000] * 3)

    results = await sender_for(fake_twilio, client).send(CUSTOMER, body)

    assert [r.ok for r in results] == [True, False, False]
    assert results[2].attempts == 0
    assert len(fake_twilio.requests) == 2


async def test_an_unreachable_server_is_retried_then_reported(client: httpx.AsyncClient) -> None:
    with running_fake_twilio() as gone:
        pass  # the port is now closed: connections are refused
    sender = sender_for(gone, client, max_attempts=2)

    [result] = await sender.send(CUSTOMER, "Hello")

    assert not result.ok
    assert result.status is None
    assert result.attempts == 2
    assert result.error is not None
    assert "ConnectError" in result.error


async def test_an_empty_body_sends_nothing(
    fake_twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    assert await sender_for(fake_twilio, client).send(CUSTOMER, "  \n ") == []
    assert fake_twilio.requests == []
