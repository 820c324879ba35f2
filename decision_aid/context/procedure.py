"""What AHSCT involves, step by step: the timeline of EVIDENCE.md (codes, data texts and figures).

Each step (assessment, mobilisation, collection, conditioning, reinfusion, weeks of very low blood
counts, hospital stay, recovery at home, follow-up and re-vaccination) is a data text of the
information file with where it comes from and how it was checked; the numbers a step quotes (days
until collection, weeks in isolation, how often fever comes with low white cells, the months
before vaccines are given again) are figures of the evidence files, named here, so the words in
:mod:`decision_aid.present.procedure_view` never carry a number of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from ..model import Model
from .options import Quantity

INFORMATION = "ahsct_information"

#: The figures each step quotes: step id -> ((name used by the words, evidence file, figure), ...).
STEP_FIGURES: Mapping[str, tuple[tuple[str, str, str], ...]] = {
    "collection": (("days", INFORMATION, "collection_days"),),
    "low_counts": (("weeks", INFORMATION, "isolation_weeks_low"), ("months", INFORMATION, "isolation_months"),
                   ("fever", "silfverberg2024", "febrile_neutropenia")),
    "hospital_stay": (("longer", "sweden2024_regimens", "extra_hospital_days_beam"),),
    "recovery": (("weeks", INFORMATION, "staged_procedure_weeks"),),
    "follow_up": (("from", INFORMATION, "vaccine_inactivated_from"), ("to", INFORMATION, "vaccine_inactivated_to"),
                  ("live", INFORMATION, "vaccine_live_not_before")),
}


@dataclass(frozen=True)
class ProcedureStep:
    id: str
    text: str  # data text (plain words)
    reported_in: str  # where it comes from (data text)
    checked_against: str
    figures: Mapping[str, Quantity]  # the numbers the step quotes, by the name its words use
    files: Mapping[str, str]  # the evidence file of each

    def as_dict(self) -> dict[str, Any]:
        return {"step": self.id, "text": self.text, "source": self.reported_in,
                "checked_against": self.checked_against,
                "figures": {name: {**q.as_dict(), "file": self.files[name]} for name, q in self.figures.items()}}


def procedure(model: Model) -> tuple[ProcedureStep, ...]:
    """The steps in order, each with the figures it quotes."""
    source = model.evidence.get(INFORMATION)
    steps = []
    for item in source.raw["timeline"]:
        named = STEP_FIGURES.get(item["id"], ())
        figures = {name: Quantity.of(model.evidence.get(file_id).figure(figure)) for name, file_id, figure in named}
        files = {name: file_id for name, file_id, _figure in named}
        steps.append(ProcedureStep(item["id"], item["text"], item["reported_in"], item["checked_against"], figures,
                                   files))
    return tuple(steps)


def timeline_note(model: Model) -> str:
    """What the durations mean (data text)."""
    return model.evidence.get(INFORMATION).text("timeline_note")
