"""Carrying out the effects of Lab Jewelry, Lab Melee, Track My Order and the cart's
commands, for the service (the one place where the core meets I/O).

Prices come from the stores now, never from what a session remembers; orders are looked up
by the sender's own number only (the privacy rule, see `commerce.orders`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from elgbot.catalog.jewelry import JewelryQuery, widenings
from elgbot.catalog.jewelry_store import SHOWN_PIECES, SqlJewelry
from elgbot.catalog.listing import StockState
from elgbot.catalog.melee import SHOWN_PARCELS, Parcel
from elgbot.catalog.melee_store import SqlMelee
from elgbot.catalog.stone import Stone
from elgbot.catalog.store import SqlCatalog
from elgbot.commerce.cart import CartItem, ItemKind, SqlCarts, named_by
from elgbot.commerce.checkout import SqlCheckouts
from elgbot.commerce.orders import SqlOrders
from elgbot.commerce.quotes import QuoteRequest, SqlQuotes
from elgbot.conversation.events import AddOutcome, AddToCart, CartAdded, CheckedCartItem
from elgbot.conversation.melee import parcel_title
from elgbot.conversation.menu_events import (
    CartCleared,
    CartItemRemoved,
    CheckoutStarted,
    ClearCart,
    ClosestPieces,
    DescribeStones,
    JewelryFound,
    ListOrders,
    LookUpOrder,
    MeleeAdded,
    MeleeFound,
    MenuEffect,
    MenuEvent,
    OrderLookedUp,
    OrdersListed,
    RecordDesignQuote,
    RecordMeleeQuote,
    RemoveFromCart,
    SearchJewelry,
    SearchMelee,
    StartCheckout,
    StonesDescribed,
)
from elgbot.conversation.menu_state import jewelry_to_dict, melee_to_dict


@dataclass(frozen=True, slots=True)
class Shop:
    catalog: SqlCatalog
    jewelry: SqlJewelry
    melee: SqlMelee
    orders: SqlOrders
    carts: SqlCarts
    checkouts: SqlCheckouts
    quotes: SqlQuotes

    async def run(self, customer: str, message_id: str, effect: MenuEffect) -> MenuEvent | None:
        match effect:
            case SearchJewelry(query=query, after=after):
                pieces = await self.jewelry.search(query, SHOWN_PIECES + after)
                if pieces or after:
                    return JewelryFound(tuple(pieces), after)
                lowest = await self.jewelry.lowest_price(query)
                return JewelryFound((), 0, lowest, await self._closest_pieces(query))
            case SearchMelee(query=query, after=after):
                parcels = await self.melee.search(query, SHOWN_PARCELS + after)
                if parcels or after or query.price_cap() is None:
                    return MeleeFound(tuple(parcels), after)
                return MeleeFound((), cheapest=await self.melee.cheapest(query))
            case ListOrders():
                return OrdersListed(tuple(await self.orders.recent_for(customer)))
            case DescribeStones(options=options, stock_ids=ids):
                found = await self.catalog.listings(ids)
                return StonesDescribed(options, tuple(found.get(i) for i in ids))
            case LookUpOrder(order_id=order_id):
                order = await self.orders.placed_by(customer, order_id)
                stone = None if order is not None else await self._stone_named(order_id)
                return OrderLookedUp(order_id, order, stone)
            case RemoveFromCart(item_id=str() as item_id, words=words):
                return await self._remove_shown(customer, item_id, words)
            case RemoveFromCart(position=int() as position):
                return CartItemRemoved(position, await self.carts.remove(customer, position))
            case RemoveFromCart(words=words):
                return await self._remove_named(customer, words)
            case ClearCart():
                await self.carts.clear(customer)
                return CartCleared()
            case StartCheckout():
                return await self._checkout(customer, message_id)
            case RecordDesignQuote(query=query, request_text=text, follow_up=follow_up):
                details = {"quote": "jewelry design", **jewelry_to_dict(query)}
                await self._quote(customer, message_id, text, details, follow_up=follow_up)
            case RecordMeleeQuote(query=query, request_text=text):
                details = {"quote": "melee", **melee_to_dict(query)}
                await self._quote(customer, message_id, text, details)
        return None

    async def add(self, customer: str, effect: AddToCart) -> CartAdded | MeleeAdded:
        """Jewellery and melee into the cart, at today's price and stock."""
        if effect.item.kind is ItemKind.MELEE:
            return await self._add_melee(customer, effect)
        piece = await self.jewelry.get(effect.item.stock_id)
        if piece is None:
            return CartAdded(effect.option, AddOutcome.UNAVAILABLE, ItemKind.JEWELRY)
        size = effect.item.ring_size if effect.item.made_to_size else piece.ring_size
        title = piece.title if size is None else f"{piece.title}, size {size:g}"
        item = CartItem(ItemKind.JEWELRY, piece.stock_id, title, piece.price_inr)
        added = await self.carts.add(customer, item)
        outcome = AddOutcome.ADDED if added else AddOutcome.ALREADY_IN_CART
        made_in = size if effect.item.made_to_size else None
        return CartAdded(effect.option, outcome, ItemKind.JEWELRY, made_in)

    async def checked(self, items: Sequence[CartItem]) -> list[CartItem]:
        """Jewellery and melee lines with their state now (diamonds pass through): a piece
        sold or repriced, a parcel sold out or repriced, is flagged when the cart is shown."""
        pieces = [i.item_id for i in items if i.kind is ItemKind.JEWELRY]
        parcels = [i.item_id for i in items if i.kind is ItemKind.MELEE]
        piece_states = await self.jewelry.states(pieces)
        in_stock = await self.melee.in_stock(parcels)
        return [_checked(item, piece_states, in_stock) for item in items]

    async def _add_melee(self, customer: str, effect: AddToCart) -> MeleeAdded:
        parcel = await self.melee.get(effect.item.stock_id)
        asked = effect.item.carats or 0.0
        if parcel is None or asked <= 0:
            return MeleeAdded(effect.option, 0.0, 0)
        carats = min(asked, parcel.carats_available)
        total = parcel.total_for(carats)
        line = CartItem(
            ItemKind.MELEE, parcel.stock_id, parcel_title(parcel, carats), total, carats
        )
        new = await self.carts.put(customer, line)
        short_by = round(asked - carats, 3)
        return MeleeAdded(effect.option, carats, total, short_by=short_by, replaced=not new)

    async def _stone_named(self, words: str) -> Stone | None:
        """The diamond on offer whose id this is, as typed or as ids are usually written
        ("elg 004068" for ELG-004068)."""
        upper = words.strip().upper()
        for stock_id in dict.fromkeys((words.strip(), upper, upper.replace(" ", "-"))):
            if (stone := await self.catalog.get(stock_id)) is not None:
                return stone
        return None

    async def _closest_pieces(self, query: JewelryQuery) -> ClosestPieces | None:
        """With nothing as asked: the pieces nearest it (one query per widening, only
        until one finds some)."""
        for wider, opened in widenings(query):
            if pieces := await self.jewelry.search(wider, SHOWN_PIECES):
                return ClosestPieces(opened, tuple(pieces))
        return None

    async def _remove_shown(
        self, customer: str, item_id: str, words: tuple[str, ...]
    ) -> CartItemRemoved:
        """The item shown as an option, by its id: removed, or the cart shown when it is
        not in it."""
        items = await self.carts.items(customer)
        ids = [item.item_id for item in items]
        if item_id not in ids:
            return CartItemRemoved(0, None, words, 0, tuple(items))
        position = ids.index(item_id) + 1
        return CartItemRemoved(position, await self.carts.remove(customer, position), words)

    async def _remove_named(self, customer: str, words: tuple[str, ...]) -> CartItemRemoved:
        """ "remove the studs": the one item those words fit; else the cart, to choose from."""
        items = await self.carts.items(customer)
        fits = [n for n, item in enumerate(items, start=1) if named_by(item, words)]
        if len(fits) == 1:
            return CartItemRemoved(fits[0], await self.carts.remove(customer, fits[0]), words)
        return CartItemRemoved(0, None, words, len(fits), tuple(items))

    async def _checkout(self, customer: str, message_id: str) -> CheckoutStarted:
        """The cart at today's prices, without what can no longer be bought."""
        items = await self.carts.items(customer)
        diamonds = [i.item_id for i in items if i.kind is ItemKind.DIAMOND]
        states = await self.catalog.states(diamonds)
        current: list[CartItem] = []
        left_out: list[str] = []
        repriced: list[tuple[str, int, int]] = []
        for item in await self.checked(items):
            now = item.now if isinstance(item, CheckedCartItem) else states.get(item.item_id)
            if now is None or not now.available:
                left_out.append(item.title)
                continue
            current.append(_at_price(item, now.price_inr))
            if now.price_inr != item.price_inr:
                repriced.append((item.title, item.price_inr, now.price_inr))
        if not current:
            return CheckoutStarted(None, left_out=tuple(left_out))
        checkout = await self.checkouts.start(customer, current, message_id)
        return CheckoutStarted(
            checkout.token,
            len(checkout.items),
            checkout.total_inr,
            tuple(left_out),
            tuple(repriced),
        )

    async def _quote(
        self,
        customer: str,
        message_id: str,
        text: str,
        details: dict[str, object],
        *,
        follow_up: bool = False,
    ) -> None:
        spec_json = json.dumps(details, ensure_ascii=False)
        request = QuoteRequest(customer, text, spec_json, message_id)
        await self.quotes.record(request, follow_up=follow_up)


def _checked(
    item: CartItem, piece_states: dict[str, StockState], in_stock: dict[str, Parcel]
) -> CartItem:
    if item.kind is ItemKind.JEWELRY:
        gone = StockState(available=False, price_inr=item.price_inr)
        return CheckedCartItem.of(item, piece_states.get(item.item_id, gone))
    if item.kind is ItemKind.MELEE:
        parcel, carats = in_stock.get(item.item_id), item.carats or 0.0
        enough = parcel is not None and parcel.carats_available >= carats
        price = parcel.total_for(carats) if parcel is not None else item.price_inr
        return CheckedCartItem.of(item, StockState(available=enough, price_inr=price))
    return item


def _at_price(item: CartItem, price_inr: int) -> CartItem:
    return CartItem(item.kind, item.item_id, item.title, price_inr, item.carats)
