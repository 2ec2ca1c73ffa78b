"""A local web chat page for trying the bot without WhatsApp (as `make run` suggests).

It bypasses Twilio's signature, so it answers only requests made on this machine that did
not pass through a proxy, and can be switched off with ELG_CHAT_PAGE=false.
"""

from __future__ import annotations

import re
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
    return runtime


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
