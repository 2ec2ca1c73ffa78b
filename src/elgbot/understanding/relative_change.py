"""A change asked relative to the options just shown: "cheaper?", "bigger one", "better
quality", "thoda chhota". Short messages only: in a longer one these words describe
something else ("my last ring was cheaper than this").
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Final

from elgbot.understanding.words import normalise


class Change(Enum):
    CHEAPER = "cheaper"
    BIGGER = "bigger"
    SMALLER = "smaller"
    BETTER = "better"  # colour and clarity
    WHITER = "whiter"  # colour only
    CLEANER = "cleaner"  # clarity only


_MOST_WORDS: Final = 6
_NOT: Final = re.compile(r"\b(?:not|no|dont|don t|nahi|nahin|mat|why|kyu|kyun)\b")
_SAID: Final = (
    (
        Change.CHEAPER,
        r"cheaper|cheapest|less expensive|less costly|lower (?:price|prices|budget|cost)"
        r"|less (?:price|budget)|low(?:er)? budget|too (?:expensive|costly|much)"
        r"|very (?:expensive|costly)|over my budget|out of (?:my )?budget|sast[ae]|saste"
        r"|kam (?:price|budget|daam|dam|rate)|mehenga|mehnga|mahenga|mahnga"
        r"|(?:more )?budget friendly|more affordable|affordable",
    ),
    (
        Change.BIGGER,
        r"bigger|biggest|larger|largest|more carats?|higher carats?|heavier|big(?:ger)? size"
        r"|bade|bada|badi|badaa",
    ),
    (Change.SMALLER, r"smaller|smallest|less carats?|lower carats?|lighter|chhota|chota|chhote"),
    (
        Change.BETTER,
        r"better (?:quality|grade|one|ones|stones?)|higher (?:quality|grade)|best quality"
        r"|more sparkl\w*|ac+h+a quality",
    ),
    (Change.WHITER, r"better colou?r|whiter|more white|higher colou?r"),
    (Change.CLEANER, r"better clarity|cleaner|more clear|clearer|higher clarity"),
)
_PATTERNS: Final = tuple((change, re.compile(rf"\b(?:{words})\b")) for change, words in _SAID)


def read_change(text: str) -> Change | None:
    """The one change a short message asks for, or None (also when it asks for two)."""
    said = normalise(text)
    if not said or len(said.split()) > _MOST_WORDS or _NOT.search(said):
        return None
    found = {change for change, pattern in _PATTERNS if pattern.search(said)}
    return found.pop() if len(found) == 1 else None
