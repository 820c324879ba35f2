""""Other studies": the personal estimate beside the primary study and the context cohorts.

Built once per estimate and audience from :mod:`decision_aid.context.studies` (the published
figures) and the :class:`Estimate` (both early-death eras, with equal weight: same format, same
symbol, neither called "your risk" alone). The window lays it out as two forest-style charts and a
table; the sheet prints the table. Patients read whole numbers in 100 and plain words, never a
percentage; clinicians read the published percentages with their intervals.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..context.studies import (SHARE_BY_ENTRY, SHARE_FROM_COUNTS, SHARE_PUBLISHED, EarlyMortality, OutcomeFigure,
                               StudyRow, study_rows)
from ..context.trial import TrialCounts
from ..model import Estimate, Interval, Model
from . import wording
from .audience import Audience
from .estimate_view import later_era_name, study_era_name, withheld_text
from .i18n import N_, _

#: What each measure is (a definition, not a figure).
MEASURE_LABELS = {
    "pfs": N_("Progression-free survival"),
    "dwfs": N_("Disability-worsening-free survival"),
    "neda": N_("No evidence of disease activity"),
    "progression": N_("Progression (share who progressed)"),
}

#: Each figure says which way round it is, by measure: (clinician, patient). The patient's words
#: for the share who progressed give both framings ("got worse ...; ... did not"), never
#: "stayed free of worsening" for a figure of people who got worse.
OUTCOME_WORDS = {
    "pfs": (N_("progression-free: {value} at {years} ({group})"),
            N_("stayed free of worsening and alive: {count} at {years} ({group})")),
    "dwfs": (N_("free of disability worsening: {value} at {years} ({group})"),
             N_("stayed free of worsening and alive: {count} at {years} ({group})")),
    "neda": (N_("no evidence of disease activity: {value} at {years} ({group})"),
             N_("no sign of MS activity: {count} at {years} ({group})")),
    "progression": (N_("progressed: {value} by {years} ({group})"),
                    N_("got worse: {count} by {years}; {other} did not ({group})")),
}

STUDIES_DIFFER = N_(
    "The studies differ in era, regimen, the kind of patients included (case mix) and how they define "
    "worsening (progression-free or disability-worsening-free), so their figures cannot be compared "
    "directly with each other or with your estimate. Early mortality has fallen in more recent cohorts.")
#: The same, for the patient: the same meaning in shorter sentences and plainer words.
STUDIES_DIFFER_PLAIN = N_(
    "The studies differ. They were done in different years and used different treatment plans (regimens). "
    "They took in different kinds of patients (case mix). They also measured worsening in different ways. So "
    "their numbers cannot be compared directly with each other or with your estimate. In the more recent "
    "studies, fewer people died early.")

#: Table columns: (code, clinician heading, patient heading).
COLUMNS = (
    ("study", N_("Study"), N_("Study")),
    ("design", N_("Design"), N_("Design")),
    ("years", N_("Transplants"), N_("Years treated")),
    ("patients", N_("Patients"), N_("People")),
    ("relapsing", N_("Relapsing MS"), N_("With relapsing MS")),
    ("definition", N_("Outcome definition"), N_("What was measured")),
    ("early_deaths", N_("Early deaths"), N_("Early deaths")),
    ("outcomes", N_("Results (each says which way round)"), N_("Results (each says which way round)")),
)
#: The columns the sheet prints (the design is on screen and in How calculated); each result
#: beside its outcome definition.
SHEET_COLUMNS = ("study", "patients", "relapsing", "early_deaths", "definition", "outcomes")
#: The window's columns for the patient: fewer and wider (the study's design and years go under its
#: name, the share with relapsing MS beside the number of people), so the words need no squeezing.
PATIENT_COLUMNS = ("study", "people", "definition", "early_deaths", "outcomes")
PATIENT_HEADINGS = {"people": N_("People in the study")}

#: Chart marker shapes (codes the window maps to symbols): shape, not only colour, tells them apart.
SHAPE_PERSONAL, SHAPE_WHOLE, SHAPE_RELAPSING, SHAPE_PROGRESSIVE = "star", "circle", "square", "triangle"


@dataclass(frozen=True)
class ChartPoint:
    label: str
    value: float  # a fraction; the chart shows it per 100 (or as a percentage)
    lower: float | None
    upper: float | None
    shape: str
    personal: bool = False


@dataclass(frozen=True)
class ForestView:
    title: str
    axis_label: str
    name: str  # accessible name of the chart
    points: tuple[ChartPoint, ...]


@dataclass(frozen=True)
class TableRow:
    id: str  # the study id, or "personal"
    cells: tuple[str, ...]  # in the order of StudiesView.columns
    tooltip: str  # the full citation (the personal row: how it was estimated)
    primary: bool = False  # the basis of the personal estimate
    personal: bool = False


@dataclass(frozen=True)
class StudiesView:
    audience: Audience
    heading: str
    differ: str
    you_lines: tuple[str, ...]  # the personal estimate beside the studies (both eras), or how to get it
    mortality: ForestView
    pfs: ForestView
    legend: str
    columns: tuple[tuple[str, str], ...]  # (code, heading)
    rows: tuple[TableRow, ...]  # the personal row first, when there is an estimate
    table_name: str
    table_tooltip: str
    sheet_heading: str
    sheet_columns: tuple[str, ...]  # headings of the printed table
    sheet_rows: tuple[tuple[str, ...], ...]  # the printed table: each study's figure nearest to ``years``
    years: int  # the time point compared (the study's follow-up: no extrapolation in a comparison)

    def column(self, code: str) -> int:
        return [c for c, _heading in self.columns].index(code)


# -- one study, in words -----------------------------------------------------------------------

def early_mortality_text(em: EarlyMortality, audience: Audience) -> str:
    """"2.8% (8 of 281), 95% CI 1.0% to 4.9%" for the clinician; "about 3 in 100 (8 of 281 people)"
    for the patient; "no deaths" for both."""
    if em.deaths == 0:
        return _("no deaths")
    if not audience.clinician:
        if em.pooled:
            return _("{count} (pooled over {patients} people)", count=wording.count_phrase(em.value),
                     patients=wording.number(em.patients))
        return _("{count} ({deaths} people)", count=wording.count_phrase(em.value),
                 deaths=wording.of_phrase(em.deaths, em.patients))
    percent = wording.published_percent(em.value)
    if em.pooled:
        text = _("{percent} (pooled)", percent=percent)
    else:
        text = _("{percent} ({count})", percent=percent, count=wording.of_phrase(em.deaths, em.patients))
    if em.ci:
        return _("{value}, {interval}", value=text, interval=wording.published_interval(*em.ci))
    return text


def outcome_text(outcome: OutcomeFigure, audience: Audience) -> str:
    """One figure that says which way round it is: "progression-free: 77% at 5 years (whole cohort)"
    or "got worse: about 23 in 100 by 5 years; about 77 in 100 did not (pooled)"."""
    years = wording.years_phrase(outcome.years)
    group = wording.data_text(outcome.group)
    clinician_words, patient_words = OUTCOME_WORDS[outcome.measure]
    if not audience.clinician:
        return _(patient_words, count=wording.count_phrase(outcome.value), years=years, group=group,
                 other=wording.other_side_phrase(outcome.value))
    text = _(clinician_words, value=wording.published_percent(outcome.value), years=years, group=group)
    if outcome.ci:
        return _("{value}; {interval}", value=text, interval=wording.published_interval(*outcome.ci))
    return text


def outcome_label(outcome: OutcomeFigure) -> str:
    """"Disability-worsening-free survival, progressive, at 5 years"."""
    return _("{measure}, {group}, at {years}", measure=_(MEASURE_LABELS[outcome.measure]),
             group=wording.data_text(outcome.group),
             years=wording.years_phrase(outcome.years))


def trial_findings(counts: TrialCounts, audience: Audience) -> str:
    """The randomised trial's progression counts as a table cell (it reports counts, not a survival figure)."""
    hsct = wording.of_phrase(counts.hsct_progressed, counts.hsct_patients)
    dmt = wording.of_phrase(counts.dmt_progressed, counts.dmt_patients)
    years = wording.years_phrase(counts.follow_up_years)
    if audience.clinician:
        return _("Progressed: {hsct} after HSCT vs {dmt} on a DMT (median follow-up {years})", hsct=hsct, dmt=dmt,
                 years=years)
    return _("Got worse: {hsct} people after HSCT, {dmt} on another MS drug (typical follow-up {years})",
             hsct=hsct, dmt=dmt, years=years)


