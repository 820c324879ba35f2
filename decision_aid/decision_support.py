"""What matters to the patient (a values exercise) and questions to take to the consultation.

Qt-free. The text lives here, in one place, so the window and the printed sheet ask the same
questions; figures in the questions come from the evidence files (``questions_to_ask(model)``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .present import wording
from .model import Model


@dataclass(frozen=True)
class Choice:
    id: str
    label: str


@dataclass(frozen=True)
class ValuesQuestion:
    id: str
    topic: str
    prompt: str
    choices: tuple[Choice, ...]

    def choice(self, choice_id: str) -> Choice:
        for choice in self.choices:
            if choice.id == choice_id:
                return choice
        raise ValuesError(
            f"question '{self.id}': unknown choice '{choice_id}'; allowed: "
            + ", ".join(c.id for c in self.choices))


_UNSURE = Choice("unsure", "I am not sure yet and would like to talk it through")

VALUES_QUESTIONS: tuple[ValuesQuestion, ...] = (
    ValuesQuestion(
        "early_risk", "A small risk of early death",
        "Would you accept a small risk of dying from the treatment for a better chance of your MS staying stable?",
        (
            Choice("avoid", "I want to avoid any risk of dying from treatment, even if my MS may get worse"),
            Choice("very_small", "I would accept only a very small risk"),
            Choice("small", "I would accept a small risk for a clearly better chance of staying stable"),
            Choice("accept", "Staying stable matters most to me; I would accept a larger risk"),
            _UNSURE,
        ),
    ),
    ValuesQuestion(
        "treatment_time", "Months of treatment and recovery",
        "How much do the weeks in hospital and the months of recovery (time off work, tiredness) weigh for you?",
        (
            Choice("heavy", "Months away from work, family or study would be very hard for me"),
            Choice("manageable", "It would be hard but I could manage it"),
            Choice("light", "It would not weigh much in my decision"),
            _UNSURE,
        ),
    ),
    ValuesQuestion(
        "fertility", "Fertility",
        "The chemotherapy can reduce fertility. How important is having children in the future?",
        (
            Choice("very", "Very important; I want to have children"),
            Choice("maybe", "I might want children; I would like to know my options"),
            Choice("not", "Not important for me"),
            _UNSURE,
        ),
    ),
    ValuesQuestion(
        "infection", "Infection risk",
        "After treatment the immune system is weak for months. How worried are you about serious infections?",
        (
            Choice("very", "Very worried; this would weigh heavily"),
            Choice("somewhat", "Somewhat worried, but I would accept the precautions"),
            Choice("little", "Not very worried"),
            _UNSURE,
        ),
    ),
    ValuesQuestion(
        "disability", "Avoiding more disability",
        "How much does a better chance of avoiding more disability matter to you, compared with the risks?",
        (
            Choice("most", "It matters more than anything else"),
            Choice("a_lot", "It matters a lot, but so do the risks"),
            Choice("equal", "I weigh it about equally with the risks"),
            Choice("less", "The risks of treatment matter more to me"),
            _UNSURE,
        ),
    ),
)


class ValuesError(ValueError):
    """A values choice names an unknown question or choice."""


def values_question(question_id: str) -> ValuesQuestion:
    for question in VALUES_QUESTIONS:
        if question.id == question_id:
            return question
    raise ValuesError(
        f"unknown question '{question_id}'; known: " + ", ".join(q.id for q in VALUES_QUESTIONS))


class ValuesChoices(Mapping[str, str]):
    """Question id -> choice id, checked against :data:`VALUES_QUESTIONS`; unanswered questions are absent."""

    def __init__(self, choices: Mapping[str, str] | None = None) -> None:
        checked: dict[str, str] = {}
        for question_id, choice_id in (choices or {}).items():
            values_question(question_id).choice(choice_id)
            checked[question_id] = choice_id
        order = [q.id for q in VALUES_QUESTIONS]
        self._choices = dict(sorted(checked.items(), key=lambda item: order.index(item[0])))

    def __getitem__(self, key: str) -> str:
        return self._choices[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._choices)

    def __len__(self) -> int:
        return len(self._choices)

    def __repr__(self) -> str:
        return f"ValuesChoices({self._choices!r})"

    def label(self, question_id: str) -> str | None:
        choice_id = self._choices.get(question_id)
        return None if choice_id is None else values_question(question_id).choice(choice_id).label


def values_summary(choices: Mapping[str, str]) -> tuple[str, ...]:
    """The choices shown back in words, one sentence per answered question, in question order."""
    checked = choices if isinstance(choices, ValuesChoices) else ValuesChoices(choices)
    return tuple(f"{values_question(q).topic}: \u201c{checked.label(q)}\u201d" for q in checked)


# --- Questions to ask ---------------------------------------------------------------------------

@dataclass(frozen=True)
class QuestionToAsk:
    id: str
    topic: str
    text: str


#: Question ids and topics, in the order asked; :func:`questions_to_ask` adds figures from evidence.
QUESTIONS_TO_ASK: tuple[tuple[str, str], ...] = (
    ("experience", "The centre"),
    ("regimen", "The treatment regimen"),
    ("recovery", "Recovery"),
    ("fertility", "Fertility"),
    ("costs", "Costs and travel"),
    ("alternatives", "Alternatives"),
)


def regimen_comparison_text(model: Model) -> str:
    """The Swedish BEAM/ATG vs Cy/ATG comparison in one sentence, every figure from the evidence file."""
    source = model.evidence.by_role("regimen")[0]
    f = source.figure
    v = source.value

    def with_ci(name: str) -> str:
        fig = f(name)
        return f"{wording.published_percent(fig.value)} ({wording.published_percent(fig.ci[0])} to {wording.published_percent(fig.ci[1])})"

    return (
        f"In a Swedish registry comparison for relapsing-remitting MS ({v('beam_patients'):g} people given BEAM/ATG, "
        f"{v('cy_patients'):g} given Cy/ATG), no evidence of disease activity at 5 years was "
        f"{with_ci('neda_5y_beam')} vs {with_ci('neda_5y_cy')} (p = {v('neda_5y_p'):g}: not a significant "
        f"difference, so neither regimen was shown to work better); severe adverse events averaged "
        f"{v('severe_adverse_events_beam'):g} vs {v('severe_adverse_events_cy'):g} per patient; febrile neutropenia "
        f"{wording.published_percent(v('febrile_neutropenia_beam'))} vs "
        f"{wording.published_percent(v('febrile_neutropenia_cy'))} (p = {v('febrile_neutropenia_p'):g}); the hospital "
        f"stay after stem-cell infusion was about {v('extra_hospital_days_beam'):g} days longer with BEAM/ATG "
        f"({source.short_name}, doi:{source.doi})."
    )


def questions_to_ask(model: Model) -> tuple[QuestionToAsk, ...]:
    texts = {
        "experience": "How many people with MS has this centre treated with HSCT, and what are its own figures "
                      f"for deaths within {model.early_days} days of transplant?",
        "regimen": "Which conditioning regimen would you use, and why? " + regimen_comparison_text(model),
        "recovery": "How long would I be in hospital, and how long until I can work and live as before?",
        "fertility": "How could the treatment affect my fertility, and can eggs or sperm be stored beforehand?",
        "costs": "What will it cost me, who pays, and how much travel and time near the centre is needed?",
        "alternatives": "What are my other options (for example another high-efficacy drug), and what would "
                        "you expect with each of them?",
    }
    return tuple(QuestionToAsk(qid, topic, texts[qid]) for qid, topic in QUESTIONS_TO_ASK)
