"""Handoffs to a person, with the conversation so far and every message after, for staff.

A customer has at most one open handoff: it is opened and written to within their turns,
which their lock serialises.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from elgbot.conversation.events import OpenHandoff
from elgbot.conversation.inbound import Media
from elgbot.conversation.session import Speaker
from elgbot.storage.database import KEEP_ROWCOUNT, upsert_insert
from elgbot.storage.schema import delivery_statuses, handoff_messages, handoffs, outbox

# What Twilio reports of a message it accepted but could not deliver (e.g. error 63016).
NOT_DELIVERED = ("failed", "undelivered")


class HandoffState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Author(StrEnum):
    CUSTOMER = "customer"
    BOT = "bot"
    STAFF = "staff"


@dataclass(frozen=True, slots=True)
class HandoffMessage:
    author: Author
    text: str
    created_at: float
    outbox_id: int | None = None  # for staff replies: the outbox row that sent it
    media: tuple[Media, ...] = ()  # the customer's attachments (photos …), as links


@dataclass(frozen=True, slots=True)
class Handoff:
    id: int
    customer: str
    address: str
    state: HandoffState
    transcript: tuple[tuple[Author, str], ...]  # what was said before the handoff
    opened_at: float
    closed_by: Author | None = None
    staff_replied_at: float | None = None
    messages: tuple[HandoffMessage, ...] = ()
    closed_at: float | None = None


def transcript_of(request: OpenHandoff) -> list[tuple[Author, str]]:
    """What staff read first: the assistant conversation and the customer's search."""
    authors = {Speaker.CUSTOMER: Author.CUSTOMER, Speaker.ASSISTANT: Author.BOT}
    lines = [(authors[line.speaker], line.text) for line in request.history]
    if request.spec_text:
        lines.append((Author.CUSTOMER, f"(diamond search) {request.spec_text}"))
    return lines


