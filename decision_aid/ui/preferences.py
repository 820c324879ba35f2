"""The only things kept in QSettings: window size and position, audience and horizon.

Never a name, a profile value, notes or a file path (a file name may be the patient's name):
:func:`store_preferences` writes exactly the keys in :data:`PREFERENCE_KEYS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

from ..consultation import AUDIENCES

PREFERENCE_KEYS = ("window/geometry", "view/audience", "view/horizon")


@dataclass(frozen=True)
class Preferences:
    geometry: QByteArray | None = None
    audience: str = "clinician"
    horizon: int = 5


def store_preferences(settings: QSettings, preferences: Preferences) -> None:
    if preferences.geometry is not None:
        settings.setValue("window/geometry", preferences.geometry)
    settings.setValue("view/audience", preferences.audience)
    settings.setValue("view/horizon", int(preferences.horizon))
    settings.sync()


def load_preferences(settings: QSettings, horizons: tuple[int, ...] = (5, 10)) -> Preferences:
    """Stored preferences, each falling back to its default if missing or not allowed."""
    geometry = settings.value("window/geometry")
    audience = settings.value("view/audience", "clinician")
    try:
        horizon = int(settings.value("view/horizon", 5))
    except (TypeError, ValueError):
        horizon = 5
    return Preferences(
        geometry=geometry if isinstance(geometry, QByteArray) else None,
        audience=audience if audience in AUDIENCES else "clinician",
        horizon=horizon if horizon in horizons else 5,
    )
