"""Which header column of a stock feed holds which fact, as data.

Suppliers upload RapNet, Nivoda or IDEX exports, or our own plain format. Header names are
compared by `header_key`: lower-case letters and digits only, so "Stock #", "stock_no",
"StockNo" and "Stock Number" all become plain keys. Every alias list is in order of
preference: when a file has two columns for one fact, the earlier alias wins.

Price is the trap: RapNet's bare "Price" is per carat, everyone else's is the whole stone.
The rule (`_price_column`) is:

1. an explicit total column ("Total Price", "price_inr", ...) wins;
2. otherwise a bare "Price" is per carat when the header looks like RapNet (it has a
   RAPNET_MARKERS column such as "Stock #", "Weight" or "Size") and there is no explicit
   per-carat column; in every other file it is the total;
3. otherwise an explicit per-carat column ("Price Per Carat", "price_per_carat", "$/ct").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class Concept(StrEnum):
    """A fact a feed column can carry; values name it in error messages."""

    STOCK_ID = "stock id"
    SHAPE = "shape"
    CARAT = "carat"
    COLOR = "colour"
    FANCY_COLOR = "fancy colour"
    CLARITY = "clarity"
    CUT = "cut"
    POLISH = "polish"
    SYMMETRY = "symmetry"
    FLUORESCENCE = "fluorescence"
    LAB = "lab"
    CERTIFICATE = "certificate"


class PriceBasis(StrEnum):
    TOTAL = "total"
    PER_CARAT = "per carat"


COLUMN_ALIASES: Final[dict[Concept, tuple[str, ...]]] = {
    # The supplier's own reference before a marketplace's listing id (IDEX "Item ID #").
    Concept.STOCK_ID: (
        "stockid",
        "stock",
        "stockno",
        "stocknumber",
        "stocknum",
        "supplierstockid",
        "supplierstockref",
        "stockref",
        "referencenum",
        "referenceno",
        "referencenumber",
        "refno",
        "sku",
        "lotno",
        "itemid",
        "itemno",
    ),
    Concept.SHAPE: ("shape", "shapename", "shp"),
    Concept.CARAT: ("carat", "carats", "caratweight", "weight", "size", "ct", "cts", "crt", "wt"),
    Concept.COLOR: ("color", "colour", "col", "clr", "colorgrade"),
    Concept.FANCY_COLOR: ("fancycolor", "fancycolour", "fancycolordominantcolor"),
    # "purity" is the Surat trade's word for clarity.
    Concept.CLARITY: ("clarity", "clar", "claritygrade", "purity"),
    # "cutgrade" first: in IDEX files a bare "Cut" is the shape (see CUT_MEANS_SHAPE_WITH).
    Concept.CUT: ("cutgrade", "cut", "make"),
    Concept.POLISH: ("polish", "pol"),
    Concept.SYMMETRY: ("symmetry", "symm", "sym"),
    Concept.FLUORESCENCE: (
        "fluorescenceintensity",
        "fluorescence",
        "floint",
        "fluor",
        "fluo",
        "flour",
        "flr",
    ),
    Concept.LAB: ("lab", "gradinglab", "certificatelab", "certlab", "laboratory"),
    Concept.CERTIFICATE: (
        "certificate",
        "certificateno",
        "certificatenumber",
        "certno",
        "certnumber",
        "certnum",
        "cert",
        "reportno",
        "reportnumber",
    ),
}

# Unambiguous price columns, totals first (a total wins over a per-carat column).
PRICE_ALIASES: Final[dict[str, PriceBasis]] = {
    **dict.fromkeys(
        ["totalprice", "priceinr", "totalpriceinr", "pricetotal", "total", "totalamount"],
        PriceBasis.TOTAL,
    ),
    **dict.fromkeys(
        ["pricepercarat", "priceperct", "percarat", "perct", "ppc", "ratepercarat", "rateperct"],
        PriceBasis.PER_CARAT,
    ),
}

# Columns named only "Price": per carat in RapNet files, the total elsewhere.
AMBIGUOUS_PRICE_ALIASES: Final[tuple[str, ...]] = ("price",)

# Columns that only RapNet exports use: their presence makes a bare "Price" per carat.
RAPNET_MARKERS: Final[frozenset[str]] = frozenset(
    {"stock", "weight", "size", "referencenum", "rap", "rapnetprice", "rapnetdiscount"}
)

# IDEX calls the shape "Cut" and the cut grade "Cut Grade": with a cut-grade column and no
# shape column, "Cut" is the shape.
CUT_MEANS_SHAPE_WITH: Final[tuple[str, ...]] = ("cutgrade",)

REQUIRED: Final[tuple[Concept, ...]] = (
    Concept.STOCK_ID,
    Concept.SHAPE,
    Concept.CARAT,
    Concept.COLOR,
    Concept.CLARITY,
)


@dataclass(frozen=True, slots=True)
class PriceColumn:
    index: int
    basis: PriceBasis


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Where each fact sits in a feed's rows; concepts without a column are absent."""

    header: tuple[str, ...]
    index: Mapping[Concept, int]
    price: PriceColumn | None

    @property
    def missing(self) -> tuple[str, ...]:
        """Names of the required facts the header has no column for."""
        names = [concept.value for concept in REQUIRED if concept not in self.index]
        return (*names, "price") if self.price is None else tuple(names)


def header_key(name: str) -> str:
    """'Stock #' → 'stock', 'Price/Ct' → 'priceperct': compare names without punctuation."""
    return "".join(ch for ch in name.lower().replace("/", "per") if ch.isalnum())


def map_columns(header: Sequence[str]) -> ColumnMap:
    position: dict[str, int] = {}
    for column, name in enumerate(header):
        position.setdefault(header_key(name), column)
    found = {
        concept: index
        for concept, aliases in COLUMN_ALIASES.items()
        if (index := _first(position, aliases)) is not None
    }
    _read_idex_cut_as_shape(position, found)
    return ColumnMap(tuple(header), found, _price_column(position))


def _first(position: Mapping[str, int], aliases: Sequence[str]) -> int | None:
    return next((position[alias] for alias in aliases if alias in position), None)


def _read_idex_cut_as_shape(position: Mapping[str, int], found: dict[Concept, int]) -> None:
    has_grade = any(key in position for key in CUT_MEANS_SHAPE_WITH)
    if Concept.SHAPE not in found and has_grade and "cut" in position:
        found[Concept.SHAPE] = position["cut"]


def _price_column(position: Mapping[str, int]) -> PriceColumn | None:
    explicit = [
        PriceColumn(position[key], basis) for key, basis in PRICE_ALIASES.items() if key in position
    ]
    totals = [column for column in explicit if column.basis is PriceBasis.TOTAL]
    if totals:
        return totals[0]
    bare = _first(position, AMBIGUOUS_PRICE_ALIASES)
    if bare is not None:
        rapnet = not explicit and not RAPNET_MARKERS.isdisjoint(position)
        return PriceColumn(bare, PriceBasis.PER_CARAT if rapnet else PriceBasis.TOTAL)
    return explicit[0] if explicit else None
