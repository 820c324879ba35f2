"""The one rounding rule from a share of people to a whole number in 100 (the views use it too,
through :mod:`decision_aid.present.wording`, so a count in the JSON equals the count on screen)."""

from __future__ import annotations

DENOMINATOR = 100


def in_hundred(probability: float) -> int:
    """Whole number out of 100, as shown everywhere (round half up, never banker's rounding)."""
    return int(probability * DENOMINATOR + 0.5)


def per_hundred(rate: float) -> float:
    """A rate per person (events per person, or per person per year) as per 100 people, unrounded."""
    return round(rate * DENOMINATOR, 9)
