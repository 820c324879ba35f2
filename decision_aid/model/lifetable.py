"""Population survival from a life table (MODEL.md O4): the age effect on overall survival (A17)."""

from __future__ import annotations

import numpy as np


class LifeTable:
    """``q_x`` for consecutive whole ages, read as a constant hazard ``mu_x = -ln(1 - q_x)`` within
    each year of age, so the cumulative hazard is piecewise linear between whole ages."""

    def __init__(self, first_age: int, q: np.ndarray) -> None:
        mu = -np.log1p(-np.asarray(q, dtype=float))
        self.ages = first_age + np.arange(mu.size + 1, dtype=float)  # 16, 17, ..., 81
        self.cumulative = np.concatenate([[0.0], np.cumsum(mu)])  # Hpop at those ages

    def cumulative_hazard(self, age) -> np.ndarray:
        """``Hpop(a)`` from the first age, with ``a`` clamped to the table (``numpy.interp`` holds
        the end values outside it)."""
        return np.interp(age, self.ages, self.cumulative)

    def survival(self, age: float, t) -> np.ndarray:
        """``S_pop(age, t)``: the share of people aged ``age`` still alive ``t`` years later."""
        return np.exp(-(self.cumulative_hazard(np.add(age, t)) - self.cumulative_hazard(age)))

    def relative_hazard(self, age: float, reference_age: float, t) -> np.ndarray:
        """``-ln P(age, t)`` with ``P = S_pop(age, t) / S_pop(reference_age, t)`` (A17)."""
        return (self.cumulative_hazard(np.add(age, t)) - self.cumulative_hazard(age)
                - self.cumulative_hazard(np.add(reference_age, t)) + self.cumulative_hazard(reference_age))
