"""Talk to Support in the pure conversation: questions become AskAssistant, answers come
back as events, and a person takes over on request while the bot stays silent."""

from __future__ import annotations

import pytest

from elgbot.catalog.grades import Shape
from elgbot.catalog.stone import DiamondSpec
from elgbot.conversation.copy import Copy
from elgbot.conversation.events import (
    AnswerKind,
    AskAssistant,
    AssistantAnswered,
    CloseHandoff,
    CustomerSaid,
    HandoffClosed,
    OpenHandoff,
    RecordHandoffMessage,
    SearchDiamonds,
)
from elgbot.conversation.inbound import Media, MessageKind
from elgbot.conversation.machine import Conversation
from elgbot.conversation.session import (
    HISTORY_LINES,
    ChatLine,
    Session,
    ShownItem,
    Speaker,
    Step,
)

COPY = Copy().with_site("https://elg.com").with_store(hours="10 to 7, Mon-Sat", contact="the site")
BOT = Conversation(COPY)
HISTORY = (ChatLine(Speaker.CUSTOMER, "Do you ship?"), ChatLine(Speaker.ASSISTANT, "Yes."))


def say(session: Session, text: str, kind: MessageKind = MessageKind.TEXT):  # type: ignore[no-untyped-def]
    return BOT.step(session, CustomerSaid(text, kind))


@pytest.mark.parametrize("choice", ["5", "Talk to Support", "support"])
def test_menu_item_5_opens_support_and_offers_a_person(choice: str) -> None:
    turn = say(Session(), choice)
    assert turn.session.step is Step.SUPPORT
    assert turn.replies == (COPY.support_welcome,)
    assert "*agent*" in COPY.support_welcome


def test_at_support_a_question_goes_to_the_assistant_with_the_history() -> None:
    turn = say(Session(step=Step.SUPPORT, history=HISTORY), "And to Dubai?")
    assert turn.replies == ()
    assert turn.effects == (AskAssistant(HISTORY, "And to Dubai?"),)


def test_at_support_a_menu_number_still_works() -> None:
    turn = say(Session(step=Step.SUPPORT), "1")
    assert turn.session.step is Step.COLLECT_DIAMOND_SPECS


def test_a_question_the_main_menu_cannot_read_goes_to_the_assistant() -> None:
    turn = say(Session(), "Do your stones come with a certificate?")
    assert turn.effects == (AskAssistant((), "Do your stones come with a certificate?"),)
    assert turn.replies == ()


SHOWN = (ShownItem("RD-1", "Round 1.5ct D VS1 Ideal"),)
MID_SEARCH = [
    Session(step=Step.COLLECT_DIAMOND_SPECS),
    Session(step=Step.COLLECT_DIAMOND_SPECS, spec=DiamondSpec(shape=Shape.ROUND, carat_min=1.0)),
    Session(step=Step.DIAMOND_RESULTS_SHOWN, shown=SHOWN),
    Session(step=Step.QUOTE_SUGGESTION),
    Session(step=Step.COLLECT_JEWELRY),
    Session(step=Step.JEWELRY_RESULTS_SHOWN, shown=SHOWN),
    Session(step=Step.COLLECT_MELEE),
    Session(step=Step.MELEE_RESULTS_SHOWN, shown=SHOWN),
    Session(step=Step.MELEE_QUOTE_SUGGESTION),
]


@pytest.mark.parametrize("session", MID_SEARCH, ids=[s.step.value for s in MID_SEARCH])
@pytest.mark.parametrize(
    "question",
    [
        "what is your return policy?",
        "how long does shipping take",
        "Do you ship to Dubai",
        "return policy",
        "exchange",
        "certificate",
    ],
)
def test_a_plain_question_mid_search_goes_to_the_assistant_and_keeps_the_search(
    session: Session, question: str
) -> None:
    turn = say(session, question)
    assert turn.effects == (AskAssistant((), question),)
    assert turn.replies == ()
    assert turn.session == session  # the search, results and step wait for the answer


@pytest.mark.parametrize("text", ["something nice for my wife", "ok", "hmm"])
def test_mid_search_a_statement_is_no_question_for_the_assistant(text: str) -> None:
    turn = say(Session(step=Step.COLLECT_DIAMOND_SPECS), text)
    assert turn.effects == ()
    assert turn.replies


def test_noise_at_the_main_menu_is_still_not_understood_without_asking_anyone() -> None:
    turn = say(Session(), "qwpoeiruty zxmcnvb")
    assert turn.replies == (COPY.not_understood,)
    assert turn.effects == ()


