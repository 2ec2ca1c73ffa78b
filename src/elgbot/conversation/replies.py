"""Turning results into the texts of `Copy`: option lists, the cart, spec questions."""

from __future__ import annotations

from collections.abc import Sequence

from elgbot.catalog.matching import Match
from elgbot.catalog.stone import Stone
from elgbot.commerce.cart import CartItem, ItemKind
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import CheckedCartItem
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


def one_stone(copy: Copy, stone: Stone) -> str:
    """A stone named by its id, as option 1 so it can be added."""
    lines = [copy.stone_by_id.format(stock_id=stone.stock_id), ""]
    lines.extend(_result_lines(copy, 1, Match(stone, True, ())))
    lines.extend(["", copy.results_footer.replace("{first}", "1"), "", copy.order_id_hint])
    return "\n".join(lines)


def results(copy: Copy, matches: Sequence[Match], searched: str, start: int = 1) -> str:
    """The options, numbered from `start`, under `searched` (the spec, in words)."""
    lines = [copy.results_header, copy.searched_for.format(spec=searched), ""]
    for n, match in enumerate(matches, start=start):
        lines.extend(_result_lines(copy, n, match))
    lines.extend(["", copy.results_footer.replace("{first}", str(start))])
    return "\n".join(lines)


# Where each kind of item has its page on the store's site.
_PAGES = {ItemKind.DIAMOND: "diamonds", ItemKind.JEWELRY: "jewelry", ItemKind.MELEE: "melee"}


def cart(copy: Copy, items: Sequence[CartItem]) -> str:
    """The cart at today's prices: a diamond sold, withdrawn or repriced since it was added
    says so, and only what can still be bought counts in the total."""
    if not items:
        return copy.cart_empty
    lines, total = [copy.cart_header], 0
    for n, item in enumerate(items, start=1):
        now = item.now if isinstance(item, CheckedCartItem) else None
        price = item.price_inr if now is None else now.price_inr
        lines.append(copy.cart_line.format(n=n, title=item.title, price=format_inr(price)))
        available = now is None or now.available
        if note := _cart_note(copy, item, price, available):
            lines.append(note)
        lines.append(copy.cart_link.format(path=_PAGES[item.kind], item_id=item.item_id))
        total += price if available else 0
    lines.append(copy.cart_total.format(total=format_inr(total)))
    return "\n".join(lines)


def _cart_note(copy: Copy, item: CartItem, price: int, available: bool) -> str | None:
    if not available:
        return copy.cart_unavailable_note
    if price != item.price_inr:
        return copy.cart_repriced_note.format(old=format_inr(item.price_inr), new=format_inr(price))
    return None


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
    if match.is_stretch:
        lines.append(copy.stretch_note.format(over=format_inr(match.over_budget_inr)))
    lines.append(copy.result_link.format(stock_id=stone.stock_id))
    return lines
