"""The cold-start benchmark's probe (benchmarks/children/first_paint.py) sees nothing before the
main window is shown, and still reports once the window's first paint is over.

Put on the application at once, the probe's Python filter was called for each of the ~5,100
events of building the program's window (about 21 ms charged to the program, 4 to the bare
window): what it measured was partly itself (BENCHMARKS.md, "The probe's own cost")."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QMainWindow

CHILDREN = Path(__file__).resolve().parents[2] / "benchmarks" / "children"


@pytest.fixture
def first_paint(monkeypatch):
    monkeypatch.syspath_prepend(str(CHILDREN))
    monkeypatch.setattr(QMainWindow, "show", QMainWindow.show)  # the probe's wrapper goes with the test
    sys.modules.pop("first_paint", None)
    import first_paint as module

    yield module
    sys.modules.pop("first_paint", None)


def test_the_probe_waits_for_the_window_to_be_shown_then_reports_after_its_first_paint(qapp, qtbot, first_paint,
                                                                                      monkeypatch):
    seen, reports = [], []
    filter_events = first_paint.FirstPaint.eventFilter
    monkeypatch.setattr(first_paint.FirstPaint, "eventFilter",
                        lambda probe, watched, event: seen.append(event.type()) or filter_events(probe, watched, event))
    monkeypatch.setattr(first_paint, "report", lambda: reports.append(len(seen)))
    probe = first_paint.install(qapp)
    try:
        window = QMainWindow()
        window.setCentralWidget(QLabel("text"))
        for _ in range(50):  # what building a window sends: none of it reaches the probe
            QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LayoutRequest))
        qapp.processEvents()
        assert seen == [] and not probe.installed

        window.show()
        qtbot.waitUntil(lambda: bool(reports), timeout=5000)
        assert probe.installed and probe.painting
        assert QEvent.Type.Paint in seen
        assert seen.index(QEvent.Type.Paint) < reports[0]  # the report follows the first paint
        window.close()
    finally:  # the real report ends the process: the probe must not outlive the test
        qapp.removeEventFilter(probe)
