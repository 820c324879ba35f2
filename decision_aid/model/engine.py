"""The personalised model of MODEL.md v1: Weibull PFS curves, risk-factor adjustment, early
mortality, 5-year survival, and seeded Monte Carlo intervals.

Every number comes from the evidence set; this module holds formulas only. Each draw's
cumulative hazard has the form ``a * t**k`` with a common shape ``k`` (assumption A1), so a
draw's whole curve is ordered by its scale ``a``; the pointwise percentiles of the curves are
therefore the curves of the scale's order statistics, which is exact and fast.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np

from ..evidence import EvidenceSet, load_evidence
from .profile import Profile, ProfileLimits, validate_profile
from .result import Curve, Estimate, EvidenceRef, Interval, Note, ReferenceCurves, frozen_array


def _cloglog(p: float) -> float:
    return math.log(-math.log(p))


def _cloglog_se(lower: float, upper: float, width: float) -> float:
    """SE on the complementary log-log scale from a published interval of a survival probability."""
    return abs(_cloglog(lower) - _cloglog(upper)) / width


@dataclass(frozen=True)
class HazardRatio:
    value: float
    log_se: float


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


class Model:
    """The model bound to one checked evidence set. Build once; :meth:`estimate` is pure."""

    def __init__(self, evidence: EvidenceSet) -> None:
        self.evidence = evidence
        spec = evidence.by_role("model")[0]
        study = evidence.get(spec.raw["primary_source"])
        self.version: str = spec.raw["model_version"]
        self.limits = ProfileLimits.from_spec(spec.raw["profile"])
        self.horizons: tuple[int, ...] = tuple(spec.raw["profile"]["horizons"])
        self.draws_range = (spec.raw["profile"]["draws_min"], spec.raw["profile"]["draws_max"])
        self.relapsing_courses = tuple(spec.raw["profile"]["relapsing_courses"])
        self.assumptions = tuple(Note(a["id"], a["text"]) for a in spec.raw["assumptions"])
        self.plain_language: tuple[str, ...] = tuple(study.raw.get("plain_language", ()))
        v = spec.value
        self.reference_age = v("reference_age")
        self.share_many_dmts = v("share_more_than_2_dmts")
        self.dmt_threshold = int(v("prior_dmts_threshold"))
        self.high_edss = v("high_edss_threshold")
        self.share_high_edss = v("share_high_edss")
        self.early_days = int(v("early_mortality_days"))
        self.data_horizon = v("survival_horizon")
        self.steps_per_year = int(v("grid_steps_per_year"))
        self.seed = int(v("monte_carlo_seed"))
        self.default_draws = int(v("monte_carlo_draws"))
        self.beta_prior = v("beta_prior")
        self.level = v("interval_level")
        self.clip = (v("theta_clip_low"), v("theta_clip_high"))
        width = v("ci_z_width")

        self.citation = study.full_citation
        self.study = study
        self.relapsing_fit = fit_weibull(
            [(p["years"], study.value(p["figure"])) for p in spec.raw["relapsing_fit_points"]]
        )
        n_relapsing = study.value("relapsing_patients")
        self.relapsing_share = n_relapsing / study.value("patients")
        cohort_pfs = study.figure("pfs_5y")
        self.cohort_pfs5 = cohort_pfs.value
        self.cohort_pfs5_se = _cloglog_se(*cohort_pfs.ci, width)
        self.relapsing_pfs5 = float(self.relapsing_fit.survival(self.data_horizon))
        s = self.relapsing_pfs5
        self.relapsing_pfs5_se = math.sqrt((1 - s) / (n_relapsing * s)) / abs(math.log(s))
        self.theta = self._theta(self.cohort_pfs5, self.relapsing_pfs5)
        self.early_deaths = study.value("early_deaths")
        self.patients = study.value("patients")
        os5 = study.figure("os_5y")
        self.os5 = os5.value
        self.os5_se = _cloglog_se(*os5.ci, width)
        self.hr = {
            name: HazardRatio(fig.value, (math.log(fig.ci[1]) - math.log(fig.ci[0])) / width)
            for name, fig in (
                ("age", study.figure("hr_pfs_age")),
                ("dmts", study.figure("hr_pfs_prior_dmts")),
                ("edss", study.figure("hr_os_edss")),
            )
        }

    # -- pieces of MODEL.md ------------------------------------------------------------------

    def _theta(self, cohort_pfs5, relapsing_pfs5):
        """Progressive-vs-relapsing cumulative-hazard ratio that reproduces the cohort mix (A2)."""
        p = self.relapsing_share
        progressive = np.clip((cohort_pfs5 - p * relapsing_pfs5) / (1 - p), *self.clip)
        return np.log(progressive) / np.log(relapsing_pfs5)

    def is_relapsing(self, profile: Profile) -> bool:
        return profile.course in self.relapsing_courses

    def hazard_multiplier(self, profile: Profile, hr_age=None, hr_dmts=None):
        """``m`` of MODEL.md step 3 (arrays of hazard ratios give one ``m`` per draw)."""
        hr_age = self.hr["age"].value if hr_age is None else hr_age
        hr_dmts = self.hr["dmts"].value if hr_dmts is None else hr_dmts
        many = 1.0 if profile.prior_dmts > self.dmt_threshold else 0.0
        return hr_age ** (profile.age - self.reference_age) * hr_dmts ** (many - self.share_many_dmts)

    def edss_factor(self, profile: Profile, hr_edss=None):
        """``f`` of MODEL.md: the EDSS hazard ratio relative to the cohort's half-and-half mix (A4)."""
        hr = self.hr["edss"].value if hr_edss is None else hr_edss
        high = 1.0 if profile.edss >= self.high_edss else 0.0
        return hr**high / ((1 - self.share_high_edss) + self.share_high_edss * hr)

    def time_grid(self, horizon: int) -> np.ndarray:
        return np.arange(horizon * self.steps_per_year + 1) / self.steps_per_year

    # -- public API -------------------------------------------------------------------------

    def validate(self, raw: Mapping[str, Any]) -> Profile:
        return validate_profile(raw, self.limits)

    def estimate(self, profile: Profile, horizon: int | None = None, draws: int | None = None) -> Estimate:
        """All estimates for one validated profile; identical output for identical input."""
        horizon = int(self.data_horizon) if horizon is None else horizon
        draws = self.default_draws if draws is None else draws
        if horizon not in self.horizons:
            raise ValueError(f"horizon: {horizon!r} is not allowed; allowed: {', '.join(map(str, self.horizons))} years")
        if isinstance(draws, bool) or not isinstance(draws, int) or not self.draws_range[0] <= draws <= self.draws_range[1]:
            raise ValueError(f"draws: {draws!r} is not allowed; allowed: a whole number {self.draws_range[0]} to {self.draws_range[1]}")

        times = self.time_grid(horizon)
        base = np.power(times, self.relapsing_fit.shape)  # t**k, shared by every curve (A1)
        relapsing = self.is_relapsing(profile)
        m = float(self.hazard_multiplier(profile))
        group = 1.0 if relapsing else float(self.theta)
        scale = np.exp(self.relapsing_fit.log_scale)
        estimate = np.exp(-m * group * scale * base)

        rng = np.random.default_rng(self.seed)
        z = rng.standard_normal((draws, 6))
        beta = rng.beta(self.early_deaths + self.beta_prior, self.patients - self.early_deaths + self.beta_prior, draws)

        cohort5 = np.exp(-np.exp(_cloglog(self.cohort_pfs5) + self.cohort_pfs5_se * z[:, 0]))
        relapsing5 = np.exp(-np.exp(_cloglog(self.relapsing_pfs5) + self.relapsing_pfs5_se * z[:, 1]))
        hr_age, hr_dmts, hr_edss = (
            np.exp(np.log(self.hr[name].value) + self.hr[name].log_se * z[:, col])
            for col, name in ((2, "age"), (3, "dmts"), (4, "edss"))
        )
        scale_draws = scale * np.log(relapsing5) / np.log(self.relapsing_pfs5)
        group_draws = np.ones(draws) if relapsing else self._theta(cohort5, relapsing5)
        a = self.hazard_multiplier(profile, hr_age, hr_dmts) * group_draws * scale_draws
        lower, upper = _curve_band(a, base, self.level)

        f = float(self.edss_factor(profile))
        f_draws = self.edss_factor(profile, hr_edss)
        early = Interval(float(self.early_deaths / self.patients * f), *_percentiles(beta * f_draws, self.level))
        os_draws = np.exp(-f_draws * np.exp(_cloglog(self.os5) + self.os5_se * z[:, 5]))
        overall = Interval(float(np.exp(-f * -math.log(self.os5))), *_percentiles(os_draws, self.level))

        curve = Curve(frozen_array(times), frozen_array(estimate), frozen_array(lower), frozen_array(upper), float(self.data_horizon))
        pfs_at = {year: curve.at(year) for year in range(1, horizon + 1)}
        s_r = np.exp(-scale * base)
        s_p = np.exp(-self.theta * scale * base)
        p = self.relapsing_share
        reference = ReferenceCurves(frozen_array(p * s_r + (1 - p) * s_p), frozen_array(s_r), frozen_array(s_p))

        return Estimate(
            model_version=self.version,
            evidence_version=self.evidence.version,
            evidence_checksum=self.evidence.manifest_sha256,
            evidence=tuple(EvidenceRef(s.id, s.full_citation, s.sha256) for s in self.evidence.sources),
            primary_citation=self.citation,
            profile=profile,
            horizon_years=horizon,
            draws=draws,
            seed=self.seed,
            early_mortality_days=self.early_days,
            early_mortality=early,
            overall_survival_5y=overall,
            pfs=curve,
            pfs_at=pfs_at,
            hazard_multiplier=m,
            reference=reference,
            warnings=self.warnings(profile, horizon),
            caveats=self.caveats(),
            assumptions=self.assumptions,
        )

    def warnings(self, profile: Profile, horizon: int) -> tuple[Note, ...]:
        """Plain-language warnings that apply to this profile and horizon."""
        notes = []
        lim = self.limits
        if not lim.studied_age_min <= profile.age <= lim.studied_age_max:
            notes.append(Note(
                "age_outside_studied",
                f"Age {profile.age:g} is outside {lim.studied_age_min:g} to {lim.studied_age_max:g}: "
                "few people of this age were in the studies, so these numbers are less certain.",
            ))
        if profile.edss >= lim.edss_warn_at:
            notes.append(Note(
                "edss_very_high",
                f"EDSS {profile.edss:.1f} is {lim.edss_warn_at:.1f} or above: very few people with this level "
                "of disability were in the study, so these numbers are less certain.",
            ))
        if horizon > self.data_horizon:
            notes.append(Note(
                "extrapolation",
                f"Beyond {self.data_horizon:g} years the curve is an extrapolation: the study gives no figures "
                "for that time, so the model continues the earlier trend (assumption A5).",
                "pfs",
            ))
        return tuple(notes)

    def caveats(self) -> tuple[Note, ...]:
        """Limits that hold for every profile."""
        return (
            Note(
                "early_mortality_age",
                "Age is not part of the early-death estimate because the study gives no figure for it; "
                "the study reported that the risk of early death was higher in older patients.",
                "early_mortality",
            ),
            Note(
                "era",
                f"These patients were treated in {self.study.text('transplant_years')}; more recent studies "
                "report fewer early deaths (assumption A7).",
                "early_mortality",
            ),
        )


