"""File > Save / Save As / Open and their questions, as plain functions the window calls.

Each ``*_dialog`` / ``*_box`` function builds the dialog (so it can be checked) and each
``ask_*`` / ``show_*`` function runs it and returns the answer. Nothing here remembers the
chosen folder or file name in the settings: a file name may be the patient's name.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..printable import one_line
from ..present.i18n import N_, _
from .file_dialog import confirm_replace, private_file_dialog, run_file_dialog
from .plain import plain_message_box
from ..consultation import FILE_SUFFIX, Consultation, ConsultationError, load_consultation, save_consultation

FILE_FILTERS = (N_("Saved consultations (*.aidconsult.json)"), N_("JSON files (*.json)"))
DEFAULT_FILE_NAME = "consultation" + FILE_SUFFIX


class UnsavedAnswer(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def _file_dialog(parent: QWidget | None, title: str, directory: Path | None) -> QFileDialog:
    return private_file_dialog(parent, title, directory, [_(text) for text in FILE_FILTERS])


def save_file_dialog(parent: QWidget | None, suggested: Path | None = None) -> QFileDialog:
    dialog = _file_dialog(parent, _("Save consultation"), suggested.parent if suggested else None)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(FILE_SUFFIX.lstrip("."))
    dialog.selectFile(suggested.name if suggested else DEFAULT_FILE_NAME)
    return dialog


def open_file_dialog(parent: QWidget | None, directory: Path | None = None) -> QFileDialog:
    dialog = _file_dialog(parent, _("Open consultation"), directory)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


def with_suffix(path: Path) -> Path:
    """``path`` with the consultation suffix unless it already ends in .json."""
    return path if path.name.lower().endswith(".json") else path.with_name(path.name + FILE_SUFFIX)


def ask_save_path(parent: QWidget | None, suggested: Path | None = None) -> Path | None:
    """Save / Save As: the chosen path (suffix added if missing), or None if cancelled.

    The suffix is added before asking whether to replace an existing file, so the question is
    about the file that will really be replaced (``visit.txt`` saves to
    ``visit.txt.aidconsult.json``)."""
    chosen = run_file_dialog(save_file_dialog(parent, suggested))
    if chosen is None:
        return None
    target = with_suffix(Path(chosen))
    if target.exists() and not confirm_replace(parent, target):
        return None
    return target


def ask_open_path(parent: QWidget | None, directory: Path | None = None) -> Path | None:
    """Open: the chosen file, or None if cancelled."""
    chosen = run_file_dialog(open_file_dialog(parent, directory))
    return Path(chosen) if chosen is not None else None


def unsaved_changes_box(parent: QWidget | None) -> QMessageBox:
    return plain_message_box(
        QMessageBox.Icon.Warning, _("Unsaved changes"), _("This consultation has changes that are not saved."),
        _("Save them before you continue, discard them, or cancel and go back?"),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent, default=QMessageBox.StandardButton.Save, escape=QMessageBox.StandardButton.Cancel)


def ask_unsaved_changes(parent: QWidget | None) -> UnsavedAnswer:
    """Save, discard or cancel (closing the box counts as cancel)."""
    answer = unsaved_changes_box(parent).exec()
    return {QMessageBox.StandardButton.Save.value: UnsavedAnswer.SAVE,
            QMessageBox.StandardButton.Discard.value: UnsavedAnswer.DISCARD}.get(int(answer), UnsavedAnswer.CANCEL)


def file_error_box(parent: QWidget | None, path: Path, problem: str, opening: bool = True) -> QMessageBox:
    """The message for a file that cannot be opened or saved; nothing on screen was changed."""
    if opening:
        title, text = _("Consultation not opened"), _("The file {file} could not be opened.", file=one_line(path.name))
        kept = _("Nothing on screen was changed.")
    else:
        title, text = _("Consultation not saved"), _("The file {file} could not be saved.", file=one_line(path.name))
        kept = _("What is on screen is kept; try another folder.")
    return plain_message_box(QMessageBox.Icon.Warning, title, text, f"{problem}\n\n{kept}\n\n{one_line(path)}",
                             parent=parent)


def show_file_error(parent: QWidget | None, path: Path, problem: str, opening: bool = True) -> None:
    file_error_box(parent, path, problem, opening).exec()


def version_change_box(parent: QWidget | None, message: str) -> QMessageBox:
    return plain_message_box(QMessageBox.Icon.Information, _("Evidence has changed"), message, parent=parent)


def open_consultation(parent: QWidget | None, path: Path, model) -> Consultation | None:
    """Load ``path`` whole, or show why it cannot be used and return None (nothing applied)."""
    try:
        return load_consultation(path, model)
    except ConsultationError as error:
        show_file_error(parent, path, str(error), opening=True)
        return None


def save_consultation_to(parent: QWidget | None, path: Path, consultation: Consultation) -> bool:
    """Save atomically, or show why not; True if the file was written."""
    try:
        save_consultation(path, consultation)
    except (OSError, ConsultationError) as error:
        problem = (str(error) if isinstance(error, ConsultationError)
                   else _("The disk reported: {problem}.", problem=error.strerror or str(error)))
        show_file_error(parent, path, problem, opening=False)
        return False
    return True
