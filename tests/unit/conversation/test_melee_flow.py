"""Lab Melee as a conversation: size, band and quantity; totals; a quote for the rest."""

from __future__ import annotations

from dataclasses import replace

import pytest

from elgbot.catalog.melee import MeleeClarity, MeleeQuery, Parcel, QualityBand
from elgbot.commerce.cart import ItemKind
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import AddToCart, CustomerSaid, Turn
from elgbot.conversation.machine import Conversation
from elgbot.conversation.menu_events import MeleeAdded, MeleeFound, RecordMeleeQuote, SearchMelee
from elgbot.conversation.session import Session, ShownItem, Step

COPY = Copy().with_site("https://elg.com")
BOT = Conversation(COPY)
EF_VVS = QualityBand("EF", (MeleeClarity.VVS,))
SIEVE = "+6.5 -7 (1.80–1.90 mm)"
WISH = MeleeQuery(1.80, 1.90, SIEVE, EF_VVS, 10)
PARCEL = Parcel("M-1", "+6.5 -7", 1.80, 1.90, EF_VVS, 25.0, 9_500)
ASKING = Session(step=Step.COLLECT_MELEE)


def say(session: Session, text: str) -> Turn:
    return BOT.step(session, CustomerSaid(text))


def found(query: MeleeQuery, *parcels: Parcel) -> Turn:
    return BOT.step(Session(step=Step.COLLECT_MELEE, melee=query), MeleeFound(parcels))


def test_menu_3_asks_for_size_quality_and_quantity() -> None:
    turn = say(Session(), "3")
    assert turn.session.step is Step.COLLECT_MELEE
    assert turn.replies == (COPY.melee_question,)


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("+6.5 -7 EF VVS 10 carats", WISH),
        (
            "1.3 mm GH VS-SI 10 cts",
            MeleeQuery(
                1.3, 1.3, "1.3 mm", QualityBand("GH", (MeleeClarity.VS, MeleeClarity.SI)), 10
            ),
        ),
        ("2 pointer", MeleeQuery(1.70, 1.80, "2 pointer (≈ +6 -6.5, 1.70–1.80 mm)")),
    ],
)
def test_a_size_is_enough_to_search(text: str, query: MeleeQuery) -> None:
    assert say(ASKING, text).effects == (SearchMelee(query),)


@pytest.mark.parametrize(
    ("text", "mm"),
    [
        ("size 1.2mm", (1.2, 1.2)),
        ("melee size 2 mm", (2.0, 2.0)),
        ("mix size 1-1.5mm EF 20 ct", (1.0, 1.5)),
        ("need size 1.5mm 10 cts", (1.5, 1.5)),
    ],
)
@pytest.mark.parametrize(
    "session", [ASKING, Session(), found(WISH, PARCEL).session], ids=["asking", "menu", "results"]
)
def test_a_size_in_millimetres_is_a_melee_size_never_a_ring_size(
    session: Session, text: str, mm: tuple[float, float]
) -> None:
    [search] = say(session, text).effects
    assert isinstance(search, SearchMelee)
    assert (search.query.mm_from, search.query.mm_to) == mm


def test_without_a_size_the_bot_asks_for_one_and_remembers_the_rest() -> None:
    partial = say(ASKING, "EF VVS 10 cts")
    assert partial.effects == ()
    assert partial.replies == (COPY.melee_size_missing.format(known="EF VVS · 10 ct"),)
    sized = say(partial.session, "+6.5 -7")
    assert sized.effects == (SearchMelee(WISH),)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("asdf", "could not read a melee size"),
        ("9 mm", "melee runs from 0.7 to 3.7 mm"),
        ("50 pointer", "type *1* for Lab Diamonds"),
        ("+99 -100", "we do not know that sieve size"),
    ],
)
def test_wrong_input_is_explained_and_nothing_is_searched(text: str, says: str) -> None:
    turn = say(ASKING, text)
    assert turn.effects == ()
    assert says in turn.replies[0]


def test_parcels_show_sieve_mm_band_price_availability_and_the_total() -> None:
    turn = found(WISH, PARCEL)
    [text] = turn.replies
    assert text.startswith(f"Melee parcels for {SIEVE} · EF VVS · 10 ct:")
    assert "1. +6.5 -7 | 1.80–1.90 mm | EF VVS | ₹9,500/ct | 25 ct available" in text
    assert "   10 ct × ₹9,500/ct = ₹95,000" in text
    assert turn.session.shown == (
        ShownItem("M-1", "Melee +6.5 -7 (1.80–1.90 mm) EF VVS", ItemKind.MELEE, 10),
    )


