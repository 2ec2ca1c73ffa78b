"""A part of a message the spec reader could not accept, said so the bot can ask back."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Unclear:
    """One part of the message that was not understood or is not plausible.

    `field` is "shape", "carat", "color", "clarity", "cut", "budget" or "text"; `text` quotes
    the customer's own words; `reason` is short and fit to show the customer.
    """

    field: str
    text: str
    reason: str
