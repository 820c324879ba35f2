""""How was this calculated?": when the evidence was reviewed, the source studies, their figures with
what each was checked against, the assumptions, what changed in model 2.0 and what the estimate
leaves out."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Estimate, Model
from . import wording
from .review_view import review_view
from .audience import Audience
from .i18n import N_, _

FIGURE_KINDS = ("probability", "hazard_ratio", "count", "duration", "edss")

#: What changed for people reading the numbers, model 1.0 -> 2.0 (MODEL.md, "What changed").
MODEL_2_CHANGES = (
    N_("No double counting: the effects of age and previous treatments are now measured against each group's "
       "own average (relapsing or progressive MS), so the progressive curve no longer carries that group's older "
       "age and heavier treatment twice. Averaged over each group, the estimates now reproduce the study's own "
       "figures."),
    N_("Honest uncertainty: the ranges allow for the link between the whole-cohort and relapsing figures, the "
       "incomplete follow-up of the relapsing group, the uneven published intervals and the uncertain shape of "
       "the curve before and after {years} years; they are wider where less is known."),
    N_("Early death in two eras: the study's centres (treated {study_years}) and recent UK centres (treated "
       "{recent_years}) are shown side by side with equal weight, never averaged."),
    N_("Consistency: the curve never lies above the share still alive after {days} days, and survival at "
       "{years} years never above the share who survived the first {days} days."),
)


@dataclass(frozen=True)
class MethodSection:
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class MethodView:
    sections: tuple[MethodSection, ...]


#: Labels for the recent UK study's figures whose notes qualify the figure rather than name it
#: ("271 with neurological follow-up" for the number of patients, "IQR 4.0 to 6.5" for the median
#: EDSS, "5 of 364 (1.4%)" for early deaths): the line reads "label: value; notes". The primary
#: study's notes name their figures, and so do the recent study's other notes.
RECENT_FIGURE_LABELS = {
    "patients": N_("Patients in the cohort"),
    "median_baseline_edss": N_("Median baseline EDSS"),
    "early_mortality": N_("Death from any cause within {days} days"),
}


def figure_lines(source, clinician: bool, labels: dict[str, str] | None = None, days: int = 0) -> tuple[str, ...]:
    """One line per published figure; ``labels`` (figure name -> label) where the notes do not name it."""
    lines = []
    for name, figure in source.figures.items():
        if figure.kind in FIGURE_KINDS:
            label = (labels or {}).get(name)
            text = wording.figure_text(figure, clinician, _(label, days=days) if label else None)
            if text:
                lines.append(text)
    return tuple(lines)


def assumptions_in_brief(assumptions, years: float) -> str:
    """The assumptions in plain words for the patient (the full list is for the clinician)."""
    ids = _("{first} to {last}", first=assumptions[0].id, last=assumptions[-1].id)
    return _("The numbers assume three things. First, that the study's findings apply to people like you. "
             "Second, that age and previous treatments change the risk in the same way in every group. Third, that "
             "the trend goes on beyond {years} years where the chart is extended. These are assumptions {ids}, "
             "listed in full in the clinician view.", years=wording.number(years), ids=ids)


def text(source, key: str) -> str:
    """A readable text of an evidence file (design, cohort, ...) in the current language."""
    return wording.data_text(source.text(key))


def method_view(model: Model, result: Estimate | None, audience: Audience | str) -> MethodView:
    audience = Audience.parse(audience)
    clinician = audience.clinician
    study, recent = model.study, model.recent_study
    assumptions = result.assumptions if result is not None else model.assumptions
    review = review_view(model.evidence)
    sections = [
        MethodSection(_("When the evidence was reviewed"), tuple(t for t in (review.line, review.notice) if t)),
        MethodSection(_("Source study"), (
            study.full_citation,
            _("Design: {design}.", design=text(study, "design")),
            _("Patients: {cohort}.", cohort=text(study, "cohort")),
            _("Transplanted: {years}.", years=text(study, "transplant_years")),
            _("Main outcome: {outcome}.", outcome=text(study, "outcome_definition")),
        )),
        MethodSection(_("Figures used"), items=figure_lines(study, clinician)),
        MethodSection(_("Early deaths in recent UK centres"), (
            recent.full_citation,
            _("Patients: {cohort}.", cohort=text(recent, "cohort")),
            _("Definition: {definition}.", definition=text(recent, "early_mortality_definition")),
        ), figure_lines(recent, clinician, RECENT_FIGURE_LABELS, model.early_days)),
        MethodSection(_("Assumptions"), items=tuple(f"{a.id} {wording.data_text(a.text)}" for a in assumptions)) if clinician
        else MethodSection(_("Assumptions"), (assumptions_in_brief(assumptions, model.data_horizon),)),
        MethodSection(_("What changed in model {version}", version=model.version),
                      (_("Estimates saved or printed with model 1.0 were recomputed; the numbers may differ from "
                         "an earlier printout."),),
                      tuple(_(change, study_years=text(study, "transplant_years"),
                                recent_years=text(recent, "transplant_years"), days=model.early_days,
                                years=wording.number(model.data_horizon)) for change in MODEL_2_CHANGES)),
        MethodSection(_("What this estimate does not cover"), items=tuple(_(t) for t in wording.NOT_COVERED)),
    ]
    if clinician and result is not None:
        sections.append(MethodSection(_("Versions"), (_(
            "Model {model}; evidence {evidence} ({checksum}); {draws} Monte Carlo draws, seed {seed}.",
            model=result.model_version, evidence=result.evidence_version, checksum=result.evidence_checksum[:12],
            draws=result.draws, seed=result.seed),)))
    return MethodView(tuple(sections))
