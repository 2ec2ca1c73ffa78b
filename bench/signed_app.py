"""A second baseline for bench/webhook_throughput.py: the bare app plus the part of the
webhook no conforming app can skip, and nothing else.

It reads the form with elgbot's parser and checks X-Twilio-Signature with the same
SignatureVerifier (twilio's RequestValidator) as elgbot, then answers the bare app's fixed
TwiML, keeping no state.
Between the bare app and this one is the price of verifying Twilio; between this one and
elgbot, the price of handling the message (lock, claim, session, conversation, reply).
"""

from __future__ import annotations

import os

from bare_app import END, START, Message, Receive, Send, lifespan
from elgbot.channels.twilio_signature import SIGNATURE_HEADER, SignatureVerifier
from elgbot.web.forms import parse_form

_VERIFIER = SignatureVerifier(os.environ["TWILIO_AUTH_TOKEN"])
_URL = os.environ["ELG_PUBLIC_URL"].rstrip("/") + "/whatsapp"
_HEADER = SIGNATURE_HEADER.lower().encode()
_REFUSED = {"type": "http.response.start", "status": 403, "headers": [(b"content-length", b"0")]}


async def app(scope: Message, receive: Receive, send: Send) -> None:
    if scope["type"] == "lifespan":
        await lifespan(receive, send)
        return
    if scope["type"] != "http":
        return
    body, more = bytearray(), True
    while more:
        message = await receive()
        body += message.get("body", b"")
        more = message.get("more_body", False)
    if scope["path"] == "/whatsapp":
        params = parse_form(body.decode("utf-8", errors="replace"))
        signature = dict(scope["headers"]).get(_HEADER, b"").decode()
        if not _VERIFIER.is_valid(_URL, params, signature):
            await send(_REFUSED)
            await send({"type": "http.response.body", "body": b""})
            return
    await send(START)
    await send(END)
