"""Webhooks signed with a Twilio SharedKey (Webhook Rules) instead of the auth token.

Twilio then names the key and algorithm in X-Twilio-Webhooks-Signature-Settings and signs
the same string (URL + sorted name/value pairs) with the key's secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest

from elgbot.channels.twilio_signature import SignatureVerifier, shared_key_id, sign
from elgbot.settings import Settings, parse_shared_keys

TOKEN = "auth-token"
URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
PARAMS = [
    ("CallSid", "CA1234567890ABCDE"),
    ("Digits", "1234"),
    ("From", "+14158675309"),
    ("To", "+18005551212"),
    ("Caller", "+14158675309"),
]
# twilio-python 9.13's compute_signature with secret 12345, HMAC_SHA256, over the vectors
# of its SHA-1 tests (checked against a plain hmac computation below).
SHA256_VECTOR = "033hgUJA9M/hXIZsYjwkerEP/DBm35nEri5FhCYjA5s="
OLD, NEW = "webhooks_sharedkey_01old", "webhooks_sharedkey_02new"
SHA256 = f"key={OLD},algorithm=HMAC_SHA256"

verifier = SignatureVerifier(TOKEN, {OLD: "12345", NEW: "s3cret=="})


def _hmac_sha256(secret: str, url: str, params: list[tuple[str, str]]) -> str:
    payload = url + "".join(name + value for name, value in sorted(params))
    return base64.b64encode(
        hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest()
    ).decode()


def test_the_sha256_vector_is_what_twilio_documents() -> None:
    assert _hmac_sha256("12345", URL, PARAMS) == SHA256_VECTOR
    assert sign("12345", URL, PARAMS, "HMAC_SHA256") == SHA256_VECTOR


def test_a_request_signed_with_a_configured_shared_key_is_valid() -> None:
    assert verifier.refusal(URL, PARAMS, SHA256_VECTOR, SHA256) is None
    # Twilio tries the URL with and without the default port for these too.
    assert verifier.is_valid(URL.replace(".com", ".com:443"), PARAMS, SHA256_VECTOR, SHA256)


def test_during_a_rotation_each_request_is_checked_with_the_key_it_names() -> None:
    signed_new = sign("s3cret==", URL, PARAMS, "HMAC_SHA256")
    assert verifier.is_valid(URL, PARAMS, signed_new, f"key={NEW},algorithm=HMAC_SHA256")
    # The old key's secret does not pass for the new key, nor the other way round.
    assert not verifier.is_valid(URL, PARAMS, SHA256_VECTOR, f"key={NEW},algorithm=HMAC_SHA256")
    assert not verifier.is_valid(URL, PARAMS, signed_new, SHA256)


def test_a_key_that_is_not_configured_is_refused_saying_so() -> None:
    header = "key=webhooks_sharedkey_03unknown,algorithm=HMAC_SHA256"
    refusal = verifier.refusal(URL, PARAMS, SHA256_VECTOR, header)
    assert refusal is not None
    assert "webhooks_sharedkey_03unknown" in refusal
    assert "TWILIO_WEBHOOK_SHARED_KEYS" in refusal
    without_keys = SignatureVerifier("12345")
    assert not without_keys.is_valid(URL, PARAMS, SHA256_VECTOR, SHA256)


def test_the_header_cannot_switch_a_request_to_the_auth_token() -> None:
    # An auth-token signature with a settings header naming no known key is refused...
    by_token = sign(TOKEN, URL, PARAMS)
    assert not verifier.is_valid(URL, PARAMS, by_token, "algorithm=HMAC_SHA1")
    assert not verifier.is_valid(URL, PARAMS, by_token, f"key={TOKEN},algorithm=HMAC_SHA1")
    # ...and without the header the auth token still signs (URLs no rule matches).
    assert verifier.is_valid(URL, PARAMS, by_token)
    assert verifier.is_valid(URL, PARAMS, by_token, "  ")


def test_the_algorithm_the_header_names_is_the_one_checked() -> None:
    sha1 = sign("12345", URL, PARAMS, "HMAC_SHA1")
    assert verifier.is_valid(URL, PARAMS, sha1, f"key={OLD},algorithm=HMAC_SHA1")
    assert verifier.is_valid(URL, PARAMS, sha1, f"key={OLD}")  # no algorithm: SHA-1
    assert not verifier.is_valid(URL, PARAMS, sha1, SHA256)
    assert not verifier.is_valid(URL, PARAMS, SHA256_VECTOR, f"key={OLD},algorithm=HMAC_SHA1")


def test_an_unsupported_algorithm_is_refused() -> None:
    header = f"key={OLD},algorithm=HMAC_SHA512"
    refusal = verifier.refusal(URL, PARAMS, SHA256_VECTOR, header)
    assert refusal is not None
    assert "HMAC_SHA512" in refusal


def test_a_tampered_parameter_is_refused() -> None:
    tampered = [(k, "9999" if k == "Digits" else v) for k, v in PARAMS]
    assert not verifier.is_valid(URL, tampered, SHA256_VECTOR, SHA256)


@pytest.mark.parametrize(
    ("header", "key"),
    [
        (f"key={OLD},algorithm=HMAC_SHA256", OLD),
        (f" algorithm=HMAC_SHA256 , key = {OLD} ", OLD),
        ("algorithm=HMAC_SHA256", ""),
        ("key=", ""),
        ("garbage", ""),
    ],
)
def test_the_key_id_is_read_from_the_header(header: str, key: str) -> None:
    assert shared_key_id(header) == key


def test_shared_keys_are_configured_as_id_secret_pairs() -> None:
    parsed = parse_shared_keys(f" {OLD}=12345 , {NEW}=s3cret==,")
    assert parsed == {OLD: "12345", NEW: "s3cret=="}
    assert parse_shared_keys(None) == parse_shared_keys("") == {}


@pytest.mark.parametrize("text", ["hunter2", "=hunter2", "id=", "a=hunter2,hunter2"])
def test_a_malformed_shared_key_setting_fails_without_echoing_secrets(text: str) -> None:
    with pytest.raises(ValueError, match="id=secret") as failure:
        Settings(twilio_webhook_shared_keys=text)
    assert "hunter2" not in str(failure.value)
