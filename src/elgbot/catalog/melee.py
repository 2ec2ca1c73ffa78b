"""Melee: small laboratory-grown diamonds sold by parcel and priced per carat.

Quality is a band, not one grade ("EF VVS-VS", "GH VS-SI"); size is a sieve or a range of
millimetres (see `melee_sizes`). A request matches a parcel when their sizes overlap and
their bands share a colour and a clarity; the exact band comes first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from elgbot.catalog.melee_sizes import MM_TOLERANCE

COLOR_LETTERS: Final = "DEFGHIJKLMN"
SHOWN_PARCELS: Final = 4
_EPSILON: Final = 1e-6  # millimetres are floats: 1.30 must meet 1.30


class MeleeClarity(StrEnum):
    IF = "IF"
    VVS = "VVS"
    VS = "VS"
    SI = "SI"
    I = "I"  # noqa: E741 - the trade's name for included stones


_CLARITY_CODES: Final[dict[str, MeleeClarity]] = {
    "FL": MeleeClarity.IF,
    "IF": MeleeClarity.IF,
    **dict.fromkeys(["VVS", "VVS1", "VVS2"], MeleeClarity.VVS),
    **dict.fromkeys(["VS", "VS1", "VS2"], MeleeClarity.VS),
    **dict.fromkeys(["SI", "SI1", "SI2", "SI3"], MeleeClarity.SI),
    **dict.fromkeys(["I", "I1", "I2", "I3", "P", "P1", "P2", "P3"], MeleeClarity.I),
}
_CLARITY_ORDER: Final = list(MeleeClarity)


class BandError(ValueError):
    """A colour or clarity range that cannot be read; the message says why."""


def parse_color_range(text: str) -> str:
    """'EF', 'E-F', 'D-F', 'DEF', 'G/H', 'g h' → the letters in order ('EF', 'DEF', 'GH')."""
    letters = re.sub(r"[\s/,]+", "", text.upper())
    if m := re.fullmatch(r"([D-N])-([D-N])", letters):
        low, high = COLOR_LETTERS.index(m[1]), COLOR_LETTERS.index(m[2])
        if low <= high:
            return COLOR_LETTERS[low : high + 1]
    if letters and letters in COLOR_LETTERS:
        return letters
    raise BandError(f"unknown colour range {text.strip()!r}")


def parse_clarity_range(text: str) -> tuple[MeleeClarity, ...]:
    """'VVS-VS' → (VVS, VS); 'VS-SI' → (VS, SI); 'VVS1-VVS2' → (VVS,); 'VVS-SI' → all three."""
    codes = [c for c in re.split(r"[\s/,+\-]+", text.upper()) if c]
    groups = [_CLARITY_CODES.get(code) for code in codes]
    if not groups or None in groups:
        raise BandError(f"unknown clarity range {text.strip()!r}")
    ranks = [_CLARITY_ORDER.index(g) for g in groups if g is not None]
    return tuple(_CLARITY_ORDER[min(ranks) : max(ranks) + 1])


@dataclass(frozen=True, slots=True)
class QualityBand:
    colors: str = ""  # contiguous letters, "EF"; "" = any
    clarities: tuple[MeleeClarity, ...] = ()  # best first; () = any

    @property
    def label(self) -> str:
        """'EF VVS-VS', 'GH VS'."""
        ends = (self.clarities[0], self.clarities[-1]) if self.clarities else ()
        return " ".join(filter(None, (self.colors, "-".join(dict.fromkeys(ends)))))

    def shares(self, other: QualityBand) -> bool:
        """Whether some stone could be in both bands (an open part shares everything)."""
        colors = not self.colors or not other.colors or bool(set(self.colors) & set(other.colors))
        clarity = not self.clarities or not other.clarities
        return colors and (clarity or bool(set(self.clarities) & set(other.clarities)))


@dataclass(frozen=True, slots=True)
class Parcel:
    stock_id: str
    sieve: str | None  # '+6.5 -7', when the supplier gave one or the chart has the size
    mm_from: float
    mm_to: float
    band: QualityBand
    carats_available: float
    price_per_carat_inr: int

    def total_for(self, carats: float) -> int:
        return round(carats * self.price_per_carat_inr)


@dataclass(frozen=True, slots=True)
class MeleeQuery:
    """What a customer asked for; `size` says how they asked ('+6 -6.5', '1.3 mm')."""

    mm_from: float | None = None
    mm_to: float | None = None
    size: str = ""
    band: QualityBand = QualityBand()
    carats: float | None = None
    budget_inr: int | None = None  # the most to spend: in all, or per carat
    budget_per_carat: bool = False
    # A quantity asked as a count ("100 pcs"); `carats` is then its weight by the size
    # chart, or None while the size is unknown or a mix of chart sizes.
    stones: int | None = None

    @property
    def is_empty(self) -> bool:
        return self == MeleeQuery()

    def price_cap(self) -> float | None:
        """The highest price per carat the budget allows. A budget in all is spread over
        the quantity; without a quantity it caps nothing (the results say what it buys)."""
        if self.budget_inr is None:
            return None
        if self.budget_per_carat:
            return self.budget_inr
        return None if not self.carats else self.budget_inr / self.carats

    def affords(self, parcel: Parcel) -> bool:
        cap = self.price_cap()
        return cap is None or parcel.price_per_carat_inr <= cap + _EPSILON

    def admits(self, parcel: Parcel, slack: float = 0.0) -> bool:
        """Sizes overlap (within `slack` mm) and the bands share a grade. A range must share
        more than its edge: +6.5 -7 (1.80-1.90) is not +7 -7.5 (1.90-2.00); one size
        ("1.3 mm") may sit on the edge of two."""
        if self.mm_from is not None and self.mm_to is not None:
            low, high = self.mm_from - slack, self.mm_to + slack
            if high - low > _EPSILON:
                shared = min(high, parcel.mm_to) - max(low, parcel.mm_from)
                if shared <= _EPSILON:
                    return False
            elif not parcel.mm_from - _EPSILON <= low <= parcel.mm_to + _EPSILON:
                return False
        return self.band.shares(parcel.band)


def rank_parcels(
    query: MeleeQuery, parcels: Iterable[Parcel], limit: int = SHOWN_PARCELS
) -> list[Parcel]:
    """Matching parcels within the budget: the asked band exactly, nearest size, cheapest.
    Not by stock against the quantity: a customer who sends the quantity after seeing the
    list must find each option under the same number (a short parcel says so on its line).
    When no parcel's size overlaps the asked one, parcels within the trade's ±0.1 mm
    tolerance are offered instead."""
    middle = (
        None if query.mm_from is None or query.mm_to is None else (query.mm_from + query.mm_to) / 2
    )

    def key(parcel: Parcel) -> tuple[bool, float, int, str]:
        distance = 0.0 if middle is None else abs((parcel.mm_from + parcel.mm_to) / 2 - middle)
        exact = parcel.band == query.band or query.band == QualityBand()
        return (not exact, round(distance, 3), parcel.price_per_carat_inr, parcel.stock_id)

    return sorted((p for p in _matching(query, parcels) if query.affords(p)), key=key)[:limit]


def cheapest_match(query: MeleeQuery, parcels: Iterable[Parcel]) -> Parcel | None:
    """The lowest-priced parcel of the asked size and band, whatever the budget: what a
    no-match names when the budget is what keeps the parcels out."""
    return min(_matching(query, parcels), key=lambda p: p.price_per_carat_inr, default=None)


def _matching(query: MeleeQuery, parcels: Iterable[Parcel]) -> list[Parcel]:
    candidates = list(parcels)
    matching = [p for p in candidates if query.admits(p)]
    if not matching:  # e.g. 1.4 mm falls between two chart sizes: the nearest will do
        matching = [p for p in candidates if query.admits(p, slack=MM_TOLERANCE)]
    return matching
