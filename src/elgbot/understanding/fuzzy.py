"""Forgiving misspelt shape names ("rond", "cushin", "marqise") without guessing.

Damerau-Levenshtein distance to each one-word shape name: 1 edit for words shorter than
7 letters, 2 from 7 on; four-letter names (oval, pear, kite) only forgive swapped letters,
because one edit from them is too often another English word. A word equally close to two
shapes returns both, so the bot can ask.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from elgbot.catalog.codes import SHAPE_NAMES
from elgbot.catalog.grades import Shape

_TARGETS: Final = {name: shape for name, shape in SHAPE_NAMES.items() if " " not in name}
# English words one or two edits from a shape name.
_NOT_SHAPES: Final = frozenset(
    {"around", "ground", "found", "sound", "bound", "pound", "wound", "mound", "hound"}
    | {"pearl", "pearls", "heard", "heat", "hear", "hearty", "hearth", "million", "billion"}
    | {"variant", "variants", "radiate", "marquee", "shied", "prince", "trillions"}
    | {"rounds", "brilliance", "brilliantly", "hearts"}
)


@lru_cache(maxsize=4096)
def nearest_shapes(word: str) -> tuple[Shape, ...]:
    """The shapes `word` is a likely misspelling of: none, one, or several tied."""
    if not 4 <= len(word) <= 14 or not word.isalpha() or word in _NOT_SHAPES:
        return ()
    limit = 1 if len(word) < 7 else 2
    best, shapes = limit + 1, list[Shape]()
    for name, shape in _TARGETS.items():
        distance = _swap_distance(word, name) if len(name) <= 4 else _distance(word, name, limit)
        if distance < best:
            best, shapes = distance, [shape]
        elif distance == best and shape not in shapes:
            shapes.append(shape)
    return tuple(shapes) if best <= limit else ()


def _swap_distance(word: str, name: str) -> int:
    """1 when `word` is `name` with two neighbouring letters swapped, else "far"."""
    if word == name:
        return 0
    if len(word) != len(name):
        return 99
    diffs = [k for k in range(len(word)) if word[k] != name[k]]
    swapped = len(diffs) == 2 and diffs[1] == diffs[0] + 1
    first, second = (diffs[0], diffs[1]) if swapped else (0, 0)
    return 1 if swapped and word[first] == name[second] and word[second] == name[first] else 99


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance, or limit + 1 as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        rows = [rows[-1], row]
    return rows[-1][-1]
