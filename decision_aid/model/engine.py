"""The personalised model of MODEL.md v2: Weibull PFS curves centred within each group and
calibrated to the group's own curve, early mortality in two eras, 5-year survival, coherence
caps, and seeded Monte Carlo intervals.

Every number comes from the evidence set (the study files and ``model_parameters.json``); this
module holds formulas only. The parameter draws do not depend on the profile, so they are made
once per number of draws and reused: an estimate then costs one draws-by-times matrix.
"""

from __future__ import annotations

import functools
import math
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np

from ..evidence import EvidenceSet, Source, load_evidence
from .profile import Profile, ProfileLimits, RequestError, validate_profile
from .result import (
    Assumption, Curve, Estimate, EvidenceRef, Interval, Note, ReferenceCurves, SourceLabel, frozen_array,
)
from .survival import (
    WeibullFit, calibrate, cll, edss_factor, fit_weibull, icll, log_se, percentile_band, percentiles, two_piece,
)

__all__ = ["Model", "default_model", "fit_weibull", "WeibullFit"]

RELAPSING, PROGRESSIVE = "relapsing", "progressive"


@dataclass(frozen=True)
class Group:
    """One of the study's two groups with its assumed make-up (A3) and calibration (step 4)."""

    name: str
    mean_age: float  # a_g
    share_many_dmts: float  # pi_g
    curve_factor: float  # G_g: 1 for relapsing, theta for progressive
    pfs5: float  # S_g5, the group's own 5-year PFS
    calibration: float  # lambda_g


@dataclass(frozen=True)
class ParameterDraws:
    """One row per draw of everything uncertain in MODEL.md (independent of the profile)."""

    cohort_pfs5: np.ndarray  # S_all
    relapsing_pfs5: np.ndarray  # S_Rd
    progressive_factor: np.ndarray  # theta_d
    shape: np.ndarray  # k_d
    hr_age: np.ndarray
    hr_dmts: np.ndarray
    hr_edss: np.ndarray  # h_E
    edss_transport: np.ndarray  # exp(tau * z8)
    early: np.ndarray  # B
    early_recent: np.ndarray  # B'
    os5: np.ndarray  # tp(0.92, 0.89, 0.96, z7), before the EDSS factor


@dataclass(frozen=True)
class DrawnOutcomes:
    """Every draw's outcomes for one profile: the PFS curves and the three single figures."""

    pfs: np.ndarray  # times x draws (draws contiguous, for the percentile step)
    early: np.ndarray
    early_recent: np.ndarray
    os5: np.ndarray