def _percentiles(samples: np.ndarray, level: float) -> tuple[float, float]:
    """The two-sided percentiles of ``samples``, as ``np.percentile`` (linear) computes them.

    Written out because ``np.percentile`` imports ``numpy.ma`` on its first call, which cost
    about 20 ms of the window's cold start.
    """
    ordered = np.sort(samples)
    tail = (1 - level) / 2
    return _order_statistic(ordered, tail), _order_statistic(ordered, 1 - tail)


def _order_statistic(ordered: np.ndarray, q: float) -> float:
    position = (ordered.size - 1) * q
    low = int(math.floor(position))
    high = min(low + 1, ordered.size - 1)
    weight = position - low
    return float((1 - weight) * ordered[low] + weight * ordered[high])


def _curve_band(scales: np.ndarray, base: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Pointwise percentiles of the curves ``exp(-a_d * base)``, equal to ``np.percentile`` on
    the full draws-by-time matrix (linear interpolation) but computed from the sorted scales."""
    descending = np.sort(scales)[::-1]  # ascending survival at every t > 0
    n = descending.size
    tail = (1 - level) / 2
    bands = []
    for q in (tail, 1 - tail):
        position = (n - 1) * q
        low = int(math.floor(position))
        high = min(low + 1, n - 1)
        weight = position - low
        bands.append((1 - weight) * np.exp(-descending[low] * base) + weight * np.exp(-descending[high] * base))
    return bands[0], bands[1]


@functools.lru_cache(maxsize=1)
def default_model() -> Model:
    """The model on the evidence shipped with the package, loaded and checked once."""
    return Model(load_evidence())
