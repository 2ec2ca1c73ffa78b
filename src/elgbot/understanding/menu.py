"""Reading a main-menu choice: the number, the keyword, or a near miss of it."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final

from elgbot.understanding.words import close_to, normalise


class MenuChoice(StrEnum):
    DIAMONDS = "diamonds"
    JEWELRY = "jewelry"
    MELEE = "melee"
    TRACK_ORDER = "track_order"
    SUPPORT = "support"


_BY_NUMBER: Final = dict(zip("12345", MenuChoice, strict=True))
_NUMBER_WORDS: Final = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5"}

# Phrases, each already normalised; a message matches when it IS one (typos allowed).
_PHRASES: Final[dict[str, MenuChoice]] = {
    **dict.fromkeys(
        ["lab diamonds", "lab diamond", "diamonds", "diamond", "loose diamonds", "stones"],
        MenuChoice.DIAMONDS,
    ),
    **dict.fromkeys(
        ["lab jewelry", "lab jewellery", "jewelry", "jewellery", "jewels", "rings", "ring"],
        MenuChoice.JEWELRY,
    ),
    **dict.fromkeys(
        [
            *("lab melee", "melee", "melee diamonds", "small diamonds"),
            *("small diamonds for jewellery", "small diamonds for jewellery making"),
            "small diamonds for jewelry making",
        ],
        MenuChoice.MELEE,
    ),
    **dict.fromkeys(
        ["track my order", "track order", "order status", "my order", "track", "order"],
        MenuChoice.TRACK_ORDER,
    ),
    **dict.fromkeys(
        ["talk to support", "support", "customer support", "customer care", "help desk"],
        MenuChoice.SUPPORT,
    ),
}

_LEADING_NUMBER = re.compile(r"^(?:option\s*)?([1-5])(?:[.):]|\s|$)")


def read_menu_choice(text: str) -> MenuChoice | None:
    """'1', '1.', 'one', 'Lab Diamonds', 'dimonds', 'trak order' … or None."""
    words = normalise(text)
    number = _NUMBER_WORDS.get(words) or _leading_number(words)
    if number:
        return _BY_NUMBER[number]
    return read_menu_keyword(text)


def read_menu_keyword(text: str) -> MenuChoice | None:
    """A menu item by its words only ('Lab Jewelry', 'melee', 'I want to buy a lab grown
    diamond'), never by number: what may be said at other steps, where '2' is an option
    on the screen."""
    words = normalise(text)
    for said in dict.fromkeys((words, _wished(words))):
        if said in _PHRASES:
            return _PHRASES[said]
        near = close_to(said, _PHRASES) if 3 <= len(said) <= 30 else None
        if near:
            return _PHRASES[near]
    return None


# "I want to buy a lab grown diamond for my wife", "lab grown diamond chahiye": the wish
# around a section's name.
_WISH_BEFORE: Final = re.compile(
    r"^(?:(?:hi|hello|hey)\s+)?(?:i\s+)?(?:am\s+|m\s+)?"
    r"(?:want(?:\s+to\s+(?:buy|see|get|purchase))?|would\s+like(?:\s+to\s+(?:buy|see))?"
    r"|need|looking\s+for|interested\s+in|show\s+me|buy|mujhe)\s+"
    r"(?:a\s+|an\s+|some\s+|the\s+)?"
)
_WISH_AFTER: Final = re.compile(
    r"\s+(?:chahiye|chaiye|chahie|dikhao|please|pls|plz|for\s+(?:my\s+)?\w+|for\s+me)$"
)
_LAB_GROWN: Final = re.compile(r"^(?:lab\s*-?\s*grown|lab\s+created|man\s*made|cvd|hpht)\b\s*")


def _wished(words: str) -> str:
    """The section named inside a wish: 'i need a diamond' → 'diamond'; 'lab grown' →
    'diamond' (the store's name for its stones)."""
    said = _WISH_BEFORE.sub("", words)
    while (shorter := _WISH_AFTER.sub("", said)) != said:
        said = shorter
    said = _LAB_GROWN.sub("", said).strip()
    if _LAB_GROWN.match(words.removeprefix("i ")) or said != words:
        return said or "diamond"
    return words


def _leading_number(words: str) -> str | None:
    match = _LEADING_NUMBER.match(words)
    # "1 ct round" is a diamond spec, not menu item 1: a number must stand alone or be
    # followed by the item's own words.
    if not match:
        return None
    rest = words[match.end() :].strip()
    if not rest or close_to(
        rest, [k for k, v in _PHRASES.items() if v == _BY_NUMBER[match.group(1)]]
    ):
        return match.group(1)
    return None
