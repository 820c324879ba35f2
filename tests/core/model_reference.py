"""An independent, literal implementation of MODEL.md v3 for the tests.

Written from the specification alone, as plainly as possible: no caching, no single precision,
``np.percentile`` on the knots-by-draws matrices, Python's own ``statistics.NormalDist`` for the
normal quantile (the program uses Acklam's approximation; MODEL.md accepts either), the Sobol
points built bit by bit from the text of U1, and every figure typed in from EVIDENCE.md and
MODEL.md rather than read from the evidence files: if the program's files or its formulas drift
from the documents, the comparison fails. Nothing here calls the program.
"""

from __future__ import annotations

import math
from functools import lru_cache
from statistics import NormalDist

import numpy as np

# --- constants typed in from MODEL.md (v3) and EVIDENCE.md -------------------------------------
P = 63 / 281
T100 = 100 / 365.25
A_R, PI_R, A_P, PI_P = 32.0, 0.30, 38.0, 0.55  # A3
W_UK = 168 / 271
A_R_LATER, A_P_LATER = 40 - (103 / 271) * 6, 40 + (168 / 271) * 6  # A15
SIGMA, S_E, SD_K = 8.0, 0.5, 0.20
TAU_E = math.log(2) / 1.96
TAU_DELTA = SD_K * math.log(2)
AGE_REF = P * A_R + (1 - P) * A_P
SE_AGE = (math.log(1.05) - math.log(1.00)) / 3.92
SE_DMT = (math.log(2.47) - math.log(1.10)) / 3.92
SE_E = (math.log(3.72) - math.log(1.11)) / 3.92
HR_UK, SE_LN_HR_UK = 1.68, (math.log(2.69) - math.log(1.05)) / 3.92

# EVIDENCE.md (Model 3.0) table L: q_x for x = 16..80
Q_X = [
    0.000180, 0.000229, 0.000304, 0.000317, 0.000345, 0.000357, 0.000356, 0.000340, 0.000369, 0.000401,
    0.000407, 0.000437, 0.000480, 0.000492, 0.000538, 0.000583, 0.000599, 0.000670, 0.000715, 0.000773,
    0.000827, 0.000991, 0.000948, 0.001046, 0.001146, 0.001237, 0.001359, 0.001490, 0.001616, 0.001812,
    0.001936, 0.002110, 0.002250, 0.002482, 0.002669, 0.002893, 0.003121, 0.003311, 0.003573, 0.003891,
    0.004322, 0.004714, 0.005166, 0.005585, 0.006152, 0.006688, 0.007514, 0.008196, 0.008864, 0.009732,
    0.010592, 0.011508, 0.012621, 0.013849, 0.015103, 0.016373, 0.018240, 0.020694, 0.022939, 0.025602,
    0.028440, 0.031727, 0.035804, 0.039988, 0.044706,
]


def cll(s):
    return np.log(-np.log(s))


def icll(x):
    return np.exp(-np.exp(x))


def tp(point, lo, hi, z):
    s = np.where(z > 0, (cll(point) - cll(hi)) / 1.96, (cll(lo) - cll(point)) / 1.96)
    return icll(cll(point) - z * s)


def f(h, i_e):
    return h**i_e / (1 - S_E + S_E * h)


# --- S1, S2: shape and joint fit -----------------------------------------------------------------
K = float(np.polyfit(np.log([3, 4, 5]), np.log(-np.log([0.82, 0.78, 0.73])), 1)[0])
S_R = math.sqrt(0.73 * 0.27 / 53)
S_P = math.sqrt(0.33 * 0.67 / 218)
S_C = (0.54 - 0.42) / 3.92
INFO = np.array([[1 / S_R**2 + P**2 / S_C**2, P * (1 - P) / S_C**2],
                 [P * (1 - P) / S_C**2, 1 / S_P**2 + (1 - P) ** 2 / S_C**2]])
V = np.linalg.inv(INFO)
X_R, X_P = V @ np.array([0.73 / S_R**2 + P * 0.46 / S_C**2, 0.33 / S_P**2 + (1 - P) * 0.46 / S_C**2])
X_C = P * X_R + (1 - P) * X_P
CHI2 = (X_R - 0.73) ** 2 / S_R**2 + (X_P - 0.33) ** 2 / S_P**2 + (X_C - 0.46) ** 2 / S_C**2
J = np.diag([1 / (X_R * math.log(X_R)), 1 / (X_P * math.log(X_P))])
CHOL = np.linalg.cholesky(J @ V @ J)


