"""Where the program keeps its own files: the per-user data folder (stdlib only, no Qt).

Saved consultations go wherever the user chooses; only the autosave and the crash log live
here. ``DECISION_AID_DATA_DIR`` replaces the folder (tests, portable installs).
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

APP_FOLDER = "decision-aid"
DATA_DIR_VARIABLE = "DECISION_AID_DATA_DIR"
AUTOSAVE_PREFIX = "autosave"  # autosave-<random>.aidconsult.json, one per running window
AUTOSAVE_SUFFIX = ".aidconsult.json"
CRASH_LOG_NAME = "crash.log"


def data_dir() -> Path:
    """The per-user data folder for this platform (not created here)."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("APPDATA")
        return (Path(base) if base else home / "AppData" / "Roaming") / APP_FOLDER
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_FOLDER
    base = os.environ.get("XDG_DATA_HOME")
    # The XDG spec says a relative value is invalid and must be ignored.
    return (Path(base) if base and os.path.isabs(base) else home / ".local" / "share") / APP_FOLDER


def ensure_data_dir() -> Path:
    """The data folder, created readable only by its owner if it does not exist yet."""
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def new_autosave_path() -> Path:
    """A name of its own for one window's autosave (two running copies never share one)."""
    return data_dir() / f"{AUTOSAVE_PREFIX}-{uuid.uuid4().hex[:16]}{AUTOSAVE_SUFFIX}"


def is_autosave_name(name: str) -> bool:
    """An autosave of any window, including ``autosave.aidconsult.json`` from older versions."""
    return name.startswith(AUTOSAVE_PREFIX) and name.endswith(AUTOSAVE_SUFFIX)


def crash_log_path() -> Path:
    return data_dir() / CRASH_LOG_NAME
