"""Events and effects of Lab Jewelry, Lab Melee, Track My Order and the cart's commands.

Part of the closed unions in `events`: the service must carry out every effect here, and
feeds each result back as one of these events.
"""

from __future__ import annotations

from dataclasses import dataclass

from elgbot.catalog.jewelry import JewelryQuery, Piece
from elgbot.catalog.listing import Listing
from elgbot.catalog.melee import MeleeQuery, Parcel
from elgbot.catalog.stone import Stone
from elgbot.commerce.cart import CartItem
from elgbot.commerce.orders import Order


# ---- events -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class JewelryFound:
    pieces: tuple[Piece, ...]
    after: int = 0  # as in DiamondsFound
    lowest_price_inr: int | None = None  # as in DiamondsFound
    closest: ClosestPieces | None = None  # with no piece as asked: the nearest in stock


@dataclass(frozen=True, slots=True)
class ClosestPieces:
    """Pieces of the kind asked for, within the budget, with some parts left open."""

    opened: tuple[str, ...]  # "carat weight", "metal", "style", "size"
    pieces: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class MeleeFound:
    parcels: tuple[Parcel, ...]
    after: int = 0  # as in DiamondsFound
    # With none within the budget: the cheapest parcel of that size and band, to name.
    cheapest: Parcel | None = None


@dataclass(frozen=True, slots=True)
class MeleeAdded:
    """A melee line went into the cart: `carats` of option `option`, fewer than asked
    (`short_by`) when the parcel has less; `carats` 0 when the parcel is gone. `replaced`:
    the parcel was in the cart already, and this quantity took the place of that one."""

    option: int
    carats: float
    total_inr: int
    short_by: float = 0.0
    replaced: bool = False


@dataclass(frozen=True, slots=True)
class OrdersListed:
    """The sender's recent orders (only theirs: looked up by their own number)."""

    orders: tuple[Order, ...]


@dataclass(frozen=True, slots=True)
class OrderLookedUp:
    """`order` is None both when the id does not exist and when another number placed it.
    `stone`: no order, but a diamond in the catalog has this id (stone and order ids can
    share a prefix, and customers paste a stone's id from its page)."""

    order_id: str
    order: Order | None
    stone: Stone | None = None


@dataclass(frozen=True, slots=True)
class StonesDescribed:
    """The graded facts of options on the screen; None for a stone no longer offered."""

    options: tuple[int, ...]
    listings: tuple[Listing | None, ...]


@dataclass(frozen=True, slots=True)
class CartItemRemoved:
    position: int  # 0: the item was named, and the words named no one item
    item: CartItem | None  # None: the cart has no such item
    named: tuple[str, ...] = ()  # the words that named it ("studs")
    fits: int = 0  # named but not one item: how many the words fit
    cart: tuple[CartItem, ...] = ()  # named but not one item: the cart, to choose by number


@dataclass(frozen=True, slots=True)
class CartCleared:
    pass


@dataclass(frozen=True, slots=True)
class CheckoutStarted:
    token: str | None  # None: nothing in the cart can be bought
    items: int = 0
    total_inr: int = 0
    # Since they were added: sold or withdrawn (left out), and repriced (title, was, now).
    left_out: tuple[str, ...] = ()
    repriced: tuple[tuple[str, int, int], ...] = ()


MenuEvent = (
    JewelryFound
    | MeleeFound
    | MeleeAdded
    | OrdersListed
    | OrderLookedUp
    | StonesDescribed
    | CartItemRemoved
    | CartCleared
    | CheckoutStarted
)


# ---- effects ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SearchJewelry:
    query: JewelryQuery
    after: int = 0  # as in SearchDiamonds


@dataclass(frozen=True, slots=True)
class SearchMelee:
    query: MeleeQuery
    after: int = 0  # as in SearchDiamonds


@dataclass(frozen=True, slots=True)
class ListOrders:
    pass


@dataclass(frozen=True, slots=True)
class LookUpOrder:
    order_id: str


@dataclass(frozen=True, slots=True)
class DescribeStones:
    """ "is option 2 certified?": the catalog's facts of the stones shown as `options`."""

    options: tuple[int, ...]
    stock_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RemoveFromCart:
    position: int | None  # the item's number in the cart; None: named by `words`
    words: tuple[str, ...] = ()
    item_id: str | None = None  # "remove option 3": the stone shown as 3, by its id


@dataclass(frozen=True, slots=True)
class ClearCart:
    pass


@dataclass(frozen=True, slots=True)
class StartCheckout:
    pass


@dataclass(frozen=True, slots=True)
class RecordDesignQuote:
    """A bespoke piece: what the customer looked for, in their words and as read."""

    query: JewelryQuery
    request_text: str
    follow_up: bool = False  # as in RecordQuote


@dataclass(frozen=True, slots=True)
class RecordMeleeQuote:
    query: MeleeQuery
    request_text: str


MenuEffect = (
    SearchJewelry
    | SearchMelee
    | ListOrders
    | LookUpOrder
    | DescribeStones
    | RemoveFromCart
    | ClearCart
    | StartCheckout
    | RecordDesignQuote
    | RecordMeleeQuote
)
