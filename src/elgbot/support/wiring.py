"""Opening the support features from settings (for bootstrap, the composition root).

Picks the real assistant (Gemini when GEMINI_API_KEY is set, else the offline FAQ answers)
and the real sender (Twilio's REST API when its settings are complete, else one that
records that nothing could be sent), and closes all of it on exit: background work is
cancelled and this worker's leases are given up, so the next start finishes that work.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager, closing
from dataclasses import dataclass

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from elgbot.channels.twilio_rest import TwilioRestSender, status_callback_url
from elgbot.conversation.copy import Copy
from elgbot.logs import get_logger
from elgbot.settings import Settings
from elgbot.storage.database import sqlite_file
from elgbot.storage.inline_sqlite import InlineSqlite
from elgbot.support.assistant import Assistant, GuardedAssistant
from elgbot.support.courier import Courier, ReplySender, UnconfiguredSender
from elgbot.support.facts import StoreFacts, load_facts
from elgbot.support.gemini import GeminiAssistant, open_gemini_client
from elgbot.support.handoffs import SqlHandoffs
from elgbot.support.late import Apply, LateReplies
from elgbot.support.offline import FaqAssistant
from elgbot.support.outbox import SqlOutbox
from elgbot.support.retry import RetryPolicy
from elgbot.support.staff import StaffDesk, reply_delivered
from elgbot.support.tasks import BackgroundTasks

# Twilio's REST API: the whole send of one reply, retries included.
SEND_DEADLINE_SECONDS = 30.0
_SEND_LEASE_SECONDS = SEND_DEADLINE_SECONDS * 4  # a reply of several messages, each bounded
# Within one send, the pause before Twilio is asked again (doubling): rides out a blip.
# A longer outage is the courier's: the row is tried again later (ELG_SEND_RETRY_*).
SEND_PAUSE_SECONDS = 0.5
# The longest a model may take when its answer must be in the webhook's response: Twilio
# waits 15 s, and the turn needs time around the answer.
WEBHOOK_ANSWER_SECONDS = 12.0
_log = get_logger("support")


@dataclass(frozen=True, slots=True)
class Support:
    facts: StoreFacts
    assistant: Assistant
    outbox: SqlOutbox
    handoffs: SqlHandoffs
    courier: Courier
    late: LateReplies
    tasks: BackgroundTasks
    handoff_timeout_seconds: float
    # What the REST sender still needs (env names): while any is missing, nothing sent
    # later (slow answers, staff replies) can be delivered.
    rest_missing: tuple[str, ...] = ()

    def staff_desk(self, copy: Copy, apply: Apply) -> StaffDesk:
        return StaffDesk(
            self.handoffs,
            self.outbox,
            self.courier,
            copy,
            apply,
            timeout_seconds=self.handoff_timeout_seconds,
        )


@asynccontextmanager
async def open_support(settings: Settings, engine: AsyncEngine) -> AsyncIterator[Support]:
    facts = load_facts(settings.store_facts)
    owner = secrets.token_hex(8)  # this worker, in outbox leases
    async with AsyncExitStack() as stack:
        sender = await _sender(settings, stack)
        can_send_later = not isinstance(sender, UnconfiguredSender)
        answer_seconds = model_seconds(settings, can_send_later)
        assistant = GuardedAssistant(
            await _assistant(settings, facts, stack, answer_seconds), facts
        )
        tasks, outbox = BackgroundTasks(), SqlOutbox(engine, inline=_inline(engine, stack))
        handoffs = SqlHandoffs(engine)
        courier = Courier(
            outbox,
            sender,
            tasks,
            owner=owner,
            lease_seconds=_SEND_LEASE_SECONDS,
            on_delivered=reply_delivered(handoffs),
            retry=RetryPolicy(settings.send_retry_seconds, settings.send_retry_max_seconds),
        )
        late = LateReplies(
            assistant,
            outbox,
            courier,
            tasks,
            budget_seconds=settings.assistant_budget_seconds,
            answer_seconds=answer_seconds,
            owner=owner,
            can_send_later=can_send_later,
        )
        timeout, missing = settings.handoff_timeout_minutes * 60, missing_rest_settings(settings)
        try:
            yield Support(
                facts, assistant, outbox, handoffs, courier, late, tasks, timeout, missing
            )
        finally:
            await tasks.close()
            await outbox.release(owner)


def _inline(engine: AsyncEngine, stack: AsyncExitStack) -> InlineSqlite | None:
    path = sqlite_file(engine.url)
    return None if path is None else stack.enter_context(closing(InlineSqlite(path)))


def model_seconds(settings: Settings, can_send_later: bool) -> float:
    """How long the model may take. Without REST settings the answer must come in the
    webhook's own response, and Twilio gives up on a webhook after 15 s."""
    if can_send_later:
        return settings.gemini_timeout_seconds
    return min(settings.gemini_timeout_seconds, WEBHOOK_ANSWER_SECONDS)


async def _assistant(
    settings: Settings, facts: StoreFacts, stack: AsyncExitStack, answer_seconds: float
) -> Assistant:
    if not settings.gemini_api_key:
        _log.info("GEMINI_API_KEY is not set: support questions are answered from the facts")
        return FaqAssistant(facts)
    client = await stack.enter_async_context(
        open_gemini_client(
            settings.gemini_api_key,
            base_url=settings.gemini_base_url,
            timeout_seconds=answer_seconds,
        )
    )
    _log.info("support questions go to Gemini (%s)", settings.gemini_model)
    return GeminiAssistant(
        client,
        model=settings.gemini_model,
        facts=facts,
        timeout_seconds=answer_seconds,
    )


def missing_rest_settings(settings: Settings) -> tuple[str, ...]:
    """The environment variables sending through Twilio's REST API still needs."""
    needed = {
        "TWILIO_ACCOUNT_SID": settings.twilio_account_sid,
        "TWILIO_AUTH_TOKEN": settings.twilio_auth_token,
        "TWILIO_WHATSAPP_FROM": settings.twilio_whatsapp_from,
    }
    return tuple(name for name, value in needed.items() if not value)


async def _sender(settings: Settings, stack: AsyncExitStack) -> ReplySender:
    sid, token, from_address = (
        settings.twilio_account_sid,
        settings.twilio_auth_token,
        settings.twilio_whatsapp_from,
    )
    if not (sid and token and from_address):
        _log.info("Twilio REST settings incomplete: slow answers wait for the webhook instead")
        return UnconfiguredSender()
    client = await stack.enter_async_context(httpx.AsyncClient(timeout=10.0))
    return TwilioRestSender(
        api_url=settings.twilio_api_url,
        account_sid=sid,
        auth_token=token,
        from_address=from_address,
        client=client,
        deadline_seconds=SEND_DEADLINE_SECONDS,
        backoff_seconds=SEND_PAUSE_SECONDS,
        status_callback=status_callback_url(settings.public_url),
    )
