"""The plain-text table printed by ``decision-aid estimate`` without ``--json``."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Curve, Estimate, Interval, Model, Profile
from . import wording
from .audience import Audience
from .estimate_view import estimate_view
from .i18n import _
from .notes import note_view, recent_withheld_text


def estimate_rows(result: Estimate) -> list[tuple[str, Interval]]:
    """(label, interval) for the single figures of both eras, side by side and never averaged:
    death within 100 days (study centres, then recent UK centres) and alive at 5 years (the later
    era differs only in its early deaths, A18)."""
    days, years = result.early_mortality_days, int(result.pfs.extrapolated_after)
    study, recent = _(result.early_mortality_source.label), _(result.early_mortality_recent_source.label)
    return [
        (_("Death within {days} days, {label}", days=days, label=study), result.early_mortality),
        (_("Death within {days} days, {label}", days=days, label=recent), result.early_mortality_recent),
        (_("Alive at {years} years, {label}", years=years, label=study), result.overall_survival_5y),
        (_("Alive at {years} years, {label}", years=years, label=recent), result.overall_survival_5y_recent),
    ]


def pfs_rows(curve: Curve, at: Mapping[int, Interval]) -> list[tuple[str, Interval]]:
    """(label, interval) for each year of one era's progression-free curve: the study's curve is
    extrapolated after 5 years (A5); the later cohorts' rests on one cohort after 5 (A20)."""
    rows = []
    for year, interval in at.items():
        if curve.single_cohort_after is not None and year > curve.single_cohort_after:
            label = _("At {year} y (from one cohort)", year=year)
        elif year > curve.extrapolated_after:
            label = _("At {year} y (extrapolated)", year=year)
        else:
            label = _("At {year} y", year=year)
        rows.append((label, interval))
    return rows


def estimate_table(result: Estimate, model: Model) -> str:
    """The whole text: both eras' figures (points to 1 decimal, interval ends as whole percentages,
    MODEL.md's display rule), the warnings, the limits, the assumptions and the versions."""
    view = estimate_view(result, Audience.CLINICIAN, model)
    singles = estimate_rows(result)
    study = pfs_rows(result.pfs, result.pfs_at)
    recent = [] if result.pfs_recent is None else pfs_rows(result.pfs_recent, result.pfs_recent_at)
    label_width = max(len(label) for label, _interval in singles + study + recent)
    outcome, estimate, span_heading, in_hundred = (_("Outcome"), _("Estimate"), _("95% interval"),
                                                   _("In 100 people like you"))
    widths = (label_width, max(8, len(estimate)), max(12, len(span_heading)))

    def table(rows: list[tuple[str, Interval]]) -> list[str]:
        lines = []
        for label, interval in rows:
            span = wording.span_percent(interval)
            lines.append(f"{label:<{widths[0]}}  {wording.percent(interval.estimate):>{widths[1]}}  "
                         f"{span:<{widths[2]}}  {wording.count_phrase(interval.estimate)}")
        return lines

    lines = [
        _("AHSCT personal estimate (decision aid; not a prediction for one person)"),
        wording.wrap_text(_("Profile: {profile}", profile=view.profile)),
        "",
        f"{outcome:<{widths[0]}}  {estimate:>{widths[1]}}  {span_heading:<{widths[2]}}  {in_hundred}",
        *table(singles[:2]),
        wording.wrap_text(view.early.risk_line),  # what the early-death figures take into account (O2)
        *table(singles[2:]),
        "",
        wording.wrap_text(_("Alive without disability worsening, {label}:",
                            label=wording.data_text(result.pfs.era.label))),
        *table(study),
        "",
        wording.wrap_text(_("Alive without disability worsening, {label}:",
                            label=wording.data_text(model.recent_label))),
    ]
    if result.pfs_recent is None:
        lines.append(wording.wrap_text(recent_withheld_text(result.pfs_recent_reason, result.profile)))
    else:
        lines += table(recent)
    lines += ["", wording.wrap_text(view.people_like_you)]
    hidden = {"pfs_recent"} if result.pfs_recent is None else set()  # no note on a curve that is not shown
    warnings = [note_view(n) for n in result.warnings if n.qualifies not in hidden]
    limits = [note_view(n) for n in result.caveats]
    if warnings:
        lines += ["", _("Warnings:")] + [wording.wrap_text(f"- {n.text}{_cite(n)}", indent="  ") for n in warnings]
    lines += ["", _("Limits:")] + [wording.wrap_text(f"- {n.text}{_cite(n)}", indent="  ") for n in limits]
    lines += ["", _("Assumptions:")] + [wording.wrap_text(f"{a.id} {wording.data_text(a.text)}", indent="    ")
                                        for a in result.assumptions]
    lines += ["", wording.wrap_text(_("Source: {citation}", citation=result.primary_citation)),
              wording.wrap_text(view.versions)]
    return "\n".join(lines)


def _cite(note) -> str:
    return _(" (assumption {id})", id=note.assumption) if note.assumption else ""


def context_section(model: Model, profile: Profile) -> str:
    """Whether the randomised trial covers this profile, and where to find the other studies."""
    from .trial_view import trial_summary

    return "\n".join([
        _("Context (other studies; not part of the estimate):"),
        wording.wrap_text(trial_summary(model, profile), indent="  "),
        wording.wrap_text(_("Other studies and the guidance: decision-aid estimate --json (\"context\"), or the "
                            "window's Studies and Your options tabs."), indent="  "),
    ])
