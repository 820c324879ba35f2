"""Reading and writing files safely: whole or not at all, regular files only (stdlib only, no Qt).

Every file the program writes (consultations, the autosave, PDFs, screenshots, the crash log) goes
through :func:`write_atomically`: a new temporary file in the same folder (created 0600), flushed,
synced, checked, then renamed over the target and the folder synced. If any step fails, the
previous file is untouched, the temporary file is removed and :class:`WriteError` says why in one
sentence. A temporary file left by a killed save (it holds what was typed) is recognisable by its
name and removed by :func:`remove_stale_temporaries` the next time that folder is used.

Every file the program reads from a path the user gave goes through :func:`read_regular_file`:
only a regular file is opened (never a FIFO, a device, a socket or a folder, which could hang the
program or never end), and no more than the size cap is read.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from pathlib import Path
from typing import Callable

from .present.i18n import _
from .regular_file import NotRegular, TooLarge, kind_of, read_regular

TEMP_PREFIX = ".decision-aid-"
TEMP_SUFFIX = ".partial"
# Only names this module makes are ever removed: prefix, 16 hex digits, suffix.
_TEMP_PATTERN = re.compile(r"\A" + re.escape(TEMP_PREFIX) + r"[0-9a-f]{16}" + re.escape(TEMP_SUFFIX) + r"\Z")
STALE_AFTER_SECONDS = 60.0  # a save takes well under a second; older temporaries were left by a killed save


class WriteError(OSError):
    """A file could not be written; the message is one sentence for the person (nothing was replaced),
    ``reason`` the cause in a few words ("the disk is full")."""

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message.rstrip(".")


class ReadError(OSError):
    """A file could not be read; the message is one sentence for the person."""


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words (None for a regular file)."""
    kind = kind_of(mode)
    return None if kind is None else _kind_words(kind)


def _kind_words(kind: str) -> str:
    return {"folder": _("a folder"), "pipe": _("a pipe (FIFO)"), "socket": _("a socket"), "device": _("a device"),
            "link": _("a symbolic link")}.get(kind) or _("not a regular file")


def os_error_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return _("the disk is full")
    if exc.errno == errno.EDQUOT:
        return _("the disk quota is used up")
    if exc.errno == errno.EROFS:
        return _("the disk is read-only")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _("permission denied")
    if exc.errno == errno.ENOENT:
        return _("the folder does not exist")
    return (exc.strerror or type(exc).__name__).lower()


# --- reading ------------------------------------------------------------------------------------

