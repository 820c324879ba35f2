"""The estimate as every view shows it: built once per result and audience, then laid out by the
window, painted on the sheet and printed by the command line.

The order follows the decision: who the patient is, the early cost (death within 100 days, in
two eras with equal weight), then the benefit over years, then what qualifies the numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .. import __version__, palette
from ..model import Estimate, Interval, SourceLabel
from . import wording
from .audience import Audience
from .graphics import Glyph, IconArray, LegendEntry, Mark
from .i18n import _
from .notes import NoteView, note_view


@dataclass(frozen=True)
class OutcomeCard:
    """One outcome in the same format everywhere: a heading, the count in words both ways round,
    the range, an icon array of 100 with its legend, and a text alternative for screen readers."""

    key: str
    heading: str
    headline: str
    other_side: str
    range_text: str
    icons: IconArray
    legend: tuple[LegendEntry, ...]
    text_alternative: str


@dataclass(frozen=True)
class EarlyDeathView:
    """Death within 100 days in two eras, side by side with equal weight (A7): never averaged,
    neither called "your risk" alone; then what the figure takes into account (EDSS only: MODEL.md O2)."""

    heading: str
    cards: tuple[OutcomeCard, OutcomeCard]
    risk_line: str
    notes: tuple[NoteView, ...]
    legend: tuple[LegendEntry, ...] = ()  # one for both arrays on paper: what each glyph means, no count


@dataclass(frozen=True)
class YearRow:
    year: int
    estimate: str  # "about 60 in 100" or "60.2%"
    range: str
    extrapolated: bool
    number: str  # the bare number for a compact table: "60" (in 100) or "60.2" (percent)
    lower: str  # the range's ends as bare whole numbers, percent and in 100 alike: "47" and "80" ("<1", ">99")
    upper: str
    in_hundred: str  # the estimate in whole people out of 100 ("60"), for either audience


@dataclass(frozen=True)
class ChartSeries:
    key: str  # personal, band, extrapolated, average, relapsing, progressive
    label: str


@dataclass(frozen=True)
class ChartView:
    """The progression-free curve: values as fractions on the model's grid, and every word."""

    title: str
    x_label: str
    y_label: str
    y_ticks: tuple[tuple[float, str], ...]
    times: np.ndarray
    estimate: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    average: np.ndarray
    relapsing: np.ndarray
    progressive: np.ndarray
    extrapolated_after: float
    horizon: int
    marker_value: float
    marker_label: str
    region_label: str
    series: tuple[ChartSeries, ...]
    clinician: bool
    description: str  # the yearly values in words, for screen readers

    @property
    def extrapolating(self) -> bool:
        return self.horizon > self.extrapolated_after

    def label(self, key: str) -> str:
        return next(s.label for s in self.series if s.key == key)

    def point_text(self, years: float) -> str | None:
        """What the chart says at the grid time nearest ``years`` (hover and keyboard), made when
        asked so that building the view on every keystroke stays cheap."""
        if not 0 <= years <= self.horizon:
            return None
        i = int(np.argmin(np.abs(self.times - years)))
        time = float(self.times[i])
        interval = Interval(float(self.estimate[i]), float(self.lower[i]), float(self.upper[i]))
        return wording.curve_value_text(time, interval, self.clinician, time > self.extrapolated_after)


@dataclass(frozen=True)
class EstimateView:
    audience: Audience
    profile: str
    people_like_you: str
    general_notes: tuple[NoteView, ...]
    early: EarlyDeathView
    pfs: OutcomeCard
    pfs_notes: tuple[NoteView, ...]
    survival: OutcomeCard
    chart: ChartView
    years: tuple[YearRow, ...]
    years_heading: str
    details_heading: str  # over the hazard ratios; empty for the patient
    clinician_details: tuple[str, ...]  # hazard ratios and this profile's multiplier; empty for the patient
    versions: str
    citation: str


def legend(icons: IconArray, outcome: str, other: str) -> tuple[LegendEntry, ...]:
    """Each glyph with the number of people it stands for: the whole range, said in the same
    words by the text alternative (:func:`text_alternative`)."""
    total = wording.DENOMINATOR
    solid = (_("at least {count} {outcome}", count=icons.solid, outcome=outcome) if icons.solid else
             _("none solid: the range starts below 1 in {total}", total=total))
    empty = (_("at least {count} {other}", count=icons.empty, other=other) if icons.empty else
             _("none outlined: the range ends above {count} in {total}", count=total - 1, total=total))
    return (LegendEntry(Glyph.OUTCOME, solid),
            LegendEntry(Glyph.UNCERTAIN, _("possible: up to {count} in all (the range)", count=icons.upper)),
            LegendEntry(Glyph.OTHER, empty))


