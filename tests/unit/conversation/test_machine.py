"""The conversation as a pure state machine: a session and a message in, a turn out."""

from __future__ import annotations

from dataclasses import replace

import pytest

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.matching import Match
from elgbot.catalog.stone import DiamondSpec, Stone
from elgbot.commerce.cart import CartItem, ItemKind
from elgbot.conversation.copy import Copy
from elgbot.conversation.diamonds import merge
from elgbot.conversation.events import (
    AddOutcome,
    AddToCart,
    CartAdded,
    CartShown,
    CustomerSaid,
    DiamondsFound,
    RecordQuote,
    SearchDiamonds,
    ShowCart,
)
from elgbot.conversation.inbound import MessageKind
from elgbot.conversation.machine import STEPS, Conversation
from elgbot.conversation.menu_events import ListOrders
from elgbot.conversation.sections import SECTION_OF as _SECTION
from elgbot.conversation.session import Session, ShownItem, Step

COPY = Copy().with_site("https://elg.com")
BOT = Conversation(COPY)
STONE = Stone("RD-1", Shape.ROUND, 1.5, Color.D, Clarity.VS1, Cut.IDEAL, 95_000)
SHOWN = (
    ShownItem("RD-1", "Round 1.5ct D VS1 Ideal"),
    ShownItem("RD-2", "Round 1.52ct D VS1 Excellent"),
)
RESULTS = Session(step=Step.DIAMOND_RESULTS_SHOWN, shown=SHOWN)


def say(session: Session, text: str, kind: MessageKind = MessageKind.TEXT):  # type: ignore[no-untyped-def]
    return BOT.step(session, CustomerSaid(text, kind))


def test_every_step_has_rules() -> None:
    assert set(STEPS) == set(Step)


@pytest.mark.parametrize("step", list(Step))
@pytest.mark.parametrize("greeting", ["hi", "Hello", "MENU", "hii", "Namaste"])
def test_a_greeting_shows_the_main_menu_from_every_step(step: Step, greeting: str) -> None:
    turn = say(Session(step=step, shown=SHOWN), greeting)
    assert turn.session == Session()
    assert turn.replies == (COPY.main_menu,)


@pytest.mark.parametrize(
    "greeting", ["hii sir", "hlo", "gm", "Menu please", "hello team", "👋", "is anyone there"]
)
def test_greetings_with_courtesies_or_shorthand_show_the_menu(greeting: str) -> None:
    assert say(Session(), greeting).replies == (COPY.main_menu,)


@pytest.mark.parametrize(
    "text",
    [
        "Hi, I saw your ad on Instagram",
        "Hello! Can I get more info on this?",
        "Hi, I want to know more",
        "Hello, I would like to know more about your products",
        "hi sir, need details",
    ],
)
def test_a_greeting_asking_for_information_shows_the_menu_from_any_step(text: str) -> None:
    turn = say(Session(step=Step.JEWELRY_RESULTS_SHOWN, shown=SHOWN), text)
    assert (turn.session, turn.replies) == (Session(), (COPY.main_menu,))


@pytest.mark.parametrize(
    "text",
    [
        "I want to buy a diamond",
        "I want lab grown diamond",
        "need a diamond",
        "i am looking for a lab grown diamond",
        "lab grown diamond chahiye",
        "I want to buy a diamond for my wife",
        "lab grown",
        "show me diamonds",
    ],
)
@pytest.mark.parametrize("step", [Step.MAIN_MENU, Step.JEWELRY_RESULTS_SHOWN])
def test_wanting_diamonds_in_so_many_words_opens_lab_diamonds(step: Step, text: str) -> None:
    turn = say(Session(step=step), text)
    assert (turn.session.step, turn.replies) == (
        Step.COLLECT_DIAMOND_SPECS,
        (COPY.diamond_question,),
    )


@pytest.mark.parametrize("text", ["what is lab grown", "lab grown vs natural", "i need help"])
def test_questions_about_lab_grown_are_not_the_diamonds_section(text: str) -> None:
    assert say(Session(), text).session.step is not Step.COLLECT_DIAMOND_SPECS


@pytest.mark.parametrize("text", ["can I get more info?", "interested", "I want to know more"])
def test_a_request_for_information_at_the_menu_shows_it(text: str) -> None:
    assert say(Session(), text).replies == (COPY.main_menu,)


@pytest.mark.parametrize("text", ["more details please", "info about this"])
def test_the_same_words_mid_search_do_not_throw_the_results_away(text: str) -> None:
    assert say(RESULTS, text).session.shown == SHOWN


@pytest.mark.parametrize("text", ["Hi, I want a ring", "hello, where is my order", "hi 1"])
def test_a_greeting_with_something_specific_is_read_for_it(text: str) -> None:
    assert say(Session(), text).replies != (COPY.main_menu,)


def test_small_diamonds_for_jewellery_making_are_melee() -> None:
    assert say(Session(), "small diamonds for jewellery making").session.step is Step.COLLECT_MELEE


