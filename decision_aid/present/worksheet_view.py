"""The worksheet in words: what matters to the patient (the values exercise) and questions to ask.

The questions and choices are ids in :mod:`decision_aid.context.values` (saved in consultation
files); every word is here, so the window and the printed sheet ask the same questions. The figures
quoted in the question about regimens come from the evidence file, in percentages for the clinician
and in whole numbers in 100 for the patient.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..context.values import (QUESTIONS_TO_ASK, UNSURE, VALUES_QUESTIONS, RegimenComparison, ValuesChoices,
                              regimen_comparison)
from ..model import Model
from . import wording
from .audience import Audience
from .i18n import N_, _

#: question id -> (topic, prompt); the choices' words follow.
QUESTION_WORDS = {
    "early_risk": (N_("The risks of each option"), N_(
        "Both options carry risks: AHSCT a small risk of dying from the treatment in the first months, the drugs "
        "their own side effects and a higher chance that MS stays active. Which weighs more for you?")),
    "treatment_time": (N_("The burden of treatment"), N_(
        "AHSCT means weeks in hospital and months of recovery (time off work, tiredness); most drugs mean years of "
        "tablets, injections or drips. How much does this weigh for you?")),
    "fertility": (N_("Fertility"), N_(
        "The chemotherapy of AHSCT can reduce fertility, and some drugs must be stopped before a pregnancy. How "
        "important is having children in the future?")),
    "infection": (N_("Infection risk"), N_(
        "Both options weaken the body's defences: for months after AHSCT, and for as long as some drugs are taken. "
        "How worried are you about serious infections?")),
    "disability": (N_("Avoiding more disability"), N_(
        "How much does a better chance of avoiding more disability matter to you, compared with the risks of "
        "either option?")),
}

#: (question id, choice id) -> the choice's words; UNSURE reads the same for every question.
CHOICE_WORDS = {
    UNSURE: N_("I am not sure yet and would like to talk it through"),
    ("early_risk", "avoid"): N_("I would rather avoid the early risk of AHSCT, even if my MS is more likely to get "
                                "worse on drugs"),
    ("early_risk", "very_small"): N_("I would accept only a very small early risk for a better chance of my MS "
                                     "staying stable"),
    ("early_risk", "small"): N_("I would accept a small early risk for a clearly better chance of staying stable"),
    ("early_risk", "accept"): N_("Staying stable matters most to me; I would accept a larger early risk"),
    ("treatment_time", "heavy"): N_("Months away from work, family or study would be very hard for me"),
    ("treatment_time", "manageable"): N_("It would be hard but I could manage it"),
    ("treatment_time", "light"): N_("It would not weigh much in my decision"),
    ("fertility", "very"): N_("Very important; I want to have children"),
    ("fertility", "maybe"): N_("I might want children; I would like to know my options"),
    ("fertility", "not"): N_("Not important for me"),
    ("infection", "very"): N_("Very worried; this would weigh heavily"),
    ("infection", "somewhat"): N_("Somewhat worried, but I would accept the precautions"),
    ("infection", "little"): N_("Not very worried"),
    ("disability", "most"): N_("It matters more than anything else"),
    ("disability", "a_lot"): N_("It matters a lot, but so do the risks"),
    ("disability", "equal"): N_("I weigh it about equally with the risks"),
    ("disability", "less"): N_("The risks of treatment matter more to me"),
}

#: The questions to ask: id -> topic.
ASK_TOPICS = {
    "experience": N_("The centre"),
    "regimen": N_("The treatment regimen"),
    "recovery": N_("Recovery"),
    "fertility": N_("Fertility"),
    "costs": N_("Costs and travel"),
    "alternatives": N_("Alternatives"),
}


@dataclass(frozen=True)
class ChoiceView:
    id: str
    label: str
    accessible_name: str  # "<topic>: <choice>"


@dataclass(frozen=True)
class ValuesQuestionView:
    id: str
    topic: str
    prompt: str
    tooltip: str
    choices: tuple[ChoiceView, ...]

    def choice(self, choice_id: str) -> ChoiceView:
        return next(c for c in self.choices if c.id == choice_id)


@dataclass(frozen=True)
class QuestionView:
    id: str
    topic: str
    text: str

    def numbered(self, number: int) -> str:
        return _("{number}. {topic}: {text}", number=number, topic=self.topic, text=self.text)


@dataclass(frozen=True)
class WorksheetView:
    """The values exercise with the answers given so far, and the questions to ask."""

    audience: Audience
    heading: str
    intro: str
    questions: tuple[ValuesQuestionView, ...]
    chosen: ValuesChoices
    answers_heading: str
    nothing_chosen: str
    clear_label: str
    clear_tooltip: str
    ask: tuple[QuestionView, ...]

    def question(self, question_id: str) -> ValuesQuestionView:
        return next(q for q in self.questions if q.id == question_id)

    def summary(self, choices: Mapping[str, str] | None = None) -> tuple[str, ...]:
        """The answers (``chosen`` unless others are given) in words, one line per answered question."""
        checked = self.chosen if choices is None else ValuesChoices(choices)
        return tuple(_("{topic}: \u201c{choice}\u201d", topic=self.question(q).topic,
                       choice=self.question(q).choice(c).label) for q, c in checked.items())


def _choice_words(question_id: str, choice_id: str) -> str:
    return _(CHOICE_WORDS[UNSURE if choice_id == UNSURE else (question_id, choice_id)])


def values_questions() -> tuple[ValuesQuestionView, ...]:
    views = []
    for question in VALUES_QUESTIONS:
        topic, prompt = (_(text) for text in QUESTION_WORDS[question.id])
        choices = tuple(ChoiceView(c, _choice_words(question.id, c),
                                   _("{topic}: {choice}", topic=topic, choice=_choice_words(question.id, c)))
                        for c in question.choices)
        views.append(ValuesQuestionView(question.id, topic, prompt,
                                        _("{topic}: choose the answer closest to how you feel", topic=topic), choices))
    return tuple(views)


def regimen_text(regimen: RegimenComparison, audience: Audience) -> str:
    """The Swedish BEAM/ATG vs Cy/ATG comparison, every figure from the evidence file, with its source
    for either audience; never BEAM as better."""
    r = regimen
    number = wording.number
    if audience.clinician:
        def with_ci(figure) -> str:
            return _("{value} ({lower} to {upper})", value=wording.published_percent(figure.value),
                     lower=wording.published_percent(figure.ci[0]), upper=wording.published_percent(figure.ci[1]))

        return _("In a Swedish registry comparison for relapsing-remitting MS ({beam} people given BEAM/ATG, {cy} "
                 "given Cy/ATG), no evidence of disease activity at {years} years was {neda_beam} vs {neda_cy} "
                 "(p = {neda_p}: not a significant difference, so neither regimen was shown to work better); severe "
                 "adverse events averaged {sae_beam} vs {sae_cy} per patient; febrile neutropenia {fn_beam} vs "
                 "{fn_cy} (p = {fn_p}); the hospital stay after stem-cell infusion was about {days} days longer with "
                 "BEAM/ATG ({source}, doi:{doi}).",
                 beam=number(r.beam_patients.value), cy=number(r.cy_patients.value), years=number(r.neda_years.value),
                 neda_beam=with_ci(r.neda_beam), neda_cy=with_ci(r.neda_cy), neda_p=number(r.neda_p.value),
                 sae_beam=number(r.severe_adverse_events_beam.value), sae_cy=number(r.severe_adverse_events_cy.value),
                 fn_beam=wording.published_percent(r.febrile_neutropenia_beam.value),
                 fn_cy=wording.published_percent(r.febrile_neutropenia_cy.value),
                 fn_p=number(r.febrile_neutropenia_p.value), days=number(r.extra_hospital_days_beam.value),
                 source=wording.data_text(r.short_name), doi=r.doi)
    per_hundred = wording.per_hundred_whole
    return _("In a Swedish study of relapsing-remitting MS, {beam} people had BEAM/ATG and {cy} had Cy/ATG. After "
             "{years} years, {neda_beam} with BEAM/ATG and {neda_cy} with Cy/ATG had no sign of MS activity. This "
             "difference could be due to chance, so neither was shown to work better. BEAM/ATG brought more serious "
             "side effects: about {sae_beam} for every 100 people, against about {sae_cy} with Cy/ATG (some people "
             "had more than one). Fever while the white blood cells were very low was also more common: {fn_beam}, "
             "against {fn_cy}. The hospital stay was about {days} days longer with BEAM/ATG. Source: {source}, "
             "doi:{doi}.",
             beam=number(r.beam_patients.value), cy=number(r.cy_patients.value), years=number(r.neda_years.value),
             neda_beam=wording.count_phrase(r.neda_beam.value), neda_cy=wording.count_phrase(r.neda_cy.value),
             sae_beam=per_hundred(r.severe_adverse_events_beam.value),
             sae_cy=per_hundred(r.severe_adverse_events_cy.value),
             fn_beam=wording.count_phrase(r.febrile_neutropenia_beam.value),
             fn_cy=wording.count_phrase(r.febrile_neutropenia_cy.value),
             days=number(r.extra_hospital_days_beam.value), source=wording.data_text(r.short_name), doi=r.doi)


def questions_view(model: Model, audience: Audience | str, short: bool = False) -> tuple[QuestionView, ...]:
    """The questions to ask; ``short`` leaves out the regimen question's study figures (the sheet's
    first pages ask it in brief; the worksheet quotes the study)."""
    audience = Audience.parse(audience)
    texts = {
        "experience": _("How many people with MS has this centre treated with HSCT? How many of them died within "
                        "{days} days of transplant?", days=model.early_days),
        "regimen": _("Which conditioning regimen would you use, and why? {comparison}",
                     comparison="" if short else regimen_text(regimen_comparison(model), audience)).strip(),
        "recovery": _("How long would I be in hospital, and how long until I can work and live as before?"),
        "fertility": _("How could the treatment affect my fertility, and can eggs or sperm be stored beforehand?"),
        "costs": _("What will it cost me, who pays, and how much travel and time near the centre is needed?"),
        "alternatives": _("What are my other options (for example another high-efficacy drug), and what would you "
                          "expect with each of them?"),
    }
    return tuple(QuestionView(qid, _(ASK_TOPICS[qid]), texts[qid]) for qid in QUESTIONS_TO_ASK)


def worksheet_view(model: Model | None, values: Mapping[str, str] | None, audience: Audience | str) -> WorksheetView:
    """The values exercise with ``values`` (question id -> choice id, checked) and the questions to ask."""
    audience = Audience.parse(audience)
    clinician = audience.clinician
    return WorksheetView(
        audience=audience,
        heading=_("What matters to the patient") if clinician else _("What matters to you"),
        intro=_("Values exercise for the patient to complete; the answers are printed on the sheet to guide the "
                "conversation.") if clinician else _(
            "These questions help you think about what matters most to you. Your answers are not used in the "
            "estimates; they are printed on the sheet so that you can talk them through with your doctor."),
        questions=values_questions(),
        chosen=values if isinstance(values, ValuesChoices) else ValuesChoices(values),
        answers_heading=_("Your answers in words"),
        nothing_chosen=_("Nothing chosen yet. There are no right or wrong answers."),
        clear_label=_("Clear answers"),
        clear_tooltip=_("Remove every answer so that you can start again"),
        ask=questions_view(model, audience) if model is not None else (),
    )
