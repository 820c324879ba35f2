"""The progression-free survival chart: personal curve with its 95% band, reference curves,
the extrapolated part beyond the study's follow-up marked in three ways (shading, a label and a
dashed, lighter line), a marker at the study horizon and a read-out under the mouse.

Plotted values are percentages: 100 x the model's fractions, nothing else.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .. import palette
from ..present.estimate_view import ChartView
from ..present.i18n import _
from .plain import plain_label

PERCENT = 100.0  # plot percent = 100 x fraction


def _pen(color: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine, alpha: int = 255) -> QPen:
    qcolor = QColor(color)
    qcolor.setAlpha(alpha)
    pen = QPen(qcolor, width)
    pen.setStyle(style)
    pen.setCosmetic(True)
    return pen


class PfsChart(QWidget):
    """Draws one :class:`ChartView`; ``hovered`` carries the read-out text."""

    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pfsChart")
        self._chart: ChartView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("pfsPlot")
        self.plot.setAccessibleName(_("Chart: alive without disability worsening over the years after transplant"))
        self.plot.setToolTip(_("Move the mouse over the chart to read the value at any time"))
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.plot, 1)
        self.readout = plain_label(" ")
        self.readout.setWordWrap(True)
        self.readout.setObjectName("pfsReadout")
        self.readout.setAccessibleName(_("Value under the mouse"))
        layout.addWidget(self.readout)

        item = self.plot.getPlotItem()
        self.plot_item = item
        item.setMouseEnabled(x=False, y=False)
        item.setContentsMargins(0, 4, 14, 0)  # room for the last x tick label
        item.hideButtons()
        item.setMenuEnabled(False)
        item.showGrid(x=True, y=True, alpha=0.25)
        tick_font = QFont()
        tick_font.setPointSize(palette.SMALL)
        label_style = {"color": palette.TEXT, "font-size": f"{palette.SMALL}pt"}
        self.label_style = label_style
        self.hint = _("Move the mouse over the chart to read a value.")
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setTickFont(tick_font)
            axis.setPen(_pen(palette.MUTED, 1))
            axis.setTextPen(_pen(palette.TEXT, 1))
        item.getAxis("bottom").setStyle(hideOverlappingLabels=False)  # keep the last year visible
        item.setYRange(0, 100, padding=0.04)

        self.region = pg.LinearRegionItem((5, 10), movable=False,
                                          brush=pg.mkBrush(QColor(palette.EXTRAPOLATED)), pen=_pen(palette.GRID, 1))
        self.region.setZValue(-20)
        item.addItem(self.region)
        self.region_label = pg.TextItem("", color=palette.MUTED, anchor=(0.5, 0))
        self.region_label.setFont(tick_font)
        item.addItem(self.region_label)

        band_pen = _pen(palette.PERSONAL, 1, alpha=90)
        self.band_lower = pg.PlotDataItem(pen=band_pen)
        self.band_upper = pg.PlotDataItem(pen=band_pen)
        band_color = QColor(palette.PERSONAL)
        band_color.setAlpha(45)
        self.band = pg.FillBetweenItem(self.band_lower, self.band_upper, brush=pg.mkBrush(band_color))
        for part in (self.band_lower, self.band_upper, self.band):
            item.addItem(part)
        self.band_brush = band_color

        self.average = pg.PlotDataItem(pen=_pen(palette.REFERENCE, 2.5, Qt.PenStyle.DashLine))
        self.relapsing = pg.PlotDataItem(pen=_pen(palette.SKY, 2, Qt.PenStyle.DashDotLine))
        self.progressive = pg.PlotDataItem(pen=_pen(palette.MUTED, 2, Qt.PenStyle.DotLine))
        self.personal = pg.PlotDataItem(pen=_pen(palette.PERSONAL, 3.5))
        self.extrapolated = pg.PlotDataItem(pen=_pen(palette.PERSONAL, 2.5, Qt.PenStyle.DashLine, alpha=150))
        for curve in (self.average, self.relapsing, self.progressive, self.personal, self.extrapolated):
            item.addItem(curve)

        self.horizon_line = pg.InfiniteLine(angle=90, pen=_pen(palette.MUTED, 1, Qt.PenStyle.DashLine))
        item.addItem(self.horizon_line)
        self.marker = pg.ScatterPlotItem(size=12, symbol="o", pen=_pen("white", 2), brush=pg.mkBrush(palette.PERSONAL))
        item.addItem(self.marker)
        self.marker_label = pg.TextItem("", color=palette.PERSONAL, anchor=(1.05, 1.1))
        marker_font = QFont()
        marker_font.setPointSize(palette.BODY)
        marker_font.setBold(True)
        self.marker_label.setFont(marker_font)
        item.addItem(self.marker_label)

        self.hover_line = pg.InfiniteLine(angle=90, pen=_pen(palette.TEXT, 1, Qt.PenStyle.DotLine))
        self.hover_label = pg.TextItem("", color=palette.TEXT, fill=pg.mkBrush(255, 255, 255, 230),
                                       border=_pen(palette.MUTED, 1), anchor=(0, 1))
        self.hover_label.setFont(tick_font)
        self.hover_label.setZValue(50)
        for part in (self.hover_line, self.hover_label):
            item.addItem(part)

        self.legend = ChartLegend()
        layout.insertWidget(1, self.legend)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        self.clear()

    # -- showing -------------------------------------------------------------------------

    def clear(self) -> None:
        """Remove every number from the chart (no stale curve may remain)."""
        self._chart = None
        for curve in (self.band_lower, self.band_upper, self.average, self.relapsing, self.progressive,
                      self.personal, self.extrapolated):
            curve.setData([], [])
        self.marker.setData([], [])
        self.marker_label.setText("")
        for part in (self.region, self.region_label, self.horizon_line, self.marker, self.hover_line,
                     self.hover_label, self.band):
            part.setVisible(False)
        self.legend.clear()
        self.readout.setText(" ")
        self.plot.setAccessibleDescription("")

    def set_view(self, chart: ChartView, show_relapsing: bool, show_progressive: bool) -> None:
        self.clear()
        self._chart = chart
        t = np.asarray(chart.times)
        cut = chart.extrapolated_after
        observed = t <= cut + 1e-9
        estimate = PERCENT * np.asarray(chart.estimate)
        self.band_lower.setData(t, PERCENT * np.asarray(chart.lower))
        self.band_upper.setData(t, PERCENT * np.asarray(chart.upper))
        self.band.setVisible(True)
        self.personal.setData(t[observed], estimate[observed])
        beyond = t >= cut - 1e-9
        if chart.extrapolating:
            self.extrapolated.setData(t[beyond], estimate[beyond])
        self.average.setData(t, PERCENT * np.asarray(chart.average))
        if show_relapsing:
            self.relapsing.setData(t, PERCENT * np.asarray(chart.relapsing))
        if show_progressive:
            self.progressive.setData(t, PERCENT * np.asarray(chart.progressive))

        item = self.plot_item
        item.setLabel("left", chart.y_label, **self.label_style)
        item.setLabel("bottom", chart.x_label, **self.label_style)
        item.getAxis("left").setTicks([[(PERCENT * v, label) for v, label in chart.y_ticks]])
        horizon = chart.horizon
        item.setXRange(0, horizon, padding=0.04)
        item.getAxis("bottom").setTicks([[(v, str(v)) for v in range(0, horizon + 1)]])
        self.region.setRegion((cut, horizon))
        self.region.setVisible(chart.extrapolating)
        self.region_label.setText(chart.region_label)
        self.region_label.setPos((cut + horizon) / 2, 100)
        self.region_label.setVisible(chart.extrapolating)

        self.horizon_line.setPos(cut)
        self.horizon_line.setVisible(True)
        self.marker.setData([cut], [PERCENT * chart.marker_value])
        self.marker.setVisible(True)
        self.marker_label.setText(chart.marker_label)
        # Below the curve, away from the lines: the curves fall from the top left, so the space
        # under the marker and towards the axis is free; above it when the marker is low.
        low = chart.marker_value < 0.3
        self.marker_label.setPos(cut, PERCENT * chart.marker_value)
        self.marker_label.setAnchor((1.05, 1.15) if low else (1.05, -0.15))
        self.marker_label.setVisible(True)

        labels = {s.key: s.label for s in chart.series}
        self.legend.addItem(self.personal, labels["personal"])
        self.legend.addItem(self.band_lower, labels["band"], fill=self.band_brush)
        if chart.extrapolating:
            self.legend.addItem(self.extrapolated, labels["extrapolated"])
        self.legend.addItem(self.average, labels["average"])
        if show_relapsing:
            self.legend.addItem(self.relapsing, labels["relapsing"])
        if show_progressive:
            self.legend.addItem(self.progressive, labels["progressive"])
        self.plot.setAccessibleDescription(chart.description)
        self.readout.setText(self.hint)

    # -- hover ---------------------------------------------------------------------------

    def value_text_at(self, years: float) -> str | None:
        """The read-out for a time on the x axis, or None outside the curve."""
        return None if self._chart is None else self._chart.point_text(years)

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        chart = self._chart
        vb = self.plot_item.vb
        if chart is None or not vb.sceneBoundingRect().contains(scene_pos):
            self.hover_line.setVisible(False)
            self.hover_label.setVisible(False)
            return
        years = vb.mapSceneToView(scene_pos).x()
        text = self.value_text_at(years)
        if text is None:
            return
        index = int(np.argmin(np.abs(chart.times - years)))
        time, value = float(chart.times[index]), PERCENT * float(chart.estimate[index])
        self.hover_line.setPos(time)
        self.hover_label.setText(text)
        # keep the label inside the plot: flip to the left of the line in the right half
        self.hover_label.setAnchor((1.02, 1.1) if time > chart.horizon / 2 else (-0.02, 1.1))
        self.hover_label.setPos(time, max(value, 12.0))
        self.hover_line.setVisible(True)
        self.hover_label.setVisible(True)
        self.readout.setText(text)
        self.hovered.emit(text)


class LineSample(QWidget):
    """A short stretch of a curve's pen (and the band's fill) for the legend."""

    def __init__(self, pen: QPen, fill: QColor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pen, self._fill = QPen(pen), fill
        self.setFixedSize(QSize(36, 16))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._fill is not None:
            painter.fillRect(2, 2, 32, 12, self._fill)
        pen = QPen(self._pen)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawLine(2, 8, 34, 8)
        painter.end()


class ChartLegend(QWidget):
    """The chart's legend as ordinary widgets under the plot, so it never covers a curve."""

    COLUMNS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartLegend")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(4, 2, 4, 2)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(2)
        self.entries: list[str] = []

    def clear(self) -> None:
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # gone now, not at the next event loop turn (no overlap in between)
                widget.deleteLater()
        self.entries = []
        self.setAccessibleName("")

    def addItem(self, item: pg.PlotDataItem, text: str, fill: QColor | None = None) -> None:  # noqa: N802
        row, column = divmod(len(self.entries), self.COLUMNS)
        entry = QWidget()
        line = QHBoxLayout(entry)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(LineSample(item.opts["pen"], fill))
        label = plain_label(text)
        label.setWordWrap(True)
        font = label.font()
        font.setPointSize(palette.SMALL)
        label.setFont(font)
        line.addWidget(label, 1)
        self._grid.addWidget(entry, row, column)
        self.entries.append(text)
        self.setAccessibleName("Legend: " + "; ".join(self.entries))