def test_what_the_menu_cannot_read_lists_the_menu_again() -> None:
    # A first message may be this one: the customer has not seen the menu yet.
    [reply] = say(Session(), "qwpoeiruty zxmcnvb").replies
    assert "1. Lab Diamonds" in reply
    assert "5. Talk to Support" in reply


@pytest.mark.parametrize("choice", ["1", "1.", "Lab Diamonds", "lab diamonds", "dimonds", "one"])
def test_the_menu_takes_the_number_or_the_keyword(choice: str) -> None:
    turn = say(Session(), choice)
    assert turn.session.step is Step.COLLECT_DIAMOND_SPECS
    assert turn.replies == (COPY.diamond_question,)


def test_the_seed_spec_asks_the_catalog() -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000")
    assert turn.replies == ()
    assert turn.effects == (
        SearchDiamonds(
            DiamondSpec(
                shape=Shape.ROUND,
                carat_min=1.5,
                carat_max=1.5,
                colors=(Color.D,),
                clarities=(Clarity.VS1,),
                cuts=(Cut.IDEAL,),
                budget_max_inr=100_000,
            )
        ),
    )
    assert turn.session.spec_text == "Round, 1.5ct, D, VS1, Ideal, ₹1,00,000"


def test_a_spec_typed_at_the_menu_goes_straight_to_the_search() -> None:
    turn = say(Session(), "round 1ct G VS1 under 80k")
    assert isinstance(turn.effects[0], SearchDiamonds)


def test_found_stones_are_listed_and_remembered_for_add_to_cart() -> None:
    found = DiamondsFound((Match(STONE, exact=True, differences=()),))
    turn = BOT.step(Session(step=Step.COLLECT_DIAMOND_SPECS), found)
    assert turn.session.step is Step.DIAMOND_RESULTS_SHOWN
    assert turn.session.shown == (ShownItem("RD-1", "Round 1.5ct D VS1 Ideal", price_inr=95_000),)
    [text] = turn.replies
    assert "1. Round | 1.5ct | D | VS1 | Ideal | ₹95,000\n   https://elg.com/diamonds/RD-1" in text


def test_a_near_match_says_how_it_differs() -> None:
    near = Match(STONE, exact=False, differences=("1.60 ct instead of 1.50",))
    [text] = BOT.step(Session(), DiamondsFound((near,))).replies
    assert "(close match: 1.60 ct instead of 1.50)" in text


def test_nothing_found_offers_a_quote_and_says_what_was_searched() -> None:
    spec = DiamondSpec(shape=Shape.OVAL, carat_min=2.0, carat_max=2.0, colors=(Color.H,))
    turn = BOT.step(Session(step=Step.COLLECT_DIAMOND_SPECS, spec=spec), DiamondsFound(()))
    assert turn.session.step is Step.QUOTE_SUGGESTION
    [reply] = turn.replies
    assert reply.startswith(COPY.no_match)
    # Earlier messages' parts stay in the spec until changed: the customer sees them.
    assert "Your search: oval, 2 ct, H" in reply
    assert "lowest price" not in reply


def test_a_no_match_over_budget_names_the_lowest_price() -> None:
    spec = DiamondSpec(shape=Shape.OVAL, budget_max_inr=10_000)
    found = DiamondsFound((), lowest_price_inr=1_20_000)
    [reply] = BOT.step(Session(step=Step.COLLECT_DIAMOND_SPECS, spec=spec), found).replies
    assert "Your search: oval, up to ₹10,000\nOur lowest price for this is ₹1,20,000" in reply


def test_results_say_what_was_searched() -> None:
    spec = DiamondSpec(shape=Shape.ROUND, clarities=(Clarity.SI2,), budget_max_inr=80_000)
    found = DiamondsFound((Match(STONE, exact=True, differences=()),))
    [reply] = BOT.step(Session(step=Step.COLLECT_DIAMOND_SPECS, spec=spec), found).replies
    assert reply.startswith(f"{COPY.results_header}\nYour search: round, SI2, up to ₹80,000\n")


QUOTED = Session(
    step=Step.QUOTE_REQUESTED,
    spec=DiamondSpec(shape=Shape.ROUND, carat_min=5.0, carat_max=5.0, budget_max_inr=200_000),
)


@pytest.mark.parametrize("text", ["ok", "okay", "sure"])
def test_ok_after_a_noted_quote_request_adds_nothing_and_says_the_team_has_it(text: str) -> None:
    turn = say(QUOTED, text)
    assert turn.replies == (COPY.quote_acknowledged,)
    assert not turn.effects
    assert turn.session == QUOTED  # details sent next still go with the request


def test_trying_another_stone_after_a_quote_request_searches_it() -> None:
    turn = say(QUOTED, "ok let me try oval 1ct G VS1 50k instead")
    [search] = turn.effects
    assert isinstance(search, SearchDiamonds)
    assert (search.spec.shape, search.spec.budget_max_inr) == (Shape.OVAL, 50_000)


