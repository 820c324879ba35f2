"""Print, Print preview and Save as PDF for the summary sheet, as QActions the window can add.

Every path draws with :func:`decision_aid.report.sheet.render_sheet`, so what is previewed is
what is printed and saved.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QPageLayout
from PySide6.QtWidgets import QFileDialog, QWidget

from ..model import Estimate
from ..present.i18n import _
from .actions import make_action
from .file_dialog import confirm_replace, private_file_dialog, run_file_dialog
from .plain import tell

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
from ..report.options import SheetOptions

# The printing machinery (QtPrintSupport, the sheet layout) is imported when a sheet is made,
# not at start-up: most consultations print once, at the end.

ResultSource = Callable[[], "Estimate | None"]
OptionsSource = Callable[[], SheetOptions]


def default_pdf_name(result: Estimate, options: SheetOptions, today: _dt.date | None = None) -> str:
    """A file name without the patient's name (it may be shared or synced)."""
    day = (options.date or today or _dt.date.today()).isoformat()
    return f"ahsct-summary-{options.audience}-{day}.pdf"


class SheetActions(QObject):
    """Three actions (print, preview, save as PDF), enabled only while there is a result."""

    def __init__(self, parent: QWidget, current_result: ResultSource, current_options: OptionsSource) -> None:
        super().__init__(parent)
        self._parent = parent
        self._result = current_result
        self._options = current_options
        self.last_directory = Path.home()
        self.print_action = make_action(parent, _("&Print sheet\u2026"), self.print_sheet,
                                        QKeySequence.StandardKey.Print, _("Print the summary sheet"))
        self.preview_action = make_action(parent, _("Print pre&view\u2026"), self.preview_sheet, None,
                                          _("Show the summary sheet as it will be printed"))
        self.pdf_action = make_action(parent, _("Save sheet as P&DF\u2026"), self.save_pdf, "Ctrl+Shift+E",
                                      _("Save the summary sheet as a PDF file"))
        self.refresh()

    @property
    def actions(self) -> tuple[QAction, QAction, QAction]:
        return self.print_action, self.preview_action, self.pdf_action

    def refresh(self) -> None:
        """Call when the result changes: the actions are disabled while there is no estimate."""
        enabled = self._result() is not None
        for action in self.actions:
            action.setEnabled(enabled)

    # -- the three paths --------------------------------------------------------------------------

    def make_printer(self, options: SheetOptions) -> "QPrinter":
        from PySide6.QtPrintSupport import QPrinter

        from ..report.sheet import page_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(options.paper))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName("AHSCT summary sheet")
        return printer

    def paint(self, printer: "QPrinter") -> bool:
        """Render onto a printer the user has set up (keeping the paper chosen in the dialog)."""
        from ..report.sheet import SheetDoesNotFit, render_sheet

        result = self._result()
        if result is None:
            return False
        try:
            render_sheet(printer, result, self._options(), apply_paper=False)
        except (SheetDoesNotFit, OSError) as exc:
            self._warn("The sheet could not be printed", str(exc))
            return False
        return True

    def print_sheet(self) -> bool:
        if self._result() is None:
            return False
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self.make_printer(self._options())
        dialog = QPrintDialog(printer, self._parent)
        dialog.setWindowTitle("Print summary sheet")
        if self._exec(dialog) != QPrintDialog.DialogCode.Accepted:
            return False
        return self.paint(printer)

    def preview_sheet(self) -> bool:
        if self._result() is None:
            return False
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        printer = self.make_printer(self._options())
        dialog = QPrintPreviewDialog(printer, self._parent)
        dialog.setWindowTitle("Summary sheet: print preview")
        dialog.paintRequested.connect(self.paint)
        self._exec(dialog)
        return True

    def save_pdf(self) -> Path | None:
        result = self._result()
        if result is None:
            return None
        options = self._options()
        suggested = str(self.last_directory / default_pdf_name(result, options))
        path = self._ask_path(suggested)
        if not path:
            return None
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        # Asked here, about the real target (the dialog's own question is off: it would ask
        # about the name before ".pdf" was added).
        if target.exists() and not self._confirm_overwrite(target):
            return None
        from ..report.sheet import SheetDoesNotFit, write_pdf

        try:
            write_pdf(target, result, options)
        except (SheetDoesNotFit, OSError) as exc:
            self._warn("The sheet was not saved", f"{target}: {exc}")
            return None
        self.last_directory = target.parent
        return target

    # -- dialog call sites (one place each, so tests can replace them) ------------------------------

    def _exec(self, dialog) -> int:
        return dialog.exec()

    def _ask_path(self, suggested: str) -> str:
        dialog = private_file_dialog(self._parent, "Save summary sheet as PDF", Path(suggested).parent,
                                     ["PDF files (*.pdf)"])
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(Path(suggested).name)
        return run_file_dialog(dialog) or ""

    def _confirm_overwrite(self, target: Path) -> bool:
        return confirm_replace(self._parent, target)

    def _warn(self, title: str, text: str) -> None:
        tell(self._parent, title, text)
