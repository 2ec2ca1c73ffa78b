"""A stone as the catalog stores it, and a stone's current state for carts."""

from __future__ import annotations

from dataclasses import dataclass

from elgbot.catalog.grades import Cut
from elgbot.catalog.stone import Stone


@dataclass(frozen=True, slots=True)
class Listing:
    """A stone with the graded facts the catalog keeps beside it (none are searched on)."""

    stone: Stone
    polish: Cut | None = None
    symmetry: Cut | None = None
    fluorescence: str | None = None  # none, faint, medium, strong, very strong
    lab: str | None = None
    certificate: str | None = None


@dataclass(frozen=True, slots=True)
class StockState:
    """Whether a stone is still offered, and at what total price now."""

    available: bool
    price_inr: int
