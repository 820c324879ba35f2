"""The personalised model of MODEL.md v3: progression-free survival (PFS) in two eras side by side
(the study's, re-fitted jointly; the later cohorts', pooled), early deaths in two eras, overall
survival that falls with age through population death rates, and quasi-Monte Carlo intervals.

Every number comes from the evidence set (the study files, the later cohorts, the life table and
``model_parameters.json``); this module binds the formulas of ``survival.py``, ``later.py`` and
``lifetable.py`` to them. Everything that does not depend on the profile is made once and cached:
the draws per (number, seed), the knots-by-draws curve shapes, and per EDSS level the early
deaths and the survival hazards. An estimate then costs a few operations on two knots-by-draws
matrices per era and one partition per interval end.

The draws are kept as cumulative hazards ``H`` (survival ``exp(-H)``): "PFS never above overall
survival" is ``H_pfs = max(H, H_os)``, a running minimum of survival is a running maximum of
``H``, and the percentiles are taken on ``H`` (``survival.survival_band``), so no exponential of a
whole matrix is needed.
"""

from __future__ import annotations

import functools
import math
import numbers
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

import numpy as np

from ..evidence import EvidenceError, EvidenceSet, Source, load_evidence
from .later import Change, CohortFigure, from_both_courses, from_cll_interval, from_symmetric_interval, pool
from .later import ten_year_change
from .lifetable import LifeTable
from .profile import Profile, ProfileLimits, RequestError, validate_profile
from .result import (
    Assumption, Curve, Era, Estimate, EvidenceRef, Interval, Note, RecentReferenceCurves, ReferenceCurves,
    SourceLabel, frozen_array,
)
from .sobol import DIMENSIONS, scrambled_normals

#: U1's columns of normal draws z0 to z11, in MODEL.md's order, named by what each one moves (the
#: hazard-ratio columns by the name of their ratio in ``Model.hr``).
DRAW_COLUMNS = ("study_anchor_relapsing", "study_anchor_progressive", "shape", "age", "dmts", "edss",
                "later_anchor_relapsing", "os5", "edss_transport", "later_anchor_progressive", "change_relapsing",
                "change_progressive")
from .survival import calibrate, cll, edss_factor, fit_shape, icll, joint_fit, log_se, percentiles, survival_band
from .survival import two_piece

__all__ = ["Model", "default_model"]

RELAPSING, PROGRESSIVE = "relapsing", "progressive"
STUDY, RECENT = "study", "recent"
#: What each figure's formula takes into account (MODEL.md O1 to O3; the wording contract O2).
EARLY_ADJUSTED_FOR = ("edss",)
SURVIVAL_ADJUSTED_FOR = ("edss", "age")
#: Why R6 withholds the later curve for a progressive profile.
NO_ACTIVITY, ACTIVITY_NOT_KNOWN = "no_inflammatory_activity", "activity_not_known"


@dataclass(frozen=True)
class Group:
    """One type of MS in both eras: its assumed make-up (A3, A15), 5-year PFS and calibration."""

    name: str
    mean_age: float  # a_g
    share_many_dmts: float  # pi_g (the later cohorts' too, A15)
    pfs5: float  # x_g, the joint fit (S2)
    calibration: float  # A_g (S3)
    recent_mean_age: float  # a'_g (A15)
    recent_pfs5: float  # icll(mu_g), the pooled later cohorts (R2)
    recent_calibration: float  # A'_g (R4)
    change: Change  # Delta_g, 5 to 10 years (R3)


@dataclass(frozen=True)
class ParameterDraws:
    """U1 and U2: one column per draw of everything uncertain (independent of the profile)."""

    study_shift: Mapping[str, np.ndarray]  # d_g
    recent_shift: Mapping[str, np.ndarray]  # d'_g
    shape: np.ndarray  # k_d
    log_hr_age: np.ndarray  # ln h_age, h_age truncated at 1 (D4)
    log_hr_dmts: np.ndarray  # ln h_dmt
    hr_edss: np.ndarray  # h_E
    edss_transport: np.ndarray  # exp(tau_E z8)
    os5: np.ndarray  # tp(0.92, 0.89, 0.96, z7), before the EDSS factor
    change: Mapping[str, np.ndarray]  # Delta_d,g
    early: np.ndarray  # B
    early_recent: np.ndarray  # B'


@dataclass(frozen=True)
class DeathDraws:
    """One EDSS level's early deaths per draw and, per era, the knots-by-draws cumulative hazard of
    overall survival at the reference age (``-ln(1 - q ramp(t)) + h_late late(t)``) and its cap."""

    early: Mapping[str, np.ndarray]  # q_d, q'_d
    early_interval: Mapping[str, tuple[float, float]]
    hazard: Mapping[str, np.ndarray]  # knots x draws, float32
    cap: Mapping[str, np.ndarray]  # -ln(1 - q ramp(t)): one row per knot within 100 days, then one for all later


