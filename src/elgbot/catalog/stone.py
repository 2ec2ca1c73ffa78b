"""Value objects for stones in the catalog and what a customer asks for."""

from __future__ import annotations

from dataclasses import dataclass, field

from elgbot.catalog.grades import Clarity, Color, Cut, Shape


@dataclass(frozen=True, slots=True)
class Stone:
    """One laboratory-grown diamond in stock. `price_inr` is always the stone's total."""

    stock_id: str
    shape: Shape
    carat: float
    color: Color
    clarity: Clarity
    cut: Cut | None
    price_inr: int


@dataclass(frozen=True, slots=True)
class DiamondSpec:
    """What a customer asked for. `None` or an empty tuple means "not said" (any).

    Grade tuples list every acceptable grade, best first; a carat range is inclusive.
    """

    shape: Shape | None = None
    carat_min: float | None = None
    carat_max: float | None = None
    colors: tuple[Color, ...] = field(default_factory=tuple)
    clarities: tuple[Clarity, ...] = field(default_factory=tuple)
    cuts: tuple[Cut, ...] = field(default_factory=tuple)
    budget_min_inr: int | None = None
    budget_max_inr: int | None = None
    # "cheaper" set the budget below the options shown: no stretch option over it, which
    # would be one of the stones the customer just asked to undercut.
    firm_budget: bool = False

    @property
    def is_empty(self) -> bool:
        return self == DiamondSpec()
