"""The summary sheet's words: built once per estimate, audience and options, painted by
:mod:`decision_aid.report` on paper in whatever pages they need.

Section 1 is the estimate (the same :class:`EstimateView` the window shows), with the overdue
notice when the evidence review is overdue; then the options (AHSCT and drug treatment side by
side), what the treatment involves, the evidence around the estimate (both guidance statements, the
other studies, the disclosure); then a worksheet (the values answers or tick boxes, the questions to
ask with room to write). Every page's footer carries the evidence review dates.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Estimate, Model, Profile
from . import wording
from .comparison_view import comparison_view
from .about_view import DisclosureView, disclosure_view
from .review_view import ReviewView, review_view
from .audience import Audience
from .estimate_view import EstimateView, estimate_view
from .free_text import check_free_text
from .glossary import GlossaryView, glossary_view
from .guidance_core import core_sentence
from .guidance_view import GuidanceView, guidance_view
from .harms_view import HarmsView, harms_view
from .i18n import _
from .appendices import APPENDIX_KEYS
from .method_view import assumptions_in_brief
from .numbers import format_date
from .options_view import OptionsView, options_view
from .studies_view import StudiesView, studies_view
from .drug_options_view import OptionBriefView, options_brief
from .worksheet_view import questions_view, worksheet_view


@dataclass(frozen=True)
class ContextSection:
    """The evidence around the estimate: both guidance statements, the other studies, the disclosure."""

    title: str
    profile_line: str
    guidance: GuidanceView  # both statements, point by point
    studies: StudiesView  # the printed table: ``sheet_columns`` and ``sheet_rows`` (both early-death eras)
    disclosure: DisclosureView


@dataclass(frozen=True)
class TickQuestion:
    prompt: str
    choices: tuple[str, ...]


@dataclass(frozen=True)
class WorksheetSection:
    title: str
    profile_line: str  # whose answers these are, on the printed page
    values_heading: str
    answers: tuple[str, ...]
    tick_intro: str
    unanswered: tuple[TickQuestion, ...]
    questions_heading: str
    questions: tuple[tuple[str, str], ...]  # (topic, text)


@dataclass(frozen=True)
class YearTableRow:
    """One row of the printed year-by-year table: a label and one cell per year."""

    label: str
    cells: tuple[str, ...]


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
    treatment: str  # the treatment's name spelled out, once, under the profile (the subtitle stays short)
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
    year_table: tuple[YearTableRow, ...]  # under the years: the patient's "In 100"; the clinician's % and range
    extrapolated_mark: str  # the footnote of "*" ("" where no year is marked so)
    one_cohort_mark: str  # the footnote of "\u2020"
    running_title: str  # on every page's footer, with the evidence review dates
    review: ReviewView  # its ``notice`` (overdue) is printed on page 1
    translation_note: str  # empty in English; elsewhere, once on page 1: not yet reviewed by a medical translator
    sections: tuple[GlossaryView | OptionsView | HarmsView | ContextSection | WorksheetSection, ...]
    guidance_core: str = ""  # no core criterion of the guidance is met ("" otherwise); printed atop the guidance
    terms: str = ""  # patient, page 1: AHSCT and EDSS explained at their first use
    # the first two pages in brief (issue 25, item 3): every option with how it is given and its main
    # harms, and the questions to ask; the appendices give them in full
    options_brief_heading: str = ""
    options_brief: tuple[OptionBriefView, ...] = ()
    options_more: str = ""  # where the options are in full ("" when that appendix is left out)
    questions_brief_heading: str = ""
    questions_brief: tuple[tuple[str, str], ...] = ()  # (topic, text)

    def page_label(self, page: int, pages: int) -> str:
        return _("Page {page} of {pages}", page=page, pages=pages)


def sheet_view(result: Estimate, audience: Audience | str, model: Model, name: str | None = None,
               notes: str = "", date: _dt.date | None = None,
               values: Mapping[str, str] | None = None, comparison: Estimate | None = None,
               left_out: tuple[str, ...] = ()) -> SheetView:
    audience = Audience.parse(audience)
    clinician = audience.clinician
    view = estimate_view(result, audience, model)
    years = int(result.pfs.extrapolated_after)
    name = name.strip() if name and name.strip() else None
    check_free_text("name", name)  # never a name or notes that read otherwise than they are
    check_free_text("notes", notes)
    date = date or _dt.date.today()
    review = review_view(model.evidence)
    if clinician:
        assumptions = _("Assumptions. {items}", items=" ".join(f"{a.id} {wording.data_text(a.text)}" for a in result.assumptions))
        assumptions += " " + _("Outcome: {outcome}. Design: {design}.", outcome=wording.data_text(model.study.text("outcome_definition")),
                               design=wording.data_text(model.study.text("design")))
    else:
        assumptions = _("Assumptions in brief. {text}", text=assumptions_in_brief(result.assumptions, years))
    return SheetView(
        estimate=view,
        title=_("AHSCT for multiple sclerosis: clinician summary") if clinician
        else _("AHSCT (a transplant of your own stem cells) for MS: your summary"),
        subtitle=_("A decision aid built on published group figures, not a prediction for one person."),
        date=format_date(date),
        name=name,
        name_line=_("For: {name}", name=name) if name else "",
        versions=view.versions,
        profile_title=_("Profile:") if clinician else _("About you:"),
        treatment=_("AHSCT means autologous haematopoietic stem cell transplantation: the treatment these "
                    "numbers are about."),
        warnings_heading=_("Please note (applies to this profile)"),
        limits_heading=_("Limits of the early-death figures"),
        means_heading=_("What these numbers mean"),
        means=(_("They describe what happened to groups of people like you in one study; they are not a "
                 "prediction for you alone."),
               _("The ranges show the uncertainty: the true number is likely to lie within them.")),
        not_mean_heading=_("What they do not mean"),
        # each points to its appendix only where it is printed
        not_mean=(_("They do not compare the transplant with other treatments or with no transplant.")
                  if "options" in left_out else
                  _("They do not compare the transplant with other treatments or with no transplant. For that, see "
                    "\u201cYour options\u201d later in this summary."),
                  _("They do not cover other effects of treatment, such as the side effects of strong chemotherapy.")
                  if "harms" in left_out else
                  _("They do not cover other effects of treatment, such as the side effects of strong chemotherapy. "
                    "For those, see \u201cWhat the treatment involves\u201d later in this summary.")),
        notes_heading=_("Notes"),
        notes=notes.strip("\n"),
        assumptions_text=assumptions,
        source_text=_("Source: {citation} {review}", citation=result.primary_citation, review=review.line),
        year_label=_("Year"),
        year_table=year_table(view),
        extrapolated_mark=_("{mark} extrapolated beyond {years} years (the study's curve)", mark=MARK_EXTRAPOLATED,
                            years=years) if any(r.extrapolated for r in view.years) else "",
        one_cohort_mark=_("{mark} from one cohort after {years} years (the later cohorts' curve)",
                          mark=MARK_ONE_COHORT, years=years) if any(r.one_cohort for r in view.years_recent) else "",
        running_title=_("AHSCT for MS: summary. {review}", review=review.short),
        review=review,
        translation_note=translation_note(),
        sections=((comparison_view(comparison, result, audience),) if comparison is not None else ())
        + appendices(result, audience, model, values or {}, left_out),
        guidance_core=core_sentence(model, result.profile, audience),
        terms="" if clinician else _("EDSS: the usual disability score in MS."),  # AHSCT: under About you
        options_brief_heading=_("Options in brief") if clinician else _("Your options in brief"),
        options_brief=options_brief(model, result.profile, result, audience),
        # points to its appendix only where it is printed
        options_more="" if "options" in left_out else _(
            "Each option in full, with what it did in its main study: see \u201cYour options\u201d later in this "
            "summary."),
        questions_brief_heading=_("Questions the patient may ask") if clinician
        else _("Questions to ask at your consultation"),
        questions_brief=tuple((q.topic, q.text) for q in questions_view(model, audience, short=True)),
    )


def appendices(result: Estimate, audience: Audience, model: Model, values: Mapping[str, str],
               left_out: tuple[str, ...]) -> tuple:
    """The parts after the estimate, in order, except those the clinician left out on the Sheet tab
    (:mod:`.appendices`); the glossary is the patient's only. Each is made only when printed."""
    makers = {
        "glossary": lambda: None if audience.clinician else glossary_view(),
        "options": lambda: options_view(model, result.profile, audience, result),
        "harms": lambda: harms_view(model, result, audience),
        "guidance": lambda: context_section(result, audience, model),
        "worksheet": lambda: worksheet_section(model, values, audience, result.profile),
    }
    made = (makers[key]() for key in APPENDIX_KEYS if key not in left_out)
    return tuple(section for section in made if section is not None)


