"""The SQL of a catalog search: one statement that returns the few stones ranking needs.

Three parts: the nearest exact matches within budget; the nearest exact match just over
it (a stretch option); the nearest near matches. The last two run only when exact matches
are scarce: their LIMIT is zero otherwise, and a LIMIT is computed before its query runs
(a WHERE term would be checked on every row). One statement is one snapshot, so a search
beside a `--replace` import sees the old stock or the new, never parts of both.

Why it is fast over a million stones. Most parts are ordered by carat distance alone
(inside an exact box every grade term is zero), and such a part is split at the target
carat: the lightest stones at or above it, the heaviest below it, each a walk along
`ix_stones_carat` that stops after a few rows. Near parts ordered by grades too are
sorted, but over few rows: `ix_stones_grades` leads with colour and clarity rank, given as
IN lists, so the database seeks one short carat range per grade pair. Both indexes hold
every column a search reads, so the table is never touched. Without a carat, stones come
by price (dearest first under a budget), walked along `ix_stones_shape_price`.

Ordering uses the same arithmetic, in the same order, as `Closeness.distance` (see
`search_order`), so the database and ranking agree on which stones are nearest. Plain SQL
text, because building SQLAlchemy expressions cost more than running the query; only
integers from the grade scales are written into the text, all else is a parameter.
"""

from __future__ import annotations

from typing import Final

from elgbot.catalog.grades import Clarity, Color
from elgbot.catalog.matching import ENOUGH_EXACT, MAX_OPTIONS
from elgbot.catalog.search_order import Statement, distance, integers
from elgbot.catalog.window import Bounds, Closeness, SearchWindow

# Up to two exact stones come back among near ones; four near ones fill the list (each
# page of MAX_OPTIONS asked for).
NEAR_LIMIT: Final = 8
COLUMNS: Final = "stock_id, shape, carat, color_rank, clarity_rank, cut, price_inr"
_ALL_COLOR_RANKS: Final = tuple(range(len(Color)))
_ALL_CLARITY_RANKS: Final = tuple(range(len(Clarity)))
_Range = list[tuple[str, float] | None]  # carat bounds: (operator, value)
_WHEN_SCARCE: Final = (
    f"CASE WHEN (SELECT count(*) FROM exact) < {ENOUGH_EXACT} THEN {{}} ELSE 0 END"
)


