"""The outbox and the handoff store on both engines: embedded SQLite and a real PostgreSQL."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from contextlib import closing, nullcontext
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.bootstrap import open_runtime
from elgbot.channels.twilio_rest import SendResult
from elgbot.conversation.events import AnswerKind, OpenHandoff
from elgbot.conversation.inbound import InboundMessage, Media, MessageKind
from elgbot.conversation.session import ChatLine, Speaker
from elgbot.storage import schema
from elgbot.storage.database import open_database, sqlite_file
from elgbot.storage.deliveries import SqlDeliveries
from elgbot.storage.inline_sqlite import InlineSqlite
from elgbot.support.assistant import Answer
from elgbot.support.handoffs import Author, HandoffState, SqlHandoffs
from elgbot.support.outbox import OutboxState, SqlOutbox, inbound_message
from elgbot.web.app import prune_history
from whatsapp_chat import settings_for

CUSTOMER, ADDRESS = "+919812345678", "whatsapp:+919812345678"
HISTORY = (ChatLine(Speaker.CUSTOMER, "Do you ship?"), ChatLine(Speaker.ASSISTANT, "Yes."))
SENT = SendResult(True, "SM1", 201, None, 1)
REFUSED = SendResult(False, None, 400, "HTTP 400 63016: outside the 24 hour window", 1)


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


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
def clock() -> Clock:
    return Clock()


@pytest.fixture
def outbox(engine: AsyncEngine, clock: Clock) -> Iterator[SqlOutbox]:
    """As the app wires it: on SQLite, the per-message check runs on an inline connection."""
    path = sqlite_file(engine.url)
    with closing(InlineSqlite(path)) if path else nullcontext() as inline:
        yield SqlOutbox(engine, clock, inline=inline)


async def awaiting(outbox: SqlOutbox, owner: str = "worker-1") -> int:
    return await outbox.add_awaiting(
        CUSTOMER,
        ADDRESS,
        "SM1",
        history=HISTORY,
        question="And abroad?",
        owner=owner,
        lease_seconds=30,
    )


async def test_a_customers_rows_come_out_in_order_and_a_pending_answer_holds_back_the_rest(
    outbox: SqlOutbox,
) -> None:
    pending = await awaiting(outbox)
    later = await outbox.add_ready(CUSTOMER, ADDRESS, "SM2", ["Let's find your diamond."])
    first = await outbox.first_unfinished(CUSTOMER)
    assert first is not None
    assert (first.id, first.state) == (pending, OutboxState.AWAITING)
    assert (first.question, first.history) == ("And abroad?", HISTORY)

    await outbox.record_answer(pending, Answer(AnswerKind.ANSWERED, "Only within India."))
    await outbox.mark_ready(pending, ["Only within India."])
    assert await outbox.take(pending, OutboxState.READY, "worker-1", 30)
    await outbox.mark_sent(pending, [SENT])

    after = await outbox.first_unfinished(CUSTOMER)
    assert after is not None
    assert after.id == later
    assert not await outbox.is_replying("+919800000000")


async def test_a_customer_is_replying_rows_until_the_last_is_sent(outbox: SqlOutbox) -> None:
    assert not await outbox.is_replying(CUSTOMER)
    pending = await awaiting(outbox)
    assert await outbox.is_replying(CUSTOMER)
    await outbox.record_answer(pending, Answer(AnswerKind.ANSWERED, "Only within India."))
    assert await outbox.is_replying(CUSTOMER)
    await outbox.mark_ready(pending, ["Only within India."])
    assert await outbox.is_replying(CUSTOMER)
    assert not await outbox.is_replying("+919800000000")
    await outbox.mark_sent(pending, [REFUSED])  # failed is finished too: nothing to wait for
    assert not await outbox.is_replying(CUSTOMER)


async def test_a_kept_message_waits_in_its_row_once_and_is_no_reply_yet(
    outbox: SqlOutbox,
) -> None:
    photo = Media("https://api.twilio.com/2010-04-01/Media/ME1", "image/jpeg")
    message = InboundMessage("SM9", ADDRESS, "", MessageKind.MEDIA, 1, (photo,))
    row_id = await outbox.add_inbound(message, CUSTOMER, owner="worker-1", lease_seconds=60)
    assert row_id is not None
    assert await outbox.add_inbound(message, CUSTOMER, owner="worker-1", lease_seconds=60) is None
    assert not await outbox.is_replying(CUSTOMER)  # its turn comes after the current one
    row = await outbox.first_unfinished(CUSTOMER)
    assert row is not None
    assert (row.id, row.state) == (row_id, OutboxState.INBOUND)
    assert inbound_message(row) == message


async def test_an_answer_survives_in_the_row_until_the_conversation_takes_it(
    outbox: SqlOutbox,
) -> None:
    row_id = await awaiting(outbox)
    await outbox.record_answer(row_id, Answer(AnswerKind.UNSAFE))
    row = await outbox.get(row_id)
    assert row is not None
    assert row.state is OutboxState.ANSWERED
    assert row.answer == Answer(AnswerKind.UNSAFE)


async def test_only_one_worker_can_take_a_row_until_its_lease_runs_out(
    outbox: SqlOutbox, clock: Clock
) -> None:
    row_id = await outbox.add_ready(CUSTOMER, ADDRESS, "SM1", ["hello"])
    assert await outbox.take(row_id, OutboxState.READY, "worker-1", 30)
    assert not await outbox.take(row_id, OutboxState.READY, "worker-2", 30)
    clock.now += 31
    assert await outbox.take(row_id, OutboxState.READY, "worker-2", 30)


async def test_stale_rows_are_the_unfinished_ones_nobody_holds(
    outbox: SqlOutbox, clock: Clock
) -> None:
    held = await awaiting(outbox)
    free = await outbox.add_ready("+919800000001", "whatsapp:+919800000001", "SM2", ["hi"])
    done = await outbox.add_ready("+919800000002", "whatsapp:+919800000002", "SM3", ["hi"])
    await outbox.take(done, OutboxState.READY, "worker-1", 30)
    await outbox.mark_sent(done, [SENT])
    assert [r.id for r in await outbox.stale()] == [free]
    clock.now += 31
    assert [r.id for r in await outbox.stale()] == [held, free]


async def test_a_worker_that_shuts_down_gives_its_rows_back_at_once(outbox: SqlOutbox) -> None:
    row_id = await awaiting(outbox, owner="worker-1")
    await outbox.release("worker-1")
    assert [r.id for r in await outbox.stale()] == [row_id]
    assert await outbox.take(row_id, OutboxState.AWAITING, "worker-2", 30)


async def test_the_send_results_are_recorded_and_a_refused_part_marks_the_row_failed(
    outbox: SqlOutbox,
) -> None:
    row_id = await outbox.add_ready(CUSTOMER, ADDRESS, "SM1", ["one", "two"])
    await outbox.mark_sent(row_id, [SENT, REFUSED])
    row = await outbox.get(row_id)
    assert row is not None
    assert row.state is OutboxState.FAILED
    assert [r["sid"] for r in row.results] == ["SM1", None]
    assert row.results[1]["error"] == "HTTP 400 63016: outside the 24 hour window"


async def test_old_sent_rows_and_statuses_are_pruned_and_unsent_ones_kept(
    outbox: SqlOutbox, engine: AsyncEngine, clock: Clock
) -> None:
    sent = await outbox.add_ready(CUSTOMER, ADDRESS, "SM1", ["hi"])
    failed = await outbox.add_ready(CUSTOMER, ADDRESS, "SM2", ["hi"])
    await outbox.mark_sent(sent, [SENT])
    await outbox.mark_sent(failed, [REFUSED])
    unsent = await awaiting(outbox)
    deliveries = SqlDeliveries(engine)
    await deliveries.record("SM1", "delivered", None)
    clock.now += 100 * 86400
    recent = await outbox.add_ready(CUSTOMER, ADDRESS, "SM3", ["hi"])
    await outbox.mark_sent(recent, [SENT])
    cutoff = clock.now - 90 * 86400
    assert await outbox.prune(cutoff) == 2
    assert [await outbox.get(i) is not None for i in (unsent, recent)] == [True, True]
    assert await deliveries.prune(time.time() - 60) == 0  # recorded on the wall clock
    assert await deliveries.prune(time.time() + 60) == 1
    assert await deliveries.status("SM1") is None


# ---- handoffs -----------------------------------------------------------------------------


@pytest.fixture
def handoffs(engine: AsyncEngine, clock: Clock) -> SqlHandoffs:
    return SqlHandoffs(engine, clock)


REQUEST = OpenHandoff(HISTORY, "agent please", "round 1ct under 1 lakh")


async def test_a_handoff_keeps_the_conversation_before_it_and_every_message_after(
    handoffs: SqlHandoffs,
) -> None:
    handoff_id = await handoffs.open(CUSTOMER, ADDRESS, REQUEST, "SM1")
    assert await handoffs.record(CUSTOMER, ADDRESS, "it is for an engagement", "SM2") == handoff_id
    await handoffs.add_message(handoff_id, Author.STAFF, "Happy to help!", outbox_id=7)

    [handoff] = await handoffs.list_open()
    assert (handoff.id, handoff.customer, handoff.address) == (handoff_id, CUSTOMER, ADDRESS)
    assert handoff.transcript == (
        (Author.CUSTOMER, "Do you ship?"),
        (Author.BOT, "Yes."),
        (Author.CUSTOMER, "(diamond search) round 1ct under 1 lakh"),
    )
    assert [(m.author, m.text, m.outbox_id) for m in handoff.messages] == [
        (Author.CUSTOMER, "agent please", None),
        (Author.CUSTOMER, "it is for an engagement", None),
        (Author.STAFF, "Happy to help!", 7),
    ]


async def test_a_redelivered_message_is_stored_once(handoffs: SqlHandoffs) -> None:
    handoff_id = await handoffs.open(CUSTOMER, ADDRESS, REQUEST, "SM1")
    for _ in range(3):
        await handoffs.record(CUSTOMER, ADDRESS, "hello?", "SM2")
    handoff = await handoffs.get(handoff_id)
    assert handoff is not None
    assert [m.text for m in handoff.messages] == ["agent please", "hello?"]


async def test_a_customer_has_one_open_handoff_and_it_closes_once(handoffs: SqlHandoffs) -> None:
    first = await handoffs.open(CUSTOMER, ADDRESS, REQUEST, "SM1")
    assert await handoffs.open(CUSTOMER, ADDRESS, REQUEST, "SM2") == first
    closed = await handoffs.close_current(CUSTOMER, Author.CUSTOMER)
    assert closed is not None
    assert closed.id == first
    assert await handoffs.close(first, Author.STAFF) is None
    reopened = await handoffs.open(CUSTOMER, ADDRESS, REQUEST, "SM3")
    assert reopened != first
    handoff = await handoffs.get(first)
    assert handoff is not None
    assert (handoff.state, handoff.closed_by) == (HandoffState.CLOSED, Author.CUSTOMER)


async def test_unanswered_handoffs_are_the_old_open_ones_nobody_replied_to_or_reminded(
    handoffs: SqlHandoffs, clock: Clock
) -> None:
    waiting = await handoffs.open(CUSTOMER, ADDRESS, REQUEST, "SM1")
    answered = await handoffs.open("+919800000001", "whatsapp:+919800000001", REQUEST, "SM2")
    await handoffs.add_message(answered, Author.STAFF, "On it!", outbox_id=7)
    assert await handoffs.mark_reply_delivered(7)
    assert not await handoffs.mark_reply_delivered(8)  # no staff reply was sent by row 8
    clock.now += 60
    await handoffs.open("+919800000002", "whatsapp:+919800000002", REQUEST, "SM3")  # too new
    assert [h.id for h in await handoffs.unanswered(clock.now - 30)] == [waiting]
    assert await handoffs.claim_reminder(waiting)
    assert not await handoffs.claim_reminder(waiting)
    assert await handoffs.unanswered(clock.now - 30) == []


async def test_housekeeping_prunes_history_past_the_retention(tmp_path: Path) -> None:
    async with open_runtime(settings_for(tmp_path, history_retention_days=30)) as runtime:
        outbox = runtime.support.outbox
        old = await outbox.add_ready(CUSTOMER, ADDRESS, "SM1", ["hi"])
        young = await outbox.add_ready(CUSTOMER, ADDRESS, "SM2", ["hi"])
        for row_id in (old, young):
            await outbox.mark_sent(row_id, [SENT])
        async with runtime.engine.begin() as conn:
            past = time.time() - 31 * 86400
            await conn.execute(
                schema.outbox.update().where(schema.outbox.c.id == old).values(updated_at=past)
            )
        await prune_history(runtime)
        assert await outbox.get(old) is None
        assert await outbox.get(young) is not None
