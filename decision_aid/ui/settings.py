"""Window state remembered between runs (size, audience, horizon, paper size, interface language). The
profile is never stored: a consultation starts blank so that one patient's values can never appear for
the next (nor the sheet's language, which belongs to the patient: it is kept in a saved consultation)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

AUDIENCES = ("patient", "clinician")
PAPERS = ("a4", "letter")
ORGANISATION = "decision-aid"
APPLICATION = "decision-aid"


class WindowSettings:
    """Typed access to the few keys the window keeps; unknown or damaged values fall back."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)

    def audience(self) -> str:
        value = self.qsettings.value("view/audience", "patient")
        return value if value in AUDIENCES else "patient"

    def set_audience(self, audience: str) -> None:
        self.qsettings.setValue("view/audience", audience)

    def horizon(self, allowed: tuple[int, ...]) -> int:
        try:
            value = int(self.qsettings.value("view/horizon", allowed[0] if allowed else 5))
        except (TypeError, ValueError):
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
