"""Jewellery: the pieces the store sells, what a customer asks for, and the words for both.

A piece's metal is material + karat + colour, and a wish matches only what it names:
"18k rose gold" admits 18K rose gold only (not 14K, not white gold, not platinum); "rose
gold" admits rose gold of any karat; "platinum" admits platinum.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Final


class JewelryKind(StrEnum):
    RING = "ring"
    EARRINGS = "earrings"
    PENDANT = "pendant"
    NECKLACE = "necklace"
    BRACELET = "bracelet"
    NOSE_PIN = "nose pin"

    @property
    def label(self) -> str:
        return self.value.title()


class Style(StrEnum):
    SOLITAIRE = "solitaire"
    HALO = "halo"
    THREE_STONE = "three-stone"
    PAVE = "pave"
    ETERNITY = "eternity"
    BAND = "band"
    STUDS = "studs"
    HOOPS = "hoops"
    DROPS = "drops"
    TENNIS = "tennis"
    BANGLE = "bangle"


class Material(StrEnum):
    GOLD = "gold"
    PLATINUM = "platinum"
    SILVER = "silver"


class MetalColor(StrEnum):
    YELLOW = "yellow"
    WHITE = "white"
    ROSE = "rose"
    TWO_TONE = "two-tone"


@dataclass(frozen=True, slots=True)
class Metal:
    material: Material
    karat: int | None = None  # gold only
    color: MetalColor | None = None  # gold only

    @property
    def label(self) -> str:
        """'18K Rose Gold', 'Platinum'."""
        karat = f"{self.karat}K " if self.karat else ""
        color = f"{self.color.value.title()} " if self.color else ""
        return f"{karat}{color}{self.material.value.title()}"


@dataclass(frozen=True, slots=True)
class MetalWish:
    """The metal a customer named; what they did not name is open."""

    material: Material | None = None
    karat: int | None = None
    color: MetalColor | None = None

    @property
    def is_open(self) -> bool:
        return self == MetalWish()

    def admits(self, metal: Metal) -> bool:
        return (
            self.material in (None, metal.material)
            and self.karat in (None, metal.karat)
            and self.color in (None, metal.color)
        )

    @property
    def label(self) -> str:
        karat = f"{self.karat}K " if self.karat else ""
        color = f"{self.color.value} " if self.color else ""
        material = self.material.value if self.material else "metal"
        return f"{karat}{color}{material}"


@dataclass(frozen=True, slots=True)
class Piece:
    """One piece of jewellery in stock; `price_inr` is the piece's total."""

    stock_id: str
    kind: JewelryKind
    style: Style | None
    title: str
    metal: Metal
    price_inr: int
    stone_carat: float | None = None  # total weight of its laboratory-grown diamonds
    diamond_color: str | None = None  # as the supplier grades it: "F", "EF", "G-H"
    diamond_clarity: str | None = None  # "VS1", "VVS-VS"
    ring_size: float | None = None  # Indian size; None: made to the customer's size


@dataclass(frozen=True, slots=True)
class JewelryQuery:
    """What a customer asked for; None is "not said" (any)."""

    kind: JewelryKind | None = None
    style: Style | None = None
    metal: MetalWish = MetalWish()
    budget_min_inr: int | None = None
    budget_max_inr: int | None = None
    ring_size: float | None = None
    # The diamonds' total weight: "1ct solitaire ring" is (1.0, 1.0), "under 1ct" (None, 1.0).
    carat_min: float | None = None
    carat_max: float | None = None
    # "engagement ring": a ring set with a centre stone, so no plain or eternity bands.
    engagement: bool = False

    @property
    def is_empty(self) -> bool:
        return self == JewelryQuery()

    def carat_bounds(self) -> tuple[float | None, float | None]:
        """The stone weights that answer the wish: one weight named admits pieces within
        CARAT_SLACK of it, as a "1 carat" piece is sold at 0.95 or 1.05 ct total too."""
        low, high = self.carat_min, self.carat_max
        if low is not None and low == high:
            return round(low * (1 - CARAT_SLACK), 3), round(high * (1 + CARAT_SLACK), 3)
        return low, high


CARAT_SLACK: Final = 0.1
# Styles that are not an engagement ring's: bands with no centre stone.
NOT_ENGAGEMENT: Final = frozenset({Style.BAND, Style.ETERNITY})


