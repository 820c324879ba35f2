"""Colours and type sizes shared by the window and the sheet (Okabe-Ito, colour-blind safe).

Colour is never the only cue: every use pairs it with a line style, a glyph shape or a label.
Lines, borders and text meet WCAG contrast on white (3:1 for graphics, 4.5:1 for text): the
Okabe-Ito hues that are too light on white (orange 2.25:1, sky blue 2.31:1) keep their hue for
fills and are drawn darker as lines (``*_LINE``). ``python tools/contrast.py`` measures every pair
(docs/ACCESSIBILITY.md lists them).

The sheet is paper: black on white, always these colours. The window follows the system's palette
(light, dark or high contrast): its text, fields, borders and focus ring take their colours from
the palette through :func:`readable` (``decision_aid.ui.style``), never a fixed text colour on a
background the system chooses. The chart and the icon arrays keep their own white background
(``PAPER``), framed, so the colours below keep the contrast measured on white.
"""

from __future__ import annotations

from collections.abc import Sequence

PERSONAL = "#0072B2"  # blue: the personal estimate
REFERENCE = "#E69F00"  # orange: reference curves
EARLY_DEATH = "#D55E00"  # vermillion: death within 100 days
STABLE = "#009E73"  # bluish green: alive without disability worsening
BAND = "#BBBBBB"  # grey: interval bands
GRID = "#DDDDDD"
TEXT = "#222222"
MUTED = "#555555"
EXTRAPOLATED = "#F2F2F2"  # background tint of the extrapolated region
REFERENCE_LINE = "#A06D00"  # the orange darkened to 4.5:1 on white: the average-patient curve
SKY = "#56B4E9"  # sky blue (Okabe-Ito): a selected fill where the system highlight is too faint (black on it: 9:1)
SKY_LINE = "#1B86C4"  # the sky blue darkened to 4.0:1 on white: the relapsing study curve
BAND_ALPHA = 30  # the personal 95% band: a light tint of PERSONAL (its edges are drawn in PERSONAL)
FIELD_BORDER = "#767676"  # input borders: 4.5:1 on white (WCAG 1.4.11 asks 3:1)
PLACEHOLDER = "#707070"  # placeholder text: 4.9:1 on white (lighter than typed text, still 4.5:1)
FOCUS = PERSONAL  # the focus ring: 5.2:1 on white
NOTE_BACKGROUND = "#FFF4DD"  # behind a warning note (text on it: 14:1)
PAPER = "#FFFFFF"  # the sheet, and the window's chart and icon arrays (their own background, framed)
SHADE = "#F2F2F2"  # behind a framed box of text on paper colours (text on it: 14:1)

# WCAG 2.2 minimum contrast (1.4.3 text, 1.4.11 graphics and component boundaries), and what the window
# aims for when it chooses a colour from the system's palette (a margin, so rounding never fails).
TEXT_CONTRAST, GRAPHIC_CONTRAST = 4.5, 3.0
TEXT_AIM, GRAPHIC_AIM = 5.0, 3.3

# One type scale (points).
SMALL, BODY, HEADING = 11, 13, 16
PATIENT_BODY = 15  # patient view: 14 pt or larger


# -- contrast (WCAG 2.2 relative luminance), on "#RRGGBB" strings -----------------------------------

def _channels(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``colour`` ("#RRGGBB")."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
              for c in (channel / 255 for channel in _channels(colour))]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(first: str, second: str, share: float) -> str:
    """``first`` with ``share`` (0 to 1) of ``second`` mixed in."""
    a, b = _channels(first), _channels(second)
    return "#" + "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(a, b))


def readable(candidates: Sequence[str], backgrounds: Sequence[str], needed: float) -> str:
    """The first of ``candidates`` with at least ``needed`` contrast against every one of
    ``backgrounds``; if none has, the one whose worst contrast is best (black or white, given as
    the last candidates, always reach 4.5:1 against one background)."""
    def worst(colour: str) -> float:
        return min(contrast(colour, background) for background in backgrounds)

    for colour in candidates:
        if worst(colour) >= needed:
            return colour
    return max(candidates, key=worst)
