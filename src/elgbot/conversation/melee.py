"""The Lab Melee steps: size, quality band and quantity; matching parcels with the total for
the asked quantity; a quote for what the stock cannot cover."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from elgbot.catalog.melee import MeleeQuery, Parcel
from elgbot.commerce.cart import ItemKind
from elgbot.conversation import paging
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import Turn
from elgbot.conversation.menu_events import MeleeAdded, MeleeFound, RecordMeleeQuote, SearchMelee
from elgbot.conversation.replies import carat_text
from elgbot.conversation.session import Session, ShownItem, Step
from elgbot.conversation.support import question_or
from elgbot.understanding.commands import Command, read_command
from elgbot.understanding.melee_query import MeleeReading, merge, read_melee_query
from elgbot.understanding.money import format_inr


def welcome(copy: Copy, session: Session) -> Turn:
    fresh = Session(step=Step.COLLECT_MELEE, history=session.history)
    return Turn(fresh, (copy.melee_question,))


def collect(copy: Copy, session: Session, text: str) -> Turn:
    """Read size, band and quantity, merge with what we know; a size is needed to search."""
    reading = read_melee_query(text)
    if reading.unclear:
        return Turn(session.at(Step.COLLECT_MELEE), (_unclear(copy, reading),))
    if not reading.says_something:
        return question_or(session.at(Step.COLLECT_MELEE), text, copy.melee_not_understood)
    query = merge(session.melee, reading.query)
    known = replace(session, melee=query, spec_text=_joined(session.spec_text, text))
    if query.mm_from is None:
        question = copy.melee_size_missing.format(known=describe(query))
        return Turn(known.at(Step.COLLECT_MELEE), (question,))
    return Turn(known.at(Step.COLLECT_MELEE), effects=(SearchMelee(query),))


def show_found(copy: Copy, session: Session, event: MeleeFound) -> Turn:
    query = session.melee
    if event.after:
        fresh = paging.unseen(session, event.parcels, lambda p: p.stock_id)
        items = [_shown(p, query) for p in fresh]
        return paging.next_page(copy, session, items, lambda n: results(copy, query, fresh, n))
    if not event.parcels:
        none = replace(session, shown=()).at(Step.MELEE_QUOTE_SUGGESTION)
        return Turn(none, (_no_match(copy, query, event.cheapest),))
    shown = tuple(_shown(p, query) for p in event.parcels)
    found = replace(session, shown=shown).at(Step.MELEE_RESULTS_SHOWN)
    # No *more* hint: a size comes in a few quality bands, all of them on this page.
    return Turn(found, (results(copy, query, event.parcels),))


def _no_match(copy: Copy, query: MeleeQuery, cheapest: Parcel | None) -> str:
    """The quote offer; when the budget is what keeps the parcels out, the lowest price."""
    if cheapest is None:  # earlier messages' parts stay until changed: say what was searched
        searched = copy.searched_for.format(spec=describe(query))
        return f"{copy.melee_no_match}\n\n{searched}\n{copy.change_any_part}"
    price = f"{format_inr(cheapest.price_per_carat_inr)}/ct"
    if query.carats:
        total = format_inr(cheapest.total_for(query.carats))
        price = f"{price} ({carat_text(query.carats)} ct = {total})"
    wish = describe(replace(query, budget_inr=None))
    lowest = copy.melee_lowest_price.format(wish=wish, price=price)
    return f"{lowest}\n{copy.melee_no_match_in_budget}"


def _shown(parcel: Parcel, query: MeleeQuery) -> ShownItem:
    return ShownItem(parcel.stock_id, parcel_title(parcel), ItemKind.MELEE, query.carats)


def on_results(copy: Copy, session: Session, text: str) -> Turn:
    """After results: *quote* asks the team for the rest; a new size or quantity searches.
    "ok" or "yes" files nothing: results offer no quote unless stock runs short, and that
    offer says to type *quote*."""
    if read_command(text) is Command.QUOTE:
        return _quote(copy, session, session.at(Step.MELEE_RESULTS_SHOWN))
    reading = read_melee_query(text)
    if reading.unclear:  # nothing was searched: the results shown stay addable
        return Turn(session, (_unclear(copy, reading),))
    if reading.says_something:
        return collect(copy, replace(session, shown=()), text)
    return question_or(session, text, copy.melee_results_help)


def on_quote_suggestion(copy: Copy, session: Session, text: str) -> Turn:
    command = read_command(text)
    if command in (Command.YES, Command.QUOTE):
        return _quote(copy, session, session.at(Step.MAIN_MENU))
    if command is Command.NO:
        return Turn(session.at(Step.COLLECT_MELEE), (copy.melee_quote_declined,))
    if read_melee_query(text).says_something:
        return collect(copy, session, text)
    return question_or(session, text, copy.melee_quote_question_again)


def added(copy: Copy, event: MeleeAdded) -> str:
    if event.carats <= 0:
        return copy.item_unavailable.format(n=event.option)
    values = {
        "n": event.option,
        "carats": carat_text(event.carats),
        "total": format_inr(event.total_inr),
        "missing": carat_text(event.short_by),
    }
    if event.replaced:  # not on top of the earlier quantity: say so, or it looks doubled
        template = copy.melee_replaced_partly if event.short_by > 0 else copy.melee_replaced
    else:
        template = copy.melee_added_partly if event.short_by > 0 else copy.melee_added
    return template.format(**values)


def results(copy: Copy, query: MeleeQuery, parcels: Sequence[Parcel], start: int = 1) -> str:
    lines = [copy.melee_results_header.format(wish=describe(query)), ""]
    for n, parcel in enumerate(parcels, start=start):
        lines.extend(_parcel_lines(copy, n, parcel, query))
    lines.append("")
    if query.carats is None and query.stones is not None:  # a mix of sizes has no one weight
        lines.append(copy.melee_stones_need_carats.format(stones=query.stones))
    elif query.carats is None:
        lines.append(copy.melee_quantity_hint)
    lines.append(copy.melee_results_footer.replace("{first}", str(start)))
    return "\n".join(lines)


def parcel_title(parcel: Parcel, carats: float | None = None) -> str:
    """'Melee +6.5 -7 (1.80–1.90 mm) EF VVS', with ', 10 ct' for a cart line."""
    size = f"{parcel.sieve} " if parcel.sieve else ""
    quantity = f", {carat_text(carats)} ct" if carats else ""
    return f"Melee {size}({_mm(parcel)} mm) {parcel.band.label}{quantity}"


def describe(query: MeleeQuery) -> str:
    """'+6.5 -7 (1.80–1.90 mm) · EF VVS · 10 ct · up to ₹1,00,000'; a count of stones says
    what it weighs ('100 stones ≈ 1 ct')."""
    quantity = _quantity(query)
    budget = ""
    if query.budget_inr is not None:
        per = "/ct" if query.budget_per_carat else ""
        budget = f"up to {format_inr(query.budget_inr)}{per}"
    parts = (query.size, query.band.label, quantity, budget)
    return " · ".join(p for p in parts if p) or "melee"


def _quantity(query: MeleeQuery) -> str:
    carats = f"{carat_text(query.carats)} ct" if query.carats else ""
    if query.stones is None:
        return carats
    return f"{query.stones} stones ≈ {carats}" if carats else f"{query.stones} stones"


def _parcel_lines(copy: Copy, n: int, parcel: Parcel, query: MeleeQuery) -> list[str]:
    carats = query.carats
    price = format_inr(parcel.price_per_carat_inr)
    available = carat_text(parcel.carats_available)
    lines = [
        copy.melee_result.format(
            n=n,
            sieve=parcel.sieve or "—",
            mm=_mm(parcel),
            band=parcel.band.label,
            price=price,
            available=available,
        )
    ]
    if carats is None:
        return [*lines, *_what_the_budget_buys(copy, parcel, query)]
    if parcel.carats_available >= carats:
        total = format_inr(parcel.total_for(carats))
        lines.append(copy.melee_total.format(carats=carat_text(carats), price=price, total=total))
    else:
        total = format_inr(parcel.total_for(parcel.carats_available))
        missing = carat_text(carats - parcel.carats_available)
        lines.append(
            copy.melee_short.format(available=available, price=price, total=total, missing=missing)
        )
    return lines


def _what_the_budget_buys(copy: Copy, parcel: Parcel, query: MeleeQuery) -> list[str]:
    """With a budget in all and no quantity: how many carats of this parcel it buys."""
    if query.budget_inr is None or query.budget_per_carat:
        return []
    affordable = (query.budget_inr * 100 // parcel.price_per_carat_inr) / 100  # rounded down
    carats = min(affordable, parcel.carats_available)
    budget = format_inr(query.budget_inr)
    return [copy.melee_budget_buys.format(budget=budget, carats=carat_text(carats))]


def _mm(parcel: Parcel) -> str:
    return f"{parcel.mm_from:.2f}–{parcel.mm_to:.2f}"


def _quote(copy: Copy, session: Session, after: Session) -> Turn:
    quote = RecordMeleeQuote(session.melee, session.spec_text)
    noted = copy.melee_quote_noted.format(wish=describe(session.melee))
    return Turn(after, (noted,), (quote,))


def _unclear(copy: Copy, reading: MeleeReading) -> str:
    parts = [
        copy.spec_unclear_part.format(field=u.field, text=u.text, reason=u.reason)
        for u in reading.unclear
    ]
    return "\n".join([*parts, "", copy.melee_not_understood.split("\n")[-1]])


def _joined(before: str, text: str) -> str:
    return f"{before} / {text}" if before else text