def test_details_after_a_quote_request_still_go_to_the_team() -> None:
    turn = say(QUOTED, "prefer D colour and IGI certificate")
    [quote] = turn.effects
    assert isinstance(quote, RecordQuote)


@pytest.mark.parametrize("answer", ["Quote", "yes", "YES", "Yes please", "quote"])
def test_yes_or_quote_records_the_request(answer: str) -> None:
    spec = DiamondSpec(shape=Shape.EMERALD, budget_max_inr=200_000)
    session = Session(step=Step.QUOTE_SUGGESTION, spec=spec, spec_text="emerald 2L")
    turn = say(session, answer)
    assert turn.session.step is Step.QUOTE_REQUESTED
    # The seed's text, under what was noted (it asks to share the preferences "again").
    assert turn.replies == (
        f"{COPY.quote_instructions}\nWe have noted: emerald, up to ₹2,00,000. "
        "Send only what you would like to add or change.",
    )
    assert "https://elg.com/quote" in COPY.quote_instructions
    assert turn.effects == (RecordQuote(spec, "emerald 2L"),)


def test_quote_at_results_files_the_search_for_the_team() -> None:
    spec = DiamondSpec(shape=Shape.ROUND, budget_max_inr=50_000)
    turn = say(replace(RESULTS, spec=spec, spec_text="round 50k"), "quote")
    assert turn.session.step is Step.QUOTE_REQUESTED
    assert turn.effects == (RecordQuote(spec, "round 50k"),)


@pytest.mark.parametrize("text", ["no", "sure", "ok"])
def test_yes_or_no_at_the_menu_shows_the_menu(text: str) -> None:
    assert say(Session(), text).replies == (COPY.main_menu,)


def test_no_to_the_quote_asks_for_another_description() -> None:
    turn = say(Session(step=Step.QUOTE_SUGGESTION), "no")
    assert turn.session.step is Step.COLLECT_DIAMOND_SPECS
    assert turn.effects == ()


def test_details_after_a_quote_request_go_to_the_team() -> None:
    turn = say(Session(step=Step.QUOTE_REQUESTED), "I'd like it set in a ring")
    assert turn.replies == (COPY.quote_details_noted,)
    assert [type(e) for e in turn.effects] == [RecordQuote]
    assert turn.session.step is Step.MAIN_MENU


@pytest.mark.parametrize("text", ["sure", "yes please", "quote"])
@pytest.mark.parametrize("step", [Step.QUOTE_REQUESTED, Step.DESIGN_REQUESTED])
def test_a_yes_where_details_were_asked_for_files_nothing_and_asks_again(
    step: Step, text: str
) -> None:
    turn = say(Session(step=step), text)
    assert turn.effects == ()
    assert turn.replies == (COPY.quote_waiting_for_details,)
    assert turn.session.step is step  # the details still go to the team when they come


def test_a_no_where_details_were_asked_for_leaves_the_request_as_it_is() -> None:
    turn = say(Session(step=Step.QUOTE_REQUESTED), "no thanks")
    assert turn.effects == ()
    assert turn.replies == (COPY.quote_nothing_to_add,)
    assert turn.session.step is Step.MAIN_MENU


@pytest.mark.parametrize("step", [Step.MAIN_MENU, Step.SUPPORT])
def test_quote_at_the_menu_or_to_the_assistant_asks_what_to_quote(step: Step) -> None:
    # The assistant's price answer says "type *Quote*": it must not answer that again.
    turn = say(Session(step=step), "Quote")
    assert turn.session.step is Step.QUOTE_REQUESTED
    assert turn.replies == (COPY.quote_from_scratch,)
    assert turn.effects == ()
    details = say(turn.session, "Emerald 3ct F VS1 under 4 lakh")
    [quote] = details.effects
    assert isinstance(quote, RecordQuote)
    assert quote.spec.shape is Shape.EMERALD
    assert quote.request_text == "Emerald 3ct F VS1 under 4 lakh"


@pytest.mark.parametrize(
    "text", ["thanks", "Thank you!", "thx", "ok thanks", "shukriya", "bye", "Goodbye"]
)
@pytest.mark.parametrize("step", [Step.MAIN_MENU, Step.DIAMOND_RESULTS_SHOWN, Step.SUPPORT])
def test_thanks_gets_a_friendly_word_and_changes_nothing(step: Step, text: str) -> None:
    session = Session(step=step, shown=SHOWN)
    turn = say(session, text)
    assert turn.replies == (COPY.you_are_welcome,)
    assert turn.session == session
    assert turn.effects == ()


@pytest.mark.parametrize(("text", "option"), [("add to cart 1", 1), ("Add to cart 2", 2)])
def test_add_to_cart_names_the_option_shown(text: str, option: int) -> None:
    turn = say(RESULTS, text)
    assert turn.effects == (AddToCart(option, SHOWN[option - 1]),)


