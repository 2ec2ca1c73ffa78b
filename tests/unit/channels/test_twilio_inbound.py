"""Reading Twilio's incoming-message form into an InboundMessage."""

from __future__ import annotations

import string
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.datastructures import FormData, UploadFile

from elgbot.channels import twilio_inbound
from elgbot.channels.twilio_inbound import clean_text, read_inbound
from elgbot.conversation.inbound import InboundMessage, Media, MessageKind

SID = "SM7f3c0e9a1b2d4c5e6f708192a3b4c5d6"
CUSTOMER = "whatsapp:+919812345678"
EXAMPLE = [  # the reference document's example webhook, as Twilio sends it
    ("SmsMessageSid", SID),
    ("NumMedia", "0"),
    ("ProfileName", "Priya Sharma"),
    ("MessageType", "text"),
    ("SmsSid", SID),
    ("WaId", "919812345678"),
    ("SmsStatus", "received"),
    ("Body", "Hi"),
    ("To", "whatsapp:+14155238886"),
    ("NumSegments", "1"),
    ("ReferralNumMedia", "0"),
    ("MessageSid", SID),
    ("AccountSid", "AC" + "x" * 32),
    ("From", CUSTOMER),
    ("ApiVersion", "2010-04-01"),
]


def webhook(**fields: str) -> list[tuple[str, str]]:
    base = [("MessageSid", SID), ("From", CUSTOMER), ("NumMedia", "0")]
    return [*base, *fields.items()]


def test_the_reference_example_is_a_text_message() -> None:
    assert read_inbound(EXAMPLE) == InboundMessage(SID, CUSTOMER, "Hi", MessageKind.TEXT, 0)


def test_a_starlette_form_is_read_too() -> None:
    items: list[tuple[str, str | UploadFile]] = list(EXAMPLE)
    message = read_inbound(FormData(items))
    assert message is not None
    assert message.text == "Hi"


def test_an_uploaded_file_in_the_form_is_ignored() -> None:
    upload = UploadFile(file=None, filename="x")  # type: ignore[arg-type]
    message = read_inbound(FormData([*EXAMPLE, ("Body", upload)]))
    assert message is not None
    assert message.text == "Hi"


def test_without_a_message_sid_there_is_no_message() -> None:
    assert read_inbound([("From", CUSTOMER), ("Body", "Hi")]) is None
    assert read_inbound([("MessageSid", "  "), ("From", CUSTOMER), ("Body", "Hi")]) is None


def test_without_a_sender_there_is_no_message() -> None:
    assert read_inbound([("MessageSid", SID), ("Body", "Hi")]) is None


def test_an_absurdly_long_message_sid_is_not_a_message() -> None:
    assert read_inbound([("MessageSid", "SM" + "a" * 500), ("From", CUSTOMER)]) is None


def test_a_quick_reply_reads_its_payload() -> None:
    form = webhook(Body="Yes, add it", ButtonText="Yes, add it", ButtonPayload="cart:add:LGD-1")
    message = read_inbound(form)
    assert message is not None
    assert (message.kind, message.text) == (MessageKind.BUTTON, "cart:add:LGD-1")


def test_a_list_picker_reply_reads_its_list_id_first() -> None:
    form = webhook(Body="Round", ListId="shape:round", ButtonPayload="other", ListTitle="Round")
    message = read_inbound(form)
    assert message is not None
    assert (message.kind, message.text) == (MessageKind.BUTTON, "shape:round")


def test_button_text_is_the_last_resort() -> None:
    message = read_inbound(webhook(ButtonText="Talk to staff", MessageType="button"))
    assert message is not None
    assert message.text == "Talk to staff"


def test_an_image_with_a_caption_is_media_with_that_text() -> None:
    form = webhook(Body="like this ring", MessageType="image")
    form[2] = ("NumMedia", "1")
    message = read_inbound([*form, ("MediaUrl0", "https://api.twilio.com/x")])
    photo = Media("https://api.twilio.com/x")
    assert message == InboundMessage(
        SID, CUSTOMER, "like this ring", MessageKind.MEDIA, 1, (photo,)
    )


def test_each_attachment_is_read_with_its_type_up_to_num_media() -> None:
    form = webhook(Body="")
    form[2] = ("NumMedia", "2")
    extra = [
        ("MediaUrl0", " https://api.twilio.com/ME0 "),
        ("MediaContentType0", "image/jpeg"),
        ("MediaUrl1", "https://api.twilio.com/ME1"),
        ("MediaContentType1", "application/pdf"),
        ("MediaUrl2", "https://api.twilio.com/ME2"),  # beyond NumMedia: not Twilio's
    ]
    message = read_inbound([*form, *extra])
    assert message is not None
    assert message.media == (
        Media("https://api.twilio.com/ME0", "image/jpeg"),
        Media("https://api.twilio.com/ME1", "application/pdf"),
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.com/x.jpg",
        "https://",
        "https://api.twilio.com/a b",
        "//api.twilio.com/x",
        "https://api.twilio.com/" + "x" * 3000,
        "",
    ],
)
def test_an_attachment_url_that_is_no_web_link_is_left_out(url: str) -> None:
    form = webhook(Body="look")
    form[2] = ("NumMedia", "1")
    message = read_inbound([*form, ("MediaUrl0", url), ("MediaContentType0", "image/png")])
    assert message is not None
    assert (message.kind, message.text, message.media) == (MessageKind.MEDIA, "look", ())


