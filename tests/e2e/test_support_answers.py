"""Talk to Support on the embedded default (no Gemini key): answers from the store facts,
over signed webhook requests on both deployments."""

from __future__ import annotations

from elgbot.bootstrap import Runtime
from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.stone import Stone
from elgbot.support.facts import load_facts
from whatsapp_chat import Chat, messages

FACTS = load_facts()


def facts_about(title: str) -> str:
    topic = FACTS.topic(title)
    assert topic is not None
    return topic.body


async def test_talk_to_support_offers_the_assistant_and_a_person(chat: Chat) -> None:
    await chat.say("Hi")
    [welcome] = messages(await chat.say("5"))
    assert welcome.startswith("Happy to help.")
    assert "*agent*" in welcome


async def test_a_question_at_support_is_answered_from_the_facts(
    chat: Chat, runtime: Runtime
) -> None:
    await chat.say("5")
    [reply] = messages(await chat.say("Do your diamonds come with a certificate?"))
    assert reply.startswith(facts_about("Certificates"))
    assert reply.endswith(runtime.service.conversation.copy.assistant_footer)


async def test_a_question_the_menu_cannot_read_is_answered_from_the_facts(chat: Chat) -> None:
    await chat.say("Hi")
    [reply] = messages(await chat.say("when are you open?"))
    assert reply.startswith(facts_about("Hours"))


async def test_a_spec_with_a_question_gets_the_stones_and_the_answer(
    chat: Chat, runtime: Runtime
) -> None:
    await runtime.stores.catalog.add(
        [Stone("SPECQ-1", Shape.ROUND, 1.0, Color.G, Clarity.VS1, Cut.IDEAL, 60_000)]
    )
    await chat.say("Hi")
    found, answer = messages(await chat.say("round 1ct G VS1 70k, is it IGI certified?"))
    assert "1. Round | 1ct | G | VS1 | Ideal | ₹60,000" in found
    assert answer.startswith(facts_about("Certificates"))
    [added] = messages(await chat.say("add to cart 1"))
    assert added.startswith("✅ Product 1 has been added")


async def test_a_question_in_common_words_only_finds_the_topic_listing_it(chat: Chat) -> None:
    await chat.say("5")
    [reply] = messages(await chat.say("where are you?"))
    assert reply.startswith(facts_about("Other ways to reach us"))


async def test_a_question_the_facts_do_not_answer_is_admitted_with_a_way_forward(
    chat: Chat, runtime: Runtime
) -> None:
    await chat.say("5")
    [reply] = messages(await chat.say("what is the weather in Paris?"))
    assert reply == runtime.service.conversation.copy.assistant_unknown


async def test_the_conversation_with_the_assistant_is_remembered_in_the_session(
    chat: Chat, runtime: Runtime
) -> None:
    await chat.say("5")
    await chat.say("do you ship to Pune?")
    session = await runtime.stores.sessions.load("+919812345678")
    assert session is not None
    assert session["history"] == [
        ["customer", "do you ship to Pune?"],
        ["assistant", facts_about("Shipping")],
    ]


async def test_asking_for_a_person_tells_the_customer_the_stores_hours(chat: Chat) -> None:
    await chat.say("Hi")
    [reply] = messages(await chat.say("agent"))
    assert reply.startswith("Thank you. A member of our team will reply")
    assert f"Our hours: {FACTS.hours}" in reply
