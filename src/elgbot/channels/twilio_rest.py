"""Sending WhatsApp messages through Twilio's REST API (the slow path: replies sent later).

Plain httpx rather than twilio-python's async client, which can hang and ignore its
timeout (twilio-python issues #731, #925). Every call is bounded by one overall deadline.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

import httpx

from elgbot.channels.twiml import split_for_whatsapp

log = logging.getLogger(__name__)
_NOT_SENT = "not sent: an earlier part failed"
STATUS_PATH = "/whatsapp/status"  # where Twilio posts delivery statuses (web/webhook.py)


def status_callback_url(public_url: str | None) -> str | None:
    """Where Twilio should report what became of each message; None without a public URL
    (Twilio could not reach a local address, and would log an error for every message)."""
    if not public_url or not public_url.strip():
        return None
    return public_url.strip().rstrip("/") + STATUS_PATH


@dataclass(frozen=True, slots=True)
class SendResult:
    ok: bool
    sid: str | None
    status: int | None
    error: str | None
    attempts: int
    # A failure that may pass (Twilio down or busy, the network, a timeout): worth trying
    # again later. Twilio's 4xx (an invalid number, a closed window) never pass.
    retryable: bool = False


class TwilioRestSender:
    def __init__(
        self,
        *,
        api_url: str,
        account_sid: str,
        auth_token: str,
        from_address: str,
        client: httpx.AsyncClient,
        deadline_seconds: float = 30.0,
        max_attempts: int = 4,
        backoff_seconds: float = 0.5,
        status_callback: str | None = None,
    ) -> None:
        self._url = f"{api_url.rstrip('/')}/2010-04-01/Accounts/{account_sid}/Messages.json"
        self._auth = httpx.BasicAuth(account_sid, auth_token)
        self._from = from_address
        self._client = client
        self._deadline_seconds = deadline_seconds
        self._max_attempts = max(1, max_attempts)
        self._backoff = backoff_seconds
        # Without it Twilio sends delivery statuses only to a number-level callback, if any.
        self._callback = {"StatusCallback": status_callback} if status_callback else {}

    async def send(self, to: str, body: str) -> list[SendResult]:
        """One result per part of `body`, in order; never raises.

        Parts go one at a time so they arrive in order; after a failure the rest are not
        sent, since a reply missing its middle reads worse than one cut short.
        """
        deadline = asyncio.get_running_loop().time() + self._deadline_seconds
        results: list[SendResult] = []
        for part in split_for_whatsapp(body):
            if results and not results[-1].ok:
                results.append(SendResult(False, None, None, _NOT_SENT, 0))
            else:
                results.append(await self._send_part(to, part, deadline))
        return results

    async def _send_part(self, to: str, body: str, deadline: float) -> SendResult:
        form = {"From": self._from, "To": to, "Body": body, **self._callback}
        result = SendResult(False, None, None, "deadline exceeded", 0, True)
        for attempt in range(1, self._max_attempts + 1):
            result, retryable = await self._attempt(form, attempt, deadline)
            if result.ok or not retryable:
                break
            if not await self._pause(attempt, deadline):
                break
        if not result.ok:
            log.warning("twilio send failed: %s after %d attempts", result.error, result.attempts)
        return result

    async def _attempt(
        self, form: dict[str, str], attempt: int, deadline: float
    ) -> tuple[SendResult, bool]:
        """The result of one POST, and whether trying again could help."""
        remaining = deadline - asyncio.get_running_loop().time()
        if remaining <= 0:
            return SendResult(False, None, None, "deadline exceeded", attempt - 1, True), False
        try:
            async with asyncio.timeout(remaining):
                response = await self._client.post(self._url, data=form, auth=self._auth)
        except TimeoutError:
            return SendResult(False, None, None, "deadline exceeded", attempt, True), False
        except httpx.TransportError as exc:
            return SendResult(False, None, None, _describe(exc), attempt, True), True
        except Exception as exc:  # a bad URL or client misuse: retrying cannot help
            return SendResult(False, None, None, _describe(exc), attempt), False
        return _result(response, attempt), _is_retryable(response.status_code)

    async def _pause(self, attempt: int, deadline: float) -> bool:
        """Sleep before the next attempt; False when that would pass the deadline."""
        delay = self._backoff * 2 ** (attempt - 1)
        if asyncio.get_running_loop().time() + delay >= deadline:
            return False
        await asyncio.sleep(delay)
        return True


def _is_retryable(status: int) -> bool:
    return status == 429 or status >= 500


def _result(response: httpx.Response, attempts: int) -> SendResult:
    payload = _json(response)
    status = response.status_code
    if 200 <= status < 300:
        sid = payload.get("sid")
        return SendResult(True, sid if isinstance(sid, str) else None, status, None, attempts)
    error = _twilio_error(payload, response)
    return SendResult(False, None, status, error, attempts, _is_retryable(status))


def _json(response: httpx.Response) -> dict[str, object]:
    try:
        payload = response.json()
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def _twilio_error(payload: dict[str, object], response: httpx.Response) -> str:
    # Twilio's error body: {"code": 21211, "message": "...", "more_info": ..., "status": 400}
    message = payload.get("message") or response.text[:200] or response.reason_phrase
    code = payload.get("code")
    return f"HTTP {response.status_code}" + (f" {code}" if code else "") + f": {message}"


def _describe(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
