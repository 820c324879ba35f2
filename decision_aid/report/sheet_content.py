"""What the sheet says, as small HTML fragments per audience (no layout, no painting).

Every number comes from the :class:`Estimate` (or, for hazard ratios, the model's evidence) and
is phrased by :mod:`decision_aid.wording`, so the sheet and the screen say the same thing.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from html import escape

from .. import __version__, palette, wording
from ..model import Estimate, Interval
from .icons import IconArray, Mark

from .options import CLINICIAN, PATIENT  # noqa: E402,F401


@dataclass(frozen=True)
class TypeScale:
    """Sizes in points on paper (page units are points)."""

    title: float
    heading: float
    body: float
    small: float
    chart: float


TYPE = {
    PATIENT: TypeScale(title=16, heading=12, body=11, small=8, chart=9),
    CLINICIAN: TypeScale(title=15, heading=10, body=9, small=7, chart=8),
}


@dataclass(frozen=True)
class KeyNumber:
    html: str
    array: IconArray


@dataclass(frozen=True)
class SheetContent:
    title: str
    subtitle: str
    date_line: str
    name: str | None
    versions_line: str
    profile_html: str
    key_numbers: tuple[KeyNumber, ...]
    legend: tuple[tuple[str, str], ...]  # (glyph kind, words) for the icon-array legend
    chart_title: str
    chart_note_html: str
    hazard_html: str
    warnings: tuple[str, ...]
    caveats: tuple[str, ...]
    means_html: str
    does_not_mean_html: str
    notes: str
    small_print_html: str


def bullets(items) -> str:
    return "<ul style='margin-top:0px; margin-bottom:0px; -qt-list-indent:1'>" + "".join(
        f"<li style='margin-bottom:1px'>{escape(item)}</li>" for item in items) + "</ul>"


def heading(text: str, size: float) -> str:
    return f"<p style='margin:0px 0px 2px 0px'><span style='font-size:{size:g}px; font-weight:600'>{escape(text)}</span></p>"


def para(html: str, bottom: float = 2) -> str:
    return f"<p style='margin:0px 0px {bottom:g}px 0px'>{html}</p>"


def _key_number(title: str, happened: str, other: str, interval: Interval, clinician: bool,
                color: str, mark: Mark, size: float) -> KeyNumber:
    sentence = wording.both_ways(interval.estimate, happened, other)
    lines = [heading(title, size), para(f"{escape(sentence)} ({escape(wording.range_phrase(interval))}).")]
    if clinician:
        lines.append(para(escape(wording.interval_percent(interval)), 0))
    estimate = wording.in_hundred(interval.estimate)
    array = IconArray(estimate, max(estimate, wording.in_hundred(interval.upper)), color, mark)
    return KeyNumber("".join(lines), array)


def hazard_ratio_lines(result: Estimate, model) -> list[str]:
    """Hazard ratios behind this estimate, from the evidence the model was built on."""
    rows = (("progression", "hr_pfs_age"), ("progression", "hr_pfs_prior_dmts"), ("survival", "hr_os_edss"),
            ("progression; context only, A2", "hr_pfs_progressive"))
    lines = []
    for outcome, name in rows:
        figure = model.study.figures[name]
        lines.append(f"{figure.unit[:1].upper()}{figure.unit[1:]} ({outcome}): "
                     f"{wording.hazard_ratio_text(figure.value, figure.ci)}")
    lines.append(f"This profile's hazard multiplier for progression: m = {result.hazard_multiplier:.2f}")
    return lines


def yearly_table(result: Estimate) -> str:
    """Years across, so that ten years fit beside the chart: estimate and 95% interval in %."""
    years = list(result.pfs_at.items())
    cut = result.pfs.extrapolated_after

    def row(label: str, cells: list[str], bold: bool = False) -> str:
        tag = "th" if bold else "td"
        return (f"<tr><{tag} align='left'>{label}</{tag}>"
                + "".join(f"<{tag} align='right'>{cell}</{tag}>" for cell in cells) + "</tr>")

    header = [f"{year}{'*' if year > cut else ''}" for year, _ in years]
    table = ("<table cellspacing='0' cellpadding='1' style='margin:0px'>"
             + row("Year", header, bold=True)
             + row("Estimate %", [f"{iv.estimate * 100:.1f}" for _, iv in years])
             + row("95% lower", [f"{iv.lower * 100:.1f}" for _, iv in years])
             + row("95% upper", [f"{iv.upper * 100:.1f}" for _, iv in years])
             + row("In 100", [str(wording.in_hundred(iv.estimate)) for _, iv in years]) + "</table>")
    if result.horizon_years > cut:
        table += f"<p style='margin:0px'>* extrapolated beyond {cut:g} years</p>"
    return table


def build_content(result: Estimate, audience: str, name: str | None, notes: str, date: _dt.date,
                  model) -> SheetContent:
    clinician = audience == CLINICIAN
    scale = TYPE[audience]
    days, years = result.early_mortality_days, int(result.pfs.extrapolated_after)
    study = model.study
    key_numbers = (
        _key_number(f"Death within {days} days", "died", "did not",
                    result.early_mortality, clinician, palette.EARLY_DEATH, Mark.CROSS, scale.heading),
        _key_number(f"Alive without worsening at {years} years",
                    "were alive without worsening", "worsened or died",
                    result.pfs_5y, clinician, palette.STABLE, Mark.TICK, scale.heading),
        _key_number(f"Alive at {years} years", "were alive", "had died",
                    result.overall_survival_5y, clinician, palette.PERSONAL, Mark.TICK, scale.heading),
    )
    profile_title = "Profile" if clinician else "About you"
    profile_html = (f"<p style='margin:0px 0px 2px 0px'><span style='font-size:{scale.heading:g}px; "
                    f"font-weight:600'>{profile_title}:</span> {escape(wording.profile_sentence(result.profile))}</p>"
                    + f"<p style='margin:0px'><i><span style='font-size:{scale.small + 1:g}px'>"
                    f"{escape(wording.PEOPLE_LIKE_YOU)}</span></i></p>")

    if clinician:
        chart_note = heading("Alive without worsening, by year (%)", scale.body) + yearly_table(result)
        hazard_html = heading("Hazard ratios (primary source)", scale.body) + bullets(hazard_ratio_lines(result, model))
    else:
        hazard_html = ""
        chart_note = ""  # the legend and the extrapolation warning already explain the dotted part

    means = [
        "They describe what happened to groups of people like you in one study; they are not a "
        "prediction for you alone.",
        "The ranges show the uncertainty: the true number is likely to lie within them.",
    ]
    does_not = [
        "They do not compare the transplant with other treatments or with no transplant.",
        "They do not cover other effects of treatment, such as the side effects of intensive chemotherapy.",
    ]
    means_html = heading("What these numbers mean", scale.body) + bullets(means)
    not_html = heading("What they do not mean", scale.body) + bullets(does_not)

    if clinician:
        assumptions = "<b>Assumptions.</b> " + " ".join(
            f"<b>{escape(a.id)}</b> {escape(a.text)}" for a in result.assumptions)
        outcome = f" Outcome: {escape(study.text('outcome_definition'))}."
        design = f" Design: {escape(study.text('design'))}."
    else:
        ids = f"{result.assumptions[0].id} to {result.assumptions[-1].id}" if result.assumptions else ""
        assumptions = (
            "<b>Assumptions in brief.</b> The numbers assume that the study's findings apply to people like "
            "you, that age and previous treatments change the risk in the same way in every group, and that "
            f"the trend continues beyond {years} years where the chart is extended (assumptions {ids}, "
            "listed in full on the clinician's sheet).")
        outcome, design = "", ""
    small_print = (para(assumptions + outcome + design, 2)
                   + para(f"<b>Source.</b> {escape(result.primary_citation)}", 0))

    return SheetContent(
        title="AHSCT for multiple sclerosis: your summary" if not clinician
        else "AHSCT for multiple sclerosis: clinician summary",
        subtitle="A decision aid built on published group figures, not a prediction for one person.",
        date_line=date.strftime("%d %B %Y").lstrip("0"),
        name=name.strip() if name and name.strip() else None,
        versions_line=(f"decision-aid {__version__}; model {result.model_version}; evidence "
                       f"{result.evidence_version} (checksum {result.evidence_checksum[:12]}); "
                       f"{result.draws} draws, seed {result.seed}"),
        profile_html=profile_html,
        key_numbers=key_numbers,
        legend=(("outcome", "had it"), ("uncertain", "may have had it (top of range)"), ("other", "did not")),
        chart_title="Alive without disability worsening",
        chart_note_html=chart_note,
        hazard_html=hazard_html,
        warnings=tuple(w.text for w in result.warnings),
        caveats=tuple(c.text for c in result.caveats),
        means_html=means_html,
        does_not_mean_html=not_html,
        notes=notes,
        small_print_html=small_print,
    )
