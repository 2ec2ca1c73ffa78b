"""Reading support requests: asking for a person, leaving one, and whether a message the
menus do not understand is worth a question to the assistant."""

from __future__ import annotations

import re
from typing import Final

from elgbot.understanding.words import normalise
from elgbot.understanding.words import word_set as _words

# Whom a customer asks for: "a person", "your manager", "the sales team", "someone".
_WHOM: Final = (
    r"(?:a |an |some |your |ur |yr |the |one of your |any )?(?:real |live |human |sales |support )?"
    r"(?:agent|human|person|someone|somebody|anyone|anybody|representative|rep|executive|"
    r"staff|team member|manager|supervisor|owner|sales ?(?:team|person|executive)?|"
    r"customer (?:care|service|support)|support team|team)"
)
# After "I want" / "I need": only words that name a person ("a staff discount" does not).
_WANTED: Final = (
    r"(?:a |an |to talk to |to speak to |to speak with |to talk with )?(?:real |live )?"
    r"(?:agent|human|person|someone|somebody|representative|executive|manager|supervisor|"
    r"sales (?:team|person|executive)|salesperson|customer (?:care|service))"
)
# Explicit requests: "talk to a person", "connect me with sales team", "I need a human".
_ASKS: Final = re.compile(
    rf"\b(?:(?:talk|speak|chat|connect|put)(?: me)?(?: through)? (?:to|with) {_WHOM}"
    rf"|(?:want|need|get me|give me|send me) {_WANTED}"
    r"|(?:someone|somebody|anyone|person|human|agent) (?:i|we) (?:can|could) (?:talk|speak)"
    r"|(?:want|need|get|request|arrange|schedule|book) (?:a |an )?(?:phone )?call(?: back)?"
    r"|real person|human agent|live agent"
    # Hinglish: "mujhe kisi se baat karni hai", "insaan se baat karao", "agent se baat",
    # "koi insaan hai?" (is there a person?)
    r"|(?:kisi|insaan|insan|aadmi|agent|team|manager|staff) se baat"
    r"|koi (?:insaan|insan|aadmi|banda|human|person|agent) (?:hai|he|h|hain)"
    r")\b"
)
# "call me" / "call back" is a request only as one ("please call me", "can you call me
# back", "callback"), not when someone else will call ("my husband will call me").
_CALL: Final = re.compile(r"\b(?:call me|call ?-?back)\b")
_CALL_LEAD: Final = re.compile(
    r"(?:^|\b(?:please|pls|plz|kindly|you|u|someone|somebody|anyone|team|sir|maam|mam|ji|"
    r"asap|also|(?:want|need|like|request|arrange|get|schedule|book)(?: a| an)?))$"
)
_GREETING: Final = re.compile(r"^(?:(?:hi|hello|hey|ok|okay|sir|maam|mam|dear|team)\b ?)+")
# "don't call me", "no need to call", "I do not want to talk to anyone" (a few words before).
_NEGATED: Final = re.compile(
    r"\b(?:dont|doesnt|didnt|do not|does not|not|never|no need|no calls?|nobody|without|"
    r"nahi|nahin|mat)\b"
)
_NEGATION_WINDOW = 4  # words before the request ("i do not want to talk …")
# "is this a real person or a bot?", "are you human": about the chat, not a request.
_ABOUT_THE_BOT: Final = re.compile(
    r"\b(?:is (?:this|it|that)|are (?:you|u)|r u|am i (?:talking|chatting|speaking)"
    r"(?: to| with)?|is there)\b.*\b(?:bot|robot|human|person|real|automated|machine|ai)\b"
)
# A short message with one of these words in it is a request too: "agent", "manager pls".
_PERSON_WORD: Final = re.compile(
    r"\b(?:agents?|humans?|person|someone|somebody|representatives?|executives?|staff|"
    r"managers?|supervisor|sales team|customer care|customer service)\b"
)
_SHORT_REQUEST_WORDS = 4
_SHORT_NEGATIONS: Final = frozenset({"no", "not", "dont", "never", "nahi", "nahin"})
# Clauses: a request in one ("no, I want a person") is not undone by another.
_CLAUSE: Final = re.compile(r"[,;:!?\n]+|\.(?:\s|$)|\s(?:but|just)\s")
_APOSTROPHE_T: Final = re.compile(r"\b(\w+) t\b")  # "don t" (normalised "don't") → "dont"
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
    """The customer asks to be handed to a person (not: declines a call, says someone
    else will call, or asks whether this is a bot)."""
    clauses = [_words_of(part) for part in _CLAUSE.split(text)]
    if any(_asks_in(clause) for clause in clauses if clause):
        return True
    words = _words_of(text)
    return _short_request(words)


def _words_of(text: str) -> str:
    return _APOSTROPHE_T.sub(r"\1t", normalise(text))


def _asks_in(clause: str) -> bool:
    for found in _ASKS.finditer(clause):
        if not _negated(clause[: found.start()]) and not _idle_words(clause, found):
            return True
    for found in _CALL.finditer(clause):
        before = _GREETING.sub("", clause[: found.start()].strip()).strip()
        if _CALL_LEAD.search(before) and not _negated(before):
            return True
    return False


# Narrower than _ABOUT_THE_BOT: the chat itself is asked about ("is it real?" may be the
# diamond).
_IS_IT_A_BOT: Final = re.compile(
    r"\b(?:is (?:this|it|that)|are (?:you|u)|r u|am i (?:talking|chatting|speaking)"
    r"(?: to| with)?)(?: \w+){0,2}? (?:bot|chatbot|robot|human|person|automated|machine|ai"
    r"|computer)\b"
)


def asks_if_a_bot(text: str) -> bool:
    """ "is this a real person or a bot?", "are you human": answered, not handed over."""
    return bool(_IS_IT_A_BOT.search(_words_of(text)))


def _idle_words(clause: str, found: re.Match[str]) -> bool:
    """A weak phrase in a question about the chat ("is this a real person or a bot")."""
    weak = found.group(0) in ("real person", "human agent", "live agent")
    return weak and bool(_ABOUT_THE_BOT.search(clause))


def _negated(before: str) -> bool:
    window = " ".join(before.split()[-_NEGATION_WINDOW:])
    return bool(_NEGATED.search(window))


def _short_request(words: str) -> bool:
    if len(words.split()) > _SHORT_REQUEST_WORDS or _ABOUT_THE_BOT.search(words):
        return False
    return not _SHORT_NEGATIONS & set(words.split()) and bool(_PERSON_WORD.search(words))


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
