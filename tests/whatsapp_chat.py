"""Talking to the whole app over HTTP as Twilio does: signed requests against the ASGI app,
on a real database in a temporary directory, with a small known catalog."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import httpx

from elgbot.bootstrap import Runtime
from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.stone import Stone
from elgbot.channels.twilio_signature import sign
from elgbot.settings import Settings
from elgbot.web.app import create_app

AUTH_TOKEN = "test-auth-token"
WEBHOOK_URL = "http://testserver/whatsapp"
CUSTOMER = "whatsapp:+919812345678"
_MESSAGE_NUMBERS = itertools.count(1)  # every delivery gets its own MessageSid

STONES = [
    Stone("RD-1", Shape.ROUND, 1.50, Color.D, Clarity.VS1, Cut.IDEAL, 95_000),
    Stone("RD-2", Shape.ROUND, 1.52, Color.D, Clarity.VS1, Cut.EXCELLENT, 98_000),
    Stone("RD-3", Shape.ROUND, 1.48, Color.D, Clarity.VVS2, Cut.IDEAL, 92_000),
    Stone("RD-4", Shape.ROUND, 1.50, Color.D, Clarity.VS1, Cut.IDEAL, 1_40_000),  # over budget
    Stone("OV-1", Shape.OVAL, 2.00, Color.F, Clarity.VS2, Cut.VERY_GOOD, 70_000),
]


@dataclass
class Chat:
    """A customer's phone talking to the webhook through Twilio (signed requests)."""

    client: httpx.AsyncClient
    phone: str = CUSTOMER

    async def send(self, text: str, *, sid: str | None = None, **extra: str) -> httpx.Response:
        params = self.form(text, sid=sid, **extra)
        headers = {"X-Twilio-Signature": sign(AUTH_TOKEN, WEBHOOK_URL, params)}
        return await self.client.post("/whatsapp", data=dict(params), headers=headers)

    def form(self, text: str, *, sid: str | None = None, **extra: str) -> list[tuple[str, str]]:
        sid = sid or f"SM{next(_MESSAGE_NUMBERS):032d}"
        fields = {
            "MessageSid": sid,
            "SmsMessageSid": sid,
            "AccountSid": "AC" + "0" * 32,
            "From": self.phone,
            "To": "whatsapp:+14155238886",
            "Body": text,
            "NumMedia": "0",
            "ProfileName": "Priya Sharma",
            "WaId": self.phone.removeprefix("whatsapp:+"),
            "MessageType": "text",
            "SmsStatus": "received",
            "ApiVersion": "2010-04-01",
            **extra,
        }
        return list(fields.items())

    async def say(self, text: str, **extra: str) -> str:
        response = await self.send(text, **extra)
        assert response.status_code == 200, response.text
        return response.text


def settings_for(data_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "data_dir": data_dir,
        "twilio_auth_token": AUTH_TOKEN,
        "site_url": "https://elg.com",
        "sample_catalog_size": 0,
        **overrides,
    }
    return Settings(**values)  # type: ignore[arg-type]


def messages(twiml: str) -> list[str]:
    """The texts of a TwiML answer, in order."""
    return [m.text or "" for m in ET.fromstring(twiml).iter("Message")]


def client_for(runtime: Runtime, base_url: str = "http://testserver") -> httpx.AsyncClient:
    """An HTTP client talking to the app in-process (no sockets)."""
    transport = httpx.ASGITransport(app=create_app(runtime=runtime))
    return httpx.AsyncClient(transport=transport, base_url=base_url)
