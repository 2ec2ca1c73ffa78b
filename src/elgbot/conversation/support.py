"""The Talk to Support steps: questions for the assistant, and handing over to a person.

While a person has the conversation (`session.handoff`) the bot says nothing: every message
is stored for staff, until the customer types *menu* / *bot* or staff close it.
"""

from __future__ import annotations

from dataclasses import replace

from elgbot.conversation.copy import Copy
from elgbot.conversation.events import (
    AnswerKind,
    AskAssistant,
    AssistantAnswered,
    CloseHandoff,
    CustomerSaid,
    OpenHandoff,
    RecordHandoffMessage,
    Turn,
)
from elgbot.conversation.session import ChatLine, Session, Speaker, Step
from elgbot.understanding.support_words import (
    back_to_bot,
    is_plainly_a_question,
    reads_as_question,
)


def welcome(copy: Copy, session: Session) -> Turn:
    return Turn(session.at(Step.SUPPORT), (copy.support_welcome,))


def ask(session: Session, text: str) -> Turn:
    return Turn(session, effects=(AskAssistant(session.history, text),))


def on_question(copy: Copy, session: Session, text: str) -> Turn:
    """At the support step everything readable is a question for the assistant."""
    return ask(session, text)


def question_or(session: Session, text: str, reply: str) -> Turn:
    """Mid-search, a message the step cannot read: a plain question ("do you ship to
    Dubai?") goes to the assistant, with the search kept as it was; else `reply`."""
    if is_plainly_a_question(text):
        return ask(session, text)
    return Turn(session, (reply,))


def not_understood(copy: Copy, session: Session, text: str) -> Turn:
    """What the menus cannot read goes to the assistant, unless it is no question at all."""
    if reads_as_question(text):
        return ask(session, text)
    return Turn(session, (copy.not_understood,))


def answered(copy: Copy, session: Session, event: AssistantAnswered) -> Turn:
    if event.kind is not AnswerKind.ANSWERED:
        return Turn(session, (_apology(copy, event.kind),))
    remembered = session.remembering(
        ChatLine(Speaker.CUSTOMER, event.question), ChatLine(Speaker.ASSISTANT, event.text)
    )
    return Turn(remembered, (f"{event.text}\n\n{copy.assistant_footer}",))


def open_handoff(copy: Copy, session: Session, said: CustomerSaid) -> Turn:
    handoff = OpenHandoff(session.history, said.text, session.spec_text, said.media)
    return Turn(replace(session, handoff=True), (copy.handoff_opened,), (handoff,))


def in_handoff(copy: Copy, session: Session, said: CustomerSaid) -> Turn:
    if back_to_bot(said.text):
        back = Session(history=session.history)
        return Turn(back, (copy.handoff_ended, copy.main_menu), (CloseHandoff(),))
    text = said.text.strip() or f"[{said.kind.value} message]"
    return Turn(session, effects=(RecordHandoffMessage(text, said.media),))


def closed_by_staff(copy: Copy, session: Session) -> Turn:
    return Turn(Session(history=session.history), (copy.handoff_closed,))


def _apology(copy: Copy, kind: AnswerKind) -> str:
    return {
        AnswerKind.UNKNOWN: copy.assistant_unknown,
        AnswerKind.DECLINED: copy.assistant_declined,
        AnswerKind.UNSAFE: copy.assistant_safe_answer,
        AnswerKind.EXPIRED: copy.assistant_ask_again,
    }.get(kind, copy.assistant_unavailable)
