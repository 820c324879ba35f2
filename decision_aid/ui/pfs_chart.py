"""The progression-free survival chart: both eras' personal curves with their 95% bands (the
study's solid, the later cohorts' dashed: told apart by line style as well as colour), the study's
group curves on request (never by default), the years beyond the study's follow-up marked in three
ways (shading, a label and a changed line: dashed for the study's extrapolation, dash-dot for the
later cohorts' one cohort), markers at the study horizon and a read-out under the mouse. Where
MODEL.md R6 withholds the later curve, the sentence that says why stands under the legend.

Plotted values are percentages: 100 x the model's fractions, nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from .. import palette
from ..present.estimate_view import ChartView
from ..present.i18n import _
from .announce import announce
from .icon_array_widget import paint_paper
from .plain import plain_label
from .style import frame_paper, points, screen_colours, sized

if TYPE_CHECKING:  # what if: loaded at the first pin
    from ..present.comparison_view import PinnedCurve

PERCENT = 100.0  # plot percent = 100 x fraction


def _pen(color: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine, alpha: int = 255) -> QPen:
    qcolor = QColor(color)
    qcolor.setAlpha(alpha)
    pen = QPen(qcolor, width)
    pen.setStyle(style)
    pen.setCosmetic(True)
    return pen


class PfsChart(QWidget):
    """Draws one :class:`ChartView`; ``hovered`` carries the read-out text (mouse or keyboard).

    The plot takes keyboard focus: Left and Right step through the years, Home and End go to the
    start and the end; the value is read out under the chart and announced to a screen reader."""

    hovered = Signal(str)
    STEP = 0.5  # years per arrow key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pfsChart")
        self._chart: ChartView | None = None
        self._pinned: PinnedCurve | None = None  # "what if": the pinned estimate's curve, if shown
        self._cursor: float | None = None  # the time the keyboard read-out is at
        self._frame: tuple | None = None  # what the axes and region show (see set_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self._build_plot(layout)
        tick_font = self._build_axes()
        self._build_extrapolated_region(tick_font)
        self._build_band()
        self._build_curves()
        self._build_marker()
        self._build_hover(tick_font)
        self.legend = ChartLegend()
        layout.addWidget(self.legend)
        self._build_readout(layout)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        self.plot_item.vb.sigResized.connect(self._place_marker_label)
        self.clear()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """As tall as the contents need at the present width: the legend's words wrap (two eras'
        names), and a height taken from the unwrapped hint let the legend cover the plot's foot."""
        hint = super().sizeHint()
        if self.width() > 0 and self.layout().hasHeightForWidth():
            hint.setHeight(self.layout().totalHeightForWidth(self.width()))
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the height for the new width

    # -- building --------------------------------------------------------------------------

    def _build_plot(self, layout: QVBoxLayout) -> None:
        self.plot = pg.PlotWidget(background=palette.PAPER)  # its own white, framed, in every system palette
        self.plot.setObjectName("pfsPlot")
        frame_paper(self.plot)
        self.plot.setAccessibleName(_("Chart: alive without disability worsening over the years after transplant"))
        self.plot.setToolTip(_("Move the mouse over the chart, or use the arrow keys, to read the value at any time"))
        # One named stop, the plot itself. (A policy set on the viewport passes to its focus
        # proxy, the plot: the viewport's first, then the plot's.)
        self.plot.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.installEventFilter(self)
        self.plot.setMinimumHeight(220)
        layout.addWidget(self.plot, 1)
        item = self.plot.getPlotItem()
        self.plot_item = item
        item.setMouseEnabled(x=False, y=False)
        item.setContentsMargins(0, 4, 14, 0)  # room for the last x tick label
        item.hideButtons()
        item.setMenuEnabled(False)

    def _build_axes(self) -> QFont:
        item = self.plot_item
        item.showGrid(x=True, y=True, alpha=0.25)
        tick_font = sized(QFont(), palette.SMALL)
        self.label_style = {"color": palette.TEXT, "font-size": f"{points(palette.SMALL)}pt"}
        self.hint = _("Move the mouse over the chart, or focus it and use the arrow keys, to read a value.")
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setTickFont(tick_font)
            axis.setPen(_pen(palette.MUTED, 1))
            axis.setTextPen(_pen(palette.TEXT, 1))
            # Years and percentages never take an SI prefix ("x1e+03"); pyqtgraph would otherwise
            # re-render the axis title at every range change to check (40 times before first paint).
            axis.enableAutoSIPrefix(False)
        item.getAxis("bottom").setStyle(hideOverlappingLabels=False)  # keep the last year visible
        item.setYRange(0, 100, padding=0.04)
        return tick_font

    def _build_extrapolated_region(self, tick_font: QFont) -> None:
        """A light tint; the dashed line at its start, the label and the dashed curve carry the meaning."""
        self.region = pg.LinearRegionItem((5, 10), movable=False,
                                          brush=pg.mkBrush(QColor(palette.EXTRAPOLATED)), pen=_pen(palette.GRID, 1))
        self.region.setZValue(-20)
        self.plot_item.addItem(self.region)
        self.region_label = pg.TextItem("", color=palette.MUTED, anchor=(0.5, 0))
        self.region_label.setFont(tick_font)
        self.plot_item.addItem(self.region_label)

    def _build_band(self) -> None:
        """The 95% bands: a light tint between two thin edges in each era's colour (the later
        cohorts' edges dashed)."""
        self.band_lower, self.band_upper, self.band, self.band_brush = self._band(palette.PERSONAL, Qt.PenStyle.SolidLine)
        self.recent_band_lower, self.recent_band_upper, self.recent_band, self.recent_band_brush = self._band(
            palette.STABLE, Qt.PenStyle.DashLine)

    def _band(self, color: str, style: Qt.PenStyle):
        band_pen = _pen(color, 1, style)
        lower, upper = pg.PlotCurveItem(pen=band_pen), pg.PlotCurveItem(pen=band_pen)
        fill = QColor(color)
        fill.setAlpha(palette.BAND_ALPHA)
        band = pg.FillBetweenItem(lower, upper, brush=pg.mkBrush(fill))
        for part in (lower, upper, band):
            self.plot_item.addItem(part)
        return lower, upper, band, fill

    def _build_curves(self) -> None:
        """Each curve its own line style; the reference curves drawn dark with a white outline, so
        they stay apart from the band and the grid in colour, under colour-blindness and in grey."""
        halo = _pen(palette.PAPER, 5)
        self.average = pg.PlotCurveItem(pen=_pen(palette.REFERENCE_LINE, 2.5, Qt.PenStyle.DashLine), shadowPen=halo)
        self.relapsing = pg.PlotCurveItem(pen=_pen(palette.SKY_LINE, 2, Qt.PenStyle.DashDotLine), shadowPen=halo)
        self.progressive = pg.PlotCurveItem(pen=_pen(palette.MUTED, 2, Qt.PenStyle.DotLine), shadowPen=halo)
        # the study's era: solid, dotted beyond 5 years (extrapolated)
        self.personal = pg.PlotCurveItem(pen=_pen(palette.PERSONAL, 3.5), shadowPen=_pen(palette.PAPER, 6))
        self.extrapolated = pg.PlotCurveItem(pen=_pen(palette.PERSONAL, 2.5, Qt.PenStyle.DotLine), shadowPen=halo)
        # the later cohorts' era: dashed, dash-dot beyond 5 years (one cohort)
        self.recent = pg.PlotCurveItem(pen=_pen(palette.STABLE, 3.5, Qt.PenStyle.DashLine), shadowPen=_pen(palette.PAPER, 6))
        self.recent_tail = pg.PlotCurveItem(pen=_pen(palette.STABLE, 2.5, Qt.PenStyle.DashDotLine), shadowPen=halo)
        # What if: the pinned estimate, near-black dash-dot-dot (no other curve has that pattern)
        self.pinned = pg.PlotCurveItem(pen=_pen(palette.TEXT, 2.5, Qt.PenStyle.DashDotDotLine), shadowPen=halo)
        for curve in (self.average, self.relapsing, self.progressive, self.pinned, self.recent, self.recent_tail,
                      self.personal, self.extrapolated):
            self.plot_item.addItem(curve)

    def _build_marker(self) -> None:
        item = self.plot_item
        self.horizon_line = pg.InfiniteLine(angle=90, pen=_pen(palette.MUTED, 1, Qt.PenStyle.DashLine))
        item.addItem(self.horizon_line)
        self.marker = pg.ScatterPlotItem(size=12, symbol="o", pen=_pen(palette.PAPER, 2), brush=pg.mkBrush(palette.TEXT))
        item.addItem(self.marker)
        self.marker_label = pg.TextItem("", color=palette.TEXT, anchor=(1.05, 0))
        marker_font = sized(QFont(), palette.BODY, bold=True)
        self.marker_label.setFont(marker_font)
        self.marker_label.setZValue(40)
        item.addItem(self.marker_label)

    def _build_hover(self, tick_font: QFont) -> None:
        self.hover_line = pg.InfiniteLine(angle=90, pen=_pen(palette.TEXT, 1, Qt.PenStyle.DotLine))
        self.hover_label = pg.TextItem("", color=palette.TEXT, fill=pg.mkBrush(255, 255, 255, 230),
                                       border=_pen(palette.MUTED, 1), anchor=(0, 1))
        self.hover_label.setFont(tick_font)
        self.hover_label.setZValue(50)
        for part in (self.hover_line, self.hover_label):
            self.plot_item.addItem(part)

    def _build_readout(self, layout: QVBoxLayout) -> None:
        """The value under the mouse or the keyboard cursor, as text (focusable, read-only)."""
        self.withheld = plain_label("")  # where R6 withholds the later curve: why, in its place
        self.withheld.setWordWrap(True)
        self.withheld.setObjectName("pfsWithheld")
        layout.addWidget(self.withheld)
        self.readout = plain_label(" ")
        self.readout.setWordWrap(True)
        self.readout.setObjectName("pfsReadout")
        layout.addWidget(self.readout)

    # -- showing -------------------------------------------------------------------------

    def clear(self) -> None:
        """Remove every number from the chart (no stale curve may remain)."""
        self._chart = None
        self._frame = None
        self._pinned = None
        for curve in (self.band_lower, self.band_upper, self.recent_band_lower, self.recent_band_upper, self.average,
                      self.relapsing, self.progressive, self.pinned, self.personal, self.extrapolated, self.recent,
                      self.recent_tail):
            curve.setData([], [])
        self.marker.setData([], [])
        self.marker_label.setText("")
        self.withheld.setText("")
        self.withheld.setVisible(False)
        for part in (self.region, self.region_label, self.horizon_line, self.marker, self.hover_line,
                     self.hover_label, self.band, self.recent_band):
            part.setVisible(False)
        self.legend.clear()
        self._cursor = None
        self.readout.setText(" ")
        self.plot.setAccessibleDescription("")

    def set_view(self, chart: ChartView, show_relapsing: bool, show_progressive: bool) -> None:
        """Show ``chart``. Every curve, the marker and the texts are set from it (or emptied), each
        time; the axes, the extrapolated region and the legend are set again only when they differ
        from the chart shown before: pyqtgraph re-lays out an axis for each label or tick set, and
        new legend widgets re-lay out the page, while a keystroke usually changes only the curves."""
        self._chart = chart
        self._cursor = None
        self._forget_pinned()
        self.hover_line.setVisible(False)
        self.hover_label.setVisible(False)
        self._set_curves(chart, show_relapsing, show_progressive)
        frame = (chart.y_label, chart.x_label, chart.y_ticks, chart.horizon, chart.extrapolated_after,
                 chart.extrapolating, chart.region_label)
        if frame != self._frame:
            self._set_frame(chart)
            self._frame = frame
        self.horizon_line.setPos(chart.extrapolated_after)
        self.horizon_line.setVisible(True)
        self.marker.setData([chart.extrapolated_after] * len(chart.curves),
                            [PERCENT * curve.marker_value for curve in chart.curves])
        self.marker.setVisible(True)
        self.marker_label.setText(chart.marker_label)
        self.marker_label.setVisible(True)
        self._place_marker_label()
        self._set_legend(chart, show_relapsing, show_progressive)
        self.withheld.setText(chart.withheld)
        self.withheld.setVisible(bool(chart.withheld))
        self._describe()
        self.readout.setText(self.hint)

    def _forget_pinned(self) -> None:
        if self._pinned is not None:
            self._pinned = None
            self.pinned.setData([], [])

    def _set_curves(self, chart: ChartView, show_relapsing: bool, show_progressive: bool) -> None:
        """Every curve from ``chart``, or emptied when not shown: none keeps an earlier estimate.
        The study's average patient is never drawn here (it read as "without AHSCT")."""
        t = np.asarray(chart.times)
        recent = chart.recent
        eras = ((chart.study, self.personal, self.extrapolated, self.band_lower, self.band_upper, self.band),
                (recent, self.recent, self.recent_tail, self.recent_band_lower, self.recent_band_upper,
                 self.recent_band))
        for curve, line, tail, lower, upper, band in eras:
            band.setVisible(curve is not None)
            if curve is None:
                for item in (line, tail, lower, upper):
                    item.setData([], [])
                continue
            estimate = PERCENT * np.asarray(curve.estimate)
            lower.setData(t, PERCENT * np.asarray(curve.lower))
            upper.setData(t, PERCENT * np.asarray(curve.upper))
            within = t <= curve.changes_after + 1e-9
            line.setData(t[within], estimate[within])
            beyond = t >= curve.changes_after - 1e-9
            if chart.horizon > curve.changes_after:
                tail.setData(t[beyond], estimate[beyond])
            else:
                tail.setData([], [])
        references = ((self.relapsing, show_relapsing, chart.reference("relapsing")),
                      (self.progressive, show_progressive, chart.reference("progressive")),
                      (self.average, False, chart.reference("average")))
        for item, visible, reference in references:
            if visible and reference is not None:
                item.setData(t, PERCENT * np.asarray(reference.values))
            else:
                item.setData([], [])

    def _set_frame(self, chart: ChartView) -> None:
        """Axis labels and ticks, the x range and the extrapolated region."""
        item = self.plot_item
        item.setLabel("left", chart.y_label, **self.label_style)
        item.setLabel("bottom", chart.x_label, **self.label_style)
        item.getAxis("left").setTicks([[(PERCENT * v, label) for v, label in chart.y_ticks]])
        horizon, cut = chart.horizon, chart.extrapolated_after
        item.setXRange(0, horizon, padding=0.04)
        item.getAxis("bottom").setTicks([[(v, str(v)) for v in range(0, horizon + 1)]])
        self.region.setRegion((cut, horizon))
        self.region.setVisible(chart.extrapolating)
        self.region_label.setText(chart.region_label)
        self.region_label.setPos((cut + horizon) / 2, 100)
        self.region_label.setVisible(chart.extrapolating)

    def _set_legend(self, chart: ChartView, show_relapsing: bool, show_progressive: bool) -> None:
        labels = {s.key: s.label for s in chart.series}
        entries = [(self.personal, labels["study"], self.band_brush)]
        if chart.extrapolating:
            entries.append((self.extrapolated, labels["study_tail"], None))
        if chart.recent is not None:
            entries.append((self.recent, labels["recent"], self.recent_band_brush))
            if chart.extrapolating:
                entries.append((self.recent_tail, labels["recent_tail"], None))
        entries.append((self.band_lower, labels["band"], self.band_brush))
        if show_relapsing:
            entries.append((self.relapsing, labels["relapsing"], None))
        if show_progressive:
            entries.append((self.progressive, labels["progressive"], None))
        self.legend.set_entries(entries)

    def set_pinned(self, curve: PinnedCurve | None) -> None:
        """What if: draw the pinned estimate's curve beside the shown one (after :meth:`set_view`),
        with its own legend entry and its values added to the plot's description; None removes it."""
        if self._chart is None or curve is None:
            if self._pinned is not None:
                self._pinned = None
                self.pinned.setData([], [])
                self.legend.remove(self.pinned)
                if self._chart is not None:
                    self.legend.relabel(self.personal, self._chart.label("study"))
                    self._describe()
            return
        self.legend.remove(self.pinned)
        self._pinned = curve
        self.pinned.setData(np.asarray(curve.times), PERCENT * np.asarray(curve.estimate))
        self.legend.relabel(self.personal, curve.current_label)  # both curves named by what differs
        self.legend.addItem(self.pinned, curve.label)
        self._describe()
        self._place_marker_label()

    def _describe(self) -> None:
        """The plot's description, in sentences: every year's value (and the pinned curve's), the
        legend under it and how to read a value with the keys; each is shown on screen too."""
        parts = [self._chart.description] if self._chart is not None else []
        if self._pinned is not None:
            parts.append(self._pinned.description)
        self.plot.setAccessibleDescription(" ".join(parts + [self.legend.accessibleName(), self.hint]))

    def _place_marker_label(self, *_args) -> None:
        """Put the "N in 100 at 5 years" label where no curve passes: under every curve (and the
        band) across the label's width, else above them all, else in the emptier of the two."""
        chart = self._chart
        if chart is None or not self.marker_label.isVisible():
            return
        px, py = self.plot_item.vb.viewPixelSize()  # data units per pixel
        if not (np.isfinite(px) and np.isfinite(py)) or px <= 0 or py <= 0:
            return
        rect = self.marker_label.textItem.boundingRect()
        width, height = rect.width() * px * 1.1, rect.height() * py
        gap = 6 * py
        cut = chart.extrapolated_after
        span = (chart.times >= cut - width) & (chart.times <= cut)
        curves = [values for curve in chart.curves for values in (curve.lower, curve.upper, curve.estimate)]
        curves += [item.getData()[1] / PERCENT for item in (self.relapsing, self.progressive)
                   if item.getData()[1] is not None and len(item.getData()[1]) == len(chart.times)]
        if self._pinned is not None:  # on its own grid (its horizon may differ): read at the chart's times
            curves.append(np.interp(chart.times, self._pinned.times, self._pinned.estimate))
        low = PERCENT * min(float(np.min(np.asarray(c)[span])) for c in curves)
        high = PERCENT * max(float(np.max(np.asarray(c)[span])) for c in curves)
        if low - gap - height >= 0:
            top = low - gap  # under all the curves
        elif high + gap + height <= 100:
            top = high + gap + height  # above them
        else:
            top = max(height, low - gap) if low > 100 - high else 100
        self.marker_label.setAnchor((1.05, 0))
        self.marker_label.setPos(cut, top)
        if chart.extrapolating:  # the region's label wraps within the region, but never inside a word
            self.region_label.setTextWidth(max(self._longest_word(chart.region_label), (chart.horizon - cut) / px - 8))

    def _longest_word(self, text: str) -> float:
        """The width of ``text``'s longest word in the label's font, plus the text item's margins:
        narrower, the label would break inside a word (zoomed windows)."""
        metrics = QFontMetricsF(self.region_label.textItem.font())
        margin = 2 * self.region_label.textItem.document().documentMargin()
        return max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0) + margin + 2

    # -- hover ---------------------------------------------------------------------------

    def value_text_at(self, years: float) -> str | None:
        """The read-out for a time on the x axis, or None outside the curve."""
        return None if self._chart is None else self._chart.point_text(years)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        """Left/Right step the read-out through the years, Home/End jump to the ends."""
        if watched is self.plot and event.type() == QEvent.Type.KeyPress and self._chart is not None:
            key = event.key()
            chart = self._chart
            current = self._cursor if self._cursor is not None else -self.STEP
            moves = {Qt.Key.Key_Right: current + self.STEP, Qt.Key.Key_Left: current - self.STEP,
                     Qt.Key.Key_Home: 0.0, Qt.Key.Key_End: float(chart.horizon)}
            if key in moves:
                self.show_value_at(min(max(moves[key], 0.0), float(chart.horizon)))
                return True
        return super().eventFilter(watched, event)

    def show_value_at(self, years: float) -> str | None:
        """Show (line, label, read-out) and announce the value at ``years``; returns the text."""
        chart = self._chart
        text = self.value_text_at(years)
        if chart is None or text is None:
            return None
        self._cursor = years
        index = int(np.argmin(np.abs(chart.times - years)))
        self._show_hover(float(chart.times[index]), PERCENT * float(chart.study.estimate[index]), text)
        announce(self.plot, text)
        return text

    def _show_hover(self, time: float, value: float, text: str) -> None:
        chart = self._chart
        self.hover_line.setPos(time)
        self.hover_label.setText(text)
        # keep the label inside the plot: flip to the left of the line in the right half
        self.hover_label.setAnchor((1.02, 1.1) if time > chart.horizon / 2 else (-0.02, 1.1))
        self.hover_label.setPos(time, max(value, 12.0))
        self.hover_line.setVisible(True)
        self.hover_label.setVisible(True)
        self.readout.setText(text)
        self.hovered.emit(text)

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
        self._show_hover(float(chart.times[index]), PERCENT * float(chart.study.estimate[index]), text)


