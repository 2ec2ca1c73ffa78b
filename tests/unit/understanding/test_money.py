"""Rupee amounts as customers write them, and Indian grouping for replies."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elgbot.understanding.lexer import lex
from elgbot.understanding.money import format_inr, parse_inr_amount, read_amount


@pytest.mark.parametrize(
    ("text", "rupees"),
    [
        ("₹1,00,000", 100_000),
        ("1.5L", 150_000),
        ("30k", 30_000),
        ("30 K", 30_000),
        ("2 crore", 20_000_000),
        ("1cr", 10_000_000),
        ("95000/-", 95_000),
        ("Rs. 95,000/-", 95_000),
        ("Rs 95000", 95_000),
        ("rs.95000", 95_000),
        ("INR 50000", 50_000),
        ("50000 rupees", 50_000),
        ("50,000 rs", 50_000),
        ("1.5 lakh", 150_000),
        ("1 lac", 100_000),
        ("2.5 lacs", 250_000),
        ("3 lakhs", 300_000),
        ("₹ 12,34,567", 1_234_567),
        ("₹1.25L", 125_000),
        ("dedh lakh", 150_000),
        ("60 hazar", 60_000),
        ("₹999.50", 1_000),
        ("1,000,000", 1_000_000),
        ("₹50k/-", 50_000),
        ("1 lakh 20 thousand", 120_000),  # said in parts
        ("2 crore 50 lakh rupees", 25_000_000),
        ("₹1 lakh 50k", 150_000),
    ],
)
def test_one_amount_is_read_in_rupees(text: str, rupees: int) -> None:
    assert parse_inr_amount(text) == rupees


@pytest.mark.parametrize(
    "text",
    ["", "abc", "1.5 ct", "₹", "lakh", "18k gold", "50k and 60k", "under 50k", "k50", "50k 1 lakh"],
)
def test_anything_but_a_single_amount_reads_as_none(text: str) -> None:
    assert parse_inr_amount(text) is None


@pytest.mark.parametrize(
    ("text", "at", "rupees"),
    [
        ("18k gold", 0, None),  # a gold purity
        ("14 k white gold", 0, None),
        ("30k white gold", 0, 30_000),  # no gold is 30 karat
        ("90k platinum", 0, 90_000),
        ("1 lakh platinum", 0, 100_000),  # no purity is written in lakh
        ("50k yellow", 0, 50_000),
        ("under 18k white gold", 1, 18_000),  # a money word first: money
        ("₹18k gold", 0, 18_000),
    ],
)
def test_a_figure_before_a_metal_is_money_unless_it_is_a_gold_karat(
    text: str, at: int, rupees: int | None
) -> None:
    amount = read_amount(lex(text).tokens, at)
    assert (amount.inr if amount else None) == rupees


@pytest.mark.parametrize(
    ("rupees", "text"),
    [
        (0, "₹0"),
        (999, "₹999"),
        (1_000, "₹1,000"),
        (95_000, "₹95,000"),
        (100_000, "₹1,00,000"),
        (1_234_567, "₹12,34,567"),
        (10_000_000, "₹1,00,00,000"),
        (500_000_000, "₹50,00,00,000"),
        (-5_000, "-₹5,000"),
    ],
)
def test_amounts_are_formatted_with_indian_grouping_and_the_rupee_sign(
    rupees: int, text: str
) -> None:
    assert format_inr(rupees) == text


@given(st.integers(min_value=0, max_value=10**15))
def test_formatted_amounts_read_back_to_the_same_amount(rupees: int) -> None:
    assert parse_inr_amount(format_inr(rupees)) == rupees


def test_a_long_run_of_amounts_is_read_without_chaining_them() -> None:
    # "1 lakh 20 thousand" joins one smaller part; a run like "6L6L6L…" must not recurse.
    assert parse_inr_amount("6L " * 10_000) is None
    assert parse_inr_amount("1 lakh 20 thousand 5 hundred") is None  # two parts at most
