"""A spec as short canonical text (which reads back to the same spec) and as JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from elgbot.catalog.grades import Clarity, Color
from elgbot.catalog.stone import DiamondSpec
from elgbot.understanding.money import format_inr

# Letters that read as colours without the word "colour" (see colour_words).
_PLAIN_COLOURS: Final = frozenset("DEFGHJ")


def format_spec(spec: DiamondSpec) -> str:
    """E.g. "round, 1.5 ct, D, VS1, ideal/excellent, up to ₹1,00,000"."""
    parts = (
        spec.shape.value if spec.shape else "",
        _carat(spec.carat_min, spec.carat_max),
        _colours(spec.colors),
        _grades(spec.clarities, list(Clarity)),
        "/".join(cut.value for cut in spec.cuts),
        _budget(spec.budget_min_inr, spec.budget_max_inr),
    )
    return ", ".join(p for p in parts if p) or "any diamond"


def spec_to_json(spec: DiamondSpec) -> dict[str, object]:
    """The CLI's stable contract: every key present, None for what was not said."""
    return {
        "shape": spec.shape.value if spec.shape else None,
        "carat_min": spec.carat_min,
        "carat_max": spec.carat_max,
        "colors": [c.value for c in spec.colors] or None,
        "clarities": [c.value for c in spec.clarities] or None,
        "cuts": [c.value for c in spec.cuts] or None,
        "budget_min_inr": spec.budget_min_inr,
        "budget_max_inr": spec.budget_max_inr,
    }


def _number(value: float) -> str:
    """Shortest text that reads back as the same float: 1.5 -> "1.5", 2.0 -> "2"."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def _carat(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        same = low == high
        return f"{_number(low)} ct" if same else f"{_number(low)}-{_number(high)} ct"
    if low is not None:
        return f"{_number(low)}+ ct"
    return f"up to {_number(high)} ct" if high is not None else ""


def _colours(colours: Sequence[Color]) -> str:
    text = _grades(colours, list(Color))
    return text if not colours or colours[0].value in _PLAIN_COLOURS else f"colour {text}"


def _grades(chosen: Sequence[Color] | Sequence[Clarity], scale: Sequence[object]) -> str:
    """Runs of neighbouring grades as ranges: D, E, F, H -> "D-F/H"."""
    runs: list[tuple[int, int]] = []
    for rank in sorted(scale.index(g) for g in chosen):
        if runs and rank == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], rank)
        else:
            runs.append((rank, rank))
    return "/".join(f"{scale[a]}" if a == b else f"{scale[a]}-{scale[b]}" for a, b in runs)


def _budget(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"{format_inr(low)}-{format_inr(high)}"
    if low is not None:
        return f"from {format_inr(low)}"
    return f"up to {format_inr(high)}" if high is not None else ""