def outcomes_text(row: StudyRow, audience: Audience, years: float | None = None) -> str:
    """The outcome cell: every figure, or with ``years`` each subgroup's figure nearest to that time."""
    if not row.outcomes:
        return trial_findings(row.trial, audience) if row.trial else _("not reported")
    outcomes = row.outcomes if years is None else row.nearest_outcomes(years)
    return _("; ").join(outcome_text(o, audience) for o in outcomes)


def relapsing_text(row: StudyRow, audience: Audience) -> str:
    share = row.relapsing
    if share.basis == SHARE_BY_ENTRY:
        return _("all (entry criterion: relapsing-remitting MS)") if audience.clinician else _(
            "all (the trial took only people with relapsing-remitting MS)")
    if share.share is None:
        return _("not reported")
    amount = wording.percent(share.share, 0) if audience.clinician else wording.count_phrase(share.share)
    if share.basis == SHARE_PUBLISHED:
        return _("{share} ({of})", share=amount, of=wording.data_text(share.of)) if share.of else amount
    count = wording.of_phrase(share.relapsing, share.known)
    if share.follow_up_only:
        return _("{share} ({count} with neurological follow-up)", share=amount, count=count)
    return _("{share} ({count})", share=amount, count=count)


def study_label(row: StudyRow) -> str:
    return _("{label} (basis of your estimate)", label=row.label) if row.is_primary else row.label


