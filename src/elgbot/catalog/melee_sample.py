"""Sample melee parcels for `make run` and demos: every chart size in four common quality
bands, priced within the reference's ₹3,000-15,000 per carat (judgements, not a price
list); a seed always gives the same parcels."""

from __future__ import annotations

import random
from typing import Final

from elgbot.catalog.melee import MeleeClarity, Parcel, QualityBand
from elgbot.catalog.melee_sizes import SIEVE_SIZES

VVS, VS, SI = MeleeClarity.VVS, MeleeClarity.VS, MeleeClarity.SI
# Band, its code in stock ids, and the price per carat of +6.5 sizes and up.
_BANDS: Final = (
    (QualityBand("DEF", (VVS, VS)), "DEF", 12_500),
    (QualityBand("EF", (VVS,)), "EFVVS", 11_000),
    (QualityBand("EF", (VS,)), "EFVS", 9_500),
    (QualityBand("GH", (VS, SI)), "GH", 6_500),
)
# Stars (below +6.5) take more work per carat to cut and sort.
_STARS_FACTOR: Final = 1.15
_STARS_END: Final = 1.80


def sample_parcels(seed: int = 1) -> list[Parcel]:
    rng = random.Random(seed)
    parcels = []
    for size in SIEVE_SIZES:
        factor = _STARS_FACTOR if size.mm_to <= _STARS_END else 1.0
        for band, code, price in _BANDS:
            parcels.append(
                Parcel(
                    stock_id=f"M-{size.label.replace(' ', '')}-{code}",
                    sieve=size.label,
                    mm_from=size.mm_from,
                    mm_to=size.mm_to,
                    band=band,
                    carats_available=float(rng.choice((5, 8, 12, 25, 40, 60, 100, 150))),
                    price_per_carat_inr=int(round(price * factor, -2)),
                )
            )
    return parcels