def test_add_to_cart_of_a_missing_option_says_which_exist() -> None:
    turn = say(RESULTS, "add to cart 7")
    assert turn.effects == ()
    assert turn.replies == ("There is no option 7 here. Please choose an option from 1 to 2.",)


def test_add_to_cart_before_any_results_explains_what_to_do() -> None:
    assert say(Session(), "add to cart 1").replies == (COPY.nothing_to_add,)
    assert "menu" in COPY.nothing_to_add


@pytest.mark.parametrize(
    ("step", "question"),
    [(Step.QUOTE_SUGGESTION, "custom quote"), (Step.MELEE_QUOTE_SUGGESTION, "a quote")],
)
def test_add_to_cart_after_no_match_says_nothing_matched_and_asks_again(
    step: Step, question: str
) -> None:
    session = Session().at(step)
    turn = say(session, "add to cart 1")
    assert turn.effects == ()
    assert turn.session == session  # still waiting on the quote question
    (reply,) = turn.replies
    assert reply.startswith("Nothing matched that search")
    assert question in reply
    assert '"Quote"' in reply


@pytest.mark.parametrize(
    ("outcome", "start"),
    [
        (AddOutcome.ADDED, "✅ Product 1 has been added to your cart."),
        (AddOutcome.ALREADY_IN_CART, "Product 1 is already in your cart"),
        (AddOutcome.UNAVAILABLE, "Sorry, product 1 has just been sold"),
    ],
)
def test_the_cart_outcome_is_told(outcome: AddOutcome, start: str) -> None:
    [reply] = BOT.step(RESULTS, CartAdded(1, outcome)).replies
    assert reply.startswith(start)


def test_cart_asks_for_the_cart_and_shows_it_with_a_total() -> None:
    assert say(RESULTS, "cart").effects == (ShowCart(),)
    items = (
        CartItem(ItemKind.DIAMOND, "RD-1", "Round 1.5ct D VS1 Ideal", 95_000),
        CartItem(ItemKind.DIAMOND, "RD-2", "Round 1.52ct D VS1 Excellent", 98_000),
    )
    [text] = BOT.step(RESULTS, CartShown(items)).replies
    assert "1. Round 1.5ct D VS1 Ideal | ₹95,000" in text
    assert "Total: ₹1,93,000" in text


def test_an_empty_cart_says_so() -> None:
    assert BOT.step(Session(), CartShown(())).replies == (COPY.cart_empty,)


@pytest.mark.parametrize(
    ("step", "back_to"),
    [
        (Step.COLLECT_DIAMOND_SPECS, Step.MAIN_MENU),
        (Step.DIAMOND_RESULTS_SHOWN, Step.COLLECT_DIAMOND_SPECS),
        (Step.QUOTE_SUGGESTION, Step.COLLECT_DIAMOND_SPECS),
        (Step.QUOTE_REQUESTED, Step.MAIN_MENU),
        (Step.MAIN_MENU, Step.MAIN_MENU),
    ],
)
def test_back_goes_one_step_back(step: Step, back_to: Step) -> None:
    turn = say(Session(step=step, shown=SHOWN), "back")
    assert turn.session.step is back_to
    assert turn.replies


@pytest.mark.parametrize("step", list(Step))
def test_help_works_everywhere_and_keeps_the_step(step: Step) -> None:
    turn = say(Session(step=step), "help")
    assert turn.session.step is step
    assert turn.replies == (COPY.help,)


@pytest.mark.parametrize(
    ("kind", "reply"),
    [
        (MessageKind.MEDIA, COPY.media_not_supported),
        (MessageKind.LOCATION, COPY.location_not_supported),
        (MessageKind.CONTACTS, COPY.contacts_not_supported),
        (MessageKind.TEXT, COPY.empty_message),
        (MessageKind.OTHER, COPY.empty_message),
    ],
)
def test_messages_without_text_get_a_reply_that_says_what_works(
    kind: MessageKind, reply: str
) -> None:
    turn = say(RESULTS, "", kind)
    assert turn.replies == (reply,)
    assert turn.session == RESULTS


def test_gibberish_at_the_menu_is_not_understood_politely() -> None:
    assert say(Session(), "qwpoeiruty zxmcnvb").replies == (COPY.not_understood,)


def test_gibberish_instead_of_a_spec_shows_the_example() -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "qwpoeiruty zxmcnvb")
    assert turn.replies == (COPY.spec_not_understood,)
    assert turn.session.step is Step.COLLECT_DIAMOND_SPECS


def test_a_session_survives_its_json_form() -> None:
    spec = DiamondSpec(
        shape=Shape.PEAR, carat_min=1.0, carat_max=1.2, colors=(Color.E,), firm_budget=True
    )
    session = Session(step=Step.DIAMOND_RESULTS_SHOWN, spec=spec, spec_text="pear", shown=SHOWN)
    assert Session.from_json(session.to_json()) == session