class SqlHandoffs:
    def __init__(self, engine: AsyncEngine, clock: Callable[[], float] = time.time) -> None:
        self._engine = engine
        self._clock = clock
        self._insert = upsert_insert(engine)

    async def open(self, customer: str, address: str, request: OpenHandoff, message_id: str) -> int:
        """Open a handoff (or keep the open one) and store the request as its first message."""
        handoff_id = await self._open_id(customer, address, transcript_of(request))
        await self.add_message(
            handoff_id, Author.CUSTOMER, request.request_text, message_id, media=request.media
        )
        return handoff_id

    async def record(
        self,
        customer: str,
        address: str,
        text: str,
        message_id: str,
        media: Sequence[Media] = (),
    ) -> int:
        """Store a customer's message in their open handoff (opened if it was lost)."""
        handoff_id = await self._open_id(customer, address, [])
        await self.add_message(handoff_id, Author.CUSTOMER, text, message_id, media=media)
        return handoff_id

    async def add_message(
        self,
        handoff_id: int,
        author: Author,
        text: str,
        message_id: str | None = None,
        outbox_id: int | None = None,
        media: Sequence[Media] = (),
        submission_key: str | None = None,
    ) -> bool:
        """Store a message; False when its message id or submission key was stored before."""
        statement = self._insert(handoff_messages).values(
            handoff_id=handoff_id,
            author=author,
            text=text,
            message_id=message_id,
            outbox_id=outbox_id,
            media=_dump_media(media),
            created_at=self._clock(),
            submission_key=submission_key,
        )
        async with self._engine.begin() as conn:
            # A redelivery, or a console form submitted twice: stored once.
            result = await conn.execute(
                statement.on_conflict_do_nothing(), execution_options=KEEP_ROWCOUNT
            )
        return bool(result.rowcount)

    async def submitted(self, submission_key: str) -> tuple[int, int | None] | None:
        """The (handoff id, outbox row) of the staff reply sent with this form key, if any."""
        query = select(handoff_messages.c.handoff_id, handoff_messages.c.outbox_id).where(
            handoff_messages.c.submission_key == submission_key
        )
        async with self._engine.connect() as conn:
            row = (await conn.execute(query)).first()
        return None if row is None else (int(row.handoff_id), row.outbox_id)

    async def set_outbox(self, submission_key: str, outbox_id: int) -> None:
        """Link the staff reply stored with `submission_key` to the outbox row sending it."""
        statement = (
            update(handoff_messages)
            .where(handoff_messages.c.submission_key == submission_key)
            .values(outbox_id=outbox_id)
        )
        async with self._engine.begin() as conn:
            await conn.execute(statement)

    async def close(self, handoff_id: int, by: Author) -> Handoff | None:
        """Close it; the handoff as it was, or None when it was not open."""
        handoff = await self.get(handoff_id)
        if handoff is None or handoff.state is not HandoffState.OPEN:
            return None
        values = {"state": HandoffState.CLOSED, "closed_at": self._clock(), "closed_by": by}
        changed = await self._update(handoff_id, values, handoffs.c.state == HandoffState.OPEN)
        return handoff if changed else None

    async def close_current(self, customer: str, by: Author) -> Handoff | None:
        handoff_id = await self._current_id(customer)
        return None if handoff_id is None else await self.close(handoff_id, by)

    async def get(self, handoff_id: int) -> Handoff | None:
        async with self._engine.connect() as conn:
            found = await self._read(conn, handoffs.c.id == handoff_id)
        return found[0] if found else None

    async def list_open(self) -> list[Handoff]:
        """Open handoffs, oldest first, each with its messages."""
        async with self._engine.connect() as conn:
            return await self._read(conn, handoffs.c.state == HandoffState.OPEN)

    async def list_closed(self, limit: int) -> list[Handoff]:
        """The `limit` most recently closed handoffs, newest first, with their messages."""
        query = (
            select(handoffs.c.id)
            .where(handoffs.c.state == HandoffState.CLOSED)
            .order_by(handoffs.c.closed_at.desc(), handoffs.c.id.desc())
            .limit(limit)
        )
        async with self._engine.connect() as conn:
            ids = list((await conn.execute(query)).scalars())
            found = await self._read(conn, handoffs.c.id.in_(ids)) if ids else []
        return sorted(found, key=lambda h: (h.closed_at or 0.0, h.id), reverse=True)

    async def unanswered(self, opened_before: float) -> list[Handoff]:
        """Open handoffs older than `opened_before` that no staff answered or reminded."""
        async with self._engine.connect() as conn:
            return await self._read(
                conn,
                handoffs.c.state == HandoffState.OPEN,
                handoffs.c.opened_at < opened_before,
                handoffs.c.staff_replied_at.is_(None),
                handoffs.c.reminded_at.is_(None),
            )

    async def mark_reply_delivered(self, outbox_id: int) -> bool:
        """Twilio accepted the staff reply sent by outbox row `outbox_id`: its handoff has
        been answered (a reply that failed has not). False when the row is no staff reply."""
        replied = select(handoff_messages.c.handoff_id).where(
            handoff_messages.c.outbox_id == outbox_id, handoff_messages.c.author == Author.STAFF
        )
        statement = (
            update(handoffs)
            .where(handoffs.c.id.in_(replied))
            .values(staff_replied_at=self._clock())
        )
        async with self._engine.begin() as conn:
            result = await conn.execute(statement, execution_options=KEEP_ROWCOUNT)
        return bool(result.rowcount)

    async def reply_not_delivered(self, message_sid: str) -> bool:
        """Twilio reported `message_sid` failed or undelivered after accepting it. If it was
        a staff reply, its handoff counts as unanswered again (so the customer gets the
        note), unless another staff reply of it was accepted and not reported failed.
        True when the handoff became unanswered."""
        async with self._engine.begin() as conn:
            found = (await conn.execute(_staff_reply_of(message_sid))).first()
            if found is None:
                return False
            handoff_id, row_id = found
            if await _another_reply_got_through(conn, handoff_id, row_id):
                return False
            statement = (
                update(handoffs)
                .where(handoffs.c.id == handoff_id, handoffs.c.staff_replied_at.is_not(None))
                .values(staff_replied_at=None)
            )
            result = await conn.execute(statement, execution_options=KEEP_ROWCOUNT)
        return bool(result.rowcount)

    async def claim_reminder(self, handoff_id: int) -> bool:
        """True for the one worker that is to send this handoff's reminder."""
        return await self._update(
            handoff_id, {"reminded_at": self._clock()}, handoffs.c.reminded_at.is_(None)
        )

    async def _open_id(
        self, customer: str, address: str, transcript: Sequence[tuple[Author, str]]
    ) -> int:
        if (current := await self._current_id(customer)) is not None:
            return current
        statement = insert(handoffs).values(
            customer=customer,
            address=address,
            state=HandoffState.OPEN,
            transcript=json.dumps([[a.value, t] for a, t in transcript], ensure_ascii=False),
            opened_at=self._clock(),
        )
        async with self._engine.begin() as conn:
            result = await conn.execute(statement)
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    async def _current_id(self, customer: str) -> int | None:
        query = select(handoffs.c.id).where(
            handoffs.c.customer == customer, handoffs.c.state == HandoffState.OPEN
        )
        async with self._engine.connect() as conn:
            found = (await conn.execute(query.order_by(handoffs.c.id).limit(1))).scalar()
        return None if found is None else int(found)

    async def _update(self, handoff_id: int, values: dict[str, Any], *conditions: Any) -> bool:
        statement = update(handoffs).where(handoffs.c.id == handoff_id, *conditions).values(values)
        async with self._engine.begin() as conn:
            result = await conn.execute(statement, execution_options=KEEP_ROWCOUNT)
        return bool(result.rowcount == 1)

    async def _read(self, conn: AsyncConnection, *conditions: Any) -> list[Handoff]:
        rows = (
            await conn.execute(select(handoffs).where(*conditions).order_by(handoffs.c.id))
        ).all()
        if not rows:
            return []
        messages = await self._messages(conn, [row.id for row in rows])
        return [_handoff(row, tuple(messages.get(row.id, []))) for row in rows]

    @staticmethod
    async def _messages(conn: AsyncConnection, ids: list[int]) -> dict[int, list[HandoffMessage]]:
        query = (
            select(handoff_messages)
            .where(handoff_messages.c.handoff_id.in_(ids))
            .order_by(handoff_messages.c.id)
        )
        by_handoff: dict[int, list[HandoffMessage]] = {}
        for row in (await conn.execute(query)).all():
            message = HandoffMessage(
                Author(row.author), row.text, row.created_at, row.outbox_id, _media(row.media)
            )
            by_handoff.setdefault(row.handoff_id, []).append(message)
        return by_handoff