@dataclass(frozen=True)
class DrawnOutcomes:
    """Every draw's curves for one profile at the band knots, as cumulative hazards (survival is
    ``exp(-H)``): both eras' PFS and overall survival, and both eras' early deaths."""

    knots: np.ndarray
    pfs: np.ndarray  # knots x draws
    pfs_recent: np.ndarray
    os: np.ndarray
    os_recent: np.ndarray
    early: np.ndarray
    early_recent: np.ndarray


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
        self.assumptions = tuple(Assumption(a["id"], a["text"], a["for_patient"]) for a in spec.raw["assumptions"])
        self.plain_language: tuple[str, ...] = tuple(self.study.raw.get("plain_language", ()))
        self.citation = self.study.full_citation
        try:
            self._read_constants(spec)
            self._fit_study()
            self._fit_later_cohorts()
            self._read_survival()
            self.groups = {name: self._group(name) for name in (RELAPSING, PROGRESSIVE)}
        except (ArithmeticError, ValueError) as exc:  # e.g. a group's 5-year figure of 0, or 0 patients
            raise EvidenceError(spec.file_name, None, f"the model cannot be fitted to these figures ({exc})") from exc
        self._draw_cache: OrderedDict[tuple[int, int], ParameterDraws] = OrderedDict()
        self._matrix_cache: OrderedDict[tuple, Any] = OrderedDict()
        self._arriving: Callable[[], Iterable[Estimate]] | None = None
        self._answered: dict[tuple[Profile, int, int, int], Estimate] = {}

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
        self.survival_edss = v("pfs_equals_survival_edss")  # A16
        self.early_days = int(v("early_mortality_days"))
        self.early_years = self.early_days / v("days_per_year")  # T100
        self.data_horizon = v("survival_horizon")
        self.steps_per_year = int(v("grid_steps_per_year"))
        self.seed = int(v("monte_carlo_seed"))
        self.default_draws = int(v("monte_carlo_draws"))
        self.monte_carlo_method: str = spec.raw["monte_carlo_method"]
        self.beta_prior = v("beta_prior")
        self.level = v("interval_level")
        self.z95, self.z90 = v("normal_z_95"), v("normal_z_90")
        self.shape_sd = v("shape_sd")
        self.shape_clip = (v("shape_clip_low"), v("shape_clip_high"))
        self.relapsing_effective_n = v("relapsing_effective_n")
        self.edss_transport_sd = math.log(v("edss_transport_factor")) / self.z95  # tau_E
        self.age_sd = v("age_sd_within_group")
        self.calibration_nodes = int(v("calibration_nodes"))
        knots = spec.raw["band_knots"]
        months = [m / 12 for m in knots["months"]]
        years = range(int(knots["then_every_year_from"]), max(self.horizons) + 1)
        self.knots = _frozen(np.array(months + list(years), dtype=float))  # U3, for the longest horizon

    def _fit_study(self) -> None:
        """S1 and S2: the shape from the relapsing points, and the joint fit of the three 5-year figures."""
        study, v = self.study, self.spec.value
        self.shape = fit_shape(
            [(p["years"], study.value(p["figure"])) for p in self.spec.raw["relapsing_fit_points"]])  # k
        self.relapsing_share = study.value("relapsing_patients") / study.value("patients")  # p
        relapsing, progressive = study.value("pfs_relapsing_5y"), v("progressive_pfs_5y")
        cohort = study.figure("pfs_5y")
        se = (math.sqrt(relapsing * (1 - relapsing) / self.relapsing_effective_n),  # A6
              math.sqrt(progressive * (1 - progressive) / study.value("progressive_patients")),
              (cohort.ci[1] - cohort.ci[0]) / (2 * self.z95))
        self.fit = joint_fit((relapsing, progressive, cohort.value), se, self.relapsing_share)
        self.hr = {"age": study.figure("hr_pfs_age"), "dmts": study.figure("hr_pfs_prior_dmts"),
                   "edss": study.figure("hr_os_edss")}
        self.hr_log_se = {name: log_se(*fig.ci, self.z95) for name, fig in self.hr.items()}

    def _fit_later_cohorts(self) -> None:
        """R1 to R3: each later cohort on the cll scale, the pool, and the 5-to-10-year change."""
        later = self.spec.raw["later_cohorts"]
        hr_ref = later["split_hazard_ratio"]
        hr = self.evidence.get(hr_ref["source"]).figure(hr_ref["figure"])
        self.cohorts = tuple(self._cohort(entry, hr.value, log_se(*hr.ci, self.z95)) for entry in later["pooled"])
        self.pooled, self.tau, self.heterogeneity = pool(self.cohorts)
        change = later["ten_year_change"]
        self.change_years = tuple(float(y) for y in change["years"])  # the later curve's anchors, 5 and 10 years
        self.log_change_span = math.log(self.change_years[1] / self.change_years[0])  # ln 2
        between = self.shape_sd * self.log_change_span  # tau_Delta (A20)
        self.changes = {}
        for group in (RELAPSING, PROGRESSIVE):
            ref = change[group]
            source = self.evidence.get(ref["source"])
            five, ten = source.figure(ref["five"]), source.figure(ref["ten"])
            self.changes[group] = ten_year_change((five.value, *five.ci), (ten.value, *ten.ci), self.z95, between)
        self.recent_label: str = later["label"]
        self.recent_sources = tuple(dict.fromkeys(entry["source"] for entry in later["pooled"]))
        mix = later["case_mix"]  # A15: the UK cohort's median age and relapsing share
        source = self.evidence.get(mix["source"])
        self.recent_median_age = source.value(mix["median_age"])
        self.recent_relapsing_share = source.value(mix["relapsing_patients"]) / source.value(mix["patients"])

    def _cohort(self, entry: Mapping[str, Any], hr: float, hr_se: float) -> CohortFigure:
        source = self.evidence.get(entry["source"])
        figure = source.figure(entry["figure"])
        kind = entry["uncertainty"]
        if kind == "ci95_symmetric":
            y, se = from_symmetric_interval(figure.value, *figure.ci, self.z95)
        elif kind == "ci90_cll":
            y, se = from_cll_interval(figure.value, *figure.ci, self.z90)
        elif kind == "split_binomial":
            patients = source.value(entry["patients"])
            share = source.value(entry["relapsing_patients"]) / patients
            y, se = from_both_courses(figure.value, patients, share, hr, hr_se,
                                      self.spec.value("split_difference_step"))[entry["group"]]
        else:
            raise ValueError(f"{self.spec.file_name}: later cohort uncertainty {kind!r} is not one of MODEL.md R1's")
        return CohortFigure(entry["group"], source.id, float(y), float(se))

    def _read_survival(self) -> None:
        study, recent = self.study, self.recent_study
        self.early_deaths, self.patients = study.value("early_deaths"), study.value("patients")
        self.recent_early_deaths, self.recent_patients = recent.value("early_deaths"), recent.value("patients")
        for source, deaths, patients in ((study, self.early_deaths, self.patients),
                                         (recent, self.recent_early_deaths, self.recent_patients)):
            if not 0 <= deaths <= patients or patients <= 0:  # U1's beta draws need both counts
                raise EvidenceError(source.file_name, "figures.early_deaths.value",
                                    f"{deaths} early deaths of {patients} patients is not a count of them")
        os5 = study.figure("os_5y")
        self.os5, self.os5_ci = os5.value, os5.ci
        table = self.evidence.get(self.spec.raw["life_table"])
        first = int(table.raw["first_age"])
        ages = range(first, first + len(table.figures))
        self.life_table = LifeTable(first, np.array([table.value(f"q_{age}") for age in ages]))

    def _group(self, name: str) -> Group:
        v = self.spec.value
        a_r, a_p = v("relapsing_mean_age"), v("progressive_mean_age")
        if name == RELAPSING:
            mean_age, share, pfs5 = a_r, v("relapsing_share_more_than_2_dmts"), self.fit.relapsing
        else:
            mean_age, share, pfs5 = a_p, v("progressive_share_more_than_2_dmts"), self.fit.progressive
        # A15: the later cohorts' median age, split so that the groups keep the study's age gap
        w, gap = self.recent_relapsing_share, a_p - a_r
        recent_age = self.recent_median_age - (1 - w) * gap if name == RELAPSING else self.recent_median_age + w * gap
        pooled = self.pooled[name]
        recent_pfs5 = float(icll(pooled.mu))
        return Group(name, mean_age, share, pfs5, self.calibrate(pfs5, share), recent_age, recent_pfs5,
                     self.calibrate(recent_pfs5, share), self.changes[name])

    def covariate_grid(self, share: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """S3's 80 points: age offsets ``sigma*u_i`` crossed with more than 2 DMTs (1) or not (0),
        weighted ``v_i*pi`` and ``v_i*(1 - pi)`` (``v`` normalised to sum 1)."""
        nodes, node_weights = np.polynomial.hermite_e.hermegauss(self.calibration_nodes)
        node_weights = node_weights / node_weights.sum()
        offsets = np.concatenate([self.age_sd * nodes] * 2)
        dmts = np.concatenate([np.ones_like(nodes), np.zeros_like(nodes)])
        weights = np.concatenate([node_weights * share, node_weights * (1 - share)])
        return offsets, dmts, weights

    def calibrate(self, pfs5: float, share: float) -> float:
        """``A(S, pi)`` (S3): the 5-year cumulative hazard at ``m = 1`` that makes the grid average ``S``."""
        offsets, dmts, weights = self.covariate_grid(share)
        return calibrate(pfs5, self.multiplier(offsets, dmts, 0.0, share), weights)

    # -- pieces of MODEL.md ------------------------------------------------------------------

    def is_relapsing(self, profile: Profile) -> bool:
        return profile.course in self.relapsing_courses

    def group(self, profile: Profile) -> Group:
        return self.groups[RELAPSING if self.is_relapsing(profile) else PROGRESSIVE]

    def many_dmts(self, profile: Profile) -> float:
        """``I_D``: 1 with more than 2 previous DMTs."""
        return 1.0 if profile.prior_dmts > self.dmt_threshold else 0.0

    def high_level(self, profile: Profile) -> bool:
        """``I_E``: EDSS 6.5 or above (A4)."""
        return profile.edss >= self.high_edss

    def pfs_is_survival(self, profile: Profile) -> bool:
        """A16: from EDSS 9.0 PFS is overall survival."""
        return profile.edss >= self.survival_edss

    def multiplier(self, age, many_dmts, mean_age: float, share: float):
        """``m = 1.03**(age - a) * 1.65**(I_D - pi)`` (S4, R5) with the published hazard ratios."""
        return np.power(self.hr["age"].value, np.subtract(age, mean_age)) * np.power(
            self.hr["dmts"].value, np.subtract(many_dmts, share))

    def hazard_multiplier(self, profile: Profile, era: str = STUDY) -> float:
        group = self.group(profile)
        mean_age = group.mean_age if era == STUDY else group.recent_mean_age
        return float(self.multiplier(profile.age, self.many_dmts(profile), mean_age, group.share_many_dmts))

    def profile_edss_factor(self, profile: Profile) -> float:
        """``f`` of MODEL.md for this profile's EDSS level (A4), at the published hazard ratio."""
        return float(edss_factor(self.hr["edss"].value, self.high_level(profile), self.share_high_edss))

    def recent_applies(self, profile: Profile) -> tuple[bool, str | None]:
        """R6 (A22): the later curve always for relapsing MS; for progressive MS only with relapses
        in the past year or new MRI activity, else withheld with its reason."""
        if self.is_relapsing(profile):
            return True, None
        relapses, mri = profile.relapses_past_year, profile.mri_activity_past_year
        if (relapses is not None and relapses >= 1) or mri == "yes":
            return True, None
        if relapses == 0 and mri == "no":
            return False, NO_ACTIVITY
        return False, ACTIVITY_NOT_KNOWN

    def time_grid(self, horizon: int) -> np.ndarray:
        return np.arange(horizon * self.steps_per_year + 1) / self.steps_per_year

    def _knot_rows(self, horizon: int) -> int:
        """How many of U3's knots lie within ``horizon`` (horizon 5's knots are the first of horizon 10's)."""
        return int(np.searchsorted(self.knots, horizon, side="right"))

    def recent_exponent(self, times, shape, change):
        """R5's exponent of ``t/5``: the shape ``k`` up to 5 years, ``Delta_g / ln 2`` after (the 5-
        and 10-year anchors joined linearly in ``ln t`` on the cll scale). Arrays broadcast."""
        return np.where(times > self.change_years[0], np.divide(change, self.log_change_span), shape)

    def check_request(self, horizon: int, draws: int) -> None:
        """A horizon the model offers and a whole number of draws within its limits, each a whole
        number of any integer type (``numpy.int64(4000)`` is 4000; ``5.0`` is not a horizon)."""
        if not _whole(horizon) or horizon not in self.horizons:
            raise RequestError("horizon", horizon, "not_offered", {"values": tuple(self.horizons)})
        if not _whole(draws) or not self.draws_range[0] <= draws <= self.draws_range[1]:
            raise RequestError("draws", draws, "out_of_range",
                               {"min": self.draws_range[0], "max": self.draws_range[1], "whole": True})

    # -- point estimates -------------------------------------------------------------------

    def point_early(self, profile: Profile) -> tuple[float, float]:
        """O1: ``q`` (study era) and ``q'`` (recent UK centres), EDSS only (A9); never combined (A7)."""
        f = self.profile_edss_factor(profile)
        return self.early_deaths / self.patients * f, self.recent_early_deaths / self.recent_patients * f

    def late_hazard(self, profile: Profile, early: float) -> float:
        """O3: the constant hazard after 100 days that gives ``OS5_ref = min(0.92**f, 1 - q)``."""
        os5 = min(self.os5 ** self.profile_edss_factor(profile), 1.0 - early)
        return -math.log(os5 / (1.0 - early)) / (self.data_horizon - self.early_years)

    def point_survival(self, profile: Profile, times: np.ndarray, early: float, late_hazard: float) -> np.ndarray:
        """O3: ``(1 - q ramp(t)) exp(-h_late late(t)) P(age, t)``, made non-increasing, then capped."""
        ramp = np.minimum(1.0, times / self.early_years)
        late = np.maximum(0.0, times - self.early_years)
        age = np.exp(-self.life_table.relative_hazard(profile.age, self.age_ref, times))
        curve = np.minimum.accumulate((1 - early * ramp) * np.exp(-late_hazard * late) * age)
        return np.minimum(curve, 1 - early * ramp)

    @property
    def age_ref(self) -> float:
        """A17: the study cohort's mean age implied by A3, ``p a_R + (1 - p) a_P``."""
        p = self.relapsing_share
        return p * self.groups[RELAPSING].mean_age + (1 - p) * self.groups[PROGRESSIVE].mean_age

    def point_pfs(self, profile: Profile, times: np.ndarray, survival: np.ndarray, era: str) -> np.ndarray:
        """S5 (study) or R5 (later cohorts), capped by that era's survival, or survival itself from
        EDSS 9.0 (A16)."""
        if self.pfs_is_survival(profile):
            return survival
        group = self.group(profile)
        relative = times / self.data_horizon
        if era == STUDY:
            hazard = group.calibration * self.hazard_multiplier(profile) * relative**self.shape
        else:
            exponent = self.recent_exponent(times, self.shape, group.change.delta)
            hazard = group.recent_calibration * self.hazard_multiplier(profile, RECENT) * relative**exponent
        return np.minimum(np.exp(-hazard), survival)

    # -- uncertainty -----------------------------------------------------------------------

    def parameter_draws(self, draws: int, seed: int | None = None) -> ParameterDraws:
        """U1 and U2, cached per (number of draws, seed)."""
        key = (draws, self.seed if seed is None else seed)
        cached = self._draw_cache.get(key)
        if cached is None:
            cached = self._make_draws(*key)
            _remember(self._draw_cache, key, cached)
        return cached

    def _make_draws(self, n: int, seed: int) -> ParameterDraws:
        rng = np.random.default_rng(seed)
        lower = rng.integers(0, 2, size=(DIMENSIONS, 32, 32))
        shift = rng.integers(0, 2**32, size=DIMENSIONS, dtype=np.uint64)
        prior = self.beta_prior
        early = rng.beta(self.early_deaths + prior, self.patients - self.early_deaths + prior, n)
        recent = rng.beta(self.recent_early_deaths + prior, self.recent_patients - self.recent_early_deaths + prior, n)
        z = dict(zip(DRAW_COLUMNS, scrambled_normals(n, lower, shift).T))
        # (c_R, c_P) - (cll x_R, cll x_P)
        shift_study = self.fit.cll_cholesky @ np.stack([z["study_anchor_relapsing"], z["study_anchor_progressive"]])
        r, p = self.pooled[RELAPSING], self.pooled[PROGRESSIVE]
        cr, cp = self.changes[RELAPSING], self.changes[PROGRESSIVE]

        def log_hr(name: str) -> np.ndarray:
            return math.log(self.hr[name].value) + self.hr_log_se[name] * z[name]

        return ParameterDraws(
            study_shift={RELAPSING: _frozen(shift_study[0]), PROGRESSIVE: _frozen(shift_study[1])},
            recent_shift={RELAPSING: _frozen(r.sd * z["later_anchor_relapsing"]),
                          PROGRESSIVE: _frozen(p.sd * z["later_anchor_progressive"])},
            shape=_frozen(np.clip(self.shape + self.shape_sd * z["shape"], *self.shape_clip)),
            log_hr_age=_frozen(np.maximum(0.0, log_hr("age"))),  # h_age = max(1, ...) (D4)
            log_hr_dmts=_frozen(log_hr("dmts")),
            hr_edss=_frozen(np.exp(log_hr("edss"))),
            edss_transport=_frozen(np.exp(self.edss_transport_sd * z["edss_transport"])),
            os5=_frozen(two_piece(self.os5, *self.os5_ci, z["os5"], self.z95)),
            change={RELAPSING: _frozen(np.maximum(0.0, cr.delta + cr.sd * z["change_relapsing"])),
                    PROGRESSIVE: _frozen(np.maximum(0.0, cp.delta + cp.sd * z["change_progressive"]))},
            early=_frozen(early),
            early_recent=_frozen(recent),
        )

    def prepare(self, profile: Profile | None = None) -> None:
        """Make now what estimates share: U1's draws, the curve shapes and the death matrices, for
        ``profile``'s group and EDSS level, or for every group and level. The window calls it once
        it is first painted: its first estimate may have come from elsewhere
        (:meth:`expect_answers`), and then these would be made at the first edit of the profile."""
        draws, seed = self.default_draws, self.seed
        self._study_shapes(draws, seed)
        for group in (self.groups.values() if profile is None else (self.group(profile),)):
            self._recent_shapes(draws, seed, group)
        for high in ((False, True) if profile is None else (self.high_level(profile),)):
            self._death_draws(draws, seed, high)

    def _cached(self, key: tuple, make):
        cached = self._matrix_cache.get(key)
        if cached is None:
            cached = make()
            _remember(self._matrix_cache, key, cached, size=12)
        return cached

    def _study_shapes(self, draws: int, seed: int) -> np.ndarray:
        """``(t/5)**k_d`` at every knot and draw (float32; knots x draws)."""
        def make() -> np.ndarray:
            d = self.parameter_draws(draws, seed)
            return _frozen(_powers(self.knots / self.data_horizon, d.shape[None, :]))
        return self._cached(("study", draws, seed), make)

    def _recent_shapes(self, draws: int, seed: int, group: Group) -> np.ndarray:
        """``(t/5)**e_d(t)`` (R5, U3) for one group (float32; knots x draws)."""
        def make() -> np.ndarray:
            d = self.parameter_draws(draws, seed)
            exponent = self.recent_exponent(self.knots[:, None], d.shape[None, :], d.change[group.name][None, :])
            return _frozen(_powers(self.knots / self.data_horizon, exponent))
        return self._cached(("recent", draws, seed, group.name), make)

    def _death_draws(self, draws: int, seed: int, high: bool) -> DeathDraws:
        """U2 and O3 for one EDSS level: ``q_d``, ``q'_d`` and, per era, ``-ln(1 - q ramp(t)) +
        h_late,d late(t)`` at every knot (the same ``h_late,d`` for both eras, A18)."""
        def make() -> DeathDraws:
            d = self.parameter_draws(draws, seed)
            transported = edss_factor(d.hr_edss * d.edss_transport, high, self.share_high_edss)
            early = {STUDY: d.early * transported, RECENT: d.early_recent * transported}
            os5 = np.minimum(np.power(d.os5, edss_factor(d.hr_edss, high, self.share_high_edss)), 1 - early[STUDY])
            late_hazard = (-np.log(os5 / (1 - early[STUDY])) / (self.data_horizon - self.early_years))
            ramp = np.minimum(1.0, self.knots / self.early_years)
            within = int(np.sum(ramp < 1))  # the knots within 100 days
            late = np.maximum(0.0, self.knots - self.early_years).astype(np.float32)
            cap, hazard = {}, {}
            for era, q in early.items():
                cap[era] = _frozen(-np.log1p(-np.multiply.outer(ramp[: within + 1], q)).astype(np.float32))
                curve = np.multiply.outer(late, late_hazard.astype(np.float32))
                curve[:within] += cap[era][:within]
                curve[within:] += cap[era][within]
                hazard[era] = _frozen(curve)
            return DeathDraws({era: _frozen(q) for era, q in early.items()},
                              {era: percentiles(q, self.level) for era, q in early.items()}, hazard, cap)
        return self._cached(("deaths", draws, seed, high), make)

    def draw_outcomes(self, profile: Profile, horizon: int, draws: int, seed: int | None = None) -> DrawnOutcomes:
        """Every draw's curves (U3) for ``profile`` at the knots up to ``horizon``, as cumulative
        hazards: overall survival per era, then PFS capped by it (D3), or equal to it from EDSS 9.0."""
        seed = self.seed if seed is None else seed
        rows = self._knot_rows(horizon)
        knots = self.knots[:rows]
        deaths = self._death_draws(draws, seed, self.high_level(profile))
        age = self.life_table.relative_hazard(profile.age, self.age_ref, knots).astype(np.float32)
        survival = {era: _survival_hazard(deaths.hazard[era][:rows], deaths.cap[era], age) for era in (STUDY, RECENT)}
        if self.pfs_is_survival(profile):
            pfs = dict(survival)
        else:
            d = self.parameter_draws(draws, seed)
            group = self.group(profile)
            many = self.many_dmts(profile) - group.share_many_dmts
            scales = {
                STUDY: (group.calibration, d.study_shift[group.name], group.mean_age,
                        self._study_shapes(draws, seed)),
                RECENT: (group.recent_calibration, d.recent_shift[group.name], group.recent_mean_age,
                         self._recent_shapes(draws, seed, group)),
            }
            pfs = {}
            for era, (calibration, shift, mean_age, shapes) in scales.items():
                log_scale = math.log(calibration) + shift + (profile.age - mean_age) * d.log_hr_age + many * d.log_hr_dmts
                hazard = np.multiply(shapes[:rows], np.exp(log_scale).astype(np.float32)[None, :])
                pfs[era] = np.maximum(hazard, survival[era], out=hazard)
        return DrawnOutcomes(knots, pfs[STUDY], pfs[RECENT], survival[STUDY], survival[RECENT],
                             deaths.early[STUDY], deaths.early[RECENT])

    # -- public API -------------------------------------------------------------------------

    def validate(self, raw: Mapping[str, Any]) -> Profile:
        return validate_profile(raw, self.limits)

    def estimate(self, profile: Profile, horizon: int | None = None, draws: int | None = None,
                 seed: int | None = None) -> Estimate:
        """All estimates for one validated profile; identical output for identical input."""
        horizon = int(self.data_horizon) if horizon is None else horizon
        draws = self.default_draws if draws is None else draws
        seed = self.seed if seed is None else seed
        self.check_request(horizon, draws)
        horizon, draws = int(horizon), int(draws)
        answered = self._answer_from_elsewhere(profile, horizon, draws, seed)
        if answered is not None:
            return answered
        times = self.time_grid(horizon)
        early, early_recent = self.point_early(profile)
        late_hazard = self.late_hazard(profile, early)  # h_late: the same for both eras (A18)
        survival = self.point_survival(profile, times, early, late_hazard)
        survival_recent = self.point_survival(profile, times, early_recent, late_hazard)
        applies, reason = self.recent_applies(profile)
        drawn = self.draw_outcomes(profile, horizon, draws, seed)
        deaths = self._death_draws(draws, seed, self.high_level(profile))
        five = int(np.searchsorted(drawn.knots, self.data_horizon))  # the knot at 5 years
        month = int(round(self.data_horizon * self.steps_per_year))  # the grid point at 5 years
        equals_survival = self.pfs_is_survival(profile)
        curve = self._curve(times, self.point_pfs(profile, times, survival, STUDY), drawn.pfs, drawn.knots,
                            self.study_era(), equals_survival)
        recent = None
        if applies:
            recent = self._curve(times, self.point_pfs(profile, times, survival_recent, RECENT), drawn.pfs_recent,
                                 drawn.knots, self.recent_era(), equals_survival)
        group = self.group(profile)
        return Estimate(
            model_version=self.version,
            evidence_version=self.evidence.version,
            evidence_checksum=self.evidence.manifest_sha256,
            evidence=tuple(EvidenceRef(s.id, s.full_citation, s.sha256) for s in self.evidence.sources),
            primary_citation=self.citation,
            profile=profile,
            horizon_years=horizon,
            draws=draws,
            seed=seed,
            monte_carlo_method=self.monte_carlo_method,
            early_mortality_days=self.early_days,
            early_mortality=Interval(early, *deaths.early_interval[STUDY]),
            early_mortality_source=self.era_label(self.study),
            early_mortality_recent=Interval(early_recent, *deaths.early_interval[RECENT]),
            early_mortality_recent_source=self.era_label(self.recent_study),
            early_mortality_adjusted_for=EARLY_ADJUSTED_FOR,
            overall_survival_5y=Interval(float(survival[month]), *_survival_percentiles(drawn.os[five], self.level)),
            overall_survival_5y_recent=Interval(float(survival_recent[month]),
                                                *_survival_percentiles(drawn.os_recent[five], self.level)),
            overall_survival_adjusted_for=SURVIVAL_ADJUSTED_FOR,
            pfs=curve,
            pfs_at=_yearly(curve, horizon),
            pfs_recent=recent,
            pfs_recent_at=None if recent is None else _yearly(recent, horizon),
            pfs_recent_reason=reason,
            group=group.name,
            hazard_multiplier=self.hazard_multiplier(profile),
            hazard_multiplier_recent=self.hazard_multiplier(profile, RECENT),
            reference=self.reference_curves(times),
            reference_recent=self.recent_reference_curves(times, applies),
            warnings=self.warnings(profile, horizon),
            caveats=self.caveats(),
            assumptions=self.assumptions,
        )

    # -- answers computed elsewhere ---------------------------------------------------------

    def expect_answers(self, arriving: Callable[[], Iterable[Estimate]] | None) -> None:
        """Estimates that a copy of this model is computing elsewhere, to be taken at the next
        request (``arriving`` returns them, or nothing if they did not come); ``None`` withdraws
        the expectation. The window's start uses it to compute its first estimates on another
        core while Qt loads (:mod:`.ahead`)."""
        self._arriving = arriving

    def _answer_from_elsewhere(self, profile: Profile, horizon: int, draws: int, seed: int) -> Estimate | None:
        """An arrived answer to exactly this request from this model's evidence, else ``None``
        (then the request is computed here). The answers are the same numbers computed by the
        same code on a copy of this model (tests/core/test_ahead.py); kept, as they are small."""
        if self._arriving is not None:
            arriving, self._arriving = self._arriving, None
            for answer in arriving():
                if (answer.model_version, answer.evidence_checksum) == (self.version,
                                                                        self.evidence.manifest_sha256):
                    self._answered[(answer.profile, answer.horizon_years, answer.draws, answer.seed)] = answer
        return self._answered.get((profile, horizon, draws, seed))

    def _curve(self, times: np.ndarray, estimate: np.ndarray, hazards: np.ndarray, knots: np.ndarray, era: Era,
               equals_survival: bool) -> Curve:
        """U4: the band's ends at the knots, interpolated onto the monthly grid. ``hazards`` is
        reordered within each knot (its draws' values stay, so later percentiles of a knot hold)."""
        lower, upper = survival_band(hazards, self.level, overwrite=True)
        band = (frozen_array(np.interp(times, knots, lower)), frozen_array(np.interp(times, knots, upper)))
        if era.code == STUDY:  # extrapolated beyond the study's 5 years (A5)
            return Curve(frozen_array(times), frozen_array(estimate), *band, float(self.data_horizon), era,
                         equals_survival)
        # anchored at 5 and 10 years, one cohort between them (A20), nothing beyond the longest horizon
        return Curve(frozen_array(times), frozen_array(estimate), *band, self.change_years[1], era, equals_survival,
                     self.change_years, self.change_years[0])

    def study_era(self) -> Era:
        return Era(STUDY, self.spec.raw["study_era"]["label"], (self.study.id,))

    def recent_era(self) -> Era:
        return Era(RECENT, self.recent_label, self.recent_sources)

    @staticmethod
    def era_label(source: Source) -> SourceLabel:
        return SourceLabel(source.id, source.text("era_label"), source.text("transplant_years"))

    def reference_curves(self, times: np.ndarray) -> ReferenceCurves:
        """S6: the study's group curves at ``m = 1`` and the average study patient."""
        relative = (times / self.data_horizon) ** self.shape
        relapsing = np.exp(-self.groups[RELAPSING].calibration * relative)
        progressive = np.exp(-self.groups[PROGRESSIVE].calibration * relative)
        p = self.relapsing_share
        return ReferenceCurves(frozen_array(p * relapsing + (1 - p) * progressive),
                               frozen_array(relapsing), frozen_array(progressive))

    def recent_reference_curves(self, times: np.ndarray, progressive_applies: bool) -> RecentReferenceCurves:
        """The later cohorts' group curves at ``m' = 1`` (R5); the progressive one withheld by R6."""
        def curve(group: Group) -> np.ndarray:
            exponent = self.recent_exponent(times, self.shape, group.change.delta)
            return frozen_array(np.exp(-group.recent_calibration * (times / self.data_horizon) ** exponent))

        progressive = curve(self.groups[PROGRESSIVE]) if progressive_applies else None
        return RecentReferenceCurves(curve(self.groups[RELAPSING]), progressive)

    def warnings(self, profile: Profile, horizon: int) -> tuple[Note, ...]:
        """The warnings that apply to this profile and horizon, as codes and numbers."""
        notes = []
        lim = self.limits
        if not lim.studied_age_min <= profile.age <= lim.studied_age_max:
            notes.append(Note("age_outside_studied", values={
                "age": profile.age, "studied_min": lim.studied_age_min, "studied_max": lim.studied_age_max}))
        if profile.edss >= lim.edss_warn_at:
            notes.append(Note("edss_very_high", values={"edss": profile.edss, "warn_at": lim.edss_warn_at}))
        if self.pfs_is_survival(profile):
            notes.append(Note("pfs_is_survival", "pfs", {"edss": profile.edss}, "A16"))
        if horizon > self.data_horizon:
            notes.append(Note("extrapolation", "pfs", {"after_years": self.data_horizon}, "A5"))
            notes.append(Note("recent_single_cohort", "pfs_recent", {"after_years": self.data_horizon}, "A20"))
        return tuple(notes)

    def caveats(self) -> tuple[Note, ...]:
        """Limits that hold for every profile."""
        return (
            Note("early_mortality_age", "early_mortality", {}, "A9"),
            Note("era", "early_mortality", {"study_years": self.study.text("transplant_years"),
                                            "recent_years": self.recent_study.text("transplant_years")}, "A7"),
        )


def _whole(value: Any) -> bool:
    """An integer of any type (Python's, NumPy's), but not True or False."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _survival_hazard(hazard: np.ndarray, cap: np.ndarray, age: np.ndarray) -> np.ndarray:
    """O3 per draw on the hazard scale: add the age term ``-ln P(age, t)``, make it non-decreasing
    over the knots (survival's running minimum), then at least ``-ln(1 - q ramp(t))`` (the cap).

    ``hazard`` itself never falls over the knots and is never below ``cap`` (it is ``cap`` plus a
    non-negative late hazard), so when the age term never falls and is never negative (from about
    the reference age up) both steps change nothing and are skipped; the result is the same."""
    curve = hazard + age[:, None]
    if np.any(np.diff(age) < 0):
        for row in range(1, curve.shape[0]):
            np.maximum(curve[row], curve[row - 1], out=curve[row])
    if np.any(age < 0):
        within = cap.shape[0] - 1
        np.maximum(curve[:within], cap[:within], out=curve[:within])
        np.maximum(curve[within:], cap[within], out=curve[within:])
    return curve


def _powers(base: np.ndarray, exponent: np.ndarray) -> np.ndarray:
    """``base[t] ** exponent`` for every knot and draw, as ``exp(exponent * ln base)`` in single
    precision (``0 ** e`` is 0: every exponent is positive at the first knot, t = 0)."""
    with np.errstate(divide="ignore"):
        log_base = np.log(base).astype(np.float32)[:, None]
    powers = np.multiply(np.asarray(exponent, dtype=np.float32), log_base)
    return np.exp(powers, out=powers)


def _survival_percentiles(hazards: np.ndarray, level: float) -> tuple[float, float]:
    lower, upper = survival_band(hazards, level)
    return float(lower), float(upper)


def _yearly(curve: Curve, horizon: int) -> dict[int, Interval]:
    return {year: curve.at(year) for year in range(1, horizon + 1)}


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