@pytest.mark.parametrize(
    "stored", [None, {}, {"step": "nowhere"}, {"step": "main_menu", "shown": 5}]
)
def test_a_damaged_session_starts_afresh(stored: dict[str, object] | None) -> None:
    assert Session.from_json(stored) == Session()


def test_a_word_with_no_spec_in_it_never_reruns_the_old_search() -> None:
    spec = DiamondSpec(shape=Shape.ROUND, budget_max_inr=100_000)
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS, spec=spec), "ok")
    assert turn.effects == ()
    assert turn.replies == (COPY.spec_not_understood,)


def test_a_word_with_no_spec_in_it_asks_again_for_what_is_missing() -> None:
    spec = DiamondSpec(shape=Shape.ROUND, carat_min=1.0, carat_max=1.0)
    [reply] = say(Session(step=Step.COLLECT_DIAMOND_SPECS, spec=spec), "ok").replies
    assert reply.startswith("Got it: round, 1")
    assert "budget?" in reply


def test_a_partial_spec_asks_for_exactly_what_is_missing() -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "round 1.5ct D")
    assert turn.effects == ()
    [reply] = turn.replies
    assert reply.startswith("Got it: round, 1.5 ct, D.")
    assert reply.endswith("What clarity and budget?")
    follow_up = say(turn.session, "VS1, 1 lakh")
    assert follow_up.effects == (
        SearchDiamonds(
            DiamondSpec(
                shape=Shape.ROUND,
                carat_min=1.5,
                carat_max=1.5,
                colors=(Color.D,),
                clarities=(Clarity.VS1,),
                budget_max_inr=100_000,
            )
        ),
    )


def test_a_correction_while_looking_at_results_searches_again() -> None:
    spec = DiamondSpec(shape=Shape.ROUND, carat_min=1.5, carat_max=1.5, budget_max_inr=100_000)
    turn = say(Session(step=Step.DIAMOND_RESULTS_SHOWN, spec=spec, shown=SHOWN), "make it oval")
    assert turn.effects == (SearchDiamonds(replace(spec, shape=Shape.OVAL)),)
    assert turn.session.shown == ()


def test_an_unclear_answer_to_the_quote_question_shows_every_way_forward() -> None:
    [reply] = say(Session(step=Step.QUOTE_SUGGESTION), "asdfgh").replies
    assert "Quote" in reply
    assert "menu" in reply


@pytest.mark.parametrize(
    ("typed", "step"),
    [
        ("jewelery", Step.COLLECT_JEWELRY),
        ("lab melle", Step.COLLECT_MELEE),
        ("trak order", Step.ASK_ORDER_ID),
    ],
)
def test_menu_words_are_recognised_with_typos(typed: str, step: Step) -> None:
    assert say(Session(), typed).session.step is step


def test_a_budget_correction_while_looking_at_results_searches_again() -> None:
    spec = DiamondSpec(shape=Shape.OVAL, carat_min=1.5, carat_max=1.5, budget_max_inr=100_000)
    turn = say(Session(step=Step.DIAMOND_RESULTS_SHOWN, spec=spec, shown=SHOWN), "budget 2 lakh")
    assert turn.effects == (SearchDiamonds(replace(spec, budget_max_inr=200_000)),)


def test_an_impossible_value_is_named_and_the_example_shown() -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "round 90ct D VS1 1 lakh")
    assert turn.effects == ()
    [reply] = turn.replies
    assert "90ct" in reply
    assert reply.endswith(COPY.spec_example)


def test_an_ambiguous_shape_is_asked_about_not_guessed() -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "round or oval 1ct under 80k")
    assert turn.effects == ()
    [reply] = turn.replies
    assert reply.startswith("Did you mean round or oval?")


def test_a_fancy_colour_is_answered_honestly_and_offered_a_quote() -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "fancy yellow cushion 2ct under 3 lakh")
    assert turn.session.step is Step.QUOTE_SUGGESTION
    [reply] = turn.replies
    assert "yellow" in reply
    assert "Quote" in reply


def test_a_minimum_budget_answers_the_budget_question() -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "round 1ct minimum budget 1 lakh")
    spec = DiamondSpec(shape=Shape.ROUND, carat_min=1.0, carat_max=1.0, budget_min_inr=100_000)
    assert (turn.replies, turn.effects) == ((), (SearchDiamonds(spec),))


def test_a_rounds_size_in_mm_is_searched_as_the_carats_it_stands_for_and_said() -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "round 6.5mm G VS1 1 lakh")
    spec = DiamondSpec(
        shape=Shape.ROUND,
        carat_min=0.9,
        carat_max=1.1,
        colors=(Color.G,),
        clarities=(Clarity.VS1,),
        budget_max_inr=100_000,
    )
    note = COPY.carat_from_size.format(size="6.5mm", carats="1", low="0.9", high="1.1")
    assert (turn.replies, turn.effects) == ((note,), (SearchDiamonds(spec),))


