"""Logs never show a customer's full phone number, wherever it appears in a line."""

from __future__ import annotations

import logging

import pytest
from uvicorn.logging import AccessFormatter

from elgbot.logs import PhoneMasking, mask_phones_in


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("/console/carts?q=%2B919800000070", "/console/carts?q=%2B91******0070"),
        ("/console/carts?q=%2b919800000070", "/console/carts?q=%2b91******0070"),
        ("/console/carts?q=+919800000070", "/console/carts?q=+91******0070"),
        ("/console/carts?q=9800000070&page=2", "/console/carts?q=98****0070&page=2"),
        ("from=whatsapp%3A%2B919812345678", "from=whatsapp%3A%2B91******5678"),
        ("customer 919812345678 wrote", "customer 91******5678 wrote"),
    ],
)
def test_phone_numbers_in_text_and_urls_are_masked(text: str, masked: str) -> None:
    assert mask_phones_in(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "/console/orders?q=ELG-2041",
        "/console/handoffs/12345",
        "/whatsapp/status?MessageSid=SM0123456789012345678901234567abcd",
    ],
)
def test_ids_and_short_numbers_are_left_alone(text: str) -> None:
    assert mask_phones_in(text) == text


def test_an_access_log_record_is_masked_and_still_formats() -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/console/carts?q=%2B919800000070", "1.1", 303),
        None,
    )
    assert PhoneMasking().filter(record)
    line = AccessFormatter("%(request_line)s %(status_code)s", use_colors=False).format(record)
    assert line == "GET /console/carts?q=%2B91******0070 HTTP/1.1 303 See Other"