# --- S3: calibration ------------------------------------------------------------------------------
def grid_average(a, pi):
    """sum_j w_j exp(-A m_j) over S3's 80 points."""
    u, v = np.polynomial.hermite_e.hermegauss(40)
    v = v / v.sum()
    total = 0.0
    for i, w in ((1, pi), (0, 1 - pi)):
        m = 1.03 ** (SIGMA * u) * 1.65 ** (i - pi)
        total += float(np.sum(v * w * np.exp(-a * m)))
    return total


def solve_a(s, pi):
    low, high = 0.0, 50.0
    while True:
        mid = (low + high) / 2
        if mid in (low, high):
            return mid
        if grid_average(mid, pi) > s:
            low = mid
        else:
            high = mid


A = {"R": solve_a(X_R, PI_R), "P": solve_a(X_P, PI_P)}


# --- R1 to R4: the later cohorts ----------------------------------------------------------------
def se_symmetric(s, lo, hi):
    return (hi - lo) / (2 * 1.96) / (s * abs(math.log(s)))


def split(s_all, w, ln_hr):
    """S_R solving w S_R + (1-w) S_R**HR = S_all (bisection)."""
    hr = math.exp(ln_hr)
    low, high = 0.0, 1.0
    for _ in range(200):
        mid = (low + high) / 2
        if w * mid + (1 - w) * mid**hr < s_all:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def split_cohort(s_all, n, w):
    """(y_R, se_R), (y_P, se_P) by the delta method with central differences of step 1e-5."""
    h = 1e-5
    se_s = math.sqrt(s_all * (1 - s_all) / n)
    ln_hr = math.log(HR_UK)

    def y(s, lh, group):
        s_r = split(s, w, lh)
        return float(cll(s_r if group == "R" else s_r ** math.exp(lh)))

    out = []
    for group in ("R", "P"):
        d_s = (y(s_all + h, ln_hr, group) - y(s_all - h, ln_hr, group)) / (2 * h)
        d_hr = (y(s_all, ln_hr + h, group) - y(s_all, ln_hr - h, group)) / (2 * h)
        out.append((y(s_all, ln_hr, group), math.sqrt(d_s**2 * se_s**2 + d_hr**2 * SE_LN_HR_UK**2)))
    return out


UK_R, UK_P = split_cohort(0.624, 271, 168 / 271)
BURMAN_R, _BURMAN_P = split_cohort(0.77, 41, 34 / 41)
COHORTS = {
    "R": [
        (float(cll(0.855)), se_symmetric(0.855, 0.769, 0.941)),  # Boffa 2021, RRMS
        (float(cll(0.913)), float((cll(0.747) - cll(0.972)) / (2 * 1.6448536))),  # HALT-MS, 90% CI
        UK_R,
        BURMAN_R,
    ],
    "P": [
        (float(cll(0.710)), se_symmetric(0.710, 0.594, 0.826)),  # Boffa 2021, progressive
        UK_P,
    ],
}


def _q_and_c(cohorts):
    w = np.array([1 / se**2 for _, se in cohorts])
    y = np.array([y for y, _ in cohorts])
    ybar = np.sum(w * y) / np.sum(w)
    return float(np.sum(w * (y - ybar) ** 2)), float(np.sum(w) - np.sum(w**2) / np.sum(w))


Q_R, C_R = _q_and_c(COHORTS["R"])
Q_P, C_P = _q_and_c(COHORTS["P"])
Q = Q_R + Q_P
TAU2 = max(0.0, (Q - 4) / (C_R + C_P))
TAU = math.sqrt(TAU2)
MU, SE_MU, SD_MU = {}, {}, {}
for _g, _cohorts in COHORTS.items():
    _w = np.array([1 / (se**2 + TAU2) for _, se in _cohorts])
    MU[_g] = float(np.sum(_w * np.array([y for y, _ in _cohorts])) / np.sum(_w))
    SE_MU[_g] = math.sqrt(1 / np.sum(_w))
    SD_MU[_g] = math.sqrt(SE_MU[_g] ** 2 + TAU2)


def delta(s5, lo5, hi5, s10, lo10, hi10):
    v5 = ((hi5 - lo5) / 3.92 / s5) ** 2
    v10 = ((hi10 - lo10) / 3.92 / s10) ** 2
    var = v10 / math.log(s10) ** 2 + v5 / math.log(s5) ** 2 - 2 * v5 / (math.log(s5) * math.log(s10))
    return float(cll(s10) - cll(s5)), math.sqrt(var), math.sqrt(var + TAU_DELTA**2)


DELTA = {"R": delta(0.855, 0.769, 0.941, 0.713, 0.578, 0.848), "P": delta(0.710, 0.594, 0.826, 0.572, 0.418, 0.727)}
A_LATER = {"R": solve_a(float(icll(MU["R"])), PI_R), "P": solve_a(float(icll(MU["P"])), PI_P)}


