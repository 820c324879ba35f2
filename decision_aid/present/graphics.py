"""What a picture shows, as plain data (no Qt): icon arrays of 100 and their legends.

The window and the sheet paint these with one painter (:mod:`decision_aid.report.icons`), so
a glyph means the same on screen and on paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

COLUMNS = ROWS = 10
DENOMINATOR = COLUMNS * ROWS


class Glyph(Enum):
    OUTCOME = "outcome"  # solid, with the outcome's mark: up to the lower end of the range
    UNCERTAIN = "uncertain"  # half filled: from the lower to the upper end of the range
    OTHER = "other"  # outline only: beyond the upper end


class Mark(Enum):
    CROSS = "cross"  # died
    TICK = "tick"  # alive / stayed stable
    DOWN = "down"  # disability worsened (a downward arrow, never a cross: it is not a death)


@dataclass(frozen=True)
class IconArray:
    """100 people drawn with the whole range: solid up to ``lower`` (the interval's lower end),
    "possible" from ``lower`` to ``upper`` (its upper end), outline beyond. Never one side of the
    range only (only the better side of a benefit, or the worse side of a harm, misleads); the
    point estimate is said in the words beside the array. A figure without an interval has
    ``lower == upper``."""

    lower: int
    upper: int
    color: str
    mark: Mark

    def __post_init__(self) -> None:
        if not 0 <= self.lower <= self.upper <= DENOMINATOR:
            raise ValueError(f"icon array: 0 <= {self.lower} <= {self.upper} <= {DENOMINATOR} does not hold")

    @property
    def solid(self) -> int:
        return self.lower

    @property
    def possible(self) -> int:
        return self.upper - self.lower

    @property
    def empty(self) -> int:
        return DENOMINATOR - self.upper

    def glyph(self, index: int) -> Glyph:
        if index < self.lower:
            return Glyph.OUTCOME
        if index < self.upper:
            return Glyph.UNCERTAIN
        return Glyph.OTHER


@dataclass(frozen=True)
class LegendEntry:
    glyph: Glyph
    text: str
