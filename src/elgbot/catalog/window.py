"""Which stones a spec can be answered with, and how far each is from what was asked.

A `SearchWindow` is data: three boxes of stones (exact, stretch, near) and a `Closeness`.
Ranking (`matching.rank`) checks stones against the boxes in Python; the SQL catalog turns
the same boxes into WHERE clauses and the same closeness into its ORDER BY, so the database
returns the few stones ranking needs and a test can compare both against a full scan.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from elgbot.catalog.grades import Clarity, Color, Cut
from elgbot.catalog.stone import DiamondSpec, Stone

SINGLE_CARAT_TOLERANCE: Final = 0.05  # "1.5 ct" means 1.45–1.55 for an exact match
NEAR_CARAT_FRACTION: Final = 0.05
STRETCH_FRACTION: Final = 0.10  # a stretch option costs at most 10 % over the budget
# Float carats read from a database compare equal to the figures they were written from.
CARAT_SLACK: Final = 1e-9

# The weighted grade distance (0 = what was asked): a 10 % carat miss weighs one grade.
CARAT_WEIGHT: Final = 10.0
GRADE_WEIGHT: Final = 1.0
# Better grades cost half: customers rarely mind a better stone within budget.
BETTER_GRADE_WEIGHT: Final = 0.5
CUT_WEIGHT: Final = 0.8
MIN_TARGET_CARAT: Final = 0.01


@dataclass(frozen=True, slots=True)
class Bounds:
    """A box of stones; `None` leaves a fact unconstrained. Prices: above `price_above`
    (exclusive) and at most `price_max`."""

    shape: str | None
    carat_min: float | None
    carat_max: float | None
    color_ranks: tuple[int, ...] | None
    clarity_ranks: tuple[int, ...] | None
    worst_cut_tier: int | None
    price_max: int | None
    price_above: int | None = None

    def admits(self, stone: Stone) -> bool:
        return (
            (self.shape is None or stone.shape.value == self.shape)
            and (self.carat_min is None or stone.carat >= self.carat_min)
            and (self.carat_max is None or stone.carat <= self.carat_max)
            and (self.color_ranks is None or stone.color.rank in self.color_ranks)
            and (self.clarity_ranks is None or stone.clarity.rank in self.clarity_ranks)
            and self._admits_cut(stone.cut)
            and (self.price_max is None or stone.price_inr <= self.price_max)
            and (self.price_above is None or stone.price_inr > self.price_above)
        )

    def _admits_cut(self, cut: Cut | None) -> bool:
        if self.worst_cut_tier is None:
            return True
        return cut is not None and cut.tier <= self.worst_cut_tier


@dataclass(frozen=True, slots=True)
class Closeness:
    """The weighted grade distance of a stone from a spec.

    Spans are the asked (best, worst) ranks; a rank inside a span costs nothing. The SQL
    catalog computes the same sum in the same order (`store._distance`), so both sort alike.
    """

    target_carat: float | None
    color_span: tuple[int, int] | None
    clarity_span: tuple[int, int] | None
    worst_cut_tier: int | None
    # At equal distance, dearest first: with a budget and no carat to aim at ("oval under
    # 2 lakh" is not asking for ₹2,000 chips), and with a budget floor ("60-70k", "min 1
    # lakh": what fills in below it should be nearest the floor). *more* pages on down.
    dearest_first: bool = False

    @property
    def grades_matter(self) -> bool:
        """Whether grades add to the distance (otherwise only carat does)."""
        spans = (self.color_span, self.clarity_span, self.worst_cut_tier)
        return any(span is not None for span in spans)

    def distance(self, stone: Stone) -> float:
        carat = 0.0
        if self.target_carat is not None:
            carat = abs(stone.carat - self.target_carat) / self.target_carat * CARAT_WEIGHT
        return (
            carat
            + grade_distance(self.color_span, stone.color.rank)
            + grade_distance(self.clarity_span, stone.clarity.rank)
            + self._cut_distance(stone.cut)
        )

    def _cut_distance(self, cut: Cut | None) -> float:
        if self.worst_cut_tier is None:
            return 0.0
        steps = 2 if cut is None else max(cut.tier - self.worst_cut_tier, 0)
        return steps * CUT_WEIGHT


def grade_distance(span: tuple[int, int] | None, rank: int) -> float:
    if span is None or span[0] <= rank <= span[1]:
        return 0.0
    if rank < span[0]:
        return (span[0] - rank) * BETTER_GRADE_WEIGHT
    return (rank - span[1]) * GRADE_WEIGHT


@dataclass(frozen=True, slots=True)
class SearchWindow:
    """Exact matches within budget; near matches (exact ones too) within budget; and the
    exact matches just over budget a stretch option comes from (none without a budget)."""

    exact: Bounds
    near: Bounds
    stretch: Bounds | None
    closeness: Closeness


def search_window(spec: DiamondSpec) -> SearchWindow:
    exact = _exact_bounds(spec)
    return SearchWindow(exact, _near_bounds(spec), _stretch_bounds(spec, exact), _closeness(spec))


def exact_at_any_price(spec: DiamondSpec) -> Bounds:
    """The exact matches whatever they cost: what the budget alone keeps out."""
    return replace(_exact_bounds(spec), price_max=None, price_above=None)


def exact_carat_range(spec: DiamondSpec) -> tuple[float | None, float | None]:
    """The carats an exact match may weigh: a single figure allows a small tolerance."""
    low, high = spec.carat_min, spec.carat_max
    if low is not None and high is not None and low == high:
        return low - SINGLE_CARAT_TOLERANCE, high + SINGLE_CARAT_TOLERANCE
    return low, high


def stretch_limit(budget: int) -> int:
    """The dearest a stretch option may be (integer rupees, rounded down)."""
    return budget + int(budget * STRETCH_FRACTION)


def _exact_bounds(spec: DiamondSpec) -> Bounds:
    low, high = exact_carat_range(spec)
    return Bounds(
        shape=spec.shape.value if spec.shape else None,
        carat_min=None if low is None else low - CARAT_SLACK,
        carat_max=None if high is None else high + CARAT_SLACK,
        color_ranks=tuple(sorted({c.rank for c in spec.colors})) or None,
        clarity_ranks=tuple(sorted({c.rank for c in spec.clarities})) or None,
        worst_cut_tier=max(c.tier for c in spec.cuts) if spec.cuts else None,
        price_max=spec.budget_max_inr,
        # "40k-80k": the range is what was asked for; cheaper stones only fill in (near).
        price_above=None if spec.budget_min_inr is None else spec.budget_min_inr - 1,
    )


def _near_bounds(spec: DiamondSpec) -> Bounds:
    low, high = exact_carat_range(spec)
    return Bounds(
        shape=spec.shape.value if spec.shape else None,
        carat_min=None if low is None else low * (1 - NEAR_CARAT_FRACTION) - CARAT_SLACK,
        carat_max=None if high is None else high * (1 + NEAR_CARAT_FRACTION) + CARAT_SLACK,
        color_ranks=_widened([c.rank for c in spec.colors], len(Color)),
        clarity_ranks=_widened([c.rank for c in spec.clarities], len(Clarity)),
        worst_cut_tier=max(c.tier for c in spec.cuts) + 1 if spec.cuts else None,
        price_max=spec.budget_max_inr,  # below a budget floor is no worse: it may fill in
    )


def _stretch_bounds(spec: DiamondSpec, exact: Bounds) -> Bounds | None:
    budget = spec.budget_max_inr
    if budget is None or spec.firm_budget or stretch_limit(budget) <= budget:
        return None
    return Bounds(
        exact.shape,
        exact.carat_min,
        exact.carat_max,
        exact.color_ranks,
        exact.clarity_ranks,
        exact.worst_cut_tier,
        price_max=stretch_limit(budget),
        price_above=budget,
    )


def _closeness(spec: DiamondSpec) -> Closeness:
    low, high = spec.carat_min, spec.carat_max
    target = None if low is None or high is None else max((low + high) / 2, MIN_TARGET_CARAT)
    return Closeness(
        target_carat=target,
        color_span=_span([c.rank for c in spec.colors]),
        clarity_span=_span([c.rank for c in spec.clarities]),
        worst_cut_tier=max(c.tier for c in spec.cuts) if spec.cuts else None,
        dearest_first=spec.budget_min_inr is not None
        or (target is None and spec.budget_max_inr is not None),
    )


def _widened(ranks: list[int], size: int) -> tuple[int, ...] | None:
    if not ranks:
        return None
    return tuple(range(max(min(ranks) - 1, 0), min(max(ranks) + 1, size - 1) + 1))


def _span(ranks: list[int]) -> tuple[int, int] | None:
    return (min(ranks), max(ranks)) if ranks else None
