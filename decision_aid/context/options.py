"""Your options: AHSCT and drug treatment side by side for the profile's type of MS (Qt-free).

The data behind the "Your options" tab and the sheet's section, and ``context.options`` of
``decision-aid estimate --json``. Every number is an evidence figure, named by the study's
``comparison`` block (see ``evidence/loader.py``) and carried here with its figure name and
``checked_against``; this module adds only shares and "in 100" counts computed from those figures,
and plain-words codes for hazard ratios (:func:`hazard_ratio_words`).

Which studies are shown (by type of MS, ``STUDY_COURSE``):

- relapsing-remitting: the MIST randomised trial (with its entry-criteria check) and the London
  comparison with alemtuzumab and ocrelizumab;
- secondary progressive: Boffa 2023 (active SPMS) and Kalincik 2024 (advanced disability, little
  relapse activity); ``relapses_past_year`` says which of the two describes people like the
  patient more closely (``relapse_activity``), never whether to choose AHSCT;
- progressive-relapsing: the secondary progressive studies, marked ``population_match`` =
  ``"nearest"``. PRMS (steady worsening from the start, with relapses) is an older term that no
  comparative study enrolled under that name. What sets these patients apart is progression *with*
  relapse activity, and that is what the progressive comparisons are split by (Boffa: active;
  Kalincik: little relapse activity; Kalincik's cohort is "progressive MS", not only secondary
  progressive). The model also counts PRMS as progressive. So these are the nearest comparative
  evidence, said to be about a different type of MS;
- primary progressive: no study compares AHSCT with drug treatment (said as a note), and the
  ORATORIO trial of ocrelizumab against placebo, marked ``comparable`` = false: what a drug achieved,
  not a comparison with AHSCT.

Group results are never turned into a personal figure for the alternative: nothing here is
computed from the profile except which studies are shown and how the profile compares with them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Mapping

from ..evidence import Figure, Source
from ..model import Model, Profile
from .numbers import in_hundred, per_hundred
from .trial import UnmetCriterion, mist_unmet

MIST = "burt2019_mist"

#: The type of MS whose comparative studies are shown for each type in the profile.
STUDY_COURSE = {"rrms": "rrms", "spms": "spms", "prms": "spms", "ppms": "ppms"}

#: What the relapses field says about relapse activity (progressive MS only).
ACTIVE, LOW, NOT_GIVEN = "active", "low", "not_given"

# --- Hazard ratios in words ------------------------------------------------------------------
# The rule: the words name the simple ratio nearest to the hazard ratio on a log scale (so
# halving and doubling are the same distance from "about the same"); below a tenth it is "less
# than a tenth", above ten "more than ten times". A tie goes to the anchor nearer 1 (the more
# cautious words). Examples: 0.07 -> less than a tenth, 0.29 and 0.33 -> about a third, 0.50 ->
# about half, 0.76 -> about three quarters, 1.49 and 1.50 -> about one and a half times.
# The words say how the *rate* of the event compares (a hazard ratio), not the share of people,
# and whether the interval includes 1 (no clear difference) is a separate flag.

#: (ratio, code), in increasing order; the words for each code are in present/options_view.py.
HR_ANCHORS: tuple[tuple[float, str], ...] = (
    (1 / 10, "about_a_tenth_the_rate"),
    (1 / 5, "about_a_fifth_the_rate"),
    (1 / 4, "about_a_quarter_the_rate"),
    (1 / 3, "about_a_third_the_rate"),
    (1 / 2, "about_half_the_rate"),
    (2 / 3, "about_two_thirds_the_rate"),
    (3 / 4, "about_three_quarters_the_rate"),
    (1.0, "about_the_same_rate"),
    (3 / 2, "about_one_and_a_half_times_the_rate"),
    (2.0, "about_twice_the_rate"),
    (3.0, "about_three_times_the_rate"),
    (4.0, "about_four_times_the_rate"),
    (5.0, "about_five_times_the_rate"),
    (10.0, "about_ten_times_the_rate"),
)
BELOW_ANCHORS = "less_than_a_tenth_the_rate"
ABOVE_ANCHORS = "more_than_ten_times_the_rate"
HR_CODES = (BELOW_ANCHORS, *(code for _, code in HR_ANCHORS), ABOVE_ANCHORS)


def hazard_ratio_words(ratio: float) -> str:
    """The plain-words code for a hazard ratio (see the rule above)."""
    if not ratio > 0 or not math.isfinite(ratio):
        raise ValueError(f"hazard ratio {ratio!r} must be a positive number")
    if ratio < HR_ANCHORS[0][0]:
        return BELOW_ANCHORS
    if ratio > HR_ANCHORS[-1][0]:
        return ABOVE_ANCHORS
    log = math.log(ratio)
    best = min(HR_ANCHORS, key=lambda a: (round(abs(log - math.log(a[0])), 12), abs(math.log(a[0]))))
    return best[1]


# --- Data objects ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Quantity:
    """A number from an evidence figure: value, unit, the figure's name and what it was checked against."""

    value: float
    unit: str
    figure: str
    checked_against: str

    ci: tuple[float, float] | None = None
    kind: str = ""  # the figure's kind (probability, rate, count, p_value, p_value_below, ...)

    @classmethod
    def of(cls, figure: Figure) -> "Quantity":
        return cls(figure.value, figure.unit, figure.name, figure.checked_against, figure.ci, figure.kind)

    def as_dict(self) -> dict[str, Any]:
        data = {"value": self.value, "unit": self.unit, "figure": self.figure, "checked_against": self.checked_against}
        if self.ci is not None:
            data["ci"] = list(self.ci)
        return data


