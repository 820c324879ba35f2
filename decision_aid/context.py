"""The personal estimate in the context of other studies, the MIST trial and published guidance.

Qt-free (stdlib only), between the model and the views: every figure is read from the evidence
files through ``model.evidence`` and phrased with :mod:`decision_aid.wording`, so the window, the
sheet and ``decision-aid estimate --json`` show the same numbers. Context studies are shown beside
the estimate and never blended into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .present import wording
from .present.i18n import N_, _, ngettext
from .evidence import Source
from .model import Estimate, Model, Profile
from .model.profile import COURSE_NAMES

#: What each outcome figure's name prefix measures (a definition, not a figure).
MEASURE_LABELS = {
    "pfs": "Progression-free survival",
    "dwfs": "Disability-worsening-free survival",
    "neda": "No evidence of disease activity",
    "progression": "Progression (share who progressed)",
}
#: Measures of staying free of disability worsening: only these sit on the chart beside the
#: personal estimate. No evidence of disease activity is a stricter measure, and the share who
#: progressed counts the other way round; they are shown in the table with their definitions.
CHARTED_MEASURES = ("pfs", "dwfs")

STUDIES_DIFFER = (
    "The studies differ in era, regimen, the kind of patients included (case mix) and how they define "
    "worsening (progression-free or disability-worsening-free), so their figures cannot be compared "
    "directly with each other or with your estimate. Early mortality has fallen in more recent cohorts."
)

NO_VERDICT = (
    "This compares the profile with each point of the guidance; it is not a decision about whether "
    "transplant is right for this person. That needs a neurologist and an experienced transplant centre."
)


@dataclass(frozen=True)
class EarlyMortality:
    deaths: int | None  # None where only a pooled share is published (a meta-analysis)
    patients: int
    value: float
    ci: tuple[float, float] | None
    definition: str

    @property
    def text(self) -> str:
        if self.deaths == 0:
            return "no deaths"
        count = "pooled" if self.deaths is None else wording.of_phrase(self.deaths, self.patients)
        text = f"{wording.published_percent(self.value)} ({count})"
        return f"{text}, {wording.published_interval(*self.ci)}" if self.ci else text

    @property
    def patient_text(self) -> str:
        if self.deaths == 0:
            return "no deaths"
        if self.deaths is None:
            return f"{wording.count_phrase(self.value)} (pooled over {self.patients:g} people)"
        return f"{wording.count_phrase(self.value)} ({wording.of_phrase(self.deaths, self.patients)} people)"


@dataclass(frozen=True)
class OutcomeFigure:
    """One published progression-free or disability-worsening-free figure at one time point."""

    figure: str
    measure: str
    group: str
    charted: bool  # a measure of staying free of worsening (see CHARTED_MEASURES)
    years: float
    value: float
    ci: tuple[float, float] | None

    @property
    def label(self) -> str:
        return f"{self.measure}, {self.group}, at {wording.years_phrase(self.years)}"

    @property
    def text(self) -> str:
        text = f"{wording.published_percent(self.value)} at {wording.years_phrase(self.years)} ({self.group})"
        return f"{text}; {wording.published_interval(*self.ci)}" if self.ci else text

    @property
    def patient_text(self) -> str:
        return f"{wording.count_phrase(self.value)} at {wording.years_phrase(self.years)} ({self.group})"


@dataclass(frozen=True)
class StudyRow:
    id: str
    short_name: str
    citation: str
    design: str
    transplant_years: str
    published_year: int | None
    patients: int
    relapsing_share: float | None
    relapsing_text: str
    outcome_definition: str
    early_mortality: EarlyMortality
    outcomes: tuple[OutcomeFigure, ...]
    findings: str
    is_primary: bool

    @property
    def label(self) -> str:
        """A short label for chart rows: first author and year, plus the trial's name."""
        author = self.citation.split()[0]
        year = f" {self.published_year}" if self.published_year else ""
        trial = " (MIST)" if self.findings else ""
        return f"{author}{year}{trial}"

    @property
    def outcomes_text(self) -> str:
        if not self.outcomes:
            return self.findings or "not reported"
        return "; ".join(o.text for o in self.outcomes)

    def outcomes_words(self, audience: str, years: float | None = None) -> str:
        """The outcome cell for the audience: percentages with intervals, or "about N in 100";
        with ``years``, only each subgroup's figure nearest to that time (for the printed page)."""
        if not self.outcomes:
            return self.outcomes_text
        outcomes = self.outcomes if years is None else self.nearest_outcomes(years)
        return "; ".join(o.text if audience == "clinician" else o.patient_text for o in outcomes)

    def early_mortality_words(self, audience: str) -> str:
        em = self.early_mortality
        return em.text if audience == "clinician" else em.patient_text

    def nearest_outcomes(self, years: float = 5, charted_only: bool = False) -> tuple[OutcomeFigure, ...]:
        """Per subgroup, the figure reported nearest to ``years`` (for a chart at one time point)."""
        best: dict[str, OutcomeFigure] = {}
        for outcome in self.outcomes:
            if charted_only and not outcome.charted:
                continue
            current = best.get(outcome.group)
            if current is None or abs(outcome.years - years) < abs(current.years - years):
                best[outcome.group] = outcome
        return tuple(best.values())

    def as_dict(self) -> dict[str, Any]:
        em = self.early_mortality
        return {
            "id": self.id,
            "label": self.label,
            "short_name": self.short_name,
            "citation": self.citation,
            "design": self.design,
            "transplant_years": self.transplant_years,
            "published_year": self.published_year,
            "patients": self.patients,
            "relapsing_share": self.relapsing_share,
            "relapsing_text": self.relapsing_text,
            "outcome_definition": self.outcome_definition,
            "primary": self.is_primary,
            "early_mortality": {
                "deaths": em.deaths, "patients": em.patients, "value": em.value,
                "ci": list(em.ci) if em.ci else None, "definition": em.definition, "text": em.text,
            },
            "outcomes": [
                {"figure": o.figure, "measure": o.measure, "group": o.group, "years": o.years,
                 "value": o.value, "ci": list(o.ci) if o.ci else None, "text": o.text}
                for o in self.outcomes
            ],
            "findings": self.findings or None,
        }


