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
        self.installed = False

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
    """The probe, put on ``app`` when a main window is first shown.

    A filter on the application is called for every event of every object, about 4 microseconds
    each from Python (BENCHMARKS.md, "The probe's own cost"). Put on the application
    at once, it was called about 5,100 times before the program's window was shown and about
    1,060 times before the bare window was: about 21 and 4 ms that were the probe's. No widget
    of a main window paints before the window is shown, so the probe waits for the first
    ``QMainWindow.show()`` (both children show their window that way) and from then on sees the
    same events as before."""
    probe = FirstPaint()
    show = QMainWindow.show

    def show_with_probe(window: QMainWindow) -> None:
        if not probe.installed:
            probe.installed = True
            app.installEventFilter(probe)
        show(window)

    QMainWindow.show = show_with_probe
    return probe
