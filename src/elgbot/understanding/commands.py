"""Words that mean the same thing at every step: menu, back, help, cart, yes/no, quote."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final

from elgbot.understanding.words import close_to, normalise


class Command(StrEnum):
    MENU = "menu"
    BACK = "back"
    HELP = "help"
    CART = "cart"
    YES = "yes"
    NO = "no"
    QUOTE = "quote"
    MORE = "more"  # after results: the next options
    THANKS = "thanks"  # and goodbyes: both end a visit


_WORDS: Final[dict[str, Command]] = {
    **dict.fromkeys(
        [
            "hi",
            "hii",
            "hiii",
            "hello",
            "helo",
            "hey",
            "hay",
            "namaste",
            "namaskar",
            "menu",
            "main menu",
            "start",
            "restart",
            "home",
            "good morning",
            "good afternoon",
            "good evening",
            "hi there",
            "hello there",
            *("hlo", "hllo", "helloo", "hellooo", "heyy", "hiee", "hie", "gm", "yo"),
            *("good morning", "gud morning", "morning", "hola", "salaam", "sat sri akal"),
            *("anyone there", "is anyone there", "anybody there"),
        ],
        Command.MENU,
    ),
    **dict.fromkeys(["back", "go back", "previous", "undo"], Command.BACK),
    **dict.fromkeys(["help", "?", "how does this work", "options"], Command.HELP),
    **dict.fromkeys(["cart", "my cart", "view cart", "show cart", "basket"], Command.CART),
    **dict.fromkeys(
        ["yes", "y", "yeah", "yep", "yes please", "ok", "okay", "sure", "haan", "ha", "ji"],
        Command.YES,
    ),
    **dict.fromkeys(["no", "n", "nope", "no thanks", "nahi", "na"], Command.NO),
    **dict.fromkeys(
        [
            *("more", "show more", "see more", "more options", "show me more", "next"),
            *("any more", "anything else", "more please", "aur", "aur dikhao", "aur batao"),
        ],
        Command.MORE,
    ),
    **dict.fromkeys(
        [
            *("thanks", "thank you", "thank u", "thanks a lot", "thank you so much", "thx"),
            *("ty", "ok thanks", "okay thanks", "ok thank you", "great thanks", "dhanyavad"),
            *("dhanyawad", "shukriya", "bye", "goodbye", "good bye", "bye bye", "tata"),
            *("ok bye", "thanks bye", "see you"),
        ],
        Command.THANKS,
    ),
    **dict.fromkeys(
        ["quote", "custom quote", "get a quote", "quotation", "get quote"], Command.QUOTE
    ),
}
# Typos are forgiven only for longer words: "hu" must not become "hi".
_FUZZY: Final = [w for w in _WORDS if len(w) >= 4]

_ADD_TO_CART = re.compile(
    r"^(?:please\s+)?(?:add(?:\s+(?:it|item|option|no\.?|number))?(?:\s+to(?:\s+(?:my|the))?\s+cart)?"
    r"|cart|buy|select|choose)\s*(?:option|item|no\.?|number|#)?\s*(?::\s*|-\s+)?(-?\d{1,3})"
    r"(?:\s+(?:to|in)(?:\s+(?:my|the))?\s+cart)?(?:\s+(?:please|pls|plz))?$"
)
# "add to cart 1, 3", "add 2 and 4", "buy 1 & 2": several options in one message.
_ADD_SEVERAL = re.compile(
    r"^(?:please\s+)?(?:add(?:\s+(?:options|items|numbers))?(?:\s+to(?:\s+(?:my|the))?\s+cart)?"
    r"|buy|select|choose)\s*(?:options|items|no\.?|numbers|#)?\s*"
    r"(\d{1,3}(?:\s*(?:,|&|\+|\band\b|\baur\b|\s)\s*#?\d{1,3})+)"
    r"(?:\s+to(?:\s+(?:my|the))?\s+cart)?$"
)


_WAVES: Final = frozenset({"👋", "👋🏻", "👋🏼", "👋🏽", "👋🏾", "👋🏿", "🙋", "🙋‍♂️", "🙋‍♀️"})
# Courtesies around a command: "menu please", "hii sir", "hello team".
_COURTESIES: Final = frozenset(
    {"sir", "madam", "mam", "maam", "ma'am", "ji", "please", "pls", "plz", "dear", "team"}
    | {"bhai", "bhaiya", "didi", "elg", "there", "all", "everyone"}
)


def read_command(text: str) -> Command | None:
    if text.strip() in _WAVES:
        return Command.MENU
    words = normalise(text).rstrip("!.")
    if words in _WORDS:
        return _WORDS[words]
    plain = " ".join(w for w in words.split() if w not in _COURTESIES)
    if plain and plain != words and plain in _WORDS:
        return _WORDS[plain]
    near = close_to(words, _FUZZY, cutoff=0.85) if 4 <= len(words) <= 20 else None
    return _WORDS[near] if near else None


def read_add_to_cart(text: str) -> int | None:
    """The option number in 'add to cart 1', 'add 2', 'buy #3', 'add to cart - 1'; None
    otherwise. A sign is kept ('add to cart -1'), so the reply says there is no such
    option: read as anything else, "-1" is a melee sieve."""
    match = _ADD_TO_CART.match(normalise(text))
    return int(match.group(1)) if match else None


def read_add_options(text: str) -> tuple[int, ...] | None:
    """The option numbers in 'add to cart 2', 'add to cart 1, 3', 'add 2 and 4', each
    once, in the order typed; None when the text is no such command."""
    if (one := read_add_to_cart(text)) is not None:
        return (one,)
    match = _ADD_SEVERAL.match(normalise(text))
    if match is None:
        return None
    return tuple(dict.fromkeys(int(n) for n in re.findall(r"\d+", match.group(1))))


_CARATS = r"(\d{1,4}(?:\.\d{1,3})?)\s*(?:ct|cts|carat|carats)"
_OPTION = r"(?:option|no\.?|number|#)?\s*(\d{1,2})"
_ADD_WITH_CARATS = (  # (regex, which group is the option)
    (re.compile(rf"^(?:add|buy)\s+{_CARATS}\s+(?:of\s+)?{_OPTION}$"), 2),
    (
        re.compile(
            rf"^(?:add(?:\s+to(?:\s+(?:my|the))?\s+cart)?|buy)\s*{_OPTION}\s*[-:x]?\s*{_CARATS}$"
        ),
        1,
    ),
)


def read_add_with_carats(text: str) -> tuple[int, float] | None:
    """(option, carats) in 'add 5 cts of option 3' or 'add to cart 3 - 5 cts' (melee)."""
    words = normalise(text)
    for pattern, option_group in _ADD_WITH_CARATS:
        if match := pattern.match(words):
            carats = float(match.group(3 - option_group))
            return (int(match.group(option_group)), carats) if carats > 0 else None
    return None


_ADD_WITH_SIZE = re.compile(
    rf"^(?:add(?:\s+to(?:\s+(?:my|the))?\s+cart)?|buy)\s*{_OPTION}\s*[-:,]?\s*(?:in\s+)?"
    r"(?:(?:ring\s+)?size|sz)\s*(?:is\s*)?(\d{1,3}(?:\.\d)?)$"
)


def read_add_with_size(text: str) -> tuple[int, float] | None:
    """(option, ring size) in 'add to cart 1 size 12' or 'add 2 in size 14.5'."""
    match = _ADD_WITH_SIZE.match(normalise(text))
    return (int(match.group(1)), float(match.group(2))) if match else None


def read_option_number(text: str) -> int | None:
    """A bare option number ('2', '#2', 'option 2')."""
    match = re.fullmatch(r"(?:option|no\.?|number|#)?\s*(\d{1,2})", normalise(text))
    return int(match.group(1)) if match else None
