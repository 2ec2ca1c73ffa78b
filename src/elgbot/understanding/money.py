"""Rupee amounts as Indian customers write them, and Indian-grouped rupee text.

"₹1,00,000", "Rs. 95,000/-", "1.5L", "30k", "2 crore", "INR 50000", "dedh lakh".
Generic price parsers ignore lakh/crore/k multipliers, hence this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from elgbot.understanding.lexer import Kind, Token, lex, text_at

LAKH: Final = 100_000
CRORE: Final = 10_000_000

MULTIPLIERS: Final[dict[str, int]] = {
    **dict.fromkeys(["k", "thousand", "thousands", "hazar", "hazaar", "hajar", "hzr"], 1_000),
    **dict.fromkeys(["l", "lakh", "lakhs", "lac", "lacs", "lk", "lkh", "lks", "laakh"], LAKH),
    **dict.fromkeys(["crore", "crores", "cr", "crs", "karod", "karor"], CRORE),
}
_PREFIXES: Final = frozenset({"₹", "rs", "inr", "rupees", "rupee", "rps"})
_SUFFIXES: Final = frozenset({"/-", "₹", "rs", "inr", "rupees", "rupee", "rupaye", "rupay"})
# "18k gold", "14k white gold": a metal's purity, not money. Only a gold karat with "k"
# is one: "30k white gold" and "1 lakh platinum" are money.
_METALS: Final = frozenset({"gold", "white", "yellow", "rose", "platinum", "kt", "karat"})
_KARATS: Final = frozenset({9, 10, 14, 18, 22, 24})
# Words before a figure that make it money ("under 18k white gold"), never a karat. Not
# "and" or "to": "1ct and 18k gold" is a karat.
MONEY_BEFORE: Final = frozenset(
    {"under", "below", "upto", "within", "budget", "max", "maximum", "around", "about"}
    | {"above", "over", "rs", "inr", "₹", "price", "than", "between"}
)
CURRENCY_WORDS: Final = _PREFIXES | _SUFFIXES


@dataclass(frozen=True, slots=True)
class Amount:
    """One written amount spanning tokens `first`..`last`."""

    number: Decimal  # the figure as written, before its multiplier
    multiplier: int  # 1 when none was written
    first: int
    last: int
    signalled: bool  # a currency mark, a multiplier, "/-" or Indian grouping says "money"

    @property
    def inr(self) -> int:
        return int((self.number * self.multiplier).to_integral_value(ROUND_HALF_UP))

    def times(self, multiplier: int) -> Amount:
        return replace(self, multiplier=multiplier, signalled=True)


def read_amount(tokens: Sequence[Token], index: int) -> Amount | None:
    """The amount starting at `index` (at a currency mark or a figure), if there is one."""
    amount = _one_amount(tokens, index)
    return None if amount is None else _and_smaller(tokens, amount)


def _one_amount(tokens: Sequence[Token], index: int) -> Amount | None:
    currency = text_at(tokens, index) in _PREFIXES
    at = index + 1 if currency else index
    if not 0 <= at < len(tokens) or tokens[at].kind is not Kind.NUM:
        return None
    figure = tokens[at]
    if figure.number is None or (not currency and _is_purity(tokens, at)):
        return None
    multiplier, at = _multiplier(tokens, at + 1)
    last = at - 1
    for _ in range(2):  # "rs /-"
        if text_at(tokens, last + 1) not in _SUFFIXES:
            break
        currency, last = True, last + 1
    grouped = figure.is_grouped and figure.number >= 1000
    signalled = currency or multiplier > 1 or grouped
    return Amount(figure.number, multiplier, index, last, signalled)


def _and_smaller(tokens: Sequence[Token], amount: Amount) -> Amount:
    """ "1 lakh 20 thousand", "2 crore 50 lakh": one amount, said in parts."""
    if amount.multiplier == 1 or text_at(tokens, amount.last + 1) in _PREFIXES:
        return amount
    rest = _one_amount(tokens, amount.last + 1)  # one part more: never a chain
    if rest is None or not 1 < rest.multiplier < amount.multiplier or rest.inr >= amount.multiplier:
        return amount
    return Amount(Decimal(amount.inr + rest.inr), 1, amount.first, rest.last, True)


def _multiplier(tokens: Sequence[Token], index: int) -> tuple[int, int]:
    multiplier = MULTIPLIERS.get(text_at(tokens, index))
    return (1, index) if multiplier is None else (multiplier, index + 1)


def _is_purity(tokens: Sequence[Token], at: int) -> bool:
    """ "18k gold", "14 k white": a gold karat, unless a money word comes first."""
    figure = tokens[at]
    return (
        text_at(tokens, at + 1) == "k"
        and text_at(tokens, at + 2) in _METALS
        and not figure.is_decimal
        and figure.number in _KARATS
        and text_at(tokens, at - 1) not in MONEY_BEFORE
    )


def parse_inr_amount(text: str) -> int | None:
    """One amount in rupees ("₹1,00,000", "1.5L", "30k", "2 crore", "95000/-"), else None."""
    tokens = lex(text).tokens
    amount = read_amount(tokens, 0)
    if amount is None or amount.last != len(tokens) - 1:
        return None
    return amount.inr


def format_inr(amount: int) -> str:
    """Indian grouping with the rupee sign: 95000 -> "₹95,000", 1234567 -> "₹12,34,567"."""
    digits = str(abs(amount))
    head, groups = digits[:-3], [digits[-3:]]
    while head:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return f"{'-' if amount < 0 else ''}₹{','.join(groups)}"
