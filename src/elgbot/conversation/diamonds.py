"""The Lab Diamonds steps: collecting a spec (slot filling), showing results, the quote."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial
from typing import Any, Final

from elgbot.catalog.matching import Match
from elgbot.catalog.stone import DiamondSpec
from elgbot.conversation import paging, refine
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import (
    AskAssistant,
    DiamondsFound,
    RecordQuote,
    SearchDiamonds,
    Turn,
)
from elgbot.conversation.replies import results, stone_title
from elgbot.conversation.session import Session, ShownItem, Step
from elgbot.conversation.support import question_or
from elgbot.understanding.commands import Command, read_command, starts_afresh
from elgbot.understanding.diamond_spec import SpecReading, format_spec, read_diamond_spec
from elgbot.understanding.money import format_inr
from elgbot.understanding.open_fields import leaves_budget_open, leaves_it_open
from elgbot.understanding.support_words import is_plainly_a_question
from elgbot.understanding.words import normalise

# Asked for when missing, in this order; cut is optional (many fancy shapes have none).
_ASKED_FIELDS = ("shape", "carat", "color", "clarity", "budget")
_FIELD_WORDS = {
    "shape": "shape",
    "carat": "carat weight",
    "color": "colour",
    "clarity": "clarity",
    "budget": "budget",
}


_SKIP_WORDS = frozenset({"skip", "pass", "not sure", "no idea", "dont know", "don t know"})


def says_something(reading: SpecReading) -> bool:
    """Whether a message reads as (part of) a diamond description."""
    return not reading.spec.is_empty or bool(reading.shape_candidates or reading.fancy_color)


def collect_spec(copy: Copy, session: Session, text: str) -> Turn:
    """Read a (partial) spec, merge it with what we know, then ask, explain or search."""
    # The bot asked for a budget, or said a higher one could find something.
    asked_budget = not session.spec.is_empty and (
        not _has_budget(session.spec) or session.step is Step.QUOTE_SUGGESTION
    )
    if asked_budget and read_command(text) is Command.QUOTE:
        return file_quote(copy, session)
    if _answers_the_carat(session.spec, text):  # "2" to "What carat weight, …?"
        text = f"{text.strip()} ct"
    reading = read_diamond_spec(text, budget_expected=asked_budget)
    spec = opened(merge(session.spec, reading.spec), reading.said_any)
    known = replace(session, spec=spec, spec_text=_joined(session.spec_text, text))
    if problem := _problem_reply(copy, reading):
        step = Step.QUOTE_SUGGESTION if reading.fancy_color else Step.COLLECT_DIAMOND_SPECS
        return Turn(known.at(step), (problem,))
    waiting = known.at(Step.COLLECT_DIAMOND_SPECS)
    notes = _size_notes(copy, reading)
    if not says_something(reading):
        skipped = asked_budget and _skips(text)  # "no" or "skip" to "What budget?"
        if not spec.is_empty and (leaves_it_open(text) or leaves_budget_open(text) or skipped):
            # "any" / "no preference" / "any shape" to "what shape, colour and clarity?":
            # search now, with what was not said left open.
            return Turn(waiting, effects=(SearchDiamonds(spec),))
        # Nothing new (e.g. "ok"): never rerun an old search; say what is still needed.
        return question_or(session.at(Step.COLLECT_DIAMOND_SPECS), text, _ask_again(copy, spec))
    # Results without a shape mean the customer left it open ("any shape"): not asked again.
    shape_open = session.step is Step.DIAMOND_RESULTS_SHOWN
    if (spec.shape is None and not shape_open) or (
        not _has_budget(spec) and not _budget_open(session, reading, text)
    ):
        question = copy.spec_missing.format(
            known=format_spec(spec), missing=_and(_missing(spec, reading))
        )
        return Turn(waiting, ("\n".join((*notes, question)),))
    return Turn(waiting, notes, (SearchDiamonds(spec),))


def _size_notes(copy: Copy, reading: SpecReading) -> tuple[str, ...]:
    """ "A 6.5mm round weighs about 1 ct…": a weight read from a size is an estimate."""
    return tuple(
        copy.carat_from_size.format(
            size=e.size, carats=_carats(e.carats), low=_carats(e.low), high=_carats(e.high)
        )
        for e in reading.size_estimates
    )


def _carats(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


_BARE_WEIGHT = re.compile(r"\d{1,2}(?:[.,]\d{1,2})?")
_MOST_CARATS = 10


def _answers_the_carat(spec: DiamondSpec, text: str) -> bool:
    """A bare small figure after the bot asked for the weight (a shape known, no carat)."""
    figure = text.strip()
    if spec.shape is None or spec.carat_min is not None or spec.carat_max is not None:
        return False
    if not _BARE_WEIGHT.fullmatch(figure):
        return False
    return 0 < float(figure.replace(",", ".")) <= _MOST_CARATS


def _has_budget(spec: DiamondSpec) -> bool:
    """A most or a least to spend ("minimum budget 1 lakh") answers the budget question."""
    return spec.budget_max_inr is not None or spec.budget_min_inr is not None


def _without_budget(session: Session, text: str) -> Turn | None:
    """ "no budget" after a search with one: the same search without it."""
    if not leaves_budget_open(text) or not _has_budget(session.spec):
        return None
    spec = replace(session.spec, budget_min_inr=None, budget_max_inr=None)
    opened = replace(session, spec=spec, shown=()).at(Step.COLLECT_DIAMOND_SPECS)
    return Turn(opened, effects=(SearchDiamonds(spec),))


def _skips(text: str) -> bool:
    return read_command(text) is Command.NO or normalise(text) in _SKIP_WORDS


def _budget_open(session: Session, reading: SpecReading, text: str) -> bool:
    """No budget needed: the customer said so ("any budget", "no budget"), or a search ran
    without one (they left it open before) and this message refines it."""
    searched = session.step in (Step.DIAMOND_RESULTS_SHOWN, Step.QUOTE_SUGGESTION)
    asks_price = _ASKS_PRICE.search(normalise(text)) is not None  # the price is the answer
    return "budget" in reading.said_any or searched or leaves_budget_open(text) or asks_price


# "what is the price of round 1ct G VS1", "1ct oval kitna hai?": asking what it costs.
_ASKS_PRICE: Final = re.compile(
    r"\b(?:price|prices|cost|costs|rate|rates|kitna|kitne|kitni|how much|kya daam)\b"
)


def spec_with_question(copy: Copy, session: Session, text: str) -> Turn | None:
    """A message that describes a stone and asks something ("round 1ct G VS1 70k, is it
    certified?"): the search, then the question for the assistant. None unless it names
    a shape and a carat or budget."""
    spec = read_diamond_spec(text).spec
    if spec.shape is None or (spec.carat_min is None and spec.budget_max_inr is None):
        return None
    here = session.step in (Step.COLLECT_DIAMOND_SPECS, Step.DIAMOND_RESULTS_SHOWN)
    start = replace(session, shown=()) if here else Session(step=Step.COLLECT_DIAMOND_SPECS)
    searched = collect_spec(copy, replace(start, history=session.history), text)
    return searched.then((AskAssistant(session.history, _question_in(text)),))


_CLAUSES = re.compile(r"(?<=[,.;!?\n])\s+")


def _question_in(text: str) -> str:
    """The clauses that ask ("delivery to Delhi?"), so the assistant is not answering the
    spec's figures; the whole text when no clause alone reads as a question."""
    asking = [c for c in _CLAUSES.split(text) if is_plainly_a_question(c)]
    return " ".join(asking) or text


def on_results(copy: Copy, session: Session, text: str) -> Turn:
    """After results: a correction ("make it oval", "budget 2 lakh") searches again;
    *quote* asks the team for something else than these."""
    if read_command(text) is Command.QUOTE:
        return file_quote(copy, replace(session, shown=()))
    if (turn := _changed(copy, replace(session, shown=()), text)) is not None:
        return turn
    if (turn := refine.on_change(copy, session, text)) is not None:  # "cheaper?"
        return turn
    return question_or(session, text, copy.help)


def _changed(copy: Copy, session: Session, text: str, budget: bool = False) -> Turn | None:
    """A change to the search that was run: "new search" (nothing carries over), "no
    budget", "any colour" (opened up again) or a new part ("make it oval"). `budget`: a
    bare figure is the budget (the bot said a higher one could find something)."""
    if starts_afresh(text):
        fresh = Session(step=Step.COLLECT_DIAMOND_SPECS, history=session.history)
        return Turn(fresh, (copy.diamond_question,))
    if (turn := _without_budget(session, text)) is not None:
        return turn
    reading = read_diamond_spec(text, budget_expected=budget)
    if says_something(reading) or reading.said_any:
        return collect_spec(copy, session, text)
    return None


def show_found(copy: Copy, session: Session, event: DiamondsFound) -> Turn:
    searched = format_spec(session.spec)
    if event.after:
        fresh = paging.unseen(session, event.matches, lambda m: m.stone.stock_id)
        items = [_shown(m) for m in fresh]
        return paging.next_page(copy, session, items, partial(results, copy, fresh, searched))
    if not event.matches:
        return Turn(
            replace(session, shown=()).at(Step.QUOTE_SUGGESTION),
            (_no_match(copy, event, searched),),
        )
    shown = tuple(_shown(m) for m in event.matches)
    found = replace(session, shown=shown).at(Step.DIAMOND_RESULTS_SHOWN)
    more = paging.hint(copy, len(shown), len(shown))
    return Turn(found, (results(copy, event.matches, searched) + more,))


def _no_match(copy: Copy, event: DiamondsFound, searched: str) -> str:
    """The quote offer, what was searched, and how to change it; when only the budget
    stands in the way, the price it would take."""
    lines = [copy.no_match, "", copy.searched_for.format(spec=searched)]
    if event.lowest_price_inr is not None:
        lines.append(copy.lowest_price.format(price=format_inr(event.lowest_price_inr)))
    return "\n".join([*lines, copy.change_any_part])


def _shown(match: Match) -> ShownItem:
    stone = match.stone
    return ShownItem(stone.stock_id, stone_title(stone), price_inr=stone.price_inr)


def on_quote_suggestion(copy: Copy, session: Session, text: str) -> Turn:
    command = read_command(text)
    if command in (Command.YES, Command.QUOTE):
        return file_quote(copy, session)
    if command is Command.NO:
        return Turn(session.at(Step.COLLECT_DIAMOND_SPECS), (copy.quote_declined,))
    if (turn := _changed(copy, session, text, budget=True)) is not None:  # "70000" too
        return turn
    if (turn := refine.on_change(copy, session, text)) is not None:  # "smaller then?"
        return turn
    return question_or(session, text, copy.quote_question_again)


def file_quote(copy: Copy, session: Session) -> Turn:
    """The request goes to the team with the spec so far, which the reply repeats under
    the seed's text (which asks to "share your preferences again", as if they were lost)."""
    quote = RecordQuote(session.spec, session.spec_text)
    reply = copy.quote_instructions
    if not session.spec.is_empty:
        reply = f"{reply}\n{copy.quote_noted.format(spec=format_spec(session.spec))}"
    return Turn(session.at(Step.QUOTE_REQUESTED), (reply,), (quote,))


def quote_from_scratch(copy: Copy, session: Session) -> Turn:
    """ "Quote" at the menu or to the assistant: what they want quoted comes next."""
    return Turn(session.at(Step.QUOTE_REQUESTED), (copy.quote_from_scratch,))


def on_quote_details(copy: Copy, session: Session, text: str) -> Turn:
    """Whatever the customer adds after asking for a quote goes to the team, unless they
    ask to search another stone instead ("let me try oval 1ct G VS1 50k instead")."""
    if not session.spec.is_empty and read_command(text) is Command.YES:
        return Turn(session, (copy.quote_acknowledged,))  # "ok" to "We have noted: …"
    if (turn := not_quote_details(copy, session, text)) is not None:
        return turn
    reading = read_diamond_spec(text)
    if _TRIES_ANOTHER.search(normalise(text)) and says_something(reading):
        return collect_spec(copy, session.at(Step.COLLECT_DIAMOND_SPECS), text)
    spec = merge(session.spec, reading.spec)
    quote = RecordQuote(spec, text, follow_up=True)
    return Turn(
        replace(session, spec=spec).at(Step.MAIN_MENU), (copy.quote_details_noted,), (quote,)
    )


# Words that ask for a search rather than add to the request for a quote.
_TRIES_ANOTHER: Final = re.compile(
    r"\b(?:try|instead|search|show me|let me see|what about|how about|check)\b"
)


def not_quote_details(copy: Copy, session: Session, text: str) -> Turn | None:
    """ "yes"/"sure" or "no" where the details of a quote were asked for: not details to
    file as a request of their own."""
    command = read_command(text)
    if command in (Command.YES, Command.QUOTE):
        return Turn(session, (copy.quote_waiting_for_details,))
    if command is Command.NO:
        return Turn(session.at(Step.MAIN_MENU), (copy.quote_nothing_to_add,))
    return None


_OPENED: Final[
    dict[str, dict[str, Any]]
] = {  # a field left open ("any colour") and what that leaves of a spec
    "shape": {"shape": None},
    "carat": {"carat_min": None, "carat_max": None},
    "color": {"colors": ()},
    "clarity": {"clarities": ()},
    "cut": {"cuts": ()},
    "budget": {"budget_min_inr": None, "budget_max_inr": None, "firm_budget": False},
}


def opened(spec: DiamondSpec, fields: frozenset[str]) -> DiamondSpec:
    """`spec` without what the customer just left open ("any colour", "cut doesn't matter")."""
    for field in fields:
        spec = replace(spec, **_OPENED[field])
    return spec


def merge(old: DiamondSpec, new: DiamondSpec) -> DiamondSpec:
    """What the customer just said wins; what they did not say is kept."""
    new_budget = new.budget_min_inr is not None or new.budget_max_inr is not None
    return DiamondSpec(
        shape=new.shape or old.shape,
        carat_min=new.carat_min if new.carat_min is not None else old.carat_min,
        carat_max=new.carat_max if new.carat_max is not None else old.carat_max,
        colors=new.colors or old.colors,
        clarities=new.clarities or old.clarities,
        # Cut grades are shape-specific (most fancy shapes have none): a new shape drops them.
        cuts=new.cuts or (old.cuts if new.shape in (None, old.shape) else ()),
        # A budget is one answer: "under 30000" after "40k-80k" replaces the range whole.
        budget_min_inr=(new if new_budget else old).budget_min_inr,
        budget_max_inr=(new if new_budget else old).budget_max_inr,
        firm_budget=(new if new_budget else old).firm_budget,
    )


def _problem_reply(copy: Copy, reading: SpecReading) -> str | None:
    if reading.fancy_color:
        return copy.fancy_color_unavailable.format(fancy=reading.fancy_color)
    if reading.shape_candidates:
        options = " or ".join(s.value for s in reading.shape_candidates)
        return copy.spec_ambiguous_shape.format(options=options)
    if reading.unclear:
        parts = [
            copy.spec_unclear_part.format(field=u.field, text=u.text, reason=u.reason)
            for u in reading.unclear
        ]
        return "\n".join([*parts, "", copy.spec_example])
    return None


def _ask_again(copy: Copy, spec: DiamondSpec) -> str:
    if spec.is_empty or (spec.shape is not None and _has_budget(spec)):
        return copy.spec_not_understood
    missing = _missing(spec, SpecReading(spec=DiamondSpec()))
    return copy.spec_missing.format(known=format_spec(spec), missing=_and(missing))


def _missing(spec: DiamondSpec, reading: SpecReading) -> list[str]:
    present = {
        "shape": spec.shape is not None,
        "carat": spec.carat_min is not None,
        "color": bool(spec.colors),
        "clarity": bool(spec.clarities),
        "budget": _has_budget(spec),
    }
    return [_FIELD_WORDS[f] for f in _ASKED_FIELDS if not present[f] and f not in reading.said_any]


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _joined(before: str, text: str) -> str:
    return f"{before} / {text}" if before else text
