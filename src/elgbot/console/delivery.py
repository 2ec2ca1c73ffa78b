"""What became of a message staff sent: the outbox row's state (waiting, sent, failed) and,
once Twilio calls back, the delivery status of its last part (delivered, read …)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.storage.schema import delivery_statuses, outbox


async def delivery_of(engine: AsyncEngine, outbox_ids: Iterable[int]) -> dict[int, str]:
    """A short status per outbox row, e.g. 'sent', 'delivered', 'failed: …', 'waiting'."""
    ids = sorted(set(outbox_ids))
    if not ids:
        return {}
    async with engine.connect() as conn:
        rows = (await conn.execute(select(outbox).where(outbox.c.id.in_(ids)))).all()
        last_sids = {row.id: _last_sid(row.result) for row in rows}
        sids = [sid for sid in last_sids.values() if sid]
        query = select(delivery_statuses).where(delivery_statuses.c.message_sid.in_(sids))
        callbacks = {r.message_sid: r for r in (await conn.execute(query)).all()} if sids else {}
    return {row.id: _status(row, callbacks.get(last_sids[row.id] or "")) for row in rows}


def _last_sid(result: str | None) -> str | None:
    parts = json.loads(result or "[]")
    return str(parts[-1].get("sid")) if parts and parts[-1].get("sid") else None


def _status(row: object, callback: object) -> str:
    if callback is not None:
        code = getattr(callback, "error_code", None)
        status = str(getattr(callback, "status", ""))
        return f"{status} (error {code})" if code else status
    state = str(getattr(row, "state", ""))
    if state == "failed":
        errors = [str(p.get("error")) for p in json.loads(getattr(row, "result", "") or "[]")]
        return f"failed: {'; '.join(e for e in errors if e != 'None')}".rstrip(": ")
    return "waiting" if state in ("ready", "awaiting", "answered") else state
