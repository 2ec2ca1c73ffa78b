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
from elgbot.support.courier import WINDOW_CLOSED, Courier
from elgbot.support.late import LateReplies
from elgbot.support.outbox import OutboxState, SqlOutbox
from elgbot.support.retry import WINDOW_SECONDS, RetryPolicy
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


class Clock:
    """Time as the outbox and courier see it, moved by the test."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class OutageSender(RecordingSender):
    """Twilio down: answers 503 to the next `outage` messages, then takes them."""

    def __init__(self, outage: int) -> None:
        super().__init__()
        self.outage = outage

    async def send(self, to: str, body: str) -> list[SendResult]:
        if self.outage <= 0:
            return await super().send(to, body)
        self.outage -= 1
        self.sent.append((to, body))
        return [SendResult(False, None, 503, "HTTP 503 20503: Service unavailable", 4, True)]


POLICY = RetryPolicy(first_seconds=10.0, longest_seconds=40.0)


def outage_courier(
    outbox: SqlOutbox, sender: RecordingSender, tasks: BackgroundTasks, clock: Clock
) -> Courier:
    return Courier(outbox, sender, tasks, owner="w1", lease_seconds=60, retry=POLICY, clock=clock)


async def test_a_reply_twilio_cannot_take_is_tried_again_later_and_holds_back_the_next(
    engine: AsyncEngine, tasks: BackgroundTasks
) -> None:
    clock = Clock()
    outbox, sender = SqlOutbox(engine, clock), OutageSender(outage=4)
    first = await outbox.add_ready(CUSTOMER, ADDRESS, "SM1", ["first"])
    second = await outbox.add_ready(CUSTOMER, ADDRESS, "SM2", ["second"])
    courier = outage_courier(outbox, sender, tasks, clock)

    for _ in range(4):
        await courier.drain(CUSTOMER)
        await courier.drain(CUSTOMER)  # too early: nothing is sent, nothing overtakes
        row = await outbox.get(first)
        assert row is not None
        assert row.state is OutboxState.READY
        clock.now += POLICY.longest_seconds
    await courier.drain(CUSTOMER)

    assert [body for _, body in sender.sent] == ["first"] * 5 + ["second"]
    rows = [await outbox.get(i) for i in (first, second)]
    assert [(r.state, r.tries) for r in rows if r is not None] == [
        (OutboxState.SENT, 4),
        (OutboxState.SENT, 0),
    ]


async def test_the_pause_between_tries_grows(engine: AsyncEngine, tasks: BackgroundTasks) -> None:
    clock = Clock()
    outbox, sender = SqlOutbox(engine, clock), OutageSender(outage=4)
    row_id = await outbox.add_ready(CUSTOMER, ADDRESS, "SM1", ["first"])
    courier = outage_courier(outbox, sender, tasks, clock)

    pauses = []
    for _ in range(4):
        await courier.drain(CUSTOMER)
        tried_at = clock.now
        while not await outbox.stale():  # step until the row is due again
            clock.now += 1.0
        pauses.append(clock.now - tried_at)
    assert pauses == [10.0, 20.0, 40.0, 40.0]
    await courier.drain(CUSTOMER)
    row = await outbox.get(row_id)
    assert row is not None
    assert row.state is OutboxState.SENT


async def test_parts_twilio_took_are_not_sent_again(
    engine: AsyncEngine, tasks: BackgroundTasks
) -> None:
    clock = Clock()
    outbox = SqlOutbox(engine, clock)
    long_reply = "\n".join(f"line {n} " + "x" * 90 for n in range(20))  # two messages
    await outbox.add_ready(CUSTOMER, ADDRESS, "SM1", [long_reply, "after"])

    class SecondPartFails(RecordingSender):
        async def send(self, to: str, body: str) -> list[SendResult]:
            if len(self.sent) == 1:  # the second message, on the first try
                self.sent.append((to, body))
                return [SendResult(False, None, None, "ConnectError", 4, True)]
            return await super().send(to, body)

    sender = SecondPartFails()
    courier = outage_courier(outbox, sender, tasks, clock)
    await courier.drain(CUSTOMER)
    clock.now += POLICY.first_seconds
    await courier.drain(CUSTOMER)

    bodies = [body for _, body in sender.sent]
    assert len(bodies) == 4  # part 1, part 2 (failed), part 2 again, "after"
    assert bodies[1] == bodies[2] != bodies[0]
    assert bodies[3] == "after"
    assert "\n".join(bodies[:2]) == long_reply


async def test_a_reply_still_failing_when_the_window_closes_fails_and_the_next_goes(
    engine: AsyncEngine, tasks: BackgroundTasks
) -> None:
    clock = Clock()
    outbox, sender = SqlOutbox(engine, clock), OutageSender(outage=1)
    first = await outbox.add_ready(CUSTOMER, ADDRESS, "SM1", ["first"])
    second = await outbox.add_ready(CUSTOMER, ADDRESS, "SM2", ["second"])
    clock.now += WINDOW_SECONDS - 30  # the customer wrote (the rows came) 24 h ago, nearly
    await outage_courier(outbox, sender, tasks, clock).drain(CUSTOMER)

    failed, sent = await outbox.get(first), await outbox.get(second)
    assert failed is not None
    assert sent is not None
    assert (failed.state, sent.state) == (OutboxState.FAILED, OutboxState.SENT)
    assert failed.results[-1]["error"] == WINDOW_CLOSED
    assert [body for _, body in sender.sent] == ["first", "second"]


async def test_a_refusal_is_final_at_once(engine: AsyncEngine, tasks: BackgroundTasks) -> None:
    clock = Clock()
    outbox, sender = SqlOutbox(engine, clock), RecordingSender(refused="first")
    first = await outbox.add_ready(CUSTOMER, ADDRESS, "SM1", ["first"])
    await outage_courier(outbox, sender, tasks, clock).drain(CUSTOMER)
    row = await outbox.get(first)
    assert row is not None
    assert (row.state, row.tries) == (OutboxState.FAILED, 0)


async def test_a_retry_survives_its_worker_and_another_worker_makes_it(
    engine: AsyncEngine, tasks: BackgroundTasks
) -> None:
    clock = Clock()
    outbox, sender = SqlOutbox(engine, clock), OutageSender(outage=1)
    first = await outbox.add_ready(CUSTOMER, ADDRESS, "SM1", ["first"])
    await outbox.add_ready(CUSTOMER, ADDRESS, "SM2", ["second"])
    dead_tasks = BackgroundTasks()
    await outage_courier(outbox, sender, dead_tasks, clock).drain(CUSTOMER)
    await dead_tasks.close()  # the first worker stops, its wake-up with it

    clock.now += POLICY.first_seconds
    courier = Courier(outbox, sender, tasks, owner="w2", lease_seconds=60, retry=POLICY)
    late = LateReplies(
        KnowingAssistant(),
        outbox,
        courier,
        tasks,
        budget_seconds=1.0,
        answer_seconds=10.0,
        owner="w2",
        can_send_later=True,
        clock=clock,
    )
    assert await late.recover(apply, handle) == 2  # both rows are due: kicked for each
    await tasks.settle()

    assert [body for _, body in sender.sent] == ["first", "first", "second"]
    row = await outbox.get(first)
    assert row is not None
    assert row.state is OutboxState.SENT
