"""Twilio's incoming-message webhook form → InboundMessage.

Twilio adds parameters without notice and list-picker replies are undocumented, so this
reads defensively and never raises: anything unusable becomes None or an empty text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeAlias, cast, runtime_checkable

from elgbot.conversation.inbound import InboundMessage, Media, MessageKind

# WhatsApp's limit on a message a customer sends (1,600 is the limit on ours to them).
MAX_TEXT = 4096
MAX_ID = 128  # MessageSid is 34 chars and From ~25: far longer is not Twilio's
MAX_MEDIA = 10  # Twilio's most attachments per message
MAX_URL = 2048  # Twilio's media URLs are ~150 chars
MAX_CONTENT_TYPE = 100
_TEXT_TYPES = frozenset({"text", "interactive", "button"})


@runtime_checkable
class MultiItems(Protocol):
    """Starlette's FormData and friends: a multi-dict that keeps repeated keys."""

    def multi_items(self) -> Sequence[tuple[str, object]]: ...


FormParams: TypeAlias = MultiItems | Sequence[tuple[str, str]]


class TextPairs(list[tuple[str, str]]):
    """Form pairs known to be text, as the webhook's own parser returns them: read twice
    per message (signature, message), they need no second look (~4 % of a webhook)."""


def form_pairs(params: FormParams) -> list[tuple[str, str]]:
    """Every (name, value) pair in arrival order; repeated keys kept, uploads dropped."""
    if isinstance(params, TextPairs):
        return params
    # getattr, not isinstance: a runtime Protocol check costs more than the rest here.
    multi_items = getattr(params, "multi_items", None)
    items: Iterable[object] = (
        multi_items() if callable(multi_items) else cast(Iterable[object], params)
    )
    return [pair for item in items if (pair := _text_pair(item)) is not None]


def _text_pair(item: object) -> tuple[str, str] | None:
    if isinstance(item, tuple) and len(item) == 2:
        name, value = item
        if isinstance(name, str) and isinstance(value, str):
            return name, value
    return None


def read_inbound(params: FormParams) -> InboundMessage | None:
    """The message in a webhook form, or None when it has no MessageSid or no From."""
    form = _first_values(form_pairs(params))
    message_id = _clean_id(form.get("MessageSid", ""))
    sender = _clean_id(form.get("From", ""))
    if not message_id or not sender:
        return None
    media = _media_count(form.get("NumMedia", ""))
    kind = _kind(form, media)
    text = _field(form, "Body") if kind is MessageKind.MEDIA else _text(form)
    attachments = (*_attachments(form, media), *_place(form))
    return InboundMessage(message_id, sender, text, kind, media, attachments)


def clean_text(raw: str, limit: int = MAX_TEXT) -> str:
    """NFKC, no control or invisible format characters but newlines (and the joiners
    emoji and Indic scripts need), stripped, at most `limit` characters."""
    # Bound the work before normalising: NFKC can expand a character up to 18-fold.
    raw = raw[: limit * 4]
    if raw.isascii() and raw.isprintable():  # most fields: nothing to normalise or drop
        return raw.strip()[:limit].rstrip()
    return _normalised(raw, limit)


def _normalised(raw: str, limit: int) -> str:
    text = unicodedata.normalize("NFKC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(c for c in text if _kept(c))
    return text.strip()[:limit].rstrip()


# Zero-width joiners hold emoji sequences ("🙋‍♀️") and Indic conjuncts together.
_JOINERS = frozenset({"\u200c", "\u200d"})


def _kept(char: str) -> bool:
    """Not a control character, nor an invisible format one (zero-width space, direction
    overrides, BOM) that would split or disguise words: "h\u200bi" is "hi"."""
    category = unicodedata.category(char)
    return char == "\n" or char in _JOINERS or category not in ("Cc", "Cs", "Cf")


def _first_values(pairs: list[tuple[str, str]]) -> dict[str, str]:
    # Twilio never repeats these names; if a form does, the first value wins.
    form: dict[str, str] = {}
    for name, value in pairs:
        form.setdefault(name, value)
    return form


def _field(form: dict[str, str], name: str) -> str:
    return clean_text(form.get(name, ""))


def _clean_id(raw: str) -> str:
    value = clean_text(raw, MAX_ID + 1)
    return "" if len(value) > MAX_ID or "\n" in value else value


def _media_count(raw: str) -> int:
    raw = raw.strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 3:
        return 0
    return min(int(raw), MAX_MEDIA)


def _attachments(form: dict[str, str], count: int) -> tuple[Media, ...]:
    """MediaUrl{i} / MediaContentType{i}; a URL that is not http(s) is left out (staff
    get it as a link)."""
    found = []
    for i in range(count):
        url = clean_text(form.get(f"MediaUrl{i}", ""), MAX_URL + 1)
        if len(url) <= MAX_URL and is_web_url(url):
            kind = clean_text(form.get(f"MediaContentType{i}", ""), MAX_CONTENT_TYPE)
            found.append(Media(url, kind.replace("\n", " ")))
    return tuple(found)


def _place(form: dict[str, str]) -> tuple[Media, ...]:
    """A shared location as a map link, its label or address as the kind, so staff in a
    handoff see where it is; nothing when the coordinates are not two numbers on Earth."""
    try:
        lat, lon = float(form.get("Latitude", "")), float(form.get("Longitude", ""))
    except ValueError:
        return ()
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # also rules out nan and inf
        return ()
    named = " ".join(filter(None, (_field(form, "Label"), _field(form, "Address"))))
    kind = f"location: {named}"[:MAX_CONTENT_TYPE] if named else "location"
    return (Media(f"https://maps.google.com/?q={lat:.6f},{lon:.6f}", kind.replace("\n", " ")),)


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host and no whitespace: safe to offer as a link."""
    scheme, sep, rest = url.partition("://")
    host = rest.split("/", 1)[0]
    plain = not any(c.isspace() for c in url)
    return bool(sep) and scheme.lower() in ("http", "https") and bool(host) and plain


def _text(form: dict[str, str]) -> str:
    # ListId and ButtonPayload are stable ids; Body and ButtonText are what the user saw.
    for name in ("ListId", "ButtonPayload", "Body", "ButtonText"):
        if value := _field(form, name):
            return value
    return ""


def _kind(form: dict[str, str], media: int) -> MessageKind:
    message_type = form.get("MessageType", "").strip().lower()
    if media > 0:
        return MessageKind.MEDIA
    if _field(form, "Latitude") or _field(form, "Longitude") or message_type == "location":
        return MessageKind.LOCATION
    if message_type == "contacts":
        return MessageKind.CONTACTS
    if _field(form, "ButtonPayload") or _field(form, "ListId"):
        return MessageKind.BUTTON
    # Reactions, orders, "unsupported" …: nothing the bot can act on as plain text.
    if message_type and message_type not in _TEXT_TYPES:
        return MessageKind.OTHER
    return MessageKind.TEXT
