"""Logging helpers: customer identifiers never appear in full in logs."""

from __future__ import annotations

import copy
import logging
import re
from typing import Any, Final

# A phone number written whole in free text or a URL: 10-15 digits, maybe after '+' or its
# URL escape '%2B', not inside a longer word or number ('%3A%2B91…' is still a match).
# Ten digits: Indian mobiles without the country code; shorter ids and amounts stay.
_PHONE_IN_TEXT: Final = re.compile(
    r"(?:(?<!\w)|(?<=%[0-9A-Fa-f]{2}))(?P<plus>\+|%2[Bb])?(?P<digits>\d{10,15})(?!\d)"
)


def mask_phone(address: str) -> str:
    """'whatsapp:+919812345678' → 'whatsapp:+91******5678'."""
    prefix, _, number = address.rpartition(":")
    digits = number.lstrip("+")
    if len(digits) <= 6:
        return f"{prefix}:***" if prefix else "***"
    masked = f"+{digits[:2]}{'*' * (len(digits) - 6)}{digits[-4:]}"
    return f"{prefix}:{masked}" if prefix else masked


def mask_phones_in(text: str) -> str:
    """'/console/carts?q=%2B919800000070' → '/console/carts?q=%2B91******0070'."""
    return _PHONE_IN_TEXT.sub(_masked_match, text)


def _masked_match(match: re.Match[str]) -> str:
    digits = match.group("digits")
    return f"{match.group('plus') or ''}{digits[:2]}{'*' * (len(digits) - 6)}{digits[-4:]}"


class PhoneMasking(logging.Filter):
    """Masks phone numbers in a record's message and arguments (uvicorn's access log passes
    the request path as an argument), keeping the arguments' shape for their formatter."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = mask_phones_in(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_masked_arg(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _masked_arg(arg) for key, arg in record.args.items()}
        return True


def _masked_arg(arg: object) -> object:
    return mask_phones_in(arg) if isinstance(arg, str) else arg


def uvicorn_log_config() -> dict[str, Any]:
    """uvicorn's default logging, with phone numbers masked on its handlers (the access log
    shows query strings, e.g. a console search by number). A dict, so workers rebuild it."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["mask_phones"] = {"()": f"{__name__}.PhoneMasking"}
    for handler in config["handlers"].values():
        handler.setdefault("filters", []).append("mask_phones")
    return config


def get_logger(name: str) -> logging.Logger:
    return logging.getLogger(f"elgbot.{name}")
