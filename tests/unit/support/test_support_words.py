"""Reading support requests: a person, back to the bot, and what is worth a question."""

from __future__ import annotations

import pytest

from elgbot.understanding.support_words import asks_for_person, back_to_bot, reads_as_question


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
    ],
)
def test_other_messages_are_not_a_request_for_a_person(text: str) -> None:
    assert not asks_for_person(text)


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
