"""What matters to the patient (a values exercise) and the questions to ask: ids and answers.

Qt-free, no words: the questions and choices are ids here (saved in consultation files, checked
when a file is read), and the figures the questions quote are read from the evidence files
(:func:`regimen_comparison`). The words are made by :mod:`decision_aid.present.worksheet_view`,
so the window and the printed sheet ask the same questions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..evidence import Figure
from ..model import Model


class ValuesError(ValueError):
    """A values choice names an unknown question or choice."""


@dataclass(frozen=True)
class ValuesQuestion:
    id: str
    choices: tuple[str, ...]  # choice ids, in the order shown

    def choice(self, choice_id: str) -> str:
        """``choice_id`` if this question has it; ValuesError naming what is allowed otherwise."""
        if choice_id in self.choices:
            return choice_id
        raise ValuesError(f"question '{self.id}': unknown choice '{choice_id}'; allowed: " + ", ".join(self.choices))


UNSURE = "unsure"

VALUES_QUESTIONS: tuple[ValuesQuestion, ...] = (
    ValuesQuestion("early_risk", ("avoid", "very_small", "small", "accept", UNSURE)),
    ValuesQuestion("treatment_time", ("heavy", "manageable", "light", UNSURE)),
    ValuesQuestion("fertility", ("very", "maybe", "not", UNSURE)),
    ValuesQuestion("infection", ("very", "somewhat", "little", UNSURE)),
    ValuesQuestion("disability", ("most", "a_lot", "equal", "less", UNSURE)),
)


def values_question(question_id: str) -> ValuesQuestion:
    for question in VALUES_QUESTIONS:
        if question.id == question_id:
            return question
    raise ValuesError(f"unknown question '{question_id}'; known: " + ", ".join(q.id for q in VALUES_QUESTIONS))


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


# --- Questions to ask ---------------------------------------------------------------------------

#: Question ids, in the order asked.
QUESTIONS_TO_ASK: tuple[str, ...] = ("experience", "regimen", "recovery", "fertility", "costs", "alternatives")


@dataclass(frozen=True)
class RegimenComparison:
    """The Swedish comparison of BEAM/ATG with Cy/ATG: every figure from its evidence file. The
    difference in disease activity was not significant: never present BEAM as working better."""

    short_name: str
    doi: str | None
    beam_patients: Figure
    cy_patients: Figure
    neda_beam: Figure
    neda_cy: Figure
    neda_p: Figure
    neda_years: Figure
    severe_adverse_events_beam: Figure
    severe_adverse_events_cy: Figure
    febrile_neutropenia_beam: Figure
    febrile_neutropenia_cy: Figure
    febrile_neutropenia_p: Figure
    extra_hospital_days_beam: Figure


def regimen_comparison(model: Model) -> RegimenComparison:
    source = model.evidence.by_role("regimen")[0]
    f = source.figure
    return RegimenComparison(
        source.short_name, source.doi, f("beam_patients"), f("cy_patients"), f("neda_5y_beam"), f("neda_5y_cy"),
        f("neda_5y_p"), f("neda_years"), f("severe_adverse_events_beam"), f("severe_adverse_events_cy"),
        f("febrile_neutropenia_beam"), f("febrile_neutropenia_cy"), f("febrile_neutropenia_p"),
        f("extra_hospital_days_beam"))
