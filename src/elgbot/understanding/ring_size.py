"""The answer to "What is your ring size?": "12", "size 14.5", "my size is 16", "not sure"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from elgbot.catalog.jewelry import RING_SIZES
from elgbot.understanding.jewelry_query import read_jewelry_query
from elgbot.understanding.words import normalise

# A figure alone, as people answer a question about their size ("12", "14.5", "#16").
_BARE_SIZE: Final = re.compile(r"(?:#|no\.?\s*)?(\d{1,3}(?:\.\d)?)")
_UNSURE: Final = re.compile(
    r"\b(?:(?:do\s*n\s*t|do\s+not|dnt)\s+know|not\s+sure|no\s+idea|idk|pata\s+nahi"
    r"|(?:how|kaise)\s+(?:to|do\s+i)\s+(?:measure|check|find|know))\b"
)


@dataclass(frozen=True, slots=True)
class SizeAnswer:
    size: float | None = None  # an Indian ring size
    out_of_range: bool = False  # a size given that no Indian ring has ("40")
    unsure: bool = False  # the customer does not know their size


def read_ring_size_answer(text: str) -> SizeAnswer:
    words = normalise(text)
    if (bare := _BARE_SIZE.fullmatch(words)) is not None:
        size = float(bare.group(1))
        low, high = RING_SIZES
        return SizeAnswer(size) if low <= size <= high else SizeAnswer(out_of_range=True)
    reading = read_jewelry_query(text)
    if reading.query.ring_size is not None:
        return SizeAnswer(reading.query.ring_size)
    if any(u.field == "ring size" for u in reading.unclear):
        return SizeAnswer(out_of_range=True)
    return SizeAnswer(unsure=_UNSURE.search(words) is not None)
