"""Without a Gemini key, questions are answered from the store facts by retrieval."""

from __future__ import annotations

import pytest

from elgbot.conversation.events import AnswerKind
from elgbot.support.bm25 import terms
from elgbot.support.facts import load_facts, parse_facts
from elgbot.support.offline import FaqAssistant

FAQ = FaqAssistant(load_facts())


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Do your diamonds come with a certificate?", "Certificates"),
        ("is it IGI certified", "Certificates"),
        ("when are you open?", "Hours"),
        ("what are your timings", "Hours"),
        ("can I return a ring?", "Returns and exchanges"),
        ("Are lab diamonds real or fake?", "Are laboratory-grown diamonds real?"),
        ("do you ship to Pune?", "Shipping"),
        ("how much is a 1 carat diamond", "Prices and availability"),
        ("how much does a ring cost", "Prices and availability"),
        ("how much does shipping cost?", "Shipping"),
        ("when will it be shipped", "Shipping"),
        ("are shipping charges extra", "Shipping"),
        ("are your diamonds fake?", "Are laboratory-grown diamonds real?"),
        ("COD available?", "Payment"),
        ("do you have EMI?", "Payment"),
        ("where is your store?", "Other ways to reach us"),
        ("where is my order", "Orders and tracking"),
        ("how to clean my ring", "Caring for your jewellery"),
        ("ring resize free hai?", "Repairs and resizing"),
        ("how to measure ring size", "Ring sizes"),
        ("lab vs natural?", "Are laboratory-grown diamonds real?"),
        ("how is lab diamond made", "Are laboratory-grown diamonds real?"),
        ("my ring stone fell out", "Repairs and resizing"),
        ("I want to return my earrings", "Returns and exchanges"),
        ("received wrong ring", "Returns and exchanges"),
        ("ring is too small, want to exchange", "Returns and exchanges"),
        ("the pendant I got is broken", "Repairs and resizing"),
        ("how to clean my diamond ring", "Caring for your jewellery"),
        ("will it pass diamond tester", "Are laboratory-grown diamonds real?"),
        ("video call pe diamond dikha sakte ho?", "Other ways to reach us"),
        ("is shipping free", "Shipping"),
        ("where are you", "Other ways to reach us"),
        ("Where are you?", "Other ways to reach us"),
        ("who are you", "About ELG"),
        ("who are you guys?", "About ELG"),
        ("customer care number", "Other ways to reach us"),
        ("customer care no?", "Other ways to reach us"),
        ("helpline", "Other ways to reach us"),
        ("how do I take care of my ring", "Caring for your jewellery"),
        ("ring care tips", "Caring for your jewellery"),
        ("is D better than E?", "Diamond grades"),
        ("what is the difference between ideal and excellent", "Diamond grades"),
        ("does oval look bigger", "Diamond grades"),
        ("what does VS1 mean", "Diamond grades"),
    ],
)
async def test_a_question_gets_the_best_matching_topic_as_it_is_written(
    question: str, topic: str
) -> None:
    answer = await FAQ.answer((), question)
    assert answer.kind is AnswerKind.ANSWERED
    expected = load_facts().topic(topic)
    assert expected is not None
    assert answer.text == expected.body


@pytest.mark.parametrize(
    "question", ["what is the weather in Paris?", "tell me a joke", "capital of France?", "?"]
)
async def test_it_says_it_does_not_know_rather_than_guess(question: str) -> None:
    assert (await FAQ.answer((), question)).kind is AnswerKind.UNKNOWN


async def test_a_keyword_phrase_of_stopwords_only_is_found_whole_and_only_whole() -> None:
    faq = FaqAssistant(
        parse_facts(
            "## Hours\nKeywords: when\nDaily, 10 to 7.\n\n"
            "## Us\nKeywords: who are you, what do you do\nA diamond store.\n"
        ),
        min_score=0.1,  # two topics: no term is rare enough for the packaged threshold
    )
    assert (await faq.answer((), "When?")).text == "Daily, 10 to 7."
    assert (await faq.answer((), "Who are you?")).text == "A diamond store."
    assert (await faq.answer((), "what do you do")).text == "A diamond store."
    assert (await faq.answer((), "who are they, you ask?")).kind is AnswerKind.UNKNOWN


@pytest.mark.parametrize(
    ("words", "stem"),
    [("ship shipping shipped ships", "ship"), ("call calling called calls", "call")],
)
def test_forms_of_a_word_share_one_term(words: str, stem: str) -> None:
    assert set(terms(words)) == {stem}


def test_a_doubled_s_is_kept() -> None:
    assert terms("dress") == ["dress"]


async def test_asked_whether_they_are_fake_the_answer_does_not_begin_with_yes() -> None:
    answer = await FAQ.answer((), "are your diamonds fake?")
    assert not answer.text.lower().startswith("yes")
    assert answer.text.startswith("Laboratory-grown diamonds are real diamonds.")
