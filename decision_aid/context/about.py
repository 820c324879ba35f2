"""About the aid (IPDAS items): the disclosure (Qt-free, stdlib). When the evidence was reviewed
is in :mod:`.review`.

The words around it (the headings of the disclosure) are made by
:mod:`decision_aid.present.about_view`; the disclosure's own texts are data from
``resources/about.json``.

- :func:`disclosure`: funding, conflicts of interest, how the evidence was chosen and how to report
  a problem, read from ``resources/about.json``. That file is package data but deliberately not part
  of the evidence set: it describes the program, not a study, and putting it under the evidence
  manifest would change the evidence checksum (and flag every saved consultation as "saved with other
  evidence") whenever a sentence about funding or contact changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Mapping

ABOUT_FILE = "about.json"


class AboutError(ValueError):
    """``about.json`` is missing, unreadable or lacks a field."""


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
