"""Details of diamonds on the screen: "is option 2 certified?", "details of 1", "compare
1 and 2". The grading lab and report, polish, symmetry and fluorescence come from the
catalog (feeds carry them); what the catalog does not know, the team is offered for.
"""

from __future__ import annotations

from elgbot.catalog.listing import Listing
from elgbot.commerce.cart import ItemKind
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import Turn
from elgbot.conversation.menu_events import DescribeStones, StonesDescribed
from elgbot.conversation.replies import stone_title
from elgbot.conversation.session import Session
from elgbot.understanding.money import format_inr
from elgbot.understanding.option_questions import options_asked_about


def on_text(copy: Copy, session: Session, text: str) -> Turn | None:
    """The details asked for, when the message asks about diamonds shown as options."""
    options, shown = options_asked_about(text), session.shown
    if not options or not shown or shown[0].kind is not ItemKind.DIAMOND:
        return None  # jewellery and melee options say their details in the list
    for option in options:
        if not 1 <= option <= len(shown):
            return Turn(session, (copy.no_such_option.format(n=option, count=len(shown)),))
    ids = tuple(shown[option - 1].stock_id for option in options)
    return Turn(session, effects=(DescribeStones(options, ids),))


def described(copy: Copy, session: Session, event: StonesDescribed) -> Turn:
    blocks = [
        _block(copy, option, listing)
        for option, listing in zip(event.options, event.listings, strict=True)
    ]
    return Turn(session, ("\n\n".join(blocks),))


def _block(copy: Copy, option: int, listing: Listing | None) -> str:
    if listing is None:
        return copy.stone_gone.format(n=option)
    stone = listing.stone
    head = copy.stone_heading.format(
        n=option, title=stone_title(stone), price=format_inr(stone.price_inr)
    )
    lines = [head, _report(copy, listing)]
    make = [
        f"{name}: {value}"
        for name, value in (
            ("Polish", listing.polish.label if listing.polish else None),
            ("Symmetry", listing.symmetry.label if listing.symmetry else None),
            ("Fluorescence", (listing.fluorescence or "").capitalize() or None),
        )
        if value
    ]
    if make:
        lines.append(" · ".join(make))
    lines.append(copy.result_link.format(stock_id=stone.stock_id).strip())
    return "\n".join(lines)


def _report(copy: Copy, listing: Listing) -> str:
    if listing.lab and listing.certificate:
        return copy.stone_report.format(lab=listing.lab, certificate=listing.certificate)
    if listing.lab:
        return copy.stone_lab.format(lab=listing.lab)
    return copy.stone_no_report
