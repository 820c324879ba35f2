"""The plain-text table printed by ``decision-aid estimate`` without ``--json``."""

from __future__ import annotations

from ..model import Estimate, Interval, Model, Profile
from . import wording
from .audience import Audience
from .estimate_view import estimate_view
from .i18n import _


def outcome_rows(result: Estimate, every_year: bool = True) -> list[tuple[str, Interval]]:
    """(label, interval) for each number: death within 100 days in both eras (side by side, never
    averaged), alive at 5 years, and alive without worsening at each year of the horizon (only
    at 5 years, and every year to 10 when the horizon is 10, unless ``every_year``)."""
    days = result.early_mortality_days
    rows = [(_("Death within {days} days, {label}", days=days, label=_(source.label)), interval)
            for interval, source in ((result.early_mortality, result.early_mortality_source),
                                     (result.early_mortality_recent, result.early_mortality_recent_source))]
    cut = result.pfs.extrapolated_after
    rows.append((_("Alive at {years} years", years=int(cut)), result.overall_survival_5y))
    for year, interval in result.pfs_at.items():
        if not every_year and year < cut:
            continue
        label = (_("Alive without disability worsening at {year} y (extrapolated)", year=year) if year > cut
                 else _("Alive without disability worsening at {year} y", year=year))
        rows.append((label, interval))
    return rows


def estimate_table(result: Estimate, model: Model) -> str:
    view = estimate_view(result, Audience.CLINICIAN, model)
    rows = outcome_rows(result)
    label_width = max(len(label) for label, _interval in rows)
    outcome, estimate, span_heading, in_hundred = (_("Outcome"), _("Estimate"), _("95% interval"),
                                                   _("In 100 people like you"))
    estimate_width, span_width = max(8, len(estimate)), max(17, len(span_heading))
    lines = [
        _("AHSCT personal estimate (decision aid; not a prediction for one person)"),
        wording.wrap_text(_("Profile: {profile}", profile=view.profile)),
        "",
        f"{outcome:<{label_width}}  {estimate:>{estimate_width}}  {span_heading:<{span_width}}  {in_hundred}",
    ]
    for label, interval in rows:
        span = wording.span_percent(interval)
        lines.append(f"{label:<{label_width}}  {wording.percent(interval.estimate):>{estimate_width}}  "
                     f"{span:<{span_width}}  {wording.count_phrase(interval.estimate)}")
    lines += ["", view.early.risk_line, wording.wrap_text(view.people_like_you)]
    notes = view.general_notes + view.pfs_notes + view.early.notes
    warnings = [n for n in notes if n.id in {w.id for w in result.warnings}]
    limits = [n for n in notes if n.id in {c.id for c in result.caveats}]
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