def search_statement(
    window: SearchWindow, placeholder: str, limit: int = MAX_OPTIONS
) -> tuple[str, list[object]]:
    """SQL for `window`, enough to rank `limit` options (more than a page for *more*),
    with `placeholder` ('?' or '%s') marking each parameter.

    Parameters are bound in the order they appear in the text, so parts are built in it.
    """
    sql = Statement(placeholder)
    closeness = window.closeness
    dearest = closeness.dearest_first
    exact = _nearest(sql, window.exact, closeness, str(int(limit)), dearest)
    parts = [f"WITH exact AS ({exact})", "SELECT * FROM exact"]
    if window.stretch is not None:  # the least over budget, as in ranking
        stretch = _nearest(sql, window.stretch, closeness, _WHEN_SCARCE.format(1), False)
        parts.append(f"UNION ALL {stretch}")
    pages = -(-int(limit) // MAX_OPTIONS)  # rounded up
    near_limit = _WHEN_SCARCE.format(NEAR_LIMIT * max(1, pages))
    if closeness.grades_matter:
        near = _by_distance(sql, window.near, closeness, near_limit)
        parts.append(f"UNION ALL SELECT * FROM ({near}) AS near")
    else:
        near = _nearest(sql, window.near, closeness, near_limit, dearest)
        parts.append(f"UNION ALL {near}")
    return "\n".join(parts), sql.params


def lowest_price_statement(bounds: Bounds, placeholder: str) -> tuple[str, list[object]]:
    """SQL for the lowest price in `bounds` (NULL when it holds no stone)."""
    sql = Statement(placeholder)
    where = " AND ".join(_conditions(sql, bounds, _carat_range(bounds), seek_grades=False))
    return f"SELECT min(price_inr) FROM stones WHERE {where}", sql.params


def _nearest(
    sql: Statement, bounds: Bounds, closeness: Closeness, limit: str, dearest: bool
) -> str:
    """Stones of `bounds` nearest the target carat, then cheapest (dearest when
    `dearest`): both sides of it. Without a target, by price alone."""
    target = closeness.target_carat
    if target is None:
        order = "price_inr DESC, stock_id" if dearest else "price_inr, stock_id"
        priced = _select(sql, bounds, _carat_range(bounds), order, limit)
        return f"SELECT * FROM ({priced}) AS priced"
    # One bound per side of the walk: SQLite starts a walk at the first bound it is given.
    low = target if bounds.carat_min is None else max(bounds.carat_min, target)
    heavier = [(">=", low), *_carat_range(bounds)[1:]]
    lighter = [_carat_range(bounds)[0], ("<", target)]
    price = "price_inr DESC" if dearest else "price_inr"
    up = _select(sql, bounds, heavier, f"carat, {price}, stock_id", limit)
    down = _select(sql, bounds, lighter, f"carat DESC, {price}, stock_id", limit)
    return f"SELECT * FROM ({up}) AS up UNION ALL SELECT * FROM ({down}) AS down"


def _by_distance(sql: Statement, bounds: Bounds, closeness: Closeness, limit: str) -> str:
    where = " AND ".join(_conditions(sql, bounds, _carat_range(bounds), seek_grades=True))
    price = "price_inr DESC" if closeness.dearest_first else "price_inr"
    order = f"{distance(sql, closeness)}, {price}, stock_id"
    return f"SELECT {COLUMNS} FROM stones WHERE {where} ORDER BY {order} LIMIT {limit}"


def _select(sql: Statement, bounds: Bounds, carat: _Range, order: str, limit: str) -> str:
    where = " AND ".join(_conditions(sql, bounds, carat, seek_grades=False))
    return f"SELECT {COLUMNS} FROM stones WHERE {where} ORDER BY {order} LIMIT {limit}"


def _carat_range(bounds: Bounds) -> _Range:
    """(lower, upper) bounds of `bounds`; `None` where it has none."""
    low = None if bounds.carat_min is None else (">=", bounds.carat_min)
    high = None if bounds.carat_max is None else ("<=", bounds.carat_max)
    return [low, high]


def _conditions(sql: Statement, bounds: Bounds, carat: _Range, *, seek_grades: bool) -> list[str]:
    ranged = any(carat)
    found = ["available = 1"]
    if bounds.shape is not None:
        found.append(f"shape = {sql.bind(bounds.shape)}")
    found.extend(_grade_conditions(bounds, seek_grades and ranged))
    found.extend(f"carat {op} {sql.bind(value)}" for op, value in filter(None, carat))
    if bounds.worst_cut_tier is not None:
        found.append(f"cut_tier <= {bounds.worst_cut_tier:d}")
    # With a carat range, "+ 0" keeps the planner off the price index: a price range
    # looks selective, but walking it costs a table lookup per stone the others skip.
    price = "price_inr + 0" if ranged else "price_inr"
    if bounds.price_max is not None:
        found.append(f"{price} <= {sql.bind(bounds.price_max)}")
    if bounds.price_above is not None:
        found.append(f"{price} > {sql.bind(bounds.price_above)}")
    return found


def _grade_conditions(bounds: Bounds, seek: bool) -> list[str]:
    # To seek `ix_stones_grades`, a grade the customer did not name is "any rank".
    colors = bounds.color_ranks or (_ALL_COLOR_RANKS if seek else None)
    clarities = bounds.clarity_ranks or (_ALL_CLARITY_RANKS if seek else None)
    found = []
    if colors is not None:
        found.append(f"color_rank IN ({integers(colors)})")
    if clarities is not None:
        found.append(f"clarity_rank IN ({integers(clarities)})")
    return found
