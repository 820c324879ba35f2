"""The estimate as every view shows it: built once per result and audience, then laid out by the
window, painted on the sheet and printed by the command line.

The order follows the decision: who the patient is, the early cost (death within 100 days, in
two eras with equal weight), then the benefit over years (alive without disability worsening, in
two eras: the study's transplants of 1995 to 2006 and the later cohorts), and being alive at 5
years (two eras), then what qualifies the numbers. The two eras are never averaged (A7); where
MODEL.md R6 withholds the later cohorts' curve, its place says why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from .. import __version__, palette
from ..model import Curve, Estimate, Interval, SourceLabel
from . import wording
from .audience import Audience
from .graphics import Glyph, IconArray, LegendEntry, Mark
from .i18n import N_, _
from .notes import NoteView, note_view, recent_withheld_text

#: The later cohorts' era as the cards, the chart and the tables name it (the model's own label, with
#: the years they were published, is printed in How calculated).
LATER_COHORTS = N_("later cohorts: Italy, Sweden, UK, a US trial")
STUDY, RECENT = "study", "recent"


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
class EraPairView:
    """One outcome at 5 years in two eras, side by side in the same format as the two early-death
    eras (an :class:`OutcomeCard` each, equal weight, never averaged): the study's first, then the
    later one. Where MODEL.md R6 withholds the later figure, ``withheld`` says why in its place
    (under ``withheld_heading``, the later era's name) and ``cards`` holds the study's only."""

    key: str  # "pfs" or "survival"
    heading: str
    cards: tuple[OutcomeCard, ...]
    withheld_heading: str = ""
    withheld: str = ""
    line: str = ""  # said plainly beside the cards (A16 at EDSS 9.0 and 9.5), or ""
    notes: tuple[NoteView, ...] = ()
    legend: tuple[LegendEntry, ...] = ()  # one for both arrays on paper: what each glyph means, no count

    @property
    def study(self) -> OutcomeCard:
        return self.cards[0]

    @property
    def recent(self) -> OutcomeCard | None:
        return self.cards[1] if len(self.cards) > 1 else None


@dataclass(frozen=True)
class YearRow:
    year: int
    estimate: str  # "about 60 in 100" or "60.2%"
    range: str
    extrapolated: bool  # the study's curve beyond 5 years (A5)
    number: str  # the bare number for a compact table: "60" (in 100) or "60.2" (percent)
    lower: str  # the range's ends as bare whole numbers, percent and in 100 alike: "47" and "80" ("<1", ">99")
    upper: str
    in_hundred: str  # the estimate in whole people out of 100 ("60"), for either audience
    one_cohort: bool = False  # the later cohorts' curve beyond 5 years rests on one cohort (A20)
    marked: str = ""  # the estimate with its mark in words where it has one ("about 66 in 100 - extrapolated")


@dataclass(frozen=True)
class ChartSeries:
    key: str  # study, study_tail, recent, recent_tail, band, or a reference line's key
    label: str


@dataclass(frozen=True)
class EraCurve:
    """One era's personal curve with its 95% band, as fractions on the chart's grid. The line keeps
    its style up to ``changes_after`` and changes it beyond (the study's: extrapolated, A5; the later
    cohorts': from one cohort, A20); ``line`` ("solid" or "dashed") tells the eras apart without colour."""

    key: str  # "study" or "recent"
    label: str
    short: str  # "the study" or "later cohorts", beside a number
    estimate: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    changes_after: float
    tail_label: str
    tail_mark: str  # after the value in a read-out beyond ``changes_after``: "extrapolated" or "from one cohort"
    line: str
    color: str
    marker_value: float  # at 5 years
    marker_text: str  # "80 in 100" (patient) or "79.8%" (clinician)


@dataclass(frozen=True)
class ReferenceLine:
    """A group curve for comparison only, drawn on request (never by default: a new user read
    "average patient in the study" as "without AHSCT")."""

    key: str  # average, relapsing, progressive, recent_relapsing, recent_progressive
    label: str
    values: np.ndarray


@dataclass(frozen=True)
class ChartView:
    """Alive without disability worsening over the years: both eras' personal curves with their
    bands (the later one withheld where R6 says so, with the reason), the group reference lines
    available, and every word."""

    title: str
    x_label: str
    y_label: str
    y_ticks: tuple[tuple[float, str], ...]
    times: np.ndarray
    curves: tuple[EraCurve, ...]  # the study's first
    withheld: str  # in the later curve's place (R6), or ""
    references: tuple[ReferenceLine, ...]
    extrapolated_after: float
    horizon: int
    marker_label: str  # "At 5 years:", then each era's value, the higher first (as the rings stand), a line each
    region_label: str  # over the years beyond 5
    region_short: str  # the same on paper, where the chart is small: "after 5 years" (the legend says the rest)
    series: tuple[ChartSeries, ...]
    clinician: bool
    description: str  # the yearly values of both eras in words, for screen readers

    @property
    def extrapolating(self) -> bool:
        return self.horizon > self.extrapolated_after

    @property
    def study(self) -> EraCurve:
        return self.curves[0]

    @property
    def recent(self) -> EraCurve | None:
        return self.curves[1] if len(self.curves) > 1 else None

    def label(self, key: str) -> str:
        return next(s.label for s in self.series if s.key == key)

    def reference(self, key: str) -> ReferenceLine | None:
        return next((r for r in self.references if r.key == key), None)

    def point_text(self, years: float) -> str | None:
        """What the chart says at the grid time nearest ``years`` (hover and keyboard), for both
        eras, made when asked so that building the view on every keystroke stays cheap."""
        if not 0 <= years <= self.horizon:
            return None
        i = int(np.argmin(np.abs(self.times - years)))
        time = float(self.times[i])
        values = []
        for curve in self.curves:
            interval = Interval(float(curve.estimate[i]), float(curve.lower[i]), float(curve.upper[i]))
            mark = curve.tail_mark if time > curve.changes_after else ""
            values.append(_("{era}: {value}", era=curve.label,
                            value=wording.era_value_text(interval, self.clinician, mark)))
        return _("{when}: {values}", when=wording.years_phrase(time), values=_("; ").join(values))


@dataclass(frozen=True)
class KeyNumber:
    """One key outcome at a glance, before its pictures: its heading, then each era's value in the
    view's unit ("Treated 1995 to 2006 (the study): about 2 in 100 (between 1 and 4 in 100)"), or,
    for a later figure that MODEL.md R6 withholds, why."""

    heading: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class EstimateView:
    audience: Audience
    profile: str
    people_like_you: str
    general_notes: tuple[NoteView, ...]
    early: EarlyDeathView
    pfs: EraPairView  # alive without disability worsening at 5 years, both eras
    survival: EraPairView  # alive at 5 years, both eras
    chart: ChartView
    years: tuple[YearRow, ...]  # the study's curve, year by year
    years_recent: tuple[YearRow, ...]  # the later cohorts', year by year (empty where R6 withholds it)
    years_heading: str
    era_names: tuple[str, str]  # ("The study", "Later cohorts"): over each era's column of a year table
    details_heading: str  # over the hazard ratios; empty for the patient
    clinician_details: tuple[str, ...]  # hazard ratios and this profile's multipliers; empty for the patient
    versions: str
    citation: str
    key_numbers: tuple[KeyNumber, ...] = ()  # early death, alive without worsening, alive: the first screen's

    @property
    def pfs_notes(self) -> tuple[NoteView, ...]:
        return self.pfs.notes


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


# -- the eras' names ------------------------------------------------------------------------------

def era_heading(source: SourceLabel, primary: bool) -> str:
    """"Treated 1995 to 2006 (the study)" or "UK centres, treated 2002 to 2023": an early-death
    figure's (and a survival figure's) era, from its source."""
    label = wording.sentence_case(_(source.label))
    return _("{label} (the study)", label=label) if primary else label


def study_era_name(result: Estimate) -> str:
    """The study's era, as every card and the chart name it: "Treated 1995 to 2006 (the study)"."""
    return era_heading(result.early_mortality_source, True)


def later_era_name() -> str:
    """The later cohorts, as every card and the chart name them."""
    return wording.sentence_case(_(LATER_COHORTS))


# -- the cards ------------------------------------------------------------------------------------

def _card(key: str, heading: str, interval: Interval, audience: Audience, look: tuple[str, Mark],
          sides: tuple[str, str], sentences: tuple[str, str], named: Callable[[str], str]) -> OutcomeCard:
    """One outcome's card: ``look`` is the icons' colour and mark, ``sides`` the legend's two
    sides (the outcome, then the other way round), ``sentences`` the headline and its other side,
    ``named`` the clinician's label around a percentage. Every card is built here, so each shows
    the same parts in the same order."""
    icons = icons_for(interval, *look)
    entries = legend(icons, *sides)
    headline, other_side = sentences
    return OutcomeCard(
        key=key,
        heading=heading,
        headline=headline,
        other_side=other_side,
        range_text=range_text(interval, audience, named),
        icons=icons,
        legend=entries,
        text_alternative=text_alternative(entries),
    )


def early_card(key: str, interval: Interval, source: SourceLabel, primary: bool, days: int,
               audience: Audience) -> OutcomeCard:
    return _card(
        key, era_heading(source, primary), interval, audience, (palette.EARLY_DEATH, Mark.CROSS),
        (_("died within {days} days", days=days), _("alive after {days} days", days=days)),
        (wording.early_death_sentence(interval, days), wording.early_death_other_side(interval, days)),
        lambda value: _("Death within {days} days: {value}", days=days, value=value))


def pfs_card(interval: Interval, years: int, audience: Audience, key: str = "pfs", heading: str | None = None) \
        -> OutcomeCard:
    """Alive without disability worsening at ``years``; ``heading`` names the era (the outcome
    itself is the pair's heading), else the outcome is the heading."""
    return _card(
        key, heading or pfs_heading(years), interval, audience, (palette.STABLE, Mark.TICK),
        (_("alive, no worsening at {years} years", years=years), _("worsened or died")),
        (wording.pfs_sentence(interval, years), wording.pfs_other_side(interval, years)),
        lambda value: _("Progression-free survival at {years} years: {value}", years=years, value=value))


def survival_card(interval: Interval, years: int, audience: Audience, key: str = "survival",
                  heading: str | None = None) -> OutcomeCard:
    return _card(
        key, heading or survival_heading(years), interval, audience, (palette.PERSONAL, Mark.TICK),
        (_("alive at {years} years", years=years), _("had died")),
        (wording.survival_sentence(interval, years), wording.survival_other_side(interval, years)),
        lambda value: _("Overall survival at {years} years: {value}", years=years, value=value))


def pfs_heading(years: int) -> str:
    return _("Alive without disability worsening at {years} years", years=years)


def survival_heading(years: int) -> str:
    return _("Alive at {years} years", years=years)


def early_cards(result: Estimate, audience: Audience) -> tuple[OutcomeCard, OutcomeCard]:
    """Death within 100 days, the study's era and the recent UK centres'."""
    days = result.early_mortality_days
    return (early_card("early_study", result.early_mortality, result.early_mortality_source, True, days, audience),
            early_card("early_recent", result.early_mortality_recent, result.early_mortality_recent_source, False,
                       days, audience))


def pfs_cards(result: Estimate, audience: Audience) -> tuple[OutcomeCard, ...]:
    """Alive without disability worsening at 5 years: the study's era, then the later cohorts'
    (absent where R6 withholds it)."""
    years = int(result.pfs.extrapolated_after)
    cards = (pfs_card(result.pfs_5y, years, audience, "pfs_study", study_era_name(result)),)
    if result.pfs_recent_5y is not None:
        cards += (pfs_card(result.pfs_recent_5y, years, audience, "pfs_recent", later_era_name()),)
    return cards


def survival_cards(result: Estimate, audience: Audience) -> tuple[OutcomeCard, OutcomeCard]:
    """Alive at 5 years in both eras. The later era's survival differs from the study's only in its
    early deaths (A18), which come from the recent UK centres: the card is named after them."""
    years = int(result.pfs.extrapolated_after)
    return (survival_card(result.overall_survival_5y, years, audience, "survival_study", study_era_name(result)),
            survival_card(result.overall_survival_5y_recent, years, audience, "survival_recent",
                          era_heading(result.early_mortality_recent_source, False)))


def withheld_text(result: Estimate) -> str:
    """Why the later cohorts' curve is not shown for this profile (R6), or ""."""
    return recent_withheld_text(result.pfs_recent_reason, result.profile) if result.pfs_recent is None else ""


def early_view(result: Estimate, notes: tuple[NoteView, ...], audience: Audience) -> EarlyDeathView:
    days = result.early_mortality_days
    return EarlyDeathView(
        heading=_("Death within {days} days of transplant", days=days),
        cards=early_cards(result, audience),
        # MODEL.md O2: the early-death figure takes into account EDSS only, and must say so near it
        risk_line=_("This figure takes into account your EDSS, not your age, type of MS or previous treatments. "
                    "Early risk was higher in older people."),
        notes=notes,
        legend=shared_legend(_("died within {days} days", days=days), _("alive after {days} days", days=days)),
    )


def pfs_view(result: Estimate, notes: tuple[NoteView, ...], audience: Audience) -> EraPairView:
    """Both eras at 5 years. From EDSS 9.0 "no worsening" can only mean being alive (A16): said
    plainly beside the cards, in the words of its warning (which then is not repeated below them)."""
    years = int(result.pfs.extrapolated_after)
    same = [n for n in notes if n.id == "pfs_is_survival"]
    shown = tuple(n for n in notes if n.id != "pfs_is_survival" and (result.pfs_recent is not None
                                                                   or n.qualifies != "pfs_recent"))
    return EraPairView(
        key="pfs",
        heading=pfs_heading(years),
        cards=pfs_cards(result, audience),
        withheld_heading=later_era_name() if result.pfs_recent is None else "",
        withheld=withheld_text(result),
        line=same[0].text if same else "",
        notes=shown,
        legend=shared_legend(_("alive, no worsening at {years} years", years=years), _("worsened or died")),
    )


def survival_view(result: Estimate, audience: Audience) -> EraPairView:
    years = int(result.pfs.extrapolated_after)
    return EraPairView(
        key="survival",
        heading=survival_heading(years),
        cards=survival_cards(result, audience),
        legend=shared_legend(_("alive at {years} years", years=years), _("had died")),
    )


# -- the chart ------------------------------------------------------------------------------------

def era_curve(key: str, curve: Curve, label: str, five: Interval, audience: Audience) -> EraCurve:
    """One era's curve: the study's is solid and dotted after 5 years (extrapolated, A5); the later
    cohorts' is dashed and dash-dotted after 5 years (one cohort, A20)."""
    if key == STUDY:
        after = curve.extrapolated_after
        tail = _("The study's curve, extrapolated beyond {years} years", years=wording.number(after))
        short, mark, line, color = _("the study"), _("extrapolated"), "solid", palette.PERSONAL
    else:
        after = curve.single_cohort_after
        tail = _("The later cohorts' curve, from one cohort after {years} years", years=wording.number(after))
        short, mark, line, color = _("later cohorts"), _("from one cohort"), "dashed", palette.STABLE
    return EraCurve(key, label, short, curve.estimate, curve.lower, curve.upper, after, tail, mark, line, color,
                    five.estimate, wording.point_label(five.estimate, audience.clinician))


def reference_lines(result: Estimate) -> tuple[ReferenceLine, ...]:
    """The study's average patient and group curves, and the later cohorts' group curves (the
    progressive one withheld with the personal curve, R6): available, drawn only on request."""
    lines = [ReferenceLine("average", _("Average patient in the study"), result.reference.average_patient),
             ReferenceLine("relapsing", _("Study: relapsing MS"), result.reference.relapsing),
             ReferenceLine("progressive", _("Study: progressive MS"), result.reference.progressive),
             ReferenceLine("recent_relapsing", _("Later cohorts: relapsing MS"), result.reference_recent.relapsing)]
    if result.reference_recent.progressive is not None:
        lines.append(ReferenceLine("recent_progressive", _("Later cohorts: progressive MS"),
                                   result.reference_recent.progressive))
    return tuple(lines)


def yearly_words(curve: EraCurve, at: Mapping[int, Interval], clinician: bool) -> str:
    """One era's curve for a screen reader: its name, then one sentence a year (a screen reader
    pauses between them), not one run joined by semicolons."""
    values = (_("{value}.", value=_("{when}: {value}", when=wording.years_phrase(year), value=wording.era_value_text(
        interval, clinician, curve.tail_mark if year > curve.changes_after else ""))) for year, interval in at.items())
    return " ".join((_("{era}:", era=curve.label), *values))


def chart_view(result: Estimate, audience: Audience) -> ChartView:
    cut = result.pfs.extrapolated_after
    patient = not audience.clinician
    clinician = audience.clinician
    ticks = tuple((v / 100, str(v) if patient else wording.percent(v / 100, 0)) for v in range(0, 101, 20))
    curves = [era_curve(STUDY, result.pfs, study_era_name(result), result.pfs_5y, audience)]
    if result.pfs_recent is not None:
        curves.append(era_curve(RECENT, result.pfs_recent, later_era_name(), result.pfs_recent_5y, audience))
    beyond = result.horizon_years > cut
    series = []
    for curve in curves:
        series.append(ChartSeries(curve.key, curve.label))
        if beyond:
            series.append(ChartSeries(f"{curve.key}_tail", curve.tail_label))
    series.append(ChartSeries("band", _("Shaded: 95% interval of each curve") if clinician else
                              _("Shaded: where the true number probably is")))  # patients: no percentages
    references = reference_lines(result)
    series += [ChartSeries(r.key, r.label) for r in references]
    withheld = withheld_text(result)
    yearly = [yearly_words(curve, at, clinician) for curve, at in
              zip(curves, (result.pfs_at, result.pfs_recent_at))]
    if withheld:
        yearly.append(_("{era}: {reason}", era=later_era_name(), reason=withheld))
    marker = "\n".join([_("At {years} years:", years=wording.number(cut))] + [
        _("{value} ({era})", value=curve.marker_text, era=curve.short)
        for curve in sorted(curves, key=lambda c: -c.marker_value)])  # in the order the rings stand
    if len(curves) > 1:
        region = _("after {years} years: the study's curve is extrapolated; the later cohorts' rests on one cohort",
                   years=wording.number(cut))
    else:
        region = _("after {years} years: extrapolated", years=wording.number(cut))
    return ChartView(
        title=_("Alive without disability worsening over the years"),
        x_label=_("Years after transplant"),
        y_label=_("People in 100") if patient else _("% alive without worsening"),
        y_ticks=ticks,
        times=result.pfs.times,
        curves=tuple(curves),
        withheld=withheld,
        references=references,
        extrapolated_after=cut,
        horizon=result.horizon_years,
        marker_label=marker,
        region_label=region,
        region_short=_("after {years} years", years=wording.number(cut)),
        series=tuple(series),
        clinician=clinician,
        description=_("Alive without disability worsening. {values}", values=" ".join(yearly)),
    )


# -- year by year ---------------------------------------------------------------------------------

def year_rows(at: Mapping[int, Interval] | None, curve: Curve | None, audience: Audience) -> tuple[YearRow, ...]:
    """One era's curve year by year (none where R6 withholds it): the study's years beyond 5 are
    extrapolated (A5); the later cohorts' rest on one cohort (A20)."""
    if at is None or curve is None:
        return ()
    one_cohort_after = curve.single_cohort_after
    rows = []
    for year, interval in at.items():
        count = str(wording.in_hundred(interval.estimate))
        if audience.clinician:
            estimate, span = wording.percent(interval.estimate), wording.span_percent(interval)
            number = wording.point_number(interval.estimate)
        else:
            estimate, span = wording.count_phrase(interval.estimate), wording.range_phrase(interval)
            number = count
        one_cohort = one_cohort_after is not None and year > one_cohort_after
        extrapolated = not one_cohort and year > curve.extrapolated_after
        mark = _("from one cohort") if one_cohort else _("extrapolated") if extrapolated else ""
        rows.append(YearRow(year, estimate, span, extrapolated, number, wording.end_number(interval.lower),
                            wording.end_number(interval.upper), count, one_cohort,
                            _("{value} - {mark}", value=estimate, mark=mark) if mark else estimate))
    return tuple(rows)


# -- for the clinician ----------------------------------------------------------------------------

def clinician_details(result: Estimate, model) -> tuple[str, ...]:
    """The hazard ratios behind the estimate (from the primary source), then this profile's
    multipliers in both eras, which combine them; shown under :attr:`EstimateView.details_heading`."""
    rows = (("hr_pfs_age", _("progression")), ("hr_pfs_prior_dmts", _("progression")),
            ("hr_os_edss", _("early deaths and survival")),
            # the model does not use this ratio; it derives its own progressive curve (assumption A2)
            ("hr_pfs_progressive", _("progression; context only, {assumption}", assumption="A2")))
    lines = []
    for name, outcome in rows:
        figure = model.study.figures[name]
        lines.append(_("{what} ({outcome}): hazard ratio {ratio}", what=wording.sentence_case(wording.data_text(figure.unit)),
                       outcome=outcome, ratio=wording.hazard_ratio_text(figure.value, figure.ci)))
    group = _("relapsing") if result.group == "relapsing" else _("progressive")
    lines.append(_("Progression hazard multiplier for this profile: {value} (relative to the average person in the "
                   "{group} group of the study)", value=wording.number(result.hazard_multiplier, 2), group=group))
    lines.append(_("Progression hazard multiplier, later cohorts: {value} (relative to their assumed average {group} "
                   "patient, {assumptions})", value=wording.number(result.hazard_multiplier_recent, 2), group=group,
                   assumptions="A14, A15"))
    return tuple(lines)


def versions_line(result: Estimate) -> str:
    return _("decision-aid {program}; model {model}; evidence {evidence} (checksum {checksum}); {draws} draws, "
             "seed {seed}", program=__version__, model=result.model_version, evidence=result.evidence_version,
             checksum=result.evidence_checksum[:12], draws=result.draws, seed=result.seed)


def key_numbers(result: Estimate, early: EarlyDeathView, pfs: EraPairView, survival: EraPairView,
                audience: Audience) -> tuple[KeyNumber, ...]:
    """The three key numbers in both eras, in the cards' unit, each era by a short name (the cards
    under them name it in full): short enough for the first screen of a 1024 x 700 window."""
    study, later, uk = (wording.sentence_case(_("the study")), wording.sentence_case(_("later cohorts")),
                        _("UK centres"))

    def values(names: tuple[str, str], intervals) -> tuple[str, ...]:
        return tuple(_("{era}: {value}", era=name, value=wording.era_value_text(interval, audience.clinician))
                     for name, interval in zip(names, intervals) if interval is not None)

    # R6: why, in one sentence, stands in the later card's place below; here only that it is not shown
    withheld = (_("{era}: not shown for this profile (why: below)", era=later),) if pfs.withheld else ()
    return (KeyNumber(early.heading, values((study, uk), (result.early_mortality, result.early_mortality_recent))),
            KeyNumber(pfs.heading, values((study, later), (result.pfs_5y, result.pfs_recent_5y)) + withheld),
            KeyNumber(survival.heading, values((study, uk), (result.overall_survival_5y,
                                                             result.overall_survival_5y_recent))))


def spoken_key_number(number: KeyNumber) -> str:
    """A key number as one sentence: "Death within 100 days of transplant: The study: about 2 in
    100 (between 1 and 4 in 100); UK centres: about 1 in 100 (...)."."""
    return _("{heading}: {values}.", heading=number.heading, values=_("; ").join(number.values))


def estimates_shown(view: EstimateView) -> str:
    """What a screen reader is told when estimates appear: the first two key numbers, each era by
    name (the study's figure alone read as the only one: a screen reader user heard 63 in 100 and
    never the later cohorts' figure)."""
    early, pfs = view.key_numbers[:2]
    return _("Estimates shown. {early} {pfs}", early=spoken_key_number(early), pfs=spoken_key_number(pfs))


def estimate_view(result: Estimate, audience: Audience | str, model) -> EstimateView:
    """Everything the estimate screen and the sheet's first page say, for one audience."""
    audience = Audience.parse(audience)
    notes = [note_view(n) for n in result.warnings + result.caveats]
    early = early_view(result, tuple(n for n in notes if n.qualifies == "early_mortality"), audience)
    pfs = pfs_view(result, tuple(n for n in notes if n.qualifies in ("pfs", "pfs_recent")), audience)
    survival = survival_view(result, audience)
    return EstimateView(
        audience=audience,
        profile=wording.profile_sentence(result.profile),
        people_like_you=wording.people_like_you(),
        general_notes=tuple(n for n in notes if n.qualifies == "all"),
        early=early,
        pfs=pfs,
        survival=survival,
        chart=chart_view(result, audience),
        years=year_rows(result.pfs_at, result.pfs, audience),
        years_recent=year_rows(result.pfs_recent_at, result.pfs_recent, audience),
        years_heading=_("Alive without disability worsening, year by year"),
        era_names=(wording.sentence_case(_("the study")), wording.sentence_case(_("later cohorts"))),
        details_heading=_("Hazard ratios (primary source)") if audience.clinician else "",
        clinician_details=clinician_details(result, model) if audience.clinician else (),
        versions=versions_line(result),
        citation=result.primary_citation,
        key_numbers=key_numbers(result, early, pfs, survival, audience),
    )
