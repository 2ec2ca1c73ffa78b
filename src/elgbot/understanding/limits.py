"""What exists: values outside these bounds are reported back, never used."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

CARAT_MIN: Final = Decimal("0.01")
CARAT_MAX: Final = Decimal(30)
BUDGET_MIN_INR: Final = 1_000
BUDGET_MAX_INR: Final = 50 * 10**7  # ₹50 crore

TOO_HEAVY: Final = "no stone is that large (we stock up to 30 ct)"
TOO_LIGHT: Final = "that is smaller than any stone we sell (from 0.01 ct)"
TOO_CHEAP: Final = "that budget is below our lowest price (₹1,000)"
TOO_DEAR: Final = "that budget is above anything we sell (up to ₹50 crore)"


def carat_problem(value: Decimal) -> str | None:
    if value > CARAT_MAX:
        return TOO_HEAVY
    return TOO_LIGHT if value < CARAT_MIN else None


def budget_problem(inr: int) -> str | None:
    if inr > BUDGET_MAX_INR:
        return TOO_DEAR
    return TOO_CHEAP if inr < BUDGET_MIN_INR else None