def read_regular_file(path: str | os.PathLike, max_bytes: int, what: str | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``; else :class:`ReadError`.

    The path is looked at before it is opened (a FIFO or device is never opened), opened without
    blocking, and looked at again through the open descriptor, so a file swapped in between is
    still refused. At most ``max_bytes + 1`` bytes are read.
    """
    what = what or _("file")
    try:
        return read_regular(path, max_bytes)
    except FileNotFoundError:
        raise ReadError(_("The {what} does not exist.", what=what)) from None
    except NotRegular as exc:
        raise ReadError(_("The path is {kind}, not a {what}, so it was not read.", kind=_kind_words(exc.kind),
                          what=what)) from None
    except TooLarge as exc:
        if exc.size is None:  # it grew after it was looked at
            raise ReadError(_("The {what} is more than the {most} bytes it may have, so it was not read.", what=what,
                              most=max_bytes)) from None
        raise ReadError(_("The {what} is {size} bytes, more than the {most} bytes it may have, so it was not read.",
                          what=what, size=exc.size, most=max_bytes)) from None
    except OSError as exc:
        raise ReadError(_("The {what} cannot be read ({reason}).", what=what, reason=os_error_reason(exc))) from None


# --- writing ------------------------------------------------------------------------------------

def check_output_target(path: str | os.PathLike, not_same_as: str | os.PathLike | None = None) -> Path:
    """Refuse (with :class:`WriteError`) a target that is not a regular file we may replace.

    A symbolic link (its target would not be replaced but the link would, silently), a folder,
    a FIFO, a socket or a device is refused; so is the file ``not_same_as`` (the input being read)
    and an existing file without write permission (a rename would replace it all the same).
    """
    target = Path(path)
    if os.path.basename(os.fspath(path)) in ("", ".", ".."):  # "out.pdf/": pathlib would drop the slash
        raise WriteError(_("'{path}' names a folder, not a file; give a file name.", path=os.fspath(path)))
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise WriteError(_("{file} cannot be written: {reason}.", file=target.name, reason=os_error_reason(exc))) from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise WriteError(_("{file} is a symbolic link; write to the file itself, not through a link.", file=target.name))
        kind = _kind(info.st_mode)
        if kind:
            raise WriteError(_("{file} is {kind}, not a regular file, so it was not replaced.", file=target.name, kind=kind))
        if not (info.st_mode & stat.S_IWUSR) or not os.access(target, os.W_OK):
            raise WriteError(_("{file} is read-only, so it was not replaced; choose another name or make the file writable.",
                               file=target.name))
        if not_same_as is not None:
            try:
                source = os.stat(not_same_as)
            except OSError:
                source = None
            if source is not None and (source.st_dev, source.st_ino) == (info.st_dev, info.st_ino):
                raise WriteError(_("{file} is the file being read; write the output to another file.", file=target.name))
    folder = target.parent
    try:
        folder_info = os.stat(folder)
    except FileNotFoundError:
        raise WriteError(_("{file} cannot be written: the folder {folder} does not exist.", file=target.name, folder=folder)) from None
    except OSError as exc:
        raise WriteError(_("{file} cannot be written: {reason}.", file=target.name, reason=os_error_reason(exc))) from None
    if not stat.S_ISDIR(folder_info.st_mode):
        raise WriteError(_("{file} cannot be written: {folder} is not a folder.", file=target.name, folder=folder))
    return target


def _temporary_name() -> str:
    return f"{TEMP_PREFIX}{os.urandom(8).hex()}{TEMP_SUFFIX}"


def write_atomically(path: str | os.PathLike, data: bytes | None = None, *,
                     produce: Callable[[Path], None] | None = None,
                     verify: Callable[[Path], None] | None = None,
                     not_same_as: str | os.PathLike | None = None) -> Path:
    """Replace ``path`` with ``data`` (or with what ``produce(temporary_path)`` writes) in one step.

    The temporary file is created 0600 (never widened later) in the same folder. After it is
    written it is synced and checked: ``data`` is read back and compared; ``verify(temporary)``
    may raise ``OSError`` or ``ValueError`` for a produced file that is not complete. Only then is
    it renamed over ``path`` and the folder synced. Temporaries a killed save left in the folder
    are removed first (:func:`remove_stale_temporaries`). Raises :class:`WriteError` (the old file kept,
    the temporary removed) or whatever ``produce`` raises for reasons of its own.
    """
    if (data is None) == (produce is None):
        raise TypeError("give data or produce, not both")
    target = check_output_target(path, not_same_as)
    folder = target.parent
    remove_stale_temporaries(folder)  # left by a save in this folder that was killed
    temporary = folder / _temporary_name()
    flags = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
             | getattr(os, "O_NOFOLLOW", 0))
    try:
        descriptor = os.open(temporary, flags, 0o600)
    except OSError as exc:
        raise WriteError(_("{file} could not be written: {reason}; nothing was replaced.", file=target.name, reason=os_error_reason(exc)),
                         os_error_reason(exc)) from None
    try:
        try:
            if data is not None:
                with os.fdopen(descriptor, "wb") as stream:
                    stream.write(data)
                    stream.flush()
                    os.fsync(stream.fileno())
                if _read_back(temporary, len(data) + 1) != data:
                    raise WriteError(_("{file} could not be written: what was read back differs from what was written; "
                                       "nothing was replaced.", file=target.name))
            else:
                os.close(descriptor)
                produce(temporary)  # type: ignore[misc]
                _fsync_file(temporary)
            if verify is not None:
                verify(temporary)
            os.replace(temporary, target)
        except WriteError:
            raise
        except (OSError, ValueError) as exc:
            reason = os_error_reason(exc) if isinstance(exc, OSError) else str(exc)
            if not isinstance(exc, OSError) and _nearly_full(folder):  # a writer that hides its I/O errors
                reason = _("the disk is full ({reason})", reason=reason)
            raise WriteError(_("{file} could not be written: {reason}; nothing was replaced.", file=target.name, reason=reason), reason) from None
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    try:
        sync_directory(folder)
    except OSError:
        pass  # the file is in place; only its durability across a power cut is less certain
    return target


def _nearly_full(folder: Path) -> bool:
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < 64 * 1024


def _read_back(path: Path, limit: int) -> bytes:
    with open(path, "rb") as stream:
        return stream.read(limit)


def _fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def sync_directory(directory: Path) -> None:
    """Make a rename durable; folders cannot be opened for syncing on Windows."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    descriptor = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def verify_pdf(path: Path) -> None:
    """Raise ``ValueError`` unless ``path`` is a complete PDF: header, ``%%EOF`` trailer and a
    ``startxref`` that points at the cross-reference table."""
    size = os.path.getsize(path)
    if size == 0:
        raise ValueError("the PDF writer produced an empty file")
    with open(path, "rb") as stream:
        head = stream.read(8)
        stream.seek(max(0, size - 2048))
        tail = stream.read()
        if not head.startswith(b"%PDF-") or not tail.rstrip().endswith(b"%%EOF"):
            raise ValueError("the PDF is incomplete (no end marker)")
        match = re.search(rb"startxref\s+(\d{1,12})\s+%%EOF\s*\Z", tail)
        if match is None or int(match.group(1)) >= size:
            raise ValueError("the PDF is incomplete (no cross-reference table)")
        stream.seek(int(match.group(1)))
        if stream.read(4) != b"xref":
            raise ValueError("the PDF is incomplete (broken cross-reference table)")


# --- cleaning up after a killed save ------------------------------------------------------------

def remove_stale_temporaries(folder: str | os.PathLike, older_than: float = STALE_AFTER_SECONDS) -> int:
    """Remove temporary files left in ``folder`` by a save that was killed; return how many.

    Only names :func:`write_atomically` makes, only regular files (not links), only files owned by
    this user, and only files older than ``older_than`` seconds (a save in another running copy of
    the program is left alone). Problems are ignored: this is housekeeping.
    """
    removed = 0
    now = time.time()
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not _TEMP_PATTERN.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or (uid is not None and info.st_uid != uid):
                continue
            if now - info.st_mtime < older_than:
                continue
            os.unlink(entry.path)
            removed += 1
        except OSError:
            continue
    return removed
