"""The Gemini assistant through the real google-genai SDK against a fake Gemini server on
127.0.0.1: what it sends, and that every failure becomes a polite answer."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import pytest

from elgbot.conversation.events import AnswerKind
from elgbot.conversation.session import ChatLine, Speaker
from elgbot.support.assistant import Assistant, GuardedAssistant
from elgbot.support.facts import load_facts
from elgbot.support.gemini import GeminiAssistant, open_gemini_client
from elgbot.support.guard import MAX_ANSWER
from fakes import gemini_server
from fakes.gemini_server import FakeGemini, answer, blocked, empty_candidate, error

fake_gemini = gemini_server.fake_gemini  # usable here before a conftest provides it
FACTS = load_facts()
MODEL = "gemini-3.5-flash-lite"
HISTORY = (
    ChatLine(Speaker.CUSTOMER, "Do you ship?"),
    ChatLine(Speaker.ASSISTANT, "Yes, insured across India."),
)
Opened = Callable[..., AbstractAsyncContextManager[Assistant]]


@pytest.fixture
def assistant_on(fake_gemini: FakeGemini) -> Opened:
    @asynccontextmanager
    async def opened(
        base_url: str = fake_gemini.url, timeout_seconds: float = 5.0
    ) -> AsyncIterator[Assistant]:
        async with open_gemini_client(
            fake_gemini.api_key, base_url=base_url, timeout_seconds=timeout_seconds
        ) as client:
            gemini = GeminiAssistant(
                client, model=MODEL, facts=FACTS, timeout_seconds=timeout_seconds
            )
            yield GuardedAssistant(gemini, FACTS)

    return opened


async def test_the_request_is_grounded_in_the_facts_and_carries_the_history(
    fake_gemini: FakeGemini, assistant_on: Opened
) -> None:
    fake_gemini.script(answer("We ship insured across India."))
    async with assistant_on() as assistant:
        reply = await assistant.answer(HISTORY, "And to Dubai?")

    assert (reply.kind, reply.text) == (AnswerKind.ANSWERED, "We ship insured across India.")
    [request] = fake_gemini.requests
    assert request.path == f"/v1/models/{MODEL}:generateContent"
    assert request.api_key == fake_gemini.api_key
    assert "Answer only from the STORE FACTS" in request.system_text
    assert FACTS.text in request.system_text
    assert request.roles == ["user", "model", "user"]
    assert request.texts == ["Do you ship?", "Yes, insured across India.", "And to Dubai?"]
    assert "And to Dubai?" not in request.system_text


async def test_no_identifier_in_the_customers_words_reaches_the_model(
    fake_gemini: FakeGemini, assistant_on: Opened
) -> None:
    history = (ChatLine(Speaker.CUSTOMER, "I am Priya, mail priya@example.com"),)
    async with assistant_on() as assistant:
        await assistant.answer(history, "Call +91 98123 45678 or card 4111 1111 1111 1111?")

    sent = json.dumps(fake_gemini.requests[0].body)
    for identifier in ("priya@example.com", "98123", "45678", "4111"):
        assert identifier not in sent
    assert "[phone]" in sent
    assert "[email]" in sent


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (429, error(429, "Quota exceeded for requests per minute"), AnswerKind.FAILED),
        (500, error(500), AnswerKind.FAILED),
        (503, error(503, "The model is overloaded"), AnswerKind.FAILED),
        (200, blocked(), AnswerKind.DECLINED),
        (200, empty_candidate(), AnswerKind.DECLINED),
        (200, {"candidates": []}, AnswerKind.FAILED),
        (200, '{"candidates": [{"content": ', AnswerKind.FAILED),
    ],
)
async def test_a_failure_of_the_service_becomes_an_answer_and_a_log_line(
    fake_gemini: FakeGemini,
    assistant_on: Opened,
    caplog: pytest.LogCaptureFixture,
    status: int,
    body: dict[str, object] | str,
    kind: AnswerKind,
) -> None:
    fake_gemini.script(body, status=status)
    with caplog.at_level(logging.WARNING, logger="elgbot.support"):
        async with assistant_on() as assistant:
            reply = await assistant.answer((), "what are your hours?")

    assert reply.kind is kind
    assert reply.text == ""
    assert len(fake_gemini.requests) == 1  # no retries that would burn the quota
    assert any(r.name == "elgbot.support.gemini" for r in caplog.records)


async def test_a_model_slower_than_the_time_limit_is_a_failed_answer(
    fake_gemini: FakeGemini, assistant_on: Opened
) -> None:
    fake_gemini.script(answer("too late"), delay=2.0)
    async with assistant_on(timeout_seconds=0.2) as assistant:
        reply = await assistant.answer((), "what are your hours?")
    assert reply.kind is AnswerKind.FAILED


async def test_no_network_is_a_failed_answer(assistant_on: Opened) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    async with assistant_on(base_url=f"http://127.0.0.1:{port}") as assistant:
        reply = await assistant.answer((), "what are your hours?")
    assert reply.kind is AnswerKind.FAILED


@pytest.mark.parametrize(
    "made_up",
    [
        "A 1 carat round is ₹62,000 today.",
        "I can give you 15% off if you order now.",
        "Your order has been shipped and arrives on Friday.",
        "Prices start from $500.",
        "A 1 carat lab diamond costs around 45,000.",
        "We have 20 stones of 1ct G VS1 in stock.",
        "We have a 30-day no-questions return policy.",
        "Call +91 98765 43210 and we will help.",
        "Delivery takes 5-7 business days.",
    ],
)
async def test_an_answer_with_a_figure_discount_or_order_status_not_in_the_facts_is_replaced(
    fake_gemini: FakeGemini, assistant_on: Opened, made_up: str
) -> None:
    fake_gemini.script(answer(made_up))
    async with assistant_on() as assistant:
        reply = await assistant.answer((), "how much is a 1 carat diamond?")
    assert reply.kind is AnswerKind.UNSAFE
    assert reply.text == ""


async def test_a_long_answer_is_trimmed_to_one_whatsapp_message(
    fake_gemini: FakeGemini, assistant_on: Opened
) -> None:
    fake_gemini.script(answer("Laboratory-grown diamonds are real diamonds. " * 100))
    async with assistant_on() as assistant:
        reply = await assistant.answer((), "are they real?")
    assert reply.kind is AnswerKind.ANSWERED
    assert len(reply.text) <= MAX_ANSWER
    assert reply.text.endswith("…")
