"""X-Twilio-Signature: is this webhook really from Twilio?

twilio-python's RequestValidator does the work (it also tries the URL with and without the
default port). Repeated keys: it reads a multi-dict through `getall`, and given a plain
dict it sees one value per name and rejects a genuine request, so the form is handed over
as `_MultiParams`, which keeps every pair.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from twilio.request_validator import RequestValidator

from elgbot.channels.twilio_inbound import FormParams, form_pairs

SIGNATURE_HEADER = "X-Twilio-Signature"


class SignatureVerifier:
    def __init__(self, auth_token: str) -> None:
        self._validator = RequestValidator(auth_token)

    def is_valid(self, url: str, params: FormParams, signature: str | None) -> bool:
        """True only when `signature` is Twilio's for exactly this URL and every pair."""
        if not signature:
            return False
        try:
            return bool(self._validator.validate(url, _MultiParams(params), signature))
        except ValueError:  # a malformed URL, e.g. a non-numeric port: not Twilio's
            return False


def sign(auth_token: str, url: str, params: FormParams) -> str:
    """The signature Twilio would send for this request (for tests and tools)."""
    return str(RequestValidator(auth_token).compute_signature(url, _MultiParams(params)))


def public_url(configured: str | None, request_url: str) -> str:
    """The URL Twilio signed: the configured public base + the request's path and query.

    Behind a proxy or tunnel the app sees another scheme or host than Twilio used, so the
    configured base wins; path and query are copied as they came, never re-encoded.
    """
    if not configured or not configured.strip():
        return request_url
    _, question, query = request_url.partition("#")[0].partition("?")
    return configured.strip().rstrip("/") + urlsplit(request_url).path + question + query


class _MultiParams:
    """The multi-dict interface RequestValidator reads: names by iteration, `getall`."""

    def __init__(self, params: FormParams) -> None:
        self._pairs = form_pairs(params)
        self._values: dict[str, list[str]] = {}
        for name, value in self._pairs:
            self._values.setdefault(name, []).append(value)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._pairs)

    def __len__(self) -> int:
        return len(self._pairs)

    def getall(self, name: str) -> list[str]:
        return self._values.get(name, [])