class Model:
    """The model bound to one checked evidence set. Build once; :meth:`estimate` is pure."""

    def __init__(self, evidence: EvidenceSet) -> None:
        self.evidence = evidence
        spec = evidence.by_role("model")[0]
        self.spec = spec
        self.study = evidence.get(spec.raw["primary_source"])
        self.recent_study = evidence.get(spec.raw["recent_early_mortality_source"])
        self.version: str = spec.raw["model_version"]
        self.previous_versions: tuple[str, ...] = tuple(spec.raw.get("previous_model_versions", ()))
        self._read_profile_spec(spec.raw["profile"])
        self.assumptions = tuple(Assumption(a["id"], a["text"]) for a in spec.raw["assumptions"])
        self.plain_language: tuple[str, ...] = tuple(self.study.raw.get("plain_language", ()))
        self.citation = self.study.full_citation
        self._read_constants(spec)
        self._fit_curves()
        self._read_uncertainty()
        self._draw_cache: OrderedDict[int, ParameterDraws] = OrderedDict()
        self._base_cache: OrderedDict[tuple[int, int], np.ndarray] = OrderedDict()

    # -- construction ----------------------------------------------------------------------

    def _read_profile_spec(self, profile: Mapping[str, Any]) -> None:
        self.limits = ProfileLimits.from_spec(profile)
        self.horizons: tuple[int, ...] = tuple(profile["horizons"])
        self.draws_range = (profile["draws_min"], profile["draws_max"])
        self.relapsing_courses = tuple(profile["relapsing_courses"])

    def _read_constants(self, spec: Source) -> None:
        v = spec.value
        self.dmt_threshold = int(v("prior_dmts_threshold"))
        self.high_edss = v("high_edss_threshold")
        self.share_high_edss = v("share_high_edss")
        self.early_days = int(v("early_mortality_days"))
        self.early_years = self.early_days / v("days_per_year")  # T100
        self.data_horizon = v("survival_horizon")
        self.steps_per_year = int(v("grid_steps_per_year"))
        self.seed = int(v("monte_carlo_seed"))
        self.default_draws = int(v("monte_carlo_draws"))
        self.beta_prior = v("beta_prior")
        self.level = v("interval_level")
        self.z95 = v("normal_z_95")
        self.progressive_clip = (v("progressive_clip_low"), v("progressive_clip_high"))
        self.shape_sd = v("shape_sd")
        self.shape_clip = (v("shape_clip_low"), v("shape_clip_high"))
        self.relapsing_effective_n = v("relapsing_effective_n")
        self.edss_transport_sd = math.log(v("edss_transport_factor")) / self.z95  # tau
        self.age_sd = v("age_sd_within_group")
        self.calibration_nodes = int(v("calibration_nodes"))

    def _fit_curves(self) -> None:
        """Steps 1, 2 and 4: the relapsing Weibull fit, the progressive factor, the calibrations."""
        study, v = self.study, self.spec.value
        self.relapsing_fit = fit_weibull(
            [(p["years"], study.value(p["figure"])) for p in self.spec.raw["relapsing_fit_points"]])
        self.relapsing_share = study.value("relapsing_patients") / study.value("patients")  # p
        self.cohort_pfs5 = study.value("pfs_5y")
        self.relapsing_pfs5 = float(self.relapsing_fit.survival(self.data_horizon))  # S_R5
        p = self.relapsing_share
        self.progressive_pfs5 = (self.cohort_pfs5 - p * self.relapsing_pfs5) / (1 - p)  # S_P5
        self.theta = math.log(self.progressive_pfs5) / math.log(self.relapsing_pfs5)
        self.hr = {
            "age": study.figure("hr_pfs_age"),
            "dmts": study.figure("hr_pfs_prior_dmts"),
            "edss": study.figure("hr_os_edss"),
        }
        self.groups = {
            RELAPSING: self._group(RELAPSING, v("relapsing_mean_age"), v("relapsing_share_more_than_2_dmts"),
                                   1.0, self.relapsing_pfs5),
            PROGRESSIVE: self._group(PROGRESSIVE, v("progressive_mean_age"),
                                     v("progressive_share_more_than_2_dmts"), self.theta, self.progressive_pfs5),
        }

    def _group(self, name: str, mean_age: float, share: float, factor: float, pfs5: float) -> Group:
        ages, dmts, weights = self.covariate_grid(mean_age, share)
        multipliers = self.multiplier(ages, dmts, mean_age, share)
        hazard5 = factor * float(self.relapsing_fit.cumulative_hazard(self.data_horizon))
        return Group(name, mean_age, share, factor, pfs5, calibrate(pfs5, hazard5, multipliers, weights))

    def covariate_grid(self, mean_age: float, share: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Step 4's nodes: ages ``a_g + sigma*u_i`` crossed with more than 2 DMTs (1) or not (0),
        weighted ``v_i*pi_g`` and ``v_i*(1 - pi_g)`` (``v`` normalised to sum 1)."""
        nodes, node_weights = np.polynomial.hermite_e.hermegauss(self.calibration_nodes)
        node_weights = node_weights / node_weights.sum()
        ages = np.concatenate([mean_age + self.age_sd * nodes] * 2)
        dmts = np.concatenate([np.ones_like(nodes), np.zeros_like(nodes)])
        weights = np.concatenate([node_weights * share, node_weights * (1 - share)])
        return ages, dmts, weights

    def _read_uncertainty(self) -> None:
        study, recent = self.study, self.recent_study
        self.early_deaths = study.value("early_deaths")
        self.patients = study.value("patients")
        self.recent_early_deaths = recent.value("early_deaths")
        self.recent_patients = recent.value("patients")
        self.cohort_pfs5_ci = study.figure("pfs_5y").ci
        os5 = study.figure("os_5y")
        self.os5, self.os5_ci = os5.value, os5.ci
        self.log_se = {name: log_se(*fig.ci, self.z95) for name, fig in self.hr.items()}
        s = self.relapsing_pfs5
        sd_relapsing = math.sqrt(s * (1 - s) / self.relapsing_effective_n)  # SD_R
        sd_cohort = (self.cohort_pfs5_ci[1] - self.cohort_pfs5_ci[0]) / (2 * self.z95)  # SD_all
        self.correlation = self.relapsing_share * sd_relapsing / sd_cohort  # rho
        self.relapsing_cll_se = sd_relapsing / (s * abs(math.log(s)))  # se_R

    # -- pieces of MODEL.md ------------------------------------------------------------------

    def is_relapsing(self, profile: Profile) -> bool:
        return profile.course in self.relapsing_courses

    def group(self, profile: Profile) -> Group:
        return self.groups[RELAPSING if self.is_relapsing(profile) else PROGRESSIVE]

    def many_dmts(self, profile: Profile) -> float:
        """``I_D``: 1 with more than 2 previous DMTs."""
        return 1.0 if profile.prior_dmts > self.dmt_threshold else 0.0

    def multiplier(self, age, many_dmts, mean_age: float, share: float, hr_age=None, hr_dmts=None):
        """``m = hr_age**(age - a_g) * hr_dmts**(I_D - pi_g)`` (step 3; arrays of hazard ratios
        give one ``m`` per draw)."""
        hr_age = self.hr["age"].value if hr_age is None else hr_age
        hr_dmts = self.hr["dmts"].value if hr_dmts is None else hr_dmts
        return np.power(hr_age, age - mean_age) * np.power(hr_dmts, many_dmts - share)

    def hazard_multiplier(self, profile: Profile, hr_age=None, hr_dmts=None):
        group = self.group(profile)
        return self.multiplier(profile.age, self.many_dmts(profile), group.mean_age, group.share_many_dmts,
                               hr_age, hr_dmts)

    def edss_factor(self, profile: Profile, hr_edss=None):
        """``f`` of MODEL.md for this profile's EDSS level (A4)."""
        hr = self.hr["edss"].value if hr_edss is None else hr_edss
        return edss_factor(hr, profile.edss >= self.high_edss, self.share_high_edss)

    def early_cap(self, times: np.ndarray, early) -> np.ndarray:
        """``1 - q * min(1, t/T100)``: PFS never lies above the share alive after early deaths (A12).
        With one ``q`` per draw the result is times x draws."""
        ramp = np.minimum(1.0, times / self.early_years)
        return 1.0 - np.multiply.outer(ramp, early)

    def time_grid(self, horizon: int) -> np.ndarray:
        return np.arange(horizon * self.steps_per_year + 1) / self.steps_per_year

    def check_request(self, horizon: int, draws: int) -> None:
        if horizon not in self.horizons:
            raise RequestError("horizon", horizon, "not_offered", {"values": tuple(self.horizons)})
        if isinstance(draws, bool) or not isinstance(draws, int) or not self.draws_range[0] <= draws <= self.draws_range[1]:
            raise RequestError("draws", draws, "out_of_range",
                               {"min": self.draws_range[0], "max": self.draws_range[1], "whole": True})

    # -- point estimates -------------------------------------------------------------------

    def point_pfs(self, profile: Profile, times: np.ndarray, early: float) -> np.ndarray:
        """Step 5: ``min(exp(-lambda_g * m * G_g * H_R(t)), 1 - q * min(1, t/T100))``."""
        group = self.group(profile)
        m = float(self.hazard_multiplier(profile))
        hazard = group.calibration * m * group.curve_factor * self.relapsing_fit.cumulative_hazard(times)
        return np.minimum(np.exp(-hazard), self.early_cap(times, early))

    def point_early(self, profile: Profile) -> tuple[float, float]:
        """``q`` (study era) and ``q_recent`` (recent UK centres): never combined (A7)."""
        f = float(self.edss_factor(profile))
        return self.early_deaths / self.patients * f, self.recent_early_deaths / self.recent_patients * f

    def point_os5(self, profile: Profile, early: float) -> float:
        return min(self.os5 ** float(self.edss_factor(profile)), 1.0 - early)

    # -- uncertainty -----------------------------------------------------------------------

    def parameter_draws(self, draws: int) -> ParameterDraws:
        """The seeded draws of MODEL.md's Uncertainty section, in this order: ``z0..z8`` as a
        draws-by-9 matrix of standard normals, then ``B``, then ``B'``. Cached per size."""
        cached = self._draw_cache.get(draws)
        if cached is None:
            cached = self._make_draws(draws)
            _remember(self._draw_cache, draws, cached)
        return cached

    def _make_draws(self, n: int) -> ParameterDraws:
        rng = np.random.default_rng(self.seed)
        z = rng.standard_normal((n, 9))
        prior = self.beta_prior
        early = rng.beta(self.early_deaths + prior, self.patients - self.early_deaths + prior, n)
        recent = rng.beta(self.recent_early_deaths + prior,
                          self.recent_patients - self.recent_early_deaths + prior, n)
        cohort = two_piece(self.cohort_pfs5, *self.cohort_pfs5_ci, z[:, 0], self.z95)
        rho = self.correlation
        relapsing = icll(cll(self.relapsing_pfs5)
                         - self.relapsing_cll_se * (rho * z[:, 0] + math.sqrt(1 - rho**2) * z[:, 1]))
        p = self.relapsing_share
        progressive = np.clip((cohort - p * relapsing) / (1 - p), *self.progressive_clip)
        shape = np.clip(self.relapsing_fit.shape + self.shape_sd * z[:, 2], *self.shape_clip)

        def hazard_ratio(name: str, column: int) -> np.ndarray:
            return np.exp(math.log(self.hr[name].value) + self.log_se[name] * z[:, column])

        return ParameterDraws(
            cohort_pfs5=_frozen(cohort),
            relapsing_pfs5=_frozen(relapsing),
            progressive_factor=_frozen(np.log(progressive) / np.log(relapsing)),
            shape=_frozen(shape),
            hr_age=_frozen(hazard_ratio("age", 3)),
            hr_dmts=_frozen(hazard_ratio("dmts", 4)),
            hr_edss=_frozen(hazard_ratio("edss", 5)),
            edss_transport=_frozen(np.exp(self.edss_transport_sd * z[:, 8])),
            early=_frozen(early),
            early_recent=_frozen(recent),
            os5=_frozen(two_piece(self.os5, *self.os5_ci, z[:, 7], self.z95)),
        )

    def _hazard_base(self, draws: int, horizon: int) -> np.ndarray:
        """``H_d(t) = (-ln S_Rd) * (t/5)**k_d`` for every time and draw (anchored at 5 years)."""
        key = (draws, horizon)
        cached = self._base_cache.get(key)
        if cached is None:
            d = self.parameter_draws(draws)
            relative = self.time_grid(horizon) / self.data_horizon
            cached = _frozen(-np.log(d.relapsing_pfs5)[None, :] * np.power(relative[:, None], d.shape[None, :]))
            _remember(self._base_cache, key, cached)
        return cached

    def draw_outcomes(self, profile: Profile, horizon: int, draws: int) -> DrawnOutcomes:
        """Every draw's PFS curve, early deaths (both eras) and 5-year survival for ``profile``."""
        d = self.parameter_draws(draws)
        group = self.group(profile)
        m = self.hazard_multiplier(profile, d.hr_age, d.hr_dmts)
        factor = 1.0 if group.name == RELAPSING else d.progressive_factor
        scale = -group.calibration * m * factor
        early_factor = self.edss_factor(profile, d.hr_edss * d.edss_transport)
        early = d.early * early_factor
        curves = np.multiply(self._hazard_base(draws, horizon), scale[None, :])
        np.exp(curves, out=curves)
        self._cap_early(curves, self.time_grid(horizon), early)
        os5 = np.minimum(np.power(d.os5, self.edss_factor(profile, d.hr_edss)), 1.0 - early)
        return DrawnOutcomes(curves, early, d.early_recent * early_factor, os5)

    def _cap_early(self, curves: np.ndarray, times: np.ndarray, early: np.ndarray) -> None:
        """Apply :meth:`early_cap` in place: after 100 days the cap is one value per draw, so only
        the first few months need the whole ramp (the keystroke path stays allocation-light)."""
        ramping = int(np.searchsorted(times, self.early_years))
        np.minimum(curves[:ramping], self.early_cap(times[:ramping], early), out=curves[:ramping])
        np.minimum(curves[ramping:], 1.0 - early, out=curves[ramping:])

    # -- public API -------------------------------------------------------------------------

    def validate(self, raw: Mapping[str, Any]) -> Profile:
        return validate_profile(raw, self.limits)

    def estimate(self, profile: Profile, horizon: int | None = None, draws: int | None = None) -> Estimate:
        """All estimates for one validated profile; identical output for identical input."""
        horizon = int(self.data_horizon) if horizon is None else horizon
        draws = self.default_draws if draws is None else draws
        self.check_request(horizon, draws)
        times = self.time_grid(horizon)
        early, early_recent = self.point_early(profile)
        drawn = self.draw_outcomes(profile, horizon, draws)
        lower, upper = percentile_band(drawn.pfs, self.level, overwrite=True)
        curve = Curve(frozen_array(times), frozen_array(self.point_pfs(profile, times, early)),
                      frozen_array(lower), frozen_array(upper), float(self.data_horizon))
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
            early_mortality=Interval(early, *percentiles(drawn.early, self.level)),
            early_mortality_source=self.era_label(self.study),
            early_mortality_recent=Interval(early_recent, *percentiles(drawn.early_recent, self.level)),
            early_mortality_recent_source=self.era_label(self.recent_study),
            overall_survival_5y=Interval(self.point_os5(profile, early), *percentiles(drawn.os5, self.level)),
            pfs=curve,
            pfs_at={year: curve.at(year) for year in range(1, horizon + 1)},
            group=self.group(profile).name,
            hazard_multiplier=float(self.hazard_multiplier(profile)),
            reference=self.reference_curves(times),
            warnings=self.warnings(profile, horizon),
            caveats=self.caveats(),
            assumptions=self.assumptions,
        )

    @staticmethod
    def era_label(source: Source) -> SourceLabel:
        return SourceLabel(source.id, source.text("era_label"), source.text("transplant_years"))

    def reference_curves(self, times: np.ndarray) -> ReferenceCurves:
        """Step 6: the group curves ``exp(-G_g * H_R(t))`` and the average study patient."""
        hazard = self.relapsing_fit.cumulative_hazard(times)
        relapsing, progressive = np.exp(-hazard), np.exp(-self.theta * hazard)
        p = self.relapsing_share
        return ReferenceCurves(frozen_array(p * relapsing + (1 - p) * progressive),
                               frozen_array(relapsing), frozen_array(progressive))

    def warnings(self, profile: Profile, horizon: int) -> tuple[Note, ...]:
        """The warnings that apply to this profile and horizon, as codes and numbers."""
        notes = []
        lim = self.limits
        if not lim.studied_age_min <= profile.age <= lim.studied_age_max:
            notes.append(Note("age_outside_studied", values={
                "age": profile.age, "studied_min": lim.studied_age_min, "studied_max": lim.studied_age_max}))
        if profile.edss >= lim.edss_warn_at:
            notes.append(Note("edss_very_high", values={"edss": profile.edss, "warn_at": lim.edss_warn_at}))
        if horizon > self.data_horizon:
            notes.append(Note("extrapolation", "pfs", {"after_years": self.data_horizon}, "A5"))
        return tuple(notes)

    def caveats(self) -> tuple[Note, ...]:
        """Limits that hold for every profile."""
        return (
            Note("early_mortality_age", "early_mortality", {}, "A9"),
            Note("era", "early_mortality", {"study_years": self.study.text("transplant_years"),
                                            "recent_years": self.recent_study.text("transplant_years")}, "A7"),
        )


def _frozen(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


def _remember(cache: OrderedDict, key, value, size: int = 4) -> None:
    """A small least-recently-made cache: the default draws stay, a test's odd sizes fall out."""
    cache[key] = value
    while len(cache) > size:
        cache.popitem(last=False)


@functools.lru_cache(maxsize=1)
def default_model() -> Model:
    """The model on the evidence shipped with the package, loaded and checked once."""
    return Model(load_evidence())
