"""A question about how the store works that happens to name a product: "can you resize my
ring?", "is shipping free for earrings?", "EMI on a 2 lakh ring?", "lab vs natural?"; and
after-sales talk about a piece the customer has: "I want to return my earrings", "received
wrong ring", "the pendant I got is broken".

Such a message names a piece or a grade, so the menus would read it as a search; it is for
the assistant instead. A question with no policy word ("do you have rings under 50k?") is
still a search.
"""

from __future__ import annotations

import re
from typing import Final

from elgbot.understanding.support_words import is_plainly_a_question
from elgbot.understanding.words import normalise
from elgbot.understanding.words import word_set as _words

_POLICY_WORDS: Final = _words(
    """
    resize resizing resized return returns returnable refund refunds exchange exchangeable
    policy policies shipping ship shipped delivery deliver delivered courier free charges
    certificate certificates certified certification igi gia report emi installment
    instalment instalments installments warranty guarantee insurance insured payment pay
    cod upi buyback lifetime engraving engrave hallmark hallmarked real fake natural mined
    genuine original test tester durable last resale value measure measuring made
    clean cleaning care wash maintain
    """
)
_WORD: Final = re.compile(r"[^\W\d_]{2,}")
# "how do I know my ring size?": about sizing, not a search for rings.
_OWN_SIZE: Final = re.compile(r"\b(?:know|find|check|measure)\b.*\bmy (?:ring |finger )?size\b")


# A piece the customer has that went wrong, or that they want to give back: no question
# mark needed. ("return to the menu" is not a return.)
_AFTER_SALES: Final = re.compile(
    r"\b(?:return(?!\s+to\b)\w*|exchang\w*|refund\w*|damaged?|broken|broke|cracked|chipped"
    r"|scratched|defect\w*|faulty|wrong|too (?:small|big|large|tight|loose)"
    r"|(?:doesn ?t|does not|not|dont|don ?t|do not) fit\w*|fell out|came out"
    r"|stone (?:fell|missing))\b"
)


def asks_about_the_store(text: str) -> bool:
    said = normalise(text)
    if _AFTER_SALES.search(said):
        return True
    if not is_plainly_a_question(text):
        return False
    return any(word in _POLICY_WORDS for word in _WORD.findall(said)) or bool(
        _OWN_SIZE.search(said)
    )
