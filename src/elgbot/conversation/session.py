"""What the bot remembers about one customer between messages, and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.stone import DiamondSpec


class Step(StrEnum):
    MAIN_MENU = "main_menu"
    COLLECT_DIAMOND_SPECS = "collect_diamond_specs"
    DIAMOND_RESULTS_SHOWN = "diamond_results_shown"
    QUOTE_SUGGESTION = "quote_suggestion"
    QUOTE_REQUESTED = "quote_requested"


@dataclass(frozen=True, slots=True)
class ShownItem:
    """An option the customer saw, so "add to cart 2" means what they saw as 2."""

    stock_id: str
    title: str


@dataclass(frozen=True, slots=True)
class Session:
    step: Step = Step.MAIN_MENU
    spec: DiamondSpec = field(default_factory=DiamondSpec)
    spec_text: str = ""  # the customer's own words for the spec, for staff and quotes
    shown: tuple[ShownItem, ...] = ()

    def at(self, step: Step) -> Session:
        return replace(self, step=step)

    def to_json(self) -> dict[str, Any]:
        return {
            "step": self.step.value,
            "spec": spec_to_dict(self.spec),
            "spec_text": self.spec_text,
            "shown": [[item.stock_id, item.title] for item in self.shown],
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
                shown=tuple(ShownItem(str(s), str(t)) for s, t in data.get("shown", [])),
            )
        except (KeyError, ValueError, TypeError):
            return cls()


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
    )
