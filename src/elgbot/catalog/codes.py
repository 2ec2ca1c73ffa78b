"""Trade codes and spellings for shapes and grades, as data.

Keys are lower-case with spaces collapsed. Feeds (one column, one meaning) and free text
(anything goes) both read these tables; free text must not trust single letters, which mean
different shapes in different feeds (RapNet: PS = pear, PR = princess).
"""

from __future__ import annotations

from typing import Final

from elgbot.catalog.grades import Clarity, Cut, Shape

SHAPE_NAMES: Final[dict[str, Shape]] = {
    "round": Shape.ROUND,
    "round brilliant": Shape.ROUND,
    "brilliant": Shape.ROUND,
    "oval": Shape.OVAL,
    "cushion": Shape.CUSHION,
    "elongated cushion": Shape.CUSHION,
    "cushion modified": Shape.CUSHION,
    "cushion brilliant": Shape.CUSHION,
    "princess": Shape.PRINCESS,
    "emerald": Shape.EMERALD,
    "asscher": Shape.ASSCHER,
    "radiant": Shape.RADIANT,
    "pear": Shape.PEAR,
    "pear shape": Shape.PEAR,
    "teardrop": Shape.PEAR,
    "tear drop": Shape.PEAR,
    "marquise": Shape.MARQUISE,
    "navette": Shape.MARQUISE,
    "heart": Shape.HEART,
    "trillion": Shape.TRILLION,
    "trilliant": Shape.TRILLION,
    "shield": Shape.SHIELD,
    "baguette": Shape.BAGUETTE,
    "half moon": Shape.HALF_MOON,
    "kite": Shape.KITE,
    "old mine": Shape.OLD_MINE,
    "old european": Shape.OLD_EUROPEAN,
}

# Trade codes of two or more letters: safe in free text as whole words.
SHAPE_CODES: Final[dict[str, Shape]] = {
    **dict.fromkeys(["rd", "rb", "br", "rbc", "rnd"], Shape.ROUND),
    **dict.fromkeys(["ov", "omb"], Shape.OVAL),
    **dict.fromkeys(["cu", "cb", "cux", "cmb", "cush"], Shape.CUSHION),
    **dict.fromkeys(["pr", "prn", "prin", "pn", "pc", "smb"], Shape.PRINCESS),
    **dict.fromkeys(["em", "ec"], Shape.EMERALD),
    **dict.fromkeys(["as", "ac", "css"], Shape.ASSCHER),
    **dict.fromkeys(["rad", "ra", "rc", "rdn"], Shape.RADIANT),
    **dict.fromkeys(["ps", "psh", "pb", "pmb"], Shape.PEAR),
    **dict.fromkeys(["mq", "mqb"], Shape.MARQUISE),
    **dict.fromkeys(["hs", "ht"], Shape.HEART),
    **dict.fromkeys(["tr"], Shape.TRILLION),
    **dict.fromkeys(["sh"], Shape.SHIELD),
    **dict.fromkeys(["bag"], Shape.BAGUETTE),
}

# Single letters: only trustworthy inside a feed's shape column (RapNet's reading).
SHAPE_LETTERS_IN_FEEDS: Final[dict[str, Shape]] = {
    "o": Shape.OVAL,
    "e": Shape.EMERALD,
    "a": Shape.ASSCHER,
    "p": Shape.PEAR,
    "m": Shape.MARQUISE,
    "h": Shape.HEART,
}

# Misspellings seen in real feeds and chats.
SHAPE_MISSPELLINGS: Final[dict[str, Shape]] = {
    "raund": Shape.ROUND,
    "ovl": Shape.OVAL,
    "ovel": Shape.OVAL,
    "cusion": Shape.CUSHION,
    "cushon": Shape.CUSHION,
    "princes": Shape.PRINCESS,
    "princees": Shape.PRINCESS,
    "emrald": Shape.EMERALD,
    "emarald": Shape.EMERALD,
    "ascher": Shape.ASSCHER,
    "asher": Shape.ASSCHER,
    "assher": Shape.ASSCHER,
    "rediant": Shape.RADIANT,
    "pair": Shape.PEAR,
    "marquis": Shape.MARQUISE,
    "marquish": Shape.MARQUISE,
    "marq": Shape.MARQUISE,
    "hrt": Shape.HEART,
}

CUT_CODES: Final[dict[str, Cut]] = {
    **dict.fromkeys(["ideal", "id", "i"], Cut.IDEAL),
    **dict.fromkeys(["excellent", "ex", "x", "exc", "excel", "3ex"], Cut.EXCELLENT),
    **dict.fromkeys(["very good", "vg", "v.g", "v.g.", "verygood"], Cut.VERY_GOOD),
    **dict.fromkeys(["good", "gd", "g"], Cut.GOOD),
    **dict.fromkeys(["fair", "f", "fr"], Cut.FAIR),
    **dict.fromkeys(["poor", "p"], Cut.POOR),
}

# Codes a feed may use for clarity beyond the canonical names.
CLARITY_ALIASES: Final[dict[str, Clarity]] = {
    **{c.value.lower(): c for c in Clarity},
    "lc": Clarity.IF,  # loupe clean
    "p1": Clarity.I1,
    "p2": Clarity.I2,
    "p3": Clarity.I3,
}


def normalise_key(text: str) -> str:
    """Lower-case, trim, collapse inner white space and drop a trailing 'cut'/'shape'."""
    words = text.lower().replace("-", " ").split()
    while len(words) > 1 and words[-1] in ("cut", "shape", "shaped"):
        words.pop()
    return " ".join(words)
