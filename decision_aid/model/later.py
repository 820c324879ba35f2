"""The later cohorts of MODEL.md R1 to R3: each cohort's 5-year figure on the complementary log-log
(cll) scale, a random-effects pool per type of MS with one between-cohort variance, and the
5-to-10-year change of the one cohort with 10-year figures. Formulas only: the figures come from
the evidence files through :class:`decision_aid.model.engine.Model`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

from .survival import cll, icll


@dataclass(frozen=True)
class CohortFigure:
    """One row of R1's table: a cohort's 5-year PFS for one group as ``y = cll(S5)`` with its SE."""

    group: str
    source: str
    y: float
    se: float


@dataclass(frozen=True)
class PooledGroup:
    """R2's result for one group: the pooled mean ``mu``, its SE and the predictive SD."""

    mu: float
    se: float
    sd: float

    def survival(self, z: float) -> tuple[float, float, float, float, float]:
        """The pooled 5-year figure as survival: the point, then the ends of its interval and of its
        predictive interval at ``z`` (a higher cll is a lower survival)."""
        return (float(icll(self.mu)), float(icll(self.mu + z * self.se)), float(icll(self.mu - z * self.se)),
                float(icll(self.mu + z * self.sd)), float(icll(self.mu - z * self.sd)))


@dataclass(frozen=True)
class Change:
    """R3: ``Delta = cll(S10) - cll(S5)``, its SE and its SD with the between-cohort part."""

    delta: float
    se: float
    sd: float


def from_symmetric_interval(s: float, lower: float, upper: float, z95: float) -> tuple[float, float]:
    """A 95% interval symmetric on the probability scale: ``se = (hi - lo)/(2 z) / (S |ln S|)``."""
    return cll(s), (upper - lower) / (2 * z95) / (s * abs(math.log(s)))


def from_cll_interval(s: float, lower: float, upper: float, z: float) -> tuple[float, float]:
    """An interval read on the cll scale (HALT-MS's 90% interval): ``se = (cll lo - cll hi)/(2 z)``."""
    return cll(s), (cll(lower) - cll(upper)) / (2 * z)


def relapsing_part(s_all: float, relapsing_share: float, log_hr: float) -> float:
    """``S_R`` solving ``w S_R + (1 - w) S_R**HR = S_all`` by bisection (the left side rises with S_R)."""
    hr = math.exp(log_hr)
    low, high = 0.0, 1.0
    while True:
        middle = 0.5 * (low + high)
        if middle in (low, high):
            return middle
        if relapsing_share * middle + (1 - relapsing_share) * middle**hr < s_all:
            low = middle
        else:
            high = middle


def from_both_courses(s_all: float, patients: float, relapsing_share: float, hr: float, hr_se: float,
                      step: float) -> dict[str, tuple[float, float]]:
    """A figure for both types of MS together, split with the cohort's hazard ratio (A21):
    ``{"relapsing": (y, se), "progressive": (y, se)}``, the SE by the delta method from the
    binomial SE of ``S_all`` and the SE of ``ln HR``, with central differences of ``step``."""
    se_s = math.sqrt(s_all * (1 - s_all) / patients)
    log_hr = math.log(hr)

    def y(group: str, s: float, lhr: float) -> float:
        s_r = relapsing_part(s, relapsing_share, lhr)
        return cll(s_r if group == "relapsing" else s_r ** math.exp(lhr))

    split = {}
    for group in ("relapsing", "progressive"):
        d_s = (y(group, s_all + step, log_hr) - y(group, s_all - step, log_hr)) / (2 * step)
        d_hr = (y(group, s_all, log_hr + step) - y(group, s_all, log_hr - step)) / (2 * step)
        split[group] = (y(group, s_all, log_hr), math.sqrt((d_s * se_s) ** 2 + (d_hr * hr_se) ** 2))
    return split


def pool(cohorts: Iterable[CohortFigure]) -> tuple[dict[str, PooledGroup], float, float]:
    """R2: DerSimonian-Laird per group with one common ``tau^2 = max(0, (sum Q_g - df) / sum C_g)``,
    ``df`` = cohorts minus groups. Returns the groups, ``tau`` and the total ``Q``."""
    by_group: dict[str, list[CohortFigure]] = {}
    for cohort in cohorts:
        by_group.setdefault(cohort.group, []).append(cohort)
    q_total = c_total = 0.0
    for members in by_group.values():
        w = [1 / c.se**2 for c in members]
        mean = sum(wi * c.y for wi, c in zip(w, members)) / sum(w)
        q_total += sum(wi * (c.y - mean) ** 2 for wi, c in zip(w, members))
        c_total += sum(w) - sum(wi**2 for wi in w) / sum(w)
    df = sum(len(members) - 1 for members in by_group.values())
    tau2 = max(0.0, (q_total - df) / c_total)
    pooled = {}
    for group, members in by_group.items():
        w = [1 / (c.se**2 + tau2) for c in members]
        se = math.sqrt(1 / sum(w))
        pooled[group] = PooledGroup(sum(wi * c.y for wi, c in zip(w, members)) / sum(w), se, math.sqrt(se**2 + tau2))
    return pooled, math.sqrt(tau2), q_total


def pooled_shares(cohorts: Iterable[CohortFigure], tau: float) -> tuple[float, ...]:
    """Each cohort's share of its group's random-effects weight ``1/(se^2 + tau^2)`` (R2), in the
    order given: how much each cohort counts in its group's pooled figure."""
    cohorts = tuple(cohorts)
    weights = [1 / (c.se**2 + tau**2) for c in cohorts]
    totals: dict[str, float] = {}
    for cohort, weight in zip(cohorts, weights):
        totals[cohort.group] = totals.get(cohort.group, 0.0) + weight
    return tuple(weight / totals[cohort.group] for cohort, weight in zip(cohorts, weights))


def ten_year_change(five: tuple[float, float, float], ten: tuple[float, float, float], z95: float,
                    between_sd: float) -> Change:
    """R3 from one cohort's 5- and 10-year figures (value, lower, upper), with Greenwood's
    ``Cov(ln S5, ln S10) = Var(ln S5)`` and the between-cohort SD ``tau_Delta`` (A20)."""
    (s5, lo5, hi5), (s10, lo10, hi10) = five, ten
    v5 = ((hi5 - lo5) / (2 * z95) / s5) ** 2
    v10 = ((hi10 - lo10) / (2 * z95) / s10) ** 2
    ln5, ln10 = math.log(s5), math.log(s10)
    variance = v10 / ln10**2 + v5 / ln5**2 - 2 * v5 / (ln5 * ln10)
    return Change(cll(s10) - cll(s5), math.sqrt(variance), math.sqrt(variance + between_sd**2))