def test_a_size_in_mm_of_another_shape_asks_for_the_weight() -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "oval 7x5mm")
    assert turn.effects == ()
    [reply] = turn.replies
    assert "“7x5mm”" in reply
    assert "e.g. 1 ct" in reply
    assert "color" not in reply


def test_a_negated_fancy_colour_searches_for_a_white_stone() -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "round 1 carat, no yellow tint, 70k")
    spec = DiamondSpec(shape=Shape.ROUND, carat_min=1.0, carat_max=1.0, budget_max_inr=70_000)
    assert (turn.replies, turn.effects) == ((), (SearchDiamonds(spec),))


@pytest.mark.parametrize("text", ["1", "2", "#2"])
def test_a_bare_number_beside_results_asks_instead_of_adding_to_the_cart(text: str) -> None:
    # "2" may mean menu item 2 (Lab Jewelry): never put something in the cart on a guess.
    turn = say(RESULTS, text)
    assert turn.effects == ()
    [reply] = turn.replies
    assert "add to cart" in reply
    assert "menu" in reply


def test_a_bare_number_past_the_options_is_the_menu_item_or_says_how_many_there_are() -> None:
    assert len(RESULTS.shown) == 2
    assert say(RESULTS, "3").session.step is Step.COLLECT_MELEE
    assert say(RESULTS, "4").effects == (ListOrders(),)
    [reply] = say(RESULTS, "9").replies
    assert reply == COPY.no_such_option.format(n=9, count=2)


@pytest.mark.parametrize(
    ("session", "step"),
    [
        (Session(step=Step.COLLECT_DIAMOND_SPECS), Step.COLLECT_JEWELRY),
        (Session(step=Step.COLLECT_JEWELRY), Step.COLLECT_JEWELRY),
        (
            Session(step=Step.QUOTE_SUGGESTION, spec=DiamondSpec(shape=Shape.OVAL)),
            Step.COLLECT_JEWELRY,
        ),
        (Session(step=Step.COLLECT_MELEE), Step.COLLECT_JEWELRY),
    ],
)
def test_a_bare_menu_number_where_numbers_mean_nothing_is_the_menu_item(
    session: Session, step: Step
) -> None:
    assert say(session, "2").session.step is step


def test_a_budget_answer_is_never_taken_for_an_order_id() -> None:
    asked = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "round 1ct G VS1").session
    [search] = say(asked, "under 50000").effects
    assert isinstance(search, SearchDiamonds)
    assert search.spec.budget_max_inr == 50_000


def test_a_bare_figure_answers_the_carat_question() -> None:
    asked = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "round").session
    assert asked.spec.carat_min is None
    answered = say(asked, "2").session
    assert (answered.spec.carat_min, answered.spec.carat_max) == (2.0, 2.0)
    assert say(asked, "1.5").session.spec.carat_min == 1.5


ROUND_1CT = Session(
    step=Step.COLLECT_DIAMOND_SPECS,
    spec=DiamondSpec(shape=Shape.ROUND, carat_min=1.0, carat_max=1.0),
)


@pytest.mark.parametrize(
    "text",
    [
        *("any", "No preference", "don't know, just show me", "any colour any clarity", "koi bhi"),
        *("I dont know", "not sure, please suggest", "please suggest", "you suggest", "no idea"),
    ],
)
def test_leaving_the_rest_open_searches_with_what_is_known(text: str) -> None:
    turn = say(ROUND_1CT, text)
    assert turn.effects == (SearchDiamonds(ROUND_1CT.spec),)
    assert turn.replies == ()


@pytest.mark.parametrize("text", ["ok", "any"])
def test_without_a_shape_or_with_nothing_open_the_bot_still_asks(text: str) -> None:
    session = ROUND_1CT if text != "any" else Session(step=Step.COLLECT_DIAMOND_SPECS)
    turn = say(session, text)
    assert turn.effects == ()
    assert turn.replies


@pytest.mark.parametrize("text", ["no", "skip", "don't know"])
def test_no_or_skip_to_the_open_questions_searches_with_what_is_known(text: str) -> None:
    assert say(ROUND_1CT, text).effects == (SearchDiamonds(ROUND_1CT.spec),)


def test_quote_where_the_budget_was_asked_files_the_spec_so_far() -> None:
    turn = say(ROUND_1CT, "quote")
    assert turn.effects == (RecordQuote(ROUND_1CT.spec, ROUND_1CT.spec_text),)
    assert turn.session.step is Step.QUOTE_REQUESTED


@pytest.mark.parametrize("text", ["no budget", "any budget"])
def test_no_budget_at_results_searches_again_without_it(text: str) -> None:
    spec = DiamondSpec(shape=Shape.ROUND, budget_min_inr=10_000, budget_max_inr=30_000)
    turn = say(replace(RESULTS, spec=spec), text)
    assert turn.effects == (SearchDiamonds(DiamondSpec(shape=Shape.ROUND)),)


