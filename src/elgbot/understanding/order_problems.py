"""Problems with an order that only the store's team can sort out: money taken but no order
("money deducted but order not placed", "payment done but no confirmation") and a parcel
that has not come ("parcel not received", "it says shipped but I did not get it",
"courier wala aaya nahi").

Neither the order list nor the store facts answer these, so the bot says the team will
check and offers a person.
"""

from __future__ import annotations

import re
from typing import Final

from elgbot.understanding.words import normalise

# "didn't" is normalised to "didn t".
_NOT: Final = r"(?:not|never|didn ?t|did not|haven ?t|have not|hasn ?t|has not|yet to)"
# "I didn't get you" is "I did not understand".
_COME: Final = (
    r"(?:received|receive|recieved|recived|arrived|arrive|came|come|delivered|reached|reach"
    r"|(?:got|get|gotten)(?! (?:you|u|what|your|that|this|the point)\b))"
)
_HINDI_NOT: Final = r"(?:nahi|nahin|nhi|nai)"
_HINDI_COME: Final = r"(?:aaya|aya|aayi|ayi|aai|mila|mili|pahuncha|pahunchi|pohcha|pahucha)"
_NOT_COME: Final = re.compile(
    rf"\b{_NOT}(?: yet| been| be| even)? {_COME}\b"
    rf"|\b{_HINDI_COME} {_HINDI_NOT}\b|\b{_HINDI_NOT} {_HINDI_COME}\b"
)
# What else may not have come: the bot's or the team's messages, not a parcel.
_NOT_A_PARCEL: Final = re.compile(
    r"\b(?:quote|quotation|reply|replies|response|answer|otp|email|mail|message|sms|call"
    r"|callback|link|invoice|bill|certificate)\b"
)

_MONEY: Final = (
    r"(?:money|amount|payment|paid|pay|upi|transaction|txn|refund|rupees|rs|paisa|paise"
    r"|charged)"
)
_WENT_WRONG: Final = (
    r"(?:deducted|debited|cut|charged|failed|fail|pending|stuck|twice|double|kat gaye|kat gaya"
    r"|no confirmation|not confirmed|unconfirmed|no order|not placed|not credited"
    r"|not refunded|not received|not reflect\w*)"
)
_PAYMENT_PROBLEM: Final = re.compile(
    rf"\b{_MONEY}\b.*\b{_WENT_WRONG}\b|\b{_WENT_WRONG}\b.*\b{_MONEY}\b"
)


def reports_a_payment_problem(text: str) -> bool:
    """Money taken without an order, a payment not confirmed, a refund not come."""
    return _PAYMENT_PROBLEM.search(normalise(text)) is not None


def reports_a_delivery_problem(text: str) -> bool:
    """A parcel the customer has not received (not: a quote or a reply they wait for)."""
    said = normalise(text)
    return _NOT_COME.search(said) is not None and _NOT_A_PARCEL.search(said) is None