def context_sources(model: Model) -> tuple[Source, ...]:
    """The primary source first, then the context studies by year of publication."""
    context = sorted(model.evidence.by_role("context"), key=lambda s: (s.raw.get("published_year", 0), s.id))
    return (model.study, *context)


def mist_source(model: Model) -> Source:
    """The randomised trial: the context source that states entry criteria."""
    for source in model.evidence.by_role("context"):
        if isinstance(source.raw.get("eligibility"), dict):
            return source
    raise LookupError("no context source with entry criteria (eligibility) in the evidence set")


def study_rows(model: Model) -> tuple[StudyRow, ...]:
    return tuple(_study_row(model, source) for source in context_sources(model))


def _study_row(model: Model, source: Source) -> StudyRow:
    patients = int(source.value("patients"))
    share, share_text = _relapsing_share(source, patients)
    deaths = int(source.value("early_deaths")) if "early_deaths" in source.figures else None
    if "early_mortality" in source.figures:
        fig = source.figure("early_mortality")
        mortality = EarlyMortality(deaths, patients, fig.value, fig.ci, source.text("early_mortality_definition"))
    else:
        mortality = EarlyMortality(deaths, patients, deaths / patients, None, source.text("early_mortality_definition"))
    outcomes = tuple(_outcome(source, item) for item in source.raw.get("outcomes", ()))
    findings = mist_findings(source) if "eligibility" in source.raw else ""
    return StudyRow(
        id=source.id,
        short_name=source.short_name,
        citation=source.full_citation,
        design=source.text("design"),
        transplant_years=source.text("transplant_years"),
        published_year=source.raw.get("published_year"),
        patients=patients,
        relapsing_share=share,
        relapsing_text=share_text,
        outcome_definition=source.text("outcome_definition"),
        early_mortality=mortality,
        outcomes=outcomes,
        findings=findings,
        is_primary=source.id == model.study.id,
    )


