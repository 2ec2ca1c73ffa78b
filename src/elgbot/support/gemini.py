"""The assistant on Google's Gemini API (google-genai SDK, async).

One client per process (`open_gemini_client`, entered by bootstrap for the app's lifespan)
on our own httpx clients: the SDK's default aiohttp session warns on creation and is
harder to close. The whole call is bounded by `asyncio.timeout`; every failure — quota
(429), server errors, timeouts, transport faults, bad JSON, a blocked prompt, an empty
candidate — is logged and becomes an `Answer` the conversation turns into a polite reply.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import httpx
from google import genai
from google.genai import types

from elgbot.conversation.events import AnswerKind
from elgbot.conversation.session import ChatLine
from elgbot.logs import get_logger
from elgbot.support.assistant import FAILED, Answer
from elgbot.support.facts import StoreFacts
from elgbot.support.prompt import contents, system_instruction

API_VERSION = "v1"
MAX_OUTPUT_TOKENS = 400
_log = get_logger("support.gemini")


@asynccontextmanager
async def open_gemini_client(
    api_key: str, *, base_url: str | None, timeout_seconds: float
) -> AsyncIterator[genai.Client]:
    """A client for the process, closed (with its connections) when the block ends."""
    timeout = httpx.Timeout(timeout_seconds)
    # The SDK builds a sync client too unless given one; ours is never used, but closed.
    with httpx.Client(timeout=timeout) as unused_sync:
        async with httpx.AsyncClient(timeout=timeout) as http:
            options = types.HttpOptions(
                base_url=base_url,
                api_version=API_VERSION,
                timeout=int(timeout_seconds * 1000),  # milliseconds, per attempt
                httpx_async_client=http,
                httpx_client=unused_sync,
            )
            client = genai.Client(api_key=api_key, http_options=options)
            try:
                yield client
            finally:
                await client.aio.aclose()


class GeminiAssistant:
    def __init__(
        self, client: genai.Client, *, model: str, facts: StoreFacts, timeout_seconds: float
    ) -> None:
        self._client = client
        self._model = model
        self._timeout = timeout_seconds
        self._config = types.GenerateContentConfig(
            system_instruction=system_instruction(facts),
            max_output_tokens=MAX_OUTPUT_TOKENS,
        )

    async def answer(self, history: Sequence[ChatLine], question: str) -> Answer:
        turns = contents(history, question)
        if not turns or turns[-1][0] != "user":
            return Answer(AnswerKind.UNKNOWN)
        request = [types.Content(role=role, parts=[types.Part(text=text)]) for role, text in turns]
        try:
            async with asyncio.timeout(self._timeout):
                response = await self._client.aio.models.generate_content(
                    model=self._model, contents=request, config=self._config
                )
        except Exception as exc:  # whatever it was, the customer gets the same polite reply
            _log.warning("gemini call failed: %s", _describe(exc))
            return FAILED
        return _read(response)


def _read(response: types.GenerateContentResponse) -> Answer:
    feedback = response.prompt_feedback
    if feedback is not None and feedback.block_reason is not None:
        _log.warning("gemini blocked the prompt: %s", feedback.block_reason)
        return Answer(AnswerKind.DECLINED)
    text = _text(response)
    if text:
        return Answer(AnswerKind.ANSWERED, text)
    reason = response.candidates[0].finish_reason if response.candidates else None
    _log.warning("gemini answered without text (finish reason %s)", reason)
    return Answer(AnswerKind.DECLINED if reason == types.FinishReason.SAFETY else AnswerKind.FAILED)


def _text(response: types.GenerateContentResponse) -> str:
    # The first candidate's text parts; `response.text` would also log about other parts.
    if not response.candidates or response.candidates[0].content is None:
        return ""
    parts = response.candidates[0].content.parts or []
    return "".join(p.text for p in parts if p.text and not p.thought).strip()


def _describe(exc: Exception) -> str:
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    text = str(exc)[:300]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
