"""The one place where the conversation core meets I/O.

handle(message): take the customer's lock, claim the message id, load the session, step the
conversation, carry out its effects (feeding results back as events), then save the session
and mark the message done in one atomic step (`finish`). A repeated delivery returns the
stored replies and changes nothing; a crash before `finish` leaves the claim open and the
session as it was, so a redelivery is handled, once, rather than lost. An assistant answer
slower than the webhook's budget, and the customer's replies queued behind it, are sent
later through the support outbox (support/late.py); `apply` feeds such late events in.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from elgbot.catalog.jewelry_store import SqlJewelry
from elgbot.catalog.listing import StockState
from elgbot.catalog.matching import MAX_OPTIONS, rank, search_window
from elgbot.catalog.melee_store import SqlMelee
from elgbot.catalog.stone import DiamondSpec
from elgbot.catalog.store import SqlCatalog
from elgbot.catalog.window import exact_at_any_price
from elgbot.commerce.cart import CartItem, ItemKind, SqlCarts
from elgbot.commerce.checkout import SqlCheckouts
from elgbot.commerce.orders import SqlOrders
from elgbot.commerce.quotes import QuoteRequest, SqlQuotes
from elgbot.console.funnel import NoFunnel, TurnObserver
from elgbot.conversation.events import (
    AddOutcome,
    AddToCart,
    AskAssistant,
    AssistantAnswered,
    CartAdded,
    CartShown,
    CheckedCartItem,
    CloseHandoff,
    CustomerSaid,
    DiamondsFound,
    Effect,
    Event,
    OpenHandoff,
    RecordHandoffMessage,
    RecordQuote,
    SearchDiamonds,
    ShowCart,
    Turn,
)
from elgbot.conversation.inbound import InboundMessage
from elgbot.conversation.machine import Conversation
from elgbot.conversation.menu_events import MeleeAdded
from elgbot.conversation.replies import stone_title
from elgbot.conversation.session import Session
from elgbot.logs import get_logger, mask_phone
from elgbot.shop import Shop
from elgbot.storage.sessions import ClaimState, LockTimeout, SessionStore
from elgbot.support.handoffs import Author
from elgbot.support.late import Pending
from elgbot.understanding.diamond_spec import spec_to_json

if TYPE_CHECKING:  # the composition root builds it; the service only uses it
    from elgbot.support.wiring import Support

_log = get_logger("service")
SupportEffect = AskAssistant | OpenHandoff | RecordHandoffMessage | CloseHandoff
# A turn feeds effect results back into the conversation; this bounds a buggy loop.
_MAX_EFFECTS_PER_TURN = 10
# Lock waits a deferred message makes before giving up (each LOCK_WAIT_SECONDS long).
_DEFERRED_LOCK_TRIES = 30


_CLAIM_KEY_CHARS = 128  # message_claims.message_id


def claim_key(customer: str, message_id: str) -> str:
    """A delivery's claim, per sender: a MessageSid replayed from another number is no
    repeat, and is never answered with this customer's stored replies. Hashed when too long
    for the claims column (ids are capped at 128 characters each, not together)."""
    key = f"{customer}/{message_id}"
    return key if len(key) <= _CLAIM_KEY_CHARS else hashlib.sha256(key.encode()).hexdigest()


def customer_of(sender: str) -> str:
    """The customer's phone number (E.164) from a channel address like 'whatsapp:+91…'."""
    return sender.removeprefix("whatsapp:")


@dataclass(frozen=True, slots=True)
class Stores:
    sessions: SessionStore
    catalog: SqlCatalog
    carts: SqlCarts
    quotes: SqlQuotes
    jewelry: SqlJewelry
    melee: SqlMelee
    orders: SqlOrders
    checkouts: SqlCheckouts


