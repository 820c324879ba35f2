"""The plain-text table printed by ``decision-aid estimate`` without ``--json``."""

from __future__ import annotations

from . import wording
from .model import Estimate, Interval, Model, Profile


def estimate_table(result: Estimate) -> str:
    days = result.early_mortality_days
    rows: list[tuple[str, Interval, str]] = [
        (f"Death within {days} days, {source.label}", interval, wording.count_phrase(interval.estimate))
        for interval, source in ((result.early_mortality, result.early_mortality_source),
                                 (result.early_mortality_recent, result.early_mortality_recent_source))
    ] + [
        ("Alive at 5 years", result.overall_survival_5y, wording.count_phrase(result.overall_survival_5y.estimate)),
    ]
    for year, interval in result.pfs_at.items():
        mark = " (extrapolated)" if year > result.pfs.extrapolated_after else ""
        rows.append((f"Alive without disability worsening at {year} y{mark}", interval,
                     wording.count_phrase(interval.estimate)))
    label_width = max(len(r[0]) for r in rows)
    lines = [
        "AHSCT personal estimate (decision aid; not a prediction for one person)",
        wording.wrap_text("Profile: " + wording.profile_sentence(result.profile)),
        "",
        f"{'Outcome':<{label_width}}  {'Estimate':>8}  {'95% interval':<17}  In 100 people like you",
    ]
    for label, interval, phrase in rows:
        span = f"{wording.percent(interval.lower)} to {wording.percent(interval.upper)}"
        lines.append(f"{label:<{label_width}}  {wording.percent(interval.estimate):>8}  {span:<17}  {phrase}")
    lines += ["", wording.PEOPLE_LIKE_YOU]
    if result.warnings:
        lines += ["", "Warnings:"] + [wording.wrap_text(f"- {w.text}", indent="  ") for w in result.warnings]
    lines += ["", "Limits:"] + [wording.wrap_text(f"- {c.text}", indent="  ") for c in result.caveats]
    lines += ["", "Assumptions:"] + [wording.wrap_text(f"{a.id} {a.text}", indent="   ") for a in result.assumptions]
    lines += [
        "",
        wording.wrap_text(f"Source: {result.primary_citation}"),
        f"Model {result.model_version}; evidence {result.evidence_version} ({result.evidence_checksum[:12]}); "
        f"{result.draws} draws, seed {result.seed}.",
    ]
    return "\n".join(lines)


def context_section(model: Model, profile: Profile) -> str:
    """Whether the randomised trial covers this profile, and where to find the other studies."""
    from .context import mist_comparison, mist_not_applicable

    comparison = mist_comparison(model, profile)
    if comparison is None:
        mist = "MIST trial: does not apply. " + mist_not_applicable(model, profile)
    else:
        mist = "MIST trial: applies. " + " ".join(comparison.sentences("clinician")[1:])
    return "\n".join([
        "Context (other studies; not part of the estimate):",
        wording.wrap_text(mist, indent="  "),
        wording.wrap_text("Other studies and the guidance: decision-aid estimate --json (\"context\"), "
                          "or the window's Other studies tab.", indent="  "),
    ])
