"""Reading support requests: a person, back to the bot, and what is worth a question."""

from __future__ import annotations

import pytest

from elgbot.understanding.support_words import (
    asks_for_person,
    asks_if_a_bot,
    back_to_bot,
    reads_as_question,
)


@pytest.mark.parametrize(
    "text",
    [
        "agent",
        "Agent please",
        "human",
        "person",
        "talk to someone",
        "Can I speak to a real person?",
        "please call me",
        "I want to talk with your team member about a custom ring",
        "connect me to an executive",
        "can I speak to a manager",
        "connect me with sales team",
        "talk to sales",
        "put me through to a supervisor",
        "please connect me to customer care",
        "speak to the owner",
        "is there someone I can talk to?",
        "I need a representative",
        "I want a real person",
        "get me a manager",
        "executive please",
        "manager",
        "sales team",
        "human please",
        "can someone call me",
        "could somebody call me back tomorrow",
        "can you call me",
        "call me",
        "hi, call me",
        "Call me back please",
        "I want to buy a ring please call me",
        "I'd like a call back",
        "request a callback",
        "need a call",
        "mujhe kisi se baat karni hai",
        "insaan se baat karao",
        "koi insaan hai?",
        "can i talk to ur executive",
        "can I speak to yr manager",
        # a question about the bot or a "no" elsewhere in the message does not undo it
        "talk to a person, is this a bot?",
        "can i talk to a human or is this a bot",
        "are you a bot? i want a human",
        "no, I want to talk to a person",
        "I don't want the bot, connect me to an agent",
    ],
)
def test_a_request_for_a_person_is_recognised(text: str) -> None:
    assert asks_for_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000",
        "is a lab diamond a good gift for a person who loves jewellery?",
        "menu",
        "what are your hours?",
        # declined
        "no need to call me, just send details",
        "don't call me",
        "please do not call me",
        "never call me",
        "no calls please",
        "no need for a call back",
        "don't need a callback",
        "dont want to talk to anyone",
        "I don't want to speak to a person, just send the price",
        "I do not need anyone to call me",
        "no agent",
        # someone else calls, or the customer will
        "my husband will call me later about it",
        "he can call me tomorrow",
        "my sister will call back",
        "I will call back later",
        "I'll give you a call back",
        "let me call you back",
        "I'll ask my husband to call you",
        # a question about the chat itself
        "is this a real person or a bot?",
        "are you a human?",
        "are you a real person",
        "am I chatting with a bot?",
        "am i talking to a real person?",
        "is it a human",
        "is this automated or a real person",
        # person words about something else
        "I want a staff discount",
        "I want a ring for someone special",
    ],
)
def test_other_messages_are_not_a_request_for_a_person(text: str) -> None:
    assert not asks_for_person(text)


@pytest.mark.parametrize(
    ("text", "about_the_bot"),
    [
        ("is this a real person or a bot?", True),
        ("is this a bot?", True),
        ("are you a human?", True),
        ("am I chatting with a bot?", True),
        ("r u a bot", True),
        ("is this automated or a real person", True),
        # about the diamond, or the store, not the chat
        ("is it real diamond?", False),
        ("is this ring real gold", False),
        ("is it a natural diamond or lab made by a machine?", False),
        ("is there a showroom in delhi", False),
        ("are you open today", False),
    ],
)
def test_a_question_whether_this_is_a_bot_is_recognised(text: str, about_the_bot: bool) -> None:
    assert asks_if_a_bot(text) is about_the_bot


@pytest.mark.parametrize("text", ["menu", "Menu!", "bot", "back to the bot", "main menu"])
def test_menu_or_bot_means_back_to_the_bot(text: str) -> None:
    assert back_to_bot(text)


@pytest.mark.parametrize("text", ["hi", "hello?", "thanks", "I will wait"])
def test_other_words_do_not_end_a_handoff(text: str) -> None:
    assert not back_to_bot(text)


@pytest.mark.parametrize(
    "text",
    ["what are your hours", "do you ship to Pune", "refund policy", "kya aap EMI dete ho", "IGI?"],
)
def test_a_question_reads_as_one(text: str) -> None:
    assert reads_as_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "qwpoeiruty zxmcnvb",
        "x" * 1600,
        "x?",
        "🙂🙂🙂",
        "'; DROP TABLE sessions; --",
        "<b>&amp;</b>",
    ],
)
def test_noise_does_not_read_as_a_question(text: str) -> None:
    assert not reads_as_question(text)
