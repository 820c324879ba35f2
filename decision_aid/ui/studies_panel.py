""""Other studies": lays out a :class:`~decision_aid.present.studies_view.StudiesView` as two
forest-style charts and a table.

Every word and number comes from the view (the evidence files and the estimate shown); nothing is
computed or blended here. The personal estimate is a blue star, one row per early-death era with
the same symbol and size; studies are dark circles (whole cohort), squares (relapsing) or
triangles (progressive), so shape as well as colour tells them apart.
"""

from __future__ import annotations

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .. import palette
from ..present.studies_view import (SHAPE_PERSONAL, SHAPE_PROGRESSIVE, SHAPE_RELAPSING, ChartPoint, ForestView,
                                    StudiesView)
from ..present.i18n import _
from .context_common import FittedTable, body_points, set_font_size, text_label
from .style import frame_paper, points

#: Chart shapes of the view as pyqtgraph symbols.
SYMBOLS = {SHAPE_PERSONAL: "star", SHAPE_RELAPSING: "s", SHAPE_PROGRESSIVE: "t1"}
ROW_HEIGHT = 26  # pixels per chart row: labels never overlap


class ForestPlot(pg.PlotWidget):
    """One row per point, value on the x axis (per 100), whiskers where an interval is published."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("forestPlot")
        self.setBackground(palette.PAPER)  # its own white, framed, in every system palette
        frame_paper(self)
        self.points: tuple[ChartPoint, ...] = ()
        self.scatter_items: list[pg.ScatterPlotItem] = []
        self.error_items: list[pg.ErrorBarItem] = []
        item = self.getPlotItem()
        item.showGrid(x=True, y=False, alpha=0.3)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.invertY(True)
        self.setMouseEnabled(x=False, y=False)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(palette.MUTED))
            axis.setTextPen(pg.mkPen(palette.TEXT))
        item.getAxis("left").setWidth(250)
        # A picture of the table below it (which holds every number and is the keyboard's stop): not
        # a Tab stop itself, nor is its viewport (an unnamed focusable node to a screen reader).
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_view(self, view: ForestView) -> None:
        item = self.getPlotItem()
        self.setAccessibleName(view.name)
        self.setToolTip(view.name)
        for old in self.scatter_items + self.error_items:
            item.removeItem(old)
        self.scatter_items, self.error_items, self.points = [], [], view.points
        for index, point in enumerate(view.points):
            color = palette.PERSONAL if point.personal else palette.TEXT
            if point.lower is not None:
                bars = pg.ErrorBarItem(
                    x=np.array([point.value * 100]), y=np.array([float(index)]),
                    left=np.array([(point.value - point.lower) * 100]),
                    right=np.array([(point.upper - point.value) * 100]), beam=0.25,
                    pen=pg.mkPen(color, width=3 if point.personal else 2))
                item.addItem(bars)
                self.error_items.append(bars)
            scatter = pg.ScatterPlotItem(
                x=np.array([point.value * 100]), y=np.array([float(index)]), symbol=SYMBOLS.get(point.shape, "o"),
                size=22 if point.personal else 12, brush=pg.mkBrush(color),
                pen=pg.mkPen(QColor(color).darker(150), width=1.5))
            item.addItem(scatter)
            self.scatter_items.append(scatter)
        left = item.getAxis("left")
        left.setTicks([[(i, p.label) for i, p in enumerate(view.points)]])
        # As wide as the longest row label in the axis's font: a fixed 250 px dropped the personal
        # rows' labels with an 18 pt system font (pyqtgraph hides a tick label that does not fit).
        metrics = QFontMetrics(left.style.get("tickFont") or self.font())
        left.setWidth(max([250] + [metrics.horizontalAdvance(p.label) + 16 for p in view.points]))
        item.setLabel("bottom", escape(view.axis_label))
        item.setYRange(-0.6, max(len(view.points) - 0.4, 0.4), padding=0)
        highs = [p.upper if p.upper is not None else p.value for p in view.points] or [0.0]
        top = max(highs) * 100 * 1.08 + 0.5
        item.setXRange(-top * 0.02, top, padding=0)
        self.setMinimumHeight(90 + ROW_HEIGHT * len(view.points))


class StudiesPanel(QWidget):
    """The "Other studies" tab: the personal estimate, the charts, the legend and the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: StudiesView | None = None
        layout = QVBoxLayout(self)
        self.heading = text_label(name=_("Other studies heading"), points=palette.HEADING, bold=True)
        self.differ = text_label(name=_("How the studies differ"))
        self.you_label = text_label(name=_("Your personal estimate beside the studies"))
        # Each chart's title a wrapping label above it: as pyqtgraph's one-line title it made the
        # chart 1.5 times wider than its place at 125 % on 1366 x 768, its right part cut off.
        self.mortality_title, self.pfs_title = (text_label(bold=True) for _chart in range(2))
        self.mortality_plot = ForestPlot()
        self.pfs_plot = ForestPlot()
        self.legend = text_label(name=_("Chart legend"), points=palette.SMALL)
        self.table = FittedTable(_("Table of the studies"))
        for widget in (self.heading, self.differ, self.you_label, self.mortality_title, self.mortality_plot,
                       self.pfs_title, self.pfs_plot, self.legend, self.table):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_view(self, view: StudiesView) -> None:
        self.view = view
        self.setAccessibleName(view.heading)
        points = body_points(view.audience)
        self.heading.setText(view.heading)
        self.differ.setText(view.differ)
        self.you_label.setText("\n".join(view.you_lines))
        for label in (self.differ, self.you_label):
            set_font_size(label, points)
        self.mortality_title.setText(view.mortality.title)
        self.pfs_title.setText(view.pfs.title)
        self.mortality_plot.show_view(view.mortality)
        self.pfs_plot.show_view(view.pfs)
        self.legend.setText(view.legend)
        self.table.setAccessibleName(view.table_name)
        self.table.setToolTip(view.table_tooltip)
        self.table.fill([heading for _code, heading in view.columns], [row.cells for row in view.rows],
                        tooltips=[row.tooltip for row in view.rows],
                        shaded=[row.primary or row.personal for row in view.rows],
                        points=palette.SMALL if view.audience.clinician else palette.BODY,
                        weights=(16, 14, 9, 6, 10, 14, 14, 17) if view.audience.clinician else (24, 14, 20, 20, 22))

