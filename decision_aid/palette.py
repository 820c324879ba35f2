"""Colours and type sizes shared by the window and the sheet (Okabe-Ito, colour-blind safe).

Colour is never the only cue: every use pairs it with a line style, a glyph shape or a label.
"""

PERSONAL = "#0072B2"  # blue: the personal estimate
REFERENCE = "#E69F00"  # orange: reference curves
EARLY_DEATH = "#D55E00"  # vermillion: death within 100 days
STABLE = "#009E73"  # bluish green: alive without disability worsening
SKY = "#56B4E9"  # sky blue: second reference curve
BAND = "#BBBBBB"  # grey: interval bands
GRID = "#DDDDDD"
TEXT = "#222222"
MUTED = "#555555"
EXTRAPOLATED = "#F2F2F2"  # background tint of the extrapolated region

# One type scale (points).
SMALL, BODY, HEADING, TITLE = 11, 13, 16, 22
PATIENT_BODY = 15  # patient view: 14 pt or larger