@pytest.mark.parametrize(
    ("query", "header", "hint"),
    [
        (replace(WISH, carats=2.5, stones=100), f"{SIEVE} · EF VVS · 100 stones ≈ 2.5 ct", None),
        (
            MeleeQuery(1.0, 1.5, "1–1.5 mm", stones=100),
            "1–1.5 mm · 100 stones",
            COPY.melee_stones_need_carats.format(stones=100),
        ),
    ],
)
def test_a_quantity_in_stones_says_what_it_weighs_or_asks_for_carats(
    query: MeleeQuery, header: str, hint: str | None
) -> None:
    [text] = found(query, PARCEL).replies
    assert text.startswith(f"Melee parcels for {header}:")
    assert COPY.melee_quantity_hint not in text
    if hint is None:
        assert "   2.5 ct × ₹9,500/ct = ₹23,750" in text
    else:
        assert hint in text


def test_stones_sent_after_the_results_are_searched_again_in_carats() -> None:
    session = found(MeleeQuery(1.80, 1.90, SIEVE, EF_VVS), PARCEL).session
    [search] = say(session, "100 pcs").effects
    assert search == SearchMelee(replace(WISH, carats=2.5, stones=100))


@pytest.mark.parametrize("text", ["rate 9000", "rate: 9k", "bhav 9000"])
def test_a_rate_after_the_results_is_a_price_per_carat_not_an_order_id(text: str) -> None:
    session = found(WISH, PARCEL).session
    assert say(session, text).effects == (
        SearchMelee(replace(WISH, budget_inr=9_000, budget_per_carat=True)),
    )


def test_more_than_available_says_how_much_there_is_and_offers_a_quote() -> None:
    [text] = found(MeleeQuery(1.80, 1.90, SIEVE, EF_VVS, 30), PARCEL).replies
    assert (
        "Only 25 ct available: 25 ct × ₹9,500/ct = ₹2,37,500. "
        "Type *quote* and our team will source the other 5 ct."
    ) in text


def test_without_a_quantity_the_total_waits_and_add_to_cart_asks_how_much() -> None:
    turn = found(MeleeQuery(1.80, 1.90, SIEVE), PARCEL)
    assert COPY.melee_quantity_hint in turn.replies[0]
    asked = say(turn.session, "add to cart 1")
    assert asked.effects == ()
    assert asked.replies == (COPY.melee_quantity_first.format(n=1),)
    quantity = say(turn.session, "10 cts")
    assert quantity.effects == (SearchMelee(MeleeQuery(1.80, 1.90, SIEVE, carats=10)),)


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("-5", "we do not know that sieve size"),
        ("9 mm", "melee runs from 0.7 to 3.7 mm"),
        ("add to cart -1", COPY.no_such_option.format(n=-1, count=1)),
    ],
)
def test_a_search_that_cannot_be_read_keeps_the_results_addable(text: str, reply: str) -> None:
    shown = found(WISH, PARCEL).session
    turn = say(shown, text)
    assert (turn.session, turn.effects) == (shown, ())
    assert reply in turn.replies[0]
    assert say(turn.session, "add to cart 1").effects == (AddToCart(1, shown.shown[0]),)


def test_add_to_cart_carries_the_asked_carats() -> None:
    session = found(WISH, PARCEL).session
    assert say(session, "add to cart 1").effects == (AddToCart(1, session.shown[0]),)


@pytest.mark.parametrize(
    ("event", "reply"),
    [
        (MeleeAdded(1, 10, 95_000), "✅ 10 ct of product 1 (₹95,000) has been added"),
        (MeleeAdded(1, 25, 237_500, short_by=5), "that is all we have. Type *quote*"),
        (MeleeAdded(1, 0, 0), "has just been sold or withdrawn"),
        (
            MeleeAdded(1, 10, 95_000, replaced=True),
            "now has 10 ct of product 1 (₹95,000), in place",
        ),
        (MeleeAdded(1, 25, 237_500, short_by=5, replaced=True), "in place of the quantity it had"),
    ],
)
def test_the_cart_confirms_melee_with_its_quantity(event: MeleeAdded, reply: str) -> None:
    [text] = BOT.step(Session(step=Step.MELEE_RESULTS_SHOWN), event).replies
    assert reply in text


def test_quote_after_results_records_the_request() -> None:
    session = found(WISH, PARCEL).session
    turn = say(session, "quote")
    assert turn.effects == (RecordMeleeQuote(WISH, ""),)
    assert "Our team will reply in this chat" in turn.replies[0]
    assert turn.session.step is Step.MELEE_RESULTS_SHOWN


