"""The JSON form of what a session remembers for jewellery and melee requests.

Readers raise KeyError, ValueError or TypeError on damaged data, which `Session.from_json`
turns into a fresh session.
"""

from __future__ import annotations

from typing import Any

from elgbot.catalog.jewelry import (
    JewelryKind,
    JewelryQuery,
    Material,
    MetalColor,
    MetalWish,
    Style,
)
from elgbot.catalog.melee import MeleeClarity, MeleeQuery, QualityBand


def jewelry_to_dict(query: JewelryQuery) -> dict[str, Any]:
    metal = query.metal
    return {
        "kind": query.kind.value if query.kind else None,
        "style": query.style.value if query.style else None,
        "material": metal.material.value if metal.material else None,
        "karat": metal.karat,
        "metal_color": metal.color.value if metal.color else None,
        "budget_min_inr": query.budget_min_inr,
        "budget_max_inr": query.budget_max_inr,
        "ring_size": query.ring_size,
        "carat_min": query.carat_min,
        "carat_max": query.carat_max,
        "engagement": query.engagement,
    }


def jewelry_from_dict(data: dict[str, Any]) -> JewelryQuery:
    return JewelryQuery(
        kind=JewelryKind(data["kind"]) if data.get("kind") else None,
        style=Style(data["style"]) if data.get("style") else None,
        metal=MetalWish(
            Material(data["material"]) if data.get("material") else None,
            _int(data.get("karat")),
            MetalColor(data["metal_color"]) if data.get("metal_color") else None,
        ),
        budget_min_inr=_int(data.get("budget_min_inr")),
        budget_max_inr=_int(data.get("budget_max_inr")),
        ring_size=_float(data.get("ring_size")),
        carat_min=_float(data.get("carat_min")),
        carat_max=_float(data.get("carat_max")),
        engagement=bool(data.get("engagement", False)),
    )


def melee_to_dict(query: MeleeQuery) -> dict[str, Any]:
    return {
        "mm_from": query.mm_from,
        "mm_to": query.mm_to,
        "size": query.size,
        "colors": query.band.colors,
        "clarities": [c.value for c in query.band.clarities],
        "carats": query.carats,
        "budget_inr": query.budget_inr,
        "budget_per_carat": query.budget_per_carat,
        "stones": query.stones,
    }


def melee_from_dict(data: dict[str, Any]) -> MeleeQuery:
    return MeleeQuery(
        mm_from=_float(data.get("mm_from")),
        mm_to=_float(data.get("mm_to")),
        size=str(data.get("size", "")),
        band=QualityBand(
            str(data.get("colors", "")),
            tuple(MeleeClarity(c) for c in data.get("clarities") or ()),
        ),
        carats=_float(data.get("carats")),
        budget_inr=_int(data.get("budget_inr")),
        budget_per_carat=bool(data.get("budget_per_carat", False)),
        stones=_int(data.get("stones")),
    )


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _float(value: Any) -> float | None:
    return None if value is None else float(value)
