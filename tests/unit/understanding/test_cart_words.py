"""Adding to the cart by number, several numbers, a ring size; and a ring size answer."""

from __future__ import annotations

import pytest

from elgbot.understanding.cart_commands import CartAction, read_cart_command
from elgbot.understanding.commands import (
    read_add_options,
    read_add_with_size,
    read_choice,
    read_command,
    read_option_number,
)
from elgbot.understanding.ring_size import SizeAnswer, read_ring_size_answer


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("add to cart 2", (2,)),
        ("add to cart 1, 3", (1, 3)),
        ("add to cart 2,3", (2, 3)),
        ("add 2 and 4", (2, 4)),
        ("buy 1 & 2", (1, 2)),
        ("add 1,2,3 to cart", (1, 2, 3)),
        ("add items 1 and 3", (1, 3)),
        ("add to cart 1, 1", (1,)),
        ("add 2 to cart pls", (2,)),
        ("add 3 in my cart", (3,)),
        ("add 2 cts", None),
        ("add 5 cts of option 3", None),
        ("round 1 2", None),
        # A sign is kept, so "no option -1" is said; a dash with a space only separates.
        ("add to cart -1", (-1,)),
        ("buy -2", (-2,)),
        ("add to cart - 1", (1,)),
        ("add to cart: 2", (2,)),
    ],
)
def test_add_to_cart_takes_one_or_several_options(
    text: str, options: tuple[int, ...] | None
) -> None:
    assert read_add_options(text) == options


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("add to cart 1 size 12", (1, 12.0)),
        ("add 2 in ring size 13.5", (2, 13.5)),
        ("buy 3 - size 16", (3, 16.0)),
        ("add to cart 1", None),
    ],
)
def test_add_to_cart_with_a_ring_size(text: str, read: tuple[int, float] | None) -> None:
    assert read_add_with_size(text) == read


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("12", SizeAnswer(12)),
        ("14.5", SizeAnswer(14.5)),
        ("size 16", SizeAnswer(16)),
        ("my size is 9", SizeAnswer(9)),
        ("15 size", SizeAnswer(15)),
        ("45", SizeAnswer(out_of_range=True)),
        ("size 0", SizeAnswer(out_of_range=True)),
        ("not sure", SizeAnswer(unsure=True)),
        ("pata nahi", SizeAnswer(unsure=True)),
        ("how to measure?", SizeAnswer(unsure=True)),
        ("in white gold", SizeAnswer()),
    ],
)
def test_the_answer_to_the_ring_size_question(text: str, answer: SizeAnswer) -> None:
    assert read_ring_size_answer(text) == answer


@pytest.mark.parametrize(
    ("text", "position"),
    [("remove from cart 1", 1), ("remove from my cart item 2", 2), ("remove 2 from cart", 2)],
)
def test_remove_by_number_in_more_word_orders(text: str, position: int) -> None:
    command = read_cart_command(text)
    assert command is not None
    assert (command.action, command.position) == (CartAction.REMOVE, position)


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        ("remove 1 and 2", (1, 2)),
        ("remove 3, 1", (3, 1)),
        ("delete items 1 2 3 from cart", (1, 2, 3)),
        ("remove 2 & 2", (2,)),
        ("hatao 1 aur 4", (1, 4)),
    ],
)
def test_remove_several_by_number(text: str, positions: tuple[int, ...]) -> None:
    command = read_cart_command(text)
    assert command is not None
    assert (command.action, command.positions) == (CartAction.REMOVE, positions)


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("add to card 1", (1,)),
        ("add to cart one", (1,)),
        ("add the second one", (2,)),
        ("add 1-3", (1, 2, 3)),
        ("add 2 to 4", (2, 3, 4)),
    ],
)
def test_adding_as_people_type_it(text: str, options: tuple[int, ...]) -> None:
    assert read_add_options(text) == options


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("I'll take 2", (2,)),
        ("I want option 3", (3,)),
        ("2 please", (2,)),
        ("want the second one", (2,)),
        ("book option 1", (1,)),
        ("1 add karo", (1,)),
        ("i'd like the third one", (3,)),
        ("I will go with 1", (1,)),
        ("take 1 and 3", (1, 3)),
        ("I will take both 1 and 2", (1, 2)),
        ("add option 1 and 2", (1, 2)),
        ("give me number 4", (4,)),
        ("add to kart 2", (2,)),
        ("ad to cart 2", (2,)),
        ("two please", (2,)),
        ("dusra wala", (2,)),
    ],
)
def test_picking_an_option_on_the_screen(text: str, options: tuple[int, ...]) -> None:
    assert read_choice(text) == options


@pytest.mark.parametrize(
    "text", ["i want 2 carat", "i want a ring", "take a look", "i like it", "add 3-1", "2 ct"]
)
def test_what_is_no_pick(text: str) -> None:
    assert read_choice(text) is None


def test_an_ordinal_alone_is_an_option_number() -> None:
    assert read_option_number("the second one") == 2


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("checkout pls", CartAction.CHECKOUT),
        ("chekout", CartAction.CHECKOUT),
        ("confirm order", CartAction.CHECKOUT),
        ("clear my cart please", CartAction.CLEAR),
    ],
)
def test_cart_commands_with_courtesies_and_typos(text: str, action: CartAction) -> None:
    command = read_cart_command(text)
    assert command is not None
    assert command.action is action


def test_asking_what_is_in_the_cart_shows_it() -> None:
    assert read_command("what's in my cart?") is read_command("cart")


@pytest.mark.parametrize(
    "text", ["remove 99999999999999999999", "remove 1 and 99999999999999999999", "remove 123456"]
)
def test_a_number_no_cart_could_hold_is_no_removal(text: str) -> None:
    # Run together, digits once became one 20-digit position the database could not take.
    assert read_cart_command(text) is None


def test_a_negative_position_is_a_removal_of_no_item() -> None:
    command = read_cart_command("remove -1")
    assert command is not None
    assert command.position == -1  # the cart says it has no item -1, no sieve search


def test_an_ordinal_names_a_cart_line_but_remove_one_names_none() -> None:
    second = read_cart_command("remove the second one")
    assert second is not None
    assert second.position == 2
    one = read_cart_command("remove one")
    assert one is None or one.position is None