#: When an outcome was counted (the words for each kind are in present/options_view.py).
TIME_FRAME_KINDS = ("at", "over", "up_to", "at_least", "median_follow_up", "during_follow_up")


@dataclass(frozen=True)
class TimeFrame:
    """When an outcome was counted: ``kind`` is at, over, up_to, at_least, median_follow_up or
    during_follow_up; ``length`` is None for during_follow_up."""

    kind: str
    length: Quantity | None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "length": self.length.as_dict() if self.length else None}


@dataclass(frozen=True)
class Arm:
    """One group of a study: what it was given and how many people it had (where published)."""

    code: str  # ahsct, dmt, alemtuzumab, ocrelizumab, other_dmts, natalizumab, placebo
    label: str
    patients: Quantity | None
    median_follow_up: Quantity | None

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "label": self.label,
                "patients": None if self.patients is None else int(self.patients.value),
                "patients_figure": self.patients.as_dict() if self.patients else None,
                "median_follow_up": self.median_follow_up.as_dict() if self.median_follow_up else None}


@dataclass(frozen=True)
class ArmResult:
    """One arm's figure for one outcome: a count of people, a share, a rate, or a mean score
    before and after (``mean``: ``value`` before, ``after`` after).

    ``in_hundred`` (shares and counts) is what an icon array of 100 draws; ``per_hundred`` (rates)
    is events per 100 people per year and is not drawable as 100 people (one person can have
    several events)."""

    arm: str
    label: str
    kind: str  # count, share, rate or mean
    value: Quantity  # the count of people with the event, the share, the rate, or the mean before
    patients: Quantity | None = None  # with a count: out of how many
    share: float | None = None  # count / patients, or the published share
    in_hundred: int | None = None
    per_hundred: float | None = None
    after: Quantity | None = None  # mean: the mean after

    def as_dict(self) -> dict[str, Any]:
        data = {"arm": self.arm, "label": self.label, "kind": self.kind, **self.value.as_dict(),
                "patients": None if self.patients is None else int(self.patients.value),
                "share": self.share, "in_hundred": self.in_hundred, "per_hundred": self.per_hundred}
        if self.after is not None:
            data["after"] = self.after.as_dict()
        return data


