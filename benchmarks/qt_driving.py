"""Driving Qt widgets the way a person does and waiting for what they would see.

Used by the window measures in ``run.py`` and by the child scripts. Waiting happens inside a
real ``QEventLoop`` (not bare ``processEvents``) so that zero-delay timers, layout requests and
``deleteLater`` run exactly as in the running program.
"""

from __future__ import annotations

import os
import time
from typing import Callable, Iterable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

TIMEOUT_MS = 5000


class PaintWatch(QObject):
    """Watches ``QEvent.Paint`` on chosen widgets; once armed and all have painted, the paint pass
    is over at the next event of any other kind the application dispatches (a zero-delay timer
    guarantees there is one). ``finished_at`` is that moment (``time.perf_counter``)."""

    def __init__(self, widgets: Iterable[QWidget]) -> None:
        super().__init__()
        self.widgets = list(widgets)
        self.painted: set[int] = set()
        self.armed = False
        self.paints = 0
        self.finished_at: float | None = None
        self._loop: QEventLoop | None = None
        self._after_pass = _NextEvent(self._pass_over)
        for widget in self.widgets:
            widget.installEventFilter(self)

    def reset(self) -> None:
        self.painted.clear()
        self.armed = False
        self.finished_at = None

    def arm(self) -> None:
        self.painted.clear()
        self.armed = True

    def all_painted(self) -> bool:
        return len(self.painted) == len(self.widgets)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
            if self.armed and self.finished_at is None:
                self.painted.add(id(watched))
                if self.all_painted():
                    self._after_pass.listen()
        return False

    def _pass_over(self) -> None:
        self.finished_at = time.perf_counter()
        if self._loop is not None:
            self._loop.quit()

    def wait(self, timeout_ms: int = TIMEOUT_MS) -> bool:
        """Run the event loop until the paint pass that completed the set is over; False on timeout."""
        if self.finished_at is None:
            loop = QEventLoop()
            self._loop = loop
            guard = QTimer()
            guard.setSingleShot(True)
            guard.timeout.connect(loop.quit)
            guard.start(timeout_ms)
            loop.exec()
            guard.stop()
            self._loop = None
        return self.finished_at is not None


class _NextEvent(QObject):
    """Calls back at the first non-Paint event the application dispatches after ``listen()``."""

    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self._callback = callback

    def listen(self) -> None:
        QApplication.instance().installEventFilter(self)
        QTimer.singleShot(0, lambda: None)  # so that some event follows the paint pass

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() != QEvent.Type.Paint:
            QApplication.instance().removeEventFilter(self)
            self._callback()
        return False


def settle(milliseconds: int = 20) -> None:
    """Let pending events, layouts, repaints and deferred deletes finish (outside any timing)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def watch_chart_in_view(window) -> PaintWatch:
    """Scroll the estimate page to the chart, as a clinician watching the curves while changing the
    profile, and watch what is then in view: the chart (the costliest repaint) and every icon array
    on screen. At the top of the page the key numbers come first and the chart is below the first
    screen. The window must show an estimate (the page grows once it is laid out)."""
    area = window.main_page.scroll_for(window.chart)
    for _ in range(100):
        if area.verticalScrollBar().maximum() > 0:
            break
        settle(20)
    area.ensureWidgetVisible(window.chart, 0, 0)
    settle(50)
    outcomes = window.outcomes
    arrays = [column.icons for column in (outcomes.early, outcomes.early_recent, outcomes.five_years,
                                          outcomes.five_years_recent)]
    return PaintWatch([window.chart.plot.viewport()] + [a for a in arrays if not a.visibleRegion().isEmpty()])


def time_until_painted(change: Callable[[], None], watch: PaintWatch, ready: Callable[[], bool]) -> float:
    """Milliseconds from ``change()`` (a user input) until ``ready()`` and every watched widget painted.

    ``watch`` is armed by ``ready`` turning true: the caller arms it from the signal that says the
    new result is shown, so paints of the intermediate (cleared) state do not count.
    """
    watch.reset()
    start = time.perf_counter()
    change()
    if not watch.wait():
        raise RuntimeError("the window did not repaint within the time limit")
    if not ready():
        raise RuntimeError("painted, but the result was not updated")
    return (watch.finished_at - start) * 1000


def rss_bytes() -> int:
    """Current resident set size from /proc/self/statm (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_rss_bytes() -> int:
    """Peak resident set size of this process's address space (VmHWM in /proc/self/status)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise OSError("no VmHWM in /proc/self/status")
