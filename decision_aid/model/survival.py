"""Survival-curve arithmetic used by the model (MODEL.md v3): NumPy only, no figures.

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


def fit_shape(points: list[tuple[float, float]]) -> float:
    """``k``: the OLS slope of ``ln(-ln S)`` on ``ln t`` through (years, survival) points (MODEL.md
    S1; the intercept is not used, the level comes from the joint fit)."""
    x = np.log([t for t, _ in points])
    y = np.log([-math.log(s) for _, s in points])
    return float(np.polyfit(x, y, 1)[0])


@dataclass(frozen=True)
class JointFit:
    """MODEL.md S2: the relapsing and progressive 5-year PFS reconciled with the whole cohort's."""

    relapsing: float  # x_R
    progressive: float  # x_P
    cohort: float  # x_C = p x_R + (1 - p) x_P
    chi_square: float
    covariance: np.ndarray  # V = I^-1 (probability scale)
    cll_cholesky: np.ndarray  # L, the lower Cholesky factor of J V J (cll scale)


def joint_fit(observed: tuple[float, float, float], se: tuple[float, float, float], share: float) -> JointFit:
    """Weighted least squares of (relapsing, progressive, cohort) = (x_R, x_P, p x_R + (1-p) x_P)
    against the observed figures with their SEs, in closed form (D6, A2, A11)."""
    (o_r, o_p, o_c), (s_r, s_p, s_c), p = observed, se, share
    information = np.array([[1 / s_r**2 + p**2 / s_c**2, p * (1 - p) / s_c**2],
                            [p * (1 - p) / s_c**2, 1 / s_p**2 + (1 - p) ** 2 / s_c**2]])
    covariance = np.linalg.inv(information)
    x_r, x_p = covariance @ np.array([o_r / s_r**2 + p * o_c / s_c**2, o_p / s_p**2 + (1 - p) * o_c / s_c**2])
    x_c = p * x_r + (1 - p) * x_p
    chi_square = (x_r - o_r) ** 2 / s_r**2 + (x_p - o_p) ** 2 / s_p**2 + (x_c - o_c) ** 2 / s_c**2
    jacobian = np.diag([1 / (x_r * math.log(x_r)), 1 / (x_p * math.log(x_p))])  # d cll(x) / dx
    return JointFit(float(x_r), float(x_p), float(x_c), float(chi_square), covariance,
                    np.linalg.cholesky(jacobian @ covariance @ jacobian))


def edss_factor(hazard_ratio, high: bool, share_high: float):
    """``f(h) = h**I_E / (1 - s_E + s_E*h)``: the EDSS hazard ratio relative to the cohort's mix,
    so that the cohort average of ``f`` is 1 (assumption A4)."""
    return (hazard_ratio if high else 1.0) / ((1 - share_high) + share_high * hazard_ratio)


#: Doublings of the bracket in :func:`calibrate`: a cumulative hazard of 2**60 is far beyond any survival.
MAX_DOUBLINGS = 60


def calibrate(target: float, multipliers: np.ndarray, weights: np.ndarray) -> float:
    """``A(S, pi)`` of MODEL.md S3: the root ``A > 0`` of ``sum(w * exp(-A * m)) = S``.

    The left side falls strictly from 1 towards 0 as A grows, so the root is unique; it is
    bracketed by doubling and then found by bisection to machine precision (no SciPy needed).
    Both loops are bounded: a target outside (0, 1), or one that no hazard up to ``2**MAX_DOUBLINGS``
    reaches, raises ValueError at once (the model then refuses its evidence) instead of looping.
    """
    if not 0 < target < 1:
        raise ValueError(f"a 5-year survival of {target} cannot be calibrated (it must lie between 0 and 1)")

    def gap(a: float) -> float:
        return float(np.dot(weights, np.exp(-a * multipliers))) - target

    low, high = 0.0, 1.0
    for _doubling in range(MAX_DOUBLINGS):
        if gap(high) <= 0:
            break
        low, high = high, high * 2
    else:
        raise ValueError(f"no cumulative hazard up to {high:g} gives a 5-year survival of {target}")
    while True:
        middle = 0.5 * (low + high)
        if middle in (low, high):
            return middle
        if gap(middle) > 0:
            low = middle
        else:
            high = middle


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


def survival_band(hazards: np.ndarray, level: float, overwrite: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """The percentiles of the survival ``exp(-H)`` over the draws (last axis), found on the
    cumulative hazards ``H`` and equal to ``np.percentile(np.exp(-H), [2.5, 97.5], axis=-1)``.

    ``exp(-x)`` falls as ``x`` rises, so the survival's order statistic ``i`` is ``exp(-H)`` of
    the hazards' order statistic ``n - 1 - i``: the same two neighbours are placed by one
    single-index partition each (as in :func:`percentile_band`) and interpolated on the survival
    scale. Working on ``H`` spares an exponential of the whole matrix on every estimate.
    """
    n = hazards.shape[-1]
    ordered = hazards if overwrite else hazards.copy()
    tail = (1 - level) / 2
    bands = []
    for q in (tail, 1 - tail):
        position = (n - 1) * q
        low = math.floor(position)
        weight = position - low
        first = n - 1 - low  # the hazard whose exp(-H) is the survival's order statistic `low`
        ordered.partition(first, axis=-1)
        value = np.exp(-ordered[..., first].astype(np.float64))
        if low + 1 < n and weight > 0:
            below = ordered[..., :first].max(axis=-1).astype(np.float64)  # order statistic first - 1
            value = (1 - weight) * value + weight * np.exp(-below)
        bands.append(value)
    return bands[0], bands[1]