def shared_legend(outcome: str, other: str) -> tuple[LegendEntry, ...]:
    """What each glyph means, for arrays side by side (the sheet's two eras): their counts are in
    each card's words ("between 2 and 7 in 100": solid up to 2, possible up to 7)."""
    return (LegendEntry(Glyph.OUTCOME, outcome), LegendEntry(Glyph.UNCERTAIN, _("possible (the range)")),
            LegendEntry(Glyph.OTHER, other))


def icons_for(interval: Interval, color: str, mark: Mark) -> IconArray:
    """The whole range: solid up to its lower end, "possible" up to its upper end (whole
    percentages, as the range is said in words); the point is said in the words beside it."""
    return IconArray(wording.end_in_hundred(interval.lower), wording.end_in_hundred(interval.upper), color, mark)


def range_text(interval: Interval, audience: Audience, named: Callable[[str], str]) -> str:
    """The patient's range in words; for the clinician, the percentage and its 95% interval in a
    sentence that names the outcome (``named``), so that the window and the sheet both say which
    outcome the percentage is."""
    if not audience.clinician:
        return wording.interval_in_words(interval)
    return named(wording.interval_percent(interval))


def text_alternative(entries: tuple[LegendEntry, ...]) -> str:
    """What a screen reader says for the array: the legend's own words, glyph by glyph."""
    solid, possible, empty = (entry.text for entry in entries)
    return _("Icon array of 100 people. Solid: {solid}. Half filled: {possible}. Outline: {empty}.", solid=solid,
             possible=possible, empty=empty)


def early_card(key: str, interval: Interval, source: SourceLabel, primary: bool, days: int,
               audience: Audience) -> OutcomeCard:
    label = wording.sentence_case(_(source.label))
    heading = _("{label} (the study)", label=label) if primary else label
    icons = icons_for(interval, palette.EARLY_DEATH, Mark.CROSS)
    entries = legend(icons, _("died within {days} days", days=days), _("alive after {days} days", days=days))
    return OutcomeCard(
        key=key,
        heading=heading,
        headline=wording.early_death_sentence(interval, days),
        other_side=wording.early_death_other_side(interval, days),
        range_text=range_text(interval, audience,
                              lambda value: _("Death within {days} days: {value}", days=days, value=value)),
        icons=icons,
        legend=entries,
        text_alternative=text_alternative(entries),
    )


def pfs_card(interval: Interval, years: int, audience: Audience) -> OutcomeCard:
    icons = icons_for(interval, palette.STABLE, Mark.TICK)
    entries = legend(icons, _("alive, no worsening at {years} years", years=years), _("worsened or died"))
    return OutcomeCard(
        key="pfs",
        heading=_("Alive without disability worsening at {years} years", years=years),
        headline=wording.pfs_sentence(interval, years),
        other_side=wording.pfs_other_side(interval, years),
        range_text=range_text(interval, audience, lambda value: _(
            "Progression-free survival at {years} years: {value}", years=years, value=value)),
        icons=icons,
        legend=entries,
        text_alternative=text_alternative(entries),
    )


def survival_card(interval: Interval, years: int, audience: Audience) -> OutcomeCard:
    icons = icons_for(interval, palette.PERSONAL, Mark.TICK)
    entries = legend(icons, _("alive at {years} years", years=years), _("had died"))
    return OutcomeCard(
        key="survival",
        heading=_("Alive at {years} years", years=years),
        headline=wording.survival_sentence(interval, years),
        other_side=wording.survival_other_side(interval, years),
        range_text=range_text(interval, audience, lambda value: _(
            "Overall survival at {years} years: {value}", years=years, value=value)),
        icons=icons,
        legend=entries,
        text_alternative=text_alternative(entries),
    )


def early_view(result: Estimate, notes: tuple[NoteView, ...], audience: Audience) -> EarlyDeathView:
    days = result.early_mortality_days
    cards = (
        early_card("early_study", result.early_mortality, result.early_mortality_source, True, days, audience),
        early_card("early_recent", result.early_mortality_recent, result.early_mortality_recent_source, False,
                   days, audience),
    )
    return EarlyDeathView(
        heading=_("Death within {days} days of transplant", days=days),
        cards=cards,
        # MODEL.md O2: the early-death figure takes into account EDSS only, and must say so near it
        risk_line=_("This figure takes into account your EDSS, not your age, type of MS or previous treatments. "
                    "Early risk was higher in older people."),
        notes=notes,
        legend=shared_legend(_("died within {days} days", days=days), _("alive after {days} days", days=days)),
    )