@dataclass(frozen=True)
class HazardRatio:
    """A published hazard ratio (or rate ratio: ``ratio_kind``) of the first arm against the second."""

    value: float
    ci: tuple[float, float] | None
    compares: tuple[str, str]  # arm codes, e.g. ("ahsct", "alemtuzumab")
    figure: str
    checked_against: str
    words: str  # hazard_ratio_words(value)
    clear_difference: bool  # the 95% interval excludes 1
    ci_words: tuple[str, str] | None  # words codes of the interval's ends
    ratio_kind: str = "hazard_ratio"  # or rate_ratio

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "lower": self.ci[0] if self.ci else None,
                "upper": self.ci[1] if self.ci else None, "compares": list(self.compares), "figure": self.figure,
                "checked_against": self.checked_against, "words": self.words,
                "clear_difference": self.clear_difference,
                "ci_words": list(self.ci_words) if self.ci_words else None, "kind": self.ratio_kind}


@dataclass(frozen=True)
class RelativeReduction:
    """A published "N% lower" of the first arm against the second (one figure per trial reported)."""

    values: tuple[Quantity, ...]
    compares: tuple[str, str]

    def as_dict(self) -> dict[str, Any]:
        return {"values": [q.as_dict() for q in self.values], "compares": list(self.compares)}


@dataclass(frozen=True)
class Difference:
    """A published difference between two arms (MIST's EDSS change), with its interval."""

    value: Quantity
    compares: tuple[str, str]

    def as_dict(self) -> dict[str, Any]:
        return {**self.value.as_dict(), "compares": list(self.compares)}


@dataclass(frozen=True)
class StudyOutcome:
    """One outcome of one study, with both arms in the same format where the source gives them.

    ``format``: counts (people with the event in each arm), shares, rates, one_arm (only one
    arm's figure is published: see ``missing``) or hazard_ratio (no per-arm figures)."""

    code: str
    definition: str
    lower_is_better: bool
    time_frame: TimeFrame | None
    format: str
    arms: tuple[ArmResult, ...]
    hazard_ratio: HazardRatio | None
    missing: str | None
    relative_reduction: RelativeReduction | None = None
    difference: Difference | None = None
    p_value: Quantity | None = None

    @property
    def icon_arrays(self) -> bool:
        """Both (all) arms are given as people in 100, so icon arrays of 100 can be drawn side by side."""
        return self.format in ("counts", "shares")

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        """Every figure this outcome shows (for what they were checked against)."""
        found = [a.value for a in self.arms] + [a.patients for a in self.arms if a.patients]
        found += [a.after for a in self.arms if a.after]
        if self.relative_reduction:
            found += list(self.relative_reduction.values)
        found += [q for q in (self.difference.value if self.difference else None, self.p_value) if q]
        return tuple(found)

    @property
    def checked(self) -> tuple[str, ...]:
        found = {q.checked_against for q in self.quantities}
        if self.hazard_ratio:
            found.add(self.hazard_ratio.checked_against)
        return tuple(sorted(found))

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "definition": self.definition, "lower_is_better": self.lower_is_better,
                "time_frame": self.time_frame.as_dict() if self.time_frame else None, "format": self.format,
                "icon_arrays": self.icon_arrays, "arms": [a.as_dict() for a in self.arms],
                "hazard_ratio": self.hazard_ratio.as_dict() if self.hazard_ratio else None, "missing": self.missing,
                "relative_reduction": self.relative_reduction.as_dict() if self.relative_reduction else None,
                "difference": self.difference.as_dict() if self.difference else None,
                "p_value": self.p_value.as_dict() if self.p_value else None}


@dataclass(frozen=True)
class Fact:
    """A figure about the study's population (for example mean age), with a short label; ``of``:
    out of how many (a count of a count)."""

    label: str
    quantity: Quantity
    of: Quantity | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, **self.quantity.as_dict(), "of": self.of.value if self.of else None}


@dataclass(frozen=True)
class ArmDrugs:
    """Which drugs one arm was given, with how many people had each (MIST's drug group)."""

    arm: str
    label: str
    drugs: tuple[tuple[str, Quantity], ...]  # (drug name as data text, people)
    missing: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"arm": self.arm, "label": self.label, "missing": self.missing,
                "drugs": [{"drug": name, **q.as_dict()} for name, q in self.drugs]}


