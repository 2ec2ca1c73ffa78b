"""A supplier's feed, imported, then searched in the chat: customers see each stone's
total in rupees, whatever price form the feed used."""

from __future__ import annotations

import io

from elgbot.bootstrap import Runtime
from elgbot.catalog.importer import import_feed
from whatsapp_chat import Chat, messages

# RapNet's "Price" is per carat: 1.21 ct × ₹40,000 = ₹48,400; 1.30 ct × ₹41,500 = ₹53,950.
RAPNET = (
    "Stock #,Shape,Weight,Color,Clarity,Cut Grade,Polish,Symmetry,Fluorescence Intensity,"
    "Lab,Certificate #,Price\n"
    "RN-1,EM,1.21,G,VS1,EX,EX,EX,None,IGI,LG601,40000\n"
    "RN-2,Emerald Cut,1.30,G,VS2,VG,VG,VG,Faint,IGI,LG602,41500\n"
)
# Nivoda's "price" is the stone's total, even beside a per-carat column.
NIVODA = (
    "supplierStockId,shape,carats,col,clar,cut,price,price_per_carat\n"
    "NV-1,emerald,1.25,G,VS1,excellent,51000,40800\n"
)
SPEC = "emerald 1.25ct G VS1 excellent under 60k"


async def test_a_rapnet_per_carat_feed_shows_each_stones_total_in_the_chat(
    runtime: Runtime, chat: Chat
) -> None:
    report = await import_feed(runtime.stores.catalog, io.StringIO(RAPNET), supplier="rapnet")
    assert (report.imported, report.rejected) == (2, 0)
    await chat.say("Hi")
    [options] = messages(await chat.say(SPEC))
    assert "1. Emerald | 1.21ct | G | VS1 | Excellent | ₹48,400" in options
    assert "2. Emerald | 1.3ct | G | VS2 | Very Good | ₹53,950" in options
    assert "40,000" not in options


async def test_a_total_price_feed_is_shown_as_it_is(runtime: Runtime, chat: Chat) -> None:
    await import_feed(runtime.stores.catalog, io.StringIO(NIVODA), supplier="nivoda")
    await chat.say("Hi")
    [options] = messages(await chat.say(SPEC))
    assert "1. Emerald | 1.25ct | G | VS1 | Excellent | ₹51,000" in options


async def test_a_stone_just_over_budget_is_offered_last_as_a_marked_stretch(
    runtime: Runtime, chat: Chat
) -> None:
    stretch = "stock_id,shape,carat,color,clarity,cut,price_inr\nST-1,emerald,1.25,G,VS1,EX,63000\n"
    await import_feed(runtime.stores.catalog, io.StringIO(RAPNET))
    await import_feed(runtime.stores.catalog, io.StringIO(stretch))
    await chat.say("Hi")
    [options] = messages(await chat.say(SPEC))
    lines = options.splitlines()
    last = lines.index("3. Emerald | 1.25ct | G | VS1 | Excellent | ₹63,000")
    assert lines[last + 1] == "   (stretch: ₹3,000 over your budget)"
    assert lines[3].startswith("1. Emerald | 1.21ct")  # the exact match within budget first
