"""A local web chat page for trying the bot without WhatsApp (as `make run` suggests).

It bypasses Twilio's signature, so it answers only requests made on this machine that did
not pass through a proxy and, when ELG_CHAT_KEY is set (`elgbot serve` always sets one),
carry that key: a proxy that adds no forwarding header would otherwise make any request
look local. ELG_CHAT_PAGE=false switches it off.
"""

from __future__ import annotations

import re
import secrets
import uuid
from importlib.resources import files

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from elgbot.bootstrap import Runtime
from elgbot.conversation.inbound import InboundMessage

router = APIRouter()
_LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}
_PHONE = re.compile(r"^\+[1-9]\d{6,14}$")


class ChatRequest(BaseModel):
    phone: str = Field(pattern=_PHONE.pattern)
    text: str = Field(max_length=1600)


class ChatResponse(BaseModel):
    replies: list[str]


def _only_local(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    client = request.client.host if request.client else ""
    proxied = "x-forwarded-for" in request.headers or "forwarded" in request.headers
    if not runtime.settings.chat_page or client not in _LOOPBACK or proxied:
        raise HTTPException(status_code=404)
    if not _has_key(request, runtime.settings.chat_key):
        raise HTTPException(status_code=404)
    return runtime


def _has_key(request: Request, key: str | None) -> bool:
    if key is None:
        return True
    given = request.query_params.get("key") or request.headers.get("x-chat-key") or ""
    return secrets.compare_digest(given.encode(), key.encode())


@router.get("/chat", response_class=HTMLResponse)
async def chat_page(request: Request) -> HTMLResponse:
    _only_local(request)
    return HTMLResponse((files("elgbot.web") / "templates" / "chat.html").read_text("utf-8"))


@router.post("/chat/send")
async def chat_send(request: Request, body: ChatRequest) -> ChatResponse:
    runtime = _only_local(request)
    message = InboundMessage(
        message_id=f"LOCAL{uuid.uuid4().hex}", sender=f"whatsapp:{body.phone}", text=body.text
    )
    return ChatResponse(replies=list(await runtime.service.handle(message)))
