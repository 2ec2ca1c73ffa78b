"""After diamond results, a change relative to them: "cheaper", "bigger", "smaller",
"better quality". The spec moves one step (a lower budget, the next size, the next grade)
and the search runs again, its "Your search" line saying what changed. When the spec has
nothing to move from (no budget to lower), the customer is asked for it instead.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final, TypeVar

from elgbot.catalog.grades import Clarity, Color
from elgbot.catalog.stone import DiamondSpec
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import SearchDiamonds, Turn
from elgbot.conversation.session import Session, Step
from elgbot.understanding.relative_change import Change, read_change

# The sizes customers ask for; "bigger" than 1 ct is 1.25 ct.
_SIZES: Final = (0.3, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
_CHEAPER: Final = 0.8  # "cheaper" with nothing shown: a budget a fifth lower
_ROUND_TO_INR: Final = 1_000
_G = TypeVar("_G", Color, Clarity)


def on_change(copy: Copy, session: Session, text: str) -> Turn | None:
    """The search one step cheaper, bigger, smaller or better; None when `text` asks for
    no such change."""
    change = read_change(text)
    if change is None:
        return None
    spec = changed(session.spec, change, _prices(session))
    if spec is not None:
        searching = replace(session, spec=spec, shown=()).at(Step.COLLECT_DIAMOND_SPECS)
        return Turn(searching, effects=(SearchDiamonds(spec),))
    if change is Change.CHEAPER:  # the budget question, read as one ("50000" too)
        return Turn(session.at(Step.COLLECT_DIAMOND_SPECS), (copy.refine_budget_question,))
    graded = change in (Change.BETTER, Change.WHITER, Change.CLEANER)
    question = copy.refine_grade_question if graded else copy.refine_carat_question
    return Turn(session, (question,))


def _prices(session: Session) -> tuple[int, ...]:
    return tuple(item.price_inr for item in session.shown if item.price_inr is not None)


def changed(spec: DiamondSpec, change: Change, shown: tuple[int, ...] = ()) -> DiamondSpec | None:
    """`spec` one step in the direction of `change`; None when it has no value to move.
    `shown`: the prices of the options on screen, which "cheaper" must undercut."""
    match change:
        case Change.CHEAPER:
            return _cheaper(spec, shown)
        case Change.BIGGER:
            size = _next_size(spec.carat_max or spec.carat_min, up=True)
            return None if size is None else replace(spec, carat_min=size, carat_max=size)
        case Change.SMALLER:
            size = _next_size(spec.carat_min or spec.carat_max, up=False)
            return None if size is None else replace(spec, carat_min=size, carat_max=size)
        case Change.BETTER:
            return _better(spec, colors=True, clarities=True)
        case Change.WHITER:
            return _better(spec, colors=True, clarities=False)
        case Change.CLEANER:
            return _better(spec, colors=False, clarities=True)


def _cheaper(spec: DiamondSpec, shown: tuple[int, ...]) -> DiamondSpec | None:
    """A round budget below the cheapest option shown; with none shown, a fifth lower."""
    if shown:
        budget = _rounded_down(min(shown) - 1)
    elif spec.budget_max_inr is not None:
        budget = _rounded_down(int(spec.budget_max_inr * _CHEAPER))
    else:
        return None
    return replace(spec, budget_min_inr=None, budget_max_inr=budget, firm_budget=True)


def _rounded_down(inr: int) -> int:
    """₹27,699 → ₹27,000, ₹2,199 → ₹2,100: a budget as a person would say it."""
    step = _ROUND_TO_INR if inr >= 10 * _ROUND_TO_INR else 100
    return max(inr // step * step, 100)


def _next_size(carat: float | None, *, up: bool) -> float | None:
    if carat is None:
        return None
    if up:
        return next((size for size in _SIZES if size > carat + 1e-9), None)
    return next((size for size in reversed(_SIZES) if size < carat - 1e-9), None)


def _better(spec: DiamondSpec, *, colors: bool, clarities: bool) -> DiamondSpec | None:
    """One grade better than the best colour and/or clarity asked; None when none was
    asked or all are at the top already."""
    better_colors = _one_better(spec.colors, Color) if colors else spec.colors
    better_clarities = _one_better(spec.clarities, Clarity) if clarities else spec.clarities
    return _if_changed(spec, better_colors, better_clarities)


def _if_changed(
    spec: DiamondSpec, colors: tuple[Color, ...], clarities: tuple[Clarity, ...]
) -> DiamondSpec | None:
    if colors == spec.colors and clarities == spec.clarities:
        return None
    return replace(spec, colors=colors, clarities=clarities)


def _one_better(asked: tuple[_G, ...], scale: type[_G]) -> tuple[_G, ...]:
    if not asked:
        return asked
    best = min(grade.rank for grade in asked)
    better = scale.by_rank(best - 1)
    return asked if better is None else (better,)
