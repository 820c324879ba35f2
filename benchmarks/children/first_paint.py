"""Report, on stdout, the monotonic clock once the first paint of the main window has finished.

The parent reads ``time.monotonic()`` just before starting ``python``; on Linux both processes
read the same system-wide CLOCK_MONOTONIC, so the difference is the cold start to a painted window.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class FirstPaint(QObject):
    """Application-wide filter. The first Paint event of any widget of a QMainWindow starts the
    window's first paint pass; the pass (its other widgets and the flush) is over at the next
    event of another kind, which is when the report is written and the process exits without
    tear-down. A zero-delay timer guarantees that such an event follows."""

    def __init__(self) -> None:
        super().__init__()
        self.painting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            if (not self.painting and isinstance(watched, QWidget)
                    and isinstance(watched.window(), QMainWindow)):
                self.painting = True
                QTimer.singleShot(0, report)
        elif self.painting:
            report()
        return False


def report() -> None:
    sys.stdout.write(f"{time.monotonic():.6f}\n")
    sys.stdout.flush()
    os._exit(0)


def install(app: QApplication) -> FirstPaint:
    probe = FirstPaint()
    app.installEventFilter(probe)
    return probe
