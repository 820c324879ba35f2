"""The MIST randomised trial: its published counts, and which entry criteria a profile does not meet.

The trial is the context source whose evidence file states entry criteria (``eligibility``):
relapsing-remitting MS, EDSS 2.0 to 6.0, and at least 2 relapses in the past year *while on a
disease-modifying drug* (so at least one previous drug). Its age limits are not in the sources
read: its participants' mean age and SD are figures, and a profile further than ``age_sds``
standard deviations from that mean is "not known" to be within the ages it took in. A profile
"matches" only when it meets every criterion; each criterion it does not meet, or that cannot be
told (an answer not given), is a code with the profile's value and what the trial allowed, put into
words by :mod:`decision_aid.present.trial_view`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..evidence import Source
from ..model import Model, Profile
from .numbers import in_hundred

#: The profile fields the entry criteria speak of, in the order they are checked.
CRITERIA_FIELDS = ("course", "edss", "relapses_past_year", "relapses_on_treatment", "age")
#: Whether a criterion is not met, or cannot be told from the profile.
DOES_NOT_MEET, NOT_KNOWN = "does_not_meet", "not_known"


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
    """One entry criterion the profile does not meet, or that cannot be told: ``field`` is one of
    :data:`CRITERIA_FIELDS`; ``value`` is the profile's (None: not given); ``status`` is
    :data:`DOES_NOT_MEET` or :data:`NOT_KNOWN`; the rest is what the trial allowed."""

    field: str
    value: Any
    status: str = DOES_NOT_MEET
    courses: tuple[str, ...] = ()  # course: the types of MS the trial included
    low: float | None = None  # edss: the range included; age: the participants' mean +- age_sds SD
    high: float | None = None
    needed: int | None = None  # relapses_past_year: at least this many; relapses_on_treatment: too
    no_previous_drug: bool = False  # relapses_on_treatment: no previous drug, so not on one
    mean: float | None = None  # age: the participants' mean age and its SD (figures)
    sd: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "status": self.status, "value": self.value}


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
    """Each entry criterion of the trial that the profile does not meet, or that cannot be told
    from it (an optional answer left empty, an age beyond the participants')."""
    source = mist_source(model)
    criteria = source.raw["eligibility"]
    unmet = []
    courses = tuple(criteria["course"])
    if profile.course not in courses:
        unmet.append(UnmetCriterion("course", profile.course, courses=courses))
    low, high = criteria["edss_min"], criteria["edss_max"]
    if not low <= profile.edss <= high:
        unmet.append(UnmetCriterion("edss", profile.edss, low=low, high=high))
    needed = int(criteria["min_relapses_past_year"])
    relapses = profile.relapses_past_year
    if relapses is None:
        unmet.append(UnmetCriterion("relapses_past_year", None, NOT_KNOWN, needed=needed))
    elif relapses < needed:
        unmet.append(UnmetCriterion("relapses_past_year", relapses, needed=needed))
    if relapses != 0:  # with no relapse, whether they happened on a drug says nothing more
        unmet += _on_treatment(criteria, profile, needed)
    unmet += _age(source, criteria, profile)
    return tuple(unmet)


def _on_treatment(criteria, profile: Profile, needed: int) -> list[UnmetCriterion]:
    """The relapses had to happen while on a disease-modifying drug: none taken before is not met."""
    wanted = criteria.get("relapses_on_treatment")
    if wanted is None:
        return []
    answer = profile.relapses_on_treatment
    if profile.prior_dmts < criteria.get("min_prior_dmts", 0):
        return [UnmetCriterion("relapses_on_treatment", answer, needed=needed, no_previous_drug=True)]
    if answer is None:
        return [UnmetCriterion("relapses_on_treatment", None, NOT_KNOWN, needed=needed)]
    return [] if answer == wanted else [UnmetCriterion("relapses_on_treatment", answer, needed=needed)]


def _age(source: Source, criteria, profile: Profile) -> list[UnmetCriterion]:
    """Within ``age_sds`` SD of the participants' mean age, or not known (the limits were not read)."""
    if "age_mean" not in criteria:
        return []
    mean, sd = source.value(criteria["age_mean"]), source.value(criteria["age_sd"])
    low, high = mean - criteria["age_sds"] * sd, mean + criteria["age_sds"] * sd
    if low <= profile.age <= high:
        return []
    return [UnmetCriterion("age", profile.age, NOT_KNOWN, low=low, high=high, mean=mean, sd=sd)]


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
