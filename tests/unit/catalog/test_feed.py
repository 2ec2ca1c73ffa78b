"""Reading supplier feeds: every format, every code, every broken row."""

from __future__ import annotations

import io

import pytest

from elgbot.catalog.codes import (
    CLARITY_ALIASES,
    CUT_CODES,
    SHAPE_CODES,
    SHAPE_LETTERS_IN_FEEDS,
    SHAPE_MISSPELLINGS,
    SHAPE_NAMES,
)
from elgbot.catalog.feed import (
    FLUORESCENCE_CODES,
    FeedError,
    FeedRow,
    Rejection,
    read_feed,
)
from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.stone import Stone

PLAIN_HEADER = "stock_id,shape,carat,color,clarity,cut,price_inr"
RAPNET_HEADER = (
    "Stock #,Shape,Weight,Color,Clarity,Cut Grade,Polish,Symmetry,"
    "Fluorescence Intensity,Lab,Certificate #,Price"
)


def _read(*lines: str) -> list[FeedRow | Rejection]:
    return list(read_feed(io.StringIO("\n".join(lines) + "\n", newline="")))


def _stone(**cells: str) -> Stone:
    """The stone read from a one-row plain feed: a round 1 ct G VS1 ideal unless told."""
    (result,) = _read(PLAIN_HEADER, _plain_row(**cells))
    assert isinstance(result, FeedRow), result
    return result.stone


def _reason(**cells: str) -> str:
    (result,) = _read(PLAIN_HEADER, _plain_row(**cells))
    assert isinstance(result, Rejection), result
    return result.reason


def _plain_row(**cells: str) -> str:
    row = {"stock_id": "S1", "shape": "round", "carat": "1.00", "color": "G"}
    row |= {"clarity": "VS1", "cut": "ideal", "price_inr": "30000"} | cells
    return ",".join(row.values())


def _rapnet(**cells: str) -> FeedRow:
    """The row read from a one-row RapNet feed: per-carat price, all graded extras."""
    row = {"stock": "R1", "shape": "BR", "weight": "1.00", "color": "G", "clarity": "VS1"}
    row |= {"cut": "EX", "polish": "EX", "symmetry": "EX", "fluorescence": "NON"}
    row |= {"lab": "IGI", "certificate": "LG612345678", "price": "30000"} | cells
    (result,) = _read(RAPNET_HEADER, ",".join(row.values()))
    assert isinstance(result, FeedRow), result
    return result


# --- formats ---------------------------------------------------------------------------


def test_a_rapnet_file_multiplies_its_per_carat_price_by_the_weight() -> None:
    rows = _read(
        RAPNET_HEADER,
        "R1,BR,1.01,G,VS1,EX,EX,VG,NON,IGI,LG 612 345 678,30000",
        'R2,PS,0.73,E,VVS2,,VG,G,FNT,igi,lg612345679,"21,000"',
    )
    assert rows == [
        FeedRow(
            2,
            Stone("R1", Shape.ROUND, 1.01, Color.G, Clarity.VS1, Cut.EXCELLENT, 30300),
            Cut.EXCELLENT,
            Cut.VERY_GOOD,
            "none",
            "IGI",
            "LG612345678",
        ),
        FeedRow(
            3,
            Stone("R2", Shape.PEAR, 0.73, Color.E, Clarity.VVS2, None, 15330),
            Cut.VERY_GOOD,
            Cut.GOOD,
            "faint",
            "IGI",
            "LG612345679",
        ),
    ]


def test_a_per_carat_price_is_rounded_to_whole_rupees_half_up() -> None:
    assert _rapnet(weight="0.33", price="18001").stone.price_inr == 5940  # 5940.33
    assert _rapnet(weight="0.50", price="18001").stone.price_inr == 9001  # 9000.5


def test_a_nivoda_file_takes_price_as_the_total_beside_price_per_carat() -> None:
    rows = _read(
        "supplierStockId,shape,carats,col,clar,cut,pol,symm,floInt,lab,certNumber,price,"
        "price_per_carat",
        "N-1,OVAL,1.52,F,VVS1,IDEAL,EXCELLENT,EXCELLENT,MEDIUM,IGI,LG600000001,52000,34210.53",
    )
    assert rows == [
        FeedRow(
            2,
            Stone("N-1", Shape.OVAL, 1.52, Color.F, Clarity.VVS1, Cut.IDEAL, 52000),
            Cut.EXCELLENT,
            Cut.EXCELLENT,
            "medium",
            "IGI",
            "LG600000001",
        )
    ]


