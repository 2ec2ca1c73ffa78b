"""Which stones answer a spec, and in what order. Pure: the SQL store filters by the
window computed here, and ranking happens here, so both are table-testable.

Exact matches come first. Near matches (carat ±5 %, colour and clarity one grade either
way, cut one tier lower) fill the list up to four, each labelled with how it differs.
Nothing over the customer's budget is ever offered.
"""

from __future__ import annotations

from dataclasses import dataclass

from elgbot.catalog.grades import Clarity, Color, Cut
from elgbot.catalog.stone import DiamondSpec, Stone

MAX_OPTIONS = 4
SINGLE_CARAT_TOLERANCE = 0.05  # "1.5 ct" means 1.45–1.55 for an exact match
NEAR_CARAT_FRACTION = 0.05


@dataclass(frozen=True, slots=True)
class SearchWindow:
    """The widest set of stones that could be offered for a spec (exact or near)."""

    shape: str | None
    carat_min: float | None
    carat_max: float | None
    color_ranks: tuple[int, int] | None
    clarity_ranks: tuple[int, int] | None
    worst_cut_tier: int | None
    price_max: int | None
    price_min: int | None


@dataclass(frozen=True, slots=True)
class Match:
    stone: Stone
    exact: bool
    differences: tuple[str, ...]  # customer-facing, e.g. "1.60 ct instead of 1.50"


def search_window(spec: DiamondSpec) -> SearchWindow:
    low, high = _exact_carat(spec)
    return SearchWindow(
        shape=spec.shape.value if spec.shape else None,
        carat_min=None if low is None else low * (1 - NEAR_CARAT_FRACTION),
        carat_max=None if high is None else high * (1 + NEAR_CARAT_FRACTION),
        color_ranks=_widened([c.rank for c in spec.colors], len(Color)),
        clarity_ranks=_widened([c.rank for c in spec.clarities], len(Clarity)),
        worst_cut_tier=max(c.tier for c in spec.cuts) + 1 if spec.cuts else None,
        price_max=spec.budget_max_inr,
        price_min=None,  # a budget floor is a hint, not a filter: cheaper is never worse
    )


def rank(spec: DiamondSpec, candidates: list[Stone], limit: int = MAX_OPTIONS) -> list[Match]:
    """Exact matches first, then the nearest near matches; closeness before price."""
    matches = [_match(spec, stone) for stone in candidates if _within_budget(spec, stone)]
    matches.sort(key=lambda m: (not m.exact, _distance(spec, m.stone), m.stone.price_inr))
    return matches[:limit]


def _exact_carat(spec: DiamondSpec) -> tuple[float | None, float | None]:
    low, high = spec.carat_min, spec.carat_max
    if low is not None and high is not None and low == high:
        return low - SINGLE_CARAT_TOLERANCE, high + SINGLE_CARAT_TOLERANCE
    return low, high


def _widened(ranks: list[int], size: int) -> tuple[int, int] | None:
    if not ranks:
        return None
    return max(min(ranks) - 1, 0), min(max(ranks) + 1, size - 1)


def _within_budget(spec: DiamondSpec, stone: Stone) -> bool:
    return spec.budget_max_inr is None or stone.price_inr <= spec.budget_max_inr


def _match(spec: DiamondSpec, stone: Stone) -> Match:
    differences = tuple(
        note
        for note in (
            _carat_difference(spec, stone),
            _grade_difference(spec.colors, stone.color, "colour"),
            _grade_difference(spec.clarities, stone.clarity, "clarity"),
            _cut_difference(spec, stone),
        )
        if note
    )
    return Match(stone=stone, exact=not differences, differences=differences)


def _carat_difference(spec: DiamondSpec, stone: Stone) -> str | None:
    low, high = _exact_carat(spec)
    if (low is None or stone.carat >= low - 1e-9) and (high is None or stone.carat <= high + 1e-9):
        return None
    asked = spec.carat_min if stone.carat < (low or 0) else spec.carat_max
    return f"{stone.carat:.2f} ct instead of {asked:.2f}"


def _grade_difference(
    asked: tuple[Color, ...] | tuple[Clarity, ...], got: Color | Clarity, name: str
) -> str | None:
    if not asked or got in asked:
        return None
    better = got.rank < min(a.rank for a in asked)
    return f"{got.value}, {'better' if better else 'one grade lower'} {name}"


def _cut_difference(spec: DiamondSpec, stone: Stone) -> str | None:
    if not spec.cuts or (stone.cut and stone.cut.tier <= max(c.tier for c in spec.cuts)):
        return None
    return f"{stone.cut.label if stone.cut else 'ungraded'} cut"


def _distance(spec: DiamondSpec, stone: Stone) -> float:
    """Weighted grade distance: how far a stone is from what was asked (0 = exact)."""
    return (
        _carat_distance(spec, stone) * 10
        + _rank_distance([c.rank for c in spec.colors], stone.color.rank) * 1.0
        + _rank_distance([c.rank for c in spec.clarities], stone.clarity.rank) * 1.0
        + _cut_distance(spec.cuts, stone.cut) * 0.8
    )


def _carat_distance(spec: DiamondSpec, stone: Stone) -> float:
    low, high = spec.carat_min, spec.carat_max
    if low is None or high is None:
        return 0.0
    target = (low + high) / 2
    return abs(stone.carat - target) / max(target, 0.01)


def _rank_distance(asked: list[int], got: int) -> float:
    if not asked or min(asked) <= got <= max(asked):
        return 0.0
    # Better grades cost half: customers rarely mind a better stone within budget.
    return (min(asked) - got) * 0.5 if got < min(asked) else float(got - max(asked))


def _cut_distance(asked: tuple[Cut, ...], got: Cut | None) -> float:
    if not asked:
        return 0.0
    worst = max(c.tier for c in asked)
    return 2.0 if got is None else float(max(got.tier - worst, 0))
