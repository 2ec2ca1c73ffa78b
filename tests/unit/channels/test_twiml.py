"""TwiML replies and splitting long text to Twilio's 1,600-character limit."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elgbot.channels.twiml import (
    EMPTY_TWIML,
    TWIML_MEDIA_TYPE,
    messages_twiml,
    split_for_whatsapp,
    utf16_length,
)

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


def messages_in(twiml: str) -> list[str]:
    root = ET.fromstring(twiml.encode("utf-8"))
    assert root.tag == "Response"
    assert all(child.tag == "Message" for child in root)
    return [child.text or "" for child in root]


def test_replies_become_messages_in_order() -> None:
    twiml = messages_twiml(["Hello Priya!", "*Round*, 1.20 ct, VS1 — ₹1,20,000 💎"])
    assert twiml.startswith(DECLARATION + "<Response><Message>")
    assert messages_in(twiml) == ["Hello Priya!", "*Round*, 1.20 ct, VS1 — ₹1,20,000 💎"]


def test_markup_characters_are_escaped() -> None:
    twiml = messages_twiml(['<b>Tom & "Jerry"</b>'])
    assert "&lt;b&gt;Tom &amp;" in twiml
    assert messages_in(twiml) == ['<b>Tom & "Jerry"</b>']


def test_no_replies_is_an_empty_response() -> None:
    assert messages_twiml([]) == EMPTY_TWIML == f"{DECLARATION}<Response/>"
    assert messages_in(EMPTY_TWIML) == []


def test_blank_replies_are_left_out() -> None:
    assert messages_twiml(["", "  \n "]) == EMPTY_TWIML


def test_characters_xml_cannot_carry_are_dropped() -> None:
    assert messages_in(messages_twiml(["a\x00b\x1bc\ufffe"])) == ["abc"]


def test_a_long_reply_becomes_several_messages() -> None:
    reply = "\n".join(f"{n}. Oval 1.{n:02d} ct, VVS2, F" for n in range(120))
    messages = messages_in(messages_twiml([reply, "Anything else?"]))
    assert len(messages) > 2
    assert all(len(m) <= 1600 for m in messages)
    assert "\n".join(messages) == reply + "\nAnything else?"


def test_the_media_type_is_one_twilio_accepts() -> None:
    assert TWIML_MEDIA_TYPE == "application/xml"


def test_emoji_count_as_two_units_and_the_rupee_sign_as_one() -> None:
    assert utf16_length("₹") == 1
    assert utf16_length("💍") == 2
    assert utf16_length("👩‍❤️‍👨") == 8


def test_short_text_is_one_part() -> None:
    assert split_for_whatsapp("Hello") == ["Hello"]
    assert split_for_whatsapp("₹" * 1600) == ["₹" * 1600]


def test_emoji_are_measured_conservatively() -> None:
    parts = split_for_whatsapp("💍" * 1000)
    assert parts == ["💍" * 800, "💍" * 200]


def test_lines_are_packed_and_cut_at_line_breaks() -> None:
    assert split_for_whatsapp("aa\nbb\ncc\ndd", limit=5) == ["aa\nbb", "cc\ndd"]


def test_a_long_line_is_cut_at_a_word_boundary() -> None:
    assert split_for_whatsapp("round oval pear heart", limit=11) == ["round oval", "pear heart"]


def test_a_word_longer_than_the_limit_is_cut_anywhere() -> None:
    assert split_for_whatsapp("abcdefghij kl", limit=4) == ["abcd", "efgh", "ij", "kl"]


def test_a_surrogate_pair_is_never_cut() -> None:
    assert split_for_whatsapp("a💍💍", limit=2) == ["a", "💍", "💍"]


def test_blank_text_has_no_parts() -> None:
    assert split_for_whatsapp("") == []
    assert split_for_whatsapp(" \n\n ") == []


def test_a_limit_that_cannot_hold_an_emoji_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        split_for_whatsapp("x", limit=1)


_texts = st.text(
    st.sampled_from(["a", "b", " ", "\n", "💍", "₹", "&", "<"]) | st.characters(), max_size=400
)


@given(_texts, st.integers(min_value=2, max_value=60))
def test_splitting_keeps_every_visible_character_in_order(text: str, limit: int) -> None:
    parts = split_for_whatsapp(text, limit)
    assert all(part and part == part.strip() for part in parts)
    assert all(utf16_length(part) <= limit for part in parts)
    assert "".join("".join(parts).split()) == "".join(text.split())


@given(st.lists(_texts, max_size=4))
def test_any_replies_give_well_formed_twiml(replies: list[str]) -> None:
    messages = messages_in(messages_twiml(replies))
    assert all(0 < utf16_length(m) <= 1600 for m in messages)