IDEX_HEADER = (
    "Item ID #,Supplier Stock Ref.,Cut,Carat,Color,Clarity,Cut Grade,Polish,Symmetry,"
    "Fluorescence Intensity,Grading Lab,Certificate Number"
)


def test_an_idex_file_reads_cut_as_the_shape_and_prefers_the_total_price() -> None:
    rows = _read(
        f"{IDEX_HEADER},Price Per Carat,Total Price",
        "998877,SUP-7,Cushion Modified,2.01,H,VS2,Very Good,Very Good,Good,Strong Blue,GIA,"
        "2141234567,20000,40100",
    )
    assert rows == [
        FeedRow(
            2,
            Stone("SUP-7", Shape.CUSHION, 2.01, Color.H, Clarity.VS2, Cut.VERY_GOOD, 40100),
            Cut.VERY_GOOD,
            Cut.GOOD,
            "strong",
            "GIA",
            "2141234567",
        )
    ]


def test_an_idex_file_with_only_a_per_carat_price_is_multiplied_by_the_weight() -> None:
    (row,) = _read(
        f"{IDEX_HEADER},Price Per Carat",
        "998877,SUP-7,Emerald,2.00,H,VS2,,EX,EX,N,IGI,LG1,20000",
    )
    assert isinstance(row, FeedRow)
    assert (row.stone.shape, row.stone.price_inr) == (Shape.EMERALD, 40000)


def test_our_plain_format_reads_every_column() -> None:
    rows = _read(PLAIN_HEADER, "ELG-000001,round,1.00,G,VS1,ideal,30000")
    stone = Stone("ELG-000001", Shape.ROUND, 1.0, Color.G, Clarity.VS1, Cut.IDEAL, 30000)
    assert rows == [FeedRow(2, stone)]


def test_a_bare_price_outside_rapnet_files_is_the_total() -> None:
    (row,) = _read("stock_id,shape,carat,color,clarity,price", "S1,oval,2.00,E,VS1,64000")
    assert isinstance(row, FeedRow)
    assert row.stone.price_inr == 64000


def test_headers_match_whatever_their_case_and_punctuation() -> None:
    (row,) = _read(
        "\ufeffSTOCK_NO, Shape ,CARAT,Colour,Clarity,Cut-Grade,Price (INR)",
        "S1,Round,1.00,G,VS1,EX,30000",
    )
    assert isinstance(row, FeedRow)
    assert row.stone.stock_id == "S1"


def test_columns_the_feed_does_not_have_read_as_not_given() -> None:
    (row,) = _read("stock_id,shape,carat,color,clarity,price_inr", "S1,pear,0.90,F,VS2,19000")
    assert row == FeedRow(2, Stone("S1", Shape.PEAR, 0.9, Color.F, Clarity.VS2, None, 19000))


# --- cell values -----------------------------------------------------------------------

_SHAPE_SPELLINGS = {
    **SHAPE_NAMES,
    **SHAPE_CODES,
    **SHAPE_MISSPELLINGS,
    **SHAPE_LETTERS_IN_FEEDS,
}


@pytest.mark.parametrize(("text", "shape"), list(_SHAPE_SPELLINGS.items()))
def test_every_shape_name_code_letter_and_misspelling_is_read(text: str, shape: Shape) -> None:
    assert _stone(shape=text.upper()).shape is shape
    assert _stone(shape=f" {text.title()} ").shape is shape


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("Round Brilliant", Shape.ROUND),
        ("princes", Shape.PRINCESS),
        ("Princess Cut", Shape.PRINCESS),
        ("Heart Shape", Shape.HEART),
        ("Pear Modified Brilliant", Shape.PEAR),
        ("Oval Brilliant", Shape.OVAL),
        ("Half-Moon", Shape.HALF_MOON),
        ("HALFMOON", Shape.HALF_MOON),
        ("R.B.C", Shape.ROUND),
        ("Cushion Modified", Shape.CUSHION),
    ],
)
def test_shape_variants_seen_in_real_feeds_are_read(text: str, shape: Shape) -> None:
    assert _stone(shape=text).shape is shape


@pytest.mark.parametrize("text", ["XYZ", "R", "C", "Blob", "Square Radiant"])
def test_an_unknown_or_ambiguous_shape_is_rejected(text: str) -> None:
    assert _reason(shape=text) == f"unknown shape {text!r}"


