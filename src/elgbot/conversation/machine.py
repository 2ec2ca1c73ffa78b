"""The conversation as a state machine: `step(session, event) -> Turn`, pure.

Words that work everywhere (menu, back, help, cart, add to cart N) are read first; then the
current step's entry in `STEPS` handles the text. A new flow is a new entry in the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from elgbot.conversation import diamonds
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import (
    AddOutcome,
    AddToCart,
    CartAdded,
    CartShown,
    CustomerSaid,
    DiamondsFound,
    Event,
    ShowCart,
    Turn,
)
from elgbot.conversation.inbound import MessageKind
from elgbot.conversation.replies import cart
from elgbot.conversation.session import Session, Step
from elgbot.understanding.commands import (
    Command,
    read_add_to_cart,
    read_command,
    read_option_number,
)
from elgbot.understanding.diamond_spec import read_diamond_spec
from elgbot.understanding.menu import MenuChoice, read_menu_choice

TextHandler = Callable[[Copy, Session, str], Turn]


@dataclass(frozen=True, slots=True)
class StepRules:
    on_text: TextHandler
    back: Step


def _main_menu(copy: Copy, session: Session, text: str) -> Turn:
    choice = read_menu_choice(text)
    if choice is MenuChoice.DIAMONDS:
        return Turn(Session(step=Step.COLLECT_DIAMOND_SPECS), (copy.diamond_question,))
    if choice is not None:
        return Turn(session, (_coming_soon(copy, choice),))
    if diamonds.says_something(read_diamond_spec(text)):
        # Someone who types a spec straight away wants diamonds: no need for "1" first.
        return diamonds.collect_spec(copy, Session(step=Step.COLLECT_DIAMOND_SPECS), text)
    return Turn(session, (copy.not_understood,))


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
}

# What a step says when the customer arrives at it (via "back").
_ENTRY_TEXT: dict[Step, Callable[[Copy], str]] = {
    Step.MAIN_MENU: lambda c: c.main_menu,
    Step.COLLECT_DIAMOND_SPECS: lambda c: c.diamond_question,
}

# Built in later issues; until then each says so honestly.
_COMING_SOON = {
    MenuChoice.JEWELRY: "Lab Jewelry",
    MenuChoice.MELEE: "Lab Melee",
    MenuChoice.TRACK_ORDER: "Order tracking",
    MenuChoice.SUPPORT: "Chat with our support team",
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
                return Turn(session, (self._added(event),))
            case CartShown():
                return Turn(session, (cart(self.copy, event.items),))

    def _said(self, session: Session, said: CustomerSaid) -> Turn:
        if problem := self._unreadable(said):
            return Turn(session, (problem,))
        text = said.text
        if (turn := self._everywhere(session, text)) is not None:
            return turn
        return STEPS[session.step].on_text(self.copy, session, text)

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
        if command is Command.MENU:
            return Turn(Session(), (self.copy.main_menu,))
        if command is Command.BACK:
            return self._back(session)
        if command is Command.HELP:
            return Turn(session, (self.copy.help,))
        if command is Command.CART:
            return Turn(session, effects=(ShowCart(),))
        return self._add_to_cart(session, text)

    def _back(self, session: Session) -> Turn:
        target = STEPS[session.step].back
        if target is Step.MAIN_MENU:
            return Turn(Session(), (self.copy.main_menu,))
        return Turn(replace(session, shown=()).at(target), (_ENTRY_TEXT[target](self.copy),))

    def _add_to_cart(self, session: Session, text: str) -> Turn | None:
        option = read_add_to_cart(text)
        if option is None and session.step is Step.DIAMOND_RESULTS_SHOWN:
            option = read_option_number(text)
        if option is None:
            return None
        if not session.shown:
            return Turn(session, (self.copy.nothing_to_add,))
        if not 1 <= option <= len(session.shown):
            reply = self.copy.no_such_option.format(n=option, count=len(session.shown))
            return Turn(session, (reply,))
        return Turn(session, effects=(AddToCart(option, session.shown[option - 1]),))

    def _added(self, event: CartAdded) -> str:
        template = {
            AddOutcome.ADDED: self.copy.added_to_cart,
            AddOutcome.ALREADY_IN_CART: self.copy.already_in_cart,
            AddOutcome.UNAVAILABLE: self.copy.item_unavailable,
        }[event.outcome]
        return template.format(n=event.option)


def _coming_soon(copy: Copy, choice: MenuChoice) -> str:
    return copy.coming_soon.format(item=_COMING_SOON[choice])
