"""What AHSCT involves, step by step, in words (EVIDENCE.md "What AHSCT involves: the timeline").

Built from :mod:`decision_aid.context.procedure`. Each step has a short title, the plain text of the
information file, and, where the step quotes numbers, a sentence made here from the evidence
figures (days until collection, weeks in isolation, how often fever comes with low white cells,
the months before vaccines are given again). Patients read whole numbers in 100; clinicians read
the published percentage and, beside each step, what it was checked against.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..context.procedure import ProcedureStep, procedure, timeline_note
from ..model import Model
from . import wording
from .audience import Audience
from .i18n import N_, _

STEP_TITLES = {
    "assessment": N_("Assessment"),
    "mobilisation": N_("Mobilisation"),
    "collection": N_("Collection of stem cells"),
    "conditioning": N_("Conditioning (chemotherapy)"),
    "reinfusion": N_("Stem cells given back"),
    "low_counts": N_("Weeks of very low blood counts"),
    "hospital_stay": N_("Hospital stay"),
    "recovery": N_("Recovery at home"),
    "follow_up": N_("Follow-up and vaccines again"),
}


@dataclass(frozen=True)
class StepView:
    id: str
    number: int
    title: str
    text: str  # the information file's words
    detail: str  # the numbers this step quotes, in a sentence ("" without)
    source: str  # where it comes from (clinician: with what it was checked against)

    def line(self) -> str:
        """The whole step as one paragraph (the sheet, a screen reader)."""
        return " ".join(t for t in (self.text, self.detail) if t)


@dataclass(frozen=True)
class ProcedureView:
    heading: str
    intro: str
    steps: tuple[StepView, ...]
    note: str  # durations are typical, not promised


def _amount(quantity) -> str:
    return _("{value} {unit}", value=wording.number(quantity.value), unit=_(quantity.unit))


def step_detail(step: ProcedureStep, audience: Audience) -> str:
    """The numbers one step quotes, from its evidence figures."""
    f = step.figures
    if step.id == "collection":
        return _("This is around {days} after mobilisation.", days=_amount(f["days"]))
    if step.id == "low_counts":
        fever = wording.published_percent(f["fever"].value) if audience.clinician \
            else wording.count_phrase(f["fever"].value)
        return _("Typically about {months} in isolation (one NHS patient: about {weeks}). Fever with very low white "
                 "cells: {fever} in a Swedish cohort.", months=_amount(f["months"]), weeks=_amount(f["weeks"]),
                 fever=fever)
    if step.id == "hospital_stay":
        return _("About {days} longer with BEAM/ATG than with Cy/ATG.", days=_amount(f["longer"]))
    if step.id == "recovery":
        return _("One London private provider describes the whole staged procedure as about {weeks}.",
                 weeks=_amount(f["weeks"]))
    if step.id == "follow_up":
        return _("Influenza and pneumococcal vaccines from {start} to {end}; no live vaccine before {live}.",
                 start=wording.number(f["from"].value), end=_amount(f["to"]), live=_amount(f["live"]))
    return ""


def procedure_view(model: Model, audience: Audience | str) -> ProcedureView:
    audience = Audience.parse(audience)
    steps = []
    for number, step in enumerate(procedure(model), start=1):
        source = wording.data_text(step.reported_in)
        if audience.clinician:
            source = _("{source} (checked against: {checked})", source=source,
                       checked=wording.data_text(step.checked_against))
        steps.append(StepView(step.id, number, _(STEP_TITLES[step.id]), wording.data_text(step.text),
                              step_detail(step, audience), source))
    return ProcedureView(
        heading=_("What AHSCT involves, step by step"),
        intro=_("AHSCT is one course of treatment over some weeks in hospital, then months of recovery. These are "
                "the steps:") if not audience.clinician
        else _("The usual course of treatment, from assessment to follow-up:"),
        steps=tuple(steps),
        note=wording.data_text(timeline_note(model)),
    )
