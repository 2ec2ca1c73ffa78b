"""Empty, media-only, location, contacts, button, hostile and huge messages all get a
helpful reply, never an error."""

from __future__ import annotations

import pytest

from whatsapp_chat import Chat, messages


@pytest.mark.parametrize(
    ("text", "extra", "expected"),
    [
        ("", {}, "I didn’t receive any text"),
        ("   ", {}, "I didn’t receive any text"),
        (
            "",
            {
                "NumMedia": "1",
                "MediaUrl0": "https://api.twilio.com/x.jpg",
                "MediaContentType0": "image/jpeg",
                "MessageType": "image",
            },
            "Thanks! I can only read text messages",
        ),
        (
            "",
            {"Latitude": "19.07", "Longitude": "72.87", "MessageType": "location"},
            "Thanks for sharing a location",
        ),
        ("", {"MessageType": "contacts"}, "Thanks for the contact card"),
        ("x" * 1600, {}, "Sorry, I didn’t understand"),
        ("<Response><Redirect>http://evil</Redirect></Response>", {}, "Sorry, I didn’t understand"),
        ("'; DROP TABLE sessions; --", {}, "Sorry, I didn’t understand"),
        ("🙂🙂🙂", {}, "Sorry, I didn’t understand"),
    ],
)
async def test_odd_messages_get_a_helpful_reply(
    chat: Chat, text: str, extra: dict[str, str], expected: str
) -> None:
    replies = messages(await chat.say(text, **extra))
    assert len(replies) == 1
    assert replies[0].startswith(expected)


async def test_a_quick_reply_button_is_read_as_the_customer_typed_it(chat: Chat) -> None:
    await chat.say("Hi")
    [reply] = messages(
        await chat.say(
            "Lab Diamonds", ButtonPayload="1", ButtonText="Lab Diamonds", MessageType="button"
        )
    )
    assert "Shape, Carat, Color" in reply


async def test_a_media_message_with_a_caption_reads_the_caption(chat: Chat) -> None:
    extra = {
        "NumMedia": "1",
        "MediaUrl0": "https://api.twilio.com/x.jpg",
        "MediaContentType0": "image/jpeg",
    }
    [reply] = messages(await chat.say("menu", **extra))
    assert reply.startswith("Welcome to ELG")


async def test_xml_in_a_reply_is_escaped(chat: Chat) -> None:
    await chat.say("Hi")
    await chat.say("1")
    response = await chat.say("Round <b>&amp;</b>, 1.5ct")
    assert "<b>" not in response  # the customer's words never become markup