# --- O4: population survival --------------------------------------------------------------------
def h_pop(a):
    a = min(max(a, 16.0), 81.0)
    mu = [-math.log(1 - q) for q in Q_X]
    whole = math.floor(a)
    total = sum(mu[x - 16] for x in range(16, whole))
    if whole <= 80:
        total += mu[whole - 16] * (a - whole)
    return total


def s_pop(age, t):
    return math.exp(-(h_pop(age + t) - h_pop(age)))


def p_age(age, t):
    return s_pop(age, t) / s_pop(AGE_REF, t)


# --- U1: scrambled Sobol points ------------------------------------------------------------------
SOBOL_PARAMETERS = [(1, 0, [1]), (2, 1, [1, 3]), (3, 1, [1, 3, 1]), (3, 2, [1, 1, 1]), (4, 1, [1, 1, 3, 3]),
                    (4, 4, [1, 3, 5, 13]), (5, 2, [1, 1, 5, 5, 17]), (5, 4, [1, 1, 5, 5, 5]),
                    (5, 7, [1, 1, 7, 11, 19]), (5, 11, [1, 1, 5, 1, 1]), (5, 13, [1, 1, 1, 3, 11])]


def direction_numbers():
    """v[j][b], 32-bit, dimension 1 van der Corput, then Bratley-Fox from (s, a, m)."""
    v = [[1 << (31 - b) for b in range(32)]]
    for s, a, m in SOBOL_PARAMETERS:
        col = [m[b] << (31 - b) for b in range(s)]
        for b in range(s, 32):
            value = col[b - s] ^ (col[b - s] >> s)
            for k in range(1, s):
                if (a >> (s - 1 - k)) & 1:
                    value ^= col[b - k]
            col.append(value)
        v.append(col)
    return v


def scramble(value, ltm):
    bits = np.array([(value >> (31 - i)) & 1 for i in range(32)])  # most significant first
    out = ltm.dot(bits) % 2
    return int(sum(int(out[i]) << (31 - i) for i in range(32)))


def sobol_integers(n, ltm=None, shift=None):
    v = direction_numbers()
    if ltm is not None:
        v = [[scramble(v[j][b], ltm[j]) for b in range(32)] for j in range(12)]
    index = np.arange(n, dtype=np.uint64)
    gray = index ^ (index >> np.uint64(1))
    x = np.zeros((n, 12), dtype=np.uint64)
    for j in range(12):
        for b in range(32):
            mask = ((gray >> np.uint64(b)) & np.uint64(1)).astype(bool)
            x[mask, j] ^= np.uint64(v[j][b])
        if shift is not None:
            x[:, j] ^= np.uint64(shift[j])
    return x


@lru_cache(maxsize=4)
def draws(n=32768, seed=20170401):
    rng = np.random.default_rng(seed)
    lower = rng.integers(0, 2, size=(12, 32, 32))
    shift = rng.integers(0, 2**32, size=12, dtype=np.uint64)
    b = rng.beta(8.5, 273.5, n)
    b_later = rng.beta(5.5, 359.5, n)
    ltm = [np.tril(lower[j], -1) + np.eye(32, dtype=int) for j in range(12)]
    u = (sobol_integers(n, ltm, shift).astype(np.float64) + 0.5) / 2**32
    z = np.vectorize(NormalDist().inv_cdf)(u)
    return z, b, b_later


# --- one estimate ---------------------------------------------------------------------------------
def knots(horizon):
    return np.array([0, 3 / 12, 4 / 12, 6 / 12, 9 / 12, 1, 1.5] + list(range(2, horizon + 1)), dtype=float)


def os_curve(t, q, h_late, age):
    """O3: then a running minimum over the grid, then the cap 1 - q ramp(t); q, h_late per column."""
    ramp = np.minimum(1, t / T100)[:, None]
    late = np.maximum(0, t - T100)[:, None]
    p = np.array([p_age(age, ti) for ti in t])[:, None]
    curve = (1 - q * ramp) * np.exp(-h_late * late) * p
    curve = np.minimum.accumulate(curve, axis=0)
    return np.minimum(curve, 1 - q * ramp)


def applies_later(course, relapses, mri):
    if course == "rrms":
        return True, None
    if (relapses is not None and relapses >= 1) or mri == "yes":
        return True, None
    if relapses == 0 and mri == "no":
        return False, "no_inflammatory_activity"
    return False, "activity_not_known"


