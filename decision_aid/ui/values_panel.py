""""What matters to you": the values questions as radio-button groups, with the choices shown back in words.

One exclusive button group per question, so Tab moves between questions and the arrow keys
between choices; each button has an accessible name of the form "<topic>: <choice>".
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup, QGroupBox, QLabel, QPushButton, QRadioButton, QScrollArea, QVBoxLayout, QWidget,
)

from .. import palette
from ..decision_support import VALUES_QUESTIONS, ValuesChoices, values_summary
from .context_common import body_points, check_audience, set_font_size, text_label

NOTHING_CHOSEN = "Nothing chosen yet. There are no right or wrong answers."


class ValuesPanel(QWidget):
    """The values exercise. ``choices_changed`` carries a :class:`ValuesChoices`."""

    choices_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.audience = "patient"
        self.setAccessibleName("What matters to you")
        outer = QVBoxLayout(self)
        self.heading = text_label("What matters to you", "What matters to you heading", palette.HEADING, bold=True)
        self.intro = text_label("", "About these questions")
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.groups: dict[str, QButtonGroup] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.prompts: dict[str, QLabel] = {}
        self.buttons: dict[tuple[str, str], QRadioButton] = {}
        for question in VALUES_QUESTIONS:
            # A group box title does not wrap, so the question is a wrapping label inside the box.
            box = QGroupBox()
            box.setAccessibleName(question.prompt)
            box.setToolTip(f"{question.topic}: choose the answer closest to how you feel")
            box_layout = QVBoxLayout(box)
            prompt = text_label(question.prompt, f"Question: {question.topic}", bold=True)
            box_layout.addWidget(prompt)
            self.prompts[question.id] = prompt
            group = QButtonGroup(self)
            group.setExclusive(True)
            for choice in question.choices:
                button = QRadioButton(choice.label)
                button.setAccessibleName(f"{question.topic}: {choice.label}")
                button.setToolTip(choice.label)
                group.addButton(button)
                box_layout.addWidget(button)
                self.buttons[(question.id, choice.id)] = button
            group.buttonToggled.connect(self._on_toggled)
            self.groups[question.id] = group
            self.boxes[question.id] = box
            layout.addWidget(box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setAccessibleName("Values questions")
        outer.addWidget(scroll, 1)
        self.summary_heading = text_label("Your answers in words", "Your answers heading", palette.BODY, bold=True)
        self.summary = text_label(NOTHING_CHOSEN, "Your answers in words")
        self.clear_button = QPushButton("Clear answers")
        self.clear_button.setAccessibleName("Clear answers")
        self.clear_button.setToolTip("Remove every answer so that you can start again")
        self.clear_button.clicked.connect(lambda: self.set_choices({}))
        for widget in (self.summary_heading, self.summary, self.clear_button):
            outer.addWidget(widget)
        self._setting = False
        self.set_audience(self.audience)

    def choices(self) -> ValuesChoices:
        return ValuesChoices({
            qid: cid for (qid, cid), button in self.buttons.items() if button.isChecked()
        })

    def set_choices(self, choices: Mapping[str, str]) -> None:
        """Check exactly these answers (validated first; unknown ids raise ``ValuesError``)."""
        checked = ValuesChoices(choices)
        self._setting = True
        try:
            for qid, group in self.groups.items():
                group.setExclusive(False)
                for (question_id, choice_id), button in self.buttons.items():
                    if question_id == qid:
                        button.setChecked(checked.get(qid) == choice_id)
                group.setExclusive(True)
        finally:
            self._setting = False
        self._changed()

    def set_audience(self, audience: str) -> None:
        self.audience = check_audience(audience)
        if audience == "clinician":
            self.heading.setText("What matters to the patient")
            self.intro.setText("Values exercise for the patient to complete; the answers are printed on page 2 "
                               "of the sheet to guide the conversation.")
        else:
            self.heading.setText("What matters to you")
            self.intro.setText("These questions help you think about what matters most to you. "
                               "Your answers are not used in the estimates; they are printed on the sheet "
                               "so that you can talk them through with your doctor.")
        points = body_points(self.audience)
        for widget in (self.intro, self.summary, *self.buttons.values(), self.clear_button):
            set_font_size(widget, points)
        for prompt in self.prompts.values():
            set_font_size(prompt, points, bold=True)

    def summary_text(self) -> str:
        return self.summary.text()

    def _on_toggled(self, _button, checked: bool) -> None:
        # Switching answers unchecks one button and checks another: report the change once.
        if checked and not self._setting:
            self._changed()

    def _changed(self) -> None:
        choices = self.choices()
        lines = values_summary(choices)
        self.summary.setText("\n".join(lines) if lines else NOTHING_CHOSEN)
        self.choices_changed.emit(choices)
