"""The evidence review in words: the review line, the sheet footer's short form and the overdue
notice (Qt-free). Shown in How calculated, in the About box, on every page of the sheet (the
footer) and, when the review is overdue, as a notice in the window and on the sheet's first page.

Apart from :mod:`.about_view` because the window's first screen needs only this (the notice, when
the review is overdue); built from :mod:`decision_aid.context.review`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..context.review import EvidenceReview, TodayError, evidence_review
from ..evidence import EvidenceSet
from .i18n import _
from .numbers import format_short_date


@dataclass(frozen=True)
class ReviewView:
    overdue: bool
    line: str  # "Evidence edition 2026.12-1, reviewed 26 Nov 2026; next review due 26 Nov 2027."
    short: str  # for the sheet's footer: "Evidence reviewed 26 Nov 2026; next review due 26 Nov 2027"
    notice: str  # the overdue notice, "" when the review is not overdue


def _date(day) -> str:
    """A review date as the language writes dates, short ("7 Dec 2026", "7 dic 2026"): an ISO
    date under the header's worded one read as two formats, and the long form wrapped the footer."""
    return format_short_date(day) if day else _("not stated")


def review_line(review: EvidenceReview) -> str:
    """One line, e.g. "Evidence edition 2026.12-1, reviewed 26 Nov 2026; next review due 26 Nov 2027."."""
    values = {"edition": review.edition, "reviewed": _date(review.reviewed), "due": _date(review.next_review_due)}
    if review.overdue:
        return _("Evidence edition {edition}, reviewed {reviewed}; next review due {due}: overdue, so the "
                 "figures may be out of date.", **values)
    return _("Evidence edition {edition}, reviewed {reviewed}; next review due {due}.", **values)


def review_view(evidence: EvidenceSet, review: EvidenceReview | None = None) -> ReviewView:
    """The review state in words (``review``: as computed for today unless given)."""
    if review is None:
        try:
            review = evidence_review(evidence)
        except TodayError as problem:  # a malformed DECISION_AID_TODAY: say so, never guess a date
            text = _("Whether the evidence review is overdue cannot be told: {problem}", problem=str(problem))
            return ReviewView(False, text, text, text)
    reviewed, due = _date(review.reviewed), _date(review.next_review_due)
    notice = ""
    if review.overdue:
        notice = _("Please note: the evidence in this aid was due for review on {due} and has not been reviewed "
                   "since {reviewed}. Newer studies may change these numbers. Ask the clinician whether a newer "
                   "version of the aid is available.", due=due, reviewed=reviewed)
    short = (_("Evidence reviewed {reviewed}; review overdue since {due}", reviewed=reviewed, due=due)
             if review.overdue else _("Evidence reviewed {reviewed}; next review due {due}", reviewed=reviewed,
                                      due=due))
    return ReviewView(review.overdue, review_line(review), short, notice)
