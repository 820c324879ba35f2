"""About the aid (IPDAS items): when the evidence was reviewed, and the disclosure (Qt-free, stdlib).

The words around these (the review line, the overdue notice, the headings of the disclosure) are
made by :mod:`decision_aid.present.about_view`; the disclosure's own texts are data from
``resources/about.json``.

- :func:`evidence_review`: the edition, its review dates (from the evidence manifest) and whether
  the next review is overdue today. ``DECISION_AID_TODAY=YYYY-MM-DD`` replaces today's date (for
  tests, and to check what a later reader will see); any other value is refused, never guessed.
- :func:`disclosure`: funding, conflicts of interest, how the evidence was chosen and how to report
  a problem, read from ``resources/about.json``. That file is package data but deliberately not part
  of the evidence set: it describes the program, not a study, and putting it under the evidence
  manifest would change the evidence checksum (and flag every saved consultation as "saved with other
  evidence") whenever a sentence about funding or contact changes.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, Mapping

from ..evidence import EvidenceSet

TODAY_VARIABLE = "DECISION_AID_TODAY"
ABOUT_FILE = "about.json"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class TodayError(ValueError):
    """``DECISION_AID_TODAY`` is set but is not a date written YYYY-MM-DD."""


class AboutError(ValueError):
    """``about.json`` is missing, unreadable or lacks a field."""


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


@dataclass(frozen=True)
class DisclosureItem:
    code: str  # funding, conflicts_of_interest, evidence_selection, report_a_problem
    value: str | None  # a code where the item has one (funding: none; conflicts: none_declared)
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.value, "text": self.text}


@dataclass(frozen=True)
class Disclosure:
    funding: DisclosureItem
    conflicts_of_interest: DisclosureItem
    evidence_selection: DisclosureItem
    report_a_problem: DisclosureItem
    contact: str | None  # where to report a problem; None until the team names one

    @property
    def items(self) -> tuple[DisclosureItem, ...]:
        return (self.funding, self.conflicts_of_interest, self.evidence_selection, self.report_a_problem)

    def as_dict(self) -> dict[str, Any]:
        data = {item.code: item.as_dict() for item in self.items}
        data["report_a_problem"]["contact"] = self.contact
        return data


_DISCLOSURE_ITEMS = ("funding", "conflicts_of_interest", "evidence_selection", "report_a_problem")


def load_about() -> Mapping[str, Any]:
    try:
        text = (resources.files("decision_aid.resources") / ABOUT_FILE).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AboutError(f"{ABOUT_FILE} cannot be read ({exc})") from None
    if not isinstance(data, dict):
        raise AboutError(f"{ABOUT_FILE}: top level must be a JSON object")
    return data


def disclosure(about: Mapping[str, Any] | None = None) -> Disclosure:
    """The disclosure block of ``about.json``; any missing or mistyped field is refused."""
    block = (load_about() if about is None else about).get("disclosure")
    if not isinstance(block, dict):
        raise AboutError(f"{ABOUT_FILE}: field 'disclosure' is missing")
    items = {}
    for code in _DISCLOSURE_ITEMS:
        entry = block.get(code)
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or not entry["text"].strip():
            raise AboutError(f"{ABOUT_FILE}: field 'disclosure.{code}.text' is missing")
        value = entry.get("code")
        if value is not None and not isinstance(value, str):
            raise AboutError(f"{ABOUT_FILE}: field 'disclosure.{code}.code' must be text or null")
        items[code] = DisclosureItem(code, value, entry["text"])
    contact = block["report_a_problem"].get("contact")
    if contact is not None and not isinstance(contact, str):
        raise AboutError(f"{ABOUT_FILE}: field 'disclosure.report_a_problem.contact' must be text or null")
    return Disclosure(**items, contact=contact)
