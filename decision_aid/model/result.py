"""Immutable result objects: what every view (screen, sheet, JSON) is drawn from."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

import numpy as np

from .profile import Profile


def frozen_array(values) -> np.ndarray:
    """A read-only float array, so a result cannot be changed after it is computed."""
    array = np.array(values, dtype=float)
    array.flags.writeable = False
    return array


@dataclass(frozen=True)
class Interval:
    """A point estimate with its 95% interval (fractions in [0, 1])."""

    estimate: float
    lower: float
    upper: float

    def as_dict(self) -> dict[str, float]:
        return {"estimate": self.estimate, "lower": self.lower, "upper": self.upper}


@dataclass(frozen=True)
class Era:
    """Where a curve or figure comes from: ``code`` "study" (Muraro 2017, treated 1995 to 2006) or
    "recent" (the later cohorts), a label (data from the evidence set) and the source ids."""

    code: str
    label: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Curve:
    """A progression-free survival curve on a time grid in years, with its 95% band, and its era.

    ``extrapolated_after``: beyond this the curve continues a trend no data reach (study era: 5
    years, A5; later era: 10, the longest horizon). The later era is ``anchored_at`` 5 and 10 years
    and rests on one cohort after ``single_cohort_after`` (A20). ``equals_survival``: from EDSS 9.0
    the curve is the overall-survival curve (A16)."""

    times: np.ndarray
    estimate: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    extrapolated_after: float
    era: Era | None  # always given by the engine (None for no era)
    equals_survival: bool  # always given by the engine
    anchored_at: tuple[float, ...] = ()
    single_cohort_after: float | None = None

    def at(self, years: float) -> Interval:
        index = int(np.argmin(np.abs(self.times - years)))
        return Interval(float(self.estimate[index]), float(self.lower[index]), float(self.upper[index]))

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"times": self.times.tolist(), "estimate": self.estimate.tolist(),
                                "lower": self.lower.tolist(), "upper": self.upper.tolist()}
        if self.era is not None:
            data["era"], data["label"] = self.era.code, self.era.label
            if self.era.code == "study":
                data["source"] = self.era.sources[0]
            else:
                data["sources"] = list(self.era.sources)
                data["anchored_at"] = list(self.anchored_at)
                data["single_cohort_after"] = self.single_cohort_after
        data["extrapolated_after"] = self.extrapolated_after
        data["equals_survival"] = self.equals_survival
        return data


@dataclass(frozen=True)
class ReferenceCurves:
    """Curves at the cohort's own risk-factor mix (multiplier 1), for comparison only."""

    average_patient: np.ndarray
    relapsing: np.ndarray
    progressive: np.ndarray


@dataclass(frozen=True)
class RecentReferenceCurves:
    """The later cohorts' group curves at multiplier 1 (MODEL.md R5 with m' = 1); the progressive
    one is None where R6 withholds the later curve for a progressive profile."""

    relapsing: np.ndarray
    progressive: np.ndarray | None


@dataclass(frozen=True)
class Note:
    """A warning or limit, in codes and numbers: a stable id, which numbers it qualifies (all,
    pfs, early_mortality), the values it speaks of, and the assumption it rests on. The words are
    made by the presentation layer (:mod:`decision_aid.present.notes`)."""

    id: str
    qualifies: str = "all"
    values: Mapping[str, Any] = field(default_factory=dict)
    assumption: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "qualifies": self.qualifies, "values": dict(self.values),
                "assumption": self.assumption}


@dataclass(frozen=True)
class Assumption:
    """One assumption of MODEL.md: a stable id, its text, and what it means for the patient (data
    from the evidence set)."""

    id: str
    text: str
    for_patient: str  # always given: the engine reads every assumption's meaning from the evidence set

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text, "for_patient": self.for_patient}


@dataclass(frozen=True)
class SourceLabel:
    """Which study a figure comes from, with its era (e.g. "treated 1995 to 2006")."""

    id: str
    label: str
    years: str


@dataclass(frozen=True)
class EvidenceRef:
    id: str
    citation: str
    sha256: str


