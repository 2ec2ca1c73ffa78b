"""What the bot remembers about one customer between messages, and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.jewelry import JewelryQuery
from elgbot.catalog.melee import MeleeQuery
from elgbot.catalog.stone import DiamondSpec
from elgbot.commerce.cart import ItemKind
from elgbot.conversation.menu_state import (
    jewelry_from_dict,
    jewelry_to_dict,
    melee_from_dict,
    melee_to_dict,
)


class Step(StrEnum):
    MAIN_MENU = "main_menu"
    COLLECT_DIAMOND_SPECS = "collect_diamond_specs"
    DIAMOND_RESULTS_SHOWN = "diamond_results_shown"
    QUOTE_SUGGESTION = "quote_suggestion"
    QUOTE_REQUESTED = "quote_requested"
    SUPPORT = "support"  # "Talk to Support": questions go to the assistant
    # Lab Jewelry, Lab Melee, Track My Order (conversation/jewelry.py, melee.py, orders.py)
    COLLECT_JEWELRY = "collect_jewelry"
    JEWELRY_RESULTS_SHOWN = "jewelry_results_shown"
    DESIGN_SUGGESTION = "design_suggestion"  # nothing found: a bespoke design?
    DESIGN_REQUESTED = "design_requested"
    COLLECT_MELEE = "collect_melee"
    MELEE_RESULTS_SHOWN = "melee_results_shown"
    MELEE_QUOTE_SUGGESTION = "melee_quote_suggestion"
    ORDERS_SHOWN = "orders_shown"
    ASK_ORDER_ID = "ask_order_id"
    ASK_RING_SIZE = "ask_ring_size"  # a ring made to size, asked for before it is added
    ASK_MELEE_QUANTITY = "ask_melee_quantity"  # a parcel, asked how many carats to add


# Where the questions asked beside results return to.
_RESULTS_OF: dict[Step, Step] = {
    Step.ASK_RING_SIZE: Step.JEWELRY_RESULTS_SHOWN,
    Step.ASK_MELEE_QUANTITY: Step.MELEE_RESULTS_SHOWN,
}


class Speaker(StrEnum):
    CUSTOMER = "customer"
    ASSISTANT = "assistant"


# The assistant's memory: the last few lines only, each capped, expiring with the session.
HISTORY_LINES = 6
HISTORY_LINE_CHARS = 600


@dataclass(frozen=True, slots=True)
class ChatLine:
    """One line of the conversation with the assistant."""

    speaker: Speaker
    text: str


@dataclass(frozen=True, slots=True)
class ShownItem:
    """An option the customer saw, so "add to cart 2" means what they saw as 2."""

    stock_id: str
    title: str
    kind: ItemKind = ItemKind.DIAMOND
    carats: float | None = None  # melee: the quantity asked for
    ring_size: float | None = None  # a ring's size: its own, or the customer's when made to size
    made_to_size: bool = False  # a ring made to the customer's size, which must be known
    price_inr: int | None = None  # a diamond's price as shown: "cheaper" means below it


@dataclass(frozen=True, slots=True)
class Session:
    step: Step = Step.MAIN_MENU
    spec: DiamondSpec = field(default_factory=DiamondSpec)
    spec_text: str = ""  # the customer's own words for the spec, for staff and quotes
    shown: tuple[ShownItem, ...] = ()
    history: tuple[ChatLine, ...] = ()  # questions to the assistant and its answers
    handoff: bool = False  # a person has the conversation: the bot stays silent
    jewelry: JewelryQuery = field(default_factory=JewelryQuery)
    melee: MeleeQuery = field(default_factory=MeleeQuery)
    orders: tuple[str, ...] = ()  # order ids as listed, so "1" means the first
    waiting: tuple[int, ...] = ()  # options waiting for a ring size or a melee quantity

    def at(self, step: Step) -> Session:
        return replace(self, step=step)

    def done_waiting(self) -> Session:
        """Back at the results, when the bot was waiting for a size or a quantity."""
        results = _RESULTS_OF.get(self.step)
        return self if results is None else replace(self, waiting=()).at(results)

    def remembering(self, *lines: ChatLine) -> Session:
        capped = (ChatLine(line.speaker, line.text[:HISTORY_LINE_CHARS]) for line in lines)
        return replace(self, history=(*self.history, *capped)[-HISTORY_LINES:])

    def to_json(self) -> dict[str, Any]:
        return {
            "step": self.step.value,
            "spec": spec_to_dict(self.spec),
            "spec_text": self.spec_text,
            "shown": [_shown_to_json(item) for item in self.shown],
            "history": [[line.speaker.value, line.text] for line in self.history],
            "handoff": self.handoff,
            "jewelry": jewelry_to_dict(self.jewelry),
            "melee": melee_to_dict(self.melee),
            "orders": list(self.orders),
            "waiting": list(self.waiting),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Session:
        """A stored session; an unreadable one (older or damaged) starts afresh."""
        if not data:
            return cls()
        try:
            return cls(
                step=Step(data["step"]),
                spec=spec_from_dict(data.get("spec") or {}),
                spec_text=str(data.get("spec_text", "")),
                shown=tuple(_shown_from_json(item) for item in data.get("shown", [])),
                history=tuple(ChatLine(Speaker(s), str(t)) for s, t in data.get("history", [])),
                handoff=data.get("handoff") is True,
                jewelry=jewelry_from_dict(data.get("jewelry") or {}),
                melee=melee_from_dict(data.get("melee") or {}),
                orders=tuple(str(order_id) for order_id in data.get("orders", [])),
                waiting=tuple(int(option) for option in data.get("waiting") or ()),
            )
        except (KeyError, ValueError, TypeError):
            return cls()


def _shown_to_json(item: ShownItem) -> list[Any]:
    if item.kind is ItemKind.DIAMOND and item.price_inr is None:  # the oldest stored form
        return [item.stock_id, item.title]
    return [
        item.stock_id,
        item.title,
        item.kind.value,
        item.carats,
        item.ring_size,
        item.made_to_size,
        item.price_inr,
    ]


def _shown_from_json(entry: list[Any]) -> ShownItem:
    stock_id, title, *rest = entry
    rest += [None] * (6 - len(rest))  # older sessions stored fewer fields
    kind = ItemKind(rest[0]) if rest[0] else ItemKind.DIAMOND
    carats, ring_size = (float(v) if v is not None else None for v in rest[1:3])
    price = None if rest[4] is None else int(rest[4])
    return ShownItem(str(stock_id), str(title), kind, carats, ring_size, rest[3] is True, price)


def spec_to_dict(spec: DiamondSpec) -> dict[str, Any]:
    return {
        "shape": spec.shape.value if spec.shape else None,
        "carat_min": spec.carat_min,
        "carat_max": spec.carat_max,
        "colors": [c.value for c in spec.colors],
        "clarities": [c.value for c in spec.clarities],
        "cuts": [c.value for c in spec.cuts],
        "budget_min_inr": spec.budget_min_inr,
        "budget_max_inr": spec.budget_max_inr,
        "firm_budget": spec.firm_budget,
    }


def spec_from_dict(data: dict[str, Any]) -> DiamondSpec:
    return DiamondSpec(
        shape=Shape(data["shape"]) if data.get("shape") else None,
        carat_min=data.get("carat_min"),
        carat_max=data.get("carat_max"),
        colors=tuple(Color(c) for c in data.get("colors") or ()),
        clarities=tuple(Clarity(c) for c in data.get("clarities") or ()),
        cuts=tuple(Cut(c) for c in data.get("cuts") or ()),
        budget_min_inr=data.get("budget_min_inr"),
        budget_max_inr=data.get("budget_max_inr"),
        firm_budget=data.get("firm_budget") is True,
    )