def test_an_answer_is_sent_with_a_way_forward_and_remembered() -> None:
    event = AssistantAnswered("Certificates?", AnswerKind.ANSWERED, "Yes, IGI or GIA.")
    turn = BOT.step(Session(step=Step.SUPPORT), event)
    assert turn.replies == (f"Yes, IGI or GIA.\n\n{COPY.assistant_footer}",)
    assert turn.session.history == (
        ChatLine(Speaker.CUSTOMER, "Certificates?"),
        ChatLine(Speaker.ASSISTANT, "Yes, IGI or GIA."),
    )
    assert turn.session.step is Step.SUPPORT


def test_only_the_last_few_lines_are_remembered() -> None:
    session = Session()
    for n in range(10):
        event = AssistantAnswered(f"question {n}", AnswerKind.ANSWERED, f"answer {n}")
        session = BOT.step(session, event).session
    assert len(session.history) == HISTORY_LINES
    assert session.history[-1] == ChatLine(Speaker.ASSISTANT, "answer 9")


@pytest.mark.parametrize(
    ("kind", "reply"),
    [
        (AnswerKind.UNKNOWN, COPY.assistant_unknown),
        (AnswerKind.DECLINED, COPY.assistant_declined),
        (AnswerKind.FAILED, COPY.assistant_unavailable),
        (AnswerKind.UNSAFE, COPY.assistant_safe_answer),
        (AnswerKind.EXPIRED, COPY.assistant_ask_again),
    ],
)
def test_every_failed_answer_is_a_polite_reply_with_a_way_forward(
    kind: AnswerKind, reply: str
) -> None:
    turn = BOT.step(Session(history=HISTORY), AssistantAnswered("q", kind))
    assert turn.replies == (reply,)
    assert "*agent*" in reply or "*menu*" in reply
    assert turn.session.history == HISTORY  # nothing learnt from a failure


@pytest.mark.parametrize("step", list(Step))
def test_asking_for_a_person_anywhere_opens_a_handoff_with_the_stores_hours(step: Step) -> None:
    session = Session(step=step, history=HISTORY, spec_text="round 1ct")
    turn = say(session, "talk to someone")
    assert turn.session.handoff
    assert turn.replies == (COPY.handoff_opened,)
    assert "Our hours: 10 to 7, Mon-Sat" in COPY.handoff_opened
    assert turn.effects == (OpenHandoff(HISTORY, "talk to someone", "round 1ct"),)


@pytest.mark.parametrize("step", [Step.MAIN_MENU, Step.SUPPORT, Step.JEWELRY_RESULTS_SHOWN])
@pytest.mark.parametrize("text", ["is this a real person or a bot?", "is this a bot?", "r u human"])
def test_asked_whether_this_is_a_bot_it_says_so_and_how_to_reach_a_person(
    step: Step, text: str
) -> None:
    session = Session(step=step, history=HISTORY)
    turn = say(session, text)
    assert turn.replies == (COPY.about_the_bot,)
    assert turn.effects == ()  # no handoff, no contact page from the assistant
    assert turn.session == session
    assert "a bot" in COPY.about_the_bot
    assert "*agent*" in COPY.about_the_bot
    assert "10 to 7, Mon-Sat" in COPY.about_the_bot


@pytest.mark.parametrize("text", ["hello?", "hi", "1", "cart", "help", "what are your hours?"])
def test_during_a_handoff_the_bot_stores_every_message_and_says_nothing(text: str) -> None:
    session = Session(step=Step.SUPPORT, handoff=True)
    turn = say(session, text)
    assert turn.replies == ()
    assert turn.effects == (RecordHandoffMessage(text),)
    assert turn.session == session


def test_a_photo_during_a_handoff_is_stored_as_a_note_for_staff() -> None:
    turn = say(Session(handoff=True), "", MessageKind.MEDIA)
    assert turn.effects == (RecordHandoffMessage("[media message]"),)
    assert turn.replies == ()


