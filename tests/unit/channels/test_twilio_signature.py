"""X-Twilio-Signature checks, against the test vectors of twilio-python and Twilio's docs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.datastructures import FormData, UploadFile
from twilio.request_validator import RequestValidator

from elgbot.channels.twilio_signature import SignatureVerifier, _MultiParams, public_url, sign

TOKEN = "12345"
URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
PARAMS = [
    ("CallSid", "CA1234567890ABCDE"),
    ("Digits", "1234"),
    ("From", "+14158675309"),
    ("To", "+18005551212"),
    ("Caller", "+14158675309"),
]
SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8="
REPEATED = [
    ("Sid", "CA123"),
    ("SidAccount", "AC123"),
    ("Digits", "5678"),
    ("Digits", "1234"),
]
REPEATED_SIGNATURE = "IK+Dwps556ElfBT0I3Rgjkr1wJU="

verifier = SignatureVerifier(TOKEN)


@pytest.mark.parametrize(
    ("url", "signature"),
    [
        pytest.param(URL, SIGNATURE, id="as signed"),
        pytest.param(URL.replace(".com", ".com:1234"), SIGNATURE, id="https, port dropped"),
        pytest.param(
            URL.replace(".com", ".com:1234").replace("https", "http"),
            "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=",
            id="http with port",
        ),
        pytest.param(URL, "kvajT1Ptam85bY51eRf/AJRuM3w=", id="https, signed with :443"),
        pytest.param(
            URL.replace("https", "http"), "0ZXoZLH/DfblKGATFgpif+LLRf4=", id="http, signed with :80"
        ),
    ],
)
def test_twilio_python_vectors_are_valid(url: str, signature: str) -> None:
    assert verifier.is_valid(url, PARAMS, signature)


def test_sign_gives_the_vector_signature() -> None:
    assert sign(TOKEN, URL, PARAMS) == SIGNATURE


def test_twilio_docs_example_is_valid() -> None:
    params = [
        ("CallSid", "CA1234567890ABCDE"),
        ("Caller", "+14158675310"),
        ("Digits", "1234"),
        ("From", "+14158675310"),
        ("To", "+18005551212"),
    ]
    url = "https://example.com/myapp.php?foo=1&bar=2"
    assert verifier.is_valid(url, params, "L/OH5YylLD5NRKLltdqwSvS0BnU=")


def test_repeated_keys_are_all_signed() -> None:
    assert sign(TOKEN, URL, REPEATED) == REPEATED_SIGNATURE
    assert verifier.is_valid(URL, REPEATED, REPEATED_SIGNATURE)


def test_repeated_keys_validate_in_any_arrival_order() -> None:
    assert verifier.is_valid(URL, list(reversed(REPEATED)), REPEATED_SIGNATURE)


def test_repeated_keys_survive_a_starlette_form() -> None:
    items: list[tuple[str, str | UploadFile]] = list(REPEATED)
    assert verifier.is_valid(URL, FormData(items), REPEATED_SIGNATURE)


def test_an_identical_repeated_pair_signs_like_a_single_one() -> None:
    # twilio-python de-duplicates values per name; the reference table's vector relies on it.
    repeated_twice = [*REPEATED, ("Digits", "1234")]
    assert verifier.is_valid(URL, repeated_twice, REPEATED_SIGNATURE)


def test_dropping_one_of_the_repeated_values_is_rejected() -> None:
    assert not verifier.is_valid(URL, REPEATED[:3], REPEATED_SIGNATURE)


@pytest.mark.parametrize("signature", [None, "", "   "])
def test_a_missing_signature_is_rejected(signature: str | None) -> None:
    assert not verifier.is_valid(URL, PARAMS, signature)


def test_a_signature_made_with_another_token_is_rejected() -> None:
    assert not SignatureVerifier("54321").is_valid(URL, PARAMS, SIGNATURE)
    assert not verifier.is_valid(URL, PARAMS, sign("54321", URL, PARAMS))


def test_a_tampered_parameter_is_rejected() -> None:
    tampered = [(k, "9999" if k == "Digits" else v) for k, v in PARAMS]
    assert not verifier.is_valid(URL, tampered, SIGNATURE)


def test_a_parameter_added_by_an_attacker_is_rejected() -> None:
    assert not verifier.is_valid(URL, [*PARAMS, ("Body", "free diamonds")], SIGNATURE)


def test_another_url_is_rejected() -> None:
    assert not verifier.is_valid(URL.replace("foo=1", "foo=2"), PARAMS, SIGNATURE)
    assert not verifier.is_valid(URL.replace("myapp.php", "myapp.php/"), PARAMS, SIGNATURE)


def test_a_malformed_url_is_rejected_not_raised() -> None:
    assert not verifier.is_valid("https://mycompany.com:port/x", PARAMS, SIGNATURE)


def test_a_whatsapp_webhook_signed_by_sign_validates() -> None:
    url = "https://bot.example.com/whatsapp"
    form = [("MessageSid", "SM" + "a" * 32), ("From", "whatsapp:+919812345678"), ("Body", "Hi ₹")]
    assert verifier.is_valid(url, form, sign(TOKEN, url, form))


def test_public_url_uses_the_configured_base_with_the_request_path_and_query() -> None:
    seen = "http://10.0.0.5:8000/whatsapp?x=a%20b&y=%2F"
    assert (
        public_url("https://bot.example.com", seen)
        == "https://bot.example.com/whatsapp?x=a%20b&y=%2F"
    )
    assert (
        public_url("https://bot.example.com/", seen)
        == "https://bot.example.com/whatsapp?x=a%20b&y=%2F"
    )


def test_public_url_keeps_a_trailing_slash_and_an_empty_query() -> None:
    assert public_url("https://b.example", "http://h/whatsapp/") == "https://b.example/whatsapp/"
    assert public_url("https://b.example", "http://h/whatsapp?") == "https://b.example/whatsapp?"


@pytest.mark.parametrize("configured", [None, "", "  "])
def test_public_url_without_configuration_is_the_request_url(configured: str | None) -> None:
    seen = "https://bot.example.com/whatsapp?a=1"
    assert public_url(configured, seen) == seen


# The verifier decides as RequestValidator.validate does, though it does less work: every
# URL form Twilio's port handling covers, signed for one form and checked against another.
_URL_FORMS = [
    "https://bot.example.com/whatsapp",
    "https://bot.example.com:443/whatsapp",
    "https://bot.example.com:8443/whatsapp?a=1",
    "http://bot.example.com/whatsapp",
    "http://bot.example.com:80/whatsapp",
    "http://127.0.0.1:8000/whatsapp?x=a%20b",
    "http://127.0.0.1/whatsapp?",
]


@given(
    signed_url=st.sampled_from(_URL_FORMS),
    checked_url=st.sampled_from(_URL_FORMS),
    params=st.lists(st.tuples(st.sampled_from(["Body", "From", "A"]), st.text(max_size=8))),
    tamper=st.booleans(),
)
def test_the_verdict_is_request_validators(
    signed_url: str, checked_url: str, params: list[tuple[str, str]], tamper: bool
) -> None:
    signature = sign(TOKEN, signed_url, params)
    if tamper:
        signature = signature[::-1]
    expected = RequestValidator(TOKEN).validate(checked_url, _MultiParams(params), signature)
    assert verifier.is_valid(checked_url, params, signature) is expected
