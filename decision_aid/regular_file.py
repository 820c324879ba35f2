"""Reading a file only if it is a regular file of a bounded size (stdlib only, no words).

A path from a person, a maintainer's folder or the data folder may name a FIFO (reading it waits
for ever), a device (``/dev/zero`` never ends), a folder, a socket, or a huge file. The path is
looked at before it is opened (a FIFO or device is never opened), opened without blocking, and
looked at again through the open descriptor, so a file swapped in between is still refused; at
most ``max_bytes + 1`` bytes are read. The callers say what went wrong in their own words
(:func:`decision_aid.safe_io.read_regular_file`, the evidence loader).
"""

from __future__ import annotations

import os
import stat

#: What a path that is not a regular file is (:attr:`NotRegular.kind`).
KINDS = ("folder", "pipe", "socket", "device", "link", "other")


def kind_of(mode: int) -> str | None:
    """One of :data:`KINDS` for a mode that is not a regular file's, else None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISLNK(mode):
        return "link"
    return "other"


class NotRegular(OSError):
    """The path is not a regular file; ``kind`` is one of :data:`KINDS`."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"not a regular file: {kind}")
        self.kind = kind


class TooLarge(OSError):
    """The file has more than the bytes allowed; ``size`` when known (None: it grew while read)."""

    def __init__(self, size: int | None) -> None:
        super().__init__(f"too large: {size}")
        self.size = size


def read_regular(path: str | os.PathLike, max_bytes: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``. Raises
    :class:`NotRegular`, :class:`TooLarge` or the ``OSError`` of the system (``FileNotFoundError``...)."""
    before = os.stat(path)
    _check(before, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        _check(os.fstat(descriptor), max_bytes)
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > max_bytes:  # it grew after it was looked at
        raise TooLarge(None)
    return data


def _check(info: os.stat_result, max_bytes: int) -> None:
    kind = kind_of(info.st_mode)
    if kind:
        raise NotRegular(kind)
    if info.st_size > max_bytes:
        raise TooLarge(info.st_size)
