"""Figures a text states, in a form the guard can compare with the store facts.

Each function returns normalised figures ("INR 45000", "30 day", "9876543210"), so "₹45,000"
and "45000 rupees", or "5-7 days" and "5 to 7 working days", compare equal. They err on the
side of finding a figure: a false find costs a pointer to the menu, a miss a false promise.
"""

from __future__ import annotations

import re
from typing import Final

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_BIG_SCALE = r"(?:lakhs?|lacs?|crores?|cr|thousand|million|mn)"
_SCALE = rf"(?:{_BIG_SCALE}|k)"  # "k" only after a currency or a price word: "18k gold"
_CURRENCY_BEFORE = r"(?:₹|\$|€|£|\b(?:us\$|rs\.?|inr|usd|eur|gbp|aed|rupees?|dollars?|euros?))"
_CURRENCY_AFTER = r"(?:/-|\b(?:rs|inr|usd|eur|gbp|aed|rupees?|dollars?|euros?|pounds?|dirhams?)\b)"
_PRICE_WORD = (
    r"\b(?:costs?|costing|priced|prices?|pricing|rates?|charges?|fees?|worth"
    r"|(?:starts?|starting)\s+(?:from|at))"
)
_FILLER = (
    r"(?:is|are|of|will|would|be|around|about|approx\w*|roughly|nearly|only|just|from|at"
    r"|starts?|starting|between|under|below|over|above|typically|usually|upwards)"
)
_MONEY: Final = re.compile(
    rf"(?P<before>{_CURRENCY_BEFORE})\s*(?P<n1>{_NUMBER})(?:\s*(?P<s1>{_SCALE})\b)?"
    rf"|(?P<n2>{_NUMBER})\s*(?:(?P<s2>{_BIG_SCALE})\b|(?P<after>{_CURRENCY_AFTER}))"
    rf"|{_PRICE_WORD}(?:\s+{_FILLER}){{0,4}}[\s:]+(?P<n3>{_NUMBER})(?:\s*(?P<s3>{_SCALE})\b)?"
    r"(?![\d,.]*\s*(?:[-–]\s*[\d.]+\s*)?(?:ct|cts|carats?|mm|%|per\s?cent))",
    re.IGNORECASE,
)
_CURRENCIES: Final = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD",
    "€": "EUR", "eur": "EUR", "euro": "EUR",
    "£": "GBP", "gbp": "GBP", "pound": "GBP",
    "aed": "AED", "dirham": "AED",
}  # fmt: skip
_SCALES: Final = {"lac": "lakh", "cr": "crore", "thousand": "k", "mn": "million"}

_PHONE: Final = re.compile(r"(?<![\d,.])\+?\d(?:[ \-()]{0,2}\d){7,14}(?!\d)")
_PERCENT: Final = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)", re.IGNORECASE)

_COUNT_WORDS: Final = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "twelve": "12", "fourteen": "14",
    "fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40", "forty-five": "45",
    "sixty": "60", "ninety": "90",
}  # fmt: skip
_COUNT = r"\d+(?:\.\d+)?|" + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))
_DURATION: Final = re.compile(
    rf"\b(?P<a>{_COUNT})(?:\s*(?:-|–|—|to|or)\s*(?P<b>{_COUNT}))?[\s-]*"
    r"(?:(?:working|business|calendar|bank|more|extra)[\s-]+)?"
    r"(?P<unit>days?|hours?|hrs?|weeks?|months?|years?|yrs?)\b",
    re.IGNORECASE,
)
_UNITS: Final = {"hr": "hour", "yr": "year"}

_NOT_BETWEEN = r"to|for|and|or|of|in|on|at|the|a|an|is|are|with|from|carats?|cts?|mm"
_STOCK: Final = re.compile(
    rf"(?<![\w.])\d+\s+(?:(?!(?:{_NOT_BETWEEN})\b)[a-z-]+\s+){{0,2}}?"
    r"(?:stones|diamonds|pieces|pcs|units|items|rings|pairs|parcels|designs)\b"
    r"|(?<![\w.])\d+\s+(?:left|remaining|in\s+stock|available)\b",
    re.IGNORECASE,
)
_STOCK_TALK: Final = re.compile(
    r"\b(?:in\s+stock|stock|available|availability|left|remaining|inventory|ready"
    r"|we\s+(?:have|carry|hold)|we've\s+got|there\s+are)\b",
    re.IGNORECASE,
)
_SENTENCE: Final = re.compile(r"[^.!?\n]+")


def money(text: str) -> set[str]:
    """'₹45,000' → 'INR 45000'; '$500' → 'USD 500'; 'costs around 1.2 lakh' → 'INR 1.2 lakh'."""
    found = set()
    for match in _MONEY.finditer(text):
        number = next(n for n in match.group("n1", "n2", "n3") if n).replace(",", "")
        scale = _word(next((s for s in match.group("s1", "s2", "s3") if s), ""))
        currency = _word(match.group("before") or match.group("after") or "")
        code = _CURRENCIES.get(currency, "INR")
        found.add(f"{code} {number.removesuffix('.00')} {_SCALES.get(scale, scale)}".strip())
    return found


def phones(text: str) -> set[str]:
    """The digits of each phone-like number (eight digits or more)."""
    return {re.sub(r"\D", "", match.group(0)) for match in _PHONE.finditer(text)}


def percentages(text: str) -> set[str]:
    return {match.group(1) for match in _PERCENT.finditer(text)}


def durations(text: str) -> set[str]:
    """'5-7 business days' → {'5 day', '7 day'}; 'a 30-day policy' → {'30 day'}."""
    found = set()
    for match in _DURATION.finditer(text):
        unit = _word(match.group("unit"))
        for count in filter(None, match.group("a", "b")):
            found.add(f"{_COUNT_WORDS.get(count.lower(), count)} {_UNITS.get(unit, unit)}")
    return found


def stock_counts(text: str) -> list[str]:
    """Counts of pieces as written ('20 stones', '3 left'), in sentences about stock: "studs
    with 2 stones" describes a design."""
    return [
        match.group(0)
        for sentence in _SENTENCE.findall(text)
        if _STOCK_TALK.search(sentence)
        for match in _STOCK.finditer(sentence)
    ]


def _word(text: str) -> str:
    """'Rupees' → 'rupee', 'Rs.' → 'rs', 'lakhs' → 'lakh', '₹' stays."""
    word = text.lower().rstrip(".")
    return word[:-1] if len(word) > 2 and word.endswith("s") else word
