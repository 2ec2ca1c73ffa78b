"""The StatusCallback URL every REST send carries, from ELG_PUBLIC_URL."""

from __future__ import annotations

import pytest

from elgbot.channels.twilio_rest import status_callback_url


@pytest.mark.parametrize(
    ("public_url", "expected"),
    [
        ("https://bot.example.com", "https://bot.example.com/whatsapp/status"),
        ("https://bot.example.com/", "https://bot.example.com/whatsapp/status"),
        (" https://bot.example.com:8443 ", "https://bot.example.com:8443/whatsapp/status"),
        (None, None),
        ("", None),
        ("  ", None),
    ],
)
def test_the_callback_is_the_public_status_webhook(
    public_url: str | None, expected: str | None
) -> None:
    assert status_callback_url(public_url) == expected
