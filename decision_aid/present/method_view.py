""""How was this calculated?": when the evidence was reviewed, the source studies, their figures with
what each was checked against, the assumptions, what changed in model 2.0 and what the estimate
leaves out."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Estimate, Model
from . import wording
from .about_view import review_view
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


#: The assumptions in plain words for the patient view, by their stable id (MODEL.md); the clinician
#: reads each assumption as written in the evidence file, with its id.
PLAIN_ASSUMPTIONS = {
    "A1": N_("In every group, the risk of worsening changes over time in the same way. This pattern comes from the "
             "study's relapsing group."),
    "A2": N_("The curve for progressive MS is worked out from the study's overall result at {years} years. Mixed as "
             "in the study, the relapsing and progressive curves give that result."),
    "A3": N_("Age and earlier treatments change the risk. Each person is compared with an average person in their "
             "group. The study does not give those averages, so they are assumed."),
    "A4": N_("In the estimate, a high EDSS score raises the risk of early death and lowers the chance of being alive "
             "at {years} years. It does not change the chance of staying free of worsening."),
    "A5": N_("The study gives no figures after {years} years. So after that, the curve goes on with the earlier "
             "trend. Its range is wider there, because the shape of the curve is not certain."),
    "A6": N_("The range for relapsing MS is wider because not everyone in that group was followed for the full "
             "time."),
    "A7": N_("Early deaths are shown for the study's centres and, apart from them, for recent UK centres. The two "
             "are never combined. Staying free of worsening and survival come from the study only."),
    "A8": N_("The effect of EDSS on early deaths is taken from survival over the whole study, with extra "
             "uncertainty."),
    "A9": N_("Age is not part of the early-death estimate, because the study gives no figure for it. But early risk "
             "was higher in older people."),
    "A10": N_("Where a published range is not the same size on both sides, it is kept as published."),
    "A11": N_("The figures for the whole study and for its relapsing group overlap, and the ranges allow for that."),
    "A12": N_("The numbers are kept in line with each other. The number alive without worsening is never higher "
              "than the number alive after the first {days} days."),
    "A13": N_("EDSS is not part of the estimate of staying free of worsening: the study did not report its effect "
              "on that."),
}


def assumption_text(assumption, clinician: bool, model: Model) -> str:
    """An assumption as the audience reads it (the patient: plain words, no model terms or ratios)."""
    if clinician:
        return f"{assumption.id} {assumption.text}"
    plain = PLAIN_ASSUMPTIONS.get(assumption.id)
    if plain is None:
        return assumption.text
    return _(plain, years=wording.number(model.data_horizon), days=model.early_days)


@dataclass(frozen=True)
class MethodSection:
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class MethodView:
    sections: tuple[MethodSection, ...]


def figure_lines(source, clinician: bool) -> tuple[str, ...]:
    lines = []
    for figure in source.figures.values():
        if figure.kind in FIGURE_KINDS:
            text = wording.figure_text(figure, clinician)
            if text:
                lines.append(text)
    return tuple(lines)


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
            _("Design: {design}.", design=study.text("design")),
            _("Patients: {cohort}.", cohort=study.text("cohort")),
            _("Transplanted: {years}.", years=study.text("transplant_years")),
            _("Main outcome: {outcome}.", outcome=study.text("outcome_definition")),
        )),
        MethodSection(_("Figures used"), items=figure_lines(study, clinician)),
        MethodSection(_("Early deaths in recent UK centres"), (
            recent.full_citation,
            _("Patients: {cohort}.", cohort=recent.text("cohort")),
            _("Definition: {definition}.", definition=recent.text("early_mortality_definition")),
        ), figure_lines(recent, clinician)),
        MethodSection(_("Assumptions"), items=tuple(assumption_text(a, clinician, model) for a in assumptions)),
        MethodSection(_("What changed in model {version}", version=model.version),
                      (_("Estimates saved or printed with model 1.0 were recomputed; the numbers may differ from "
                         "an earlier printout."),),
                      tuple(_(text, study_years=study.text("transplant_years"),
                                recent_years=recent.text("transplant_years"), days=model.early_days,
                                years=wording.number(model.data_horizon)) for text in MODEL_2_CHANGES)),
        MethodSection(_("What this estimate does not cover"), items=tuple(_(t) for t in wording.NOT_COVERED)),
    ]
    if clinician and result is not None:
        sections.append(MethodSection(_("Versions"), (_(
            "Model {model}; evidence {evidence} ({checksum}); {draws} Monte Carlo draws, seed {seed}.",
            model=result.model_version, evidence=result.evidence_version, checksum=result.evidence_checksum[:12],
            draws=result.draws, seed=result.seed),)))
    return MethodView(tuple(sections))
