"""An unexpected error is logged (without patient data) and shown, and the window stays open.

Quitting would lose what was entered; most errors happen in one slot and leave the window
usable, so the person can at least save the consultation. A dialog that itself fails, or an
error raised while the dialog is open, is logged but never shows a second dialog.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import Callable

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..crashlog import write_crash_log
from ..present.i18n import N_, _
from .plain import plain_message_box

CRASH_TITLE = N_("Something went wrong")
CRASH_TEXT = N_("The program ran into an unexpected error. What you entered is still here: please check it and "
                "save the consultation.")


def crash_message_box(parent: QWidget | None, log_path: Path | None) -> QMessageBox:
    """The dialog shown after an unexpected error (built separately so it can be inspected)."""
    if log_path is not None:
        informative = _("A technical report without any patient details was written to:\n{path}", path=log_path)
    else:
        informative = _("The technical report could not be written.")
    box = plain_message_box(QMessageBox.Icon.Critical, _(CRASH_TITLE), _(CRASH_TEXT), informative, parent=parent)
    box.setAccessibleDescription(_(CRASH_TEXT))
    return box


class CrashHandler:
    """The installed ``sys.excepthook``; :meth:`uninstall` puts the previous hook back."""

    def __init__(self, parent_getter: Callable[[], QWidget | None], show_dialog: bool = True) -> None:
        self._parent_getter = parent_getter
        self._show_dialog = show_dialog
        self._showing = False
        self._previous = sys.excepthook
        self.last_log_path: Path | None = None
        self.last_dialog: QMessageBox | None = None

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous(exc_type, exc, tb)
            return
        try:
            self.last_log_path = write_crash_log(exc_type, exc, tb)
        except Exception:  # a full disk must not turn one error into two
            self.last_log_path = None
        if self._showing or not self._show_dialog or QApplication.instance() is None:
            self._note_on_stderr(exc_type)
            return
        self._showing = True
        try:
            parent = self._parent_getter()
            self.last_dialog = crash_message_box(parent, self.last_log_path)
            self.last_dialog.exec()
        except Exception:
            self._note_on_stderr(exc_type)
        finally:
            self._showing = False

    def _note_on_stderr(self, exc_type: type[BaseException]) -> None:
        stream = sys.__stderr__
        if stream is not None:
            if self.last_log_path:
                line = _("decision-aid: unexpected error ({kind}); report: {path}", kind=exc_type.__name__,
                         path=self.last_log_path)
            else:
                line = _("decision-aid: unexpected error ({kind})", kind=exc_type.__name__)
            stream.write(line + "\n")

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous


def install_crash_handler(parent_getter: Callable[[], QWidget | None], show_dialog: bool = True) -> CrashHandler:
    """Make ``sys.excepthook`` log every uncaught error and show a short message over the window
    that ``parent_getter()`` returns (None: no parent). The program keeps running."""
    handler = CrashHandler(parent_getter, show_dialog)
    sys.excepthook = handler
    return handler
