"""Window state remembered between runs (size, audience, horizon, paper size, interface language). The
profile is never stored: a consultation starts blank so that one patient's values can never appear for
the next (nor the sheet's language, which belongs to the patient: it is kept in a saved consultation)."""

from __future__ import annotations

import functools
import os
import stat
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

AUDIENCES = ("patient", "clinician")
PAPERS = ("a4", "letter")
ORGANISATION = "decision-aid"
APPLICATION = "decision-aid"
MAX_SETTINGS_BYTES = 1_000_000  # a few hundred bytes are written; more is not this program's file


def settings_file() -> Path:
    """Where Qt keeps this program's settings on Linux and other Unix systems (an INI file)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(folder) / ORGANISATION / f"{APPLICATION}.conf"


def usable_settings_file(path: Path) -> bool:
    """True for a missing file or a regular file of a sensible size. Qt reads the file when the
    settings are made: a FIFO there would keep the window from ever appearing, a device or a huge
    file would be read to its end."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size <= MAX_SETTINGS_BYTES


def default_settings() -> QSettings:
    """The user's settings; when their file is not one this program can read (a pipe, a device, a
    folder, a huge file) the window starts with the defaults and saves nothing there this time."""
    if sys.platform in ("win32", "darwin"):  # the registry, a property list: no file name to check
        return QSettings(ORGANISATION, APPLICATION)
    path = settings_file()
    if usable_settings_file(path):
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(str(Path(_scratch_folder().name) / f"{APPLICATION}.conf"), QSettings.Format.IniFormat)


@functools.lru_cache(maxsize=1)
def _scratch_folder() -> tempfile.TemporaryDirectory:
    """A folder for this run's settings when the user's file cannot be used (removed at exit)."""
    return tempfile.TemporaryDirectory(prefix="decision-aid-settings-")


class WindowSettings:
    """Typed access to the few keys the window keeps; unknown or damaged values fall back to the
    default (a damaged file is never a reason not to start)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings if settings is not None else default_settings()

    def audience(self) -> str:
        value = self.qsettings.value("view/audience", "patient")
        return value if value in AUDIENCES else "patient"

    def set_audience(self, audience: str) -> None:
        self.qsettings.setValue("view/audience", audience)

    def horizon(self, allowed: tuple[int, ...]) -> int:
        try:
            value = int(self.qsettings.value("view/horizon", allowed[0] if allowed else 5))
        except (TypeError, ValueError, OverflowError):  # text, a list, NaN, infinity
            value = allowed[0] if allowed else 5
        return value if value in allowed else (allowed[0] if allowed else 5)

    def set_horizon(self, horizon: int) -> None:
        self.qsettings.setValue("view/horizon", int(horizon))

    def show_reference(self, name: str) -> bool:
        return str(self.qsettings.value(f"view/reference_{name}", "false")).lower() == "true"

    def set_show_reference(self, name: str, shown: bool) -> None:
        self.qsettings.setValue(f"view/reference_{name}", bool(shown))

    def paper(self) -> str:
        value = self.qsettings.value("sheet/paper", "a4")
        return value if value in PAPERS else "a4"

    def set_paper(self, paper: str) -> None:
        self.qsettings.setValue("sheet/paper", paper)

    def language(self) -> str | None:
        """The interface language chosen in View > Language, or None to follow the system."""
        from ..present.i18n import available_languages

        value = self.qsettings.value("view/language", "")
        return value if isinstance(value, str) and value in available_languages() else None

    def set_language(self, language: str) -> None:
        self.qsettings.setValue("view/language", language)

    def geometry(self) -> QByteArray | None:
        value = self.qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)

    def sync(self) -> None:
        self.qsettings.sync()
