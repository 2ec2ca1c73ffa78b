"""The seed's diamond conversation, end to end over signed webhook requests."""

from __future__ import annotations

from sqlalchemy import select

from elgbot.bootstrap import Runtime
from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.stone import Stone
from elgbot.storage.schema import quotes
from whatsapp_chat import Chat, messages


async def test_hi_shows_the_seeds_main_menu(chat: Chat) -> None:
    [reply] = messages(await chat.say("Hi"))
    assert reply.startswith("Welcome to ELG, your destination for premium lab-grown diamonds.")
    assert (
        "1. Lab Diamonds\n2. Lab Jewelry\n3. Lab Melee\n4. Track My Order\n5. Talk to Support"
        in reply
    )


async def test_the_seed_spec_finds_stones_within_budget_with_links(chat: Chat) -> None:
    await chat.say("Hi")
    [question] = messages(await chat.say("1"))
    assert "Shape, Carat, Color, Clarity, Cut, Budget" in question
    [options] = messages(await chat.say("Round, 1.5ct, D, VS1, Ideal, ₹1,00,000"))
    assert options.startswith("Here are some options based on your preferences:")
    assert "1. Round | 1.5ct | D | VS1 | Ideal | ₹95,000" in options
    assert "https://elg.com/diamonds/RD-1" in options
    assert "RD-4" not in options  # ₹1,40,000 is over the ₹1,00,000 budget
    assert "Reply: add to cart 1" in options
    assert "Explore More: https://elg.com/diamonds" in options


async def test_add_to_cart_confirms_once_and_the_cart_shows_the_stone(chat: Chat) -> None:
    for text in ("Hi", "1", "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000"):
        await chat.say(text)
    [added] = messages(await chat.say("add to cart 1"))
    assert (
        added
        == "✅ Product 1 has been added to your cart.\nContinue shopping: https://elg.com/diamonds"
    )
    [again] = messages(await chat.say("add to cart 1"))
    assert "already in your cart" in again
    [cart] = messages(await chat.say("cart"))
    assert "Round 1.5ct D VS1 Ideal | ₹95,000" in cart
    assert "Total: ₹95,000" in cart


async def test_several_options_in_one_message_each_go_in_once(chat: Chat) -> None:
    for text in ("Hi", "1", "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000"):
        await chat.say(text)
    first, second = messages(await chat.say("add to cart 1, 2"))
    assert first.startswith("✅ Product 1 has been added")
    assert second.startswith("✅ Product 2 has been added")
    again, third = messages(await chat.say("add 2 and 3"))
    assert "Product 2 is already in your cart" in again
    assert third.startswith("✅ Product 3 has been added")
    [cart] = messages(await chat.say("cart"))
    assert cart.count("https://elg.com/diamonds/") == 3


async def test_no_match_offers_a_quote_and_records_it(chat: Chat, runtime: Runtime) -> None:
    for text in ("Hi", "1"):
        await chat.say(text)
    [no_match] = messages(await chat.say("Emerald, 3ct, D, FL, Ideal, ₹2,00,000"))
    assert no_match.startswith("We couldn’t find an exact match. Would you like a custom quote?")
    assert "lowest price" not in no_match  # no emerald at any price: the budget is not why
    [quote] = messages(await chat.say("Quote"))
    assert "Please share your preferences again." in quote
    assert "Submit here: https://elg.com/quote" in quote
    async with runtime.engine.connect() as conn:
        rows = (await conn.execute(select(quotes))).all()
    assert [(r.customer, r.request_text) for r in rows] == [
        ("+919812345678", "Emerald, 3ct, D, FL, Ideal, ₹2,00,000")
    ]
    assert '"shape": "emerald"' in rows[0].spec_json
    [noted] = messages(await chat.say("sure"))  # an acknowledgement, not details
    assert noted.startswith("Our team has your request and will reply in this chat.")
    [noted] = messages(await chat.say("set in a platinum ring please"))
    assert noted.startswith("Thank you, we have added this to your quote request.")
    async with runtime.engine.connect() as conn:
        rows = (await conn.execute(select(quotes))).all()
    assert [r.request_text for r in rows] == [
        "Emerald, 3ct, D, FL, Ideal, ₹2,00,000 / set in a platinum ring please"
    ]


async def test_a_budget_below_every_match_is_told_the_lowest_price(chat: Chat) -> None:
    for text in ("Hi", "1"):
        await chat.say(text)
    [no_match] = messages(await chat.say("Round, 1.5ct, D, VS1, Ideal, ₹50,000"))
    assert no_match.startswith("We couldn’t find an exact match.")
    assert "Our lowest price for this is ₹95,000: send a higher budget to see it." in no_match
    [options] = messages(await chat.say("95000"))
    assert "1. Round | 1.5ct | D | VS1 | Ideal | ₹95,000" in options


async def test_back_from_results_asks_for_the_spec_again(chat: Chat) -> None:
    for text in ("Hi", "1", "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000"):
        await chat.say(text)
    [reply] = messages(await chat.say("back"))
    assert "Shape, Carat, Color, Clarity, Cut, Budget" in reply


async def test_menu_items_2_to_4_start_their_flows(chat: Chat) -> None:
    await chat.say("Hi")
    for choice, opening in (
        ("2", "Let’s find your laboratory-grown diamond jewellery."),
        ("3", "Let’s find your melee"),
        ("4", "Please send your order id"),  # this number has no orders
    ):
        [reply] = messages(await chat.say(choice))
        assert reply.startswith(opening)
        await chat.say("menu")


async def test_more_shows_the_next_stones_and_any_page_can_be_added(
    chat: Chat, runtime: Runtime
) -> None:
    ovals = [
        Stone(f"OV1-{n}", Shape.OVAL, 1.0, Color.G, Clarity.VS1, Cut.EXCELLENT, 60_000 + 1_000 * n)
        for n in range(1, 7)
    ]
    await runtime.stores.catalog.add(ovals)
    for text in ("Hi", "1"):
        await chat.say(text)
    [first] = messages(await chat.say("oval 1ct G VS1 under 1 lakh"))
    assert "4. Oval | 1ct | G | VS1 | Excellent | ₹64,000" in first
    assert first.endswith("Type *more* to see more options.")
    [second] = messages(await chat.say("more"))
    assert "5. Oval | 1ct | G | VS1 | Excellent | ₹65,000" in second
    assert "6. Oval | 1ct | G | VS1 | Excellent | ₹66,000" in second
    assert "OV1-1" not in second
    assert "Reply: add to cart 5" in second
    [added] = messages(await chat.say("add to cart 6"))
    assert added.startswith("✅ Product 6 has been added to your cart.")
    [cart] = messages(await chat.say("cart"))
    assert "₹66,000" in cart
    [done] = messages(await chat.say("more"))
    assert done.startswith("Those are all the options I can show for this search.")
