"""What the model is sent: rules and facts as the system instruction, the conversation as
alternating turns that end with the customer's (masked) question."""

from __future__ import annotations

from elgbot.conversation.session import ChatLine, Speaker
from elgbot.support.facts import parse_facts
from elgbot.support.prompt import contents, system_instruction

FACTS = parse_facts("## Hours\nMonday to Saturday, 10:00 to 19:00 IST.")


def said(text: str) -> ChatLine:
    return ChatLine(Speaker.CUSTOMER, text)


def answered(text: str) -> ChatLine:
    return ChatLine(Speaker.ASSISTANT, text)


def test_the_system_instruction_is_the_rules_then_the_facts() -> None:
    instruction = system_instruction(FACTS)
    assert instruction.index("Answer only from the STORE FACTS") < instruction.index(
        "## Hours\nMonday to Saturday"
    )
    assert "Never state a price" in instruction


def test_the_question_follows_the_history_in_alternating_turns() -> None:
    history = (said("Do you ship?"), answered("Yes, insured across India."))
    assert contents(history, "And abroad?") == [
        ("user", "Do you ship?"),
        ("model", "Yes, insured across India."),
        ("user", "And abroad?"),
    ]


def test_the_turns_start_with_the_customer_and_never_end_with_the_model() -> None:
    history = (answered("Hello!"), said("hi"), said("hours?"))
    turns = contents(history, "and on Sunday?")
    assert turns == [("user", "hi\nhours?\nand on Sunday?")]


def test_identifiers_in_the_history_and_the_question_are_masked() -> None:
    history = (said("I am on 9812345678"), answered("Thank you."))
    turns = contents(history, "mail me at priya@example.com")
    assert turns[0] == ("user", "I am on [phone]")
    assert turns[-1] == ("user", "mail me at [email]")
