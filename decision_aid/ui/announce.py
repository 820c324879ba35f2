"""Announcements for screen readers: what changed, said once, after the edit settles.

On Linux (AT-SPI) a window's :class:`LiveRegion` says it: a widget with the *notification* role
whose name becomes the message and which is hidden and shown again; Orca speaks a notification
when it is shown. (Qt 6.8's announcement event reaches AT-SPI as ``object:announcement``, for which
Debian's Orca 43 registers no listener: "Estimates shown", the chart's read-outs and the status
bar's confirmations were never spoken. ``tools/orca_check.py`` reads what Orca says.) Elsewhere,
and for a window without a live region, Qt's :class:`QAccessibleAnnouncementEvent` says it (UI
Automation notifications, VoiceOver announcements).

:class:`SettledAnnouncer` waits until edits have stopped for a moment before it speaks, so typing
"200" in the age field does not say "Not allowed: 2" on the way; each keystroke only restarts a
timer (no work per keystroke).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QMainWindow, QWidget

from .accessible_roles import give_role

try:  # Qt 6.8+
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - older Qt: nothing is announced, the texts are still exposed
    QAccessibleAnnouncementEvent = None

SETTLE_MS = 700  # quiet time after the last edit before the result or refusal is announced

#: every announcement made in this process, newest last (tests read it; a few dozen strings at most)
history: list[str] = []


#: AT-SPI screen readers (Orca) hear a live region; others Qt's announcement event
LIVE_REGIONS = sys.platform.startswith("linux")


class LiveRegion(QWidget):
    """A window's voice for AT-SPI screen readers: 1 x 1 pixel, transparent, never focused, at the
    end of the window's status bar (where the confirmations it repeats are shown); a
    *notification* to assistive technology, named by the last announcement. (Placed over the menu
    bar, its showing during an Alt shortcut left the menu bar active.)"""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__()
        self.setObjectName("liveRegion")
        self.setFixedSize(1, 1)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        window.statusBar().addPermanentWidget(self)
        self.said = ""

    def say(self, text: str) -> None:
        """Name the region ``text`` and show it anew: Orca speaks a notification that is shown."""
        self.said = text
        self.setAccessibleName(text)
        self.hide()
        self.show()


give_role(LiveRegion, QAccessible.Role.Notification)


def live_region(source: QObject) -> LiveRegion | None:
    window = source.window() if isinstance(source, QWidget) else None
    return window.findChild(LiveRegion, "liveRegion") if window is not None else None


def announce(source: QObject, text: str, assertive: bool = False) -> None:
    """Ask screen readers to say ``text`` now (politely: after what they are saying)."""
    text = text.strip()
    if not text:
        return
    history.append(text)
    del history[:-50]
    region = live_region(source) if LIVE_REGIONS else None
    if region is not None:
        region.say(text)
        return
    if QAccessibleAnnouncementEvent is None:
        return
    event = QAccessibleAnnouncementEvent(source, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


class SettledAnnouncer(QObject):
    """Holds the newest message and announces it once edits have paused for ``SETTLE_MS``.

    ``edited()`` marks that something is still being typed (restarts the wait); ``set_message``
    replaces what will be said. The same message twice in a row is said once."""

    def __init__(self, source: QWidget, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(source)
        self._source = source
        self._message = ""
        self._assertive = False
        self.last = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self.flush)

    def edited(self) -> None:
        if self._timer.isActive():
            self._timer.start()  # restart: still typing

    def set_message(self, text: str, assertive: bool = False) -> None:
        self._message, self._assertive = text, assertive
        self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Say the pending message now (tests; the timer)."""
        self._timer.stop()
        if self._message and self._message != self.last:
            self.last = self._message
            announce(self._source, self._message, self._assertive)

    def forget(self) -> None:
        """The next message is said even when it repeats the last one (e.g. after Clear profile)."""
        self.last = ""
