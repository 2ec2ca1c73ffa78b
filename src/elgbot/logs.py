"""Logging helpers: customer identifiers never appear in full in logs."""

from __future__ import annotations

import logging


def mask_phone(address: str) -> str:
    """'whatsapp:+919812345678' → 'whatsapp:+91******5678'."""
    prefix, _, number = address.rpartition(":")
    digits = number.lstrip("+")
    if len(digits) <= 6:
        return f"{prefix}:***" if prefix else "***"
    masked = f"+{digits[:2]}{'*' * (len(digits) - 6)}{digits[-4:]}"
    return f"{prefix}:{masked}" if prefix else masked


def get_logger(name: str) -> logging.Logger:
    return logging.getLogger(f"elgbot.{name}")