class Service:
    def __init__(self, stores: Stores, conversation: Conversation, support: Support) -> None:
        self.stores = stores
        self.conversation = conversation
        self.support = support
        self.funnel: TurnObserver = NoFunnel()  # the staff console's (bootstrap sets it)
        self.shop = Shop(
            stores.catalog,
            stores.jewelry,
            stores.melee,
            stores.orders,
            stores.carts,
            stores.checkouts,
            stores.quotes,
        )

    async def handle(
        self, message: InboundMessage, *, reply_later: bool = False
    ) -> tuple[str, ...]:
        """The replies to one delivery of `message` (the same ones if it is repeated).

        `reply_later`: the channel can take replies later (the REST API), so a slow answer
        need not hold the response: what misses the budget is sent through the outbox.
        """
        customer = customer_of(message.sender)
        try:
            async with self.stores.sessions.lock(customer):
                return await self._handle_locked(customer, message, reply_later)
        except LockTimeout:
            late = self.support.late
            if await late.defer(customer, message, reply_later, self.handle_deferred):
                _log.info("busy: %s kept to handle later", message.message_id)
                return ()  # the replies follow through the outbox, in order
            _log.warning(
                "busy: lock of %s not free for %s", mask_phone(customer), message.message_id
            )
            return (self.conversation.copy.busy,)

    async def handle_deferred(self, message: InboundMessage) -> tuple[str, ...]:
        """A message kept while its customer's lock was busy: handled when it frees, with
        no webhook waiting (so the assistant may take as long as it needs)."""
        customer = customer_of(message.sender)
        for _ in range(_DEFERRED_LOCK_TRIES):
            try:
                async with self.stores.sessions.lock(customer):
                    return await self._handle_locked(customer, message, reply_later=False)
            except LockTimeout:
                continue
        _log.warning("gave up waiting for the lock of %s", mask_phone(customer))
        return (self.conversation.copy.busy,)

    async def apply(self, customer: str, message: InboundMessage, event: Event) -> tuple[str, ...]:
        """Feed an event that comes outside a customer's turn (a late answer, staff closing a
        handoff) into their conversation; the replies, for the caller to send."""
        sessions = self.stores.sessions
        async with sessions.lock(customer):
            session = Session.from_json(await sessions.load(customer))
            turn = self.conversation.step(session, event)
            session, replies, _ = await self._complete(customer, message, turn, None)
            await sessions.save(customer, session.to_json())
        return replies

    async def _handle_locked(
        self, customer: str, message: InboundMessage, reply_later: bool
    ) -> tuple[str, ...]:
        sessions = self.stores.sessions
        key = claim_key(customer, message.message_id)
        claim = await sessions.claim(key)
        if claim.state is ClaimState.DONE:
            _log.info("repeated delivery %s: answered from the record", message.message_id)
            return claim.replies
        session = Session.from_json(await sessions.load(customer))
        said = CustomerSaid(message.text, message.kind, message.media_count, message.media)
        budget = self.support.late.budget(reply_later)
        session, replies, pending = await self._complete(
            customer, message, self.conversation.step(session, said), budget
        )
        if budget is not None:  # keep this customer's replies in order with later ones
            replies = await self.support.late.route(customer, message, replies, pending, self.apply)
        await sessions.finish(key, replies, customer, session.to_json())
        return replies

    async def _complete(
        self, customer: str, message: InboundMessage, turn: Turn, budget: float | None
    ) -> tuple[Session, tuple[str, ...], Pending | None]:
        session, replies, effects = turn.session, list(turn.replies), deque(turn.effects)
        pending, trail = None, list[tuple[object, object]]()
        for _ in range(_MAX_EFFECTS_PER_TURN):
            if not effects:
                await self.funnel.after_turn(customer, message, session.step, trail)
                return session, tuple(replies), pending
            effect = effects.popleft()
            event = await self._execute(customer, message, effect, budget)
            trail.append((effect, event))  # what the turn did, for the staff console's funnel
            if isinstance(event, Pending):  # the answer comes after the webhook's reply
                pending = event
            elif event is not None:
                turn = self.conversation.step(session, event)
                session = turn.session
                replies.extend(turn.replies)
                effects.extend(turn.effects)
        raise RuntimeError(f"more than {_MAX_EFFECTS_PER_TURN} effects in one turn")

    async def _execute(
        self, customer: str, message: InboundMessage, effect: Effect, budget: float | None
    ) -> Event | Pending | None:
        match effect:
            case SearchDiamonds(spec=spec, after=after):
                return await self._search_diamonds(spec, after)
            case AddToCart():
                return await self._add_to_cart(customer, effect)
            case ShowCart():
                return await self._cart_shown(customer)
            case RecordQuote(spec=spec, request_text=text, follow_up=follow_up):
                spec_json = json.dumps(spec_to_json(spec), ensure_ascii=False)
                request = QuoteRequest(customer, text, spec_json, message.message_id)
                await self.stores.quotes.record(request, follow_up=follow_up)
                return None
            case AskAssistant() | OpenHandoff() | RecordHandoffMessage() | CloseHandoff():
                return await self._support(customer, message, effect, budget)
            case _:  # jewellery, melee, orders, the cart's commands
                return await self.shop.run(customer, message.message_id, effect)

    async def _search_diamonds(self, spec: DiamondSpec, after: int) -> DiamondsFound:
        """Options after the first `after`; with none in budget, what the lowest price is."""
        limit, catalog = MAX_OPTIONS + after, self.stores.catalog
        candidates = await catalog.candidates(search_window(spec), limit)
        matches = tuple(rank(spec, candidates, limit))
        budget = spec.budget_max_inr
        if matches or after or budget is None:
            return DiamondsFound(matches, after)
        lowest = await catalog.lowest_price(exact_at_any_price(spec))
        return DiamondsFound((), lowest_price_inr=lowest if lowest and lowest > budget else None)

    async def _support(
        self, customer: str, message: InboundMessage, effect: SupportEffect, budget: float | None
    ) -> AssistantAnswered | Pending | None:
        handoffs = self.support.handoffs
        match effect:
            case AskAssistant(history=history, question=question):
                answer = await self.support.late.ask(history, question, budget)
                if isinstance(answer, Pending):
                    return answer
                return AssistantAnswered(question, answer.kind, answer.text)
            case OpenHandoff():
                await handoffs.open(customer, message.sender, effect, message.message_id)
            case RecordHandoffMessage(text=text, media=media):
                await handoffs.record(customer, message.sender, text, message.message_id, media)
            case CloseHandoff():
                await handoffs.close_current(customer, Author.CUSTOMER)
        return None

    async def _cart_shown(self, customer: str) -> CartShown:
        """The cart with each diamond's state in the catalog now (one query for all)."""
        items = await self.stores.carts.items(customer)
        diamonds = [item.item_id for item in items if item.kind is ItemKind.DIAMOND]
        states = await self.stores.catalog.states(diamonds)
        checked = await self.shop.checked([_checked(item, states) for item in items])
        return CartShown(tuple(checked))

    async def _add_to_cart(self, customer: str, effect: AddToCart) -> CartAdded | MeleeAdded:
        # The price comes from the catalog now, never from what the session remembers.
        if effect.item.kind is not ItemKind.DIAMOND:
            return await self.shop.add(customer, effect)
        stone = await self.stores.catalog.get(effect.item.stock_id)
        if stone is None:
            return CartAdded(effect.option, AddOutcome.UNAVAILABLE)
        item = CartItem(ItemKind.DIAMOND, stone.stock_id, stone_title(stone), stone.price_inr)
        added = await self.stores.carts.add(customer, item)
        return CartAdded(effect.option, AddOutcome.ADDED if added else AddOutcome.ALREADY_IN_CART)


def _checked(item: CartItem, states: Mapping[str, StockState]) -> CartItem:
    if item.kind is not ItemKind.DIAMOND:
        return item
    # A stone no longer in the catalog at all (a supplier's replace dropped it) is gone.
    now = states.get(item.item_id) or StockState(available=False, price_inr=item.price_inr)
    return CheckedCartItem.of(item, now)