# ---- words (normalised: lower case, single spaces) ----------------------------------------
# A style implies its kind: "studs" are earrings, "band" is a ring.
STYLE_KIND: Final[dict[Style, JewelryKind | None]] = {
    Style.SOLITAIRE: None,  # rings, pendants and studs are all "solitaire"
    Style.HALO: None,
    Style.THREE_STONE: JewelryKind.RING,
    Style.PAVE: None,
    Style.ETERNITY: JewelryKind.RING,
    Style.BAND: JewelryKind.RING,
    Style.STUDS: JewelryKind.EARRINGS,
    Style.HOOPS: JewelryKind.EARRINGS,
    Style.DROPS: JewelryKind.EARRINGS,
    Style.TENNIS: None,  # necklaces and bracelets
    Style.BANGLE: JewelryKind.BRACELET,
}
KIND_WORDS: Final[dict[str, JewelryKind]] = {
    **dict.fromkeys(["ring", "rings", "engagement ring", "anguthi", "angoothi"], JewelryKind.RING),
    **dict.fromkeys(
        ["earring", "earrings", "ear ring", "ear rings", "earing", "earings"], JewelryKind.EARRINGS
    ),
    **dict.fromkeys(["pendant", "pendants", "pendent", "locket", "lockets"], JewelryKind.PENDANT),
    **dict.fromkeys(
        ["necklace", "necklaces", "neckless", "necklase", "haar"], JewelryKind.NECKLACE
    ),
    **dict.fromkeys(["bracelet", "bracelets", "braclet", "breslet"], JewelryKind.BRACELET),
    **dict.fromkeys(
        ["nose pin", "nose pins", "nosepin", "nosepins", "nose stud", "nose studs"],
        JewelryKind.NOSE_PIN,
    ),
    # What most customers call a nose pin.
    **dict.fromkeys(["nose ring", "nose rings", "nosering"], JewelryKind.NOSE_PIN),
}
# Pieces customers ask for that no kind of the range is: the bot says so and offers a
# bespoke design, never another piece ("mangalsutra" is not a tennis necklace). Each names
# the pieces in the reply. A word leaves here once the range has such pieces as a kind.
NOT_IN_RANGE: Final[dict[str, str]] = {
    **dict.fromkeys(["mangalsutra", "mangalsutras", "mangal sutra", "mangalsutr"], "mangalsutras"),
    **dict.fromkeys(["chain", "chains"], "chains"),  # a pendant's chain comes with it
    **dict.fromkeys(["anklet", "anklets", "payal", "payals"], "anklets"),
    **dict.fromkeys(["toe ring", "toe rings", "bichiya", "bichhiya"], "toe rings"),
    **dict.fromkeys(["maang tikka", "mang tikka", "maangtikka"], "maang tikkas"),
    **dict.fromkeys(["jhumka", "jhumkas", "jhumki", "jhumkis"], "jhumkas"),
    **dict.fromkeys(["brooch", "brooches"], "brooches"),
    **dict.fromkeys(["cufflink", "cufflinks", "cuff links"], "cufflinks"),
}
STYLE_WORDS: Final[dict[str, Style]] = {
    **dict.fromkeys(["solitaire", "solitaires"], Style.SOLITAIRE),
    **dict.fromkeys(["halo"], Style.HALO),
    **dict.fromkeys(["three stone", "3 stone", "trilogy"], Style.THREE_STONE),
    **dict.fromkeys(["pave", "pavé"], Style.PAVE),
    **dict.fromkeys(["eternity", "eternity band", "eternity ring"], Style.ETERNITY),
    **dict.fromkeys(["band", "bands", "wedding band", "wedding ring"], Style.BAND),
    **dict.fromkeys(["stud", "studs", "tops"], Style.STUDS),  # "tops": Indian for studs
    **dict.fromkeys(["hoop", "hoops", "bali", "balis", "baali"], Style.HOOPS),
    **dict.fromkeys(["drop", "drops", "dangler", "danglers", "dangling"], Style.DROPS),
    **dict.fromkeys(["tennis"], Style.TENNIS),
    **dict.fromkeys(["bangle", "bangles", "kada", "kadas", "kangan"], Style.BANGLE),
}
MATERIAL_WORDS: Final[dict[str, Material]] = {
    **dict.fromkeys(["gold", "sona"], Material.GOLD),
    **dict.fromkeys(["platinum", "plat", "pt", "pt950"], Material.PLATINUM),
    **dict.fromkeys(["silver", "sterling", "sterling silver"], Material.SILVER),
}
COLOR_WORDS: Final[dict[str, MetalColor]] = {
    **dict.fromkeys(["yellow"], MetalColor.YELLOW),
    **dict.fromkeys(["white"], MetalColor.WHITE),
    **dict.fromkeys(["rose", "pink", "red"], MetalColor.ROSE),
    **dict.fromkeys(
        ["two tone", "two-tone", "bicolour", "bicolor", "dual tone"], MetalColor.TWO_TONE
    ),
}
# Trade shorthand: "18KWG" = 18K white gold.
GOLD_CODES: Final[dict[str, MetalColor]] = {
    "yg": MetalColor.YELLOW,
    "wg": MetalColor.WHITE,
    "rg": MetalColor.ROSE,
    "pg": MetalColor.ROSE,
}
GOLD_KARATS: Final = frozenset({9, 10, 14, 18, 22, 24})
# Hallmark fineness: 18K750 is 750 parts per thousand.
FINENESS_KARAT: Final[dict[int, int]] = {375: 9, 417: 10, 585: 14, 750: 18, 916: 22, 999: 24}
RING_SIZES: Final = (1.0, 30.0)  # Indian sizes


def widenings(query: JewelryQuery) -> list[tuple[JewelryQuery, tuple[str, ...]]]:
    """Near versions of a query that found nothing, nearest first, each with the parts it
    leaves open ("carat weight", "metal" …). The kind of piece and the budget always stay:
    the closest piece is still what was asked for, at a price the customer named."""
    parts = {
        "carat weight": replace(query, carat_min=None, carat_max=None),
        "metal": replace(query, metal=MetalWish()),
        "style": replace(query, style=None, engagement=False),
        "size": replace(query, ring_size=None),
    }
    given = {name: wider for name, wider in parts.items() if wider != query}
    found: list[tuple[JewelryQuery, tuple[str, ...]]] = [(w, (name,)) for name, w in given.items()]
    if len(given) > 1:
        every = replace(
            query, carat_min=None, carat_max=None, metal=MetalWish(), style=None, ring_size=None
        )
        found.append((replace(every, engagement=False), tuple(given)))
    return found
