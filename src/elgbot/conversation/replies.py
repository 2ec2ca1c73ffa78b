"""Turning results into the texts of `Copy`: option lists, the cart, spec questions."""

from __future__ import annotations

from collections.abc import Sequence

from elgbot.catalog.matching import Match
from elgbot.catalog.stone import Stone
from elgbot.commerce.cart import CartItem
from elgbot.conversation.copy import Copy
from elgbot.understanding.money import format_inr


def carat_text(carat: float) -> str:
    """1.5 → '1.5', 1.51 → '1.51', 2.0 → '2' (the seed writes 1.5ct)."""
    return f"{carat:.2f}".rstrip("0").rstrip(".")


def stone_title(stone: Stone) -> str:
    cut = f" {stone.cut.label}" if stone.cut else ""
    return (
        f"{stone.shape.value.title()} {carat_text(stone.carat)}ct {stone.color.value} "
        f"{stone.clarity.value}{cut}"
    )


def results(copy: Copy, matches: Sequence[Match]) -> str:
    lines = [copy.results_header, ""]
    for n, match in enumerate(matches, start=1):
        lines.extend(_result_lines(copy, n, match))
    lines.extend(["", copy.results_footer])
    return "\n".join(lines)


def cart(copy: Copy, items: Sequence[CartItem]) -> str:
    if not items:
        return copy.cart_empty
    lines = [copy.cart_header]
    for n, item in enumerate(items, start=1):
        lines.append(copy.cart_line.format(n=n, title=item.title, price=format_inr(item.price_inr)))
    lines.append(copy.cart_total.format(total=format_inr(sum(i.price_inr for i in items))))
    return "\n".join(lines)


def _result_lines(copy: Copy, n: int, match: Match) -> list[str]:
    stone = match.stone
    line = copy.result_line.format(
        n=n,
        shape=stone.shape.value.title(),
        carat=carat_text(stone.carat),
        color=stone.color.value,
        clarity=stone.clarity.value,
        cut=stone.cut.label if stone.cut else "—",
        price=format_inr(stone.price_inr),
    )
    lines = [line]
    if match.differences:
        lines.append(copy.near_match_note.format(differences="; ".join(match.differences)))
    lines.append(copy.result_link.format(stock_id=stone.stock_id))
    return lines
