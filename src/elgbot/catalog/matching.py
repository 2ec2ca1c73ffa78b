"""Which stones answer a spec, and in what order. Pure: the SQL catalog filters by the
window (`catalog.window`) and ranking happens here, so both are table-testable.

Exact matches come first, closest to what was asked, then cheapest (with a budget and no
carat, dearest: the best the budget buys). With fewer than three,
near matches (carat ±5 %, colour and clarity one grade either way, cut one tier lower) fill
the list up to four, each labelled with how it differs, and at most one *stretch* option
may take the last place: an exact match up to 10 % over budget, marked with how much.
Nothing else over the customer's budget is ever offered. A budget range ("40k-80k") keeps
exact matches inside it; cheaper stones only fill in, as near matches, when those are few.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from elgbot.catalog.grades import Clarity, Color
from elgbot.catalog.stone import DiamondSpec, Stone
from elgbot.catalog.window import Closeness, SearchWindow, exact_carat_range, search_window

MAX_OPTIONS: Final = 4
# Near matches and a stretch option are offered only when exact matches are this scarce.
ENOUGH_EXACT: Final = 3

__all__ = ["ENOUGH_EXACT", "MAX_OPTIONS", "Match", "rank", "search_window"]


@dataclass(frozen=True, slots=True)
class Match:
    stone: Stone
    exact: bool  # never true over budget
    differences: tuple[str, ...]  # customer-facing, e.g. "1.60 ct instead of 1.50"
    over_budget_inr: int = 0  # above zero only for the stretch option

    @property
    def is_stretch(self) -> bool:
        return self.over_budget_inr > 0


def rank(spec: DiamondSpec, candidates: Iterable[Stone], limit: int = MAX_OPTIONS) -> list[Match]:
    """The options to offer from `candidates` (any stones: those outside the window drop)."""
    window = search_window(spec)
    order = _order(window.closeness, window.closeness.dearest_first)
    stones = list(candidates)
    exact = sorted((s for s in stones if window.exact.admits(s)), key=order)
    if len(exact) >= ENOUGH_EXACT:
        return [Match(s, True, ()) for s in exact[:limit]]
    # Over budget, the least over is the fairest stretch, whichever way the rest sort.
    stretch = _stretch(spec, window, stones, _order(window.closeness, dearest=False))
    near = sorted(
        (s for s in stones if window.near.admits(s) and not window.exact.admits(s)), key=order
    )
    room = max(limit - len(exact) - len(stretch), 0)
    return [
        *(Match(s, True, ()) for s in exact[:limit]),
        *(Match(s, False, _differences(spec, s)) for s in near[:room]),
        *stretch,
    ][:limit]


def _order(closeness: Closeness, dearest: bool) -> Callable[[Stone], tuple[float, int, str]]:
    """Nearest first; at equal distance the cheapest, or the dearest when `dearest`."""
    sign = -1 if dearest else 1

    def key(stone: Stone) -> tuple[float, int, str]:
        return closeness.distance(stone), sign * stone.price_inr, stone.stock_id

    return key


def _stretch(
    spec: DiamondSpec,
    window: SearchWindow,
    stones: list[Stone],
    order: Callable[[Stone], tuple[float, int, str]],
) -> list[Match]:
    bounds, budget = window.stretch, spec.budget_max_inr
    if bounds is None or budget is None:
        return []
    best = min((s for s in stones if bounds.admits(s)), key=order, default=None)
    return [] if best is None else [Match(best, False, (), best.price_inr - budget)]


def _differences(spec: DiamondSpec, stone: Stone) -> tuple[str, ...]:
    notes = (
        _carat_difference(spec, stone),
        _grade_difference(spec.colors, stone.color, "colour"),
        _grade_difference(spec.clarities, stone.clarity, "clarity"),
        _cut_difference(spec, stone),
        _price_difference(spec, stone),
    )
    return tuple(note for note in notes if note)


def _price_difference(spec: DiamondSpec, stone: Stone) -> str | None:
    floor = spec.budget_min_inr
    return "priced below your range" if floor is not None and stone.price_inr < floor else None


def _carat_difference(spec: DiamondSpec, stone: Stone) -> str | None:
    low, high = exact_carat_range(spec)
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
