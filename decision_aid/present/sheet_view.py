"""The summary sheet's words: built once per estimate, audience and options, painted by
:mod:`decision_aid.report` on paper in whatever pages they need.

Section 1 is the estimate (the same :class:`EstimateView` the window shows); then the evidence
around it (the randomised trial or why none applies, the guidance, the other studies); then a
worksheet (the values answers or tick boxes, the questions to ask with room to write).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Estimate, Model
from . import wording
from .audience import Audience
from .estimate_view import EstimateView, estimate_view
from .i18n import _
from .method_view import assumptions_in_brief
from .numbers import format_date


@dataclass(frozen=True)
class TrialArm:
    label: str
    caption: str
    count: int  # in 100, progressed


@dataclass(frozen=True)
class ContextSection:
    title: str
    profile_line: str
    trial_heading: str
    trial_intro: str  # why the trial applies, or why it does not
    arms: tuple[TrialArm, ...]  # empty when the trial does not apply
    trial_details: str
    guidance_heading: str
    guidance_statement: str
    guidance_source: str
    guidance_points: tuple[str, ...]
    guidance_note: str
    studies_heading: str
    studies_columns: tuple[str, ...]
    studies_rows: tuple[tuple[str, ...], ...]  # the first row is the personal estimate, when there is one
    studies_note: str


@dataclass(frozen=True)
class TickQuestion:
    prompt: str
    choices: tuple[str, ...]


@dataclass(frozen=True)
class WorksheetSection:
    title: str
    values_heading: str
    answers: tuple[str, ...]
    tick_intro: str
    unanswered: tuple[TickQuestion, ...]
    questions_heading: str
    questions: tuple[tuple[str, str], ...]  # (topic, text)


@dataclass(frozen=True)
class SheetView:
    estimate: EstimateView
    title: str
    subtitle: str
    date: str
    name: str | None
    name_line: str
    versions: str
    profile_title: str
    warnings_heading: str
    limits_heading: str
    means_heading: str
    means: tuple[str, ...]
    not_mean_heading: str
    not_mean: tuple[str, ...]
    notes_heading: str
    notes: str
    assumptions_text: str
    source_text: str
    year_label: str
    estimate_label: str
    extrapolated_mark: str
    running_title: str
    translation_note: str  # empty in English; elsewhere: not yet reviewed by a medical translator
    sections: tuple[ContextSection | WorksheetSection, ...]

    def page_label(self, page: int, pages: int) -> str:
        return _("Page {page} of {pages}", page=page, pages=pages)


def sheet_view(result: Estimate, audience: Audience | str, model: Model, name: str | None = None,
               notes: str = "", date: _dt.date | None = None,
               values: Mapping[str, str] | None = None) -> SheetView:
    audience = Audience.parse(audience)
    clinician = audience.clinician
    view = estimate_view(result, audience, model)
    years = int(result.pfs.extrapolated_after)
    name = name.strip() if name and name.strip() else None
    date = date or _dt.date.today()
    if clinician:
        assumptions = _("Assumptions. {items}", items=" ".join(f"{a.id} {a.text}" for a in result.assumptions))
        assumptions += " " + _("Outcome: {outcome}. Design: {design}.", outcome=model.study.text("outcome_definition"),
                               design=model.study.text("design"))
    else:
        assumptions = _("Assumptions in brief. {text}", text=assumptions_in_brief(result.assumptions, years))
    return SheetView(
        estimate=view,
        title=_("AHSCT for multiple sclerosis: clinician summary") if clinician
        else _("AHSCT for multiple sclerosis: your summary"),
        subtitle=_("A decision aid built on published group figures, not a prediction for one person."),
        date=format_date(date),
        name=name,
        name_line=_("For: {name}", name=name) if name else "",
        versions=view.versions,
        profile_title=_("Profile:") if clinician else _("About you:"),
        warnings_heading=_("Please note (applies to this profile)"),
        limits_heading=_("Limits of the early-death figures"),
        means_heading=_("What these numbers mean"),
        means=(_("They describe what happened to groups of people like you in one study; they are not a "
                 "prediction for you alone."),
               _("The ranges show the uncertainty: the true number is likely to lie within them.")),
        not_mean_heading=_("What they do not mean"),
        not_mean=(_("They do not compare the transplant with other treatments or with no transplant."),
                  _("They do not cover other effects of treatment, such as the side effects of intensive "
                    "chemotherapy.")),
        notes_heading=_("Notes"),
        notes=notes.strip("\n"),
        assumptions_text=assumptions,
        source_text=_("Source: {citation}", citation=result.primary_citation),
        year_label=_("Year"),
        estimate_label=_("In 100") if not clinician else _("Estimate (%)"),
        extrapolated_mark=_("* extrapolated beyond {years} years", years=years),
        running_title=_("AHSCT for multiple sclerosis: summary"),
        translation_note=translation_note(),
        sections=(context_section(result, audience, model), worksheet_section(model, values or {})),
    )


def translation_note() -> str:
    """Said in the translated language, on every translated sheet and in About (issue 17)."""
    from .. import __version__
    from .i18n import SOURCE_LANGUAGE, current_language

    if current_language() == SOURCE_LANGUAGE:
        return ""
    return _("This translation has not yet been reviewed by a medical translator. It was made from the English "
             "text of decision-aid {version}; if anything is unclear, the English sheet is the reference.",
             version=__version__)


def context_section(result: Estimate, audience: Audience, model: Model) -> ContextSection:
    from ..context import STUDIES_DIFFER, guidance_fit, mist_comparison, mist_not_applicable, study_rows

    profile = result.profile
    clinician = audience.clinician
    comparison = mist_comparison(model, profile)
    if comparison is None:
        intro, arms, details = mist_not_applicable(model, profile), (), ""
    else:
        sentences = comparison.sentences(audience.value)
        intro = sentences[0]
        arms = tuple(TrialArm(label, _("{count} progressed ({people} people)", count=wording.count_phrase(share),
                                       people=wording.of_phrase(k, n)), wording.in_hundred(share))
                     for label, share, k, n in (
                         (_("After HSCT"), comparison.hsct_share, comparison.hsct_progressed, comparison.hsct_patients),
                         (_("On a DMT"), comparison.dmt_share, comparison.dmt_progressed, comparison.dmt_patients)))
        rest = [s for s in sentences[1:] if s != comparison.counts_sentence]
        details = " ".join([comparison.follow_up_sentence, *rest, _(
            "Each figure is one person in 100; filled, with a downward arrow: their MS progressed.")])
    fit = guidance_fit(model, profile)
    rows = []
    years = int(result.pfs.extrapolated_after)
    em, pfs = result.early_mortality, result.pfs_at[years]
    if clinician:
        em_text = wording.interval_percent(em)
        pfs_text = _("{value} at {years} years", value=wording.interval_percent(pfs), years=years)
    else:
        em_text = _("{count} ({range})", count=wording.count_phrase(em.estimate), range=wording.range_phrase(em))
        pfs_text = _("{count} at {years} years ({range})", count=wording.count_phrase(pfs.estimate), years=years,
                     range=wording.range_phrase(pfs))
    rows.append((_("You (personal estimate)"), "", "",
                 _("{value}, within {days} days ({label})", value=em_text, days=result.early_mortality_days,
                   label=result.early_mortality_source.label), pfs_text))
    for row in study_rows(model):
        label = _("{label} (basis of your estimate)", label=row.label) if row.is_primary else row.label
        rows.append((label, wording.number(row.patients), row.relapsing_text,
                     row.early_mortality_words(audience.value), row.outcomes_words(audience.value, years)))
    return ContextSection(
        title=_("Your options in context"),
        profile_line=_("Profile: {profile}", profile=wording.profile_sentence(profile)),
        trial_heading=_("A randomised comparison: HSCT or a disease-modifying therapy (DMT)"),
        trial_intro=intro,
        arms=arms,
        trial_details=details,
        guidance_heading=_("What the guidance says"),
        guidance_statement=fit.statement,
        guidance_source=fit.citation if clinician else fit.short_name,
        guidance_points=tuple(p.text for p in fit.points),
        guidance_note=fit.note,
        studies_heading=_("Other studies (not part of your estimate)"),
        studies_columns=(_("Study"), _("Patients"), _("Relapsing MS"), _("Early deaths"),
                         _("Progression-free / worsening-free")),
        studies_rows=tuple(rows),
        studies_note=STUDIES_DIFFER,
    )


def worksheet_section(model: Model, values: Mapping[str, str]) -> WorksheetSection:
    from ..decision_support import VALUES_QUESTIONS, ValuesChoices, questions_to_ask, values_summary

    choices = ValuesChoices(values)
    unanswered = tuple(TickQuestion(q.prompt, tuple(c.label for c in q.choices))
                       for q in VALUES_QUESTIONS if q.id not in choices)
    return WorksheetSection(
        title=_("What matters to you, and questions to ask"),
        values_heading=_("What matters to you"),
        answers=values_summary(choices) if choices else (),
        tick_intro=(_("Not answered yet; tick one:") if choices else _("Tick the answer closest to how you feel:"))
        if unanswered else "",
        unanswered=unanswered,
        questions_heading=_("Questions to ask (with space for the answers)"),
        questions=tuple((q.topic, q.text) for q in questions_to_ask(model)),
    )