@dataclass(frozen=True)
class Eligibility:
    """The MIST entry-criteria check for this profile (from :mod:`decision_aid.context.trial`)."""

    meets_entry_criteria: bool
    unmet: tuple[UnmetCriterion, ...]

    @property
    def unmet_fields(self) -> tuple[str, ...]:
        return tuple(criterion.field for criterion in self.unmet)

    def as_dict(self) -> dict[str, Any]:
        return {"meets_entry_criteria": self.meets_entry_criteria, "unmet_fields": list(self.unmet_fields),
                "criteria": [c.as_dict() for c in self.unmet]}


@dataclass(frozen=True)
class OptionStudy:
    id: str
    short_name: str
    citation: str
    published_year: int | None
    design: str
    randomised: bool
    compares_ahsct: bool  # False: drug treatment only (ORATORIO), not comparable with AHSCT
    population: str
    population_courses: tuple[str, ...]
    population_match: str  # "same" type of MS as the profile, or "nearest" (PRMS)
    relapse_activity: str | None  # the study population's: active, low, or None (not split by it)
    closer_match: bool | None  # describes the profile's relapse activity more closely; None: cannot tell / n.a.
    arms: tuple[Arm, ...]
    facts: tuple[Fact, ...]
    follow_up: TimeFrame | None
    outcomes: tuple[StudyOutcome, ...]
    limits: tuple[str, ...]
    conclusion: str | None  # the authors' words, quoted
    eligibility: Eligibility | None  # MIST only
    findings: tuple[str, ...] = ()  # results without a figure of their own (data texts)
    arm_drugs: ArmDrugs | None = None

    @property
    def comparable(self) -> bool:
        return self.compares_ahsct

    def arm_label(self, code: str) -> str:
        return next(a.label for a in self.arms if a.code == code)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "short_name": self.short_name, "citation": self.citation,
            "published_year": self.published_year, "design": self.design, "randomised": self.randomised,
            "compares_ahsct": self.compares_ahsct, "comparable": self.comparable, "population": self.population,
            "population_courses": list(self.population_courses), "population_match": self.population_match,
            "relapse_activity": self.relapse_activity, "closer_match": self.closer_match,
            "arms": [a.as_dict() for a in self.arms], "facts": [f.as_dict() for f in self.facts],
            "follow_up": self.follow_up.as_dict() if self.follow_up else None,
            "outcomes": [o.as_dict() for o in self.outcomes], "limits": list(self.limits),
            "conclusion": self.conclusion, "findings": list(self.findings),
            "arm_drugs": self.arm_drugs.as_dict() if self.arm_drugs else None,
            "eligibility": self.eligibility.as_dict() if self.eligibility else None,
        }


@dataclass(frozen=True)
class Options:
    course: str  # the profile's type of MS
    study_course: str  # the type whose studies are shown (spms for prms)
    population_match: str  # same or nearest
    direct_comparison: bool  # a study shown compares AHSCT with drug treatment
    relapse_activity: str | None  # active, low or not_given where the studies are split by it; None otherwise
    closer_study: str | None  # the study describing that relapse activity more closely, if it can be told
    studies: tuple[OptionStudy, ...]
    notes: tuple[str, ...]  # codes of NOTE_CODES: what is not known is said as plainly as what is

    @property
    def study_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.studies)

    def study(self, study_id: str) -> OptionStudy:
        return next(s for s in self.studies if s.id == study_id)

    def as_dict(self) -> dict[str, Any]:
        return {
            "studies": list(self.study_ids),
            "direct_comparison": self.direct_comparison,
            "course": self.course,
            "study_course": self.study_course,
            "population_match": self.population_match,
            "relapse_activity": self.relapse_activity,
            "closer_study": self.closer_study,
            "details": [s.as_dict() for s in self.studies],
        }


# --- Notes: what the view must say besides the numbers (codes; the words are in the presentation layer)