@pytest.mark.parametrize(("text", "cut"), list(CUT_CODES.items()))
def test_every_cut_code_is_read_in_any_case(text: str, cut: Cut) -> None:
    assert _stone(cut=text.upper()).cut is cut
    assert _stone(cut=text).cut is cut


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("3EX", Cut.EXCELLENT),
        ("V.G", Cut.VERY_GOOD),
        ("V. G.", Cut.VERY_GOOD),
        ("Very Good", Cut.VERY_GOOD),
        ("Very-Good", Cut.VERY_GOOD),
        ("Excellent Cut", Cut.EXCELLENT),
        ("", None),
        ("-", None),
        ("N/A", None),
        ("na", None),
    ],
)
def test_cut_variants_and_empty_cells_are_read(text: str, cut: Cut | None) -> None:
    assert _stone(cut=text).cut is cut


def test_an_unknown_cut_grade_is_rejected() -> None:
    assert _reason(cut="Superb") == "unknown cut grade 'Superb'"


@pytest.mark.parametrize(("text", "grade"), [*CUT_CODES.items(), ("", None)])
def test_polish_and_symmetry_read_the_cut_codes(text: str, grade: Cut | None) -> None:
    row = _rapnet(polish=text.upper(), symmetry=text)
    assert (row.polish, row.symmetry) == (grade, grade)


@pytest.mark.parametrize("column", ["polish", "symmetry"])
def test_an_unknown_polish_or_symmetry_is_rejected(column: str) -> None:
    header = f"stock_id,shape,carat,color,clarity,price_inr,{column}"
    (result,) = _read(header, "S1,round,1.00,G,VS1,30000,XX")
    assert result == Rejection(2, "S1", f"unknown {column} 'XX'")


@pytest.mark.parametrize(
    ("text", "fluorescence"),
    [
        *FLUORESCENCE_CODES.items(),
        ("NON", "none"),
        ("FNT", "faint"),
        ("MED", "medium"),
        ("STG", "strong"),
        ("VST", "very strong"),
        ("Very Strong", "very strong"),
        ("Medium Blue", "medium"),
        ("Faint Yellow", "faint"),
        ("", None),
        ("-", None),
    ],
)
def test_fluorescence_codes_read_as_canonical_intensities(
    text: str, fluorescence: str | None
) -> None:
    assert _rapnet(fluorescence=text.upper()).fluorescence == fluorescence


def test_an_unknown_fluorescence_is_rejected() -> None:
    (result,) = _read("stock_id,shape,carat,color,clarity,price_inr,floInt", "S1,RD,1,G,VS1,1,Glow")
    assert result == Rejection(2, "S1", "unknown fluorescence 'Glow'")


@pytest.mark.parametrize("color", list(Color))
def test_every_colour_grade_is_read_trimmed_in_any_case(color: Color) -> None:
    assert _stone(color=f" {color.value.lower()} ").color is color


@pytest.mark.parametrize("text", ["Fancy Yellow", "FANCY INTENSE PINK", "Blue", "Fancy-Vivid"])
def test_a_fancy_colour_is_rejected_as_not_supported(text: str) -> None:
    assert _reason(color=text) == "fancy colour not supported"


def test_a_rapnet_fancy_with_an_empty_colour_is_rejected_as_fancy() -> None:
    header = "Stock #,Shape,Weight,Color,Fancy Color,Clarity,Price"
    (result,) = _read(header, "R1,RD,1.00,,Yellow,VS1,30000")
    assert result == Rejection(2, "R1", "fancy colour not supported")


@pytest.mark.parametrize(
    ("text", "reason"), [("ZZ", "unknown colour 'ZZ'"), ("", "missing colour")]
)
def test_an_unknown_or_missing_colour_is_rejected(text: str, reason: str) -> None:
    assert _reason(color=text) == reason


@pytest.mark.parametrize(("text", "clarity"), list(CLARITY_ALIASES.items()))
def test_every_clarity_code_is_read_in_any_case(text: str, clarity: Clarity) -> None:
    assert _stone(clarity=text.upper()).clarity is clarity
    assert _stone(clarity=text).clarity is clarity


@pytest.mark.parametrize(
    ("text", "clarity"), [("VS 1", Clarity.VS1), ("vvs-2", Clarity.VVS2), (" Si1 ", Clarity.SI1)]
)
def test_clarity_spellings_with_spaces_or_hyphens_are_read(text: str, clarity: Clarity) -> None:
    assert _stone(clarity=text).clarity is clarity


