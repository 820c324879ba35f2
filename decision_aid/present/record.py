"""The plain-text summary a clinician pastes into the medical record (Edit > Copy for the medical record).

Built from the same rows and phrases as the command line's table (:func:`.text_table.outcome_rows`,
:mod:`.wording`), so the record, the screen and the sheet can never disagree. The patient's name
is included only when the person copying asks for it.
"""

from __future__ import annotations

import datetime as _dt

from ..model import Estimate
from .estimate_view import versions_line
from .free_text import check_free_text
from .i18n import _
from .text_table import outcome_rows
from .when import day_in_words
from . import wording


def record_text(result: Estimate, day: _dt.date, name: str | None = None, evidence_review: str | None = None) -> str:
    """The summary for the record: date, (name), profile, each number with its 95% interval and
    in 100, where it comes from, and the program, model and evidence versions."""
    check_free_text("name", name)  # never a name that reads otherwise than it is
    lines = [_("AHSCT decision aid: summary for the medical record, {date}", date=day_in_words(day))]
    if name:
        lines.append(_("Patient: {name}", name=name))
    lines += [
        _("Profile: {profile}", profile=wording.profile_sentence(result.profile)),
        _("Estimates for people like this patient (95% intervals; a decision aid built on published group "
          "figures, not a prediction for one person):"),
    ]
    for label, interval in outcome_rows(result, every_year=result.pfs.extrapolated_after < max(result.pfs_at)):
        lines.append(_("- {outcome}: {value}; {count}", outcome=label, value=wording.interval_percent(interval),
                       count=wording.count_phrase(interval.estimate)))
    lines += [
        _("The two early-death figures are from two eras and are shown side by side, never averaged."),
        _("Source: {citation}", citation=result.primary_citation),
        _("Versions: {versions}", versions=versions_line(result)),
    ]
    if evidence_review:
        lines.append(evidence_review)
    return "\n".join(lines) + "\n"