NOTE_CODES = ("group_results", "definitions_differ", "no_comparison", "no_comparison_ppms", "drug_trial_only",
              "prms_nearest", "activity_active", "activity_low", "activity_not_given", "mri_not_asked")
#: ("mri_not_asked" is said only when the profile leaves new MRI activity unanswered.)


# --- Choosing the studies for a profile -------------------------------------------------------

def comparison_sources(model: Model) -> tuple[Source, ...]:
    """Every evidence file with a ``comparison`` block (the comparison studies and MIST)."""
    return tuple(s for s in model.evidence.sources if isinstance(s.raw.get("comparison"), Mapping))


def relapse_activity(profile: Profile) -> str:
    """active (at least one relapse in the past year), low (none) or not_given."""
    relapses = profile.relapses_past_year
    if relapses is None:
        return NOT_GIVEN
    return ACTIVE if relapses >= 1 else LOW


def options_for(model: Model, profile: Profile) -> Options:
    """What the "Your options" view shows for a validated profile, in codes and numbers."""
    study_course = STUDY_COURSE[profile.course]
    match = "same" if study_course == profile.course else "nearest"
    sources = [s for s in comparison_sources(model) if study_course in s.raw["comparison"]["population_courses"]]
    # AHSCT comparisons first, randomised before observational, then by year of publication.
    sources.sort(key=lambda s: (not s.raw["comparison"]["compares_ahsct"], not s.raw["comparison"]["randomised"],
                                s.raw.get("published_year") or 0, s.id))
    # Relapse activity is read from the profile only where the studies shown are split by it.
    split_by_activity = any(s.raw["comparison"].get("relapse_activity") for s in sources)
    activity = relapse_activity(profile) if split_by_activity else None
    studies = tuple(_study(model, profile, source, match, activity) for source in sources)
    split = [s for s in studies if s.relapse_activity is not None]
    closer = next((s.id for s in split if s.closer_match), None)
    direct = any(s.compares_ahsct for s in studies)
    notes = ["group_results"]
    if profile.course == "prms":
        notes.append("prms_nearest")
    if not direct:
        notes.append("no_comparison_ppms" if profile.course == "ppms" else "no_comparison")
    if any(not s.compares_ahsct for s in studies):
        notes.append("drug_trial_only")
    if split:
        notes.append({ACTIVE: "activity_active", LOW: "activity_low"}.get(activity, "activity_not_given"))
        if profile.mri_activity_past_year is None:
            notes.append("mri_not_asked")
    if len(studies) > 1:
        notes.append("definitions_differ")
    return Options(profile.course, study_course, match, direct, activity, closer, studies,
                   tuple(dict.fromkeys(notes)))


def _study(model: Model, profile: Profile, source: Source, match: str, activity: str | None) -> OptionStudy:
    block = source.raw["comparison"]
    arms = study_arms(source, block)
    labels = {a.code: a.label for a in arms}
    study_activity = block.get("relapse_activity")
    closer = None
    if study_activity is not None and activity in (ACTIVE, LOW):
        closer = study_activity == activity
    eligibility = None
    if source.id == MIST:
        unmet = mist_unmet(model, profile)
        eligibility = Eligibility(not unmet, unmet)
    return OptionStudy(
        id=source.id,
        short_name=source.short_name,
        citation=source.full_citation,
        published_year=source.raw.get("published_year"),
        design=source.text("design"),
        randomised=block["randomised"],
        compares_ahsct=block["compares_ahsct"],
        population=block["population"],
        population_courses=tuple(block["population_courses"]),
        population_match=match,
        relapse_activity=study_activity,
        closer_match=closer,
        arms=arms,
        facts=facts(source, block),
        follow_up=time_frame_of(source, block.get("follow_up")),
        outcomes=tuple(outcome(source, item, labels) for item in block["outcomes"]),
        limits=tuple(block.get("limits", ())),
        conclusion=block.get("conclusion"),
        eligibility=eligibility,
        findings=tuple(block.get("findings", ())),
        arm_drugs=_arm_drugs(source, block.get("arm_drugs")),
    )