@pytest.mark.parametrize(
    ("text", "reason"), [("VS3", "unknown clarity 'VS3'"), ("", "missing clarity")]
)
def test_an_unknown_or_missing_clarity_is_rejected(text: str, reason: str) -> None:
    assert _reason(clarity=text) == reason


@pytest.mark.parametrize(
    ("text", "carat"),
    [
        ("1.01", 1.01),
        (" 1.01 ", 1.01),
        ('"1,01"', 1.01),
        ("1.01ct", 1.01),
        ("1.01 cts", 1.01),
        ("100", 100.0),
        ("0.005", 0.005),
    ],
)
def test_carat_weights_are_read(text: str, carat: float) -> None:
    assert _stone(carat=text).carat == carat


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("abc", "carat 'abc' is not a number"),
        ("", "missing carat"),
        ("0", "carat '0' is out of range (above 0, at most 100)"),
        ("-1", "carat '-1' is out of range (above 0, at most 100)"),
        ("100.01", "carat '100.01' is out of range (above 0, at most 100)"),
        ("nan", "carat 'nan' is out of range (above 0, at most 100)"),
    ],
)
def test_a_bad_carat_is_rejected_with_its_reason(text: str, reason: str) -> None:
    assert _reason(carat=text) == reason


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ('"1,00,000"', 100_000),
        ('"₹95,000"', 95_000),
        ("95000.00", 95_000),
        ("Rs 95000", 95_000),
        ('"Rs. 95,000/-"', 95_000),
        ("INR 95000", 95_000),
        ("95000.4", 95_000),
        (" 95000 ", 95_000),
    ],
)
def test_total_prices_are_read_in_every_written_form(text: str, total: int) -> None:
    assert _stone(price_inr=text).price_inr == total


@pytest.mark.parametrize(
    ("text", "total"), [('"₹30,000"', 45_000), ("Rs 30000", 45_000), ("30000.00", 45_000)]
)
def test_per_carat_prices_in_written_forms_become_totals(text: str, total: int) -> None:
    assert _rapnet(weight="1.50", price=text).stone.price_inr == total


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("0", "price '0' is not a positive amount"),
        ("-5", "price '-5' is not a positive amount"),
        ("0.2", "price '0.2' is not a positive amount"),
        ("inf", "price 'inf' is too large"),
        ("1e12", "price '1e12' is too large"),
        ("nan", "price 'nan' is not a positive amount"),
        ("", "missing price"),
        ("abc", "price 'abc' is not a number"),
        ("$500", "price '$500' is not a number"),
    ],
)
def test_a_missing_non_positive_or_absurd_price_is_rejected(text: str, reason: str) -> None:
    assert _reason(price_inr=text) == reason


def test_lab_and_certificate_are_trimmed_upper_cased_and_unspaced() -> None:
    row = _rapnet(lab=" igi ", certificate=" lg 612 345 678 ")
    assert (row.lab, row.certificate) == ("IGI", "LG612345678")


def test_an_empty_lab_and_certificate_read_as_not_given() -> None:
    row = _rapnet(lab="", certificate="N/A")
    assert (row.lab, row.certificate) == (None, None)


def test_stock_ids_are_trimmed() -> None:
    assert _stone(stock_id="  ELG-1 ").stock_id == "ELG-1"


# --- broken rows -----------------------------------------------------------------------


def test_every_broken_row_is_reported_on_its_own_line_and_reading_goes_on() -> None:
    results = _read(
        PLAIN_HEADER,  # 1
        "A1,round,1.00,G,VS1,ideal,30000",  # 2
        "A2,round,abc,G,VS1,ideal,30000",  # 3
        "",  # 4: blank lines are skipped
        "A3,round,1.00,G",  # 5
        ",round,1.00,G,VS1,ideal,30000",  # 6
        "A1,oval,1.00,G,VS1,ideal,30000",  # 7
        "A4,XYZ,1.00,G,VS1,ideal,30000",  # 8
        "A5,round,1.00,Fancy Pink,VS1,ideal,30000",  # 9
        "A6,round,1.00,G,VS9,ideal,30000",  # 10
        "A7,round,1.00,G,VS1,ideal,0",  # 11
        "A8,round,1.00,G,VS1,ideal,",  # 12
        "A9,round,250,G,VS1,ideal,30000",  # 13
        "A10,round,1.00,G,VS1,ideal,30000",  # 14
    )
    assert [r for r in results if isinstance(r, Rejection)] == [
        Rejection(3, "A2", "carat 'abc' is not a number"),
        Rejection(5, "A3", "expected 7 fields, found 4"),
        Rejection(6, None, "blank stock id"),
        Rejection(7, "A1", "duplicate stock id (first seen on line 2)"),
        Rejection(8, "A4", "unknown shape 'XYZ'"),
        Rejection(9, "A5", "fancy colour not supported"),
        Rejection(10, "A6", "unknown clarity 'VS9'"),
        Rejection(11, "A7", "price '0' is not a positive amount"),
        Rejection(12, "A8", "missing price"),
        Rejection(13, "A9", "carat '250' is out of range (above 0, at most 100)"),
    ]
    assert [r.line for r in results if isinstance(r, FeedRow)] == [2, 14]


