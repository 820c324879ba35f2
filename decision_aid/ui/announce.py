"""Announcements for screen readers: what changed, said once, after the edit settles.

Qt 6.8 and later send a :class:`QAccessibleAnnouncementEvent` (AT-SPI ``object:announcement``,
UI Automation notifications, VoiceOver announcements). :class:`SettledAnnouncer` waits until
edits have stopped for a moment before it speaks, so typing "200" in the age field does not say
"Not allowed: 2" on the way; each keystroke only restarts a timer (no work per keystroke).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

try:  # Qt 6.8+
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - older Qt: nothing is announced, the texts are still exposed
    QAccessibleAnnouncementEvent = None

SETTLE_MS = 700  # quiet time after the last edit before the result or refusal is announced

#: every announcement made in this process, newest last (tests read it; a few dozen strings at most)
history: list[str] = []


def announce(source: QObject, text: str, assertive: bool = False) -> None:
    """Ask screen readers to say ``text`` now (politely: after what they are saying)."""
    text = text.strip()
    if not text:
        return
    history.append(text)
    del history[:-50]
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
