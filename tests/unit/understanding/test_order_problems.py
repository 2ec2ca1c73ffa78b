"""Problems with an order that need the store's team: money taken, a parcel not come."""

from __future__ import annotations

import pytest

from elgbot.understanding.order_problems import (
    reports_a_delivery_problem,
    reports_a_payment_problem,
)


@pytest.mark.parametrize(
    ("text", "payment", "delivery"),
    [
        ("money deducted but order not placed", True, False),
        ("payment done but no confirmation", True, False),
        ("I was charged twice", True, False),
        ("paise kat gaye order nahi hua", True, False),
        ("refund not received", True, True),  # money first: the payment reply is asked
        ("parcel not received", False, True),
        ("not received yet", False, True),
        ("it says shipped but I did not get it", False, True),
        ("it says shipped but I didn't get it", False, True),
        ("courier wala aaya nahi", False, True),
        ("parcel nahi mila", False, True),
        # not a problem with an order
        ("I have not received the quote", False, False),
        ("i did not get the otp", False, False),
        ("sorry, I didn't get you", False, False),
        ("can I pay by upi?", False, False),
        ("payment options", False, False),
        ("I got the ring, thank you", False, False),
        ("cancel it", False, False),
        ("where is my order", False, False),
    ],
)
def test_a_problem_with_an_order_is_recognised(text: str, payment: bool, delivery: bool) -> None:
    assert reports_a_payment_problem(text) is payment
    assert reports_a_delivery_problem(text) is delivery
