"""When the evidence was reviewed, and whether its next review is overdue today (Qt-free, stdlib).

Apart from :mod:`.about` (the disclosure) because the window's first screen needs only this: the
overdue notice. ``DECISION_AID_TODAY=YYYY-MM-DD`` replaces today's date (for tests, and to check
what a later reader will see); any other value is refused, never guessed.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass
from typing import Any, Mapping

from ..evidence import EvidenceSet

TODAY_VARIABLE = "DECISION_AID_TODAY"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class TodayError(ValueError):
    """``DECISION_AID_TODAY`` is set but is not a date written YYYY-MM-DD."""


def today(environ: Mapping[str, str] | None = None) -> _dt.date:
    """Today's date, or ``DECISION_AID_TODAY`` when it is set (strictly ``YYYY-MM-DD``)."""
    env = os.environ if environ is None else environ
    text = env.get(TODAY_VARIABLE)
    if text is None:
        return _dt.date.today()
    if not _ISO_DATE.fullmatch(text):
        raise TodayError(f"{TODAY_VARIABLE}: {text!r} is not allowed; allowed: a date written YYYY-MM-DD")
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise TodayError(f"{TODAY_VARIABLE}: {text!r} is not a real date; allowed: a date written YYYY-MM-DD") from None


@dataclass(frozen=True)
class EvidenceReview:
    edition: str
    reviewed: _dt.date | None
    next_review_due: _dt.date | None
    overdue: bool  # today is after next_review_due (on the due date itself the review is not overdue)

    def as_dict(self) -> dict[str, Any]:
        return {
            "edition": self.edition,
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
            "next_review_due": self.next_review_due.isoformat() if self.next_review_due else None,
            "overdue": self.overdue,
        }


def evidence_review(evidence: EvidenceSet, on: _dt.date | None = None) -> EvidenceReview:
    """The review state of the evidence edition on ``on`` (default: :func:`today`)."""
    day = today() if on is None else on
    due = evidence.next_review_due
    return EvidenceReview(evidence.version, evidence.reviewed, due, due is not None and day > due)