def facts(source: Source, block: Mapping) -> tuple[Fact, ...]:
    return tuple(Fact(f["label"], Quantity.of(source.figure(f["figure"])), quantity(source, f.get("of")))
                 for f in block.get("facts", ()))


def _arm_drugs(source: Source, block: Mapping | None) -> ArmDrugs | None:
    if block is None:
        return None
    drugs = tuple((d["label"], Quantity.of(source.figure(d["figure"]))) for d in block["drugs"])
    return ArmDrugs(block["arm"], block["label"], drugs, block.get("missing"))


def study_arms(source: Source, block: Mapping) -> tuple[Arm, ...]:
    return tuple(Arm(a["code"], a["label"], quantity(source, a.get("patients")),
                     quantity(source, a.get("median_follow_up"))) for a in block.get("arms", ()))


def quantity(source: Source, name: str | None) -> Quantity | None:
    return None if name is None else Quantity.of(source.figure(name))


def time_frame_of(source: Source, frame: Mapping | None) -> TimeFrame | None:
    if frame is None:
        return None
    return TimeFrame(frame["kind"], quantity(source, frame.get("figure")))


#: The format of an outcome whose arms all give one kind of figure.
_FORMATS = {"count": "counts", "share": "shares", "rate": "rates", "mean": "means"}


def outcome(source: Source, item: Mapping, labels: Mapping[str, str]) -> StudyOutcome:
    """One outcome of a comparison block or of a drug option's trial (the same schema)."""
    results = tuple(_arm_result(source, r, labels[r["arm"]]) for r in item.get("arms", ()))
    hr = _hazard_ratio(source, item.get("hazard_ratio"))
    kinds = {r.kind for r in results}
    if not results:
        fmt = "hazard_ratio" if hr is not None else "relative_reduction"
    elif len(results) < 2:
        fmt = "one_arm"
    else:
        fmt = _FORMATS[kinds.pop()] if len(kinds) == 1 else "mixed"
    reduction = item.get("relative_reduction")
    difference = item.get("difference")
    return StudyOutcome(
        item["code"], item["definition"], item["lower_is_better"], time_frame_of(source, item.get("time_frame")), fmt,
        results, hr, item.get("missing"),
        relative_reduction=RelativeReduction(tuple(Quantity.of(source.figure(n)) for n in reduction["figures"]),
                                             tuple(reduction["compares"])) if reduction else None,
        difference=Difference(Quantity.of(source.figure(difference["figure"])), tuple(difference["compares"]))
        if difference else None,
        p_value=quantity(source, item.get("p_value")))


def _arm_result(source: Source, item: Mapping, label: str) -> ArmResult:
    if "events" in item:
        events, patients = Quantity.of(source.figure(item["events"])), Quantity.of(source.figure(item["patients"]))
        share = events.value / patients.value
        return ArmResult(item["arm"], label, "count", events, patients, share, in_hundred(share))
    if "share" in item:
        share = Quantity.of(source.figure(item["share"]))
        return ArmResult(item["arm"], label, "share", share, None, share.value, in_hundred(share.value))
    if "mean_from" in item:
        return ArmResult(item["arm"], label, "mean", Quantity.of(source.figure(item["mean_from"])),
                         after=Quantity.of(source.figure(item["mean_to"])))
    rate = Quantity.of(source.figure(item["rate"]))
    return ArmResult(item["arm"], label, "rate", rate, per_hundred=per_hundred(rate.value))


def _hazard_ratio(source: Source, item: Mapping | None) -> HazardRatio | None:
    if item is None:
        return None
    figure = source.figure(item["figure"])
    ci = figure.ci
    clear = ci is not None and (ci[1] < 1 or ci[0] > 1)
    ci_words = None if ci is None else (hazard_ratio_words(ci[0]), hazard_ratio_words(ci[1]))
    return HazardRatio(figure.value, ci, tuple(item["compares"]), figure.name, figure.checked_against,
                       hazard_ratio_words(figure.value), clear, ci_words, figure.kind)
