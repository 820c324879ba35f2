"""File dialogs that remember nothing, and the one question before a file is replaced.

Qt's file dialog writes the folders it visited to ``QtProject.conf`` in the user's configuration
folder (``history`` and ``lastVisited``), and a platform's native dialog may add the file to the
desktop's recent-files list. A folder or file name can name the patient
(``Patients/Doe_Jane_1980-02-03``), and nothing naming a patient may be written outside the files
the user saves. So the program uses Qt's own dialog (never the native one), starts it with no
history, and before it is destroyed points it back at the home folder with an empty history:
that is all Qt then writes.

Qt's own "replace?" question is turned off: the program adds a suffix to some names, so it asks
itself, about the file that will really be replaced.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStyledItemDelegate, QTreeView, QWidget

from ..printable import one_line
from ..present.i18n import _
from ..present.numbers import format_moment
from .plain import ask_yes_no

DATE_COLUMN = 3  # Qt's file list: name, size, type, date modified


class ReadableDates(QStyledItemDelegate):
    """The file list's dates in the program's language ("7 Dec 2026, 00:28"). Qt writes them in the
    system's locale, which is often none ("C": "7 12 2026 00:28")."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt name)
        super().initStyleOption(option, index)
        moment = index.model().lastModified(index) if hasattr(index.model(), "lastModified") else None
        if moment is not None and moment.isValid():
            option.text = format_moment(moment.toPython())


def private_file_dialog(parent: QWidget | None, title: str, directory: Path | None,
                        filters: list[str] | tuple[str, ...]) -> QFileDialog:
    dialog = QFileDialog(parent, title, str(directory) if directory else QDir.homePath())
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    dialog.setNameFilters(list(filters))
    dialog.setHistory([])
    dialog.setAccessibleName(title)
    view = dialog.findChild(QTreeView, "treeView")  # the detail view
    if view is not None:
        view.setItemDelegateForColumn(DATE_COLUMN, ReadableDates(view))
    return dialog


def forget(dialog: QFileDialog) -> None:
    """Leave nothing for Qt to remember: home folder, empty history (before it is destroyed)."""
    dialog.setDirectory(QDir.homePath())
    dialog.setHistory([])


def run_file_dialog(dialog: QFileDialog) -> str | None:
    """Show the dialog; the chosen path, or None if cancelled. The dialog is deleted afterwards."""
    try:
        chosen = dialog.selectedFiles() if dialog.exec() else []
        return chosen[0] if chosen else None
    finally:
        forget(dialog)
        dialog.deleteLater()


def confirm_replace(parent: QWidget | None, target: Path) -> bool:
    """Ask before an existing file is replaced (No is the default)."""
    return ask_yes_no(parent, _("Replace file?"),
                      _("{file} already exists in {folder}. Replace it?", file=one_line(target.name),
                        folder=one_line(target.parent)),
                      default_yes=False, icon=QMessageBox.Icon.Warning)