# -- the personal estimate beside them ----------------------------------------------------------

def _eras(result: Estimate):
    return ((result.early_mortality, result.early_mortality_source, True),
            (result.early_mortality_recent, result.early_mortality_recent_source, False))


def era_label(source, primary: bool) -> str:
    label = wording.sentence_case(_(source.label))
    return _("{label} (the study)", label=label) if primary else label


def interval_text(interval: Interval, audience: Audience) -> str:
    if audience.clinician:
        return wording.interval_percent(interval)
    return _("{count} ({range})", count=wording.count_phrase(interval.estimate), range=wording.range_phrase(interval))


def you_lines(result: Estimate | None, years: int, audience: Audience) -> tuple[str, ...]:
    if result is None:
        return (_("Enter a profile to see your personal estimate beside the studies."),)
    days = result.early_mortality_days
    lines = [_("Death within {days} days, estimated for your EDSS score:", days=days) if not audience.clinician
             else _("Personal estimate, death within {days} days (adjusted for EDSS only):", days=days)]
    lines += [_("{era}: {value}", era=era_label(source, primary), value=interval_text(interval, audience))
              for interval, source, primary in _eras(result)]
    lines.append(_("Alive without worsening at {years} years:", years=years))
    lines += [_("{era}: {value}", era=era, value=value) for era, value in pfs_eras(result, years, audience)]
    return tuple(lines)


def pfs_eras(result: Estimate, years: int, audience: Audience) -> list[tuple[str, str]]:
    """(era, value) for alive without worsening at ``years`` in both eras; the later cohorts' value
    is the reason it is not shown where R6 withholds it."""
    recent = (withheld_text(result) if result.pfs_recent_at is None
              else interval_text(result.pfs_recent_at[years], audience))
    return [(study_era_name(result), interval_text(result.pfs_at[years], audience)), (later_era_name(), recent)]


def _personal_row(result: Estimate, years: int, audience: Audience, columns: tuple[str, ...]) -> TableRow:
    days = result.early_mortality_days
    early = " ".join(_("{era}: {value}.", era=era_label(source, primary), value=interval_text(interval, audience))
                     for interval, source, primary in _eras(result))
    cells = {
        "study": _("You (personal estimate)"),
        "design": _("Modelled from the study (see How calculated)"),
        "years": "",
        "patients": "",
        "relapsing": "",
        "people": "",
        "definition": _("Death within {days} days (for your EDSS score); alive without disability worsening",
                        days=days),
        "early_deaths": early,
        "outcomes": _("At {years} years: {values}", years=years, values=" ".join(
            _("{era}: {value}.", era=era, value=value) for era, value in pfs_eras(result, years, audience))),
    }
    return TableRow("personal", tuple(cells[c] for c in columns), wording.people_like_you(), personal=True)


# -- the charts ---------------------------------------------------------------------------------

def _shape(group: str) -> str:
    for word, shape in (("relapsing", SHAPE_RELAPSING), ("progressive", SHAPE_PROGRESSIVE)):
        if word in group:
            return shape
    return SHAPE_WHOLE


def mortality_points(rows: tuple[StudyRow, ...], result: Estimate | None) -> tuple[ChartPoint, ...]:
    points = []
    if result is not None:
        for interval, source, primary in _eras(result):  # both eras: the same symbol, size and colour
            points.append(ChartPoint(_("You, {era}", era=_(source.label)), interval.estimate, interval.lower,
                                     interval.upper, SHAPE_PERSONAL, True))
    for row in rows:
        em = row.early_mortality
        lower, upper = em.ci if em.ci else (None, None)
        points.append(ChartPoint(row.label, em.value, lower, upper, SHAPE_WHOLE))
    return tuple(points)


