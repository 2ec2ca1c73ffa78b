"""A fake Gemini API on 127.0.0.1, speaking the wire format the google-genai SDK uses.

`POST /{version}/models/{model}:generateContent` with the key in `x-goog-api-key` and a
JSON body (`contents`, `systemInstruction`, `generationConfig` …), answered like Gemini:
a candidate with text, a blocked prompt, an error JSON (`{"error": {"code", "status",
"message"}}`) or, for tests of broken servers, any raw body. Every request is recorded;
tests script the next answers (status, body, delay).

    def test_x(fake_gemini):
        fake_gemini.script(answer("We are open 10 to 7."), delay=1.0)
        ... genai.Client(api_key=fake_gemini.api_key,
                         http_options=HttpOptions(base_url=fake_gemini.url))
        assert fake_gemini.requests[0].system_text.startswith(...)
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fakes.serving import serving

API_KEY = "fake-gemini-test-key"
DEFAULT_ANSWER = "ELG sells laboratory-grown diamonds certified by IGI."
_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy")
_STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    403: "PERMISSION_DENIED",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}


def answer(text: str, finish_reason: str = "STOP") -> dict[str, Any]:
    """Gemini's body for a normal answer."""
    return {
        "candidates": [
            {
                "content": {"role": "model", "parts": [{"text": text}]},
                "finishReason": finish_reason,
                "index": 0,
            }
        ],
        "usageMetadata": {"promptTokenCount": 10, "candidatesTokenCount": 5},
    }


def blocked(reason: str = "SAFETY") -> dict[str, Any]:
    """Gemini's body when the prompt itself is blocked: no candidates at all."""
    return {"promptFeedback": {"blockReason": reason}}


def empty_candidate() -> dict[str, Any]:
    """A candidate without any content (e.g. stopped by safety on the way out)."""
    return {"candidates": [{"finishReason": "SAFETY", "index": 0}]}


def error(status: int, message: str = "scripted failure") -> dict[str, Any]:
    name = _STATUS_NAMES.get(status, "UNKNOWN")
    return {"error": {"code": status, "status": name, "message": message}}


@dataclass(frozen=True)
class RecordedRequest:
    path: str
    api_key: str | None
    body: dict[str, Any]
    time: float  # time.monotonic() on arrival

    @property
    def model(self) -> str:
        return self.path.rsplit("/", 1)[-1].split(":", 1)[0]

    @property
    def system_text(self) -> str:
        instruction = self.body.get("systemInstruction") or {}
        return "".join(p.get("text", "") for p in instruction.get("parts", []))

    @property
    def roles(self) -> list[str]:
        return [c.get("role", "") for c in self.body.get("contents", [])]

    @property
    def texts(self) -> list[str]:
        """The text of each content turn, in order."""
        return [
            "".join(p.get("text", "") for p in c.get("parts", []))
            for c in self.body.get("contents", [])
        ]


@dataclass(frozen=True)
class Scripted:
    status: int = 200
    body: dict[str, Any] | str | None = None  # None: DEFAULT_ANSWER; str: sent raw
    delay: float = 0.0  # seconds to wait before answering


class FakeGemini:
    def __init__(self, api_key: str = API_KEY) -> None:
        self.api_key = api_key
        self.url = ""  # set once the server listens
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._script: deque[Scripted] = deque()
        self._default = Scripted()
        self._closing = threading.Event()  # cuts scripted delays short when the server stops

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def script(
        self,
        body: dict[str, Any] | str | None = None,
        *,
        status: int = 200,
        delay: float = 0.0,
        times: int = 1,
    ) -> None:
        """Answer the next `times` requests so (after earlier scripted ones)."""
        with self._lock:
            self._script.extend([Scripted(status, body, delay)] * times)

    def always(
        self, body: dict[str, Any] | str | None = None, *, status: int = 200, delay: float = 0.0
    ) -> None:
        """How to answer once the script runs out."""
        with self._lock:
            self._default = Scripted(status, body, delay)

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/{path:path}", self._generate, methods=["POST"])])

    async def _generate(self, request: Request) -> Response:
        arrived = time.monotonic()
        if not request.url.path.endswith(":generateContent"):
            return JSONResponse(error(404, "only generateContent is faked"), status_code=404)
        body = json.loads(await request.body() or b"{}")
        key = request.headers.get("x-goog-api-key")
        with self._lock:
            self._requests.append(RecordedRequest(request.url.path, key, body, arrived))
            step = self._script.popleft() if self._script else self._default
        if key != self.api_key:
            step = Scripted(403, error(403, "API key not valid"))
        await self._pause(step.delay)
        return _response(step)

    async def _pause(self, seconds: float) -> None:
        if seconds > 0:
            await asyncio.to_thread(self._closing.wait, seconds)


def _response(step: Scripted) -> Response:
    if isinstance(step.body, str):
        return Response(step.body, status_code=step.status, media_type="application/json")
    if step.body is None:
        body = answer(DEFAULT_ANSWER) if step.status < 300 else error(step.status)
        return JSONResponse(body, status_code=step.status)
    return JSONResponse(step.body, status_code=step.status)


@contextmanager
def running_fake_gemini() -> Iterator[FakeGemini]:
    """A FakeGemini served by uvicorn in a background thread until the block ends."""
    fake = FakeGemini()
    with serving(fake.app(), "Gemini", on_close=fake._closing.set) as url:
        fake.url = url
        yield fake


@pytest.fixture
def fake_gemini(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGemini]:
    # Nothing may leave the machine: no proxy may pick up the SDK's requests.
    for name in _PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("GEMINI_API_KEY", raising=False)
    monkeypatch.delenv("GOOGLE_API_KEY", raising=False)
    with running_fake_gemini() as fake:
        yield fake
