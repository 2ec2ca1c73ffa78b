"""The Lab Jewelry steps: what the customer looks for, the pieces found, a bespoke design.

One message may say type, metal and budget; a later one changes part of it ("in white
gold"). Nothing in stock leads to the custom-quote flow for a bespoke design, recorded
with the diamond quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from elgbot.catalog.jewelry import STYLE_KIND, JewelryKind, JewelryQuery, Piece
from elgbot.commerce.cart import ItemKind
from elgbot.conversation import paging
from elgbot.conversation.copy import Copy
from elgbot.conversation.diamonds import not_quote_details
from elgbot.conversation.events import Turn
from elgbot.conversation.menu_events import (
    ClosestPieces,
    JewelryFound,
    RecordDesignQuote,
    SearchJewelry,
)
from elgbot.conversation.replies import carat_text
from elgbot.conversation.session import Session, ShownItem, Step
from elgbot.conversation.support import question_or
from elgbot.understanding.commands import Command, read_command
from elgbot.understanding.jewelry_query import (
    JewelryReading,
    merge,
    opened,
    read_jewelry_query,
)
from elgbot.understanding.money import format_inr
from elgbot.understanding.open_fields import leaves_budget_open


def welcome(copy: Copy, session: Session) -> Turn:
    fresh = Session(step=Step.COLLECT_JEWELRY, history=session.history)
    return Turn(fresh, (copy.jewelry_question,))


def collect(copy: Copy, session: Session, text: str) -> Turn:
    """Read the wish, merge it with what we know, then search (or say what was unclear)."""
    if read_command(text) is Command.QUOTE:
        return _design_quote(copy, session)
    if (turn := _with_parts_opened(session, text)) is not None:
        return turn
    reading = read_jewelry_query(text)
    if reading.unclear:
        return Turn(session.at(Step.COLLECT_JEWELRY), (_unclear(copy, reading),))
    if not reading.says_something:
        return question_or(session.at(Step.COLLECT_JEWELRY), text, copy.jewelry_not_understood)
    if reading.not_in_range is not None:
        return _not_in_range(copy, session, reading, text)
    query = merge(session.jewelry, reading.query)
    known = replace(session, jewelry=query, spec_text=_joined(session.spec_text, text))
    return Turn(known.at(Step.COLLECT_JEWELRY), effects=(SearchJewelry(query),))


def _not_in_range(copy: Copy, session: Session, reading: JewelryReading, text: str) -> Turn:
    """ "mangalsutra under 50k": said to be no piece of the range, never answered with
    another piece; a bespoke design is offered as when nothing in stock fits. The quote
    files these words, and what else they said (a budget), not the earlier search."""
    offered = replace(session, jewelry=reading.query, spec_text=text, shown=())
    reply = copy.jewelry_not_in_range.format(pieces=reading.not_in_range)
    return Turn(offered.at(Step.DESIGN_SUGGESTION), (reply,))


def on_results(copy: Copy, session: Session, text: str) -> Turn:
    """After results: a change ("in platinum", "under 80k", "any budget") searches again;
    *quote* asks the team for a bespoke design."""
    if read_command(text) is Command.QUOTE:
        return _design_quote(copy, replace(session, shown=()))
    if (turn := _with_parts_opened(session, text)) is not None:
        return turn
    reading = read_jewelry_query(text)
    if reading.unclear:  # nothing was searched: the pieces shown stay addable
        return Turn(session, (_unclear(copy, reading),))
    if reading.says_something:
        return collect(copy, replace(session, shown=()), text)
    return question_or(session, text, copy.jewelry_results_help)


def show_found(copy: Copy, session: Session, event: JewelryFound) -> Turn:
    query = session.jewelry
    if event.after:
        fresh = paging.unseen(session, event.pieces, lambda p: p.stock_id)
        items = [_shown(p, query) for p in fresh]
        return paging.next_page(copy, session, items, lambda n: results(copy, query, fresh, n))
    if not event.pieces and event.closest is not None:
        return _closest(copy, session, event.closest)
    if not event.pieces:
        # Earlier messages' parts stay until changed ("pendant under 30k", then "tennis
        # bracelet" still has the 30k): say what was searched, and that any part can change.
        lines = [copy.design_suggestion, "", copy.searched_for.format(spec=describe(query))]
        if event.lowest_price_inr is not None:
            lines.append(copy.lowest_price.format(price=format_inr(event.lowest_price_inr)))
        reply = "\n".join([*lines, copy.change_any_part])
        return Turn(replace(session, shown=()).at(Step.DESIGN_SUGGESTION), (reply,))
    shown = tuple(_shown(p, query) for p in event.pieces)
    found = replace(session, shown=shown).at(Step.JEWELRY_RESULTS_SHOWN)
    more = paging.hint(copy, len(shown), len(shown))
    return Turn(found, (results(copy, query, event.pieces) + more,))


def _closest(copy: Copy, session: Session, closest: ClosestPieces) -> Turn:
    """Nothing as asked, but pieces near it: shown and addable, under a line that says what
    differs; the search stays as asked, so a change refines it and *quote* files it."""
    query = session.jewelry
    shown = tuple(_shown(p, query) for p in closest.pieces)
    lead = copy.jewelry_closest.format(wish=describe(query), opened=" or ".join(closest.opened))
    listing = results(copy, query, closest.pieces).split("\n", 1)[1]  # under its own lead
    reply = "\n".join([lead, listing, copy.jewelry_closest_quote])
    return Turn(replace(session, shown=shown).at(Step.JEWELRY_RESULTS_SHOWN), (reply,))


def _shown(piece: Piece, query: JewelryQuery) -> ShownItem:
    made_to_size = piece.kind is JewelryKind.RING and piece.ring_size is None
    size = query.ring_size if made_to_size else piece.ring_size
    return ShownItem(piece.stock_id, piece.title, ItemKind.JEWELRY, None, size, made_to_size)


def on_design_suggestion(copy: Copy, session: Session, text: str) -> Turn:
    command = read_command(text)
    if command in (Command.YES, Command.QUOTE):
        return _design_quote(copy, session)
    if (turn := _with_parts_opened(session, text)) is not None:
        return turn
    if command is Command.NO:
        return Turn(session.at(Step.COLLECT_JEWELRY), (copy.design_declined,))
    if read_jewelry_query(text).says_something:
        return collect(copy, session, text)
    return Turn(session, (copy.design_question_again,))


def _with_parts_opened(session: Session, text: str) -> Turn | None:
    """ "any metal", "any budget", "sab dikhao": the same search with those parts open."""
    query = session.jewelry
    if query.is_empty:
        return None
    wider = opened(query, text) or query
    if leaves_budget_open(text):
        wider = replace(wider, budget_min_inr=None, budget_max_inr=None)
    if wider == query:
        return None
    searching = replace(session, jewelry=wider, shown=()).at(Step.COLLECT_JEWELRY)
    return Turn(searching, effects=(SearchJewelry(wider),))


def _design_quote(copy: Copy, session: Session) -> Turn:
    """A bespoke design: filed now with what was searched, if anything; the description
    asked for next joins it (or is the request, when nothing was searched yet)."""
    quote = (RecordDesignQuote(session.jewelry, session.spec_text),) if session.spec_text else ()
    return Turn(session.at(Step.DESIGN_REQUESTED), (copy.design_instructions,), quote)


def on_design_details(copy: Copy, session: Session, text: str) -> Turn:
    """Whatever the customer describes after asking for a bespoke design goes to the team."""
    if (turn := not_quote_details(copy, session, text)) is not None:
        return turn
    quote = RecordDesignQuote(session.jewelry, text, follow_up=True)
    return Turn(session.at(Step.MAIN_MENU), (copy.quote_details_noted,), (quote,))


def results(copy: Copy, query: JewelryQuery, pieces: Sequence[Piece], start: int = 1) -> str:
    lines = [copy.jewelry_results_header.format(wish=describe(query)), ""]
    for n, piece in enumerate(pieces, start=start):
        lines.append(
            copy.jewelry_result.format(
                n=n,
                title=piece.title,
                details=details(piece),
                price=format_inr(piece.price_inr),
                stock_id=piece.stock_id,
            )
        )
    lines.extend(["", copy.jewelry_results_footer.replace("{first}", str(start))])
    return "\n".join(lines)


def details(piece: Piece) -> str:
    """'18K Rose Gold | 0.7ct F VS1 | size 14'."""
    stones = " ".join(
        part
        for part in (
            f"{carat_text(piece.stone_carat)}ct" if piece.stone_carat else None,
            piece.diamond_color,
            piece.diamond_clarity,
        )
        if part
    )
    size = f"size {piece.ring_size:g}" if piece.ring_size else None
    return " | ".join(part for part in (piece.metal.label, stones, size) if part)


def describe(query: JewelryQuery) -> str:
    """'ring · 1ct · 18K rose gold · up to ₹60,000'."""
    kind = query.kind.value if query.kind else ""
    if query.style:  # "studs" (which are earrings), "tennis bracelet"
        implied = STYLE_KIND[query.style] is query.kind
        kind = query.style.value if implied or not kind else f"{query.style.value} {kind}"
    elif query.engagement:
        kind = f"engagement {kind}"
    budget = _budget(query)
    size = f"size {query.ring_size:g}" if query.ring_size else ""
    metal = "" if query.metal.is_open else query.metal.label
    parts = (kind or "any piece", _carats(query), metal, size, budget)
    return " · ".join(p for p in parts if p)


def _carats(query: JewelryQuery) -> str:
    low, high = query.carat_min, query.carat_max
    if low is not None and high is not None:
        weight = carat_text(low) if low == high else f"{carat_text(low)}–{carat_text(high)}"
        return f"{weight}ct diamonds"
    if high is not None:
        return f"up to {carat_text(high)}ct diamonds"
    return f"{carat_text(low)}ct+ diamonds" if low is not None else ""


def _budget(query: JewelryQuery) -> str:
    low, high = query.budget_min_inr, query.budget_max_inr
    if low is not None and high is not None:
        return f"{format_inr(low)}–{format_inr(high)}"
    if high is not None:
        return f"up to {format_inr(high)}"
    return f"from {format_inr(low)}" if low is not None else ""


def _unclear(copy: Copy, reading: JewelryReading) -> str:
    parts = [
        copy.spec_unclear_part.format(field=u.field, text=u.text, reason=u.reason)
        for u in reading.unclear
    ]
    return "\n".join([*parts, "", copy.jewelry_not_understood.split("\n")[-1]])


def _joined(before: str, text: str) -> str:
    return f"{before} / {text}" if before else text
