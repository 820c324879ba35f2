"""File > New / Open / Save / Save As for the window, with unsaved-changes prompts and autosave.

The controller owns what the window should not: which file is open, whether there are unsaved
changes, and the autosave. The window only knows how to describe itself as a
:class:`Consultation` and how to show one.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ..consultation import (FILE_SUFFIX, MAX_FILE_BYTES, Consultation, ConsultationError, describe_version_change,
                            load_consultation)
from ..safe_io import read_regular_file, remove_stale_temporaries
from ..present.i18n import _, current_language
from ..present.wording import PROGRAM_NAME
from ..present.when import moment_in_words
from ..printable import one_line
from .actions import make_action
from .autosave import AUTOSAVE_INTERVAL_MS, Autosaver
from .plain import ask_yes_no, plain_label
from .consultation_dialogs import (
    UnsavedAnswer, ask_open_path, ask_save_path, ask_unsaved_changes, open_consultation, save_consultation_to,
    version_change_box,
)


class ConsultationController(QObject):
    """Keeps the window's consultation in a file (chosen by the user) and in the autosave."""

    def __init__(self, window, model, autosave_path: Path | None = None,
                 autosave_interval_ms: int = AUTOSAVE_INTERVAL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.model = model
        self.path: Path | None = None
        self._disk_stamp: tuple | None = None  # the file as last opened or saved by this window
        self.dirty = False
        self._applying = False
        self.autosaver = Autosaver(self.autosave_snapshot, lambda: self.dirty, path=autosave_path,
                                   interval_ms=autosave_interval_ms, parent=self)
        # A failing autosave is said once, calmly, in the status bar, and stays said until an
        # autosave works again; nothing else changes (saving and quitting go on as usual).
        self.autosave_notice = plain_label("", name="autosaveNotice")
        self.autosave_notice.setWordWrap(True)
        self.autosave_notice.setAccessibleName(_("Autosave is not working"))
        self.autosave_notice.hide()
        window.statusBar().addPermanentWidget(self.autosave_notice, 1)
        self.autosaver.failed.connect(self._autosave_failed)
        self.autosaver.set_aside.connect(self._backup_set_aside)
        self.autosaver.saved.connect(lambda _path: self.autosave_notice.hide())
        self.new_action = make_action(window, _("&New consultation"), self.new, QKeySequence.StandardKey.New,
                                      _("Start again with a blank consultation"))
        self.open_action = make_action(window, _("&Open consultation\u2026"), self.open, QKeySequence.StandardKey.Open,
                                       _("Open a saved consultation"))
        self.save_action = make_action(window, _("&Save consultation"), self.save, QKeySequence.StandardKey.Save,
                                       _("Save this consultation (profile, views, notes, answers)"))
        self.save_as_action = make_action(window, _("Save consultation &as\u2026"), self.save_as,
                                          QKeySequence.StandardKey.SaveAs, _("Save this consultation to a new file"))
        window.changed.connect(self.mark_dirty)
        if model is None:  # no checked evidence: nothing can be validated, so nothing is opened or saved
            for action in self.actions:
                action.setEnabled(False)
        self._update_title()

    @property
    def actions(self) -> tuple[QAction, ...]:
        return self.new_action, self.open_action, self.save_action, self.save_as_action

    # -- state -----------------------------------------------------------------------------

    def snapshot(self) -> Consultation | None:
        return self.window.consultation() if self.model is not None else None

    def autosave_snapshot(self) -> Consultation | None:
        """What the autosave keeps: the consultation (its name is removed by the autosaver) and the
        path of the file it belongs to, so that a restored consultation keeps its file name."""
        consultation = self.snapshot()
        if consultation is None or self.path is None:
            return consultation
        return replace(consultation, opened_from=str(self.path))

    def mark_dirty(self) -> None:
        if self._applying:
            return
        self.dirty = True
        self._update_title()

    def mark_unedited(self) -> None:
        """What the window was started with (profile flags, a view or a horizon on the command line)
        is its starting point, not an edit: closing it untouched asks nothing."""
        self.dirty = False
        self._update_title()

    def _set_clean(self, path: Path | None) -> None:
        self.path = path
        self._disk_stamp = file_stamp(path) if path is not None else None
        self.dirty = False
        self._update_title()

    def _autosave_failed(self, reason: str) -> None:
        self.autosave_notice.setText(_("\u26a0 Autosave is not working: {reason}. Save the consultation to keep "
                                       "your work.", reason=reason))
        self.autosave_notice.show()

    def _backup_set_aside(self, aside: Path, problem: str) -> None:
        self.window.statusBar().showMessage(_(
            "An automatic backup could not be restored and was set aside as {file} in {folder}: {problem}",
            file=one_line(aside.name), folder=one_line(aside.parent), problem=problem))

    def changed_on_disk(self, path: Path) -> bool:
        """True if ``path`` is the open file and it was changed since this window opened or saved it
        (for example by the same consultation saved from another window)."""
        if self.path is None or path != self.path or self._disk_stamp is None:
            return False
        now = file_stamp(path)
        return now is not None and now != self._disk_stamp

    def _update_title(self) -> None:
        """The file's name (never the patient's, unless the user chose it as the file name) and the
        program's; ``[*]`` shows an asterisk while there are unsaved changes. The title ends with
        the application's display name, so the platform does not add it a second time."""
        name = one_line(self.path.name) if self.path else _("New consultation")
        self.window.setWindowTitle(_("{file}[*] \u2014 {program}", file=name, program=_(PROGRAM_NAME)))
        self.window.setWindowModified(self.dirty)

    def _apply(self, consultation: Consultation) -> None:
        self._applying = True
        try:
            self.window.apply_consultation(consultation)
        finally:
            self._applying = False

    # -- commands --------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """True if the current consultation may be left (saved, discarded, or nothing to save)."""
        if not self.dirty:
            return True
        answer = self.ask_unsaved()
        if answer is UnsavedAnswer.SAVE:
            return self.save()
        return answer is UnsavedAnswer.DISCARD

    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self._apply(Consultation(profile={}, audience=self.window.audience(), horizon=self.window.horizon(),
                                 sheet_language=current_language()))  # the patient's may differ: Sheet tab
        self.autosaver.discard()
        self._set_clean(None)
        return True

    def open(self, path: Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        path = path or ask_open_path(self.window, self.path.parent if self.path else None)
        if path is None:
            return False
        remove_stale_temporaries(Path(path).parent)  # left there by a save that was killed
        consultation = open_consultation(self.window, Path(path), self.model)
        if consultation is None:  # refused whole; the window is unchanged
            return False
        self._apply(consultation)
        self.autosaver.discard()
        self._set_clean(Path(path))
        change = describe_version_change(consultation, self.model)
        if change:
            self.show_version_change(change)
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        suggested = self.path or Path.home() / f"consultation{FILE_SUFFIX}"
        path = ask_save_path(self.window, suggested)
        return self._save_to(path) if path is not None else False

    def _save_to(self, path: Path) -> bool:
        consultation = self.snapshot()
        if consultation is None:
            return False
        if self.changed_on_disk(path) and not self.ask_replace_changed(path):
            return False
        if not save_consultation_to(self.window, path, consultation):
            return False
        self.autosaver.discard()
        self._set_clean(path)
        self.window.statusBar().showMessage(_("Saved to {file} in {folder}.", file=one_line(path.name),
                                              folder=one_line(path.parent)))
        return True

    # -- autosave and restore --------------------------------------------------------------

    def start_autosave(self) -> None:
        self.autosaver.start()

    def offer_restore(self) -> bool:
        """After a run that did not end cleanly, offer the autosaved consultation back."""
        pending = self.autosaver.pending_restore(self.model) if self.model is not None else None
        if pending is None:
            return False
        if not self.ask_restore(pending):
            self.autosaver.discard_offered()  # only that backup: never another window's
            return False
        self._apply(pending)
        # Restored with the file it belongs to (if it still is a file), but not saved there yet.
        origin = Path(pending.opened_from) if pending.opened_from else None
        self.path = origin if origin is not None and self._is_consultation_file(origin) else None
        self._disk_stamp = None
        self.dirty = True
        self._update_title()
        if self.autosaver.save_now():  # now in this window's own backup: the old one can go
            self.autosaver.discard_offered()
        else:
            self.autosaver.release_offered()  # kept, and offered again if this run stops too
        change = describe_version_change(pending, self.model)
        if change:
            self.show_version_change(change)
        return True

    def _is_consultation_file(self, path: Path) -> bool:
        """The file a restored backup names is kept as the consultation's file (Save replaces it)
        only if it is one: a damaged or foreign backup naming any other file (a document, a
        configuration file) must not make Ctrl+S replace that file without asking."""
        if not path.name.endswith(FILE_SUFFIX):
            return False
        try:
            load_consultation(path, self.model)
        except ConsultationError:
            return False
        return True

    def close_cleanly(self) -> None:
        """A normal exit: the autosave is removed (finding one at start means a crash)."""
        self.autosaver.close()

    # -- dialog call sites (one place each, so tests can replace them) ---------------------

    def ask_unsaved(self) -> UnsavedAnswer:
        return ask_unsaved_changes(self.window)

    def ask_restore(self, pending: Consultation) -> bool:
        return ask_yes_no(self.window, _("Restore the last consultation?"), restore_question(pending))

    def ask_replace_changed(self, path: Path) -> bool:
        return ask_yes_no(
            self.window, _("File changed on disk"),
            _("{file} was changed since this window opened or saved it, perhaps from another window. Replace it "
              "with the consultation on screen? (No keeps the file as it is; you can use Save As.)",
              file=one_line(path.name)),
            default_yes=False)

    def show_version_change(self, message: str) -> None:
        version_change_box(self.window, message).exec()


def restore_question(pending: Consultation, now: datetime | None = None) -> str:
    """The restore prompt: when the backup was made, in local time and words ("today at 14:05")."""
    saved = datetime.fromisoformat(pending.saved_at.replace("Z", "+00:00")).astimezone()
    when = moment_in_words(saved, now or datetime.now().astimezone())
    if pending.opened_from:
        return _("The program did not close normally last time. Restore the consultation from {file} that was "
                 "being entered (backed up {when})? The patient's name is never kept in the backup.",
                 file=one_line(Path(pending.opened_from).name), when=when)
    return _("The program did not close normally last time. Restore the consultation that was being entered "
             "(backed up {when})? The patient's name is never kept in the backup.", when=when)


def file_stamp(path: Path) -> tuple | None:
    """What a file is now (change time, size, SHA-256 of its bytes), or None if it cannot be read."""
    try:
        info = os.stat(path)
        data = read_regular_file(path, MAX_FILE_BYTES)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, hashlib.sha256(data).hexdigest()
