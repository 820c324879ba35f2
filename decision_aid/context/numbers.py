"""The one rounding rule from a share of people to what is shown: a percentage, a whole number in
100, or an interval's end (the views use it through :mod:`decision_aid.present.wording`, so a
count in the JSON equals the count on screen, and a percentage and its count in 100 never disagree).

The display rule (MODEL.md): a point is shown to one decimal of a percentage, and its count in 100
is read from that shown percentage (71.455% shows as 71.5%, so 72 in 100, never 71 beside it): one
number, one rounding, in every view. An interval's ends are whole percentages everywhere (their
first decimal is within Monte Carlo noise), so an end's count in 100 is its percentage. Every
rounding is half up, of the number as written (0.285 is 28.5%, so 29), never of its binary double.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

DENOMINATOR = 100
POINT_DECIMALS = 1  # a point's percentage: 71.5%


def shown_percent(probability: float, decimals: int) -> Decimal:
    """``probability`` as a percentage rounded half up to ``decimals`` places: the digits shown."""
    exact = Decimal(repr(float(probability))) * DENOMINATOR
    return exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


def in_hundred(probability: float) -> int:
    """A point as a whole number out of 100, read from its percentage as shown (``POINT_DECIMALS``)."""
    return int(shown_percent(probability, POINT_DECIMALS).quantize(Decimal(1), ROUND_HALF_UP))


def end_in_hundred(probability: float) -> int:
    """An interval's end as a whole percentage, which is also its number out of 100."""
    return int(shown_percent(probability, 0))


def per_hundred(rate: float) -> float:
    """A rate per person (events per person, or per person per year) as per 100 people, unrounded."""
    return round(rate * DENOMINATOR, 9)