def _relapsing_share(source: Source, patients: int) -> tuple[float | None, str]:
    if "relapsing_share" in source.figures:
        share = source.value("relapsing_share")
        return share, wording.percent(share, 0)
    if "relapsing_patients" in source.figures and "progressive_patients" in source.figures:
        relapsing = source.value("relapsing_patients")
        known = relapsing + source.value("progressive_patients")
        share = relapsing / known
        scope = "" if known == patients else " with neurological follow-up"
        return share, f"{wording.percent(share, 0)} ({wording.of_phrase(relapsing, known)}{scope})"
    courses = source.raw.get("eligibility", {}).get("course")
    if courses and all(c in ("rrms",) for c in courses):
        return 1.0, "all (entry criterion: relapsing-remitting MS)"
    return None, "not reported"


def _outcome(source: Source, item: dict) -> OutcomeFigure:
    fig = source.figure(item["figure"])
    prefix = item["figure"].split("_", 1)[0]
    return OutcomeFigure(item["figure"], MEASURE_LABELS[prefix], item["group"], prefix in CHARTED_MEASURES,
                         float(item["years"]), fig.value, fig.ci)


# --- MIST ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MistComparison:
    """The randomised comparison shown to a profile that matches the trial's entry criteria."""

    short_name: str
    citation: str
    design: str
    hsct_progressed: int
    hsct_patients: int
    dmt_progressed: int
    dmt_patients: int
    follow_up_years: float
    hazard_ratio: float
    hr_ci: tuple[float, float]
    deaths: int

    @property
    def hsct_share(self) -> float:
        return self.hsct_progressed / self.hsct_patients

    @property
    def dmt_share(self) -> float:
        return self.dmt_progressed / self.dmt_patients

    @property
    def hsct_in_hundred(self) -> int:
        return wording.in_hundred(self.hsct_share)

    @property
    def dmt_in_hundred(self) -> int:
        return wording.in_hundred(self.dmt_share)

    @property
    def counts_sentence(self) -> str:
        return (
            f"Over a median of {wording.years_phrase(self.follow_up_years)}, "
            f"{wording.of_phrase(self.hsct_progressed, self.hsct_patients)} people progressed after HSCT "
            f"({wording.count_phrase(self.hsct_share)}) compared with "
            f"{wording.of_phrase(self.dmt_progressed, self.dmt_patients)} on a disease-modifying therapy (DMT) "
            f"({wording.count_phrase(self.dmt_share)})."
        )

    @property
    def follow_up_sentence(self) -> str:
        return f"Follow-up was short: a median of {wording.years_phrase(self.follow_up_years)}."

    @property
    def hr_sentence(self) -> str:
        return f"Time to progression, HSCT vs DMT: {wording.hazard_ratio_phrase(self.hazard_ratio, *self.hr_ci)}."

    @property
    def deaths_sentence(self) -> str:
        return "There were no deaths in either group." if self.deaths == 0 else (
            f"{self.deaths} people died during the trial.")

    def sentences(self, audience: str = "patient") -> tuple[str, ...]:
        intro = (
            f"Your profile matches the entry criteria of the {self.short_name}, which randomly assigned people "
            "with active relapsing-remitting MS to HSCT or to a different disease-modifying therapy."
        )
        lines = [intro, self.counts_sentence]
        if audience == "clinician":
            lines.append(self.hr_sentence)
        lines.append(self.deaths_sentence)
        return tuple(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.short_name,
            "citation": self.citation,
            "hsct": {"progressed": self.hsct_progressed, "patients": self.hsct_patients,
                     "in_hundred": self.hsct_in_hundred},
            "dmt": {"progressed": self.dmt_progressed, "patients": self.dmt_patients,
                    "in_hundred": self.dmt_in_hundred},
            "median_follow_up_years": self.follow_up_years,
            "hazard_ratio": {"value": self.hazard_ratio, "lower": self.hr_ci[0], "upper": self.hr_ci[1]},
            "deaths": self.deaths,
            "text": list(self.sentences("clinician")),
        }


def mist_findings(source: Source) -> str:
    """The trial's progression counts as a table cell."""
    v = source.value
    return (
        f"Progressed: {wording.of_phrase(v('hsct_progressed'), v('hsct_patients'))} after HSCT vs "
        f"{wording.of_phrase(v('dmt_progressed'), v('dmt_patients'))} on a DMT "
        f"(median follow-up {wording.years_phrase(v('median_follow_up'))})"
    )