def test_any_budget_searches_without_one() -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "round 1ct G VS1, any budget")
    [search] = turn.effects
    assert isinstance(search, SearchDiamonds)
    assert search.spec.budget_max_inr is None


def test_after_an_open_budget_search_a_refinement_searches_again() -> None:
    shown = replace(ROUND_1CT, shown=SHOWN).at(Step.DIAMOND_RESULTS_SHOWN)
    turn = say(shown, "make it oval")
    [search] = turn.effects
    assert isinstance(search, SearchDiamonds)
    assert search.spec.shape is Shape.OVAL


@pytest.mark.parametrize(
    "step",
    [
        Step.COLLECT_JEWELRY,
        Step.JEWELRY_RESULTS_SHOWN,
        Step.MELEE_RESULTS_SHOWN,
        Step.COLLECT_MELEE,
    ],
)
@pytest.mark.parametrize("text", ["oval 2 carat F VS1", "round 1ct G VS1 under 1 lakh"])
def test_a_loose_stone_asked_for_in_another_search_is_a_diamond_search(
    step: Step, text: str
) -> None:
    turn = say(Session(step=step, shown=SHOWN), text)
    assert turn.session.step is Step.COLLECT_DIAMOND_SPECS
    assert turn.session.shown == ()
    assert turn.session.spec.carat_min in (1.0, 2.0)
    if turn.session.spec.budget_max_inr is None:  # the diamond flow asks for what it needs
        assert "budget" in turn.replies[0]
    else:
        assert turn.effects == (SearchDiamonds(turn.session.spec),)


@pytest.mark.parametrize(
    ("step", "text"),
    [
        (Step.MELEE_RESULTS_SHOWN, "10 cts EF VVS"),  # more of the same size
        (Step.MELEE_RESULTS_SHOWN, "round 2 cts"),  # a quantity of round melee
        (Step.MELEE_RESULTS_SHOWN, "+6.5 -7 1ct G VS1"),  # a melee size named
        (Step.JEWELRY_RESULTS_SHOWN, "ring with an oval 2ct F VS1"),  # a piece
        (Step.JEWELRY_RESULTS_SHOWN, "oval 2ct in rose gold"),  # a metal
    ],
)
def test_the_search_in_hand_keeps_what_belongs_to_it(step: Step, text: str) -> None:
    turn = say(Session(step=step, shown=SHOWN), text)
    assert turn.session.step is not Step.COLLECT_DIAMOND_SPECS
    assert not any(isinstance(e, SearchDiamonds) for e in turn.effects)


ASKED_BUDGET = Session(
    step=Step.COLLECT_DIAMOND_SPECS,
    spec=DiamondSpec(shape=Shape.ROUND, carat_min=1.0, carat_max=1.0, colors=(Color.G,)),
)


@pytest.mark.parametrize(("text", "budget"), [("50000", 50_000), ("75000", 75_000)])
def test_a_bare_figure_answers_the_budget_question(text: str, budget: int) -> None:
    turn = say(ASKED_BUDGET, text)
    assert turn.effects == (SearchDiamonds(replace(ASKED_BUDGET.spec, budget_max_inr=budget)),)


@pytest.mark.parametrize(
    "text",
    [
        *("no budget", "any budget", "no limit", "budget no bar"),
        *("budget is not an issue", "budget no problem", "money is not a problem"),
    ],
)
def test_no_budget_searches_without_one(text: str) -> None:
    assert say(ASKED_BUDGET, text).effects == (SearchDiamonds(ASKED_BUDGET.spec),)


def test_a_bare_figure_with_nothing_asked_is_still_questioned() -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "50000")
    assert turn.effects == ()


def test_a_new_budget_replaces_the_old_range_whole() -> None:
    old = DiamondSpec(shape=Shape.ROUND, budget_min_inr=40_000, budget_max_inr=80_000)
    merged = merge(old, DiamondSpec(budget_max_inr=30_000))
    assert (merged.budget_min_inr, merged.budget_max_inr) == (None, 30_000)
    assert merge(old, DiamondSpec(colors=(Color.G,))).budget_min_inr == 40_000  # kept


def test_a_new_shape_drops_the_old_shapes_cut_grade() -> None:
    old = DiamondSpec(shape=Shape.ROUND, cuts=(Cut.IDEAL,), colors=(Color.D,))
    assert merge(old, DiamondSpec(shape=Shape.OVAL)).cuts == ()
    assert merge(old, DiamondSpec(shape=Shape.OVAL)).colors == (Color.D,)
    assert merge(old, DiamondSpec(colors=(Color.G,))).cuts == (Cut.IDEAL,)


