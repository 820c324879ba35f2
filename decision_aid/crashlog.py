"""A crash log that helps fix the program without recording anything about the patient.

An exception's message and a frame's local variables can hold what was typed (a name, notes,
a profile value), so only the exception's type and each frame's file, line and function are
written: never the message, never locals, never source lines. Stdlib only.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

from . import __version__
from .paths import crash_log_path, ensure_data_dir
from .safe_io import ReadError, read_regular_file, write_atomically

MAX_LOG_BYTES = 512_000  # past this the log is started afresh (the old one kept as .1)
MAX_CHAIN = 5


def describe_crash(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> str:
    """The log entry: a UTC timestamp, versions, and the scrubbed traceback (with its causes)."""
    stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    lines = [f"=== {stamp} decision-aid {__version__}, Python {platform.python_version()}, {sys.platform}"]
    chain: list[tuple[type[BaseException], TracebackType | None]] = [(exc_type, tb)]
    seen = {id(exc)}
    current = exc
    while current is not None and len(chain) < MAX_CHAIN:
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        if current is None or id(current) in seen:
            break
        seen.add(id(current))
        chain.append((type(current), current.__traceback__))
    for index, (kind, frames) in enumerate(reversed(chain)):
        if index:
            lines.append("which led to:")
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(frames):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        lines.append(f"{kind.__module__}.{kind.__qualname__} (message not recorded: it may contain patient data)")
    return "\n".join(lines) + "\n"


def write_crash_log(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> Path:
    """Add the scrubbed entry to the crash log in the data folder (owner-only) and return its path.

    The log is rewritten whole with :func:`~decision_aid.safe_io.write_atomically`, so a full disk
    leaves the previous log as it was instead of a log with half an entry."""
    ensure_data_dir()
    path = crash_log_path()
    try:
        previous = read_regular_file(path, MAX_LOG_BYTES, what="crash log")
    except ReadError:  # none yet, or too long: start afresh, keeping the old one as .1
        previous = b""
        if path.is_file() and not path.is_symlink():
            os.replace(path, path.with_name(path.name + ".1"))
    write_atomically(path, previous + describe_crash(exc_type, exc, tb).encode("utf-8"))
    return path
