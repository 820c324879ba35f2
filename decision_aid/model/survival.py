"""Survival-curve arithmetic used by the model (MODEL.md v2): NumPy only, no figures.

Every function here is a formula of MODEL.md; the numbers it is applied to come from the
evidence files through :class:`decision_aid.model.engine.Model`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


def cll(s):
    """``ln(-ln s)``: the complementary log-log scale on which survival is shifted."""
    return np.log(-np.log(s))


def icll(x):
    """``exp(-exp(x))``, the inverse of :func:`cll`."""
    return np.exp(-np.exp(x))


def two_piece(point: float, lower: float, upper: float, z: np.ndarray, z95: float) -> np.ndarray:
    """Two-piece normal on the cll scale (MODEL.md ``tp``): reproduces an asymmetric published
    95% interval, the upper half with the spread of ``upper`` and the lower half with ``lower``."""
    above = (cll(point) - cll(upper)) / z95
    below = (cll(lower) - cll(point)) / z95
    spread = np.where(z > 0, above, below)
    return icll(cll(point) - z * spread)


def log_se(lower: float, upper: float, z95: float) -> float:
    """Standard error of a log hazard ratio from its published 95% interval."""
    return (math.log(upper) - math.log(lower)) / (2 * z95)


@dataclass(frozen=True)
class WeibullFit:
    """``H(t) = exp(c) * t**k`` fitted by least squares of ln H on ln t."""

    log_scale: float
    shape: float

    def cumulative_hazard(self, t: np.ndarray | float) -> np.ndarray:
        return np.exp(self.log_scale) * np.power(t, self.shape)

    def survival(self, t: np.ndarray | float) -> np.ndarray:
        return np.exp(-self.cumulative_hazard(t))


def fit_weibull(points: list[tuple[float, float]]) -> WeibullFit:
    """OLS of ``ln(-ln S)`` on ``ln t`` through the given (years, survival) points."""
    x = np.log([t for t, _ in points])
    y = np.log([-math.log(s) for _, s in points])
    shape, log_scale = np.polyfit(x, y, 1)
    return WeibullFit(float(log_scale), float(shape))


def edss_factor(hazard_ratio, high: bool, share_high: float):
    """``f(h) = h**I_E / (1 - s_E + s_E*h)``: the EDSS hazard ratio relative to the cohort's mix,
    so that the cohort average of ``f`` is 1 (assumption A4)."""
    return (hazard_ratio if high else 1.0) / ((1 - share_high) + share_high * hazard_ratio)


def calibrate(target: float, hazard_at_horizon: float, multipliers: np.ndarray, weights: np.ndarray) -> float:
    """The root ``lambda > 0`` of ``sum(w * exp(-lambda * m * H)) = target`` (MODEL.md step 4).

    The left side falls strictly from 1 towards 0 as lambda grows, so the root is unique; it is
    bracketed by doubling and then found by bisection to machine precision (no SciPy needed).
    """
    def gap(lam: float) -> float:
        return float(np.dot(weights, np.exp(-lam * multipliers * hazard_at_horizon))) - target

    low, high = 0.0, 1.0
    while gap(high) > 0:
        low, high = high, high * 2
    for _ in range(200):
        middle = 0.5 * (low + high)
        if middle in (low, high):
            break
        if gap(middle) > 0:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


def percentile_band(matrix: np.ndarray, level: float, overwrite: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Two-sided percentiles over the draws (the last axis) at each time (the rows), equal to
    ``np.percentile(matrix, [2.5, 97.5], axis=-1)`` with linear interpolation.

    Each percentile needs two neighbouring order statistics: one ``np.partition`` with a single
    index places the first, and the second is the smallest value above it. NumPy runs a
    single-index partition with SIMD code, about eight times faster than one call with several
    indices or ``np.percentile`` (whose first call also imports ``numpy.ma``, about 20 ms of the
    window's cold start); keeping the draws contiguous (times x draws) keeps it so. With
    ``overwrite`` the matrix is reordered in place instead of copied (the caller's scratch).
    """
    n = matrix.shape[-1]
    ordered = matrix if overwrite else matrix.copy()
    tail = (1 - level) / 2
    bands = []
    for q in (tail, 1 - tail):
        position = (n - 1) * q
        low = math.floor(position)
        weight = position - low
        ordered.partition(low, axis=-1)
        value = ordered[..., low].copy()
        if low + 1 < n and weight > 0:
            value = (1 - weight) * value + weight * ordered[..., low + 1:].min(axis=-1)
        bands.append(value)
    return bands[0], bands[1]


def percentiles(samples: np.ndarray, level: float) -> tuple[float, float]:
    """The two-sided percentiles of a vector of draws (see :func:`percentile_band`)."""
    lower, upper = percentile_band(samples, level)
    return float(lower), float(upper)