def pfs_points(rows: tuple[StudyRow, ...], result: Estimate | None, years: int) -> tuple[ChartPoint, ...]:
    """The personal estimate at ``years`` (the study's follow-up) and each study's figure nearest to it."""
    points = []
    if result is not None:  # both eras (the later one unless R6 withholds it): the same symbol, size and colour
        for at, era in ((result.pfs_at, _("the study")), (result.pfs_recent_at, _("later cohorts"))):
            if at is not None:
                pfs = at[years]
                points.append(ChartPoint(_("You, {era}, {years} y", era=era, years=years), pfs.estimate, pfs.lower,
                                         pfs.upper, SHAPE_PERSONAL, True))
    for row in rows:
        for outcome in row.nearest_outcomes(years, charted_only=True):
            lower, upper = outcome.ci if outcome.ci else (None, None)
            points.append(ChartPoint(_("{study}: {group}, {years} y", study=row.label,
                                       group=wording.data_text(outcome.group),
                                       years=wording.number(outcome.years)),
                                     outcome.value, lower, upper, _shape(outcome.group)))
    return tuple(points)


def legend_text(rows: tuple[StudyRow, ...], result: Estimate | None) -> str:
    if result is None:
        return _("\u25cf circle = whole study; \u25a0 square = relapsing group; \u25b2 triangle = progressive group; "
                 "lines = 95% interval where published. MIST reports counts, not a survival percentage (see the table).")
    return _("\u2605 star = you (personal estimates for both eras, shown the same way: from {study} and from the "
             "later cohorts); "
             "\u25cf circle = whole study; \u25a0 square = relapsing group; \u25b2 triangle = progressive group; "
             "lines = 95% interval where published. MIST reports counts, not a survival percentage (see the table).",
             study=rows[0].label)


# -- the view -----------------------------------------------------------------------------------

def studies_view(model: Model, result: Estimate | None, audience: Audience | str) -> StudiesView:
    audience = Audience.parse(audience)
    clinician = audience.clinician
    rows = study_rows(model)
    years = min(model.horizons)  # the study's follow-up: no extrapolation in a comparison
    all_headings = {code: _(clinician_heading if clinician else patient_heading)
                    for code, clinician_heading, patient_heading in COLUMNS}
    all_headings.update({code: _(text) for code, text in PATIENT_HEADINGS.items()})
    codes = tuple(code for code, *_headings in COLUMNS) if clinician else PATIENT_COLUMNS
    headings = tuple((code, all_headings[code]) for code in codes)
    table: list[TableRow] = [] if result is None else [_personal_row(result, years, audience, codes)]
    sheet: list[tuple[str, ...]] = []
    if result is not None:
        personal = _personal_row(result, years, audience, SHEET_COLUMNS)
        sheet.append(personal.cells)
    for row in rows:
        cells = {
            "study": wording.data_text(row.short_name) if not row.is_primary
            else _("{name} \u2014 basis of your estimate", name=wording.data_text(row.short_name)),
            "design": wording.data_text(row.design),
            "years": wording.data_text(row.transplant_years),
            "patients": wording.number(row.patients),
            "relapsing": relapsing_text(row, audience),
            "definition": wording.data_text(row.outcome_definition),
            "early_deaths": early_mortality_text(row.early_mortality, audience),
            "outcomes": outcomes_text(row, audience),
        }
        cells["people"] = _("{patients}; with relapsing MS: {relapsing}", patients=cells["patients"],
                            relapsing=cells["relapsing"])
        if not clinician:
            cells["study"] = _("{study}\n{design}; treated: {years}", study=cells["study"], design=cells["design"],
                               years=cells["years"])
        table.append(TableRow(row.id, tuple(cells[c] for c in codes), row.citation, primary=row.is_primary))
        sheet.append((study_label(row), wording.number(row.patients), cells["relapsing"], cells["early_deaths"],
                      cells["definition"], outcomes_text(row, audience, years)))
    unit = _("%") if clinician else _("people in 100")
    return StudiesView(
        audience=audience,
        heading=_("Other studies"),
        differ=_(STUDIES_DIFFER) if clinician else _(STUDIES_DIFFER_PLAIN),
        you_lines=you_lines(result, years, audience),
        mortality=ForestView(_("Early deaths after transplant (as each study reports them; see the table)"),
                             _("Early deaths ({unit})", unit=unit),
                             _("Chart: early deaths in each study and for you"), mortality_points(rows, result)),
        pfs=ForestView(_("Alive without worsening at {years} years (or the nearest time reported)", years=years),
                       _("Alive without worsening ({unit})", unit=unit),
                       _("Chart: progression-free or worsening-free survival in each study and for you"),
                       pfs_points(rows, result, years)),
        legend=legend_text(rows, result),
        columns=headings,
        rows=tuple(table),
        table_name=_("Table of the studies"),
        table_tooltip=_("One row per study: design, years, patients, share with relapsing MS, outcome definition, "
                        "early deaths and results, each saying which way round it is"),
        sheet_heading=_("Other studies (not part of your estimate)"),
        sheet_columns=tuple(all_headings[code] for code in SHEET_COLUMNS),
        sheet_rows=tuple(sheet),
        years=years,
    )
