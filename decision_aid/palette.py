"""Colours and type sizes shared by the window and the sheet (Okabe-Ito, colour-blind safe).

Colour is never the only cue: every use pairs it with a line style, a glyph shape or a label.
Lines, borders and text meet WCAG contrast on white (3:1 for graphics, 4.5:1 for text): the
Okabe-Ito hues that are too light on white (orange 2.25:1, sky blue 2.31:1) keep their hue for
fills and are drawn darker as lines (``*_LINE``). ``python tools/contrast.py`` measures every pair
(docs/ACCESSIBILITY.md lists them).
"""

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
SKY_LINE = "#1B86C4"  # the sky blue darkened to 4.0:1 on white: the relapsing study curve
BAND_ALPHA = 30  # the personal 95% band: a light tint of PERSONAL (its edges are drawn in PERSONAL)
FIELD_BORDER = "#767676"  # input borders: 4.5:1 on white (WCAG 1.4.11 asks 3:1)
PLACEHOLDER = "#707070"  # placeholder text: 4.9:1 on white (lighter than typed text, still 4.5:1)
FOCUS = PERSONAL  # the focus ring: 5.2:1 on white
NOTE_BACKGROUND = "#FFF4DD"  # behind a warning note (text on it: 14:1)

# One type scale (points).
SMALL, BODY, HEADING = 11, 13, 16
PATIENT_BODY = 15  # patient view: 14 pt or larger
