"""The outbox at work, with in-process twins of the assistant and the sender: replies go
out once and in order, across workers, and a dead worker's rows are finished by another."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.channels.twilio_rest import SendResult
from elgbot.conversation.events import AnswerKind, AssistantAnswered, Event
from elgbot.conversation.inbound import InboundMessage
from elgbot.conversation.session import ChatLine
from elgbot.storage.database import open_database
from elgbot.support.assistant import Answer
from elgbot.support.courier import Courier
from elgbot.support.late import LateReplies
from elgbot.support.outbox import OutboxState, SqlOutbox
from elgbot.support.tasks import BackgroundTasks

CUSTOMER, ADDRESS = "+919812345678", "whatsapp:+919812345678"


class KnowingAssistant:
    """Answers every question at once, and remembers what it was asked."""

    def __init__(self) -> None:
        self.questions: list[str] = []

    async def answer(self, history: Sequence[ChatLine], question: str) -> Answer:
        self.questions.append(question)
        return Answer(AnswerKind.ANSWERED, f"answer to {question}")


class RecordingSender:
    """Takes every message (after a pause, so workers overlap), refusing `refused` bodies."""

    def __init__(self, refused: str = "") -> None:
        self.sent: list[tuple[str, str]] = []
        self._refused = refused

    async def send(self, to: str, body: str) -> list[SendResult]:
        await asyncio.sleep(0.01)
        self.sent.append((to, body))
        if body == self._refused:
            return [SendResult(False, None, 400, "HTTP 400 21211: invalid 'To'", 1)]
        return [SendResult(True, f"SM{len(self.sent)}", 201, None, 1)]


async def handle(message: InboundMessage) -> tuple[str, ...]:
    """The service's part for a kept message, reduced to its result: the text echoed."""
    return (f"handled {message.text}",)


async def apply(customer: str, message: InboundMessage, event: Event) -> tuple[str, ...]:
    """The conversation's part, reduced to its result: the answer is the reply."""
    assert isinstance(event, AssistantAnswered)
    return (event.text,)


@pytest.fixture(params=["sqlite", "postgres"])
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}"
    else:
        url = request.getfixturevalue("fresh_postgres_url")
    engine = await open_database(url)
    yield engine
    await engine.dispose()


@pytest.fixture
async def tasks() -> AsyncIterator[BackgroundTasks]:
    running = BackgroundTasks()
    yield running
    await running.close()


def worker(
    outbox: SqlOutbox, sender: RecordingSender, tasks: BackgroundTasks, name: str
) -> tuple[Courier, LateReplies, KnowingAssistant]:
    courier = Courier(outbox, sender, tasks, owner=name, lease_seconds=60)
    assistant = KnowingAssistant()
    late = LateReplies(
        assistant,
        outbox,
        courier,
        tasks,
        budget_seconds=1.0,
        answer_seconds=10.0,
        owner=name,
        can_send_later=True,
    )
    return courier, late, assistant


async def test_two_workers_draining_one_customer_send_each_reply_once_in_order(
    engine: AsyncEngine, tasks: BackgroundTasks
) -> None:
    outbox, sender = SqlOutbox(engine), RecordingSender()
    for n in range(6):
        await outbox.add_ready(CUSTOMER, ADDRESS, f"SM{n}", [f"reply {n}"])
    one, _, _ = worker(outbox, sender, tasks, "worker-1")
    two, _, _ = worker(outbox, sender, tasks, "worker-2")

    await asyncio.gather(one.drain(CUSTOMER), two.drain(CUSTOMER), one.drain(CUSTOMER))
    await one.drain(CUSTOMER)  # whatever a worker left behind when it saw the other busy

    assert [body for _, body in sender.sent] == [f"reply {n}" for n in range(6)]
    assert await outbox.first_unfinished(CUSTOMER) is None


async def test_a_refused_reply_is_recorded_and_the_ones_after_it_still_go(
    engine: AsyncEngine, tasks: BackgroundTasks
) -> None:
    outbox, sender = SqlOutbox(engine), RecordingSender(refused="second")
    ids = [
        await outbox.add_ready(CUSTOMER, ADDRESS, f"SM{n}", [text])
        for n, text in enumerate(["first", "second", "third"])
    ]
    courier, _, _ = worker(outbox, sender, tasks, "worker-1")
    await courier.drain(CUSTOMER)
    states = [row.state for i in ids if (row := await outbox.get(i)) is not None]
    assert states == [OutboxState.SENT, OutboxState.FAILED, OutboxState.SENT]


async def test_an_answer_a_dead_worker_got_is_sent_without_asking_again(
    engine: AsyncEngine, tasks: BackgroundTasks
) -> None:
    outbox, sender = SqlOutbox(engine), RecordingSender()
    row_id = await outbox.add_awaiting(
        CUSTOMER, ADDRESS, "SM1", history=(), question="hours?", owner="dead", lease_seconds=0
    )
    await outbox.record_answer(row_id, Answer(AnswerKind.ANSWERED, "10 to 7"))
    _, late, assistant = worker(outbox, sender, tasks, "worker-2")

    assert await late.recover(apply, handle) == 1
    await tasks.settle()

    assert sender.sent == [(ADDRESS, "10 to 7")]
    assert assistant.questions == []


async def test_a_question_a_dead_worker_was_waiting_on_is_asked_again_and_answered(
    engine: AsyncEngine, tasks: BackgroundTasks
) -> None:
    outbox, sender = SqlOutbox(engine), RecordingSender()
    await outbox.add_awaiting(
        CUSTOMER, ADDRESS, "SM1", history=(), question="hours?", owner="dead", lease_seconds=0
    )
    await outbox.add_ready(CUSTOMER, ADDRESS, "SM2", ["Let's find your diamond."])
    _, late, assistant = worker(outbox, sender, tasks, "worker-2")

    await late.recover(apply, handle)
    await tasks.settle()

    assert assistant.questions == ["hours?"]
    assert [body for _, body in sender.sent] == ["answer to hours?", "Let's find your diamond."]


async def test_work_a_live_worker_holds_is_left_to_it(
    engine: AsyncEngine, tasks: BackgroundTasks
) -> None:
    outbox, sender = SqlOutbox(engine), RecordingSender()
    await outbox.add_awaiting(
        CUSTOMER, ADDRESS, "SM1", history=(), question="hours?", owner="alive", lease_seconds=60
    )
    _, late, assistant = worker(outbox, sender, tasks, "worker-2")
    assert await late.recover(apply, handle) == 0
    assert assistant.questions == []


async def test_a_message_a_dead_worker_kept_is_handled_and_answered_in_order(
    engine: AsyncEngine, tasks: BackgroundTasks
) -> None:
    outbox, sender = SqlOutbox(engine), RecordingSender()
    kept = InboundMessage("SM1", ADDRESS, "cart")
    await outbox.add_inbound(kept, CUSTOMER, owner="dead", lease_seconds=0)
    await outbox.add_ready(CUSTOMER, ADDRESS, "SM2", ["a later reply"])
    _, late, _ = worker(outbox, sender, tasks, "worker-2")

    assert await late.recover(apply, handle) == 2  # the kept message, the ready reply
    await tasks.settle()

    assert [body for _, body in sender.sent] == ["handled cart", "a later reply"]
