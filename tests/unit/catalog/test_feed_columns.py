"""Which header column carries which fact, including the per-carat price trap."""

from __future__ import annotations

import pytest

from elgbot.catalog.feed_columns import (
    AMBIGUOUS_PRICE_ALIASES,
    COLUMN_ALIASES,
    PRICE_ALIASES,
    ColumnMap,
    Concept,
    PriceBasis,
    PriceColumn,
    header_key,
    map_columns,
)

PLAIN = ["stock_id", "shape", "carat", "color", "clarity", "cut", "price_inr"]


def _column_of(header: list[str], concept: Concept) -> str | None:
    index = map_columns(header).index.get(concept)
    return None if index is None else header[index]


def _price(header: list[str]) -> tuple[str, PriceBasis] | None:
    price = map_columns(header).price
    return None if price is None else (header[price.index], price.basis)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Stock #", "stock"),
        ("stock_no", "stockno"),
        ("StockNo", "stockno"),
        ("Stock Number", "stocknumber"),
        ("Supplier Stock Ref.", "supplierstockref"),
        ("Item ID #", "itemid"),
        ("Price/Ct", "priceperct"),
        ("$/ct", "perct"),
        ("\ufeffstock_id", "stockid"),
        ("  Cut Grade ", "cutgrade"),
    ],
)
def test_header_names_compare_without_case_or_punctuation(name: str, key: str) -> None:
    assert header_key(name) == key


@pytest.mark.parametrize(
    ("concept", "alias"),
    [(concept, alias) for concept, aliases in COLUMN_ALIASES.items() for alias in aliases],
)
def test_every_alias_finds_its_concept(concept: Concept, alias: str) -> None:
    header = ["notes", alias.upper(), "remarks"]
    assert _column_of(header, concept) == alias.upper()


def test_no_alias_belongs_to_two_concepts() -> None:
    aliases = [alias for names in COLUMN_ALIASES.values() for alias in names]
    aliases += [*PRICE_ALIASES, *AMBIGUOUS_PRICE_ALIASES]
    assert len(aliases) == len(set(aliases))


@pytest.mark.parametrize(
    ("header", "stock_id"),
    [
        (["Stock #", "Shape"], "Stock #"),
        (["stock_no", "Shape"], "stock_no"),
        (["Stock Number"], "Stock Number"),
        (["supplierStockId", "shape"], "supplierStockId"),
        (["Item ID #", "Supplier Stock Ref.", "Cut"], "Supplier Stock Ref."),
        (["Item ID #", "Cut"], "Item ID #"),
        (["ReferenceNum"], "ReferenceNum"),
    ],
)
def test_stock_id_column_is_found_under_each_feeds_name(header: list[str], stock_id: str) -> None:
    assert _column_of(header, Concept.STOCK_ID) == stock_id


@pytest.mark.parametrize("name", ["Weight", "Size", "Carat", "Ct", "carats", "Carat Weight"])
def test_carat_column_is_found_under_each_feeds_name(name: str) -> None:
    assert _column_of(["Stock #", name], Concept.CARAT) == name


def test_idex_cut_is_the_shape_when_a_cut_grade_column_exists() -> None:
    header = ["Item ID #", "Cut", "Carat", "Color", "Clarity", "Cut Grade", "Total Price"]
    assert _column_of(header, Concept.SHAPE) == "Cut"
    assert _column_of(header, Concept.CUT) == "Cut Grade"


def test_cut_is_the_cut_grade_when_there_is_no_cut_grade_column() -> None:
    assert _column_of(PLAIN, Concept.CUT) == "cut"
    assert _column_of(PLAIN, Concept.SHAPE) == "shape"


def test_cut_stays_a_grade_when_the_file_also_has_a_shape_column() -> None:
    header = ["Shape", "Cut", "Cut Grade"]
    assert _column_of(header, Concept.SHAPE) == "Shape"
    assert _column_of(header, Concept.CUT) == "Cut Grade"


def test_the_first_column_of_a_repeated_name_wins() -> None:
    assert _column_of(["Carat", "carat"], Concept.CARAT) == "Carat"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # Bare "Price" in a file that looks like RapNet is per carat.
        (["Stock #", "Shape", "Weight", "Price"], ("Price", PriceBasis.PER_CARAT)),
        (["StockID", "Shape", "Size", "Price"], ("Price", PriceBasis.PER_CARAT)),
        (["Stock #", "Shape", "Carat", "Price"], ("Price", PriceBasis.PER_CARAT)),
        # Anywhere else it is the stone's total.
        (["stock_id", "shape", "carats", "price"], ("price", PriceBasis.TOTAL)),
        (["SKU", "Shape", "Carat", "Price"], ("Price", PriceBasis.TOTAL)),
        # Nivoda: bare price beside an explicit per-carat column is the total.
        (["stock_id", "carats", "price", "price_per_carat"], ("price", PriceBasis.TOTAL)),
        # An explicit total wins over everything.
        (["Stock #", "Weight", "Price", "Total Price"], ("Total Price", PriceBasis.TOTAL)),
        (["Price Per Carat", "Total Price"], ("Total Price", PriceBasis.TOTAL)),
        (PLAIN, ("price_inr", PriceBasis.TOTAL)),
        # Only a per-carat column: per carat, whatever the file looks like.
        (["stock_id", "carat", "Price Per Carat"], ("Price Per Carat", PriceBasis.PER_CARAT)),
        (["stock_id", "carat", "Price/Ct"], ("Price/Ct", PriceBasis.PER_CARAT)),
        (["stock_id", "carat", "$/ct"], ("$/ct", PriceBasis.PER_CARAT)),
        (["stock_id", "carat"], None),
    ],
)
def test_price_column_and_its_basis_follow_the_documented_rule(
    header: list[str], expected: tuple[str, PriceBasis] | None
) -> None:
    assert _price(header) == expected


@pytest.mark.parametrize(("alias", "basis"), list(PRICE_ALIASES.items()))
def test_every_explicit_price_alias_has_its_basis(alias: str, basis: PriceBasis) -> None:
    assert map_columns(["Stock #", "Weight", alias]).price == PriceColumn(2, basis)


def test_a_complete_header_misses_nothing() -> None:
    assert map_columns(PLAIN).missing == ()


def test_missing_names_the_required_facts_without_a_column() -> None:
    columns = map_columns(["stock_id", "colour", "Clarity", "notes"])
    assert columns.missing == ("shape", "carat", "price")
    assert isinstance(columns, ColumnMap)
