"""The melee size chart as data: sieve, millimetres and carats per stone (the trade
reference's table; charts differ by 10-20 %, so it is data to edit, not a formula).

Sieve sizes ("chalni" in Surat): "+N" stays on sieve N, "-N" falls through it, so "+6.5 -7"
is the stones between sieves 6.5 and 7. "0000" < "000" < "00" < "0" < "1" < "1.5" …
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class SieveSize:
    on: str | None  # the sieve it stays on ("+6.5"); None for the smallest size
    through: str  # the sieve it falls through ("-7")
    mm_from: float
    mm_to: float
    carat_per_stone: float

    @property
    def label(self) -> str:
        """'+6.5 -7', '-0000'."""
        return f"+{self.on} -{self.through}" if self.on is not None else f"-{self.through}"


def _size(on: str | None, through: str, mm: tuple[float, float], ct: float) -> SieveSize:
    return SieveSize(on, through, mm[0], mm[1], ct)


SIEVE_SIZES: Final = (
    _size(None, "0000", (0.70, 0.80), 0.0033),
    _size("0000", "000", (0.80, 0.90), 0.004),
    _size("000", "0", (0.90, 1.10), 0.005),
    _size("0", "1", (1.10, 1.15), 0.006),
    _size("1", "1.5", (1.15, 1.20), 0.007),
    _size("2", "2.5", (1.25, 1.30), 0.009),
    _size("2.5", "3", (1.30, 1.35), 0.010),
    _size("4", "4.5", (1.45, 1.50), 0.013),
    _size("5", "5.5", (1.55, 1.60), 0.016),
    _size("6", "6.5", (1.70, 1.80), 0.021),
    _size("6.5", "7", (1.80, 1.90), 0.025),
    _size("7", "7.5", (1.90, 2.00), 0.029),
    _size("8", "8.5", (2.10, 2.20), 0.039),
    _size("9", "9.5", (2.30, 2.40), 0.052),
    _size("10", "10.5", (2.50, 2.60), 0.069),
    _size("11", "11.5", (2.70, 2.80), 0.078),
    _size("12", "12.5", (2.90, 3.00), 0.095),
    _size("13", "13.5", (3.10, 3.20), 0.116),
    _size("14", "14.5", (3.30, 3.40), 0.135),
    _size("15.5", "16", (3.60, 3.70), 0.175),
)
# The standard size tolerance of a parcel.
MM_TOLERANCE: Final = 0.1
_EPSILON: Final = 1e-6  # millimetres are floats: 1.30 must meet 1.30
# Beyond the chart's largest size a stone is sold on its own (Lab Diamonds), not by parcel.
LARGEST_MELEE_CARAT: Final = 0.2
_SIEVE: Final = re.compile(
    r"(?:\+\s*(?P<on>\d+(?:\.\d+)?))?\s*(?:-\s*(?P<through>\d+(?:\.\d+)?))?"
    r"|(?P<bare_on>\d+(?:\.\d+)?)\s*-\s*(?P<bare_through>\d+(?:\.\d+)?)"
)


def sieve_number(code: str) -> float:
    """Sieves in order: '0000' → -3, '000' → -2, '00' → -1, '0' → 0, '6.5' → 6.5."""
    if len(code) > 1 and set(code) == {"0"}:
        return float(1 - len(code))
    return float(code)


def parse_sieve(text: str) -> tuple[str | None, str | None] | None:
    """'+6.5 -7' → ('6.5', '7'); '+11' → ('11', None); '-0000' → (None, '0000');
    '6.5-7' → ('6.5', '7'); None when it is no sieve."""
    match = _SIEVE.fullmatch(text.strip())
    if not match or not any(match.groups()):
        return None
    on = match["on"] or match["bare_on"]
    through = match["through"] or match["bare_through"]
    return on, through


def sizes_between(on: str | None, through: str | None) -> tuple[SieveSize, ...]:
    """The chart's sizes inside '+on -through' ('+2 -6.5' is every size from +2 to -6.5);
    '+11' alone is the size that stays on 11, '-0000' the one that falls through it."""
    if on is not None and through is None:
        return tuple(s for s in SIEVE_SIZES if s.on is not None and _same(s.on, on))
    if on is None and through is not None:
        return tuple(s for s in SIEVE_SIZES if _same(s.through, through))
    if on is None or through is None:
        return ()
    low, high = sieve_number(on), sieve_number(through)
    return tuple(
        s
        for s in SIEVE_SIZES
        if s.on is not None and sieve_number(s.on) >= low and sieve_number(s.through) <= high
    )


def _same(code: str, other: str) -> bool:
    return sieve_number(code) == sieve_number(other)


def size_for_carat(carat_per_stone: float) -> SieveSize:
    """The chart's size nearest a weight per stone ('2 pointer' = 0.02 ct → +6 -6.5)."""
    return min(SIEVE_SIZES, key=lambda s: abs(math.log(s.carat_per_stone / carat_per_stone)))


def size_for_mm(mm_from: float, mm_to: float) -> SieveSize | None:
    """The chart's size with exactly these millimetres, if any."""
    return next((s for s in SIEVE_SIZES if (s.mm_from, s.mm_to) == (mm_from, mm_to)), None)


def size_within(mm_from: float, mm_to: float) -> SieveSize | None:
    """The one chart size these millimetres name, to weigh a count of stones: a figure
    ("1.3 mm") is the nearest size (on the edge of two, the heavier, so the carats cover
    the stones); a range only when it holds one size ("+6.5 -7"), not a mix ("1-1.5 mm")."""
    if mm_to - mm_from > _EPSILON:
        inside = [
            s for s in SIEVE_SIZES if min(mm_to, s.mm_to) - max(mm_from, s.mm_from) > _EPSILON
        ]
        return inside[0] if len(inside) == 1 else None
    near = [s for s in SIEVE_SIZES if s.mm_from - MM_TOLERANCE <= mm_from <= s.mm_to + MM_TOLERANCE]
    return min(near, key=lambda s: (_distance(s, mm_from), -s.carat_per_stone), default=None)


def _distance(size: SieveSize, mm: float) -> float:
    return round(abs((size.mm_from + size.mm_to) / 2 - mm), 3)