@pytest.mark.parametrize(
    ("step", "text", "section"),
    [
        (Step.COLLECT_DIAMOND_SPECS, "Lab Jewelry", Step.COLLECT_JEWELRY),
        (Step.COLLECT_DIAMOND_SPECS, "earrings", Step.COLLECT_JEWELRY),
        (Step.DIAMOND_RESULTS_SHOWN, "melee", Step.COLLECT_MELEE),
        (Step.DIAMOND_RESULTS_SHOWN, "rings", Step.COLLECT_JEWELRY),
        (Step.DIAMOND_RESULTS_SHOWN, "studs below 40000", Step.COLLECT_JEWELRY),
        (Step.DIAMOND_RESULTS_SHOWN, "+6.5 -7 EF VVS 10 cts", Step.COLLECT_MELEE),
        (Step.DIAMOND_RESULTS_SHOWN, "1.5 mm", Step.COLLECT_MELEE),
        (Step.JEWELRY_RESULTS_SHOWN, "lab diamonds", Step.COLLECT_DIAMOND_SPECS),
        (Step.JEWELRY_RESULTS_SHOWN, "melee", Step.COLLECT_MELEE),
        (Step.MELEE_RESULTS_SHOWN, "customer support", Step.SUPPORT),
        (Step.JEWELRY_RESULTS_SHOWN, "1.5 mm", Step.COLLECT_MELEE),
        (Step.MELEE_RESULTS_SHOWN, "earrings", Step.COLLECT_JEWELRY),
    ],
)
def test_another_section_by_name_or_by_its_search_goes_there(
    step: Step, text: str, section: Step
) -> None:
    assert say(Session(step=step, shown=SHOWN), text).session.step is section


@pytest.mark.parametrize(
    ("step", "text"),
    [
        (Step.JEWELRY_RESULTS_SHOWN, "rings"),  # a change to this search
        (Step.DIAMOND_RESULTS_SHOWN, "2"),  # an option number, never a menu item here
        (Step.DIAMOND_RESULTS_SHOWN, "one"),
        (Step.DIAMOND_RESULTS_SHOWN, "round 1ct for a ring, 50k"),  # a stone for a ring
        (Step.QUOTE_REQUESTED, "melee"),  # a quote's details take any words
        (Step.JEWELRY_RESULTS_SHOWN, "2 mm band in platinum"),  # a ring's width
    ],
)
def test_words_of_this_section_or_numbers_do_not_switch(step: Step, text: str) -> None:
    after = say(Session(step=step, shown=SHOWN), text).session.step
    assert _SECTION.get(after) is _SECTION.get(step)


NO_MATCH = Session(
    step=Step.QUOTE_SUGGESTION,
    spec=DiamondSpec(shape=Shape.OVAL, carat_min=2.0, carat_max=2.0, budget_max_inr=50_000),
)


def test_after_no_match_a_bare_new_budget_searches_again() -> None:
    turn = say(NO_MATCH, "70000")
    assert turn.effects == (SearchDiamonds(replace(NO_MATCH.spec, budget_max_inr=70_000)),)


def test_after_no_match_no_budget_searches_without_one() -> None:
    spec = replace(NO_MATCH.spec, budget_max_inr=None)
    assert say(NO_MATCH, "no budget").effects == (SearchDiamonds(spec),)


@pytest.mark.parametrize("text", ["any shape", "all shapes", "koi bhi", "any", "no preference"])
def test_a_shape_left_open_searches_every_shape_and_is_not_asked_again(text: str) -> None:
    asked = Session(step=Step.COLLECT_DIAMOND_SPECS, spec=DiamondSpec(carat_min=1, carat_max=1))
    turn = say(asked, text)
    assert turn.effects == (SearchDiamonds(asked.spec),)
    # At the results, a change searches again without asking for the shape.
    shown = replace(turn.session, step=Step.DIAMOND_RESULTS_SHOWN, shown=SHOWN)
    refined = say(shown, "F VS1")
    [search] = refined.effects
    assert isinstance(search, SearchDiamonds)
    assert (search.spec.shape, search.spec.colors) == (None, (Color.F,))


def test_any_before_anything_is_said_still_asks_for_the_stone() -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), "any")
    assert turn.effects == ()


@pytest.mark.parametrize(
    ("step", "text", "reply"),
    [
        (Step.MAIN_MENU, "melee 10000", "Got it: up to ₹10,000. Which size?"),
        (Step.JEWELRY_RESULTS_SHOWN, "melee 10000", "Got it: up to ₹10,000. Which size?"),
        (Step.MAIN_MENU, "sieve 0000", "please write the sieve with its signs"),
    ],
)
def test_melee_by_name_with_a_figure_is_a_melee_search(step: Step, text: str, reply: str) -> None:
    turn = say(Session(step=step, shown=SHOWN), text)
    assert turn.session.step is Step.COLLECT_MELEE
    assert reply in turn.replies[0]


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("ring with melee diamonds", Step.COLLECT_JEWELRY),  # a piece set with melee
        ("what is melee?", Step.MAIN_MENU),  # a question for the assistant
    ],
)
def test_melee_named_in_a_piece_or_a_question_is_no_melee_search(text: str, section: Step) -> None:
    assert say(Session(), text).session.step is section
