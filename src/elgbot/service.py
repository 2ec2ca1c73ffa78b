"""The one place where the conversation core meets I/O.

handle(message): take the customer's lock, claim the message id, load the session, step the
conversation, carry out its effects (feeding results back as events), save, mark done.
A repeated delivery returns the stored replies and changes nothing; a crash before `finish`
leaves the claim open, so a redelivery is handled rather than lost.
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass

from elgbot.catalog.matching import rank, search_window
from elgbot.catalog.store import SqlCatalog
from elgbot.commerce.cart import CartItem, ItemKind, SqlCarts
from elgbot.commerce.quotes import QuoteRequest, SqlQuotes
from elgbot.conversation.events import (
    AddOutcome,
    AddToCart,
    CartAdded,
    CartShown,
    CustomerSaid,
    DiamondsFound,
    Effect,
    Event,
    RecordQuote,
    SearchDiamonds,
    ShowCart,
    Turn,
)
from elgbot.conversation.inbound import InboundMessage
from elgbot.conversation.machine import Conversation
from elgbot.conversation.replies import stone_title
from elgbot.conversation.session import Session
from elgbot.logs import get_logger, mask_phone
from elgbot.storage.sessions import ClaimState, LockTimeout, SessionStore
from elgbot.understanding.diamond_spec import spec_to_json

_log = get_logger("service")
# A turn feeds effect results back into the conversation; this bounds a buggy loop.
_MAX_EFFECTS_PER_TURN = 10


def customer_of(sender: str) -> str:
    """The customer's phone number (E.164) from a channel address like 'whatsapp:+91…'."""
    return sender.removeprefix("whatsapp:")


@dataclass(frozen=True, slots=True)
class Stores:
    sessions: SessionStore
    catalog: SqlCatalog
    carts: SqlCarts
    quotes: SqlQuotes


class Service:
    def __init__(self, stores: Stores, conversation: Conversation) -> None:
        self.stores = stores
        self.conversation = conversation

    async def handle(self, message: InboundMessage) -> tuple[str, ...]:
        """The replies to one delivery of `message` (the same ones if it is repeated)."""
        customer = customer_of(message.sender)
        try:
            async with self.stores.sessions.lock(customer):
                return await self._handle_locked(customer, message)
        except LockTimeout:
            _log.warning(
                "busy: lock of %s not free for %s", mask_phone(customer), message.message_id
            )
            return (self.conversation.copy.busy,)

    async def _handle_locked(self, customer: str, message: InboundMessage) -> tuple[str, ...]:
        sessions = self.stores.sessions
        claim = await sessions.claim(message.message_id)
        if claim.state is ClaimState.DONE:
            _log.info("repeated delivery %s: answered from the record", message.message_id)
            return claim.replies
        session = Session.from_json(await sessions.load(customer))
        said = CustomerSaid(message.text, message.kind, message.media_count)
        session, replies = await self._complete(
            customer, message, self.conversation.step(session, said)
        )
        await sessions.save(customer, session.to_json())
        await sessions.finish(message.message_id, replies)
        return replies

    async def _complete(
        self, customer: str, message: InboundMessage, turn: Turn
    ) -> tuple[Session, tuple[str, ...]]:
        session, replies, effects = turn.session, list(turn.replies), deque(turn.effects)
        for _ in range(_MAX_EFFECTS_PER_TURN):
            if not effects:
                return session, tuple(replies)
            event = await self._execute(customer, message, effects.popleft())
            if event is not None:
                turn = self.conversation.step(session, event)
                session = turn.session
                replies.extend(turn.replies)
                effects.extend(turn.effects)
        raise RuntimeError(f"more than {_MAX_EFFECTS_PER_TURN} effects in one turn")

    async def _execute(
        self, customer: str, message: InboundMessage, effect: Effect
    ) -> Event | None:
        match effect:
            case SearchDiamonds(spec=spec):
                candidates = await self.stores.catalog.candidates(search_window(spec))
                return DiamondsFound(tuple(rank(spec, candidates)))
            case AddToCart():
                return await self._add_to_cart(customer, effect)
            case ShowCart():
                return CartShown(tuple(await self.stores.carts.items(customer)))
            case RecordQuote(spec=spec, request_text=text):
                spec_json = json.dumps(spec_to_json(spec), ensure_ascii=False)
                request = QuoteRequest(customer, text, spec_json, message.message_id)
                await self.stores.quotes.record(request)
                return None

    async def _add_to_cart(self, customer: str, effect: AddToCart) -> CartAdded:
        # The price comes from the catalog now, never from what the session remembers.
        stone = await self.stores.catalog.get(effect.item.stock_id)
        if stone is None:
            return CartAdded(effect.option, AddOutcome.UNAVAILABLE)
        item = CartItem(ItemKind.DIAMOND, stone.stock_id, stone_title(stone), stone.price_inr)
        added = await self.stores.carts.add(customer, item)
        return CartAdded(effect.option, AddOutcome.ADDED if added else AddOutcome.ALREADY_IN_CART)
