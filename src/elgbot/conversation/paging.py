"""*more* after results: the same search again, for the options after those shown.

New options are numbered on from the last ones, and the earlier ones stay in `shown`, so
"add to cart 2" still means the second option the customer saw, whichever page it was on.
The search asks for `after` + one page and drops what was shown, rather than skipping a
count: a stone sold in between must not make another one vanish from the next page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Final, TypeVar

from elgbot.catalog.matching import MAX_OPTIONS
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import Effect, SearchDiamonds, Turn
from elgbot.conversation.menu_events import SearchJewelry, SearchMelee
from elgbot.conversation.session import Session, ShownItem, Step

PAGE: Final = MAX_OPTIONS  # each flow shows this many at a time (jewellery and melee too)
MOST_SHOWN: Final = 12  # three pages; past that, a narrower search serves better
_T = TypeVar("_T")


def more(copy: Copy, session: Session) -> Turn:
    """At a results step: search again for the next page."""
    after = len(session.shown)
    if after >= MOST_SHOWN:
        return Turn(session, (copy.no_more_options,))
    return Turn(session, effects=(_search(session, after),))


def _search(session: Session, after: int) -> Effect:
    if session.step in (Step.JEWELRY_RESULTS_SHOWN, Step.ASK_RING_SIZE):
        return SearchJewelry(session.jewelry, after)
    if session.step in (Step.MELEE_RESULTS_SHOWN, Step.ASK_MELEE_QUANTITY):
        return SearchMelee(session.melee, after)
    return SearchDiamonds(session.spec, after)


def unseen(session: Session, found: Sequence[_T], stock_id: Callable[[_T], str]) -> list[_T]:
    """What a *more* search found that the customer has not seen, one page at most."""
    seen = {item.stock_id for item in session.shown}
    return [option for option in found if stock_id(option) not in seen][:PAGE]


def next_page(
    copy: Copy, session: Session, items: Sequence[ShownItem], text: Callable[[int], str]
) -> Turn:
    """`items` shown after the earlier ones; `text(first_number)` lists them."""
    if not items:
        return Turn(session, (copy.no_more_options,))
    shown = (*session.shown, *items)
    reply = text(len(session.shown) + 1) + hint(copy, len(items), len(shown))
    return Turn(replace(session, shown=shown), (reply,))


def hint(copy: Copy, on_page: int, shown: int) -> str:
    """The *more* line under a full page, when another one may follow."""
    return f"\n{copy.more_hint}" if on_page >= PAGE and shown < MOST_SHOWN else ""
