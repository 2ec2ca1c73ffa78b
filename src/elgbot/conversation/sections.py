"""Which section a message belongs to, when it is not the one the customer is in.

Customers move between Lab Diamonds, Lab Jewelry, Lab Melee and their orders without going
back to the menu: "melee" while choosing a stone, "+6.5 -7 EF VVS" at diamond results,
"oval 2ct F VS1" at melee results, a spec where an order id was asked for. Each reads as
that section's search here, so the step in hand never misreads it (as a 10 ct diamond, 1 ct
of melee, or an order id). What also fits the section in hand stays there: "1ct round for a
ring" is a stone, "2 mm band" a ring's width, "10 cts" at melee results a quantity.
"""

from __future__ import annotations

from typing import Final

from elgbot.conversation import diamonds, jewelry, melee
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import Turn
from elgbot.conversation.session import Session, Step
from elgbot.understanding.diamond_spec import read_diamond_spec
from elgbot.understanding.jewelry_query import JewelryReading, names_a_piece, read_jewelry_query
from elgbot.understanding.melee_query import read_melee_query
from elgbot.understanding.menu import MenuChoice

# The section each searching step belongs to. Steps waiting for a quote's details take
# any words, so they are in none.
SECTION_OF: Final[dict[Step, MenuChoice]] = {
    **dict.fromkeys(
        [Step.COLLECT_DIAMOND_SPECS, Step.DIAMOND_RESULTS_SHOWN, Step.QUOTE_SUGGESTION],
        MenuChoice.DIAMONDS,
    ),
    **dict.fromkeys(
        [Step.COLLECT_JEWELRY, Step.JEWELRY_RESULTS_SHOWN, Step.DESIGN_SUGGESTION],
        MenuChoice.JEWELRY,
    ),
    **dict.fromkeys(
        [Step.COLLECT_MELEE, Step.MELEE_RESULTS_SHOWN, Step.MELEE_QUOTE_SUGGESTION],
        MenuChoice.MELEE,
    ),
    **dict.fromkeys([Step.ASK_ORDER_ID, Step.ORDERS_SHOWN], MenuChoice.TRACK_ORDER),
}
# The sections a name switches to; tracking has its own words (orders.asked_to_track).
NAMED: Final = frozenset(
    {MenuChoice.DIAMONDS, MenuChoice.JEWELRY, MenuChoice.MELEE, MenuChoice.SUPPORT}
)


def search_at_the_menu(copy: Copy, session: Session, text: str) -> Turn | None:
    """ "studs below 40000" or "+6.5 -7 EF VVS" at the menu: no need for "2" or "3" first.
    A piece needs one more thing (metal, budget, size): "drop" alone is not enough."""
    piece = read_jewelry_query(text)
    if piece.query.kind is not None and _more_than_a_piece(piece) and not piece.unclear:
        return _jewelry(copy, session, text)
    parcel = read_melee_query(text)
    if parcel.query.mm_from is not None and not parcel.unclear:
        return _melee(copy, session, text)
    return None


def search_elsewhere(copy: Copy, session: Session, text: str) -> Turn | None:
    """Another section's search typed at a step of `here`'s section, as that search."""
    here = SECTION_OF.get(session.step)
    if here is None:
        return None
    if here in (MenuChoice.JEWELRY, MenuChoice.MELEE) and _loose_stone(text):
        return _diamonds(copy, session, text)
    if read_diamond_spec(text).spec.shape is not None:  # a stone ("1ct round for a ring")
        return _diamonds(copy, session, text) if here is MenuChoice.TRACK_ORDER else None
    wish = read_jewelry_query(text)
    if here is not MenuChoice.MELEE and _melee_size(text, wish):
        return _melee(copy, session, text)
    if here is not MenuChoice.JEWELRY and a_piece(text, wish):
        return _jewelry(copy, session, text)
    return None


def a_piece(text: str, wish: JewelryReading) -> bool:
    """ "earrings", "studs below 40000": a piece by name, or a piece and a metal, etc."""
    if wish.unclear:
        return False
    return names_a_piece(text) or (wish.query.kind is not None and _more_than_a_piece(wish))


def _loose_stone(text: str) -> bool:
    """ "oval 2ct F VS1" (not "ring with an oval 2ct", "oval 2ct in rose gold", or with a
    melee size): a diamond, though asked for among jewellery or melee."""
    if not diamonds.describes_a_loose_stone(text):
        return False
    wish = read_jewelry_query(text).query
    if wish.kind is not None or not wish.metal.is_open:
        return False
    return read_melee_query(text).query.mm_from is None


def _melee_size(text: str, wish: JewelryReading) -> bool:
    """ "+6.5 -7 EF VVS", "1.5 mm"; not "2 mm band" (a ring's width)."""
    parcel = read_melee_query(text)
    return parcel.query.mm_from is not None and not parcel.unclear and wish.query.kind is None


def _more_than_a_piece(piece: JewelryReading) -> bool:
    """A metal, a budget or a ring size beside the piece: "studs below 40000"."""
    wish = piece.query
    return not wish.metal.is_open or wish.budget_max_inr is not None or wish.ring_size is not None


def _diamonds(copy: Copy, session: Session, text: str) -> Turn:
    fresh = Session(step=Step.COLLECT_DIAMOND_SPECS, history=session.history)
    return diamonds.collect_spec(copy, fresh, text)


def _jewelry(copy: Copy, session: Session, text: str) -> Turn:
    return jewelry.collect(copy, jewelry.welcome(copy, session).session, text)


def _melee(copy: Copy, session: Session, text: str) -> Turn:
    return melee.collect(copy, melee.welcome(copy, session).session, text)
