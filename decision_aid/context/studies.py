"""The primary study and the context cohorts, with their published figures (codes and numbers).

Every figure is read from the evidence files; context studies are shown beside the personal
estimate and never blended into it. The words ("no deaths", "about 2 in 100", what each measure
means) are made by :mod:`decision_aid.present.studies_view`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..evidence import Source
from ..model import Model
from .trial import TrialCounts, has_entry_criteria, trial_counts

#: What the name prefix of an outcome figure measures (codes; the words are in the presentation layer).
MEASURES = ("pfs", "dwfs", "neda", "progression")
#: Measures of staying free of disability worsening: only these sit on the chart beside the
#: personal estimate. No evidence of disease activity is a stricter measure, and the share who
#: progressed counts the other way round; they are shown in the table with their definitions.
CHARTED_MEASURES = ("pfs", "dwfs")
#: Measures that count the people who got worse (the others count those who stayed free of it):
#: every figure says which way round it is (Sormani 2017's pooled progression is "got worse").
WORSENED_MEASURES = ("progression",)

#: How a study's share with relapsing MS is known.
SHARE_PUBLISHED, SHARE_FROM_COUNTS, SHARE_BY_ENTRY, SHARE_NOT_REPORTED = (
    "share", "counts", "entry_criterion", "not_reported")


@dataclass(frozen=True)
class EarlyMortality:
    deaths: int | None  # None where only a pooled share is published (a meta-analysis)
    patients: int
    value: float
    ci: tuple[float, float] | None
    definition: str  # data text from the evidence file

    @property
    def pooled(self) -> bool:
        return self.deaths is None


@dataclass(frozen=True)
class OutcomeFigure:
    """One published progression-free (or similar) figure at one time point."""

    figure: str  # evidence figure name
    measure: str  # one of MEASURES
    group: str  # data text from the evidence file ("relapsing-remitting", "whole cohort", ...)
    charted: bool  # a measure of staying free of worsening (see CHARTED_MEASURES)
    years: float
    value: float
    ci: tuple[float, float] | None

    @property
    def counts_worsened(self) -> bool:
        """The figure counts people who got worse (not those who stayed free of it)."""
        return self.measure in WORSENED_MEASURES


@dataclass(frozen=True)
class RelapsingShare:
    """The share of a study's patients with relapsing MS, and how it is known (``basis``)."""

    basis: str  # SHARE_PUBLISHED, SHARE_FROM_COUNTS, SHARE_BY_ENTRY or SHARE_NOT_REPORTED
    share: float | None
    relapsing: float | None = None  # with SHARE_FROM_COUNTS: relapsing patients ...
    known: float | None = None  # ... of this many whose type of MS is reported
    follow_up_only: bool = False  # the counts are of those with neurological follow-up only
    of: str = ""  # with SHARE_PUBLISHED: of whom, as the figure's notes say ("34 of the 41 analysed")


@dataclass(frozen=True)
class StudyRow:
    id: str
    short_name: str
    citation: str
    design: str
    transplant_years: str
    published_year: int | None
    patients: int
    relapsing: RelapsingShare
    outcome_definition: str
    early_mortality: EarlyMortality
    outcomes: tuple[OutcomeFigure, ...]
    trial: TrialCounts | None  # the randomised trial's progression counts (MIST), else None
    is_primary: bool

    @property
    def label(self) -> str:
        """A short label for chart rows: first author and year, plus the trial's name (names only)."""
        author = self.citation.split()[0]
        year = f" {self.published_year}" if self.published_year else ""
        trial = " (MIST)" if self.trial else ""
        return f"{author}{year}{trial}"

    @property
    def relapsing_share(self) -> float | None:
        return self.relapsing.share

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
        """Codes and numbers; the presentation layer adds the texts (``decision-aid estimate --json``)."""
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
            "relapsing_share": self.relapsing.share,
            "outcome_definition": self.outcome_definition,
            "primary": self.is_primary,
            "early_mortality": {
                "deaths": em.deaths, "patients": em.patients, "value": em.value,
                "ci": list(em.ci) if em.ci else None, "definition": em.definition,
            },
            "outcomes": [
                {"figure": o.figure, "group": o.group, "years": o.years, "value": o.value,
                 "ci": list(o.ci) if o.ci else None, "counts": "got_worse" if o.counts_worsened else "free_of"}
                for o in self.outcomes
            ],
        }


def context_sources(model: Model) -> tuple[Source, ...]:
    """The primary source first, then the context studies by year of publication."""
    context = sorted(model.evidence.by_role("context"), key=lambda s: (s.raw.get("published_year", 0), s.id))
    return (model.study, *context)


def study_rows(model: Model) -> tuple[StudyRow, ...]:
    return tuple(_study_row(model, source) for source in context_sources(model))


def _study_row(model: Model, source: Source) -> StudyRow:
    patients = int(source.value("patients"))
    deaths = int(source.value("early_deaths")) if "early_deaths" in source.figures else None
    definition = source.text("early_mortality_definition")
    if "early_mortality" in source.figures:
        fig = source.figure("early_mortality")
        mortality = EarlyMortality(deaths, patients, fig.value, fig.ci, definition)
    else:
        mortality = EarlyMortality(deaths, patients, deaths / patients, None, definition)
    return StudyRow(
        id=source.id,
        short_name=source.short_name,
        citation=source.full_citation,
        design=source.text("design"),
        transplant_years=source.text("transplant_years"),
        published_year=source.raw.get("published_year"),
        patients=patients,
        relapsing=_relapsing_share(source, patients),
        outcome_definition=source.text("outcome_definition"),
        early_mortality=mortality,
        outcomes=tuple(_outcome(source, item) for item in source.raw.get("outcomes", ())),
        trial=trial_counts(source) if has_entry_criteria(source) else None,
        is_primary=source.id == model.study.id,
    )


def _relapsing_share(source: Source, patients: int) -> RelapsingShare:
    if "relapsing_share" in source.figures:
        figure = source.figure("relapsing_share")
        return RelapsingShare(SHARE_PUBLISHED, figure.value, of=figure.notes)
    if "relapsing_patients" in source.figures and "progressive_patients" in source.figures:
        relapsing = source.value("relapsing_patients")
        known = relapsing + source.value("progressive_patients")
        return RelapsingShare(SHARE_FROM_COUNTS, relapsing / known, relapsing, known, known != patients)
    courses = source.raw.get("eligibility", {}).get("course")
    if courses and all(c in ("rrms",) for c in courses):
        return RelapsingShare(SHARE_BY_ENTRY, 1.0)
    return RelapsingShare(SHARE_NOT_REPORTED, None)


def _outcome(source: Source, item: dict) -> OutcomeFigure:
    fig = source.figure(item["figure"])
    prefix = item["figure"].split("_", 1)[0]
    if prefix not in MEASURES:
        raise LookupError(f"{source.file_name}: outcome figure {item['figure']!r} measures nothing known")
    return OutcomeFigure(item["figure"], prefix, item["group"], prefix in CHARTED_MEASURES, float(item["years"]),
                         fig.value, fig.ci)
