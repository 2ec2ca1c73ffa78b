"""The embedded default assistant: answers from the store facts by retrieval, no network.

The best matching topic (BM25 over its title, keywords and text) is quoted as it is; when
no topic matches well enough it says it does not know rather than guess. A keyword phrase
made of stopwords only ("who are you", "when") is a term of its own: found whole in a
question, it counts although its words alone would not.
"""

from __future__ import annotations

from collections.abc import Sequence

from elgbot.conversation.events import AnswerKind
from elgbot.conversation.session import ChatLine
from elgbot.support.assistant import Answer
from elgbot.support.bm25 import Bm25, stems, terms
from elgbot.support.facts import StoreFacts, Topic

# Below this, the best topic shares only common words with the question: not an answer.
MIN_SCORE = 1.5
_UNKNOWN = Answer(AnswerKind.UNKNOWN)


class FaqAssistant:
    def __init__(self, facts: StoreFacts, min_score: float = MIN_SCORE) -> None:
        self._topics = facts.topics
        self._phrases = {phrase for topic in facts.topics for phrase in _phrases(topic)}
        self._index = Bm25([_document(t) for t in facts.topics])
        self._min_score = min_score

    async def answer(self, history: Sequence[ChatLine], question: str) -> Answer:
        topic = self.best_topic(question)
        return Answer(AnswerKind.ANSWERED, topic.body) if topic else _UNKNOWN

    def best_topic(self, question: str) -> Topic | None:
        query = terms(question) + _phrases_in(stems(question), self._phrases)
        if not query or not self._topics:
            return None
        scores = self._index.scores(query)
        best = max(range(len(scores)), key=scores.__getitem__)
        return self._topics[best] if scores[best] >= self._min_score else None


def _document(topic: Topic) -> list[str]:
    # Title and keywords say what a topic is about: they count twice.
    about = terms(f"{topic.title} {topic.keywords}") + [_term(p) for p in _phrases(topic)]
    return about * 2 + terms(topic.body)


def _phrases(topic: Topic) -> list[tuple[str, ...]]:
    """The topic's keyword phrases made of stopwords only, which plain terms would miss.
    (Phrases with other words are left to BM25: a term of their own for each would lengthen
    topics with many phrases, which BM25 then ranks lower.)"""
    listed = [keyword for keyword in topic.keywords.split(",") if keyword.strip()]
    return [stems(keyword) for keyword in listed if not terms(keyword)]


def _phrases_in(words: tuple[str, ...], phrases: set[tuple[str, ...]]) -> list[str]:
    return [_term(p) for p in phrases if _contains(words, p)]


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


def _term(phrase: tuple[str, ...]) -> str:
    return " ".join(phrase)  # a space: never equal to a single word's term
