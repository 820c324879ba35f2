"""Autosave: keeps what was entered if the program or the computer stops unexpectedly.

While there are unsaved changes the consultation is written every 30 s to the data folder. The
patient's name is never written there (the autosave is not a file the user chose), so a
restored consultation comes back without it. A clean exit removes the autosave, so finding one
at start means the last run did not end cleanly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..consultation import Consultation, ConsultationError, load_consultation, save_consultation
from ..paths import autosave_path, ensure_data_dir

AUTOSAVE_INTERVAL_MS = 30_000


class Autosaver(QObject):
    """Writes ``current()`` (name removed) every ``interval_ms`` while ``is_dirty()`` is true.

    Call :meth:`start` once the window is shown, :meth:`discard` after the user saves the
    consultation themselves and on a clean exit.
    """

    saved = Signal(Path)
    failed = Signal(str)  # a disk problem: the window may say so; never raised into the event loop

    def __init__(
        self,
        current: Callable[[], Consultation | None],
        is_dirty: Callable[[], bool],
        path: Path | None = None,
        interval_ms: int = AUTOSAVE_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._current = current
        self._is_dirty = is_dirty
        self._path = path
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_now)

    @property
    def path(self) -> Path:
        return self._path if self._path is not None else autosave_path()

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def save_now(self) -> bool:
        """Write the autosave now if there are unsaved changes; True if it was written."""
        if not self._is_dirty():
            return False
        consultation = self._current()
        if consultation is None:
            return False
        try:
            if self._path is None:
                ensure_data_dir()
            save_consultation(self.path, consultation.without_name())
        except (OSError, ConsultationError) as exc:
            self.failed.emit(f"The automatic backup could not be written ({type(exc).__name__}).")
            return False
        self.saved.emit(self.path)
        return True

    def pending_restore(self, model) -> Consultation | None:
        return pending_restore(model, self.path)

    def discard(self) -> None:
        """Remove the autosave (after a save by the user, or on a clean exit)."""
        discard_autosave(self.path)


def pending_restore(model, path: Path | None = None) -> Consultation | None:
    """The consultation left by a run that did not end cleanly, or None.

    An unreadable autosave (for example cut short by a power failure before the atomic rename
    was possible on an old file system) is not offered; it is overwritten by the next autosave.
    """
    path = path if path is not None else autosave_path()
    if not path.exists():
        return None
    try:
        return load_consultation(path, model)
    except ConsultationError:
        return None


def discard_autosave(path: Path | None = None) -> None:
    (path if path is not None else autosave_path()).unlink(missing_ok=True)
