"""Small text helpers shared by the readers: normalising and forgiving typos."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher

_NOT_WORD = re.compile(r"[^\w₹+.\-/ ]+")


def normalise(text: str) -> str:
    """Lower-case, NFKC, punctuation that carries no meaning dropped, spaces collapsed."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def word_set(listing: str) -> frozenset[str]:
    """The words of a whitespace-separated listing, for vocabularies written as text."""
    return frozenset(listing.split())


def close_to(word: str, candidates: Iterable[str], cutoff: float = 0.8) -> str | None:
    """The one candidate `word` is a likely typo of, or None (also when two tie)."""
    scored = sorted(((SequenceMatcher(None, word, c).ratio(), c) for c in candidates), reverse=True)
    if not scored or scored[0][0] < cutoff:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0] and scored[1][1] != scored[0][1]:
        return None
    return scored[0][1]
