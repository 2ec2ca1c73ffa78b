"""A fake Twilio REST API on 127.0.0.1, speaking Twilio's wire format.

`POST /2010-04-01/Accounts/{AccountSid}/Messages.json` with basic auth and a form of
From/To/Body, answered like Twilio: 201 and the Message resource as JSON, or Twilio's
error JSON (`code`, `message`, `more_info`, `status`). Every request is recorded; tests
script the next answers (status, body, delay) to inject failures.

    def test_x(fake_twilio):
        fake_twilio.script(500)            # the next request fails, the one after succeeds
        ... TwilioRestSender(api_url=fake_twilio.url, account_sid=fake_twilio.account_sid,
                             auth_token=fake_twilio.auth_token, ...)
        assert [r.body for r in fake_twilio.requests] == [...]
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import formatdate
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from fakes.serving import serving

ACCOUNT_SID = "AC" + "f" * 32
AUTH_TOKEN = "fake-twilio-auth-token"
MAX_BODY = 1600
_ERRORS = {  # Twilio's error codes for the statuses tests script
    400: (21211, "The 'To' number is not a valid phone number."),
    401: (20003, "Authenticate"),
    404: (20404, "The requested resource was not found"),
    429: (20429, "Too Many Requests"),
    500: (20500, "An internal server error has occurred"),
    503: (20503, "Service unavailable"),
}


@dataclass(frozen=True)
class RecordedRequest:
    path_account_sid: str
    authorized: bool
    to: str | None
    from_: str | None
    body: str | None
    form: tuple[tuple[str, str], ...]
    time: float  # time.monotonic() on arrival
    status: int  # what the fake answered


@dataclass(frozen=True)
class Scripted:
    status: int = 201
    body: Mapping[str, Any] | None = None  # None: what Twilio would send for `status`
    delay: float = 0.0  # seconds to wait before answering


class FakeTwilio:
    def __init__(self, account_sid: str = ACCOUNT_SID, auth_token: str = AUTH_TOKEN) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.url = ""  # set once the server listens
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._script: deque[Scripted] = deque()

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def script(
        self,
        status: int = 201,
        *,
        body: Mapping[str, Any] | None = None,
        delay: float = 0.0,
        times: int = 1,
    ) -> None:
        """Answer the next `times` authorised requests so (after earlier scripted ones)."""
        with self._lock:
            self._script.extend([Scripted(status, body, delay)] * times)

    def app(self) -> Starlette:
        path = "/2010-04-01/Accounts/{account_sid}/Messages.json"
        return Starlette(routes=[Route(path, self._create_message, methods=["POST"])])

    async def _create_message(self, request: Request) -> JSONResponse:
        arrived = time.monotonic()
        account_sid = request.path_params["account_sid"]
        form = await request.form()
        pairs = tuple((k, v) for k, v in form.multi_items() if isinstance(v, str))
        fields = dict(pairs)
        authorized = _credentials(request) == (self.account_sid, self.auth_token)
        authorized = authorized and account_sid == self.account_sid
        step = self._next_step() if authorized else Scripted(401)
        status, payload = self._answer(step, account_sid, fields)
        with self._lock:
            self._requests.append(
                RecordedRequest(
                    account_sid,
                    authorized,
                    fields.get("To"),
                    fields.get("From"),
                    fields.get("Body"),
                    pairs,
                    arrived,
                    status,
                )
            )
        if step.delay:
            await asyncio.sleep(step.delay)
        return JSONResponse(payload, status_code=status)

    def _next_step(self) -> Scripted:
        with self._lock:
            return self._script.popleft() if self._script else Scripted()

    def _answer(
        self, step: Scripted, account_sid: str, fields: Mapping[str, str]
    ) -> tuple[int, Mapping[str, Any]]:
        if step.body is not None:
            return step.status, step.body
        if step.status >= 300:
            return step.status, _error(step.status)
        problem = _invalid(fields)
        if problem is not None:
            return 400, _error(400, *problem)
        return step.status, _message(account_sid, fields)


def _credentials(request: Request) -> tuple[str, str] | None:
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        user, _, password = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return user, password


def _invalid(fields: Mapping[str, str]) -> tuple[int, str] | None:
    """Twilio's checks on a new message, in its order, as (code, message)."""
    if not fields.get("To"):
        return 21604, "A 'To' phone number is required."
    if not fields.get("From"):
        return 21603, "A 'From' phone number is required."
    if not fields.get("Body"):
        return 21602, "Message body is required."
    if len(fields["Body"]) > MAX_BODY:
        return 21617, "The concatenated message body exceeds the 1600 character limit."
    return None


def _error(status: int, code: int | None = None, message: str | None = None) -> dict[str, Any]:
    default_code, default_message = _ERRORS.get(status, (20001, "Error"))
    code = code or default_code
    return {
        "code": code,
        "message": message or default_message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }


def _message(account_sid: str, fields: Mapping[str, str]) -> dict[str, Any]:
    sid = "SM" + uuid.uuid4().hex
    now = formatdate(usegmt=True)
    uri = f"/2010-04-01/Accounts/{account_sid}/Messages/{sid}"
    return {
        "account_sid": account_sid,
        "api_version": "2010-04-01",
        "body": fields["Body"],
        "date_created": now,
        "date_sent": None,
        "date_updated": now,
        "direction": "outbound-api",
        "error_code": None,
        "error_message": None,
        "from": fields["From"],
        "messaging_service_sid": None,
        "num_media": "0",
        "num_segments": "1",
        "price": None,
        "price_unit": None,
        "sid": sid,
        "status": "queued",
        "subresource_uris": {"media": f"{uri}/Media.json"},
        "to": fields["To"],
        "uri": f"{uri}.json",
    }


@contextmanager
def running_fake_twilio() -> Iterator[FakeTwilio]:
    """A FakeTwilio served by uvicorn in a background thread until the block ends."""
    fake = FakeTwilio()
    with serving(fake.app(), "Twilio") as url:
        fake.url = url
        yield fake


@pytest.fixture
def fake_twilio() -> Iterator[FakeTwilio]:
    with running_fake_twilio() as fake:
        yield fake
