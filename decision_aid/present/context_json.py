"""``context`` of ``decision-aid estimate --json``: the context core's codes and numbers, with the
presentation layer's words added at the same keys as always (the clinician's wording).

The keys and values are a contract with scripts that read the JSON: every object of the context
core gives its codes and numbers (``as_dict``), and this module adds each ``text`` (and the other
words) where it has always been.
"""

from __future__ import annotations

from typing import Any

from ..context.drug_options import drug_options
from ..context.guidance import guidance_fits
from ..context.harms import harms
from ..context.options import Options, options_for
from ..context.procedure import procedure
from ..context.studies import StudyRow, study_rows
from ..context.trial import mist_comparison
from ..model import Estimate, Model, Profile
from . import wording
from .audience import Audience
from .drug_options_view import effect_lines, harm_line
from .guidance_view import NO_VERDICT, STATUS_WORDS, TOPICS, point_text
from .harms_view import figure_label, figure_text, harm_text, note_text as harm_note, time_text, topic_text
from .i18n import _
from .options_view import arm_result_text, hazard_ratio_text, note_text, time_frame_text
from .procedure_view import STEP_TITLES, step_detail
from .studies_view import (MEASURE_LABELS, STUDIES_DIFFER, early_mortality_text, outcome_text, relapsing_text,
                           trial_findings)
from .trial_view import comparison_sentences, not_applicable_text, unmet_text

CLINICIAN = Audience.CLINICIAN


def study_dict(row: StudyRow) -> dict[str, Any]:
    data = row.as_dict()
    data["relapsing_text"] = relapsing_text(row, CLINICIAN)
    data["early_mortality"]["text"] = early_mortality_text(row.early_mortality, CLINICIAN)
    for outcome, item in zip(row.outcomes, data["outcomes"]):
        item["measure"] = _(MEASURE_LABELS[outcome.measure])
        item["text"] = outcome_text(outcome, CLINICIAN)
    data["findings"] = trial_findings(row.trial, CLINICIAN) if row.trial else None
    return data


def options_dict(options: Options) -> dict[str, Any]:
    data = options.as_dict()
    for study, item in zip(options.studies, data["details"]):
        if study.follow_up is not None:
            item["follow_up"]["text"] = time_frame_text(study.follow_up)
        for outcome, outcome_item in zip(study.outcomes, item["outcomes"]):
            if outcome.time_frame is not None:
                outcome_item["time_frame"]["text"] = time_frame_text(outcome.time_frame)
            for arm, arm_item in zip(outcome.arms, outcome_item["arms"]):
                arm_item["text"] = arm_result_text(arm)
            if outcome.hazard_ratio is not None:
                outcome_item["hazard_ratio"]["text"] = hazard_ratio_text(outcome.hazard_ratio)
        if study.eligibility is not None:
            item["eligibility"]["unmet"] = [unmet_text(c) for c in study.eligibility.unmet]
    data["notes"] = [{"code": code, "text": note_text(code)} for code in options.notes]
    return data


def harms_list(model: Model, result: Estimate) -> list[dict[str, Any]]:
    rows = []
    for harm in harms(model, result):
        data = harm.as_dict()
        data.update(topic=topic_text(harm), text=harm_text(harm), time_frame=time_text(harm), note=harm_note(harm))
        for figure, item in zip(harm.figures, data["figures"]):
            item.update(label=figure_label(figure), text=figure_text(figure))
        rows.append(data)
    return rows


def drug_options_list(model: Model, profile: Profile) -> list[dict[str, Any]]:
    """``context.drug_options``: for the profile's type of MS, each drug option with its trial, its main
    effect against that trial's comparator (clinician's words) and its main harms."""
    found = []
    for option in drug_options(model, profile):
        data = option.as_dict()
        data.update(
            name=wording.data_text(option.label), what=wording.data_text(option.what),
            how_given=wording.data_text(option.how_given), trial=wording.data_text(option.trial),
            comparator=wording.data_text(option.comparator),
            effect=" ".join(effect_lines(option, CLINICIAN)) or wording.data_text(option.no_effect),
            citation=option.citation)
        for harm, item in zip(option.harms, data["harms"]):
            item.update(what=wording.data_text(harm.label), text=harm_line(option, harm, CLINICIAN, model.early_days))
        found.append(data)
    return found


def procedure_list(model: Model) -> list[dict[str, Any]]:
    """``context.procedure``: what AHSCT involves, step by step, with the figures each step quotes."""
    steps = []
    for step in procedure(model):
        data = step.as_dict()
        data.update(title=_(STEP_TITLES[step.id]), text=wording.data_text(step.text),
                    detail=step_detail(step, CLINICIAN), source=wording.data_text(step.reported_in))
        steps.append(data)
    return steps


def context_dict(model: Model, profile: Profile, result: Estimate | None = None) -> dict[str, Any]:
    """The ``context`` object of ``decision-aid estimate --json``.

    ``result`` is the profile's estimate, for the two early-death rows of ``harms``; without it the
    estimate is computed here with the default draws."""
    comparison = mist_comparison(model, profile)
    result = model.estimate(profile) if result is None else result
    mist = None
    if comparison is not None:
        mist = {**comparison.as_dict(), "text": list(comparison_sentences(comparison, CLINICIAN))}
    guidance = []
    for fit in guidance_fits(model, profile):
        data = fit.as_dict()
        for point, item in zip(fit.points, data["points"]):
            item.update(topic=TOPICS[point.code], says=point.says, status_text=STATUS_WORDS[point.status],
                        text=point_text(fit.id, point))
        data["note"] = _(NO_VERDICT)
        guidance.append(data)
    return {
        "studies": [study_dict(row) for row in study_rows(model)],
        "studies_differ": _(STUDIES_DIFFER),
        "mist": mist,
        "mist_not_applicable": not_applicable_text(model, profile),
        "guidance": guidance,
        "options": options_dict(options_for(model, profile)),
        "drug_options": drug_options_list(model, profile),
        "procedure": procedure_list(model),
        "harms": harms_list(model, result),
    }
