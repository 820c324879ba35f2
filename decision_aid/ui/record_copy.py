"""Edit > Copy for the medical record: the estimates as plain text on the clipboard.

The text is present's (:func:`decision_aid.present.record.record_text`). The patient's name is
left out unless the person ticks "Include the name" in the small dialog that asks first; the
status bar then says what was copied.
"""

from __future__ import annotations

import datetime as _dt
from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ..context.review import TodayError, evidence_review, today
from ..present.free_text import HiddenCharacters, check_free_text, not_allowed
from ..present.i18n import _
from ..present.record import record_text
from ..present.review_view import review_line
from .actions import make_action
from .plain import name_buttons, plain_label, tell


def record_dialog(parent: QWidget | None, name: str | None) -> tuple[QDialog, QCheckBox]:
    """The question before copying: with or without the name (without by default)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Copy for the medical record"))
    dialog.setAccessibleName(_("Copy for the medical record"))
    layout = QVBoxLayout(dialog)
    intro = plain_label(_("The profile, each estimate with its 95% interval, the source, the versions and today's "
                          "date are copied as plain text, ready to paste into the record."))
    intro.setWordWrap(True)
    layout.addWidget(intro)
    include = QCheckBox(_("Include the patient's &name") if name else _("Include the patient's &name (none typed)"))
    include.setObjectName("includeName")
    include.setChecked(False)
    include.setEnabled(bool(name))
    include.setToolTip(_("Left unticked, the copied text does not name the patient"))
    layout.addWidget(include)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    name_buttons(buttons)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Copy"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return dialog, include


class RecordCopy(QObject):
    """The action, enabled while an estimate is shown."""

    def __init__(self, window, current_result: Callable, current_name: Callable[[], str | None]) -> None:
        super().__init__(window)
        self.window = window
        self._result, self._name = current_result, current_name
        self.action = make_action(window, _("&Copy for the medical record\u2026"), self.copy, "Ctrl+Shift+C",
                                  _("Copy the profile and the estimates with their ranges as plain text, "
                                    "without the name unless you ask"), name="copyRecordAction")
        self.refresh()

    def refresh(self) -> None:
        self.action.setEnabled(self._result() is not None)

    def ask_include_name(self, name: str | None) -> bool | None:
        """True or False from the dialog, None if cancelled (one call site, so tests can answer)."""
        dialog, include = record_dialog(self.window, name)
        try:
            return include.isChecked() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def copy(self) -> str | None:
        result = self._result()
        if result is None:
            return None
        name = self._name()
        include = self.ask_include_name(name)
        if include is None:
            return None
        if include:
            try:
                check_free_text("name", name)
            except HiddenCharacters as exc:  # never a name that reads otherwise than it is
                tell(self.window, _("Nothing was copied"), not_allowed(exc))
                return None
        try:
            day = today()
        except TodayError:  # a maintenance variable set wrongly; the real date is the honest one
            day = _dt.date.today()
        model = self.window.model
        review = review_line(evidence_review(model.evidence, day)) if model is not None else None
        text = record_text(result, day, name if include else None, review)
        QGuiApplication.clipboard().setText(text)
        self.window.statusBar().showMessage(
            _("Copied the summary for the medical record, with the name.") if include and name else
            _("Copied the summary for the medical record, without the name."))
        return text
