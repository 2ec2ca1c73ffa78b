"""Reading support requests: asking for a person, leaving one, and whether a message the
menus do not understand is worth a question to the assistant."""

from __future__ import annotations

import re
from typing import Final

from elgbot.understanding.words import normalise
from elgbot.understanding.words import word_set as _words

_PERSON_WORDS: Final = r"(?:agent|human|person|someone|somebody|representative|executive|staff)"
# Any message that says it: "talk to a person", "can someone call me", "human agent please".
_ASKS_FOR_PERSON: Final = re.compile(
    r"\b(?:(?:talk|speak|chat|connect)(?: me)? (?:to|with) (?:a |an |some |your )?"
    r"(?:real |live )?(?:agent|human|person|someone|somebody|representative|executive|"
    r"team member|staff)"
    r"|call me|call back|callback|real person|human agent|live agent)\b"
)
# A short message with one of these words in it is a request too: "agent", "person pls".
_PERSON_WORD: Final = re.compile(rf"\b{_PERSON_WORDS}s?\b")
_SHORT_REQUEST_WORDS = 4
_BACK_TO_BOT: Final = frozenset(
    {"menu", "bot", "main menu", "the bot", "back to bot", "back to the bot", "menu please"}
)
# Keyboard mashing, markup or emoji are not questions; a real question nearly always has a
# common word or a store topic in it (English and the Hinglish customers write).
_QUESTION_WORDS: Final = _words(
    """
    what which who whom whose when where why how is are was were am do does did can could
    will would should shall may might must have has had i me my we our you your it its
    this that these those the a an to of in on for with about from there here any some
    not no please pls tell know want need help hello thanks thank
    kya kaise kab kahan kyun kitna kitne hai hain ho mujhe mera meri aap apka ka ki ke
    chahiye batao bataiye
    return returns refund exchange shipping ship delivery deliver courier certificate
    certified certification igi gia warranty guarantee store shop showroom visit address
    location payment pay emi cod cash upi card hours open timing timings contact email
    lab grown natural real fake resize resizing engraving size care clean insurance
    """
)
_WORD: Final = re.compile(r"[^\W\d_]{2,}")


def asks_for_person(text: str) -> bool:
    words = normalise(text)
    if _ASKS_FOR_PERSON.search(words):
        return True
    return len(words.split()) <= _SHORT_REQUEST_WORDS and bool(_PERSON_WORD.search(words))


def back_to_bot(text: str) -> bool:
    """'menu' or 'bot': the customer wants the bot again (ends a handoff)."""
    return normalise(text).rstrip(".!") in _BACK_TO_BOT


# How a question starts, when it has no "?" ("do you ship to dubai").
_QUESTION_STARTS: Final = _words(
    """
    what which who when where why how is are was do does did can could will would should
    may kya kaise kab kahan kyun kitna kitne
    """
)


# A store topic named in a few words ("return policy", "shipping") mid-search is a question.
_TOPIC_WORDS: Final = _words(
    """
    return returns refund refunds exchange shipping delivery certificate certification
    warranty guarantee payment emi cod insurance resizing engraving showroom
    """
)
_FEW_WORDS = 3


def is_plainly_a_question(text: str) -> bool:
    """A question mark, a question word first, or a store topic in a few words: stricter
    than `reads_as_question`, for steps waiting on a description, where "I want a round
    one" is no question."""
    words = _WORD.findall(normalise(text))
    if not words:
        return False
    topic = len(words) <= _FEW_WORDS and any(word in _TOPIC_WORDS for word in words)
    return "?" in text or words[0] in _QUESTION_STARTS or topic


def reads_as_question(text: str) -> bool:
    words = _WORD.findall(normalise(text))
    if not words:
        return False
    return "?" in text or any(word in _QUESTION_WORDS for word in words)