def chart_view(result: Estimate, audience: Audience) -> ChartView:
    curve = result.pfs
    cut = curve.extrapolated_after
    five = result.pfs_5y
    patient = not audience.clinician
    ticks = tuple((v / 100, str(v) if patient else wording.percent(v / 100, 0)) for v in range(0, 101, 20))
    series = [ChartSeries("personal", _("People like you (estimate)")),
              ChartSeries("band", _("95% interval (range)") if not patient else
                          _("Range: where the true number probably is"))]  # patients: no percentages
    if result.horizon_years > cut:
        series.append(ChartSeries("extrapolated", _("Extrapolated beyond {years} years", years=wording.number(cut))))
    series += [ChartSeries("average", _("Average patient in the study")),
               ChartSeries("relapsing", _("Study: relapsing MS")),
               ChartSeries("progressive", _("Study: progressive MS"))]
    clinician = audience.clinician
    yearly = "; ".join(wording.curve_value_text(float(year), interval, clinician, year > cut)
                       for year, interval in result.pfs_at.items())
    return ChartView(
        title=_("Alive without disability worsening over the years"),
        x_label=_("Years after transplant"),
        y_label=_("People in 100") if patient else _("% alive without worsening"),
        y_ticks=ticks,
        times=curve.times, estimate=curve.estimate, lower=curve.lower, upper=curve.upper,
        average=result.reference.average_patient, relapsing=result.reference.relapsing,
        progressive=result.reference.progressive,
        extrapolated_after=cut,
        horizon=result.horizon_years,
        marker_value=five.estimate,
        marker_label=_("{count}\nat {years} years", count=wording.point_label(five.estimate, clinician),
                       years=wording.number(cut)),
        region_label=_("after {years} years: extrapolated", years=wording.number(cut)),
        series=tuple(series),
        clinician=clinician,
        description=_("Alive without disability worsening. {values}", values=yearly),
    )


def year_rows(result: Estimate, audience: Audience) -> tuple[YearRow, ...]:
    cut = result.pfs.extrapolated_after
    rows = []
    for year, interval in result.pfs_at.items():
        count = str(wording.in_hundred(interval.estimate))
        if audience.clinician:
            estimate, span = wording.percent(interval.estimate), wording.span_percent(interval)
            number = wording.point_number(interval.estimate)
        else:
            estimate, span = wording.count_phrase(interval.estimate), wording.range_phrase(interval)
            number = count
        rows.append(YearRow(year, estimate, span, year > cut, number, wording.end_number(interval.lower),
                            wording.end_number(interval.upper), count))
    return tuple(rows)


def clinician_details(result: Estimate, model) -> tuple[str, ...]:
    """The hazard ratios behind the estimate (from the primary source), then this profile's
    multiplier, which combines them; shown under :attr:`EstimateView.details_heading`."""
    rows = (("hr_pfs_age", _("progression")), ("hr_pfs_prior_dmts", _("progression")),
            ("hr_os_edss", _("early deaths and survival")),
            # the model does not use this ratio; it derives its own progressive curve (assumption A2)
            ("hr_pfs_progressive", _("progression; context only, {assumption}", assumption="A2")))
    lines = []
    for name, outcome in rows:
        figure = model.study.figures[name]
        lines.append(_("{what} ({outcome}): hazard ratio {ratio}", what=wording.sentence_case(wording.data_text(figure.unit)),
                       outcome=outcome, ratio=wording.hazard_ratio_text(figure.value, figure.ci)))
    lines.append(_("Progression hazard multiplier for this profile: {value} (relative to the average person in the "
                   "{group} group of the study)", value=wording.number(result.hazard_multiplier, 2),
                   group=_("relapsing") if result.group == "relapsing" else _("progressive")))
    return tuple(lines)


def versions_line(result: Estimate) -> str:
    return _("decision-aid {program}; model {model}; evidence {evidence} (checksum {checksum}); {draws} draws, "
             "seed {seed}", program=__version__, model=result.model_version, evidence=result.evidence_version,
             checksum=result.evidence_checksum[:12], draws=result.draws, seed=result.seed)


def estimate_view(result: Estimate, audience: Audience | str, model) -> EstimateView:
    """Everything the estimate screen and the sheet's first page say, for one audience."""
    audience = Audience.parse(audience)
    notes = [note_view(n) for n in result.warnings + result.caveats]
    years = int(result.pfs.extrapolated_after)
    return EstimateView(
        audience=audience,
        profile=wording.profile_sentence(result.profile),
        people_like_you=wording.people_like_you(),
        general_notes=tuple(n for n in notes if n.qualifies == "all"),
        early=early_view(result, tuple(n for n in notes if n.qualifies == "early_mortality"), audience),
        pfs=pfs_card(result.pfs_5y, years, audience),
        pfs_notes=tuple(n for n in notes if n.qualifies == "pfs"),
        survival=survival_card(result.overall_survival_5y, years, audience),
        chart=chart_view(result, audience),
        years=year_rows(result, audience),
        years_heading=_("Alive without disability worsening, year by year"),
        details_heading=_("Hazard ratios (primary source)") if audience.clinician else "",
        clinician_details=clinician_details(result, model) if audience.clinician else (),
        versions=versions_line(result),
        citation=result.primary_citation,
    )
