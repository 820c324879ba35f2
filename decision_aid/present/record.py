"""The plain-text summary a clinician pastes into the medical record (Edit > Copy for the medical record).

Built from the same rows and phrases as the command line's table (:func:`.text_table.estimate_rows`,
:func:`.text_table.pfs_rows`, :mod:`.wording`), so the record, the screen and the sheet can never disagree. The patient's name
is included only when the person copying asks for it.
"""

from __future__ import annotations

import datetime as _dt

from ..model import Estimate
from .audience import Audience
from .estimate_view import early_view, later_era_name, study_era_name, versions_line, withheld_text
from .free_text import check_free_text
from .i18n import _
from .text_table import estimate_rows, pfs_rows
from .when import day_in_words
from . import wording


def record_text(result: Estimate, day: _dt.date, name: str | None = None, evidence_review: str | None = None) -> str:
    """The summary for the record: date, (name), profile, each number with its 95% interval and
    in 100, in both eras side by side (never averaged), where they come from, and the program,
    model and evidence versions."""
    check_free_text("name", name)  # never a name that reads otherwise than it is
    lines = [_("AHSCT decision aid: summary for the medical record, {date}", date=day_in_words(day))]
    if name:
        lines.append(_("Patient: {name}", name=name))
    lines += [
        _("Profile: {profile}", profile=wording.profile_sentence(result.profile)),
        _("Estimates for people like this patient (95% intervals; a decision aid built on published group "
          "figures, not a prediction for one person):"),
    ]
    singles = estimate_rows(result)
    lines += [_line(label, interval) for label, interval in singles[:2]]
    lines.append(early_view(result, (), Audience.CLINICIAN).risk_line)  # what the early-death figures take into account (O2)
    lines += [_line(label, interval) for label, interval in singles[2:]]
    five = int(result.pfs.extrapolated_after)
    every_year = result.horizon_years > five  # else the 5-year figure only
    for curve, at, era in ((result.pfs, result.pfs_at, study_era_name(result)),
                           (result.pfs_recent, result.pfs_recent_at, later_era_name())):
        lines.append(_("Alive without disability worsening, {label}:", label=wording.lower_first(era)))
        if curve is None:
            lines.append(withheld_text(result))
            continue
        lines += [_line(label, interval) for year, (label, interval) in zip(at, pfs_rows(curve, at))
                  if every_year or year == five]
    lines += [
        _("The two eras' figures are shown side by side, never averaged."),
        _("Source: {citation}", citation=result.primary_citation),
        _("Versions: {versions}", versions=versions_line(result)),
    ]
    if evidence_review:
        lines.append(evidence_review)
    return "\n".join(lines) + "\n"


def _line(label: str, interval) -> str:
    return _("- {outcome}: {value}; {count}", outcome=label, value=wording.interval_percent(interval),
             count=wording.count_phrase(interval.estimate))