def mist_unmet(model: Model, profile: Profile) -> tuple[str, ...]:
    """Each entry criterion of the trial that the profile does not meet, in words."""
    return tuple(text for _, text in _mist_unmet(model, profile))


def mist_unmet_fields(model: Model, profile: Profile) -> tuple[str, ...]:
    """The profile fields (course, edss, relapses_past_year) whose value does not meet the trial's
    entry criteria, or was not given."""
    return tuple(field for field, _ in _mist_unmet(model, profile))


def _mist_unmet(model: Model, profile: Profile) -> tuple[tuple[str, str], ...]:
    criteria = mist_source(model).raw["eligibility"]
    unmet = []
    courses = criteria["course"]
    if profile.course not in courses:
        names = " or ".join(COURSE_NAMES[c] for c in courses)
        unmet.append(("course", f"the course given is {profile.course_name} (the trial included only {names})"))
    low, high = criteria["edss_min"], criteria["edss_max"]
    if not low <= profile.edss <= high:
        unmet.append(("edss", f"the EDSS given is {profile.edss:.1f} (the trial included EDSS {low:.1f} to {high:.1f})"))
    needed = criteria["min_relapses_past_year"]
    relapses = profile.relapses_past_year
    if relapses is None:
        unmet.append(("relapses_past_year",
                      f"relapses in the past year not given (the trial required at least {needed})"))
    elif relapses < needed:
        unmet.append(("relapses_past_year", f"{relapses} relapse{'' if relapses == 1 else 's'} in the past year given "
                      f"(the trial required at least {needed})"))
    return tuple(unmet)


def mist_comparison(model: Model, profile: Profile) -> MistComparison | None:
    if mist_unmet(model, profile):
        return None
    source = mist_source(model)
    v = source.value
    hr = source.figure("hr_progression")
    return MistComparison(
        short_name=source.short_name,
        citation=source.full_citation,
        design=source.text("design"),
        hsct_progressed=int(v("hsct_progressed")),
        hsct_patients=int(v("hsct_patients")),
        dmt_progressed=int(v("dmt_progressed")),
        dmt_patients=int(v("dmt_patients")),
        follow_up_years=v("median_follow_up"),
        hazard_ratio=hr.value,
        hr_ci=hr.ci,
        deaths=int(v("early_deaths")),
    )


def mist_not_applicable(model: Model, profile: Profile) -> str | None:
    """Why the randomised comparison does not cover this profile, or None when it does."""
    unmet = mist_unmet(model, profile)
    if not unmet:
        return None
    return (
        f"No randomised comparison of AHSCT with drug treatment in this aid's sources covers this profile. The "
        f"one randomised trial of AHSCT among them, the {mist_source(model).short_name}, does not apply because "
        + "; ".join(unmet) + "."
    )


# --- Guidance --------------------------------------------------------------------------------
# Both statements are chosen by id, never by position among the guidance files: a third statement
# added to the evidence set changes nothing here until it is named.

#: Guidance statements by the id used in the JSON, newest first, with their evidence file ids.
GUIDANCE_SOURCES = {"ectrims2025": "ectrims2025_guidance", "nmss2021": "nmss2021_guidance"}
NMSS = "nmss2021"
ECTRIMS = "ectrims2025"

#: How a profile value compares with one point of a statement (a code for the presentation layer).
FIT_CODES = (
    "under",               # the profile's value is under the statement's limit
    "not_under",           # it is at or above the limit
    "not_given",           # an optional profile field was left empty
    "not_asked",           # the aid does not ask for this (previous high-efficacy treatment)
    "no_limit",            # the statement gives no limit for this point
    "about_this_type",     # the statement is about this type of MS
    "only_with_activity",  # progressive MS: only with signs of inflammatory activity (ECTRIMS)
    "about_relapsing_only",  # the statement is about relapsing MS only (NMSS)
)


