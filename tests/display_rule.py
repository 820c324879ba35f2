"""MODEL.md's display rule written out literally for the tests, apart from the program's code:
a point is a percentage to one decimal and its count in 100 comes from that shown percentage; an
interval's end is a whole percentage, which is also its count in 100. Rounding is half up, of the
number as written."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def _percent(probability: float) -> Decimal:
    return Decimal(str(probability)) * 100


def point_text(probability: float) -> str:
    """"71.5" for 0.71455 (English digits)."""
    return str(_percent(probability).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def point_count(probability: float) -> int:
    """72 for 0.71455: the count read from the shown percentage (71.5), not from 71.455."""
    return int(Decimal(point_text(probability)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def end_count(probability: float) -> int:
    """An interval's end, whole: 56 for 0.5549, 1 for 0.005."""
    return int(_percent(probability).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