@dataclass(frozen=True)
class Estimate:
    """Everything the program says about one profile. Computed once, never mutated.

    Two eras side by side, never averaged (A7): the study's (``pfs``, ``early_mortality``,
    ``overall_survival_5y``) and the later cohorts' (the ``*_recent`` fields). ``pfs_recent`` and
    ``pfs_recent_at`` are None where R6 does not apply the later curve; ``pfs_recent_reason`` then
    says why ("no_inflammatory_activity" or "activity_not_known")."""

    model_version: str
    evidence_version: str
    evidence_checksum: str
    evidence: tuple[EvidenceRef, ...]
    primary_citation: str
    profile: Profile
    horizon_years: int
    draws: int
    seed: int
    monte_carlo_method: str
    early_mortality_days: int
    early_mortality: Interval  # study era (q)
    early_mortality_source: SourceLabel
    early_mortality_recent: Interval  # recent UK centres (q_recent): beside q, never averaged with it
    early_mortality_recent_source: SourceLabel
    early_mortality_adjusted_for: tuple[str, ...]  # ("edss",): not age, type of MS or treatments (A9, O2)
    overall_survival_5y: Interval
    overall_survival_5y_recent: Interval
    overall_survival_adjusted_for: tuple[str, ...]  # ("edss", "age")
    pfs: Curve
    pfs_at: Mapping[int, Interval]
    pfs_recent: Curve | None
    pfs_recent_at: Mapping[int, Interval] | None
    pfs_recent_reason: str | None
    group: str  # "relapsing" or "progressive": the group whose curves the estimate is built on
    hazard_multiplier: float  # m, relative to the study group's assumed average make-up (A3)
    hazard_multiplier_recent: float  # m', relative to the later cohorts' assumed average patient (A15)
    reference: ReferenceCurves
    reference_recent: RecentReferenceCurves
    warnings: tuple[Note, ...]
    caveats: tuple[Note, ...]
    assumptions: tuple[Assumption, ...]

    @property
    def pfs_5y(self) -> Interval:
        return self.pfs_at[int(self.pfs.extrapolated_after)]

    @property
    def pfs_recent_5y(self) -> Interval | None:
        """The later cohorts' PFS at the study's follow-up (5 years), or None where R6 withholds it."""
        return None if self.pfs_recent_at is None else self.pfs_recent_at[int(self.pfs.extrapolated_after)]

    @property
    def pfs_equals_survival(self) -> bool:
        return self.pfs.equals_survival

    def _early_dict(self, interval: Interval, source: SourceLabel, era: str) -> dict[str, Any]:
        return {"horizon_days": self.early_mortality_days, **interval.as_dict(), "source": source.id,
                "label": source.label, "era": era, "adjusted_for": list(self.early_mortality_adjusted_for)}

    def _survival_dict(self, interval: Interval, era: str) -> dict[str, Any]:
        return {**interval.as_dict(), "era": era, "adjusted_for": list(self.overall_survival_adjusted_for)}

    def as_dict(self) -> dict[str, Any]:
        """The JSON object of MODEL.md (probabilities as fractions)."""
        recent_reference = self.reference_recent
        return {
            "model_version": self.model_version,
            "evidence_version": self.evidence_version,
            "evidence_checksum": self.evidence_checksum,
            "evidence": [{"id": e.id, "citation": e.citation, "sha256": e.sha256} for e in self.evidence],
            "primary_citation": self.primary_citation,
            "profile": self.profile.as_dict(),
            "horizon_years": self.horizon_years,
            "draws": self.draws,
            "seed": self.seed,
            "monte_carlo": {"method": self.monte_carlo_method, "draws": self.draws, "seed": self.seed},
            "early_mortality": self._early_dict(self.early_mortality, self.early_mortality_source, "study"),
            "early_mortality_recent": self._early_dict(self.early_mortality_recent,
                                                       self.early_mortality_recent_source, "recent"),
            "overall_survival_5y": self._survival_dict(self.overall_survival_5y, "study"),
            "overall_survival_5y_recent": self._survival_dict(self.overall_survival_5y_recent, "recent"),
            "pfs": self.pfs.as_dict(),
            "pfs_at": _yearly(self.pfs_at),
            "pfs_recent": None if self.pfs_recent is None else self.pfs_recent.as_dict(),
            "pfs_recent_at": None if self.pfs_recent_at is None else _yearly(self.pfs_recent_at),
            "pfs_equals_survival": self.pfs_equals_survival,
            "pfs_recent_reason": self.pfs_recent_reason,
            "group": self.group,
            "hazard_multiplier": self.hazard_multiplier,
            "hazard_multiplier_recent": self.hazard_multiplier_recent,
            "reference": {
                "average_patient": self.reference.average_patient.tolist(),
                "relapsing": self.reference.relapsing.tolist(),
                "progressive": self.reference.progressive.tolist(),
            },
            "reference_recent": {
                "relapsing": recent_reference.relapsing.tolist(),
                "progressive": None if recent_reference.progressive is None else recent_reference.progressive.tolist(),
            },
            "warnings": [w.as_dict() for w in self.warnings],
            "caveats": [c.as_dict() for c in self.caveats],
            "assumptions": [a.as_dict() for a in self.assumptions],
        }


def _yearly(intervals: Mapping[int, Interval]) -> dict[str, dict[str, float]]:
    return {str(year): interval.as_dict() for year, interval in intervals.items()}