def _staff_replies() -> Any:
    return handoff_messages.join(outbox, outbox.c.id == handoff_messages.c.outbox_id)


def _staff_reply_of(message_sid: str) -> Any:
    """(handoff id, outbox id) of the staff reply Twilio gave `message_sid`. The sids are
    only in the outbox row's results (JSON); this runs only for failure reports."""
    return (
        select(handoff_messages.c.handoff_id, outbox.c.id)
        .select_from(_staff_replies())
        .where(
            handoff_messages.c.author == Author.STAFF,
            outbox.c.result.contains(f'"{message_sid}"', autoescape=True),
        )
        .limit(1)
    )


async def _another_reply_got_through(conn: AsyncConnection, handoff_id: int, row_id: int) -> bool:
    """Whether another staff reply of the handoff was sent in full and none of its
    messages is reported failed or undelivered."""
    query = (
        select(outbox.c.result)
        .select_from(_staff_replies())
        .where(
            handoff_messages.c.handoff_id == handoff_id,
            handoff_messages.c.author == Author.STAFF,
            outbox.c.id != row_id,
            outbox.c.state == "sent",
        )
    )
    for (result,) in (await conn.execute(query)).all():
        sids = [str(part["sid"]) for part in json.loads(result or "[]") if part.get("sid")]
        failed = select(delivery_statuses.c.message_sid).where(
            delivery_statuses.c.message_sid.in_(sids),
            delivery_statuses.c.status.in_(NOT_DELIVERED),
        )
        if sids and (await conn.execute(failed.limit(1))).first() is None:
            return True
    return False


def _dump_media(media: Sequence[Media]) -> str | None:
    if not media:
        return None
    return json.dumps([[m.url, m.content_type] for m in media], ensure_ascii=False)


def _media(stored: str | None) -> tuple[Media, ...]:
    return tuple(Media(str(url), str(kind)) for url, kind in json.loads(stored or "[]"))


def _handoff(row: Row[Any], messages: tuple[HandoffMessage, ...]) -> Handoff:
    return Handoff(
        id=row.id,
        customer=row.customer,
        address=row.address,
        state=HandoffState(row.state),
        transcript=tuple((Author(a), str(t)) for a, t in json.loads(row.transcript)),
        opened_at=row.opened_at,
        closed_by=Author(row.closed_by) if row.closed_by else None,
        staff_replied_at=row.staff_replied_at,
        messages=messages,
        closed_at=row.closed_at,
    )
