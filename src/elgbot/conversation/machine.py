"""The conversation as a state machine: `step(session, event) -> Turn`, pure.

Words that work everywhere (menu, back, help, cart, add to cart N) are read first; then the
current step's entry in `STEPS` handles the text. A new flow is a new entry in the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from elgbot.commerce.cart import ItemKind
from elgbot.conversation import (
    cart_flow,
    diamonds,
    jewelry,
    melee,
    melee_quantity,
    orders,
    paging,
    ring_sizing,
    sections,
    stone_details,
    support,
)
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import (
    AddOutcome,
    AssistantAnswered,
    CartAdded,
    CartShown,
    CustomerSaid,
    DiamondsFound,
    Event,
    HandoffClosed,
    ShowCart,
    Turn,
)
from elgbot.conversation.inbound import MessageKind
from elgbot.conversation.menu_events import (
    CartCleared,
    CartItemRemoved,
    CheckoutStarted,
    JewelryFound,
    MeleeAdded,
    MeleeFound,
    MenuEvent,
    OrderLookedUp,
    OrdersListed,
    StonesDescribed,
)
from elgbot.conversation.replies import cart
from elgbot.conversation.session import Session, Step
from elgbot.understanding.commands import (
    Command,
    opens_a_chat,
    picks_all,
    picks_the_one,
    read_add_options,
    read_add_with_carats,
    read_add_with_size,
    read_choice,
    read_command,
    read_option_number,
)
from elgbot.understanding.diamond_spec import read_diamond_spec
from elgbot.understanding.jewelry_query import (
    names_a_piece,
    read_jewelry_query,
)
from elgbot.understanding.menu import MenuChoice, read_menu_choice, read_menu_keyword
from elgbot.understanding.spec_questions import asks_about_grades
from elgbot.understanding.store_questions import asks_about_the_store
from elgbot.understanding.support_words import (
    asks_for_person,
    asks_if_a_bot,
    is_plainly_a_question,
)

TextHandler = Callable[[Copy, Session, str], Turn]


@dataclass(frozen=True, slots=True)
class StepRules:
    on_text: TextHandler
    back: Step


def _main_menu(copy: Copy, session: Session, text: str) -> Turn:
    choice = read_menu_choice(text)
    if choice is MenuChoice.DIAMONDS:
        return Turn(Session(step=Step.COLLECT_DIAMOND_SPECS), (copy.diamond_question,))
    if choice is MenuChoice.SUPPORT:
        return support.welcome(copy, session)
    if choice is MenuChoice.JEWELRY and names_a_piece(text):  # "rings": search them now
        return jewelry.collect(copy, jewelry.welcome(copy, session).session, text)
    if choice is not None:
        return _MENU_FLOWS[choice](copy, session)
    command = read_command(text)
    if command is Command.QUOTE:
        return diamonds.quote_from_scratch(copy, session)
    if command in (Command.YES, Command.NO):  # e.g. after "our team will reply": the menu
        return Turn(Session(history=session.history), (copy.main_menu,))
    if (turn := sections.search_at_the_menu(copy, session, text)) is not None:
        return turn
    if diamonds.says_something(read_diamond_spec(text)):
        # Someone who types a spec straight away wants diamonds: no need for "1" first.
        return diamonds.collect_spec(copy, Session(step=Step.COLLECT_DIAMOND_SPECS), text)
    if sections.a_piece(text, read_jewelry_query(text)):  # "earrings"
        return jewelry.collect(copy, jewelry.welcome(copy, session).session, text)
    return support.not_understood(copy, session, text)


def _named_section(copy: Copy, session: Session, text: str) -> Turn | None:
    """Another section by name mid-way ("melee", "Lab Jewelry" while choosing a stone):
    by its words only, never by number, which is an option on the screen there."""
    here = sections.SECTION_OF.get(session.step)
    choice = read_menu_keyword(text) if here is not None else None
    if choice in sections.NAMED and choice is not here:
        return _main_menu(copy, session.at(Step.MAIN_MENU), text)
    return None


def _support(copy: Copy, session: Session, text: str) -> Turn:
    # A bare menu choice ("1", "track order") still works here; all else is a question.
    if read_menu_choice(text) is not None and len(text.split()) <= 3:
        return _main_menu(copy, session.at(Step.MAIN_MENU), text)
    if read_command(text) is Command.QUOTE:  # the assistant's answers suggest typing it
        return diamonds.quote_from_scratch(copy, session)
    # A search typed here ("ring under 50k") is that search; a question is a question.
    asked = is_plainly_a_question(text) or asks_about_the_store(text)  # "received wrong ring"
    searched = None if asked else sections.search_from_support
    if searched is not None and (turn := searched(copy, session, text)) is not None:
        return turn
    return support.on_question(copy, session, text)


STEPS: dict[Step, StepRules] = {
    Step.MAIN_MENU: StepRules(on_text=_main_menu, back=Step.MAIN_MENU),
    Step.COLLECT_DIAMOND_SPECS: StepRules(on_text=diamonds.collect_spec, back=Step.MAIN_MENU),
    Step.DIAMOND_RESULTS_SHOWN: StepRules(
        on_text=diamonds.on_results, back=Step.COLLECT_DIAMOND_SPECS
    ),
    Step.QUOTE_SUGGESTION: StepRules(
        on_text=diamonds.on_quote_suggestion, back=Step.COLLECT_DIAMOND_SPECS
    ),
    Step.QUOTE_REQUESTED: StepRules(on_text=diamonds.on_quote_details, back=Step.MAIN_MENU),
    Step.SUPPORT: StepRules(on_text=_support, back=Step.MAIN_MENU),
    Step.COLLECT_JEWELRY: StepRules(on_text=jewelry.collect, back=Step.MAIN_MENU),
    Step.JEWELRY_RESULTS_SHOWN: StepRules(on_text=jewelry.on_results, back=Step.COLLECT_JEWELRY),
    Step.DESIGN_SUGGESTION: StepRules(
        on_text=jewelry.on_design_suggestion, back=Step.COLLECT_JEWELRY
    ),
    Step.DESIGN_REQUESTED: StepRules(on_text=jewelry.on_design_details, back=Step.MAIN_MENU),
    Step.COLLECT_MELEE: StepRules(on_text=melee.collect, back=Step.MAIN_MENU),
    Step.MELEE_RESULTS_SHOWN: StepRules(on_text=melee.on_results, back=Step.COLLECT_MELEE),
    Step.MELEE_QUOTE_SUGGESTION: StepRules(
        on_text=melee.on_quote_suggestion, back=Step.COLLECT_MELEE
    ),
    Step.ORDERS_SHOWN: StepRules(on_text=orders.on_list, back=Step.MAIN_MENU),
    Step.ASK_ORDER_ID: StepRules(on_text=orders.on_order_id, back=Step.MAIN_MENU),
    # A size is read in `Conversation._said` first; a cart command leaves the question open.
    Step.ASK_RING_SIZE: StepRules(on_text=ring_sizing.on_other_text, back=Step.COLLECT_JEWELRY),
    Step.ASK_MELEE_QUANTITY: StepRules(
        on_text=melee_quantity.on_other_text, back=Step.COLLECT_MELEE
    ),
}

# Menu items 2-4 (1 and 5 are read above them).
_MENU_FLOWS: dict[MenuChoice, Callable[[Copy, Session], Turn]] = {
    MenuChoice.JEWELRY: jewelry.welcome,
    MenuChoice.MELEE: melee.welcome,
    MenuChoice.TRACK_ORDER: orders.start,
}
# At these steps a bare number is ambiguous ("3": option 3, or menu item 3?): the bot asks
# rather than put something in the cart the customer did not mean to.
_PICKING = frozenset(
    {Step.DIAMOND_RESULTS_SHOWN, Step.JEWELRY_RESULTS_SHOWN, Step.MELEE_RESULTS_SHOWN}
    | {Step.ASK_RING_SIZE, Step.ASK_MELEE_QUANTITY}
)

# Steps that read no number of their own: a bare "4" there is the main menu's item 4.
_NUMBERLESS = frozenset(
    {Step.ASK_ORDER_ID, Step.COLLECT_JEWELRY, Step.COLLECT_MELEE, Step.SUPPORT}
    | {Step.QUOTE_SUGGESTION, Step.DESIGN_SUGGESTION, Step.MELEE_QUOTE_SUGGESTION}
)


def _numbers_mean_the_menu(session: Session) -> bool:
    # A diamond spec under way reads a bare number as an answer ("2" after "what carat?").
    fresh_spec = session.step is Step.COLLECT_DIAMOND_SPECS and session.spec.is_empty
    return session.step in _NUMBERLESS or fresh_spec


# Steps that take the customer's own words for the team (a quote's details), or that are
# the assistant's already.
_TAKES_ANY_WORDS = frozenset({Step.QUOTE_REQUESTED, Step.DESIGN_REQUESTED, Step.SUPPORT})

# Steps with nothing of their own to quote: "Quote" there starts a request from scratch.
_NO_QUOTE_OF_THEIR_OWN = frozenset({Step.ASK_ORDER_ID, Step.ORDERS_SHOWN})

# The steps after a search that found nothing, and the question each is waiting on.
_QUOTE_QUESTION: dict[Step, Callable[[Copy], str]] = {
    Step.QUOTE_SUGGESTION: lambda copy: copy.quote_question_again,
    Step.MELEE_QUOTE_SUGGESTION: lambda copy: copy.melee_quote_question_again,
}
# What a step says when the customer arrives at it (via "back").
_ENTRY_TEXT: dict[Step, Callable[[Copy], str]] = {
    Step.MAIN_MENU: lambda c: c.main_menu,
    Step.COLLECT_DIAMOND_SPECS: lambda c: c.diamond_question,
    Step.COLLECT_JEWELRY: lambda c: c.jewelry_question,
    Step.COLLECT_MELEE: lambda c: c.melee_question,
}


class Conversation:
    def __init__(self, copy: Copy) -> None:
        self.copy = copy

    def step(self, session: Session, event: Event) -> Turn:
        match event:
            case CustomerSaid():
                return self._said(session, event)
            case DiamondsFound():
                return diamonds.show_found(self.copy, session, event)
            case CartAdded():
                return Turn(session, (cart_flow.added(self.copy, event) or self._added(event),))
            case CartShown():
                return Turn(session, (cart(self.copy, event.items),))
            case AssistantAnswered():
                return support.answered(self.copy, session, event)
            case HandoffClosed():
                return support.closed_by_staff(self.copy, session)
            case (
                JewelryFound()
                | MeleeFound()
                | MeleeAdded()
                | OrdersListed()
                | OrderLookedUp()
                | StonesDescribed()
                | CartItemRemoved()
                | CartCleared()
                | CheckoutStarted()
            ):
                return self._menu_event(session, event)

    def _menu_event(self, session: Session, event: MenuEvent) -> Turn:
        copy = self.copy
        match event:
            case JewelryFound():
                return jewelry.show_found(copy, session, event)
            case MeleeFound():
                return melee.show_found(copy, session, event)
            case MeleeAdded():
                return Turn(session, (melee.added(copy, event),))
            case OrdersListed():
                return orders.listed(copy, session, event)
            case OrderLookedUp():
                return orders.looked_up(copy, session, event)
            case StonesDescribed():
                return stone_details.described(copy, session, event)
            case CartItemRemoved():
                return cart_flow.removed(copy, session, event)
            case CartCleared():
                return cart_flow.cleared(copy, session, event)
            case CheckoutStarted():
                return cart_flow.checked_out(copy, session, event)

    def _said(self, session: Session, said: CustomerSaid) -> Turn:
        if session.handoff:  # a person has the conversation: store, say nothing
            return support.in_handoff(self.copy, session, said)
        if problem := self._unreadable(said):
            return Turn(session, (problem,))
        text = said.text
        if asks_for_person(text):
            return support.open_handoff(self.copy, session, said)
        if asks_if_a_bot(text):
            return Turn(session, (self.copy.about_the_bot,))
        if (turn := ring_sizing.on_answer(self.copy, session, text)) is not None:
            return turn
        if (turn := melee_quantity.on_answer(session, text)) is not None:
            return turn
        if (turn := self._everywhere(session, text)) is not None:
            return turn
        if (turn := self._question(session, text)) is not None:
            return turn
        if (turn := _named_section(self.copy, session, text)) is not None:
            return turn
        if (turn := sections.search_elsewhere(self.copy, session, text)) is not None:
            return turn
        return STEPS[session.step].on_text(self.copy, session, text)

    def _question(self, session: Session, text: str) -> Turn | None:
        """A question that names what a search would read, answered before any search
        changes: about the options shown, about grades, about the store."""
        if (turn := stone_details.on_text(self.copy, session, text)) is not None:
            return turn  # "is option 2 certified?": the catalog knows
        if session.step in _TAKES_ANY_WORDS:
            return None  # the step takes these words as they are
        if asks_about_grades(text):
            return support.ask(session, text)  # "is D better than E?" changes no search
        if asks_about_the_store(text):
            # "can you resize my ring?" is no search; "round 1ct G VS1 70k, delivery to
            # Delhi?" is a search and a question: both are answered.
            searched = diamonds.spec_with_question(self.copy, session, text)
            return support.ask(session, text) if searched is None else searched
        return None

    def _unreadable(self, said: CustomerSaid) -> str | None:
        if said.text.strip():
            return None
        return {
            MessageKind.MEDIA: self.copy.media_not_supported,
            MessageKind.LOCATION: self.copy.location_not_supported,
            MessageKind.CONTACTS: self.copy.contacts_not_supported,
        }.get(said.kind, self.copy.empty_message)

    def _everywhere(self, session: Session, text: str) -> Turn | None:
        command = read_command(text)
        at_menu = session.step is Step.MAIN_MENU
        if command is Command.MENU or opens_a_chat(text, greeted_first=not at_menu):
            return Turn(Session(), (self.copy.main_menu,))
        if command is Command.BACK:
            return self._back(session)
        if command is Command.HELP:
            return Turn(session, (self.copy.help,))
        if command is Command.CART:
            return Turn(session, effects=(ShowCart(),))
        if command is Command.THANKS:
            return Turn(session, (self.copy.you_are_welcome,))
        if command is Command.QUOTE and session.step in _NO_QUOTE_OF_THEIR_OWN:
            return diamonds.quote_from_scratch(self.copy, session)
        if command is Command.MORE and session.step in _PICKING:
            return paging.more(self.copy, session)
        if (turn := orders.asked_to_track(self.copy, session, text)) is not None:
            return turn
        if (turn := cart_flow.on_text(self.copy, session, text)) is not None:
            return turn
        return self._add_to_cart(session, text)

    def _back(self, session: Session) -> Turn:
        target = STEPS[session.step].back
        if target is Step.MAIN_MENU:
            return Turn(Session(), (self.copy.main_menu,))
        return Turn(replace(session, shown=()).at(target), (_ENTRY_TEXT[target](self.copy),))

    def _add_to_cart(self, session: Session, text: str) -> Turn | None:
        options, carats, size = read_add_options(text), None, None
        if options is None and (weighed := read_add_with_carats(text)) is not None:
            options, carats = (weighed[0],), weighed[1]
        if options is None and (sized := read_add_with_size(text)) is not None:
            options, size = (sized[0],), sized[1]
        if options is None and session.shown:
            options = self._picked(session, text)
        if options is None:
            return self._bare_number(session, text)
        if not session.shown:
            return Turn(session, (self._nothing_to_add(session.step),))
        for option in options:  # one wrong number: nothing added, the customer re-sends
            if not 1 <= option <= len(session.shown):
                reply = self.copy.no_such_option.format(n=option, count=len(session.shown))
                return Turn(session, (reply,))
        turns = [self._add_one(session, option, carats, size) for option in options]
        return cart_flow.together(self.copy, session, turns)

    def _picked(self, session: Session, text: str) -> tuple[int, ...] | None:
        """Options picked in words: "I'll take 2", "add all", and "add it" when one option
        is on the screen (after a stone shown by its id, say)."""
        count = len(session.shown)
        if picks_all(text) and session.step in _PICKING:
            return tuple(range(1, count + 1))
        if picks_the_one(text) and count == 1:
            return (1,)
        return read_choice(text) if session.step in _PICKING else None

    def _add_one(
        self, session: Session, option: int, carats: float | None, size: float | None
    ) -> Turn:
        item = session.shown[option - 1]
        if carats is not None and item.kind is ItemKind.MELEE:  # "add 5 cts of option 3"
            item = replace(item, carats=carats)
        if (turn := cart_flow.before_add(self.copy, session, option, item)) is not None:
            return turn
        return ring_sizing.add(self.copy, session, option, item, size)

    def _nothing_to_add(self, step: Step) -> str:
        if (question := _QUOTE_QUESTION.get(step)) is None:
            return self.copy.nothing_to_add
        # Right after "no exact match": say so, and ask the open question again.
        return f"{self.copy.nothing_matched_to_add}\n{question(self.copy)}"

    def _bare_number(self, session: Session, text: str) -> Turn | None:
        """A bare "3": an option on the screen (asked to confirm), else the main menu's
        item where a number means nothing else; never a dead end."""
        number = read_option_number(text)
        if number is None:
            return None
        shown = len(session.shown) if session.step in _PICKING else 0
        if 1 <= number <= shown:
            return Turn(session, (self.copy.bare_number.format(n=number),))
        if 1 <= number <= len(MenuChoice) and (shown or _numbers_mean_the_menu(session)):
            return _main_menu(self.copy, session.at(Step.MAIN_MENU), text)
        if shown:
            return Turn(session, (self.copy.no_such_option.format(n=number, count=shown),))
        return None

    def _added(self, event: CartAdded) -> str:
        template = {
            AddOutcome.ADDED: self.copy.added_to_cart,
            AddOutcome.ALREADY_IN_CART: self.copy.already_in_cart,
            AddOutcome.UNAVAILABLE: self.copy.item_unavailable,
        }[event.outcome]
        return template.format(n=event.option)
