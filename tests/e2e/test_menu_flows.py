"""Lab Jewelry, Lab Melee, Track My Order and the cart, end to end over signed webhook
requests, on the embedded and the scaled-out deployment."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from datetime import date

import httpx
from sqlalchemy import select

from elgbot.bootstrap import Runtime
from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.jewelry import Piece
from elgbot.catalog.jewelry_feed import read_jewelry
from elgbot.catalog.listing import Listing
from elgbot.catalog.melee import MeleeClarity, Parcel, QualityBand
from elgbot.catalog.stone import Stone
from elgbot.commerce.orders import Order, OrderStatus
from elgbot.storage.schema import quotes
from whatsapp_chat import CUSTOMER, Chat, messages

PRIYA = CUSTOMER.removeprefix("whatsapp:")
JEWELRY_FEED = (
    "Stock Number,Jewelry Type,Title,Jewelry Material,Material Karat,Metal Color,"
    "Stone Carat,Diamond Color,Diamond Clarity,Ring Size,Total Price\n"
    "R18RG,Ring,Halo Ring in 18K Rose Gold,Gold,18K,Rose,0.7,F,VS1,,58000\n"
    "R14RG,Ring,Halo Ring in 14K Rose Gold,Gold,14K,Rose,0.7,F,VS1,,49000\n"
    "RPT,Ring,Halo Ring in Platinum,Platinum,,,0.7,F,VS1,,56000\n"
    "S1,Stud Earrings,Solitaire Studs,Gold,18K,White,0.5,F,VS1,,28000\n"
    "B16,Ring,Classic Band,Gold,18K,Yellow,0.1,G-H,VS,16,24000\n"
)
EF_VVS = QualityBand("EF", (MeleeClarity.VVS,))
PARCEL = Parcel("M-1", "+6.5 -7", 1.80, 1.90, EF_VVS, 25.0, 9_500)
SHIPPED = Order(
    "ELG-1002",
    PRIYA,
    OrderStatus.SHIPPED,
    ("Halo Ring in 18K Rose Gold",),
    date(2025, 3, 1),
    date(2025, 3, 8),
    "https://track.example.com/AWB123",
)
RAHULS = Order("ELG-2001", "+919800000002", OrderStatus.PLACED, ("Studs",), date(2025, 3, 2))


async def _stock(runtime: Runtime) -> None:
    pieces = [row for row in read_jewelry(io.StringIO(JEWELRY_FEED)) if isinstance(row, Piece)]
    await runtime.stores.jewelry.put(pieces)
    await runtime.stores.melee.put([PARCEL])
    await runtime.stores.orders.put([SHIPPED, RAHULS])


async def test_jewellery_by_type_metal_and_budget_into_the_cart(
    chat: Chat, runtime: Runtime
) -> None:
    await _stock(runtime)
    await chat.say("Hi")
    [question] = messages(await chat.say("2"))
    assert "ring in 18k rose gold under 60k" in question
    [found] = messages(await chat.say("ring in 18k rose gold under 60k"))
    assert "1. Halo Ring in 18K Rose Gold\n   18K Rose Gold | 0.7ct F VS1 | ₹58,000" in found
    assert "https://elg.com/jewelry/R18RG" in found
    assert "R14RG" not in found  # 14K is not 18K
    assert "RPT" not in found  # platinum is not gold
    # The halo ring is made to the customer's size: asked for, then on the cart line.
    [question] = messages(await chat.say("add to cart 1"))
    assert question.startswith("What is your ring size? Product 1 is made to your size.")
    [added] = messages(await chat.say("size 14"))
    assert added.startswith("✅ Product 1 in size 14 has been added to your cart.")
    [cart] = messages(await chat.say("cart"))
    assert "Halo Ring in 18K Rose Gold, size 14 | ₹58,000" in cart


async def test_a_budget_before_the_metal_keeps_dearer_pieces_out(
    chat: Chat, runtime: Runtime
) -> None:
    await _stock(runtime)
    for text in ("Hi", "2"):
        await chat.say(text)
    [found] = messages(await chat.say("ring under 50k rose gold"))
    assert "(ring · rose gold · up to ₹50,000)" in found
    assert "R14RG" in found  # ₹49,000
    assert "R18RG" not in found  # ₹58,000: over the budget


async def test_with_nothing_as_asked_the_closest_pieces_are_shown_and_addable(
    chat: Chat, runtime: Runtime
) -> None:
    await _stock(runtime)
    for text in ("Hi", "2"):
        await chat.say(text)
    [closest] = messages(await chat.say("platinum studs under 40k"))
    assert closest.startswith("We have no studs · platinum · up to ₹40,000 in stock right now.")
    assert "with another metal:" in closest
    assert "Solitaire Studs" in closest
    [added] = messages(await chat.say("add to cart 1"))
    assert added.startswith("✅")


async def test_a_ring_made_in_one_size_goes_in_the_cart_in_that_size(
    chat: Chat, runtime: Runtime
) -> None:
    await _stock(runtime)
    for text in ("Hi", "2"):
        await chat.say(text)
    [found] = messages(await chat.say("band"))
    assert "1. Classic Band\n   18K Yellow Gold | 0.1ct G-H VS | size 16 | ₹24,000" in found
    [other] = messages(await chat.say("add to cart 1 size 12"))
    assert other.startswith("Product 1 comes in size 16 only.")
    [added] = messages(await chat.say("add to cart 1"))
    assert added.startswith("✅ Product 1 has been added to your cart.")
    [cart] = messages(await chat.say("cart"))
    assert "Classic Band, size 16 | ₹24,000" in cart


async def test_a_piece_not_in_stock_becomes_a_bespoke_design_quote(
    chat: Chat, runtime: Runtime
) -> None:
    await _stock(runtime)
    for text in ("Hi", "2"):
        await chat.say(text)
    [offer] = messages(await chat.say("tennis necklace in platinum"))
    assert "bespoke design" in offer
    [instructions] = messages(await chat.say("yes"))
    assert "https://elg.com/quote" in instructions
    await chat.say("a 5 ct tennis necklace, 16 inches")
    async with runtime.engine.connect() as conn:
        rows = (await conn.execute(select(quotes).order_by(quotes.c.id))).all()
    # One request for the team: the details join the one "yes" filed.
    assert [r.request_text for r in rows] == [
        "tennis necklace in platinum / a 5 ct tennis necklace, 16 inches"
    ]
    spec = json.loads(rows[0].spec_json)
    assert (spec["quote"], spec["kind"], spec["material"]) == (
        "jewelry design",
        "necklace",
        "platinum",
    )


async def test_a_piece_not_in_the_range_is_said_and_quoted_never_swapped(
    chat: Chat, runtime: Runtime
) -> None:
    await _stock(runtime)
    await chat.say("Hi")
    [offer] = messages(await chat.say("mangalsutra under 50k"))  # at the menu
    assert offer.startswith("We don’t have mangalsutras in our range")
    assert "Here are some" not in offer
    await chat.say("yes")
    await chat.say("black beads with a small solitaire")
    async with runtime.engine.connect() as conn:
        rows = (await conn.execute(select(quotes))).all()
    assert [r.request_text for r in rows] == [
        "mangalsutra under 50k / black beads with a small solitaire"
    ]
    spec = json.loads(rows[0].spec_json)
    assert (spec["quote"], spec["kind"], spec["budget_max_inr"]) == ("jewelry design", None, 50_000)


async def test_a_melee_budget_below_the_stock_names_its_lowest_price(
    chat: Chat, runtime: Runtime
) -> None:
    await _stock(runtime)
    for text in ("Hi", "3"):
        await chat.say(text)
    [none] = messages(await chat.say("+6.5 -7 EF VVS 10 carats under 50k"))
    assert "our lowest price for +6.5 -7 (1.80–1.90 mm) · EF VVS · 10 ct is ₹9,500/ct" in none
    [found] = messages(await chat.say("1 lakh"))
    assert "10 ct × ₹9,500/ct = ₹95,000" in found


async def test_melee_by_sieve_band_and_quantity_with_totals(chat: Chat, runtime: Runtime) -> None:
    await _stock(runtime)
    for text in ("Hi", "3"):
        await chat.say(text)
    [found] = messages(await chat.say("+6.5 -7 EF VVS 10 carats"))
    assert "1. +6.5 -7 | 1.80–1.90 mm | EF VVS | ₹9,500/ct | 25 ct available" in found
    assert "10 ct × ₹9,500/ct = ₹95,000" in found
    [more] = messages(await chat.say("30 cts"))
    assert "Only 25 ct available" in more
    assert "other 5 ct" in more
    [partly] = messages(await chat.say("add to cart 1"))
    assert "25 ct of product 1 (₹2,37,500)" in partly
    [noted] = messages(await chat.say("quote"))
    assert "Our team will reply in this chat" in noted
    async with runtime.engine.connect() as conn:
        [row] = (await conn.execute(select(quotes))).all()
    spec = json.loads(row.spec_json)
    assert (spec["quote"], spec["size"], spec["carats"]) == (
        "melee",
        "+6.5 -7 (1.80–1.90 mm)",
        30.0,
    )


async def test_adding_a_parcel_again_replaces_its_quantity_and_says_so(
    chat: Chat, runtime: Runtime
) -> None:
    await _stock(runtime)
    for text in ("Hi", "3", "+6.5 -7 EF VVS 10 carats"):
        await chat.say(text)
    [first] = messages(await chat.say("add to cart 1"))
    assert "10 ct of product 1 (₹95,000) has been added" in first
    [again] = messages(await chat.say("add to cart 1"))
    assert "now has 10 ct of product 1 (₹95,000), in place of the quantity" in again
    [cart] = messages(await chat.say("cart"))
    assert "10 ct" in cart
    assert "20 ct" not in cart


async def test_a_pointer_is_translated_through_the_size_chart(chat: Chat, runtime: Runtime) -> None:
    await _stock(runtime)
    for text in ("Hi", "3"):
        await chat.say(text)
    [found] = messages(await chat.say("0.025 ct each EF VVS"))
    assert "+6.5 -7" in found
    [nothing] = messages(await chat.say("1.3 mm"))
    assert nothing.startswith("We have no parcel of that size")


async def test_a_size_in_millimetres_at_melee_finds_parcels(chat: Chat, runtime: Runtime) -> None:
    await _stock(runtime)
    for text in ("Hi", "3"):
        await chat.say(text)
    [found] = messages(await chat.say("need size 1.8mm 10 cts"))
    assert found.startswith("Melee parcels for 1.8 mm · 10 ct:")
    assert "10 ct × ₹9,500/ct = ₹95,000" in found


async def test_melee_stones_are_weighed_and_a_rate_is_per_carat(
    chat: Chat, runtime: Runtime
) -> None:
    await _stock(runtime)
    for text in ("Hi", "3"):
        await chat.say(text)
    [found] = messages(await chat.say("+6.5 -7 EF VVS 100 pcs"))
    assert found.startswith(
        "Melee parcels for +6.5 -7 (1.80–1.90 mm) · EF VVS · 100 stones ≈ 2.5 ct:"
    )
    assert "2.5 ct × ₹9,500/ct = ₹23,750" in found
    [added] = messages(await chat.say("add to cart 1"))
    assert "2.5 ct of product 1 (₹23,750) has been added" in added
    [dear] = messages(await chat.say("rate 9000"))  # per carat, not ₹9,000 in all
    assert "our lowest price for +6.5 -7 (1.80–1.90 mm) · EF VVS · 100 stones ≈ 2.5 ct" in dear
    assert "is ₹9,500/ct" in dear


async def test_a_wrong_option_or_an_unreadable_search_keeps_the_results(
    chat: Chat, runtime: Runtime
) -> None:
    await _stock(runtime)
    for text in ("Hi", "2", "studs below 40000"):
        await chat.say(text)
    [wrong] = messages(await chat.say("add to cart -1"))
    assert wrong == "There is no option -1 here. Please choose an option from 1 to 1."
    for text in ("menu", "3", "+6.5 -7 EF VVS 10 cts"):
        await chat.say(text)
    [unread] = messages(await chat.say("-5"))
    assert "we do not know that sieve size" in unread
    [added] = messages(await chat.say("add to cart 1"))
    assert "10 ct of product 1 (₹95,000) has been added" in added


async def test_the_placing_number_sees_its_orders_and_details(chat: Chat, runtime: Runtime) -> None:
    await _stock(runtime)
    await chat.say("Hi")
    [listed] = messages(await chat.say("4"))
    assert "1. ELG-1002 | Shipped | placed 1 Mar 2025" in listed
    assert "ELG-2001" not in listed
    [details] = messages(await chat.say("1"))
    assert "Order ELG-1002: Shipped" in details
    assert "Track your parcel: https://track.example.com/AWB123" in details
    [someone_elses] = messages(await chat.say("ELG-2001"))
    assert someone_elses.startswith("Sorry, we cannot find order ELG-2001 for this number.")


async def test_a_piece_and_a_figure_is_a_search_not_an_order_id(
    chat: Chat, runtime: Runtime
) -> None:
    await _stock(runtime)
    await chat.say("Hi")
    [found] = messages(await chat.say("ring 75000"))
    assert "1. Halo Ring in 18K Rose Gold" in found
    assert "order" not in found.lower()
    await chat.say("4")  # where an order id is asked for too
    [studs] = messages(await chat.say("studs 40000"))
    assert "Solitaire Studs" in studs
    [melee] = messages(await chat.say("melee 10000"))
    assert melee.startswith("Got it: up to ₹10,000. Which size?")


async def test_track_my_order_has_no_dead_ends(chat: Chat, runtime: Runtime) -> None:
    copy = runtime.service.conversation.copy
    await _stock(runtime)
    await chat.say("Hi")
    await chat.say("4")
    [again] = messages(await chat.say("where is my order"))
    assert "1. ELG-1002 | Shipped | placed 1 Mar 2025" in again
    await chat.say("1")
    for text in ("not received yet", "it says shipped but I did not get it"):
        assert messages(await chat.say(text)) == [copy.order_not_received]
    assert messages(await chat.say("cancel it")) == [copy.order_change_by_team]
    # A phone number is never looked up as an order: the sender's own orders are.
    note, listed = messages(await chat.say("my number is 9800000001"))
    assert note == copy.orders_by_this_number
    assert "1. ELG-1002 | Shipped" in listed
    assert "ELG-2001" not in listed


async def test_after_sales_and_payment_problems_reach_the_team_not_a_search(
    chat: Chat, runtime: Runtime
) -> None:
    copy = runtime.service.conversation.copy
    await _stock(runtime)
    await chat.say("Hi")
    [answer] = messages(await chat.say("received wrong ring"))
    assert answer.startswith("Our return and exchange policy")  # the assistant, offline
    assert "Halo Ring" not in answer
    [listed] = messages(await chat.say("when will my ring arrive"))
    assert "1. ELG-1002 | Shipped" in listed
    await chat.say("menu")
    await chat.say("5")
    assert messages(await chat.say("money deducted but order not placed")) == [copy.payment_problem]
    assert messages(await chat.say("parcel not received")) == [copy.order_not_received]


async def test_asked_if_it_is_a_bot_it_says_so_and_a_hinglish_request_gets_a_person(
    chat: Chat, runtime: Runtime
) -> None:
    copy = runtime.service.conversation.copy
    await chat.say("Hi")
    [bot] = messages(await chat.say("is this a real person or a bot?"))
    assert bot == copy.about_the_bot
    assert await runtime.staff.open_handoffs() == []
    assert messages(await chat.say("koi insaan hai?")) == [copy.handoff_opened]
    [handoff] = await runtime.staff.open_handoffs()
    assert handoff.customer == PRIYA


async def test_a_stone_id_sent_as_if_an_order_shows_the_stone_to_add(
    chat: Chat, runtime: Runtime
) -> None:
    stone = Stone("ELG-004068", Shape.ROUND, 1.0, Color.J, Clarity.VS2, Cut.VERY_GOOD, 19_600)
    await runtime.stores.catalog.add([stone])
    await chat.say("Hi")
    [shown] = messages(await chat.say("elg 004068"))
    assert shown.startswith("ELG-004068 is a diamond in our catalogue, not an order:")
    assert "1. Round | 1ct | J | VS2 | Very Good | ₹19,600" in shown
    [added] = messages(await chat.say("add to cart 1"))
    assert added.startswith("✅ Product 1 has been added to your cart.")
    [cart] = messages(await chat.say("cart"))
    assert "1. Round 1ct J VS2 Very Good | ₹19,600" in cart
    [unknown] = messages(await chat.say("ELG-004099"))
    assert unknown.startswith("Sorry, we cannot find order ELG-004099 for this number.")


async def test_another_number_cannot_learn_anything_about_an_order(
    client: httpx.AsyncClient, runtime: Runtime
) -> None:
    await _stock(runtime)
    stranger = Chat(client, phone="whatsapp:+919899999999")
    await stranger.say("Hi")
    [asked] = messages(await stranger.say("4"))
    assert asked.startswith("Please send your order id")
    [existing] = messages(await stranger.say("ELG-1002"))
    [missing] = messages(await stranger.say("ELG-9999"))
    assert existing == missing.replace("ELG-9999", "ELG-1002")  # the same answer either way
    assert "Shipped" not in existing
    assert "agent" in existing


async def _one_of_each_in_the_cart(chat: Chat, runtime: Runtime) -> None:
    """A diamond (₹95,000), studs (₹28,000) and 10 ct of melee (₹95,000)."""
    await _stock(runtime)
    for text in ("Hi", "1", "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000", "add to cart 1"):
        await chat.say(text)
    for text in ("menu", "2", "studs below 40000", "add to cart 1"):
        await chat.say(text)
    for text in ("menu", "3", "+6.5 -7 EF VVS 10 cts", "add to cart 1"):
        await chat.say(text)


async def test_one_cart_for_everything_remove_checkout_and_clear(
    chat: Chat, runtime: Runtime
) -> None:
    await _one_of_each_in_the_cart(chat, runtime)
    [cart] = messages(await chat.say("cart"))
    assert "Total: ₹2,18,000" in cart  # 95,000 + 28,000 + 95,000
    [removed] = messages(await chat.say("remove 2"))
    assert "Solitaire Studs" in removed
    [link] = messages(await chat.say("checkout"))
    token = re.search(r"https://elg\.com/checkout\?cart=([\w-]+)", link)
    assert token is not None
    assert "Total: ₹1,90,000 for 2 item(s)" in link
    checkout = await runtime.stores.checkouts.find(token.group(1))
    assert checkout is not None
    assert (checkout.customer, checkout.total_inr) == (PRIYA, 190_000)
    [cleared] = messages(await chat.say("clear cart"))
    assert cleared.startswith("Your cart is now empty.")
    [empty] = messages(await chat.say("checkout"))
    assert empty.startswith("Your cart is empty")


async def test_several_items_are_removed_by_their_numbers_as_shown(
    chat: Chat, runtime: Runtime
) -> None:
    await _one_of_each_in_the_cart(chat, runtime)
    [before] = messages(await chat.say("cart"))
    titles = re.findall(r"^\d\. (.+?) \|", before, re.M)
    assert len(titles) == 3
    third, first = messages(await chat.say("remove 1 and 3"))
    assert (titles[2] in third, titles[0] in first) == (True, True)
    [after] = messages(await chat.say("cart"))
    assert re.findall(r"^\d\. (.+?) \|", after, re.M) == [titles[1]]


async def test_checkout_says_what_was_sold_or_repriced_since_it_was_added(
    chat: Chat, runtime: Runtime
) -> None:
    kept = Stone("CHK-0001", Shape.ROUND, 1.0, Color.G, Clarity.VS1, Cut.IDEAL, 31_900)
    sold = Stone("CHK-0002", Shape.ROUND, 1.0, Color.G, Clarity.VS1, Cut.IDEAL, 32_900)
    await runtime.stores.catalog.add([kept, sold])
    await chat.say("Hi")
    await chat.say("CHK-0001")  # a stone's id shows it as option 1
    await chat.say("add to cart 1")
    await chat.say("CHK-0002")
    await chat.say("add to cart 1")
    await runtime.stores.catalog.put(Listing(replace(kept, price_inr=39_900)))
    await runtime.stores.catalog.withdraw(["CHK-0002"])
    [checkout] = messages(await chat.say("checkout"))
    assert "Round 1ct G VS1 Ideal: the price is now ₹39,900 (it was ₹31,900" in checkout
    assert "is no longer available, so it is not in this order." in checkout
    assert "Total: ₹39,900 for 1 item(s)" in checkout
    await runtime.stores.catalog.withdraw(["CHK-0001"])
    [nothing] = messages(await chat.say("checkout"))
    assert nothing.endswith(runtime.service.conversation.copy.checkout_nothing_left)


async def test_remove_option_n_takes_out_the_stone_shown_as_n(chat: Chat, runtime: Runtime) -> None:
    stones = [
        Stone(f"OPT-000{n}", Shape.PEAR, 1.0, Color.G, Clarity.VS1, Cut.IDEAL, 40_000 + n * 100)
        for n in range(1, 4)
    ]
    await runtime.stores.catalog.add(stones)
    await chat.say("Hi")
    await chat.say("1")
    [results] = messages(await chat.say("pear 1ct G VS1 ideal 50k"))
    links = re.findall(r"https://elg\.com/diamonds/[\w-]+", results)
    await chat.say("add to cart 3")
    await chat.say("add to cart 1")
    [removed] = messages(await chat.say("remove option 3"))
    assert removed.startswith("Removed from your cart:")
    [cart] = messages(await chat.say("cart"))
    assert re.findall(r"https://elg\.com/diamonds/[\w-]+", cart) == [links[0]]


async def test_asking_about_an_option_shows_its_grading_report(
    chat: Chat, runtime: Runtime
) -> None:
    stone = Stone("CERT-0001", Shape.HEART, 1.0, Color.E, Clarity.VVS2, None, 45_000)
    await runtime.stores.catalog.put(Listing(stone, lab="IGI", certificate="LG600000001"))
    await chat.say("Hi")
    await chat.say("CERT-0001")  # shown as option 1
    [details] = messages(await chat.say("is option 1 certified?"))
    assert details.startswith("Option 1: Heart 1ct E VVS2, ₹45,000\n")
    assert "Grading report: IGI LG600000001" in details


async def test_removing_positions_no_cart_has_answers_and_changes_nothing(chat: Chat) -> None:
    await chat.say("Hi")
    [negative] = messages(await chat.say("remove -1"))
    assert negative.startswith("Your cart has no item -1.")
    [huge] = messages(await chat.say("remove 99999999999999999999"))
    assert "went wrong" not in huge


async def test_a_sold_piece_is_flagged_in_the_cart(chat: Chat, runtime: Runtime) -> None:
    await _stock(runtime)
    for text in ("Hi", "2", "studs below 40000", "add to cart 1"):
        await chat.say(text)
    await runtime.stores.jewelry.withdraw_others("", keep=["R18RG"])
    [cart] = messages(await chat.say("cart"))
    assert "no longer available" in cart


async def test_an_item_is_removed_by_its_name_or_chosen_from_the_cart(
    chat: Chat, runtime: Runtime
) -> None:
    await _stock(runtime)
    for text in ("Hi", "2", "studs", "add to cart 1", "band", "add to cart 1"):
        await chat.say(text)
    [unknown] = messages(await chat.say("remove the nose pin"))
    assert unknown.startswith("Nothing in your cart fits “nose pin”.")
    assert "1. Solitaire Studs | ₹28,000" in unknown
    assert "2. Classic Band, size 16 | ₹24,000" in unknown
    [gone] = messages(await chat.say("delete studs from my cart"))
    assert gone.startswith("Removed from your cart: Solitaire Studs.")
    [cart] = messages(await chat.say("cart"))
    assert "Studs" not in cart
    assert "1. Classic Band, size 16 | ₹24,000" in cart