def year_table(view: EstimateView) -> tuple[YearTableRow, ...]:
    """The rows under the years, one era after the other: for the patient, people in 100; for the
    clinician, the estimate and both ends of its 95% interval in percent, then people in 100 (the
    window's Range column, on paper). A year beyond 5 is marked in its first row's cell: "*" where
    the study's curve is extrapolated, "\u2020" where the later cohorts' rests on one cohort."""
    rows = []
    for era, years in ((_("the study"), view.years), (_("later cohorts"), view.years_recent)):
        if not years:
            continue
        marks = [MARK_EXTRAPOLATED if r.extrapolated else MARK_ONE_COHORT if r.one_cohort else "" for r in years]
        in_hundred = tuple(r.in_hundred for r in years)
        if not view.audience.clinician:
            rows.append(YearTableRow(_("In 100, {era}", era=era), tuple(c + m for c, m in zip(in_hundred, marks))))
            continue
        rows += [YearTableRow(_("{era}: estimate (%)", era=wording.sentence_case(era)),
                              tuple(r.number + m for r, m in zip(years, marks))),
                 YearTableRow(_("95% lower"), tuple(r.lower for r in years)),
                 YearTableRow(_("95% upper"), tuple(r.upper for r in years)),
                 YearTableRow(_("In 100"), in_hundred)]
    return tuple(rows)


