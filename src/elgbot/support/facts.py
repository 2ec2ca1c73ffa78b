"""The store's facts: a Markdown file the store edits, read once at start-up.

Each `## ` heading starts a topic; an optional `Keywords:` line helps retrieval and is never
shown; HTML comments are notes for the editor. The whole text (without keywords and
comments) is what the model is told; the topics are what the offline answers quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_KEYWORDS = re.compile(r"^keywords:\s*(.*)$", re.IGNORECASE)
HOURS_TOPIC = "hours"
CONTACT_TOPIC = "other ways to reach us"
_UNKNOWN = "please ask in this chat"


@dataclass(frozen=True, slots=True)
class Topic:
    title: str
    body: str
    keywords: str = ""


@dataclass(frozen=True, slots=True)
class StoreFacts:
    topics: tuple[Topic, ...]

    @property
    def text(self) -> str:
        """The facts as the model reads them."""
        return "\n\n".join(f"## {t.title}\n{t.body}" for t in self.topics)

    def topic(self, title: str) -> Topic | None:
        wanted = title.casefold()
        return next((t for t in self.topics if t.title.casefold() == wanted), None)

    @property
    def hours(self) -> str:
        return _body_or(self.topic(HOURS_TOPIC))

    @property
    def contact(self) -> str:
        return _body_or(self.topic(CONTACT_TOPIC))


def default_facts_path() -> Path:
    return Path(str(files("elgbot.support") / "store_facts.md"))


def load_facts(path: Path | None = None) -> StoreFacts:
    return parse_facts((path or default_facts_path()).read_text("utf-8"))


def parse_facts(markdown: str) -> StoreFacts:
    topics: list[Topic] = []
    for block in ("\n" + _COMMENT.sub("", markdown)).split("\n## ")[1:]:
        title, _, rest = block.partition("\n")
        topic = _topic(title.strip(), rest)
        if topic.body:
            topics.append(topic)
    return StoreFacts(tuple(topics))


def _topic(title: str, text: str) -> Topic:
    keywords, lines = "", []
    for line in text.strip().splitlines():
        if match := _KEYWORDS.match(line.strip()):
            keywords = match.group(1)
        else:
            lines.append(line.rstrip())
    return Topic(title, _unwrapped("\n".join(lines)), keywords)


def _unwrapped(text: str) -> str:
    """Paragraphs joined into single lines: the file is wrapped for editors, but WhatsApp
    would show every wrap as a line break mid-sentence. Blank lines and list items stay."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(_joined(p.splitlines()) for p in paragraphs)


def _joined(lines: list[str]) -> str:
    out: list[str] = []
    for line in (stripped.strip() for stripped in lines):
        if out and not line.startswith(("- ", "* ", "• ")):  # "*bold*" is not a list item
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _body_or(topic: Topic | None) -> str:
    return topic.body if topic else _UNKNOWN
