"""The customer's budget: single amounts, ranges and their qualifiers.

A figure is money only when something says so: a currency mark, a multiplier (k, lakh,
crore), Indian grouping, a word such as "budget", or a comparison ("under", "tak") with a
figure of at least ₹1,000. A single figure without direction is a maximum ("around 2.5L"
too: the parser never invents a band around it).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Final

from elgbot.understanding.lexer import Kind, Lexed, Token, phrase_at, phrases, text_at
from elgbot.understanding.limits import BUDGET_MIN_INR, budget_problem
from elgbot.understanding.money import Amount, read_amount
from elgbot.understanding.pincode import is_pincode
from elgbot.understanding.qualifiers import Bound, Context, context_after, context_before
from elgbot.understanding.unclear import Unclear

_RANGE_WORDS: Final = frozenset({"-", "to", "se", "till"})
# "1 lakh +/- 10k": the amount give or take the spread after it.
_SPREAD: Final = phrases(
    "+ /-|+ / -|+ -|±|plus minus|plus or minus|plus / minus|plus - minus|give or take"
)
# "order no 12345", "pincode 400001": a figure with a label is not a price.
_LABELS: Final = frozenset(
    {"order", "no", "number", "id", "pin", "pincode", "code", "phone", "mobile", "status"}
    | {"call", "contact", "whatsapp", "paid", "transferred", "sent", "otp", "utr", "upi"}
    | {"invoice", "ref", "#", "tracking", "awb", "stock", "cert", "certificate", "igi", "gia"}
)
# "$1200", "500 usd": the store prices in rupees only, and a conversion would be a guess.
_FOREIGN: Final = frozenset(
    {"$", "usd", "dollar", "dollars", "€", "eur", "euro", "euros", "£", "gbp", "pounds"}
    | {"aed", "dirham", "dirhams"}
)
_IN_RUPEES: Final = (
    "our prices are in Indian rupees, so please send your budget in ₹ (e.g. ₹1,00,000)"
)
# Words after a figure that begin another phrase, so they count nothing ("75000 for her").
_PHRASE_STARTS: Final = frozenset({"for", "in", "with", "please", "pls", "plz"})
_UNSURE: Final = "is this your budget? please write it like ₹50,000 or 50k"
_TWO_BUDGETS: Final = "more than one budget was given"
_CONTRADICTION: Final = "the lower and upper budget contradict each other"


class _Kind(Enum):
    BUDGET = "budget"
    UNSURE = "unsure"  # a bare large figure: probably money, but nothing says so
    VAGUE = "vague"  # "under 2": a comparison with a small bare figure, carat or money?


@dataclass(frozen=True, slots=True)
class BudgetReading:
    low: int | None = None
    high: int | None = None
    indices: frozenset[int] = frozenset()
    unclear: tuple[Unclear, ...] = ()
    vague: tuple[tuple[int, int], ...] = ()  # spans left unclaimed for the carat reader
    unsure: bool = False  # a bare figure was left out: money, but nothing said so


@dataclass(frozen=True, slots=True)
class _Phrase:
    kind: _Kind
    first: int
    last: int
    low: int | None = None
    high: int | None = None
    problem: str | None = None


def read_budget(
    lexed: Lexed,
    taken: frozenset[int],
    *,
    bare_is_budget: bool = False,
    spec_words: frozenset[int] = frozenset(),
) -> BudgetReading:
    """Budget phrases. With `bare_is_budget` (the rest of the message describes a stone),
    a bare figure like "100000" is the budget: no other field takes such a number.
    `spec_words`: words known to be grades or shapes; a bare figure before one ("75000 G
    VS1") is not a count of something ("5000 pcs") and may be a price."""
    tokens, claimed = lexed.tokens, set(taken)
    phrases: list[_Phrase] = []
    index = 0
    while index < len(tokens):
        phrase = (
            None
            if index in claimed
            else _phrase_at(tokens, index, claimed, bare_is_budget, spec_words)
        )
        if phrase is None:
            index += 1
            continue
        if phrase.kind is not _Kind.VAGUE:
            claimed.update(range(phrase.first, phrase.last + 1))
        phrases.append(phrase)
        index = phrase.last + 1
    return _combine(lexed, phrases, frozenset(claimed - taken))


def _phrase_at(
    tokens: Sequence[Token],
    index: int,
    claimed: Collection[int],
    bare_is_budget: bool,
    spec_words: Collection[int],
) -> _Phrase | None:
    first = read_amount(tokens, index)
    if first is None or any(k in claimed for k in range(first.first, first.last + 1)):
        return None
    before = context_before(tokens, first.first, claimed)
    if (spread := _spread(tokens, first, claimed, before)) is not None:
        return spread
    second = _range_end(tokens, first, claimed, before.bound is Bound.BETWEEN)
    if second is not None:
        first = _borrowed(first, second)
    last = (second or first).last
    after = context_after(tokens, last, claimed)
    start = before.start if before.start >= 0 else first.first
    end = after.end if after.end >= 0 else last
    if (foreign := _in_another_currency(tokens, start, end, first.first, last)) is not None:
        return foreign
    kind = _kind(tokens, first, second, before, after, spec_words, claimed)
    if kind is None:
        return None
    if kind is _Kind.UNSURE and bare_is_budget:
        kind = _Kind.BUDGET
    if kind is not _Kind.BUDGET:
        return _Phrase(kind, start, end)
    return _budget(first, second, after.bound or before.bound, start, end)


def _in_another_currency(
    tokens: Sequence[Token], start: int, end: int, first: int, last: int
) -> _Phrase | None:
    """ "$1200", "1500 usd": reported with the currency quoted, never read as rupees."""
    before, after = text_at(tokens, first - 1) in _FOREIGN, text_at(tokens, last + 1) in _FOREIGN
    if not (before or after):
        return None
    span = (min(start, first - 1) if before else start, max(end, last + 1) if after else end)
    return _Phrase(_Kind.BUDGET, *span, problem=_IN_RUPEES)


def _range_end(
    tokens: Sequence[Token], first: Amount, claimed: Collection[int], between: bool
) -> Amount | None:
    sep = first.last + 1
    word = text_at(tokens, sep)
    if sep in claimed or not (word in _RANGE_WORDS or (between and word == "and")):
        return None
    second = read_amount(tokens, sep + 1)
    if second is None or any(k in claimed for k in range(second.first, second.last + 1)):
        return None
    return second


def _spread(
    tokens: Sequence[Token], amount: Amount, claimed: Collection[int], before: Context
) -> _Phrase | None:
    """ "1 lakh +/- 10k", "80k ± 5%", "1L give or take 10k": the range around the amount."""
    at = amount.last + 1
    marker = next((m for m in _SPREAD if phrase_at(tokens, at, m)), None)
    if marker is None or any(k in claimed for k in range(at, at + len(marker))):
        return None
    spread = read_amount(tokens, at + len(marker))
    if spread is None or any(k in claimed for k in range(spread.first, spread.last + 1)):
        return None
    last, width = spread.last, spread.inr
    if text_at(tokens, last + 1) == "%":
        last, width = last + 1, amount.inr * spread.inr // 100
    money = amount.signalled or spread.signalled or before.money
    if not money or not 0 < width < amount.inr:
        return None
    low, high = amount.inr - width, amount.inr + width
    problem = budget_problem(low) or budget_problem(high)
    start = before.start if before.start >= 0 else amount.first
    return _Phrase(_Kind.BUDGET, start, last, low, high, problem)


def _borrowed(first: Amount, second: Amount) -> Amount:
    """ "50-60k", "1-1.5 lakh": the first figure shares the second one's multiplier."""
    if first.multiplier == 1 < second.multiplier and first.number <= second.number:
        return first.times(second.multiplier)
    return first


def _kind(
    tokens: Sequence[Token],
    first: Amount,
    second: Amount | None,
    before: Context,
    after: Context,
    spec_words: Collection[int],
    claimed: Collection[int],
) -> _Kind | None:
    amounts = (first,) if second is None else (first, second)
    if any(a.signalled for a in amounts) or before.money or after.money:
        return _Kind.BUDGET
    large = max(a.inr for a in amounts) >= BUDGET_MIN_INR
    compared = (after.bound or before.bound) is not None
    if compared or before.about:
        return _Kind.BUDGET if large else (_Kind.VAGUE if compared else None)
    if second is not None:
        return _Kind.UNSURE if large else None
    price_like = _looks_like_a_price(tokens, first, spec_words, claimed)
    price_like = price_like and not _next_to_a_figure(tokens, first)
    return _Kind.UNSURE if price_like else None


def _looks_like_a_price(
    tokens: Sequence[Token], amount: Amount, spec_words: Collection[int], claimed: Collection[int]
) -> bool:
    """A bare whole figure of 4-9 digits not followed by a word that could count it
    ("50000", not "5000 pcs") nor labelled ("order no 12345", "deliver to 560001"). A
    grade or shape (`spec_words`), a word another reader claimed ("75000 size 12") or one
    that starts a phrase ("75000 for my wife") counts nothing."""
    digits = tokens[amount.first].text.replace(",", "")
    follower = amount.last + 1
    followed = (
        follower < len(tokens)
        and tokens[follower].kind is Kind.WORD
        and follower not in spec_words
        and follower not in claimed
        and tokens[follower].text not in _PHRASE_STARTS
    )
    labelled = any(text_at(tokens, amount.first - k) in _LABELS for k in (1, 2, 3))
    labelled = labelled or is_pincode(tokens, amount.first)  # "deliver to 560001"
    return digits.isdigit() and 4 <= len(digits) <= 9 and not (followed or labelled)


def _next_to_a_figure(tokens: Sequence[Token], amount: Amount) -> bool:
    """ "98765 43210": a phone number written in groups."""
    around = (amount.first - 1, amount.last + 1)
    return any(0 <= k < len(tokens) and tokens[k].kind is Kind.NUM for k in around)


def _budget(
    first: Amount, second: Amount | None, bound: Bound | None, start: int, end: int
) -> _Phrase:
    amounts = (first,) if second is None else (first, second)
    problems = (budget_problem(a.inr) for a in amounts)
    problem = next((p for p in problems if p), None)
    if second is not None:
        low, high = sorted((first.inr, second.inr))
        return _Phrase(_Kind.BUDGET, start, end, low, high, problem)
    if bound is Bound.MIN:
        return _Phrase(_Kind.BUDGET, start, end, first.inr, None, problem)
    return _Phrase(_Kind.BUDGET, start, end, None, first.inr, problem)


def _combine(lexed: Lexed, phrases: list[_Phrase], indices: frozenset[int]) -> BudgetReading:
    unclear = [_unclear(lexed, p) for p in phrases if p.problem or p.kind is _Kind.UNSURE]
    good = [p for p in phrases if p.kind is _Kind.BUDGET and not p.problem]
    low, high = _one({p.low for p in good}), _one({p.high for p in good})
    if len({p.low for p in good} - {None}) > 1 or len({p.high for p in good} - {None}) > 1:
        unclear.append(Unclear("budget", _quote_all(lexed, good), _TWO_BUDGETS))
    if low is not None and high is not None and low > high:
        unclear.append(Unclear("budget", _quote_all(lexed, good), _CONTRADICTION))
        low = high = None
    vague = tuple((p.first, p.last) for p in phrases if p.kind is _Kind.VAGUE)
    unsure = any(p.kind is _Kind.UNSURE for p in phrases)
    return BudgetReading(low, high, indices, tuple(unclear), vague, unsure)


def _one(values: set[int | None]) -> int | None:
    """The single value given, or None when none or several (conflicting) were."""
    given = values - {None}
    return given.pop() if len(given) == 1 else None


def _unclear(lexed: Lexed, phrase: _Phrase) -> Unclear:
    return Unclear("budget", lexed.quote(phrase.first, phrase.last), phrase.problem or _UNSURE)


def _quote_all(lexed: Lexed, phrases: list[_Phrase]) -> str:
    return ", ".join(lexed.quote(p.first, p.last) for p in phrases)
