"""A realistic sample jewellery range for `make run` and demos (judgements, not a price list).

Each design comes in the metals Indian diamond jewellery is sold in (14K and 18K gold in
yellow, white and rose; platinum for rings), priced from its 18K price by metal; a seeded
±5 % keeps the same seed giving the same pieces.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Final

from elgbot.catalog.jewelry import JewelryKind, Material, Metal, MetalColor, Piece, Style


@dataclass(frozen=True, slots=True)
class _Design:
    code: str
    kind: JewelryKind
    style: Style
    name: str
    stone_carat: float
    color: str
    clarity: str
    price_18k: int
    sizes: tuple[float | None, ...] = (None,)  # None: made to the customer's size


_DESIGNS: Final = (
    _Design("RSOL5", JewelryKind.RING, Style.SOLITAIRE, "Solitaire Ring", 0.5, "F", "VS1", 42_000),
    _Design("RSOL10", JewelryKind.RING, Style.SOLITAIRE, "Solitaire Ring", 1.0, "G", "VS1", 78_000),
    _Design("RHALO", JewelryKind.RING, Style.HALO, "Halo Ring", 0.7, "F", "VS1", 58_000),
    _Design(
        "RTRIO", JewelryKind.RING, Style.THREE_STONE, "Three-Stone Ring", 1.0, "G", "VS2", 65_000
    ),
    _Design("RETER", JewelryKind.RING, Style.ETERNITY, "Eternity Ring", 1.5, "G-H", "VS", 72_000),
    _Design(
        "RBAND",
        JewelryKind.RING,
        Style.BAND,
        "Classic Band",
        0.1,
        "G-H",
        "VS-SI",
        24_000,
        sizes=(12.0, 14.0, 16.0, 18.0, 20.0),
    ),
    _Design(
        "ESTUD5", JewelryKind.EARRINGS, Style.STUDS, "Solitaire Studs", 0.5, "F", "VS1", 28_000
    ),
    _Design(
        "ESTUD10", JewelryKind.EARRINGS, Style.STUDS, "Solitaire Studs", 1.0, "G", "VS1", 52_000
    ),
    _Design("EHOOP", JewelryKind.EARRINGS, Style.HOOPS, "Huggie Hoops", 0.6, "G-H", "VS", 38_000),
    _Design(
        "EDROP", JewelryKind.EARRINGS, Style.DROPS, "Pear Drop Earrings", 0.8, "F", "VS1", 46_000
    ),
    _Design(
        "PSOL3", JewelryKind.PENDANT, Style.SOLITAIRE, "Solitaire Pendant", 0.3, "F", "VS1", 22_000
    ),
    _Design(
        "PSOL7", JewelryKind.PENDANT, Style.SOLITAIRE, "Solitaire Pendant", 0.75, "G", "VS1", 45_000
    ),
    _Design(
        "NTEN", JewelryKind.NECKLACE, Style.TENNIS, "Tennis Necklace", 3.0, "G-H", "VS", 1_65_000
    ),
    _Design(
        "BTEN", JewelryKind.BRACELET, Style.TENNIS, "Tennis Bracelet", 2.0, "G-H", "VS", 1_10_000
    ),
    _Design(
        "BBANG", JewelryKind.BRACELET, Style.BANGLE, "Pavé Bangle", 1.0, "G-H", "VS-SI", 85_000
    ),
    _Design(
        "NPIN", JewelryKind.NOSE_PIN, Style.SOLITAIRE, "Solitaire Nose Pin", 0.05, "F", "VS1", 6_500
    ),
)
_GOLDS: Final = tuple(
    (Metal(Material.GOLD, karat, color), factor)
    for karat, factor in ((14, 0.85), (18, 1.0))
    for color in (MetalColor.YELLOW, MetalColor.WHITE, MetalColor.ROSE)
)
_PLATINUM: Final = ((Metal(Material.PLATINUM), 1.3),)


def sample_pieces(seed: int = 1) -> list[Piece]:
    rng = random.Random(seed)
    pieces = []
    for design in _DESIGNS:
        metals = _GOLDS + _PLATINUM if design.kind is JewelryKind.RING else _GOLDS
        for metal, factor in metals:
            for size in design.sizes:
                pieces.append(_piece(design, metal, size, design.price_18k * factor, rng))
    return pieces


def _piece(
    design: _Design, metal: Metal, size: float | None, price: float, rng: random.Random
) -> Piece:
    metal_code = f"{metal.karat or 'PT'}{metal.color.value[0].upper() if metal.color else ''}"
    size_code = f"-S{size:g}" if size else ""
    return Piece(
        stock_id=f"J-{design.code}-{metal_code}{size_code}",
        kind=design.kind,
        style=design.style,
        title=f"{design.name} in {metal.label}",
        metal=metal,
        price_inr=int(round(price * rng.uniform(0.95, 1.05), -2)),
        stone_carat=design.stone_carat,
        diamond_color=design.color,
        diamond_clarity=design.clarity,
        ring_size=size,
    )
