"""TwiML replies for the webhook, and splitting text to Twilio's 1,600-character limit.

Twilio rejects a longer body (error 21617). It counts characters; an emoji may count as
two, so lengths here are UTF-16 code units, which is never less than Twilio's count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

TWIML_MEDIA_TYPE = "application/xml"
MAX_BODY = 1600
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
EMPTY_TWIML = f"{_DECLARATION}<Response/>"
# Characters XML 1.0 cannot carry at all; one of them would make Twilio reject the reply.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def messages_twiml(replies: Sequence[str]) -> str:
    """One <Message> per reply, long replies split; no replies → an empty <Response/>."""
    parts = [part for reply in replies for part in split_for_whatsapp(_NOT_XML.sub("", reply))]
    if not parts:
        return EMPTY_TWIML
    messages = "".join(f"<Message>{escape(part)}</Message>" for part in parts)
    return f"{_DECLARATION}<Response>{messages}</Response>"


def utf16_length(text: str) -> int:
    # surrogatepass: lone surrogates count as one unit instead of raising.
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def split_for_whatsapp(text: str, limit: int = MAX_BODY) -> list[str]:
    """Non-empty parts of at most `limit` UTF-16 units, in order, cut at line breaks.

    A line longer than the limit is cut at a word boundary, or anywhere when it has none.
    Whitespace at a cut is dropped (WhatsApp would not show it); all else is kept.
    """
    if limit < 2:  # an emoji takes 2 units: a smaller limit could never fit it
        raise ValueError("limit must be at least 2")
    if utf16_length(text) <= limit:  # the common case: one message, nothing to cut
        return [stripped] if (stripped := text.strip()) else []
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        joined = f"{current}\n{line}" if current else line
        if utf16_length(joined) <= limit:
            current = joined
            continue
        parts.append(current)
        *full, current = _split_line(line, limit)
        parts.extend(full)
    parts.append(current)
    return [stripped for part in parts if (stripped := part.strip())]


def _split_line(line: str, limit: int) -> list[str]:
    pieces: list[str] = []
    while utf16_length(line) > limit:
        head, line = _cut(line, limit)
        pieces.append(head)
    return [*pieces, line]


def _cut(line: str, limit: int) -> tuple[str, str]:
    end = _fitting_prefix(line, limit)
    space = _last_space(line, end)
    if space > 0 and line[:space].strip():
        return line[:space].rstrip(), line[space:].lstrip()
    return line[:end], line[end:]


def _last_space(line: str, end: int) -> int:
    # From `end` itself down: a space just past the fitting prefix is a clean cut too.
    for index in range(min(end, len(line) - 1), 0, -1):
        if line[index].isspace():
            return index
    return -1


def _fitting_prefix(line: str, limit: int) -> int:
    """The length of the longest prefix of `line` within `limit` UTF-16 units."""
    units = 0
    for index, char in enumerate(line):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return index
    return len(line)
