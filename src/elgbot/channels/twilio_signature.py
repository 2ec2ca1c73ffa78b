"""X-Twilio-Signature: is this webhook really from Twilio?

twilio-python's RequestValidator computes the signature, and its own `add_port` and
`remove_port` give the two URLs Twilio may have signed (with and without the default port);
a request is genuine when either matches, exactly as `RequestValidator.validate` decides.
We do not call `validate` itself: it always computes both signatures and compares them in
a Python loop, which was a sixth of each webhook's cost. Here the URL as received is tried
first (usually the one Twilio signed) and `hmac.compare_digest` compares in constant time.
Repeated keys: it reads a multi-dict through `getall`, and given a plain
dict it sees one value per name and rejects a genuine request, so the form is handed over
as `_MultiParams`, which keeps every pair.

Twilio signs with the account's auth token and HMAC-SHA1, unless a Webhook Rule matches
the URL: then it signs with that rule's shared key (and its algorithm, e.g. HMAC_SHA256)
and names both in X-Twilio-Webhooks-Signature-Settings (`key=<id>,algorithm=<name>`).
During a key rotation Twilio splits traffic between two keys, so secrets are looked up by
the id the request names, never guessed.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator, Mapping
from urllib.parse import urlparse, urlsplit

from twilio.request_validator import (
    HMAC_SHA1,
    HMAC_SHA256,
    RequestValidator,
    add_port,
    get_signature_algorithm,
    remove_port,
)

from elgbot.channels.twilio_inbound import FormParams, form_pairs

SIGNATURE_HEADER = "X-Twilio-Signature"
SETTINGS_HEADER = "X-Twilio-Webhooks-Signature-Settings"
_ALGORITHMS = frozenset({HMAC_SHA1, HMAC_SHA256})


class SignatureVerifier:
    def __init__(self, auth_token: str, shared_keys: Mapping[str, str] | None = None) -> None:
        """`shared_keys`: the secret of each Twilio webhook SharedKey, by its id."""
        self._validator = RequestValidator(auth_token)
        self._shared = {
            key: RequestValidator(secret) for key, secret in (shared_keys or {}).items()
        }

    def is_valid(
        self, url: str, params: FormParams, signature: str | None, settings: str | None = None
    ) -> bool:
        """True only when `signature` is Twilio's for exactly this URL and every pair.

        `settings` is the X-Twilio-Webhooks-Signature-Settings header, if any."""
        return self.refusal(url, params, signature, settings) is None

    def refusal(
        self, url: str, params: FormParams, signature: str | None, settings: str | None = None
    ) -> str | None:
        """Why this request is not Twilio's (for the log), or None when it is."""
        if not signature:
            return "no signature"
        validator, algorithm = self._validator, None
        if settings and settings.strip():
            key = shared_key_id(settings)
            if key not in self._shared:
                named = key or "(unnamed)"
                return f"signed with shared key {named}, which is not in TWILIO_WEBHOOK_SHARED_KEYS"
            validator, algorithm = self._shared[key], get_signature_algorithm(settings)
        try:
            return _mismatch(validator, url, _MultiParams(params), signature, algorithm)
        except ValueError:  # a malformed URL, e.g. a non-numeric port: not Twilio's
            return "bad signature"


def _mismatch(
    validator: RequestValidator,
    url: str,
    params: _MultiParams,
    signature: str,
    algorithm: str | None,
) -> str | None:
    """None when `signature` is the validator's for either form of `url`, else why not."""
    if algorithm is not None and algorithm.upper() not in _ALGORITHMS:
        return f"signed with {algorithm}, which this version of twilio cannot check"
    parsed = urlparse(url)
    with_port, without_port = add_port(parsed), remove_port(parsed)
    candidates = (with_port, without_port) if url == with_port else (without_port, with_port)
    expected = signature.encode("utf-8", errors="replace")
    for candidate in candidates:
        computed = validator.compute_signature(candidate, params, algorithm)
        if hmac.compare_digest(computed.encode(), expected):
            return None
    return "bad signature"


def shared_key_id(settings: str) -> str:
    """The `key=` of an X-Twilio-Webhooks-Signature-Settings header ("" when absent)."""
    for part in settings.split(","):
        name, equals, value = part.partition("=")
        if equals and name.strip() == "key":
            return value.strip()
    return ""


def sign(secret: str, url: str, params: FormParams, algorithm: str | None = None) -> str:
    """The signature Twilio would send for this request (for tests and tools): `secret` is
    the auth token, or a shared key's secret with its `algorithm` (default HMAC_SHA1)."""
    validator = RequestValidator(secret)
    return str(validator.compute_signature(url, _MultiParams(params), algorithm))


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
