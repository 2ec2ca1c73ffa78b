"""The baseline for bench/webhook_throughput.py: a raw ASGI app answering fixed TwiML.

It reads the whole body (as the webhook must) and sends the same main-menu reply the
real app sends, so both servers move the same bytes and the ratio measures only the
app's own work. Self-contained on purpose: it runs even when elgbot does not import.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

MENU = (
    "Welcome to ELG, your destination for premium lab-grown diamonds.\n"
    "What would you like to explore?\n"
    "1. Lab Diamonds\n"
    "2. Lab Jewelry\n"
    "3. Lab Melee\n"
    "4. Track My Order\n"
    "5. Talk to Support\n"
    "\n"
    '(Reply with number or keyword, e.g., "1" or "Lab Diamonds")'
)
BODY = (
    f'<?xml version="1.0" encoding="UTF-8"?><Response><Message>{MENU}</Message></Response>'
).encode()
START = {
    "type": "http.response.start",
    "status": 200,
    "headers": [
        (b"content-type", b"application/xml"),
        (b"content-length", str(len(BODY)).encode()),
    ],
}
END = {"type": "http.response.body", "body": BODY}


async def app(scope: Message, receive: Receive, send: Send) -> None:
    if scope["type"] == "lifespan":
        await lifespan(receive, send)
        return
    if scope["type"] != "http":
        return
    more = True
    while more:  # drain the request body, as a real handler would
        message = await receive()
        more = message.get("more_body", False)
    await send(START)
    await send(END)


async def lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