MARK_EXTRAPOLATED, MARK_ONE_COHORT = "*", "\u2020"


def translation_note() -> str:
    """Said in the translated language once, on the first page of every translated sheet (issue 17;
    not in every footer, issue 26); empty in English. About says the same of the window
    (:func:`.about_view.about_view`)."""
    from .i18n import SOURCE_LANGUAGE, current_language, translated_from

    if current_language() == SOURCE_LANGUAGE:
        return ""
    return _("This translation has not yet been reviewed by a medical translator. It was made from the English "
             "text of decision-aid {version}; if anything is unclear, the English sheet is the reference.",
             version=translated_from(current_language()))


def profile_line(profile: Profile) -> str:
    """Whose profile a later section is about, at the top of its page."""
    return _("Profile: {profile}", profile=wording.profile_sentence(profile))


def context_section(result: Estimate, audience: Audience, model: Model) -> ContextSection:
    return ContextSection(
        title=_("Guidance and other studies"),
        profile_line=profile_line(result.profile),
        guidance=guidance_view(model, result.profile, audience),
        studies=studies_view(model, result, audience),
        disclosure=disclosure_view(),
    )


def worksheet_section(model: Model, values: Mapping[str, str], audience: Audience,
                      profile: Profile) -> WorksheetSection:
    view = worksheet_view(model, values, audience)
    unanswered = tuple(TickQuestion(q.prompt, tuple(c.label for c in q.choices))
                       for q in view.questions if q.id not in view.chosen)
    return WorksheetSection(
        title=_("What matters to you, and questions to ask"),
        profile_line=profile_line(profile),
        values_heading=view.heading,
        answers=view.summary(),
        tick_intro=(_("Not answered yet; tick one:") if view.chosen else _("Tick the answer closest to how you feel:"))
        if unanswered else "",
        unanswered=unanswered,
        questions_heading=_("Questions to ask (with space for the answers)"),
        questions=tuple((q.topic, q.text) for q in view.ask),
    )
