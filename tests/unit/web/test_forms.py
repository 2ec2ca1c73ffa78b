"""The webhook's form parser reads a body exactly as the standard library would."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elgbot.web.forms import parse_form

# Characters that have a meaning in a form body, so the generated bodies hit every branch.
_FORM_TEXT = st.text(alphabet=st.sampled_from("ab=&+%20fFzZ ₹é\x00"), max_size=24)


@given(_FORM_TEXT)
def test_any_body_parses_as_parse_qsl_would(body: str) -> None:
    assert parse_form(body) == parse_qsl(body, keep_blank_values=True)


@given(st.lists(st.tuples(st.text(max_size=6), st.text(max_size=12)), max_size=5))
def test_encoded_pairs_come_back_in_order_with_repeats(pairs: list[tuple[str, str]]) -> None:
    assert parse_form(urlencode(pairs)) == pairs


@pytest.mark.parametrize(
    ("body", "pairs"),
    [
        ("Body=Round%2C+1.5ct&NumMedia=0", [("Body", "Round, 1.5ct"), ("NumMedia", "0")]),
        ("Body=&&Flag", [("Body", ""), ("Flag", "")]),
        ("Body=%E2%82%B9+1%2C00%2C000", [("Body", "₹ 1,00,000")]),
        ("Body=100%", [("Body", "100%")]),
        ("a=1=2", [("a", "1=2")]),
    ],
)
def test_twilio_style_bodies(body: str, pairs: list[tuple[str, str]]) -> None:
    assert parse_form(body) == pairs