@dataclass(frozen=True)
class GuidancePoint:
    """One point of a statement beside the profile: codes and numbers for any view, plus ``text``,
    a default English line (what the window and the sheet show today)."""

    topic: str
    text: str
    code: str = ""  # age, edss, disease_duration, course, prior_high_efficacy
    fit: str = ""  # one of FIT_CODES
    value: float | str | None = None  # the profile's value (None: not given, or not asked)
    threshold: float | None = None  # the statement's limit, from the evidence figure below
    unit: str | None = None
    figure: str | None = None  # evidence figure name of the threshold
    checked_against: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"topic": self.topic, "code": self.code, "fit": self.fit, "value": self.value,
                "threshold": self.threshold, "unit": self.unit, "figure": self.figure,
                "checked_against": self.checked_against, "text": self.text}


@dataclass(frozen=True)
class GuidanceFit:
    short_name: str
    statement: str
    citation: str
    points: tuple[GuidancePoint, ...]
    note: str = NO_VERDICT
    id: str = NMSS  # the statement's id in the JSON (ectrims2025, nmss2021)
    source: str = GUIDANCE_SOURCES[NMSS]  # its evidence file id
    published_year: int | None = None

    def point(self, code: str) -> GuidancePoint:
        return next(p for p in self.points if p.code == code)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "short_name": self.short_name,
            "published_year": self.published_year,
            "statement": self.statement,
            "citation": self.citation,
            "points": [p.as_dict() for p in self.points],
            "note": self.note,
        }


def guidance_source(model: Model, guidance_id: str = NMSS) -> Source:
    """The evidence file of one statement, by its id (``ectrims2025`` or ``nmss2021``)."""
    try:
        return model.evidence.get(GUIDANCE_SOURCES[guidance_id])
    except KeyError:
        raise LookupError(f"unknown guidance {guidance_id!r}; known: {', '.join(GUIDANCE_SOURCES)}") from None


def guidance_fit(model: Model, profile: Profile, guidance_id: str = NMSS) -> GuidanceFit:
    """The profile beside one statement, point by point (the NMSS statement unless another is named)."""
    source = guidance_source(model, guidance_id)
    build = _ectrims_points if guidance_id == ECTRIMS else _nmss_points
    return GuidanceFit(source.short_name, source.text("statement"), source.full_citation,
                       tuple(build(model, source, profile)), id=guidance_id, source=source.id,
                       published_year=source.raw.get("published_year"))


def guidance_fits(model: Model, profile: Profile) -> tuple[GuidanceFit, ...]:
    """Both statements, newest first."""
    return tuple(guidance_fit(model, profile, guidance_id) for guidance_id in GUIDANCE_SOURCES)


def _threshold_point(source: Source, figure_name: str, code: str, topic: str, value: float | None,
                     text_value: str, note_if_not_under: str = "") -> GuidancePoint:
    figure = source.figure(figure_name)
    limit = figure.value
    if code == "disease_duration":
        limit_text = _("{limit} years", limit=f"{limit:g}")
    else:
        limit_text = f"{limit:.1f}" if code == "edss" else f"{limit:g}"
    if value is None:
        fit, text = "not_given", _("{topic} not given (guidance: under {limit})", topic=_(topic), limit=limit_text)
    else:
        fit = "under" if value < limit else "not_under"
        if fit == "under":
            text = _("{what}: under {limit}", what=text_value, limit=limit_text)
        elif note_if_not_under:
            text = _("{what}: not under {limit} ({note})", what=text_value, limit=limit_text, note=_(note_if_not_under))
        else:
            text = _("{what}: not under {limit}", what=text_value, limit=limit_text)
    return GuidancePoint(topic, text, code, fit, value, limit, figure.unit, figure_name, figure.checked_against)


def _age_point(source: Source, profile: Profile, note: str = "") -> GuidancePoint:
    return _threshold_point(source, "candidate_age_below", "age", N_("Age"), profile.age,
                            _("Age {age}", age=f"{profile.age:g}"), note)


def _duration_point(source: Source, profile: Profile) -> GuidancePoint:
    duration = profile.disease_duration_years
    text_value = "" if duration is None else _("Disease duration {years}", years=wording.years_phrase(duration))
    return _threshold_point(source, "candidate_duration_below", "disease_duration", N_("Disease duration"), duration,
                            text_value)


def _relapses_given(profile: Profile) -> str:
    relapses = profile.relapses_past_year
    if relapses is None:
        return _("relapses in the past year not given")
    return ngettext("{count} relapse in the past year", "{count} relapses in the past year", relapses)