def estimate(age, course, edss, prior_dmts, horizon=5, n=32768, seed=20170401, relapses=None, mri=None):
    """Points and 95% intervals as MODEL.md v3 defines them, on the monthly grid and at the knots."""
    g = "R" if course == "rrms" else "P"
    a, pi = (A_R, PI_R) if g == "R" else (A_P, PI_P)
    a2 = A_R_LATER if g == "R" else A_P_LATER
    i_d = 1 if prior_dmts > 2 else 0
    i_e = 1 if edss >= 6.5 else 0
    delta_g = DELTA[g][0]
    t = np.arange(horizon * 12 + 1) / 12

    # points
    m = 1.03 ** (age - a) * 1.65 ** (i_d - pi)
    m2 = 1.03 ** (age - a2) * 1.65 ** (i_d - pi)
    q = 8 / 281 * f(2.03, i_e)
    q2 = 5 / 364 * f(2.03, i_e)
    os5_ref = min(0.92 ** f(2.03, i_e), 1 - q)
    h_late = -math.log(os5_ref / (1 - q)) / (5 - T100)
    os_t = os_curve(t, np.array([q]), np.array([h_late]), age)[:, 0]
    os2_t = os_curve(t, np.array([q2]), np.array([h_late]), age)[:, 0]
    study = np.exp(-A[g] * m * (t / 5) ** K)
    exponent = np.where(t <= 5, K, delta_g / math.log(2))
    later = np.exp(-A_LATER[g] * m2 * (t / 5) ** exponent)
    if edss >= 9.0:
        pfs, pfs2 = os_t, os2_t
    else:
        pfs, pfs2 = np.minimum(study, os_t), np.minimum(later, os2_t)

    # draws
    z, b, b_later = draws(n, seed)
    c = CHOL @ z[:, :2].T  # d_R, d_P
    d = {"R": c[0], "P": c[1]}
    k_d = np.clip(K + 0.20 * z[:, 2], 0.40, 1.60)
    h_age = np.maximum(1.0, np.exp(math.log(1.03) + SE_AGE * z[:, 3]))
    h_dmt = np.exp(math.log(1.65) + SE_DMT * z[:, 4])
    h_e = np.exp(math.log(2.03) + SE_E * z[:, 5])
    d2 = {"R": SD_MU["R"] * z[:, 6], "P": SD_MU["P"] * z[:, 9]}
    delta_d = {"R": np.maximum(0, DELTA["R"][0] + DELTA["R"][2] * z[:, 10]),
               "P": np.maximum(0, DELTA["P"][0] + DELTA["P"][2] * z[:, 11])}
    q_d = b * f(h_e * np.exp(TAU_E * z[:, 8]), i_e)
    q2_d = b_later * f(h_e * np.exp(TAU_E * z[:, 8]), i_e)
    os5_ref_d = np.minimum(tp(0.92, 0.89, 0.96, z[:, 7]) ** f(h_e, i_e), 1 - q_d)
    h_late_d = -np.log(os5_ref_d / (1 - q_d)) / (5 - T100)

    tk = knots(horizon)
    m_d = h_age ** (age - a) * h_dmt ** (i_d - pi)
    m2_d = h_age ** (age - a2) * h_dmt ** (i_d - pi)
    pfs_d = np.exp(-A[g] * np.exp(d[g]) * m_d * (tk[:, None] / 5) ** k_d)
    e_d = np.where(tk[:, None] <= 5, k_d[None, :], delta_d[g][None, :] / math.log(2))
    pfs2_d = np.exp(-A_LATER[g] * np.exp(d2[g]) * m2_d * (tk[:, None] / 5) ** e_d)
    os_d = os_curve(tk, q_d, h_late_d, age)
    os2_d = os_curve(tk, q2_d, h_late_d, age)
    if edss >= 9.0:
        pfs_d, pfs2_d = os_d, os2_d
    else:
        pfs_d, pfs2_d = np.minimum(pfs_d, os_d), np.minimum(pfs2_d, os2_d)

    def band(matrix):
        low, high = np.percentile(matrix, [2.5, 97.5], axis=1)
        return np.interp(t, tk, low), np.interp(t, tk, high)

    five = int(np.where(tk == 5)[0][0])
    applies, reason = applies_later(course, relapses, mri)
    return {
        "times": t, "knots": tk,
        "pfs": pfs, "pfs_band": band(pfs_d),
        "pfs_recent": pfs2 if applies else None, "pfs_recent_band": band(pfs2_d) if applies else None,
        "reason": reason,
        "q": q, "q_band": tuple(np.percentile(q_d, [2.5, 97.5])),
        "q_recent": q2, "q_recent_band": tuple(np.percentile(q2_d, [2.5, 97.5])),
        "os5": os_t[60], "os5_band": tuple(np.percentile(os_d[five], [2.5, 97.5])),
        "os5_recent": os2_t[60], "os5_recent_band": tuple(np.percentile(os2_d[five], [2.5, 97.5])),
        "m": m, "m_recent": m2,
        "draws": {"pfs": pfs_d, "pfs_recent": pfs2_d, "os": os_d, "os_recent": os2_d, "q": q_d, "q_recent": q2_d},
    }
