""""What matters to you": lays out a :class:`~decision_aid.present.worksheet_view.WorksheetView`
as radio-button groups, with the choices shown back in words.

One exclusive button group per question, so Tab moves between questions and the arrow keys
between choices; each button has the accessible name the view gives it ("<topic>: <choice>").
The answers are ids (saved in consultation files); every word is the view's.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QLabel, QPushButton, QRadioButton, QVBoxLayout, QWidget

from .. import palette
from ..context.values import VALUES_QUESTIONS, ValuesChoices
from ..present.worksheet_view import WorksheetView
from ..present.i18n import _
from .context_common import body_points, set_font_size, text_label
from .responsive import WrapRadioButton


class ValuesPanel(QWidget):
    """The values exercise. ``choices_changed`` carries a :class:`ValuesChoices`."""

    choices_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: WorksheetView | None = None
        outer = QVBoxLayout(self)
        self.heading = text_label(name=_("What matters to you heading"), points=palette.HEADING, bold=True)
        self.intro = text_label(name=_("About these questions"))
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)
        self.groups: dict[str, QButtonGroup] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.prompts: dict[str, QLabel] = {}
        self.buttons: dict[tuple[str, str], QRadioButton] = {}
        for question in VALUES_QUESTIONS:  # the ids; the words come with the view
            # A group box title does not wrap, so the question is a wrapping label inside the box.
            box = QGroupBox()
            box_layout = QVBoxLayout(box)
            prompt = text_label(bold=True)
            box_layout.addWidget(prompt)
            self.prompts[question.id] = prompt
            group = QButtonGroup(self)
            group.setExclusive(True)
            for choice in question.choices:
                button = WrapRadioButton()  # a long choice wraps (a radio button's text never does)
                group.addButton(button)
                box_layout.addWidget(button)
                self.buttons[(question.id, choice)] = button
            group.buttonToggled.connect(self._on_toggled)
            self.groups[question.id] = group
            self.boxes[question.id] = box
            outer.addWidget(box)
        self.summary_heading = text_label(name=_("Your answers heading"), bold=True)
        self.summary = text_label(name=_("Your answers in words"))
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(lambda: self.set_choices({}))
        for widget in (self.summary_heading, self.summary, self.clear_button):
            outer.addWidget(widget)
        outer.addStretch(1)
        self._setting = False

    def show_view(self, view: WorksheetView) -> None:
        """Every word from ``view``, and its answers checked (showing them is not a new answer)."""
        self.view = view
        self.setAccessibleName(view.heading)
        self.heading.setText(view.heading)
        self.intro.setText(view.intro)
        for question in view.questions:
            self.boxes[question.id].setAccessibleName(question.prompt)
            self.boxes[question.id].setToolTip(question.tooltip)
            self.prompts[question.id].setText(question.prompt)
            self.prompts[question.id].setAccessibleDescription(question.topic)  # the name is its text
            for choice in question.choices:
                button = self.buttons[(question.id, choice.id)]
                button.setText(choice.label)
                button.setAccessibleName(choice.accessible_name)
                button.setToolTip(choice.label)
        self.summary_heading.setText(view.answers_heading)
        self.clear_button.setText(view.clear_label)
        self.clear_button.setAccessibleName(view.clear_label)
        self.clear_button.setToolTip(view.clear_tooltip)
        points = body_points(view.audience)
        for widget in (self.intro, self.summary, *self.buttons.values(), self.clear_button):
            set_font_size(widget, points)
        for prompt in self.prompts.values():
            set_font_size(prompt, points, bold=True)
        self.blockSignals(True)
        try:
            self.set_choices(view.chosen)
        finally:
            self.blockSignals(False)

    def choices(self) -> ValuesChoices:
        return ValuesChoices({qid: cid for (qid, cid), button in self.buttons.items() if button.isChecked()})

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


    def _on_toggled(self, _button, checked: bool) -> None:
        # Switching answers unchecks one button and checks another: report the change once.
        if checked and not self._setting:
            self._changed()

    def _changed(self) -> None:
        choices = self.choices()
        if self.view is not None:
            lines = self.view.summary(choices)
            self.summary.setText("\n".join(lines) if lines else self.view.nothing_chosen)
        self.choices_changed.emit(choices)