_TYPE_OF_MS = N_("Type of MS")
_PRIOR = N_("Previous high-efficacy treatment")


def _nmss_points(model: Model, source: Source, profile: Profile) -> list[GuidancePoint]:
    edss = GuidancePoint("EDSS", _("EDSS {edss}: this guidance gives no EDSS limit", edss=f"{profile.edss:.1f}"),
                         "edss", "no_limit", profile.edss)
    prior = GuidancePoint(
        _PRIOR, _("Not asked here: the guidance speaks of MS that stays active despite high-efficacy treatment, or "
                  "of reasons not to take it. Ask the neurologist."), "prior_high_efficacy", "not_asked")
    return [_age_point(source, profile), edss, _duration_point(source, profile), _nmss_course(model, profile), prior]


def _nmss_course(model: Model, profile: Profile) -> GuidancePoint:
    name = _sentence_case(wording.course_name(profile.course))
    if profile.course not in model.relapsing_courses:
        return GuidancePoint(_TYPE_OF_MS, _("{course}: the guidance is about relapsing MS", course=name),
                             "course", "about_relapsing_only", profile.course)
    return GuidancePoint(
        _TYPE_OF_MS, _("{course}, {relapses}; the guidance speaks of substantial breakthrough activity despite "
                       "high-efficacy therapy", course=name, relapses=_relapses_given(profile)),
        "course", "about_this_type", profile.course)


def _ectrims_points(model: Model, source: Source, profile: Profile) -> list[GuidancePoint]:
    age = _age_point(source, profile, N_("the guidance says older people are judged one by one"))
    edss = _threshold_point(source, "candidate_edss_below", "edss", "EDSS", profile.edss,
                            _("EDSS {edss}", edss=f"{profile.edss:.1f}"),
                            N_("a higher score may be accepted after a recent relapse"))
    failed = source.figure("min_high_efficacy_dmts_failed")
    prior = GuidancePoint(
        _PRIOR, ngettext("Not asked here: the guidance speaks of at least {count} high-efficacy MS drug that did not "
                         "control the MS. Ask the neurologist.",
                         "Not asked here: the guidance speaks of at least {count} high-efficacy MS drugs that did not "
                         "control the MS. Ask the neurologist.", int(failed.value)),
        "prior_high_efficacy", "not_asked", None, failed.value, failed.unit, failed.name, failed.checked_against)
    return [age, edss, _duration_point(source, profile), _ectrims_course(model, source, profile), prior]


def _ectrims_course(model: Model, source: Source, profile: Profile) -> GuidancePoint:
    name = _sentence_case(wording.course_name(profile.course))
    relapses = _relapses_given(profile)
    if profile.course in model.relapsing_courses:
        return GuidancePoint(_TYPE_OF_MS, _("{course}, {relapses}. The guidance is about very active relapsing MS.",
                                            course=name, relapses=relapses),
                             "course", "about_this_type", profile.course)
    text = _("{course}, {relapses}. The guidance advises AHSCT in progressive MS only with {condition}. MRI is not "
             "asked here.", course=name, relapses=relapses, condition=source.text("progressive_requires"))
    if profile.course in ("ppms", "spms"):
        text += " " + _("It says the benefit is less clear in {course}.", course=wording.course_name(profile.course))
    return GuidancePoint(_TYPE_OF_MS, text, "course", "only_with_activity", profile.course)


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- JSON ------------------------------------------------------------------------------------

def context_dict(model: Model, profile: Profile, result: Estimate | None = None) -> dict[str, Any]:
    """The ``context`` object of ``decision-aid estimate --json``.

    ``result`` is the profile's estimate, for the two early-death rows of ``harms``; without it the
    estimate is computed here with the default draws."""
    from .harms import harms_list
    from .options import options_dict

    comparison = mist_comparison(model, profile)
    result = model.estimate(profile) if result is None else result
    return {
        "studies": [row.as_dict() for row in study_rows(model)],
        "studies_differ": STUDIES_DIFFER,
        "mist": comparison.as_dict() if comparison else None,
        "mist_not_applicable": mist_not_applicable(model, profile),
        "guidance": [fit.as_dict() for fit in guidance_fits(model, profile)],
        "options": options_dict(model, profile),
        "harms": harms_list(model, result),
    }
