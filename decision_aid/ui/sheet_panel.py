"""The "Sheet" tab: which version goes on paper and what it carries besides the estimates (name,
notes, paper size, the sheet's language).

The version (the patient's sheet or the clinician's summary) is chosen here, on purpose: it never
follows the window's view (a clinician working in the clinician view prints the patient's sheet
unless they choose otherwise), it is kept in a saved consultation, and every print, preview and PDF
action names it.

The name is typed for one sheet only: it is not remembered between runs and is printed only
when given. The paper size is a preference and is remembered. The sheet's language is the
patient's: it starts as the window's and is kept in a saved consultation, never in the settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from ..present.appendices import APPENDICES
from ..present.i18n import N_, _, available_languages, current_language, language_name
from .actions import plain_text
from .. import palette
from ..consultation import MAX_NOTES
from ..present.wording import notes_room
from ..present.free_text import HiddenCharacters, check_free_text, not_allowed
from .plain import PlainLabel, make_plain, plain_label
from .responsive import FlowLayout
from .style import make_reading

if TYPE_CHECKING:
    from ..report.options import SheetOptions

PAPERS = (("a4", N_("A4")), ("letter", N_("US Letter")))
VERSIONS = (("patient", N_("The patient's sheet (plain words, numbers in 100)")),
            ("clinician", N_("The clinician's summary (percentages, intervals, hazard ratios)")))
NAME_MAX = 80


class SheetPanel(QWidget):
    """The version, name, notes and paper for the sheet, and buttons for the three sheet actions."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheetPanel")
        layout = QVBoxLayout(self)
        intro = plain_label(_("The summary sheet has several pages: the estimates first, then the other evidence, "
                              "the patient's answers and questions to ask. Choose its version here, the patient's "
                              "sheet to take home or the clinician's summary: it does not follow the window's view. "
                              "Print it, preview it or save it as a PDF (the status bar then says how many pages it "
                              "has). The name is printed only if you type it here; it is kept only in a "
                              "consultation you save yourself (never in settings or the automatic backup)."))
        intro.setWordWrap(True)
        make_reading(intro)  # the page's first stop: it can be read (and the page scrolled) by keyboard
        layout.addWidget(intro)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long label above its field when narrow
        self.audience_combo = QComboBox()
        self.audience_combo.setObjectName("sheetAudience")
        # As wide as there is room for, down to 16 letters (its list shows each version whole): at
        # full length it made the page scroll sideways with an 18 pt font.
        self.audience_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.audience_combo.setMinimumContentsLength(16)
        for key, text in VERSIONS:
            self.audience_combo.addItem(_(text), key)
        self.audience_combo.setToolTip(_("Which version is printed, previewed and saved as PDF. Chosen here: it does "
                                         "not follow the window's view."))
        self.audience_combo.setAccessibleName(_("Sheet version"))
        self.audience_combo.setAccessibleDescription(self.audience_combo.toolTip())
        # The sheet's four settings are reached with Alt+6 to Alt+9 in every language: their words'
        # letters are taken by the menus, tabs and profile fields, which are always on screen too.
        audience_label = plain_label(_("Sheet version (Alt+&6)"))
        audience_label.setBuddy(self.audience_combo)
        form.addRow(audience_label, self.audience_combo)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("sheetName")
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setPlaceholderText(_("optional, e.g. initials"))
        self.name_edit.setToolTip(_("Printed on the sheet only if given; never stored in settings"))
        self.name_edit.setAccessibleName(_("Patient name or initials for the sheet (optional)"))
        name_label = plain_label(_("Patient name or initials (optional, blank for none) (Alt+&7)"))
        name_label.setWordWrap(True)
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)
        self.name_mark = _hidden_mark("sheetNameMark")
        form.addRow(self.name_mark)

        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("sheetPaper")
        for key, text in PAPERS:
            self.paper_combo.addItem(_(text), key)
        self.paper_combo.setToolTip(_("Paper size for printing and PDF"))
        self.paper_combo.setAccessibleName(_("Paper size"))
        paper_label = plain_label(_("Paper size (Alt+&8)"))
        paper_label.setBuddy(self.paper_combo)
        form.addRow(paper_label, self.paper_combo)

        # The patient's language, which may not be the window's: chosen here for this sheet.
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("sheetLanguage")
        for code in available_languages():
            self.language_combo.addItem(language_name(code), code)
        self.language_combo.setToolTip(_("The language the sheet is printed and saved in, chosen apart from the "
                                         "window's (View > Language)"))
        self.language_combo.setAccessibleName(_("Sheet language"))
        language_label = plain_label(_("Sheet language (Alt+&9)"))
        language_label.setBuddy(self.language_combo)
        form.addRow(language_label, self.language_combo)
        self.set_language(current_language())
        layout.addLayout(form)
        self._build_appendices(layout)

        notes_label = plain_label(_("Notes for the sheet (for e&xample next steps, questions to follow up)"))
        notes_label.setWordWrap(True)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("sheetNotes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setToolTip(_("Printed in the notes box. Left blank, the sheet has empty lines to write on."))
        self.notes_edit.setAccessibleName(_("Notes for the summary sheet"))
        notes_label.setBuddy(self.notes_edit)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes_edit, 1)
        self.notes_room = plain_label(name="notesRoom")
        self.notes_room.setWordWrap(True)
        layout.addWidget(self.notes_room)
        self.notes_mark = _hidden_mark("sheetNotesMark")
        layout.addWidget(self.notes_mark)
        self.name_edit.textChanged.connect(lambda: self._mark_hidden(self.name_edit, self.name_mark, "name",
                                                                      self.name_edit.text()))
        self.notes_edit.textChanged.connect(lambda: self._mark_hidden(self.notes_edit, self.notes_mark, "notes",
                                                                       self.notes_edit.toPlainText()))
        self.notes_edit.textChanged.connect(self._show_notes_room)
        self._show_notes_room()

        self.buttons = FlowLayout(spacing=8)  # the three buttons wrap when narrow (large type, zoom)
        self.buttons.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.buttons)
        self.unavailable = plain_label(name="sheetUnavailable")
        self.unavailable.setWordWrap(True)
        self.unavailable.setVisible(False)
        layout.addWidget(self.unavailable)

        self.name_edit.textChanged.connect(self.changed)
        self.notes_edit.textChanged.connect(self.changed)
        self.paper_combo.currentIndexChanged.connect(self.changed)
        self.language_combo.currentIndexChanged.connect(self.changed)
        self.audience_combo.currentIndexChanged.connect(self.changed)

    def _build_appendices(self, layout: QVBoxLayout) -> None:
        """A box per appendix, checked where it is printed (all by default; saved with the
        consultation). No mnemonics: their words' letters are taken (Tab reaches them)."""
        heading = plain_label(_("Printed after the estimate (untick to leave out):"), name="sheetAppendicesHeading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.appendix_boxes: dict[str, QCheckBox] = {}
        for key, words in APPENDICES:
            # The words in a wrapping label beside a box without text: a check box's own text never
            # wraps, and at 150% on 1366x768 the longest ones made the Sheet tab scroll sideways.
            box = QCheckBox()
            box.setObjectName(f"sheetAppendix_{key}")
            box.setAccessibleName(_(words))
            box.setChecked(True)
            box.setAccessibleDescription(heading.text())
            box.toggled.connect(self.changed)
            label = _BoxLabel(_(words), box)
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 1)
            layout.addLayout(row)
            self.appendix_boxes[key] = box

    def left_out(self) -> tuple[str, ...]:
        """The appendices left out, in the sheet's order."""
        return tuple(key for key, box in self.appendix_boxes.items() if not box.isChecked())

    def set_left_out(self, left_out: tuple[str, ...]) -> None:
        for key, box in self.appendix_boxes.items():
            box.setChecked(key not in left_out)

    def _show_notes_room(self) -> None:
        """The room left while typing, in characters, and what happens to long notes on paper."""
        text = notes_room(len(self.notes_edit.toPlainText()), MAX_NOTES)
        if text != self.notes_room.text():
            self.notes_room.setText(text)
        described = f"{self.notes_mark.text()} {text}".strip()
        if described != self.notes_edit.accessibleDescription():
            self.notes_edit.setAccessibleDescription(described)

    def _mark_hidden(self, edit: QWidget, mark: QLabel, field: str, text: str) -> None:
        """Say under the field which characters that cannot be seen it holds (they are not printed,
        copied or saved; see :mod:`decision_aid.present.free_text`); the same words become the
        field's accessible description."""
        try:
            check_free_text(field, text)
            problem = ""
        except HiddenCharacters as exc:
            problem = "\u26a0 " + not_allowed(exc)
        if problem != mark.text():
            mark.setText(problem)
            mark.setVisible(bool(problem))
            if field == "name":  # the notes' description also says the room left (_show_notes_room)
                edit.setAccessibleDescription(problem)

    def add_action_buttons(self, actions) -> None:
        """A button per sheet action, following the action's words (which name the version),
        enabled state and tip (which says why it is greyed out). The buttons carry no mnemonic
        of their own (the action's shortcut, e.g. Ctrl+P, works from anywhere): the letters of
        their words are taken by the window's menus, views and profile fields."""
        for action in actions:
            button = QPushButton()
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: _follow(b, a))
            _follow(button, action)
            self.buttons.addWidget(button)
        first = actions[0]
        first.changed.connect(lambda: self._say_why(first))
        self._say_why(first)

    def _say_why(self, action) -> None:
        """Under greyed-out buttons, in words, why they are greyed out (their tip says the same)."""
        self.unavailable.setText("" if action.isEnabled() else action.toolTip())
        self.unavailable.setVisible(not action.isEnabled())

    def paper(self) -> str:
        return self.paper_combo.currentData()

    def set_paper(self, paper: str) -> None:
        index = self.paper_combo.findData(paper)
        if index >= 0:
            self.paper_combo.setCurrentIndex(index)

    def name(self) -> str | None:
        return self.name_edit.text().strip() or None

    def notes(self) -> str:
        return self.notes_edit.toPlainText()

    def language(self) -> str:
        return self.language_combo.currentData()

    def set_language(self, language: str) -> None:
        index = self.language_combo.findData(language)
        if index >= 0:
            self.language_combo.setCurrentIndex(index)

    def audience(self) -> str:
        """The chosen version: "patient" or "clinician"."""
        return self.audience_combo.currentData()

    def set_audience(self, audience: str) -> None:
        index = self.audience_combo.findData(audience)
        if index >= 0:
            self.audience_combo.setCurrentIndex(index)

    def set_contents(self, name: str | None, notes: str, language: str | None = None,
                     audience: str | None = None, left_out: tuple[str, ...] = ()) -> None:
        self.set_left_out(left_out)
        self.name_edit.setText(name or "")
        self.notes_edit.setPlainText(notes)
        if language is not None:
            self.set_language(language)
        if audience is not None:
            self.set_audience(audience)

    def options(self) -> SheetOptions:
        from ..report.options import SheetOptions  # with the sheet, not at start-up

        return SheetOptions(audience=self.audience(), paper=self.paper(), name=self.name(), notes=self.notes(),
                            language=self.language(), left_out=self.left_out())


def _hidden_mark(name: str) -> QLabel:
    """The (hidden until needed) words under the name or the notes about characters that cannot be seen."""
    mark = plain_label(name=name)
    mark.setWordWrap(True)
    mark.setStyleSheet(f"color: {palette.TEXT}; font-weight: bold;")
    mark.setVisible(False)
    return mark


def _follow(button: QPushButton, action) -> None:
    """The button says and does what its action does, and tells why when it is greyed out."""
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    button.setText(plain_text(action))
    button.setAccessibleName(plain_text(action))
    button.setToolTip(f"{action.toolTip()} ({shortcut})" if shortcut else action.toolTip())
    button.setAccessibleDescription(action.toolTip())
    button.setEnabled(action.isEnabled())


class _BoxLabel(PlainLabel):
    """A check box's words, wrapping; a click on them toggles the box (as on the box's own text)."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__()
        make_plain(self)
        self.setText(text)  # after the format is set: never parsed as HTML
        self.setWordWrap(True)
        self.setBuddy(box)
        self._box = box

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)
