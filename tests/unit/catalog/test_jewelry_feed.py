"""Reading jewellery uploads: RapNet's columns, plain ones, metals, and every broken row."""

from __future__ import annotations

import io

import pytest

from elgbot.catalog.csv_records import RowError
from elgbot.catalog.feed import FeedError, Rejection
from elgbot.catalog.jewelry import JewelryKind, Material, Metal, MetalColor, Piece, Style
from elgbot.catalog.jewelry_feed import read_jewelry, read_metal

RAPNET_HEADER = (
    "Stock Number,Jewelry Type,Title,Jewelry Material,Material Karat,Metal Color,"
    "Stone Carat,Diamond Color,Diamond Clarity,Ring Size,Total Price"
)
PLAIN_HEADER = "stock_id,type,material,price_inr"
ROSE_18K = Metal(Material.GOLD, 18, MetalColor.ROSE)


def _read(*lines: str) -> list[Piece | Rejection]:
    return list(read_jewelry(io.StringIO("\n".join(lines) + "\n", newline="")))


def _rapnet(**cells: str) -> Piece | Rejection:
    row = {"stock": "J1", "type": "Ring", "title": "Halo Ring", "material": "Gold"}
    row |= {"karat": "18K", "color": "Rose", "carat": "0.70", "dcolor": "F"}
    row |= {"clarity": "VS1", "size": "14", "price": "58000"} | cells
    [result] = _read(RAPNET_HEADER, ",".join(row.values()))
    return result


def test_a_rapnet_row_becomes_a_piece() -> None:
    assert _rapnet() == Piece(
        "J1", JewelryKind.RING, Style.HALO, "Halo Ring", ROSE_18K, 58_000, 0.7, "F", "VS1", 14.0
    )


def test_a_plain_row_needs_only_id_type_metal_and_price_and_gets_a_title() -> None:
    [piece] = _read(PLAIN_HEADER, 'E7,Stud Earrings,18KWG,"₹28,000"')
    assert piece == Piece(
        "E7",
        JewelryKind.EARRINGS,
        Style.STUDS,
        "Studs in 18K White Gold",
        Metal(Material.GOLD, 18, MetalColor.WHITE),
        28_000,
    )


@pytest.mark.parametrize(
    ("type_cell", "title", "kind", "style"),
    [
        ("Ring", "Solitaire Engagement Ring", JewelryKind.RING, Style.SOLITAIRE),
        ("Earrings", "Diamond Hoops", JewelryKind.EARRINGS, Style.HOOPS),
        ("Tennis Bracelet", "Classic", JewelryKind.BRACELET, Style.TENNIS),
        ("Bangle", "Kada", JewelryKind.BRACELET, Style.BANGLE),
        ("Studs", "Everyday", JewelryKind.EARRINGS, Style.STUDS),
        ("Nose Pin", "Solitaire", JewelryKind.NOSE_PIN, Style.SOLITAIRE),
        ("Pendant", "Heart", JewelryKind.PENDANT, None),
        ("Nose Ring", "Solitaire", JewelryKind.NOSE_PIN, Style.SOLITAIRE),
        # Not asked for by customers (they hear it is not in the range), still loaded.
        ("Chain", "Rope", JewelryKind.NECKLACE, None),
        ("Mangalsutra", "Classic", JewelryKind.NECKLACE, None),
    ],
)
def test_the_type_and_title_give_kind_and_style(
    type_cell: str, title: str, kind: JewelryKind, style: Style | None
) -> None:
    piece = _rapnet(type=type_cell, title=title)
    assert isinstance(piece, Piece), piece
    assert (piece.kind, piece.style) == (kind, style)


@pytest.mark.parametrize(
    ("material", "karat", "color", "metal"),
    [
        ("Gold", "18K", "Rose", ROSE_18K),
        ("18K Rose Gold", "", "", ROSE_18K),
        ("Gold", "750", "Pink", ROSE_18K),
        ("Gold", "14K585", "Yellow", Metal(Material.GOLD, 14, MetalColor.YELLOW)),
        ("Gold", "18", "Two Tone", Metal(Material.GOLD, 18, MetalColor.TWO_TONE)),
        ("Platinum", "PT950", "White", Metal(Material.PLATINUM)),
        ("Sterling Silver", "925", "", Metal(Material.SILVER)),
        ("", "22KT", "", Metal(Material.GOLD, 22)),
    ],
)
def test_metal_is_material_karat_and_colour(
    material: str, karat: str, color: str, metal: Metal
) -> None:
    assert read_metal(material, karat, color) == metal


@pytest.mark.parametrize(
    ("material", "karat", "color", "reason"),
    [
        ("", "", "", "missing metal"),
        ("Gold, Platinum", "18K", "", "several metals"),
        ("Platinum", "18K", "", "platinum cannot be"),
        ("Gold", "17K", "", "unknown karat '17'"),
        ("Gold", "18K", "White, Rose", "several metals"),
    ],
)
def test_a_metal_that_cannot_be_is_refused(
    material: str, karat: str, color: str, reason: str
) -> None:
    with pytest.raises(RowError, match=reason):
        read_metal(material, karat, color)


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"type": "Brooch", "title": "Leaf"}, "unknown jewellery type 'Brooch'"),
        ({"type": "", "title": "Leaf"}, "missing jewellery type"),
        ({"price": "call"}, "price 'call' is not a number"),
        ({"price": "0"}, "price '0' is not a plausible amount"),
        ({"size": "45"}, "ring size '45' is out of range (1 to 30)"),
        ({"carat": "heavy"}, "stone carat 'heavy' is not a number"),
        ({"dcolor": "Blue"}, "unknown diamond colour 'Blue'"),
        ({"clarity": "VS3"}, "unknown diamond clarity 'VS3'"),
        ({"karat": "18K", "material": "Platinum"}, "platinum cannot be"),
    ],
)
def test_a_broken_row_is_rejected_with_its_reason(cells: dict[str, str], reason: str) -> None:
    rejection = _rapnet(**cells)
    assert isinstance(rejection, Rejection), rejection
    assert reason in rejection.reason


def test_rejections_carry_line_and_stock_id_and_blank_cells_are_fine() -> None:
    rows = _read(
        PLAIN_HEADER,
        "A1,Ring,18K Yellow Gold,40000",
        "A2,Ring,Gold,",
        "A1,Ring,18K Yellow Gold,40000",
        ",Ring,Gold,1000",
    )
    assert [r for r in rows if isinstance(r, Rejection)] == [
        Rejection(3, "A2", "missing price"),
        Rejection(4, "A1", "duplicate stock id (first seen on line 2)"),
        Rejection(5, None, "blank stock id"),
    ]


def test_a_header_without_a_price_cannot_be_imported() -> None:
    with pytest.raises(FeedError, match="no price column"):
        _read("Stock Number,Jewelry Type,Jewelry Material", "A1,Ring,Gold")
