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
class Curve:
    """A progression-free survival curve on a time grid in years, with its 95% band."""

    times: np.ndarray
    estimate: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    extrapolated_after: float

    def at(self, years: float) -> Interval:
        index = int(np.argmin(np.abs(self.times - years)))
        return Interval(float(self.estimate[index]), float(self.lower[index]), float(self.upper[index]))


@dataclass(frozen=True)
class ReferenceCurves:
    """Curves at the cohort's own risk-factor mix (multiplier 1), for comparison only."""

    average_patient: np.ndarray
    relapsing: np.ndarray
    progressive: np.ndarray


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
    """One assumption of MODEL.md: a stable id and its text (data from the evidence set)."""

    id: str
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text}


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
    """Everything the program says about one profile. Computed once, never mutated."""

    model_version: str
    evidence_version: str
    evidence_checksum: str
    evidence: tuple[EvidenceRef, ...]
    primary_citation: str
    profile: Profile
    horizon_years: int
    draws: int
    seed: int
    early_mortality_days: int
    early_mortality: Interval  # study era (q)
    early_mortality_source: SourceLabel
    early_mortality_recent: Interval  # recent UK centres (q_recent): beside q, never averaged with it
    early_mortality_recent_source: SourceLabel
    overall_survival_5y: Interval
    pfs: Curve
    pfs_at: Mapping[int, Interval]
    group: str  # "relapsing" or "progressive": the study group whose curve the estimate is built on
    hazard_multiplier: float  # m, relative to the group's own average make-up (A3)
    reference: ReferenceCurves
    warnings: tuple[Note, ...]
    caveats: tuple[Note, ...]
    assumptions: tuple[Assumption, ...]

    @property
    def pfs_5y(self) -> Interval:
        return self.pfs_at[int(self.pfs.extrapolated_after)]

    def _early_dict(self, interval: Interval, source: SourceLabel) -> dict[str, Any]:
        return {"horizon_days": self.early_mortality_days, **interval.as_dict(), "source": source.id,
                "label": source.label}

    def as_dict(self) -> dict[str, Any]:
        """The JSON object of MODEL.md (probabilities as fractions)."""
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
            "early_mortality": self._early_dict(self.early_mortality, self.early_mortality_source),
            "early_mortality_recent": self._early_dict(self.early_mortality_recent,
                                                       self.early_mortality_recent_source),
            "overall_survival_5y": self.overall_survival_5y.as_dict(),
            "pfs": {
                "times": self.pfs.times.tolist(),
                "estimate": self.pfs.estimate.tolist(),
                "lower": self.pfs.lower.tolist(),
                "upper": self.pfs.upper.tolist(),
                "extrapolated_after": self.pfs.extrapolated_after,
            },
            "pfs_at": {str(year): interval.as_dict() for year, interval in self.pfs_at.items()},
            "group": self.group,
            "hazard_multiplier": self.hazard_multiplier,
            "reference": {
                "average_patient": self.reference.average_patient.tolist(),
                "relapsing": self.reference.relapsing.tolist(),
                "progressive": self.reference.progressive.tolist(),
            },
            "warnings": [w.as_dict() for w in self.warnings],
            "caveats": [c.as_dict() for c in self.caveats],
            "assumptions": [a.as_dict() for a in self.assumptions],
        }
