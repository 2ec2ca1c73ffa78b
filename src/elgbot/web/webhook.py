"""Twilio's webhooks: incoming WhatsApp messages and delivery status callbacks.

A request without a valid X-Twilio-Signature is refused with 403 before anything else
happens. Replies go back as TwiML in the response (the fast path); an answer not ready
within the assistant's budget is sent later through the REST API (the slow path). These are
plain Starlette routes: the busiest endpoint needs none of FastAPI's validation machinery,
which cost about a fifth of each request (web/app.py even skips the middleware for it).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from elgbot.bootstrap import Runtime
from elgbot.channels.twilio_inbound import TextPairs, read_inbound
from elgbot.channels.twilio_rest import STATUS_PATH
from elgbot.channels.twilio_signature import SETTINGS_HEADER, SIGNATURE_HEADER, public_url
from elgbot.channels.twiml import TWIML_MEDIA_TYPE, messages_twiml
from elgbot.logs import get_logger
from elgbot.support.handoffs import NOT_DELIVERED
from elgbot.web.forms import FormTooLarge, read_form

_log = get_logger("webhook")
WEBHOOK_PATH = "/whatsapp"


async def incoming_message(request: Request) -> Response:
    runtime: Runtime = request.app.state.runtime
    params = await _signed_form(request, runtime)
    if isinstance(params, Response):
        return params
    message = read_inbound(params)
    if message is None:
        _log.warning("signed request without MessageSid or From: nothing to answer")
        return Response("missing MessageSid or From", status_code=400)
    try:
        replies = await runtime.service.handle(message, reply_later=True)
    except Exception:
        # The claim stays open, so a redelivery is handled; the customer is not left silent.
        _log.exception("turn failed for %s", message.message_id)
        replies = (runtime.service.conversation.copy.turn_failed,)
    return Response(messages_twiml(replies), media_type=TWIML_MEDIA_TYPE)


async def delivery_status(request: Request) -> Response:
    runtime: Runtime = request.app.state.runtime
    params = await _signed_form(request, runtime)
    if isinstance(params, Response):
        return params
    fields = dict(params)
    sid, status = fields.get("MessageSid", ""), fields.get("MessageStatus", "")
    if sid and status:
        await runtime.deliveries.record(sid[:64], status[:16], fields.get("ErrorCode"))
        if status in NOT_DELIVERED:  # a staff reply so reported does not count as an answer
            await runtime.staff.reply_not_delivered(sid[:64])
    return Response(status_code=200)


async def _signed_form(request: Request, runtime: Runtime) -> TextPairs | Response:
    verifier = runtime.signatures
    if verifier is None:
        _log.error("refusing webhook: TWILIO_AUTH_TOKEN is not set, so no signature can be checked")
        return Response("webhook not configured", status_code=403)
    try:
        params = await read_form(request)
    except FormTooLarge:
        return Response("request too large", status_code=413)
    url = public_url(runtime.settings.public_url, _seen_url(request, runtime.settings.public_url))
    headers = request.headers
    refusal = verifier.refusal(
        url, params, headers.get(SIGNATURE_HEADER), headers.get(SETTINGS_HEADER)
    )
    if refusal is not None:
        _log.warning("refusing webhook for %s: %s", url, refusal)
        return Response("invalid signature", status_code=403)
    return params


def _seen_url(request: Request, configured: str | None) -> str:
    """The URL this request came to; with a public base configured (as in production) only
    its path and query count, read from the scope: Starlette's URL object cost ~3 %."""
    if not configured or not configured.strip():
        return str(request.url)
    path: str = request.scope["path"]
    query = request.scope["query_string"].decode("latin-1")
    return path + (f"?{query}" if query else "")


routes = [
    # web/app.py sends POST /whatsapp to `incoming_message` before routing; the route
    # stays for the rest (e.g. 405 to a GET).
    Route(WEBHOOK_PATH, incoming_message, methods=["POST"]),
    Route(STATUS_PATH, delivery_status, methods=["POST"]),
]
