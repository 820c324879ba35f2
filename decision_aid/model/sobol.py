"""The quasi-random draws of MODEL.md U1: scrambled Sobol points turned into standard normals.

The constants in this module are the definition of the method MODEL.md specifies, not figures
from a study, so they live here with the code rather than in the evidence files: Joe and Kuo's
direction numbers for the first 12 dimensions (file ``new-joe-kuo-6.21201``; dimension 1 is van
der Corput) and Acklam's rational approximation of the normal quantile.

The points are made in Gray-code order (point ``i`` is the XOR of the direction numbers over the
set bits of ``i ^ (i >> 1)``), the same order as ``scipy.stats.qmc.Sobol``; without scrambling
they equal its points exactly.
"""

from __future__ import annotations

import numpy as np

BITS = 32
#: ``(s, a, m)`` of dimensions 2 to 12 (Joe-Kuo new-joe-kuo-6.21201): the degree of the primitive
#: polynomial, its inner coefficients as bits, and the initial odd numbers m_1..m_s.
JOE_KUO = (
    (1, 0, (1,)), (2, 1, (1, 3)), (3, 1, (1, 3, 1)), (3, 2, (1, 1, 1)), (4, 1, (1, 1, 3, 3)),
    (4, 4, (1, 3, 5, 13)), (5, 2, (1, 1, 5, 5, 17)), (5, 4, (1, 1, 5, 5, 5)), (5, 7, (1, 1, 7, 11, 19)),
    (5, 11, (1, 1, 5, 1, 1)), (5, 13, (1, 1, 1, 3, 11)),
)
DIMENSIONS = 1 + len(JOE_KUO)

# Acklam's coefficients: central region, then both tails (relative error below 1.2e-9).
_A = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
      -3.066479806614716e+01, 2.506628277459239e+00)
_B = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
      -1.328068155288572e+01, 1.0)
_C = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
      4.374664141464968e+00, 2.938163982698783e+00)
_D = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1.0)
_TAIL = 0.02425


def direction_numbers() -> np.ndarray:
    """``v[j, b]``: the 32-bit direction numbers of the 12 dimensions (Bratley-Fox recurrence)."""
    v = np.zeros((DIMENSIONS, BITS), dtype=np.uint64)
    v[0] = [1 << (BITS - 1 - b) for b in range(BITS)]
    for j, (s, a, m) in enumerate(JOE_KUO, start=1):
        column = [m[b] << (BITS - 1 - b) for b in range(s)]
        for b in range(s, BITS):
            value = column[b - s] ^ (column[b - s] >> s)
            for k in range(1, s):
                if (a >> (s - 1 - k)) & 1:
                    value ^= column[b - k]
            column.append(value)
        v[j] = column
    return v


def scramble(directions: np.ndarray, lower: np.ndarray) -> np.ndarray:
    """Linear matrix scramble: the bits of each direction number, most significant first, times
    ``tril(lower[j], -1) + I`` over GF(2)."""
    weights = np.uint64(1) << np.arange(BITS - 1, -1, -1, dtype=np.uint64)  # bit i, most significant first
    scrambled = np.empty_like(directions)
    for j in range(directions.shape[0]):
        matrix = np.tril(lower[j], -1) + np.eye(BITS, dtype=lower.dtype)
        bits = ((directions[j][:, None] & weights[None, :]) != 0).astype(np.int64)  # direction x bit
        mixed = (bits @ matrix.T) % 2
        scrambled[j] = (mixed.astype(np.uint64) * weights[None, :]).sum(axis=1)
    return scrambled


def sobol_integers(n: int, directions: np.ndarray, shift: np.ndarray | None = None) -> np.ndarray:
    """The first ``n`` points as 32-bit integers (n x dimensions), in Gray-code order: point ``i``
    differs from point ``i - 1`` by the direction number of the lowest set bit of ``i``."""
    index = np.arange(1, n, dtype=np.int64)
    lowest_bit = np.log2(index & -index).astype(np.intp)
    steps = np.zeros((directions.shape[0], n), dtype=np.uint32)
    steps[:, 1:] = directions.astype(np.uint32)[:, lowest_bit]
    points = np.bitwise_xor.accumulate(steps, axis=1, out=steps)
    if shift is not None:
        points ^= shift.astype(np.uint32)[:, None]
    return points.T


def _horner(coefficients: tuple[float, ...], x: np.ndarray) -> np.ndarray:
    result = np.full_like(x, coefficients[0])
    for c in coefficients[1:]:
        result *= x
        result += c
    return result


def normal_quantile(u: np.ndarray) -> np.ndarray:
    """``Phi^-1(u)`` by Acklam's rational approximation (no refinement step): the central formula
    for ``0.02425 <= u <= 0.97575``, the tail formula (by symmetry) outside."""
    u = np.asarray(u, dtype=np.float64)
    q = u - 0.5
    r = q * q
    z = _horner(_A, r)
    z *= q
    z /= _horner(_B, r)
    tails = np.flatnonzero((u < _TAIL) | (u > 1 - _TAIL))
    if tails.size:
        p = u.flat[tails]
        low = p < 0.5
        t = np.sqrt(-2 * np.log(np.where(low, p, 1 - p)))
        z.flat[tails] = np.where(low, 1.0, -1.0) * _horner(_C, t) / _horner(_D, t)
    return z


def scrambled_normals(n: int, lower: np.ndarray, shift: np.ndarray) -> np.ndarray:
    """U1's ``z``: n x 12 standard normals from the scrambled, shifted Sobol points. One dimension
    at a time: the quantile's dozen passes then stay in the processor's cache."""
    rows = sobol_integers(n, scramble(direction_numbers(), lower), shift).T
    z = np.empty(rows.shape, dtype=np.float64)
    for j, row in enumerate(rows):
        z[j] = normal_quantile((row.astype(np.float64) + 0.5) / 2.0**BITS)
    return z.T