class LineSample(QWidget):
    """A short stretch of a curve's pen (and the band's fill) for the legend."""

    def __init__(self, pen: QPen, fill: QColor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pen, self._fill = QPen(pen), fill
        self.setFixedSize(QSize(36, 16))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_paper(painter, QRectF(0, 0, 36, 16), screen_colours(self.palette()).border)  # the chart's white
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
        self._items: list[tuple[pg.PlotCurveItem, str, QColor | None]] = []

    def clear(self) -> None:
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # gone now, not at the next event loop turn (no overlap in between)
                widget.deleteLater()
        self.entries = []
        self._items = []
        self.setAccessibleName("")

    def remove(self, item: pg.PlotCurveItem) -> None:
        """Take ``item``'s entry out (the others keep their order)."""
        kept = [entry for entry in self._items if entry[0] is not item]
        if len(kept) != len(self._items):
            self._rebuild(kept)

    def relabel(self, item: pg.PlotCurveItem, text: str) -> None:
        """Give ``item``'s entry new words (in the same place)."""
        entries = [(i, text if i is item else t, fill) for i, t, fill in self._items]
        if entries != self._items:
            self._rebuild(entries)

    def set_entries(self, entries: list[tuple[pg.PlotCurveItem, str, QColor | None]]) -> None:
        """Show exactly ``entries`` (item, text, fill); the same entries as shown leave the widgets be."""
        if entries != self._items:
            self._rebuild(entries)

    def _rebuild(self, entries: list) -> None:
        self.clear()
        for entry in entries:
            self.addItem(*entry)

    def addItem(self, item: pg.PlotCurveItem, text: str, fill: QColor | None = None) -> None:  # noqa: N802
        self._items.append((item, text, fill))
        row, column = divmod(len(self.entries), self.COLUMNS)
        entry = QWidget()
        line = QHBoxLayout(entry)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(LineSample(item.opts["pen"], fill))
        label = plain_label(text)
        label.setWordWrap(True)
        label.setFont(sized(label.font(), palette.SMALL))
        line.addWidget(label, 1)
        self._grid.addWidget(entry, row, column)
        self.entries.append(text)
        self.setAccessibleName(_("Legend: {entries}.", entries=_("; ").join(self.entries)))
