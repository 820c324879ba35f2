"""An independent, literal implementation of MODEL.md v2 for the tests.

Written from the specification alone, as plainly as possible (no caching, no shortcuts,
``np.percentile`` on the full draws-by-times matrix), with the figures typed in from
EVIDENCE.md rather than read from the evidence files: if the program's files or its formulas
drift from the documents, the comparison fails.
"""

from __future__ import annotations

import math

import numpy as np

P = 63 / 281
T100 = 100 / 365.25
GROUPS = {"R": (32.0, 0.30), "P": (38.0, 0.55)}  # a_g, pi_g (A3)
SIGMA, S_E, SD_K, N_EFF, TAU = 8.0, 0.5, 0.20, 53, math.log(2) / 1.96


def cll(s):
    return np.log(-np.log(s))


def icll(x):
    return np.exp(-np.exp(x))


def tp(point, lo, hi, z):
    s = np.where(z > 0, (cll(point) - cll(hi)) / 1.96, (cll(lo) - cll(point)) / 1.96)
    return icll(cll(point) - z * s)


def se(lower, upper):
    return (math.log(upper) - math.log(lower)) / 3.92


K, C = np.polyfit(np.log([3, 4, 5]), np.log(-np.log([0.82, 0.78, 0.73])), 1)


def h_r(t):
    return np.exp(C) * np.power(t, K)


S_R5 = float(np.exp(-h_r(5.0)))
S_P5 = (0.46 - P * S_R5) / (1 - P)
THETA = math.log(S_P5) / math.log(S_R5)
G = {"R": 1.0, "P": THETA}
S5 = {"R": S_R5, "P": S_P5}


def group_average_pfs5(group: str, lam: float) -> float:
    a, pi = GROUPS[group]
    u, v = np.polynomial.hermite_e.hermegauss(40)
    v = v / v.sum()
    total = 0.0
    for i_d, w in ((1, pi), (0, 1 - pi)):
        m = 1.03 ** (a + SIGMA * u - a) * 1.65 ** (i_d - pi)
        total += float(np.sum(v * w * np.exp(-lam * m * G[group] * h_r(5.0))))
    return total


def solve_lambda(group: str) -> float:
    low, high = 1e-6, 10.0
    for _ in range(200):
        mid = (low + high) / 2
        if group_average_pfs5(group, mid) > S5[group]:
            low = mid
        else:
            high = mid
    return (low + high) / 2


LAMBDA = {g: solve_lambda(g) for g in GROUPS}


def f(h, i_e):
    return h**i_e / (1 - S_E + S_E * h)


def estimate(age, course, edss, prior_dmts, horizon=5, draws=4000, seed=20170401):
    """Points and 95% intervals as MODEL.md defines them."""
    g = "R" if course == "rrms" else "P"
    a, pi = GROUPS[g]
    i_d = 1 if prior_dmts > 2 else 0
    i_e = 1 if edss >= 6.5 else 0
    t = np.arange(horizon * 12 + 1) / 12
    ramp = np.minimum(1, t / T100)
    m = 1.03 ** (age - a) * 1.65 ** (i_d - pi)
    q = 8 / 281 * f(2.03, i_e)
    q_recent = 5 / 364 * f(2.03, i_e)
    pfs = np.minimum(np.exp(-LAMBDA[g] * m * G[g] * h_r(t)), 1 - q * ramp)
    os5 = min(0.92 ** f(2.03, i_e), 1 - q)

    rng = np.random.default_rng(seed)
    z = rng.standard_normal((draws, 9))
    b = rng.beta(8.5, 273.5, draws)
    b_recent = rng.beta(5.5, 359.5, draws)
    s_all = tp(0.46, 0.42, 0.54, z[:, 0])
    sd_r = math.sqrt(S_R5 * (1 - S_R5) / N_EFF)
    sd_all = (0.54 - 0.42) / 3.92
    rho = P * sd_r / sd_all
    se_r = sd_r / (S_R5 * abs(math.log(S_R5)))
    s_rd = icll(cll(S_R5) - se_r * (rho * z[:, 0] + math.sqrt(1 - rho**2) * z[:, 1]))
    s_pd = np.clip((s_all - P * s_rd) / (1 - P), 0.001, 0.999)
    g_d = np.ones(draws) if g == "R" else np.log(s_pd) / np.log(s_rd)
    k_d = np.clip(K + SD_K * z[:, 2], 0.40, 1.60)
    h_age = np.exp(math.log(1.03) + se(1.00, 1.05) * z[:, 3])
    h_dmt = np.exp(math.log(1.65) + se(1.10, 2.47) * z[:, 4])
    h_e = np.exp(math.log(2.03) + se(1.11, 3.72) * z[:, 5])
    m_d = h_age ** (age - a) * h_dmt ** (i_d - pi)
    q_d = b * f(h_e * np.exp(TAU * z[:, 8]), i_e)
    q_recent_d = b_recent * f(h_e * np.exp(TAU * z[:, 8]), i_e)
    curves = np.empty((draws, t.size))
    for d in range(draws):
        hazard = (-math.log(s_rd[d])) * (t / 5) ** k_d[d]
        curves[d] = np.minimum(np.exp(-LAMBDA[g] * m_d[d] * g_d[d] * hazard), 1 - q_d[d] * ramp)
    os5_d = np.minimum(tp(0.92, 0.89, 0.96, z[:, 7]) ** f(h_e, i_e), 1 - q_d)

    def band(x, axis=None):
        return np.percentile(x, [2.5, 97.5], axis=axis)

    return {
        "times": t, "pfs": pfs, "pfs_band": band(curves, axis=0),
        "q": q, "q_band": band(q_d), "q_recent": q_recent, "q_recent_band": band(q_recent_d),
        "os5": os5, "os5_band": band(os5_d),
        "draws": {"curves": curves, "q": q_d, "os5": os5_d, "s_all": s_all, "s_rd": s_rd, "s_pd": s_pd},
    }
