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
    OUTCOME = "outcome"  # solid, with the outcome's mark
    UNCERTAIN = "uncertain"  # the range of the interval beyond the point estimate
    OTHER = "other"  # outline only


class Mark(Enum):
    CROSS = "cross"  # died
    TICK = "tick"  # alive / stayed stable
    DOWN = "down"  # disability worsened (a downward arrow, never a cross: it is not a death)


@dataclass(frozen=True)
class IconArray:
    """``count`` people with the outcome, the range marked up to ``upper``, of 100."""

    count: int
    upper: int
    color: str
    mark: Mark

    def glyph(self, index: int) -> Glyph:
        if index < self.count:
            return Glyph.OUTCOME
        if index < self.upper:
            return Glyph.UNCERTAIN
        return Glyph.OTHER


@dataclass(frozen=True)
class LegendEntry:
    glyph: Glyph
    text: str
