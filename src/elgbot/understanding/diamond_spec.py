"""One customer message -> diamond preferences, in any order, any case, with or without commas.

"looking for a 2 carat oval, F colour, VVS2, around 2.5L", "AS 2ct G VS2 VG 1.2L",
"Round, 1.5ct, D, VS1, Ideal, ₹1,00,000", "mujhe 1 carat round chahiye 50k tak".

Readers run from the most to the least certain, each claiming the tokens it understood so
no word is read twice: sizes in mm and times ("within 2 weeks", set aside), weights with
a unit, money, polish/fluorescence words (set aside),
shapes, grades (those turned down taken out: "no SI", "except H", see `grade_negation`),
fancy colours, misspelt shapes, and last a bare decimal (or a small whole number right
after the shape) as the weight.
What the message does not say stays unknown; what it says but cannot be (90 ct, colour
"Q9", ₹10) is reported in `unclear`, never used.

Cuts are kept literal: "ideal" gives (IDEAL,) only; the matcher treats Ideal and Excellent
as one tier through `Cut.tier`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from elgbot.catalog.grades import Shape
from elgbot.catalog.stone import DiamondSpec
from elgbot.understanding.budget import BudgetReading, read_budget
from elgbot.understanding.carat import CaratReading, read_carats, with_decimal_points
from elgbot.understanding.clarity_words import spell_out_pairs
from elgbot.understanding.fancy import FancyReading, read_fancy
from elgbot.understanding.finish_words import read_finish
from elgbot.understanding.grade_reading import GradeReading, read_grades
from elgbot.understanding.lexer import MAX_CHARS, Lexed, lex
from elgbot.understanding.millimetres import (
    SizeCarats,
    SizeEstimate,
    SizeReading,
    carats_from_sizes,
    read_sizes,
)
from elgbot.understanding.open_fields import read_open_fields
from elgbot.understanding.shape_words import (
    ShapeReading,
    read_misspelt_shapes,
    read_shapes,
    resolve,
)
from elgbot.understanding.spec_text import format_spec, spec_to_json
from elgbot.understanding.time_phrases import read_time_phrases
from elgbot.understanding.unclear import Unclear

__all__ = [
    "SizeEstimate",
    "SpecReading",
    "Unclear",
    "format_spec",
    "read_diamond_spec",
    "spec_to_json",
]

_CARAT_OR_MONEY: Final = "is this a carat weight or a budget? please add ct or ₹"
_TOO_LONG: Final = f"message too long: only the first {MAX_CHARS:,} characters were read"


@dataclass(frozen=True, slots=True)
class SpecReading:
    spec: DiamondSpec
    unclear: tuple[Unclear, ...] = ()
    shape_candidates: tuple[Shape, ...] = ()  # non-empty when the shape could be several
    fancy_color: str | None = None  # e.g. "fancy yellow" when asked
    said_any: frozenset[str] = frozenset()  # fields explicitly left open ("any colour")
    # A round's size in mm read as carats ("6.5mm" ≈ 1 ct): an estimate to say back.
    size_estimates: tuple[SizeEstimate, ...] = ()


@dataclass(frozen=True, slots=True)
class _Parts:
    sizes: SizeReading
    carat: CaratReading
    budget: BudgetReading
    shapes: ShapeReading
    grades: GradeReading
    fancy: FancyReading
    misspelt: ShapeReading
    taken: frozenset[int]


def read_diamond_spec(text: str, *, budget_expected: bool = False) -> SpecReading:
    """Never raises; input beyond 4,096 characters is ignored and reported.

    `budget_expected`: the bot has just asked for the budget, so a bare "50000" is one."""
    # Shorthand is spelled out within the cap only, so the cap still bounds what is read.
    head, rest = text[:MAX_CHARS], text[MAX_CHARS:]
    lexed = lex(with_decimal_points(spell_out_pairs(head)) + rest)
    parts = _read_parts(lexed)
    # "1ct round 75000 G VS1": once grades and shapes are known, a figure before one of
    # them may be the price; read again knowing them.
    spec_words = parts.shapes.indices | parts.grades.indices
    if spec_words and not _budget_said(parts.budget):
        parts = _read_parts(lexed, spec_words=spec_words)
    if parts.budget.unsure and (budget_expected or _describes_a_stone(parts)):
        parts = _read_parts(lexed, bare_is_budget=True, spec_words=spec_words)
    shape, candidates = resolve((parts.shapes, parts.misspelt))
    grades, carat, budget = parts.grades, parts.carat, parts.budget
    # A weight said in carats wins over a size in mm, which only estimates one.
    by_size = SizeCarats() if carat.found else carats_from_sizes(lexed, parts.sizes, shape)
    spec = DiamondSpec(
        shape=shape,
        carat_min=carat.low if carat.found else by_size.low,
        carat_max=carat.high if carat.found else by_size.high,
        colors=grades.colors,
        clarities=grades.clarities,
        cuts=grades.cuts,
        budget_min_inr=budget.low,
        budget_max_inr=budget.high,
    )
    unclear = (
        *carat.unclear,
        *by_size.unclear,
        *grades.unclear,
        *budget.unclear,
        *_leftovers(lexed, parts),
    )
    # "any colour, except H": the refusal narrows what "any" opened.
    said_any = read_open_fields(lexed, parts.taken) - grades.refused
    fancy = parts.fancy.description
    return SpecReading(spec, unclear, candidates, fancy, said_any, by_size.estimates)


def _describes_a_stone(parts: _Parts) -> bool:
    grades = parts.grades
    return bool(
        parts.shapes.indices
        or parts.carat.found
        or parts.sizes.sizes
        or grades.colors
        or grades.clarities
        or grades.cuts
    )


def _budget_said(budget: BudgetReading) -> bool:
    return budget.low is not None or budget.high is not None or bool(budget.indices)


def _read_parts(
    lexed: Lexed, *, bare_is_budget: bool = False, spec_words: frozenset[int] = frozenset()
) -> _Parts:
    # Sizes and times ("within 2 weeks") are never a weight or a budget, so read first.
    sizes, times = read_sizes(lexed), read_time_phrases(lexed)
    aside = sizes.indices | times
    carat = read_carats(lexed, aside, bare=False)
    budget = read_budget(
        lexed, aside | carat.indices, bare_is_budget=bare_is_budget, spec_words=spec_words
    )
    taken = aside | carat.indices | budget.indices
    taken |= read_finish(lexed, taken)
    shapes = read_shapes(lexed, taken, carat.indices)
    grades = read_grades(lexed, taken | shapes.indices)
    taken |= shapes.indices | grades.indices
    fancy = read_fancy(lexed, taken)
    misspelt = read_misspelt_shapes(lexed, taken | fancy.indices)
    taken |= fancy.indices | misspelt.indices
    if not carat.found:  # a bare figure is a weight only when nothing else is
        shape_words = shapes.indices | misspelt.indices
        carat = read_carats(lexed, taken, bare=True, shapes=shape_words)
        taken |= carat.indices
    return _Parts(sizes, carat, budget, shapes, grades, fancy, misspelt, taken)


def _leftovers(lexed: Lexed, parts: _Parts) -> tuple[Unclear, ...]:
    """ "under 2" that no reader took; and a message cut short."""
    vague = tuple(
        Unclear("text", lexed.quote(first, last), _CARAT_OR_MONEY)
        for first, last in parts.budget.vague
        if not any(k in parts.taken for k in range(first, last + 1))
    )
    if not lexed.truncated:
        return vague
    return (*vague, Unclear("text", "…" + lexed.text[-40:].strip(), _TOO_LONG))
