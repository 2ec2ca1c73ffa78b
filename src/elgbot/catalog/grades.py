"""The grading scales of the diamond trade, best grade first.

Each scale is a `StrEnum` whose declaration order is its rank, so "one grade better" is
`scale.members[index - 1]`. Values are the canonical spellings used in storage and JSON.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class _Ranked(StrEnum):
    """A StrEnum whose declaration order is a rank (0 = best)."""

    @property
    def rank(self) -> int:
        return list(type(self)).index(self)

    @classmethod
    def by_rank(cls, rank: int) -> Self | None:
        members = list(cls)
        return members[rank] if 0 <= rank < len(members) else None


class Shape(StrEnum):
    ROUND = "round"
    OVAL = "oval"
    CUSHION = "cushion"
    PRINCESS = "princess"
    EMERALD = "emerald"
    ASSCHER = "asscher"
    RADIANT = "radiant"
    PEAR = "pear"
    MARQUISE = "marquise"
    HEART = "heart"
    TRILLION = "trillion"
    SHIELD = "shield"
    BAGUETTE = "baguette"
    HALF_MOON = "half moon"
    KITE = "kite"
    OLD_MINE = "old mine"
    OLD_EUROPEAN = "old european"


class Color(_Ranked):
    D = "D"
    E = "E"
    F = "F"
    G = "G"
    H = "H"
    I = "I"  # noqa: E741 - the trade's own letter
    J = "J"
    K = "K"
    L = "L"
    M = "M"
    N = "N"
    O = "O"  # noqa: E741
    P = "P"
    Q = "Q"
    R = "R"
    S = "S"
    T = "T"
    U = "U"
    V = "V"
    W = "W"
    X = "X"
    Y = "Y"
    Z = "Z"


class Clarity(_Ranked):
    FL = "FL"
    IF = "IF"
    VVS1 = "VVS1"
    VVS2 = "VVS2"
    VS1 = "VS1"
    VS2 = "VS2"
    SI1 = "SI1"
    SI2 = "SI2"
    SI3 = "SI3"
    I1 = "I1"
    I2 = "I2"
    I3 = "I3"


class Cut(_Ranked):
    """Cut grade. IGI's Ideal and GIA's Excellent are both top grades (see `same_tier`)."""

    IDEAL = "ideal"
    EXCELLENT = "excellent"
    VERY_GOOD = "very good"
    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"

    @property
    def tier(self) -> int:
        """Ideal and Excellent share tier 0: retailers treat them as the same top grade."""
        return max(self.rank - 1, 0)

    @property
    def label(self) -> str:
        return self.value.title()
