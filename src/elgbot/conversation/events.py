"""What goes into a turn (events) and what comes out besides replies (effects).

Closed unions: the service must handle every effect, and mypy says so when one is added.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from elgbot.catalog.matching import Match
from elgbot.catalog.stone import DiamondSpec
from elgbot.commerce.cart import CartItem
from elgbot.conversation.inbound import MessageKind
from elgbot.conversation.session import Session, ShownItem


# ---- events -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CustomerSaid:
    text: str
    kind: MessageKind = MessageKind.TEXT
    media_count: int = 0


@dataclass(frozen=True, slots=True)
class DiamondsFound:
    matches: tuple[Match, ...]


class AddOutcome(StrEnum):
    ADDED = "added"
    ALREADY_IN_CART = "already_in_cart"
    UNAVAILABLE = "unavailable"  # sold or withdrawn since it was shown


@dataclass(frozen=True, slots=True)
class CartAdded:
    option: int
    outcome: AddOutcome


@dataclass(frozen=True, slots=True)
class CartShown:
    items: tuple[CartItem, ...]


Event = CustomerSaid | DiamondsFound | CartAdded | CartShown


# ---- effects ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SearchDiamonds:
    spec: DiamondSpec


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


Effect = SearchDiamonds | AddToCart | ShowCart | RecordQuote


@dataclass(frozen=True, slots=True)
class Turn:
    session: Session
    replies: tuple[str, ...] = ()
    effects: tuple[Effect, ...] = ()