def test_a_row_after_a_quoted_multi_line_field_keeps_its_physical_line_number() -> None:
    results = _read(
        f"{PLAIN_HEADER},notes",  # 1
        'A1,round,1.00,G,VS1,ideal,30000,"first line',  # 2
        "second line",  # 3
        'third line"',  # 4
        "A2,XYZ,1.00,G,VS1,ideal,30000,",  # 5
    )
    assert isinstance(results[0], FeedRow)
    assert results[0].line == 2
    assert results[1] == Rejection(5, "A2", "unknown shape 'XYZ'")


def test_a_row_of_too_many_fields_is_rejected_but_blank_padding_is_not() -> None:
    results = _read(
        PLAIN_HEADER,
        "A1,round,1.00,G,VS1,ideal,30000,,",
        "A2,round,1.00,G,VS1,ideal,30000,,extra",
    )
    assert isinstance(results[0], FeedRow)
    assert results[1] == Rejection(3, "A2", "expected 7 fields, found 9")


def test_blank_and_empty_cell_lines_are_skipped_without_a_rejection() -> None:
    results = _read(PLAIN_HEADER, "", "   ", ",,,,,,", "A1,round,1.00,G,VS1,ideal,30000")
    assert [type(r) for r in results] == [FeedRow]
    assert results[0].line == 5


def test_a_good_row_after_its_rejected_twin_is_still_imported() -> None:
    results = _read(
        PLAIN_HEADER,
        "A1,round,oops,G,VS1,ideal,30000",
        "A1,round,1.00,G,VS1,ideal,30000",
        "A1,round,1.00,G,VS1,ideal,30000",
    )
    assert [(type(r).__name__, r.line) for r in results] == [
        ("Rejection", 2),
        ("FeedRow", 3),
        ("Rejection", 4),
    ]


def test_an_unreadable_row_is_reported_and_reading_goes_on() -> None:
    huge = "x" * 200_000  # over the csv module's field size limit
    results = _read(PLAIN_HEADER, f"A1,{huge},1.00,G,VS1,ideal,30000", _plain_row(stock_id="A2"))
    assert isinstance(results[0], Rejection)
    assert results[0].line == 2
    assert results[0].reason.startswith("unreadable row: ")
    assert isinstance(results[1], FeedRow)
    assert results[1].line == 3


def test_a_missing_cut_grade_is_not_a_rejection() -> None:
    assert _stone(shape="pear", cut="").cut is None


# --- unusable headers ------------------------------------------------------------------


def test_a_header_without_required_columns_raises_naming_them_and_the_columns_found() -> None:
    with pytest.raises(FeedError) as error:
        read_feed(io.StringIO("Stock #,Colour,Clarity,Notes\nA1,G,VS1,x\n"))
    message = str(error.value)
    assert "shape, carat, price" in message
    assert "'Stock #', 'Colour', 'Clarity', 'Notes'" in message


def test_a_header_without_a_stock_id_column_raises() -> None:
    with pytest.raises(FeedError, match="no stock id column"):
        read_feed(io.StringIO("shape,carat,color,clarity,price_inr\n"))


@pytest.mark.parametrize("text", ["", "\n\n", " , ,\n"])
def test_an_empty_feed_raises(text: str) -> None:
    with pytest.raises(FeedError, match="feed is empty"):
        read_feed(io.StringIO(text))


def test_an_unreadable_header_raises() -> None:
    with pytest.raises(FeedError, match="feed header is unreadable"):
        read_feed(io.StringIO("stock_id," + "x" * 200_000 + "\n"))


def test_a_header_only_feed_has_no_rows() -> None:
    assert _read(PLAIN_HEADER) == []


def test_the_header_is_checked_when_read_feed_is_called_not_when_iterated() -> None:
    with pytest.raises(FeedError):
        read_feed(io.StringIO("foo,bar\n1,2\n"))
