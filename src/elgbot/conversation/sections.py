"""Which section a message belongs to, when it is not the one the customer is in.

Customers move between Lab Diamonds, Lab Jewelry, Lab Melee and their orders without going
back to the menu: "melee" while choosing a stone, "+6.5 -7 EF VVS" at diamond results,
"oval 2ct F VS1" at melee results, a spec where an order id was asked for. Each reads as
that section's search here, so the step in hand never misreads it (as a 10 ct diamond, 1 ct
of melee, or an order id). What also fits the section in hand stays there: "1ct round for a
ring" is a stone, "2 mm band" a ring's width, "10 cts" at melee results a quantity.
"""

from __future__ import annotations

import re
from typing import Final

from elgbot.catalog.grades import Shape
from elgbot.catalog.stone import DiamondSpec
from elgbot.conversation import diamonds, jewelry, melee
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import Turn
from elgbot.conversation.session import Session, Step
from elgbot.understanding.diamond_spec import read_diamond_spec
from elgbot.understanding.jewelry_query import JewelryReading, names_a_piece, read_jewelry_query
from elgbot.understanding.melee_query import MeleeReading, read_melee_query
from elgbot.understanding.menu import MenuChoice
from elgbot.understanding.support_words import is_plainly_a_question
from elgbot.understanding.words import normalise

# The section each searching step belongs to. Steps waiting for a quote's details take
# any words, so they are in none.
SECTION_OF: Final[dict[Step, MenuChoice]] = {
    **dict.fromkeys(
        [Step.COLLECT_DIAMOND_SPECS, Step.DIAMOND_RESULTS_SHOWN, Step.QUOTE_SUGGESTION],
        MenuChoice.DIAMONDS,
    ),
    **dict.fromkeys(
        [
            Step.COLLECT_JEWELRY,
            Step.JEWELRY_RESULTS_SHOWN,
            Step.DESIGN_SUGGESTION,
            Step.ASK_RING_SIZE,
        ],
        MenuChoice.JEWELRY,
    ),
    **dict.fromkeys(
        [
            Step.COLLECT_MELEE,
            Step.MELEE_RESULTS_SHOWN,
            Step.MELEE_QUOTE_SUGGESTION,
            Step.ASK_MELEE_QUANTITY,
        ],
        MenuChoice.MELEE,
    ),
    **dict.fromkeys([Step.ASK_ORDER_ID, Step.ORDERS_SHOWN], MenuChoice.TRACK_ORDER),
}
# A clarity with its number ("VS1", "si 2") grades one loose stone; melee bands and
# jewellery list clarities without ("VVS", "VS-SI").
_ONE_STONE_CLARITY: Final = re.compile(r"\b(?:vvs|vs|si|i)\s?[123]\b")
_MELEE_WORDS: Final = frozenset({"melee", "sieve", "sieves", "chalni"})
# The sections a name switches to; tracking has its own words (orders.asked_to_track).
NAMED: Final = frozenset(
    {MenuChoice.DIAMONDS, MenuChoice.JEWELRY, MenuChoice.MELEE, MenuChoice.SUPPORT}
)


def search_at_the_menu(copy: Copy, session: Session, text: str) -> Turn | None:
    """ "studs below 40000" or "+6.5 -7 EF VVS" at the menu: no need for "2" or "3" first.
    A piece needs one more thing (metal, budget, size): "drop" alone is not enough. A piece
    not in the range ("mangalsutra") is answered there, never read as a stone's budget."""
    piece = read_jewelry_query(text)
    if piece.not_in_range is not None and not piece.unclear:
        return _jewelry(copy, session, text)
    if piece.query.kind is not None and _more_than_a_piece(piece) and not piece.unclear:
        return _jewelry(copy, session, text)
    parcel = read_melee_query(text)
    if parcel.query.mm_from is not None and not parcel.unclear:
        return _melee(copy, session, text)
    if _melee_by_name(text, piece):  # "melee 10000": Lab Melee asks for the size
        return _melee(copy, session, text)
    return None


def search_from_support(copy: Copy, session: Session, text: str) -> Turn | None:
    """A search typed at Talk to Support ("round 1ct G VS1 under 40k", "ring under 50k"):
    that search, as from the menu; a stone needs its shape and weight."""
    if (turn := search_at_the_menu(copy, session, text)) is not None:
        return turn
    spec = read_diamond_spec(text).spec
    if spec.shape is not None and spec.carat_min is not None:
        return _diamonds(copy, session, text)
    return None


def search_elsewhere(copy: Copy, session: Session, text: str) -> Turn | None:
    """Another section's search typed at a step of `here`'s section, as that search."""
    here = SECTION_OF.get(session.step)
    if here is None:
        return None
    # Each reader once: they are the costly part of a message that stays where it is.
    spec, wish, parcel = (
        read_diamond_spec(text).spec,
        read_jewelry_query(text),
        read_melee_query(text),
    )
    if here in (MenuChoice.JEWELRY, MenuChoice.MELEE) and _loose_stone(text, spec, wish, parcel):
        return _diamonds(copy, session, text)
    if spec.shape is not None:  # a stone ("1ct round for a ring")
        return _diamonds(copy, session, text) if here is MenuChoice.TRACK_ORDER else None
    if here is not MenuChoice.MELEE and (_melee_size(parcel, wish) or _melee_by_name(text, wish)):
        return _melee(copy, session, text)
    if here is not MenuChoice.JEWELRY and a_piece(text, wish):
        return _jewelry(copy, session, text)
    return None


def _melee_by_name(text: str, wish: JewelryReading) -> bool:
    """ "melee 10000", "sieve 0000": melee by name, and Lab Melee reads (or asks about) the
    rest. Not "ring with melee diamonds" (a piece) or "what is melee?" (a question)."""
    named = not _MELEE_WORDS.isdisjoint(normalise(text).split())
    query, unclear = wish.query, {part.field for part in wish.unclear}
    piece = query.kind is not None or query.style is not None or "piece" in unclear
    return named and not piece and not is_plainly_a_question(text)


def a_piece(text: str, wish: JewelryReading) -> bool:
    """ "earrings", "studs below 40000": a piece by name, or a piece and a metal, etc.; or
    one not in the range ("mangalsutra"), which Lab Jewelry answers."""
    if wish.unclear:
        return False
    named = names_a_piece(text) or wish.not_in_range is not None
    return named or (wish.query.kind is not None and _more_than_a_piece(wish))


def _loose_stone(text: str, spec: DiamondSpec, wish: JewelryReading, parcel: MeleeReading) -> bool:
    """ "oval 2ct F VS1" or "round 1ct G VS1": a shape and a weight, and something only a
    loose stone has (melee is always round, and graded in bands). Not "ring with an oval
    2ct", "oval 2ct in rose gold", or with a melee size."""
    if spec.shape is None or spec.carat_min is None:
        return False
    if spec.shape is Shape.ROUND and _ONE_STONE_CLARITY.search(normalise(text)) is None:
        return False
    piece = wish.query
    return piece.kind is None and piece.metal.is_open and parcel.query.mm_from is None


def _melee_size(parcel: MeleeReading, wish: JewelryReading) -> bool:
    """ "+6.5 -7 EF VVS", "1.5 mm"; not "2 mm band" (a ring's width)."""
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
