"""Okapi BM25 over a handful of short documents, in pure Python (the FAQ is tiny)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD: Final = re.compile(r"[^\W_]+")
_STOPWORDS: Final = _words(
    """
    a an the and or but if of to in on at by for with from about as into is are was were be
    been am do does did doing have has had i me my we our us you your it its this that these
    those there here what which who whom how when where why can could will would should
    shall may might must please pls tell know want need any some not no yes so than then
    just also very more most all each other such only own same too s t ok okay hi
    hello thanks thank kya hai hain ka ki ke ko se mujhe aap free
    """
)


def terms(text: str) -> list[str]:
    """Lower-cased, stemmed words without stopwords."""
    words = _WORD.findall(text.casefold())
    return [_stem(w) for w in words if w not in _STOPWORDS]


def stems(text: str) -> tuple[str, ...]:
    """Lower-cased, stemmed words, stopwords kept: for matching a phrase as a whole."""
    return tuple(_stem(w) for w in _WORD.findall(text.casefold()))


def _stem(word: str) -> str:
    # Enough to match "returns"/"return", "certified"/"certificate", "shipping"/"ship".
    # ("free" is a stopword: "free resizing?" is about resizing, not free shipping.)
    for suffix, keep in (("ification", 6), ("icate", 5), ("ified", 5), ("ing", 4), ("ies", 4)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep - 2:
            return _undoubled(word[: -len(suffix)])
    if word.endswith(("ed", "es")) and len(word) > 4:
        return _undoubled(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    if word.endswith("e") and len(word) > 4:  # "resize" as "resizing", "store" as "storing"
        return word[:-1]
    return word


def _undoubled(stem: str) -> str:
    """ "shipp" (shipping, shipped) -> "ship"; "dress", "call" keep theirs."""
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz" and stem[-1].isalpha():
        return stem[:-1]
    return stem


class Bm25:
    def __init__(self, documents: Sequence[Sequence[str]], k1: float = 1.5, b: float = 0.75):
        self._docs = [Counter(doc) for doc in documents]
        self._lengths = [len(doc) for doc in documents]
        self._average = sum(self._lengths) / max(1, len(documents)) or 1.0
        self._k1, self._b = k1, b
        containing = Counter(term for doc in self._docs for term in doc)
        n = len(documents)
        # The "plus one" form: never negative, so a common word never counts against a match.
        self._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in containing.items()}

    def scores(self, query: Sequence[str]) -> list[float]:
        return [self._score(i, set(query)) for i in range(len(self._docs))]

    def _score(self, index: int, query: set[str]) -> float:
        doc, length = self._docs[index], self._lengths[index]
        norm = self._k1 * (1 - self._b + self._b * length / self._average)
        return sum(
            self._idf[t] * doc[t] * (self._k1 + 1) / (doc[t] + norm) for t in query if t in doc
        )