def test_a_media_count_that_is_not_a_number_means_none() -> None:
    for raw in ("", "abc", "-1", "١", "9" * 50):
        form = [("MessageSid", SID), ("From", CUSTOMER), ("NumMedia", raw)]
        message = read_inbound(form)
        assert message is not None
        assert message.media_count == 0


def test_a_shared_location_is_a_location() -> None:
    form = webhook(Latitude="19.0760", Longitude="72.8777", Address="Mumbai", Body="")
    message = read_inbound(form)
    assert message is not None
    assert message.kind is MessageKind.LOCATION
    typed = read_inbound(webhook(MessageType="location"))
    assert typed is not None
    assert typed.kind is MessageKind.LOCATION


def test_shared_contacts_are_contacts() -> None:
    message = read_inbound(webhook(MessageType="contacts", Body=""))
    assert message is not None
    assert message.kind is MessageKind.CONTACTS


def test_a_message_type_the_bot_cannot_read_is_other() -> None:
    message = read_inbound(webhook(MessageType="reaction", Body=""))
    assert message is not None
    assert message.kind is MessageKind.OTHER


def test_text_is_normalised_and_stripped_of_control_characters() -> None:
    message = read_inbound(webhook(Body="  ＶＶＳ１\x00 oval\r\nround\ttoo\x1b[31m  "))
    assert message is not None
    assert message.text == "VVS1 oval\nround too[31m"


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("h\u200bi", "hi"),  # zero-width space
        ("\ufeffmenu", "menu"),  # byte order mark
        ("\u202eih\u202c", "ih"),  # a direction override does not disguise the words
        ("ऋ\u200dषि", "ऋ\u200dषि"),  # a joiner inside Indic script stays
    ],
)
def test_invisible_format_characters_are_dropped_but_joiners_kept(raw: str, text: str) -> None:
    message = read_inbound(webhook(Body=raw))
    assert message is not None
    assert message.text == text


def test_emoji_and_rupee_sign_survive() -> None:
    message = read_inbound(webhook(Body="💍 under ₹50,000 👩‍❤️‍👨"))
    assert message is not None
    assert message.text == "💍 under ₹50,000 👩‍❤️‍👨"


def test_text_is_capped_at_whatsapps_limit() -> None:
    message = read_inbound(webhook(Body="a" * 100_000))
    assert message is not None
    assert message.text == "a" * 4096


def test_a_shared_location_becomes_a_map_link_with_its_address() -> None:
    shared = webhook(Latitude="19.07", Longitude="72.87", Address="Bandra, Mumbai", Body="")
    message = read_inbound(shared)
    assert message is not None
    assert message.kind is MessageKind.LOCATION
    assert message.media == (
        Media("https://maps.google.com/?q=19.070000,72.870000", "location: Bandra, Mumbai"),
    )
    for bad in ({"Latitude": "91", "Longitude": "0"}, {"Latitude": "nan", "Longitude": "1"}):
        assert read_inbound(webhook(**bad)).media == ()  # type: ignore[union-attr]


def test_the_first_of_repeated_fields_wins() -> None:
    message = read_inbound([*webhook(Body="first"), ("Body", "second")])
    assert message is not None
    assert message.text == "first"


_FIELDS = (
    "MessageSid From Body NumMedia MessageType ListId ButtonPayload ButtonText Latitude"
    " MediaUrl0 MediaContentType0 MediaUrl1"
)
_names = st.sampled_from(_FIELDS.split()) | st.text(string.printable, max_size=10)
_values = st.text(max_size=3000) | st.sampled_from(["0", "1", "10", "location", "contacts"])


@given(st.lists(st.tuples(_names, _values), max_size=20))
def test_any_form_gives_a_message_or_none_and_never_raises(pairs: list[tuple[str, str]]) -> None:
    message = read_inbound(pairs)
    if message is not None:
        assert message.message_id
        assert message.sender
        assert len(message.text) <= 4096
        assert message.text == message.text.strip()
        controls = [c for c in message.text if unicodedata.category(c) in ("Cc", "Cs")]
        assert set(controls) <= {"\n"}
        assert 0 <= message.media_count <= 10
        assert len(message.media) <= message.media_count
        assert all(twilio_inbound.is_web_url(m.url) for m in message.media)


@given(st.lists(st.tuples(st.text(), st.text()), max_size=5))
def test_arbitrary_unicode_never_raises(pairs: list[tuple[str, str]]) -> None:
    read_inbound([("MessageSid", SID), ("From", CUSTOMER), *pairs])


@given(st.lists(st.one_of(st.none(), st.integers(), st.tuples(st.text()), st.binary())))
def test_items_that_are_not_string_pairs_are_skipped(items: list[object]) -> None:
    assert read_inbound(items) is None  # type: ignore[arg-type]


@given(st.text(), st.integers(min_value=1, max_value=40))
def test_the_shortcut_for_plain_ascii_cleans_exactly_as_normalising_does(
    raw: str, limit: int
) -> None:
    expected = twilio_inbound._normalised(raw[: limit * 4], limit)
    assert clean_text(raw, limit) == expected


@given(st.text(alphabet=string.printable), st.integers(min_value=1, max_value=40))
def test_the_shortcut_agrees_on_ascii_with_spaces_tabs_and_newlines(raw: str, limit: int) -> None:
    assert clean_text(raw, limit) == twilio_inbound._normalised(raw[: limit * 4], limit)
