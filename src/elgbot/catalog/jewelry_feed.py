"""Reading a jewellery upload (CSV): RapNet's jewellery columns or plain ones, every broken
row reported with its line and reason.

RapNet: `Stock Number`, `Jewelry Type`, `Title`, `Jewelry Material`, `Material Karat`,
`Metal Color`, `Stone Carat`, `Diamond Color`, `Diamond Clarity`, `Ring Size`, `Total
Price`. Plain: `stock_id, type, title, material, karat, metal_color, stone_carat,
diamond_color, diamond_clarity, ring_size, price_inr`. Metal may also come in one cell
("18K Rose Gold", "18KWG", "PT950"). Prices are the piece's total in rupees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final, TextIO

from elgbot.catalog.csv_records import Cells, Layout, RowError, number, read_records, rupees
from elgbot.catalog.feed import Rejection
from elgbot.catalog.jewelry import (
    COLOR_WORDS,
    FINENESS_KARAT,
    GOLD_CODES,
    GOLD_KARATS,
    KIND_WORDS,
    MATERIAL_WORDS,
    RING_SIZES,
    STYLE_KIND,
    STYLE_WORDS,
    JewelryKind,
    Material,
    Metal,
    MetalColor,
    Piece,
    Style,
)

JEWELRY_COLUMNS: Final = Layout(
    aliases={
        "stock_id": ("stocknumber", "stock", "stockno", "stockid", "stocknum", "sku", "itemid"),
        "type": ("jewelrytype", "jewellerytype", "type", "category", "producttype"),
        "title": ("title", "jewelrytitle", "jewellerytitle", "name", "productname"),
        "material": ("jewelrymaterial", "jewellerymaterial", "material", "metal", "metaltype"),
        "karat": ("materialkarat", "karat", "metalkarat", "metalpurity", "purity"),
        "metal_color": ("metalcolor", "metalcolour", "goldcolor", "goldcolour"),
        "stone_carat": ("stonecarat", "diamondcarat", "totalcarat", "diamondweight", "ctw"),
        "diamond_color": ("diamondcolor", "diamondcolour", "stonecolor", "stonecolour"),
        "diamond_clarity": ("diamondclarity", "stoneclarity", "clarity"),
        "ring_size": ("ringsize", "size"),
        "price": ("totalprice", "priceinr", "totalpriceinr", "price", "amount"),
    },
    required=("stock_id", "type", "material", "price"),
)
MAX_STONE_CARAT: Final = 100.0
# Purity marks of other metals, which say nothing a customer chooses between.
_OTHER_FINENESS: Final = frozenset({900, 925, 950, 999})
_COLOR_GRADES: Final = re.compile(r"[D-Z](?:[-/]?[D-Z]){0,3}")
_CLARITY_GRADES: Final = frozenset(
    {"FL", "IF", "VVS", "VVS1", "VVS2", "VS", "VS1", "VS2", "SI", "SI1", "SI2", "SI3"}
    | {"I1", "I2", "I3"}
)
_WORDS: Final = re.compile(r"[a-z]+|\d+")
_KNOWN_TYPES: Final = ", ".join(k.value for k in JewelryKind)
# Suppliers' types that are necklaces to the catalog, though a customer asking for one by
# that name hears it is not in the range (NOT_IN_RANGE): feeds that list them still load.
_TYPE_WORDS: Final = {
    **KIND_WORDS,
    **dict.fromkeys(["mangalsutra", "chain", "chains"], JewelryKind.NECKLACE),
}


def read_jewelry(stream: TextIO) -> Iterator[Piece | Rejection]:
    """The header is checked at once (`FeedError`); then one piece or rejection per row."""
    return read_records(stream, JEWELRY_COLUMNS, _piece)


def _piece(cells: Cells, stock_id: str) -> Piece:
    kind, style = _kind_and_style(cells["type"], cells["title"])
    metal = read_metal(cells["material"], cells["karat"], cells["metal_color"])
    carat = cells.value("stone_carat")
    size = cells.value("ring_size")
    return Piece(
        stock_id=stock_id,
        kind=kind,
        style=style,
        title=cells["title"] or _title(kind, style, metal),
        metal=metal,
        price_inr=rupees(cells["price"]),
        stone_carat=number(carat, "stone carat", 0.001, MAX_STONE_CARAT, _CT) if carat else None,
        diamond_color=_color_grade(cells.value("diamond_color")),
        diamond_clarity=_clarity_grade(cells.value("diamond_clarity")),
        ring_size=number(size, "ring size", *RING_SIZES) if size else None,
    )


_CT: Final = ("ctw", "cts", "ct", "carats", "carat")


def _kind_and_style(type_cell: str, title: str) -> tuple[JewelryKind, Style | None]:
    kind, style = _meanings(type_cell)
    if style is None:  # "Ring" with the title "Solitaire Engagement Ring"
        style = _meanings(title)[1]
    kind = kind or (STYLE_KIND[style] if style else None)
    if kind is None:
        if not type_cell:
            raise RowError("missing jewellery type")
        raise RowError(f"unknown jewellery type {type_cell!r} (known: {_KNOWN_TYPES})")
    return kind, style


def _meanings(text: str) -> tuple[JewelryKind | None, Style | None]:
    words = _WORDS.findall(text.lower())
    kind = style = None
    for index, word in enumerate(words):
        pair = f"{word} {words[index + 1]}" if index + 1 < len(words) else ""
        kind = kind or _TYPE_WORDS.get(pair) or _TYPE_WORDS.get(word)
        style = style or STYLE_WORDS.get(pair) or STYLE_WORDS.get(word)
    return kind, style


def _title(kind: JewelryKind, style: Style | None, metal: Metal) -> str:
    """'Studs in 18K White Gold', 'Tennis Bracelet in Platinum'."""
    if style is None:
        name = kind.label
    elif STYLE_KIND[style] is kind:  # the style names the piece: studs, band, bangle
        name = style.value.title()
    else:
        name = f"{style.value.title()} {kind.label}"
    return f"{name} in {metal.label}"


def read_metal(material: str, karat: str, color: str) -> Metal:
    """Material, karat and colour cells (any of them may hold all three: "18K Rose Gold")."""
    words = _WORDS.findall(f"{material} {karat} {color}".lower())
    materials: set[Material] = set()
    karats: set[int] = set()
    colors: set[MetalColor] = set()
    for index, word in enumerate(words):
        _note_word(word, words[index + 1] if index + 1 < len(words) else "", materials, colors)
        _note_number(word, karats, colors, materials)
    return _metal(materials, karats, colors, f"{material} {karat} {color}".strip())


def _note_word(word: str, after: str, materials: set[Material], colors: set[MetalColor]) -> None:
    if word in MATERIAL_WORDS:
        materials.add(MATERIAL_WORDS[word])
    elif (word in ("two", "dual") and after == "tone") or word in ("bicolour", "bicolor"):
        colors.add(MetalColor.TWO_TONE)
    elif word in COLOR_WORDS:
        colors.add(COLOR_WORDS[word])
    elif word in GOLD_CODES or (word[:1] == "k" and word[1:] in GOLD_CODES):  # "wg", "kwg"
        colors.add(GOLD_CODES[word.removeprefix("k")])
        materials.add(Material.GOLD)


def _note_number(
    word: str, karats: set[int], colors: set[MetalColor], materials: set[Material]
) -> None:
    if not word.isdigit():
        return
    value = int(word)
    if value in GOLD_KARATS or value in FINENESS_KARAT:
        karats.add(FINENESS_KARAT.get(value, value))
    elif value not in _OTHER_FINENESS:
        raise RowError(f"unknown karat {word!r}")


def _metal(
    materials: set[Material], karats: set[int], colors: set[MetalColor], written: str
) -> Metal:
    if not materials and (karats or colors):
        materials = {Material.GOLD}  # "18K Rose" is gold
    if not materials:
        raise RowError("missing metal")
    if len(materials) > 1 or len(karats) > 1 or len(colors) > 1:
        raise RowError(f"several metals in {written!r}: list each as its own stock number")
    material = materials.pop()
    if material is Material.GOLD:
        return Metal(material, next(iter(karats), None), next(iter(colors), None))
    if karats or colors - {MetalColor.WHITE}:  # platinum and silver are white metals
        raise RowError(f"{material.value} cannot be {written!r}: karats are for gold")
    return Metal(material)


def _color_grade(cell: str | None) -> str | None:
    if cell is None:
        return None
    grade = "".join(cell.upper().split())
    if not _COLOR_GRADES.fullmatch(grade):
        raise RowError(f"unknown diamond colour {cell!r}")
    return grade


def _clarity_grade(cell: str | None) -> str | None:
    if cell is None:
        return None
    grade = "".join(cell.upper().split())
    if not all(part in _CLARITY_GRADES for part in re.split(r"[-/]", grade)):
        raise RowError(f"unknown diamond clarity {cell!r}")
    return grade
