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
            # Ending what is under way: the menu is where everything starts again.
            *("stop", "cancel", "exit", "quit", "end", "leave it", "chhodo"),
        ],
        Command.MENU,
    ),
    **dict.fromkeys(["back", "go back", "previous", "undo"], Command.BACK),
    **dict.fromkeys(["help", "?", "how does this work", "options"], Command.HELP),
    **dict.fromkeys(
        [
            *("cart", "my cart", "view cart", "show cart", "basket", "show my cart"),
            *("whats in my cart", "what s in my cart", "what is in my cart", "see my cart"),
        ],
        Command.CART,
    ),
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
    r"^(?:please\s+)?(?:add(?:\s+(?:options?|items?|numbers?))?(?:\s+to(?:\s+(?:my|the))?\s+cart)?"
    r"|buy|select|choose)\s*(?:options?|items?|no\.?|numbers?|#)?\s*"
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


# A first message from an ad or a link: "Hi, I saw your ad on Instagram", "Hello! Can I
# get more info on this?". Every word must be one of these, so anything specific (a
# ring, an order, a price) is read by what reads it.
_OPENER_WORDS: Final = frozenset(
    {"i", "im", "am", "saw", "seen", "your", "ur", "ad", "ads", "advert", "advertisement"}
    | {"on", "in", "at", "instagram", "insta", "facebook", "fb", "youtube", "google", "post"}
    | {"reel", "video", "page", "website", "site", "can", "could", "may", "get", "have"}
    | {"more", "info", "information", "details", "detail", "about", "this", "it", "that"}
    | {"want", "wanted", "would", "like", "to", "know", "products", "product", "store"}
    | {"company", "collection", "interested", "tell", "me", "the", "a", "an", "of", "some"}
    | {"need", "send", "share", "see", "you", "do", "sell", "what", "all", "regarding"}
)
_INTEREST: Final = frozenset(
    {"ad", "ads", "advert", "advertisement", "info", "information", "details", "detail"}
    | {"interested", "know", "products", "product", "collection", "sell"}
)


_AFRESH: Final = frozenset(
    {"new search", "start over", "start again", "reset", "search again", "fresh search"}
    | {"clear search", "new one", "naya search", "phir se", "start from scratch"}
)


def starts_afresh(text: str) -> bool:
    """ "new search", "start over": the customer drops everything said so far."""
    words = normalise(text).rstrip("!.")
    plain = " ".join(w for w in words.split() if w not in _COURTESIES)
    return plain in _AFRESH


def opens_a_chat(text: str, *, greeted_first: bool = True) -> bool:
    """A greeting with a general request for information ("Hi, I want to know more"),
    or, unless `greeted_first`, that request alone ("can I get more info?")."""
    words = normalise(text).rstrip("!.?").split()
    greeted = bool(words) and read_command(words[0]) is Command.MENU
    if greeted:
        words = words[1:]
    elif greeted_first:
        return False
    words = [w for w in words if w not in _COURTESIES]
    return (
        bool(words)
        and all(w in _OPENER_WORDS for w in words)
        and bool(_INTEREST.intersection(words))
    )


def read_add_to_cart(text: str) -> int | None:
    """The option number in 'add to cart 1', 'add 2', 'buy #3', 'add to cart - 1'; None
    otherwise. A sign is kept ('add to cart -1'), so the reply says there is no such
    option: read as anything else, "-1" is a melee sieve."""
    match = _ADD_TO_CART.match(numbered(normalise(text)))
    return int(match.group(1)) if match else None


def read_add_options(text: str) -> tuple[int, ...] | None:
    """The option numbers in 'add to cart 2', 'add to cart 1, 3', 'add 2 and 4', 'add
    1-3', each once, in the order typed; None when the text is no such command."""
    if (one := read_add_to_cart(text)) is not None:
        return (one,)
    words = numbered(normalise(text))
    if (span := _ADD_SPAN.match(words)) is not None:
        first, last = int(span.group(1)), int(span.group(2))
        return tuple(range(first, last + 1)) if 0 < last - first < _MOST_IN_A_SPAN else None
    match = _ADD_SEVERAL.match(words)
    if match is None:
        return None
    return tuple(dict.fromkeys(int(n) for n in re.findall(r"\d+", match.group(1))))


