"""SQL text for a search's parameters and its ORDER BY: `Closeness.distance` in SQL.

The sum is written with the same operations in the same order as the Python, so a row
and a `Stone` get the same double, and the database keeps the stones ranking would keep.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from elgbot.catalog.window import (
    BETTER_GRADE_WEIGHT,
    CARAT_WEIGHT,
    CUT_WEIGHT,
    GRADE_WEIGHT,
    Closeness,
)


@dataclass(slots=True)
class Statement:
    """Parameters of SQL text being built, in the DB-API style of the driver."""

    placeholder: str  # '?' (SQLite) or '%s' (psycopg)
    params: list[object] = field(default_factory=list)

    def bind(self, value: object) -> str:
        self.params.append(value)
        return self.placeholder


def integers(values: Sequence[int]) -> str:
    """A list of integers written into SQL text (never anything else)."""
    return ", ".join(f"{value:d}" for value in values)


def distance(sql: Statement, closeness: Closeness) -> str:
    terms = [
        carat_distance(sql, closeness),
        _grade_distance(sql, "color_rank", closeness.color_span),
        _grade_distance(sql, "clarity_rank", closeness.clarity_span),
        _cut_distance(sql, closeness.worst_cut_tier),
    ]
    present = [term for term in terms if term is not None]
    return " + ".join(present) if present else sql.bind(0.0)


def carat_distance(sql: Statement, closeness: Closeness) -> str | None:
    target = closeness.target_carat
    if target is None:
        return None
    return f"abs(carat - {sql.bind(target)}) / {sql.bind(target)} * {sql.bind(CARAT_WEIGHT)}"


def _grade_distance(sql: Statement, column: str, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    best, worst = span
    better = sql.bind(BETTER_GRADE_WEIGHT)
    worse = sql.bind(GRADE_WEIGHT)
    return (
        f"CASE WHEN {column} < {best:d} THEN ({best:d} - {column}) * {better}"
        f" WHEN {column} > {worst:d} THEN ({column} - {worst:d}) * {worse}"
        f" ELSE {sql.bind(0.0)} END"
    )


def _cut_distance(sql: Statement, worst_tier: int | None) -> str | None:
    if worst_tier is None:
        return None
    ungraded, per_tier = sql.bind(2 * CUT_WEIGHT), sql.bind(CUT_WEIGHT)
    return (
        f"CASE WHEN cut_tier IS NULL THEN {ungraded}"
        f" WHEN cut_tier > {worst_tier:d} THEN (cut_tier - {worst_tier:d}) * {per_tier}"
        f" ELSE {sql.bind(0.0)} END"
    )
