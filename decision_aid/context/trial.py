"""The MIST randomised trial: its published counts, and which entry criteria a profile does not meet.

The trial is the context source whose evidence file states entry criteria (``eligibility``). A
profile "matches" when it meets every criterion; each unmet criterion is a code with the profile's
value and what the trial allowed, put into words by :mod:`decision_aid.present.trial_view`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..evidence import Source
from ..model import Model, Profile
from .numbers import in_hundred

#: The profile fields the entry criteria speak of, in the order they are checked.
CRITERIA_FIELDS = ("course", "edss", "relapses_past_year")


@dataclass(frozen=True)
class TrialCounts:
    """How many progressed in each arm, of how many, over a median follow-up in years."""

    hsct_progressed: int
    hsct_patients: int
    dmt_progressed: int
    dmt_patients: int
    follow_up_years: float

    @property
    def hsct_share(self) -> float:
        return self.hsct_progressed / self.hsct_patients

    @property
    def dmt_share(self) -> float:
        return self.dmt_progressed / self.dmt_patients


@dataclass(frozen=True)
class UnmetCriterion:
    """One entry criterion the profile does not meet: ``field`` is course, edss or
    relapses_past_year; ``value`` is the profile's (None: not given); the rest is what the trial
    allowed."""

    field: str
    value: Any
    courses: tuple[str, ...] = ()  # course: the types of MS the trial included
    low: float | None = None  # edss: the range included
    high: float | None = None
    needed: int | None = None  # relapses_past_year: at least this many


@dataclass(frozen=True)
class TrialComparison:
    """The randomised comparison for a profile that meets the trial's entry criteria."""

    short_name: str
    citation: str
    design: str
    counts: TrialCounts
    hazard_ratio: float
    hr_ci: tuple[float, float]
    deaths: int

    @property
    def hsct_share(self) -> float:
        return self.counts.hsct_share

    @property
    def dmt_share(self) -> float:
        return self.counts.dmt_share

    def as_dict(self) -> dict[str, Any]:
        """Codes and numbers for the JSON (the presentation layer adds the sentences)."""
        c = self.counts
        return {
            "source": self.short_name,
            "citation": self.citation,
            "hsct": {"progressed": c.hsct_progressed, "patients": c.hsct_patients,
                     "in_hundred": in_hundred(c.hsct_share)},
            "dmt": {"progressed": c.dmt_progressed, "patients": c.dmt_patients,
                    "in_hundred": in_hundred(c.dmt_share)},
            "median_follow_up_years": c.follow_up_years,
            "hazard_ratio": {"value": self.hazard_ratio, "lower": self.hr_ci[0], "upper": self.hr_ci[1]},
            "deaths": self.deaths,
        }


def has_entry_criteria(source: Source) -> bool:
    return isinstance(source.raw.get("eligibility"), dict)


def mist_source(model: Model) -> Source:
    """The randomised trial: the context source that states entry criteria."""
    for source in model.evidence.by_role("context"):
        if has_entry_criteria(source):
            return source
    raise LookupError("no context source with entry criteria (eligibility) in the evidence set")


def trial_counts(source: Source) -> TrialCounts:
    v = source.value
    return TrialCounts(int(v("hsct_progressed")), int(v("hsct_patients")), int(v("dmt_progressed")),
                       int(v("dmt_patients")), v("median_follow_up"))


def mist_unmet(model: Model, profile: Profile) -> tuple[UnmetCriterion, ...]:
    """Each entry criterion of the trial that the profile does not meet (or leaves empty)."""
    criteria = mist_source(model).raw["eligibility"]
    unmet = []
    courses = tuple(criteria["course"])
    if profile.course not in courses:
        unmet.append(UnmetCriterion("course", profile.course, courses=courses))
    low, high = criteria["edss_min"], criteria["edss_max"]
    if not low <= profile.edss <= high:
        unmet.append(UnmetCriterion("edss", profile.edss, low=low, high=high))
    needed = criteria["min_relapses_past_year"]
    relapses = profile.relapses_past_year
    if relapses is None or relapses < needed:
        unmet.append(UnmetCriterion("relapses_past_year", relapses, needed=needed))
    return tuple(unmet)


def mist_unmet_fields(model: Model, profile: Profile) -> tuple[str, ...]:
    """The profile fields whose value does not meet the trial's entry criteria, or was not given."""
    return tuple(criterion.field for criterion in mist_unmet(model, profile))


def mist_comparison(model: Model, profile: Profile) -> TrialComparison | None:
    """The trial's comparison when the profile meets every entry criterion, else None."""
    if mist_unmet(model, profile):
        return None
    source = mist_source(model)
    hr = source.figure("hr_progression")
    return TrialComparison(source.short_name, source.full_citation, source.text("design"), trial_counts(source),
                           hr.value, hr.ci, int(source.value("early_deaths")))
