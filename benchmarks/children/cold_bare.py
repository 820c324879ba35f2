"""The reference for cold start: a bare PySide6 main window with one pyqtgraph plot, 1280 x 800.

With ``--gc-paused`` (information only, never the target's reference) it pauses the garbage
collector as the program does: after PySide6 is imported, before pyqtgraph, until the first turn
of the event loop, then freezes what was made. It shows how much of the program's gain from that
pause is collection over the libraries both windows import (BENCHMARKS.md, cold start)."""

import sys

GC_PAUSED = "--gc-paused" in sys.argv

import numpy as np  # noqa: E402 (after the flag: the order of the plain reference is unchanged)

if GC_PAUSED:
    import gc

    import PySide6.QtWidgets  # noqa: F401 (PySide6 first, as the program's ui.app)

    gc.disable()

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from first_paint import install  # noqa: E402

app = QApplication([])
probe = install(app)
window = QMainWindow()
plot = pg.PlotWidget(background="w")
times = np.linspace(0, 10, 121)
plot.plot(times, 100 * np.exp(-0.08 * times))
window.setCentralWidget(plot)
window.resize(1280, 800)
window.show()
if GC_PAUSED:
    QTimer.singleShot(0, lambda: (gc.freeze(), gc.enable()))
app.exec()
