"""Properties of the spec reader: it never fails, stays fast, and reads its own text back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.stone import DiamondSpec
from elgbot.understanding.diamond_spec import format_spec, read_diamond_spec
from elgbot.understanding.lexer import MAX_CHARS

_SPEC_WORDS = [
    "round",
    "oval",
    "pear",
    "AS",
    "PR",
    "rd",
    "cushion",
    "emerald",
    "cut",
    "shaped",
    "square",
    "1.5",
    "2",
    "0.9",
    ".5",
    "ct",
    "carat",
    "cts",
    "pointer",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "Q9",
    "VS1",
    "VS2",
    "VVS",
    "SI",
    "IF",
    "FL",
    "vs",
    "1",
    "colour",
    "color",
    "clarity",
    "cut",
    "make",
    "ideal",
    "EX",
    "VG",
    "3EX",
    "good",
    "very",
    "excellent",
    "₹",
    "Rs.",
    "INR",
    "rupees",
    "/-",
    "k",
    "L",
    "lakh",
    "lac",
    "crore",
    "cr",
    "1,00,000",
    "50,000",
    "12,34,567",
    "under",
    "upto",
    "up",
    "to",
    "below",
    "max",
    "budget",
    "around",
    "between",
    "and",
    "to",
    "-",
    "/",
    "+",
    ",",
    ":",
    "or",
    "better",
    "any",
    "koi",
    "bhi",
    "tak",
    "se",
    "kam",
    "fancy",
    "yellow",
    "gold",
    "fluorescence",
    "polish",
    "pair",
    "of",
    "💎",
    "h&a",
    "mm",
    "5mm",
    "7x5mm",
    "x",
    "by",
    "±",
    "+/-",
    "%",
    "give",
    "take",
    "no",
    "not",
    "tint",
    "min",
    "minimum",
    "than",
    "do",
    "sawa",
    "except",
    "without",
    "dont",
    "want",
]

_messages = st.lists(st.one_of(st.sampled_from(_SPEC_WORDS), st.text(max_size=6)), max_size=40).map(
    lambda words: " ".join(words)
)


@settings(max_examples=400)
@given(st.text())
def test_any_text_is_read_without_raising(text: str) -> None:
    reading = read_diamond_spec(text)
    assert isinstance(reading.spec, DiamondSpec)


@settings(max_examples=600)
@given(_messages)
def test_spec_like_word_salad_is_read_without_raising(text: str) -> None:
    read_diamond_spec(text)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_SPEC_WORDS), min_size=1, max_size=80).map("".join))
def test_words_glued_together_are_read_without_raising(text: str) -> None:
    read_diamond_spec(text)


@settings(max_examples=15, deadline=None)
@given(st.text(min_size=1, max_size=3).map(lambda s: s * 40_000))
def test_huge_input_is_read_only_as_far_as_the_cap(text: str) -> None:
    # The cap is what bounds the work on hostile input (timing belongs in bench/).
    assert read_diamond_spec(text).spec == read_diamond_spec(text[:MAX_CHARS]).spec


def test_a_huge_spec_like_message_is_reported_as_cut_short() -> None:
    text = "round 1.5ct G VS1 under 50k, raund emrald cushin 1-2 lakh D-F/H " * 5_000
    reading = read_diamond_spec(text)
    assert reading.spec == read_diamond_spec(text[:MAX_CHARS]).spec
    assert any(u.field == "text" and "too long" in u.reason for u in reading.unclear)


def _sorted_pair(low: float | None, high: float | None) -> tuple[float | None, float | None]:
    if low is not None and high is not None and low > high:
        return high, low
    return low, high


_carats = st.one_of(st.none(), st.floats(min_value=0.01, max_value=30.0))
_budgets = st.one_of(st.none(), st.integers(min_value=1_000, max_value=50 * 10**7))


def _subset(members: list[Color] | list[Clarity] | list[Cut]) -> st.SearchStrategy[tuple]:  # type: ignore[type-arg]
    ranked = {m: i for i, m in enumerate(members)}
    return st.sets(st.sampled_from(members)).map(
        lambda chosen: tuple(sorted(chosen, key=ranked.__getitem__))
    )


@st.composite
def _valid_specs(draw: st.DrawFn) -> DiamondSpec:
    carat_min, carat_max = _sorted_pair(draw(_carats), draw(_carats))
    budget_min, budget_max = _sorted_pair(draw(_budgets), draw(_budgets))
    return DiamondSpec(
        shape=draw(st.one_of(st.none(), st.sampled_from(list(Shape)))),
        carat_min=carat_min,
        carat_max=carat_max,
        colors=draw(_subset(list(Color))),
        clarities=draw(_subset(list(Clarity))),
        cuts=draw(_subset(list(Cut))),
        budget_min_inr=None if budget_min is None else int(budget_min),
        budget_max_inr=None if budget_max is None else int(budget_max),
    )


@settings(max_examples=1_000)
@given(_valid_specs())
def test_the_canonical_text_of_any_valid_spec_reads_back_to_the_same_spec(
    spec: DiamondSpec,
) -> None:
    text = format_spec(spec)
    reading = read_diamond_spec(text)
    assert reading.spec == spec, text
    assert reading.unclear == ()
    assert reading.shape_candidates == ()


@settings(max_examples=300)
@given(
    st.sampled_from(list(Shape)),
    st.floats(min_value=0.1, max_value=40.0).map(lambda mm: f"{mm:.2f}".rstrip("0").rstrip(".")),
    st.sampled_from(["mm", " mm", "mm G VS1", " millimetres"]),
)
def test_a_size_in_mm_is_never_read_as_carats(shape: Shape, mm: str, unit: str) -> None:
    """Only a round's diameter on the size chart gives a weight, at most about 1 ct."""
    spec = read_diamond_spec(f"{shape.value} {mm}{unit}").spec
    if shape is not Shape.ROUND or spec.carat_max is None:
        assert (spec.carat_min, spec.carat_max) == (None, None)
    else:
        assert spec.carat_min is not None
        assert 0.18 <= spec.carat_min <= spec.carat_max <= 1.1


_SCALES = {
    Color: ("colour", Color.I),
    Clarity: ("clarity", Clarity.VS1),
    Cut: ("cut", Cut.VERY_GOOD),
}


@settings(max_examples=300)
@given(
    st.sampled_from(["no", "not", "except", "without", "dont want", "other than", "avoid"]),
    st.sampled_from([*Color, *Clarity, *Cut]),
)
def test_a_grade_turned_down_is_never_searched(marker: str, grade: Color | Clarity | Cut) -> None:
    """Nor, from the lower part of its scale on, any worse grade; something always stays."""
    name, lower_part = _SCALES[type(grade)]
    spec = read_diamond_spec(f"round 1ct {marker} {grade.value} {name}").spec
    chosen = {Color: spec.colors, Clarity: spec.clarities, Cut: spec.cuts}[type(grade)]
    assert chosen
    assert grade not in chosen
    if grade.rank >= lower_part.rank:
        assert all(g.rank < grade.rank for g in chosen)
    else:
        assert len(chosen) == len(type(grade)) - 1
