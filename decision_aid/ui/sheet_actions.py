"""Print, Print preview and Save as PDF for the summary sheet, as QActions the window can add.

Every path draws with :func:`decision_aid.report.sheet.render_sheet`, so what is previewed is
what is printed and saved.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPageLayout, QShortcut
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from ..model import Estimate
from ..present.free_text import HiddenCharacters, check_free_text, not_allowed
from ..present.i18n import N_, _, ngettext
from ..printable import one_line
from .actions import make_action
from .file_dialog import confirm_replace, private_file_dialog, run_file_dialog
from .plain import tell

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from ..report.options import SheetOptions

# The printing machinery (QtPrintSupport, the sheet layout) is imported when a sheet is made,
# not at start-up: most consultations print once, at the end.

ResultSource = Callable[[], "Estimate | None"]
OptionsSource = Callable[[], "SheetOptions"]

#: Each action's words for each version of the sheet (chosen on the Sheet tab, never the window's
#: view): print, preview and PDF in the menu, then the titles of the preview and print dialogs.
VERSION_WORDS = {
    "patient": (N_("&Print the patient's sheet\u2026"), N_("Print pre&view of the patient's sheet\u2026"),
                N_("Save the patient's sheet as P&DF\u2026"), N_("Print preview: the patient's sheet"),
                N_("Print the patient's sheet")),
    "clinician": (N_("&Print the clinician's summary\u2026"), N_("Print pre&view of the clinician's summary\u2026"),
                  N_("Save the clinician's summary as P&DF\u2026"), N_("Print preview: the clinician's summary"),
                  N_("Print the clinician's summary")),
}
#: The version in a sentence ("Sent to the printer ...: the patient's sheet, 3 pages.")
VERSION_NAMES = {"patient": N_("the patient's sheet"), "clinician": N_("the clinician's summary")}
#: The actions' names in the user guide's list of shortcuts, the same whichever version is chosen
GUIDE_NAMES = (N_("Print sheet"), N_("Print preview"), N_("Save sheet as PDF"))


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
        # The folder the last PDF went to, in this session only: kept in memory, never in settings
        # (a folder name may name the patient; see ui/file_dialog.py).
        self.last_directory = Path.home()
        self.last_confirmation = ""
        self.last_pages = 0
        self.version = "patient"
        self.print_action = make_action(parent, "", self.print_sheet, QKeySequence.StandardKey.Print)
        self.preview_action = make_action(parent, "", self.preview_sheet)
        self.pdf_action = make_action(parent, "", self.save_pdf, "Ctrl+Shift+E")
        for action, name in zip(self.actions, GUIDE_NAMES):
            action.setProperty("guideName", _(name))
        # A greyed-out action's shortcut does nothing, and its tip is not shown on hover: these say
        # in the status bar why, when its keys are pressed while it is greyed out.
        self._why_keys = []
        for action in self.actions:
            for sequence in action.shortcuts():
                keys = QShortcut(sequence, parent)
                keys.activated.connect(lambda a=action: self._say(a.statusTip()))
                self._why_keys.append(keys)
        self.set_version(self.version)

    @property
    def actions(self) -> tuple[QAction, QAction, QAction]:
        return self.print_action, self.preview_action, self.pdf_action

    def set_version(self, audience: str) -> None:
        """Name the chosen version ("patient" or "clinician") on every action."""
        self.version = audience
        for action, text in zip(self.actions, VERSION_WORDS[audience]):
            action.setText(_(text))
        self.refresh()

    def refresh(self) -> None:
        """Call when the result changes: the actions are disabled while there is no estimate, and
        then their tips (tool tip, status bar, screen reader) say why."""
        enabled = self._result() is not None
        tips = (_("Print the version chosen on the Sheet tab"),
                _("Show the version chosen on the Sheet tab as it will be printed"),
                _("Save the version chosen on the Sheet tab as a PDF file")) if enabled else (
            (_("Not available yet: the sheet is made from the estimates, and there are none until the profile is "
               "complete and allowed (age, type of MS, EDSS and previous treatments)."),) * 3)
        for action, tip in zip(self.actions, tips):
            action.setEnabled(enabled)
            for set_tip in (action.setToolTip, action.setStatusTip, action.setWhatsThis):
                set_tip(tip)
        for keys in self._why_keys:
            keys.setEnabled(not enabled)

    def dialog_title(self, index: int) -> str:
        """The preview's (3) or print dialog's (4) title for the chosen version."""
        return _(VERSION_WORDS[self.version][index])

    # -- the three paths --------------------------------------------------------------------------

    def make_printer(self, options: SheetOptions) -> "QPrinter":
        from PySide6.QtPrintSupport import QPrinter

        from ..report.sheet import page_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(options.paper))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(_("AHSCT summary sheet"))
        return printer

    def paint(self, printer: "QPrinter") -> bool:
        """Render onto a printer the user has set up (keeping the paper chosen in the dialog)."""
        from ..report.sheet import SheetDoesNotFit, render_sheet

        result = self._result()
        if result is None:
            return False
        try:
            self.last_pages = len(render_sheet(printer, result, self._options(), apply_paper=False).pages)
        except (SheetDoesNotFit, OSError, HiddenCharacters) as exc:
            self._warn(_("The sheet could not be printed"), str(exc))
            return False
        return True

    def print_sheet(self) -> bool:
        if self._result() is None:
            return False
        from PySide6.QtPrintSupport import QPrintDialog

        if not self.text_can_be_printed(self._options()):
            return False
        printer = self.make_printer(self._options())
        dialog = QPrintDialog(printer, self._parent)
        dialog.setWindowTitle(self.dialog_title(4))
        if self._exec(dialog) != QPrintDialog.DialogCode.Accepted:
            return False
        if not self.paint(printer):
            return False
        self._confirm(ngettext("Sent to {printer}: {version}, {count} page.",
                               "Sent to {printer}: {version}, {count} pages.", self.last_pages,
                               printer=one_line(printer.printerName() or printer.outputFileName()),
                               version=_(VERSION_NAMES[self.version])))
        return True

    def preview_sheet(self) -> bool:
        if self._result() is None:
            return False
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        if not self.text_can_be_printed(self._options()):
            return False
        printer = self.make_printer(self._options())
        dialog = QPrintPreviewDialog(printer, self._parent)
        dialog.setWindowTitle(self.dialog_title(3))
        dialog.paintRequested.connect(self.paint)
        fit_preview(dialog, self._parent)
        self._exec(dialog)
        return True

    def save_pdf(self) -> Path | None:
        result = self._result()
        if result is None:
            return None
        options = self._options()
        if not self.text_can_be_printed(options):
            return None
        suggested = str(self.last_directory / default_pdf_name(result, options))
        path = self._ask_path(suggested)
        if not path:
            return None
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        # Asked here, about the real target (the dialog's own question is off: it would ask
        # about the name before ".pdf" was added).
        if target.exists() and not self._confirm_overwrite(target):
            return None
        from ..report.sheet import SheetDoesNotFit, write_pdf_pages

        try:
            _written, pages = write_pdf_pages(target, result, options)
        except (SheetDoesNotFit, OSError, HiddenCharacters) as exc:
            self._warn(_("The sheet was not saved"), _("{file}: {problem}", file=one_line(target), problem=str(exc)))
            return None
        self.last_directory = target.parent
        self._confirm(ngettext("Saved the sheet to {file} in {folder} ({count} page).",
                               "Saved the sheet to {file} in {folder} ({count} pages).", pages,
                               file=one_line(target.name), folder=one_line(target.parent)))
        return target

    def text_can_be_printed(self, options: SheetOptions) -> bool:
        """True to go on: the name and notes hold no character that cannot be seen (refused, and
        said which: see :mod:`decision_aid.present.free_text`), and the fonts can draw them all or
        the person chose to continue (:meth:`fonts_can_draw`)."""
        try:
            check_free_text("name", options.name)
            check_free_text("notes", options.notes)
        except HiddenCharacters as exc:
            self._warn(_("The sheet was not made"), not_allowed(exc))
            return False
        return self.fonts_can_draw(options)

    def _confirm(self, message: str) -> None:
        """Say in the status bar what was done (and keep it for tests and the screen reader)."""
        self.last_confirmation = message
        self._say(message)

    def _say(self, message: str) -> None:
        if isinstance(self._parent, QMainWindow):
            self._parent.statusBar().showMessage(message)

    def fonts_can_draw(self, options: SheetOptions) -> bool:
        """True to go on: every character of the name and notes can be drawn, or the person chose to
        continue after the warning (see ui/font_check.py)."""
        from .font_check import undrawable

        missing = undrawable([options.name, options.notes])
        return not missing or self._continue_with_missing_glyphs(missing)

    # -- dialog call sites (one place each, so tests can replace them) ------------------------------

    def _continue_with_missing_glyphs(self, missing: list[str]) -> bool:
        from PySide6.QtWidgets import QMessageBox

        from .font_check import font_warning_box

        return font_warning_box(self._parent, missing).exec() == QMessageBox.StandardButton.Ok

    def _exec(self, dialog) -> int:
        return dialog.exec()

    def _ask_path(self, suggested: str) -> str:
        dialog = private_file_dialog(self._parent, _("Save summary sheet as PDF"), Path(suggested).parent,
                                     [_("PDF files (*.pdf)")])
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(Path(suggested).name)
        return run_file_dialog(dialog) or ""

    def _confirm_overwrite(self, target: Path) -> bool:
        return confirm_replace(self._parent, target)

    def _warn(self, title: str, text: str) -> None:
        tell(self._parent, title, text)


PREVIEW_SHARE = 0.8  # of the screen's available area


def fit_preview(dialog, parent: QWidget | None) -> None:
    """Open the print preview at a readable size (80% of the screen) with the page fitted to its
    width, instead of Qt's small window with a whole page shrunk into it."""
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        dialog.resize(int(area.width() * PREVIEW_SHARE), int(area.height() * PREVIEW_SHARE))
    preview = dialog.findChild(QPrintPreviewWidget)
    if preview is not None:
        preview.fitToWidth()
