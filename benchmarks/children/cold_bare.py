"""The reference for cold start: a bare PySide6 main window with one pyqtgraph plot, 1280 x 800."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QMainWindow

from first_paint import install

app = QApplication([])
probe = install(app)
window = QMainWindow()
plot = pg.PlotWidget(background="w")
times = np.linspace(0, 10, 121)
plot.plot(times, 100 * np.exp(-0.08 * times))
window.setCentralWidget(plot)
window.resize(1280, 800)
window.show()
app.exec()