def read_choice(text: str) -> tuple[int, ...] | None:
    """Where options are on the screen, the ways people pick one: "I'll take 2", "I want
    option 3", "book the first one", "1 add karo"; as `read_add_options` reads them."""
    words = numbered(normalise(text))
    if (after := _PICKED_AFTER.match(words)) is not None:
        return (int(after.group(1)),)
    return read_add_options(_CHOOSING.sub("add ", words, count=1))


# "add to cart one", "the second one", "add to card 2": numbers as people type them.
_NUMBER_WORDS: Final = {
    **dict.fromkeys(["one", "first", "1st", "pehla", "pehli", "pehle"], "1"),
    **dict.fromkeys(["two", "second", "2nd", "dusra", "doosra", "dusri", "doosri"], "2"),
    **dict.fromkeys(["three", "third", "3rd", "teesra", "tisra", "teesri"], "3"),
    **dict.fromkeys(["four", "fourth", "4th", "chautha", "chauthi"], "4"),
    **dict.fromkeys(["five", "fifth", "5th"], "5"),
    **dict.fromkeys(["six", "sixth", "6th"], "6"),
}
_ORDINAL: Final = re.compile(
    r"\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th|pehla|pehli"
    r"|pehle|dusra|doosra|dusri|doosri|teesra|tisra|teesri|chautha|chauthi)(?:\s+one)?\b"
)
# "add to cart one", "two please": a number word ending the message or opening a pick.
_CARDINAL: Final = re.compile(
    r"(?<=\s)(one|two|three|four|five|six)$|^(one|two|three|four|five|six)(?=\s+(?:please|pls|plz|wala|wali)$)"
)
_ADD_SPAN: Final = re.compile(r"^add(?:\s+to\s+cart)?\s+(\d{1,2})\s*(?:-|to)\s*(\d{1,2})$")
_MOST_IN_A_SPAN: Final = 12
_CHOOSING: Final = re.compile(
    r"^(?:i\s*ll|i\s+will|i\s+d|i\s+would|i|lets|let\s+s|we\s*ll)?\s*"
    r"(?:take|have|want|like|choose|select|prefer|go\s+with|book|pick|buy|give\s+me)\s+"
    r"(?:to\s+(?:buy|take|book|add)\s+)?(?:the\s+|both\s+)?(?:number\s+|option\s+)?"
)
_PICKED_AFTER: Final = re.compile(
    r"^(?:option\s+|no\.?\s*|#)?(\d{1,2})\s+(?:add\s+(?:karo|kar\s+do|kardo|kr\s+do)|le\s+lo"
    r"|lena\s+hai|chahiye|please|pls|plz|wala|wali)$"
)


def numbered(words: str, *, cardinals: bool = True) -> str:
    """Normalised words with ordinals ("the second one") and, with `cardinals`, number
    words ("add to cart one") as digits; "add to card" and "ad to cart" mended."""
    words = re.sub(r"\bto\s+(my\s+|the\s+)?(?:card|kart|cat)\b", r"to \1cart", words)
    words = re.sub(r"^ad\s+to\b", "add to", words)
    words = _ORDINAL.sub(lambda m: _NUMBER_WORDS[m.group(1)], words)
    if not cardinals:
        return words
    return _CARDINAL.sub(lambda m: _NUMBER_WORDS[m.group(1) or m.group(2)], words)


# "add it", "I'll take it", "yes add that one": the one option on the screen.
_THE_ONE: Final = re.compile(
    r"^(?:yes\s+|ok\s+|okay\s+|haan\s+)?(?:please\s+)?(?:i\s*ll\s+|i\s+will\s+|i\s+want\s+)?"
    r"(?:add|take|buy|book|want)\s+(?:it|this|that|this\s+one|that\s+one)(?:\s+to\s+(?:my\s+)?cart)?"
    r"(?:\s+(?:please|pls|plz))?$"
)
_ALL: Final = frozenset(
    {"add all", "add all to cart", "add everything", "add them all", "add all of them"}
    | {"all of them", "i ll take all", "take all", "sab add karo", "sab add kar do"}
)


def picks_the_one(text: str) -> bool:
    """ "add it", "I'll take it": meaningful only when one option is on the screen."""
    return _THE_ONE.match(normalise(text)) is not None


def picks_all(text: str) -> bool:
    return normalise(text).rstrip("!.") in _ALL


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
    """A bare option number ('2', '#2', 'option 2', 'the second one')."""
    match = re.fullmatch(r"(?:option|no\.?|number|#)?\s*(\d{1,2})", numbered(normalise(text)))
    return int(match.group(1)) if match else None