PHOTO = (
    Media("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "image/jpeg"),
)


@pytest.mark.parametrize(("caption", "stored"), [("", "[media message]"), ("this one", "this one")])
def test_a_photo_during_a_handoff_carries_where_it_is_to_staff(caption: str, stored: str) -> None:
    said = CustomerSaid(caption, MessageKind.MEDIA, 1, PHOTO)
    turn = BOT.step(Session(handoff=True), said)
    assert turn.effects == (RecordHandoffMessage(stored, PHOTO),)


def test_a_photo_captioned_with_a_request_for_a_person_opens_the_handoff_with_it() -> None:
    turn = BOT.step(Session(), CustomerSaid("agent please", MessageKind.MEDIA, 1, PHOTO))
    assert turn.effects == (OpenHandoff((), "agent please", "", PHOTO),)


@pytest.mark.parametrize("text", ["menu", "bot"])
def test_menu_or_bot_ends_the_handoff_and_the_bot_says_so(text: str) -> None:
    turn = say(Session(step=Step.SUPPORT, handoff=True, history=HISTORY), text)
    assert turn.session == Session(history=HISTORY)
    assert turn.replies == (COPY.handoff_ended, COPY.main_menu)
    assert turn.effects == (CloseHandoff(),)


def test_staff_closing_the_handoff_brings_the_bot_back() -> None:
    turn = BOT.step(Session(step=Step.SUPPORT, handoff=True), HandoffClosed())
    assert not turn.session.handoff
    assert turn.replies == (COPY.handoff_closed,)


def test_history_and_handoff_survive_the_sessions_json_form() -> None:
    session = Session(step=Step.SUPPORT, history=HISTORY, handoff=True)
    assert Session.from_json(session.to_json()) == session


def test_a_session_stored_before_support_existed_still_loads() -> None:
    assert Session.from_json({"step": "main_menu", "shown": []}) == Session()


@pytest.mark.parametrize(
    "text",
    [
        "can you resize my ring?",
        "what is the return policy for rings?",
        "is shipping free for earrings?",
        "does the pendant come with IGI certificate?",
        "EMI on 2 lakh ring?",
        "lab vs natural?",
        "is a lab diamond as good as a real one?",
        "how do i know my ring size?",
        "how to measure ring size",
    ],
)
@pytest.mark.parametrize("step", [Step.MAIN_MENU, Step.JEWELRY_RESULTS_SHOWN])
def test_a_store_question_naming_a_product_goes_to_the_assistant(step: Step, text: str) -> None:
    session = Session(step=step, history=HISTORY)
    turn = say(session, text)
    assert turn.effects == (AskAssistant(HISTORY, text),)
    assert turn.session == session  # a search under way stays as it was


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("round 1ct G VS1 70k, delivery to Delhi?", "delivery to Delhi?"),
        ("Round 1ct G VS1 70k. Is it IGI certified?", "Is it IGI certified?"),
        ("oval 1.5 ct under 1 lakh do you ship to Pune?", None),  # one clause: all of it
    ],
)
@pytest.mark.parametrize("step", [Step.MAIN_MENU, Step.DIAMOND_RESULTS_SHOWN, Step.ORDERS_SHOWN])
def test_a_spec_with_a_store_question_is_searched_and_the_question_asked(
    step: Step, text: str, question: str | None
) -> None:
    turn = say(Session(step=step, history=HISTORY), text)
    search, asked = turn.effects
    assert isinstance(search, SearchDiamonds)
    assert search.spec.shape is not None
    assert search.spec.budget_max_inr is not None
    assert asked == AskAssistant(HISTORY, question or text)
    assert turn.session.step is Step.COLLECT_DIAMOND_SPECS  # the results come to it


@pytest.mark.parametrize(
    "text",
    [
        "I want to return my earrings",
        "received wrong ring",
        "the pendant I got is broken",
        "damaged necklace received",
        "ring is too small, want to exchange",
        "how to clean my diamond ring",
        "received wrong ring 18k",  # a metal, still no search
    ],
)
@pytest.mark.parametrize("step", [Step.MAIN_MENU, Step.SUPPORT, Step.JEWELRY_RESULTS_SHOWN])
def test_after_sales_words_about_a_piece_go_to_the_assistant(step: Step, text: str) -> None:
    session = Session(step=step, history=HISTORY)
    turn = say(session, text)
    assert turn.effects == (AskAssistant(HISTORY, text),)
    assert turn.session == session


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("do you have rings under 50k?", Step.COLLECT_JEWELRY),  # no policy word: a search
        ("Round, 1.5ct, D, VS1, Ideal, ₹1,00,000", Step.COLLECT_DIAMOND_SPECS),
        ("oval 1ct with IGI certificate", Step.COLLECT_DIAMOND_SPECS),  # no question
    ],
)
def test_a_search_that_mentions_a_policy_word_is_still_a_search(text: str, step: Step) -> None:
    turn = say(Session(), text)
    assert not any(isinstance(e, AskAssistant) for e in turn.effects)
    assert turn.session.step is step


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("round 1ct G VS1 under 40k", Step.COLLECT_DIAMOND_SPECS),
        ("ring under 50k", Step.COLLECT_JEWELRY),
        ("+6.5 -7 EF VVS 10 carats", Step.COLLECT_MELEE),
    ],
)
def test_a_search_typed_at_support_is_that_search(text: str, step: Step) -> None:
    turn = say(Session(step=Step.SUPPORT), text)
    assert turn.session.step is step
    assert not any(isinstance(e, AskAssistant) for e in turn.effects)


def test_a_question_at_support_that_names_a_stone_is_still_a_question() -> None:
    turn = say(Session(step=Step.SUPPORT), "is a round 1ct good for a ring?")
    assert turn.effects == (AskAssistant((), "is a round 1ct good for a ring?"),)
