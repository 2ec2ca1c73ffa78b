"""The assistant port: a question (with the recent conversation) in, an answer out.

Implementations: `GeminiAssistant` (the model, grounded in the store facts) and
`FaqAssistant` (offline retrieval over the facts, the embedded default). `GuardedAssistant`
wraps either: it checks what the answer claims and trims it, and turns any exception into
a failed answer, so the conversation only ever sees an `Answer`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from elgbot.conversation.events import AnswerKind
from elgbot.conversation.session import ChatLine
from elgbot.logs import get_logger
from elgbot.support.facts import StoreFacts
from elgbot.support.guard import trim_reply, unsupported_claim

_log = get_logger("support.assistant")


@dataclass(frozen=True, slots=True)
class Answer:
    kind: AnswerKind
    text: str = ""  # only for ANSWERED


FAILED = Answer(AnswerKind.FAILED)


class Assistant(Protocol):
    async def answer(self, history: Sequence[ChatLine], question: str) -> Answer:
        """An answer; never raises for a failure of the service behind it."""
        ...


class GuardedAssistant:
    def __init__(self, inner: Assistant, facts: StoreFacts) -> None:
        self._inner = inner
        self._facts_text = facts.text

    async def answer(self, history: Sequence[ChatLine], question: str) -> Answer:
        try:
            answer = await self._inner.answer(history, question)
        except Exception:
            _log.exception("assistant failed; the customer gets the fallback")
            return FAILED
        if answer.kind is not AnswerKind.ANSWERED:
            return answer
        if reason := unsupported_claim(answer.text, self._facts_text):
            _log.warning("assistant answer replaced: it stated %s not in the facts", reason)
            return Answer(AnswerKind.UNSAFE)
        return Answer(AnswerKind.ANSWERED, trim_reply(answer.text))
