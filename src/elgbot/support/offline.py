"""The embedded default assistant: answers from the store facts by retrieval, no network.

The best matching topic (BM25 over its title, keywords and text) is quoted as it is; when
no topic matches well enough it says it does not know rather than guess.
"""

from __future__ import annotations

from collections.abc import Sequence

from elgbot.conversation.events import AnswerKind
from elgbot.conversation.session import ChatLine
from elgbot.support.assistant import Answer
from elgbot.support.bm25 import Bm25, terms
from elgbot.support.facts import StoreFacts, Topic

# Below this, the best topic shares only common words with the question: not an answer.
MIN_SCORE = 1.5
_UNKNOWN = Answer(AnswerKind.UNKNOWN)


class FaqAssistant:
    def __init__(self, facts: StoreFacts, min_score: float = MIN_SCORE) -> None:
        self._topics = facts.topics
        self._index = Bm25([_document(t) for t in facts.topics])
        self._min_score = min_score

    async def answer(self, history: Sequence[ChatLine], question: str) -> Answer:
        topic = self.best_topic(question)
        return Answer(AnswerKind.ANSWERED, topic.body) if topic else _UNKNOWN

    def best_topic(self, question: str) -> Topic | None:
        query = terms(question)
        if not query or not self._topics:
            return None
        scores = self._index.scores(query)
        best = max(range(len(scores)), key=scores.__getitem__)
        return self._topics[best] if scores[best] >= self._min_score else None


def _document(topic: Topic) -> list[str]:
    # Title and keywords say what a topic is about: they count twice.
    return terms(f"{topic.title} {topic.keywords}") * 2 + terms(topic.body)
