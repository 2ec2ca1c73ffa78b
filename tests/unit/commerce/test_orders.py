"""Reading orders from the store's order system: each field, and every broken CSV row."""

from __future__ import annotations

import io
from datetime import date

import pytest

from elgbot.catalog.feed import FeedError, Rejection
from elgbot.commerce.order_feed import read_orders
from elgbot.commerce.orders import (
    Order,
    OrderFieldError,
    OrderStatus,
    order_key,
    parse_day,
    parse_items,
    parse_phone,
    parse_status,
    parse_tracking_url,
)

HEADER = "order_id,phone,status,items,placed_at,expected_delivery,tracking_url"
GOOD = (
    "ELG-1001,+919812345678,shipped,Round 1.5ct D VS1 Ideal; 18K rose gold ring,"
    "2025-03-01,2025-03-08,https://track.example.com/AWB123"
)


def _read(*lines: str) -> list[Order | Rejection]:
    return list(read_orders(io.StringIO("\n".join(lines) + "\n", newline="")))


def _reason(row: str) -> str:
    [result] = _read(HEADER, row)
    assert isinstance(result, Rejection), result
    return result.reason


def test_a_good_row_becomes_an_order_with_its_items_split() -> None:
    assert _read(HEADER, GOOD) == [
        Order(
            "ELG-1001",
            "+919812345678",
            OrderStatus.SHIPPED,
            ("Round 1.5ct D VS1 Ideal", "18K rose gold ring"),
            date(2025, 3, 1),
            date(2025, 3, 8),
            "https://track.example.com/AWB123",
        )
    ]


def test_optional_columns_may_be_missing_or_blank() -> None:
    [order] = _read("Order ID,Phone,Status,Order Date", "A7,+919800000001,Placed,01/03/2025")
    assert order == Order("A7", "+919800000001", OrderStatus.PLACED, (), date(2025, 3, 1))


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("ELG-2,98123 45678,shipped,x,2025-03-01,,", "phone '98123 45678' is not in E.164 form"),
        ("ELG-2,+919812345678,lost,x,2025-03-01,,", "unknown status 'lost'"),
        ("ELG-2,+919812345678,shipped,x,yesterday,,", "placed_at 'yesterday' is not a date"),
        ("ELG-2,+919812345678,shipped,x,31/02/2025,,", "placed_at '31/02/2025' is not a real"),
        ("ELG-2,+919812345678,shipped,x,,,", "missing placed_at"),
        (
            "ELG-2,+919812345678,shipped,x,2025-03-09,2025-03-01,",
            "expected delivery is before the order was placed",
        ),
        ("ELG-2,+919812345678,shipped,x,2025-03-01,,ftp://x/1", "is not an http(s) link"),
        ("ELG 2,+919812345678,shipped,x,2025-03-01,,", "order id 'ELG 2' must be"),
        (",+919812345678,shipped,x,2025-03-01,,", "blank order id"),
        ("ELG-2,+919812345678,shipped", "expected 7 fields, found 3"),
    ],
)
def test_a_broken_row_is_rejected_with_its_reason(row: str, reason: str) -> None:
    assert reason in _reason(row)


def test_rejections_carry_the_line_and_a_repeated_order_is_rejected() -> None:
    rows = _read(HEADER, GOOD, "", "ELG-3,+91,shipped,x,2025-03-01,,", GOOD)
    assert [r for r in rows if isinstance(r, Rejection)] == [
        Rejection(4, "ELG-3", "phone '+91' is not in E.164 form, e.g. +919812345678"),
        Rejection(5, "ELG-1001", "duplicate order id (first seen on line 2)"),
    ]


def test_a_header_without_phone_cannot_be_imported() -> None:
    with pytest.raises(FeedError, match="no phone column"):
        _read("order_id,status,placed_at", "A1,shipped,2025-03-01")


@pytest.mark.parametrize(
    ("written", "phone"),
    [
        ("+919812345678", "+919812345678"),
        ("+91 98123 45678", "+919812345678"),
        ("whatsapp:+919812345678", "+919812345678"),
        ("+1 (415) 523-8886", "+14155238886"),
    ],
)
def test_phones_are_kept_in_e164(written: str, phone: str) -> None:
    assert parse_phone(written) == phone


@pytest.mark.parametrize("written", ["919812345678", "+0919812345678", "+91-abc", ""])
def test_a_phone_without_country_code_is_refused(written: str) -> None:
    with pytest.raises(OrderFieldError):
        parse_phone(written)


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("Shipped", OrderStatus.SHIPPED),
        ("dispatched", OrderStatus.SHIPPED),
        ("IN_PRODUCTION", OrderStatus.IN_PRODUCTION),
        ("out-for-delivery", OrderStatus.OUT_FOR_DELIVERY),
        ("canceled", OrderStatus.CANCELLED),
        ("pending", OrderStatus.PLACED),
    ],
)
def test_status_words_of_order_systems_are_understood(written: str, status: OrderStatus) -> None:
    assert parse_status(written) is status


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2025-03-01", date(2025, 3, 1)),
        ("2025-03-01T23:30:00+05:30", date(2025, 3, 1)),
        ("01/03/2025", date(2025, 3, 1)),  # Indian order: day first
        ("1-3-2025", date(2025, 3, 1)),
    ],
)
def test_dates_are_iso_or_day_first(written: str, day: date) -> None:
    assert parse_day(written, "placed_at") == day


def test_items_come_as_a_list_or_one_separated_text() -> None:
    assert parse_items("ring | studs;\npendant") == ("ring", "studs", "pendant")
    assert parse_items(["ring", " ", "studs"]) == ("ring", "studs")


def test_a_tracking_link_must_be_a_web_link() -> None:
    assert parse_tracking_url(" https://t.example/1 ") == "https://t.example/1"
    with pytest.raises(OrderFieldError):
        parse_tracking_url("javascript:alert(1)")


def test_order_ids_match_whatever_the_punctuation_and_case() -> None:
    assert order_key("ELG-10234") == order_key("elg 10234") == order_key("#ELG10234")
