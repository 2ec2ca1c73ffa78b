"""What goes into a turn (events) and what comes out besides replies (effects).

Closed unions: the service must handle every effect, and mypy says so when one is added.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum

from elgbot.catalog.listing import StockState
from elgbot.catalog.matching import Match
from elgbot.catalog.stone import DiamondSpec
from elgbot.commerce.cart import CartItem, ItemKind
from elgbot.conversation.inbound import Media, MessageKind
from elgbot.conversation.menu_events import MenuEffect, MenuEvent
from elgbot.conversation.session import ChatLine, Session, ShownItem


# ---- events -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CustomerSaid:
    text: str
    kind: MessageKind = MessageKind.TEXT
    media_count: int = 0
    media: tuple[Media, ...] = ()  # where the attachments are, for staff in a handoff


@dataclass(frozen=True, slots=True)
class DiamondsFound:
    matches: tuple[Match, ...]
    after: int = 0  # the search asked for the options after this many (*more*)
    # With no match within the budget: the cheapest exact match at any price, to name.
    lowest_price_inr: int | None = None


class AddOutcome(StrEnum):
    ADDED = "added"
    ALREADY_IN_CART = "already_in_cart"
    UNAVAILABLE = "unavailable"  # sold or withdrawn since it was shown


@dataclass(frozen=True, slots=True)
class CartAdded:
    option: int
    outcome: AddOutcome
    kind: ItemKind = ItemKind.DIAMOND
    ring_size: float | None = None  # a ring made to the customer's size


@dataclass(frozen=True, slots=True)
class CheckedCartItem(CartItem):
    """A cart's diamond with its state in the catalog now: sold, withdrawn or repriced
    stones are flagged when the cart is shown, never kept silently at an old price."""

    now: StockState | None = None  # None: not looked up

    @classmethod
    def of(cls, item: CartItem, now: StockState) -> CheckedCartItem:
        return cls(**{f.name: getattr(item, f.name) for f in fields(item)}, now=now)


@dataclass(frozen=True, slots=True)
class CartShown:
    items: tuple[CartItem, ...]  # diamonds as `CheckedCartItem`


class AnswerKind(StrEnum):
    ANSWERED = "answered"  # `text` is the answer
    UNKNOWN = "unknown"  # the store's facts do not say
    DECLINED = "declined"  # the model refused (a blocked prompt)
    FAILED = "failed"  # quota, server error, timeout, no network …
    UNSAFE = "unsafe"  # the answer stated a price, discount or order status not in the facts
    EXPIRED = "expired"  # too late to answer (e.g. pending across a long restart)


@dataclass(frozen=True, slots=True)
class AssistantAnswered:
    question: str
    kind: AnswerKind
    text: str = ""


@dataclass(frozen=True, slots=True)
class HandoffClosed:
    """Staff closed the conversation: the bot takes over again."""


Event = (
    CustomerSaid
    | DiamondsFound
    | CartAdded
    | CartShown
    | AssistantAnswered
    | HandoffClosed
    | MenuEvent  # jewellery, melee, orders, the cart's commands (menu_events)
)


# ---- effects ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SearchDiamonds:
    spec: DiamondSpec
    after: int = 0  # *more*: the options after the first `after` (conversation/paging.py)


@dataclass(frozen=True, slots=True)
class AddToCart:
    option: int
    item: ShownItem


@dataclass(frozen=True, slots=True)
class ShowCart:
    pass


@dataclass(frozen=True, slots=True)
class RecordQuote:
    spec: DiamondSpec
    request_text: str
    # More words for the request just filed (the details asked for after "Quote"): they
    # join that request rather than make a second one for the team.
    follow_up: bool = False


@dataclass(frozen=True, slots=True)
class AskAssistant:
    history: tuple[ChatLine, ...]
    question: str


@dataclass(frozen=True, slots=True)
class OpenHandoff:
    """Record that the customer wants a person, with what staff should read first."""

    history: tuple[ChatLine, ...]
    request_text: str
    spec_text: str
    media: tuple[Media, ...] = ()  # sent with the request (a photo captioned "agent")


@dataclass(frozen=True, slots=True)
class RecordHandoffMessage:
    text: str
    media: tuple[Media, ...] = ()


@dataclass(frozen=True, slots=True)
class CloseHandoff:
    """The customer went back to the bot."""


Effect = (
    SearchDiamonds
    | AddToCart
    | ShowCart
    | RecordQuote
    | AskAssistant
    | OpenHandoff
    | RecordHandoffMessage
    | CloseHandoff
    | MenuEffect  # jewellery, melee, orders, the cart's commands (menu_events)
)


@dataclass(frozen=True, slots=True)
class Turn:
    session: Session
    replies: tuple[str, ...] = ()
    effects: tuple[Effect, ...] = ()

    def then(self, effects: tuple[Effect, ...]) -> Turn:
        """This turn with `effects` carried out after its own."""
        return Turn(self.session, self.replies, (*self.effects, *effects))
