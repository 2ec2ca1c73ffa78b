"""A customer's message as the conversation sees it, whatever channel carried it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class MessageKind(StrEnum):
    TEXT = "text"
    MEDIA = "media"  # image, audio, video, document, sticker (possibly with a caption)
    LOCATION = "location"
    CONTACTS = "contacts"
    BUTTON = "button"  # quick-reply button or list-picker choice
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Media:
    """An attachment, where the channel keeps it (Twilio: an https URL on its API)."""

    url: str
    content_type: str = ""


@dataclass(frozen=True, slots=True)
class InboundMessage:
    """One delivery from a customer.

    `message_id` is the channel's unique id (Twilio's MessageSid) and is what makes a
    repeated delivery recognisable. `sender` is the customer's address, e.g.
    "whatsapp:+919812345678". `text` is what to read: the body, the caption of a media
    message, or a button's payload/title; empty when there is nothing to read. `media`:
    the attachments the channel could say where to find (only http(s) URLs).
    """

    message_id: str
    sender: str
    text: str
    kind: MessageKind = MessageKind.TEXT
    media_count: int = 0
    media: tuple[Media, ...] = ()