def test_nothing_found_offers_a_quote() -> None:
    offered = found(WISH)
    assert offered.session.step is Step.MELEE_QUOTE_SUGGESTION
    accepted = say(offered.session, "yes")
    assert accepted.effects == (RecordMeleeQuote(WISH, ""),)
    declined = say(offered.session, "no")
    assert declined.session.step is Step.COLLECT_MELEE
    assert say(offered.session, "hmm").replies == (COPY.melee_quote_question_again,)


@pytest.mark.parametrize("text", ["add 5 cts of option 1", "add to cart 1 - 5 cts", "add 1 5ct"])
def test_a_quantity_with_the_option_is_what_goes_into_the_cart(text: str) -> None:
    session = found(WISH, PARCEL).session  # WISH asked for 10 ct
    [add] = say(session, text).effects
    assert isinstance(add, AddToCart)
    assert (add.option, add.item.stock_id, add.item.carats) == (1, PARCEL.stock_id, 5.0)


@pytest.mark.parametrize("text", ["ok", "yes", "sure"])
def test_an_acknowledgement_at_results_files_no_quote(text: str) -> None:
    turn = say(found(WISH, PARCEL).session, text)
    assert not any(isinstance(e, RecordMeleeQuote) for e in turn.effects)


def test_results_say_the_budget_and_what_it_buys_without_a_quantity() -> None:
    wish = MeleeQuery(1.80, 1.90, SIEVE, EF_VVS, budget_inr=50_000)
    [text] = found(wish, PARCEL).replies
    assert text.startswith(f"Melee parcels for {SIEVE} · EF VVS · up to ₹50,000:")
    assert "   ₹50,000 buys 5.26 ct of this parcel" in text  # 50,000 / 9,500, rounded down
    per_carat = MeleeQuery(1.80, 1.90, SIEVE, EF_VVS, 10, 10_000, budget_per_carat=True)
    [text] = found(per_carat, PARCEL).replies
    assert text.startswith(f"Melee parcels for {SIEVE} · EF VVS · 10 ct · up to ₹10,000/ct:")
    assert "buys" not in text


def test_a_budget_below_every_parcel_names_the_lowest_price_and_offers_a_quote() -> None:
    wish = MeleeQuery(1.80, 1.90, SIEVE, EF_VVS, 10, budget_inr=50_000)
    asked = Session(step=Step.COLLECT_MELEE, melee=wish)
    turn = BOT.step(asked, MeleeFound((), cheapest=PARCEL))
    assert turn.session.step is Step.MELEE_QUOTE_SUGGESTION
    [text] = turn.replies
    assert f"our lowest price for {SIEVE} · EF VVS · 10 ct is ₹9,500/ct (10 ct = ₹95,000)" in text
    [none] = BOT.step(asked, MeleeFound(())).replies
    assert none.startswith(COPY.melee_no_match)
    assert f"Your search: {SIEVE} · EF VVS · 10 ct · up to ₹50,000" in none
    more = say(turn.session, "1 lakh")  # a higher budget searches again
    assert more.effects == (SearchMelee(MeleeQuery(1.80, 1.90, SIEVE, EF_VVS, 10, 100_000)),)


@pytest.mark.parametrize(("text", "carats"), [("10", 10.0), ("10 cts", 10.0), ("2.5 carats", 2.5)])
def test_the_answer_to_the_quantity_question_adds_the_parcel(text: str, carats: float) -> None:
    parcel = ShownItem("M-1", "Melee +6.5 -7", ItemKind.MELEE)
    shown = Session(step=Step.MELEE_RESULTS_SHOWN, shown=(parcel, replace(parcel, stock_id="M-2")))
    asked = BOT.step(shown, CustomerSaid("add to cart 2"))
    assert asked.effects == ()
    assert asked.session.step is Step.ASK_MELEE_QUANTITY
    turn = BOT.step(asked.session, CustomerSaid(text))
    assert turn.effects == (AddToCart(2, replace(parcel, stock_id="M-2", carats=carats)),)
    assert (turn.session.step, turn.session.waiting) == (Step.MELEE_RESULTS_SHOWN, ())


def test_other_words_after_the_quantity_question_are_read_beside_the_results() -> None:
    parcel = ShownItem("M-1", "Melee +6.5 -7", ItemKind.MELEE)
    asked = Session(step=Step.ASK_MELEE_QUANTITY, shown=(parcel,), waiting=(1,))
    assert BOT.step(asked, CustomerSaid("cart")).session == asked  # the question stays
    other = BOT.step(asked, CustomerSaid("0.01"))  # no quantity we sell
    assert other.session.step is Step.MELEE_RESULTS_SHOWN
    assert not any(isinstance(e, AddToCart) for e in other.effects)
