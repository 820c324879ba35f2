"""Autosave: keeps what was entered if the program or the computer stops unexpectedly.

While there are unsaved changes the consultation is written every 30 s to the data folder. The
patient's name is never written there (the autosave is not a file the user chose), so a
restored consultation comes back without it.

Each window has an autosave file of its own, ``autosave-<random>.aidconsult.json``, and holds a
lock on it (``<file>.lock``, a QLockFile that names the owning process) for as long as it runs.
So two running copies never offer, overwrite or delete each other's consultation: at start a
backup is offered only when its owner is gone (no lock, or a lock left by a process that no
longer exists); declining deletes only that backup; a clean exit deletes only the window's own.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from ..consultation import Consultation, ConsultationError, load_consultation, save_consultation
from ..present.i18n import _
from ..paths import ensure_data_dir, is_autosave_name, new_autosave_path
from ..safe_io import WriteError, remove_stale_temporaries

AUTOSAVE_INTERVAL_MS = 30_000
DAMAGED_PREFIX = "damaged-"  # a backup that could not be restored, kept beside the others under this name


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, WriteError):
        return exc.reason
    if isinstance(exc, OSError) and exc.strerror is None:  # already words of ours
        return str(exc).rstrip(".")
    if isinstance(exc, OSError):
        return exc.strerror.lower() if exc.strerror else type(exc).__name__
    return str(exc).rstrip(".")


class Autosaver(QObject):
    """Writes ``current()`` (name removed) every ``interval_ms`` while ``is_dirty()`` is true.

    Call :meth:`start` once the window is shown, :meth:`discard` after the user saves the
    consultation themselves, and :meth:`close` on a clean exit.
    """

    saved = Signal(Path)
    failed = Signal(str)  # why the backup could not be written, one sentence; never raised
    set_aside = Signal(Path, str)  # a damaged backup was renamed to this path, and why it was damaged

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
        self._in_data_dir = path is None
        self._path = Path(path) if path is not None else new_autosave_path()
        self._lock: QLockFile | None = None
        self._offered: tuple[Path, QLockFile] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_now)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        remove_stale_temporaries(self._path.parent)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _own(self) -> None:
        """Take the lock on this window's autosave (once); raises OSError if it cannot be had."""
        if self._lock is not None and self._lock.isLocked():
            return
        if self._in_data_dir:
            try:
                ensure_data_dir()
            except OSError:
                raise OSError(_("the data folder {folder} cannot be used", folder=self._path.parent)) from None
        lock = QLockFile(str(lock_path(self._path)))
        lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
        if not lock.tryLock(0):
            error = lock.error()
            if error == QLockFile.LockError.LockFailedError:
                raise OSError(_("another running copy holds {file}", file=self._path.name))
            raise OSError(_("the data folder {folder} cannot be used", folder=self._path.parent))
        self._lock = lock

    def save_now(self) -> bool:
        """Write the autosave now if there are unsaved changes; True if it was written."""
        if not self._is_dirty():
            return False
        consultation = self._current()
        if consultation is None:
            return False
        try:
            self._own()
            save_consultation(self._path, consultation.without_name())
        except (OSError, ConsultationError) as exc:
            self.failed.emit(_reason(exc))
            return False
        self.saved.emit(self._path)
        return True

    def orphans(self) -> list[Path]:
        """Backups in this autosave's folder whose window is gone, newest first (not this one's)."""
        folder = self._path.parent
        try:
            names = [entry for entry in folder.iterdir() if is_autosave_name(entry.name) and entry != self._path]
        except OSError:
            return []
        found = []
        for candidate in names:
            try:
                if not candidate.is_file() or candidate.is_symlink():
                    continue
                found.append((candidate.stat().st_mtime, candidate))
            except OSError:
                continue
        self._remove_stale_locks(folder)
        orphans = []
        for _mtime, candidate in sorted(found, reverse=True):  # not `_`: that is gettext here
            probe = QLockFile(str(lock_path(candidate)))
            probe.setStaleLockTime(0)
            if probe.tryLock(0):  # nobody holds it (a lock of a dead process counts as nobody)
                probe.unlock()
                orphans.append(candidate)
        return orphans

    def _remove_stale_locks(self, folder: Path) -> None:
        """Locks of windows that are gone and never wrote a backup (nothing to offer)."""
        try:
            locks = [p for p in folder.iterdir() if p.name.endswith(".lock") and is_autosave_name(p.name[:-5])]
        except OSError:
            return
        for lock_file in locks:
            if lock_file.with_name(lock_file.name[:-5]).exists() or lock_file == lock_path(self._path):
                continue
            probe = QLockFile(str(lock_file))
            probe.setStaleLockTime(0)
            if probe.tryLock(0):
                probe.unlock()  # removes the file

    def pending_restore(self, model) -> Consultation | None:
        """The newest readable backup left by a window that is gone, or None.

        That backup is locked by this window until :meth:`discard_offered` (or :meth:`close`), so
        a copy started meanwhile cannot offer it too."""
        self.release_offered()
        for orphan in self.orphans():
            lock = QLockFile(str(lock_path(orphan)))
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):  # taken meanwhile by a copy that started too
                continue
            try:
                restored = load_consultation(orphan, model)
            except ConsultationError as exc:
                self._set_aside(orphan, str(exc))
                lock.unlock()
                continue
            self._offered = (orphan, lock)
            return restored
        return None

    def _set_aside(self, backup: Path, problem: str) -> None:
        """A backup that cannot be restored is renamed ``damaged-<name>`` (kept, never offered
        again, so it neither fails nor is said at every start) and said once (:attr:`set_aside`)."""
        aside = backup.with_name(f"{DAMAGED_PREFIX}{backup.name}")
        try:
            os.replace(backup, aside)
        except OSError:
            return  # a read-only data folder: left where it is, and not offered
        self.set_aside.emit(aside, problem)

    def release_offered(self) -> None:
        """Keep the offered backup, but let go of it (it is offered again at the next start)."""
        offered = getattr(self, "_offered", None)
        if offered is not None:
            offered[1].unlock()
        self._offered = None

    def discard_offered(self) -> None:
        """Remove the backup just offered by :meth:`pending_restore` (declined, or taken over)."""
        offered = getattr(self, "_offered", None)
        if offered is not None:
            discard_autosave(offered[0])
            offered[1].unlock()
        self._offered = None

    def discard(self) -> None:
        """Remove this window's own autosave (after a save by the user); never raises."""
        discard_autosave(self._path)

    def close(self) -> None:
        """A clean exit: stop, remove this window's own autosave and give up its lock."""
        self.stop()
        self.discard()
        self.release_offered()
        if self._lock is not None:
            self._lock.unlock()  # removes the lock file
            self._lock = None


def pending_restore(model, path: Path) -> Consultation | None:
    """The consultation in the backup at ``path``, or None if it is missing or unreadable.

    An unreadable backup (for example cut short by a power failure before the atomic rename
    was possible on an old file system) is not offered."""
    try:
        return load_consultation(path, model)
    except ConsultationError:
        return None


def discard_autosave(path: Path) -> None:
    """Remove a backup (not its lock); a problem with the data folder is not an error here."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
