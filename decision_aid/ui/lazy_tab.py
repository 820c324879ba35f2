"""A tab page that builds its panel when first shown and updates it only while visible.

The context tabs (other studies, the randomised trial, guidance) are read now and then, but the
profile changes on every keystroke: building them at start-up and redrawing them while hidden
doubled both the start-up time and the time from a keystroke to a repainted window.
"""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

PanelT = TypeVar("PanelT", bound=QWidget)


class LazyTab(QWidget, Generic[PanelT]):
    """Holds ``factory()``'s panel; ``update(panel)`` brings it up to date when it is visible."""

    def __init__(self, factory: Callable[[], PanelT], update: Callable[[PanelT], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory, self._update = factory, update
        self._panel: PanelT | None = None
        self._stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def panel(self) -> PanelT:
        """The panel, built now if it was not yet (and brought up to date)."""
        if self._panel is None:
            self._panel = self._factory()
            self.layout().addWidget(self._panel)
        if self._stale:
            self._stale = False
            self._update(self._panel)
        return self._panel


    def invalidate(self) -> None:
        """What the panel shows has changed: update now if visible, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.panel  # noqa: B018 (builds and updates)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.panel  # noqa: B018
        super().showEvent(event)

