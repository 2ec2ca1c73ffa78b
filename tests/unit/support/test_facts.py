"""The store facts file: topics the store edits, read into what the model and the FAQ use."""

from __future__ import annotations

from pathlib import Path

from elgbot.support.facts import load_facts, parse_facts

FACTS = """# ELG store facts
<!-- A note for whoever edits this file: never shown. -->

## Certificates
Keywords: igi, gia, report
Every stone above 0.30 carat has an IGI or GIA report.

## Hours
Monday to Saturday, 10:00 to 19:00 IST.

## Other ways to reach us
Use the contact page of our website.

## Empty topic
"""


def test_each_heading_is_a_topic_with_its_text() -> None:
    facts = parse_facts(FACTS)
    assert [t.title for t in facts.topics] == ["Certificates", "Hours", "Other ways to reach us"]
    certificates = facts.topics[0]
    assert certificates.body == "Every stone above 0.30 carat has an IGI or GIA report."
    assert certificates.keywords == "igi, gia, report"


def test_the_model_reads_the_topics_without_keywords_or_editors_notes() -> None:
    text = parse_facts(FACTS).text
    assert "## Certificates\nEvery stone above 0.30 carat" in text
    assert "Keywords" not in text
    assert "never shown" not in text


def test_hours_and_contact_come_from_their_topics() -> None:
    facts = parse_facts(FACTS)
    assert facts.hours == "Monday to Saturday, 10:00 to 19:00 IST."
    assert facts.contact == "Use the contact page of our website."


def test_facts_without_hours_still_give_the_customer_something_to_read() -> None:
    facts = parse_facts("## Certificates\nIGI reports.")
    assert facts.hours == "please ask in this chat"


def test_the_packaged_facts_have_hours_and_other_ways_to_reach_the_store() -> None:
    facts = load_facts()
    assert "Monday to Saturday" in facts.hours
    assert facts.contact != "please ask in this chat"
    assert len(facts.topics) >= 8


def test_the_store_can_point_to_its_own_facts_file(tmp_path: Path) -> None:
    path = tmp_path / "facts.md"
    path.write_text("## Hours\nEvery day, 9 to 9.\n", "utf-8")
    assert load_facts(path).hours == "Every day, 9 to 9."


def test_a_wrapped_paragraph_reads_as_one_line_and_list_items_stay_apart() -> None:
    facts = parse_facts(
        "## Shipping\nDelivery times are confirmed\nwith each order.\n\n- item one\n- item two\n"
    )
    [topic] = facts.topics
    assert topic.body == "Delivery times are confirmed with each order.\n\n- item one\n- item two"
