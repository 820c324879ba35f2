"""The progression-free chart of the sheet, drawn with QPainter as vector paths.

Everything is drawn from one :class:`~decision_aid.present.estimate_view.ChartView`, so paper
and screen show the same curves and the same words. It must read in black and white: the study
era's curve is a thick solid line (dotted where extrapolated), the later cohorts' a thick dashed
line (dash-dotted where it rests on one cohort); the study's band is a grey fill with a solid
edge, the later one a lighter fill with a dashed edge; the years beyond the study's follow-up are
hatched with drawn lines (Qt's pattern brushes are too fine on paper). The curves are drawn over
a white outline, so they stay distinct from the bands and the grid in grey scale where they cross.
The group reference lines are not drawn (a new user read "average patient in the study" as
"without AHSCT").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from .. import palette
from ..present.estimate_view import ChartView, EraCurve


BAND_ALPHA = 110  # of palette.BAND over white: a light grey (the curves on it keep their contrast)
RECENT_BAND_ALPHA = 45  # of the later cohorts' colour over white: lighter than the study's grey
LINE_WIDTH = 2.2
SHEET_SERIES = ("study", "study_tail", "recent", "recent_tail", "band")  # the reference lines stay on screen


@dataclass(frozen=True)
class ChartStyle:
    font_px: float  # tick-label size in page units (points on paper)


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    return font


def hatch(painter: QPainter, rect: QRectF, spacing: float, color: str, width: float) -> None:
    """Diagonal lines across ``rect``, clipped to it: a vector hatch that prints at any zoom."""
    painter.save()
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    painter.setPen(QPen(QColor(color), width))
    x = rect.left() - rect.height()
    while x < rect.right():
        painter.drawLine(QPointF(x, rect.bottom()), QPointF(x + rect.height(), rect.top()))
        x += spacing
    painter.restore()


def _polyline(times: np.ndarray, values: np.ndarray, to_point) -> QPolygonF:
    return QPolygonF([to_point(t, v) for t, v in zip(times, values)])


@dataclass(frozen=True)
class _Frame:
    """Where the plot sits in the rectangle and how a (time, fraction) maps onto it."""

    plot: QRectF
    horizon: float
    line: float  # the tick font's line height
    label_width: float  # the widest y tick label

    def point(self, t: float, s: float) -> QPointF:
        return QPointF(self.plot.left() + self.plot.width() * t / self.horizon,
                       self.plot.bottom() - self.plot.height() * s)


def paint_pfs_chart(painter: QPainter, rect: QRectF, chart: ChartView, style: ChartStyle) -> QRectF:
    """Paint axes, both eras' bands and curves, the region beyond 5 years and the 5-year markers into ``rect``.

    Returns the plot area (inside the axes), which tests and the legend can use.
    """
    tick_font = _font(style.font_px)
    frame = _frame(rect, chart, tick_font)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(tick_font)
    _paint_extrapolated_region(painter, frame, chart, style)
    _paint_axes(painter, frame, chart, rect)
    times = np.asarray(chart.times)
    for curve in reversed(chart.curves):  # the study's band and line on top
        _paint_band(painter, frame, times, curve)
    for curve in reversed(chart.curves):
        _paint_curve(painter, frame, times, curve)
    _paint_markers(painter, frame, chart)
    painter.restore()
    return frame.plot


def _frame(rect: QRectF, chart: ChartView, tick_font: QFont) -> _Frame:
    metrics = QFontMetricsF(tick_font)
    label_width = max(metrics.horizontalAdvance(label) for _, label in chart.y_ticks)
    line = metrics.height()
    plot = QRectF(rect.left() + line * 1.3 + label_width + 4, rect.top() + line * 0.6, 0, 0)
    plot.setRight(rect.right() - metrics.horizontalAdvance("10") / 2 - 2)
    plot.setBottom(rect.bottom() - line * 2.4)
    return _Frame(plot, float(np.asarray(chart.times)[-1]), line, label_width)


def _paint_extrapolated_region(painter: QPainter, frame: _Frame, chart: ChartView, style: ChartStyle) -> None:
    """Beyond the study's follow-up: a light tint, a drawn hatch and a short label on white ("after 5
    years": the legend names each curve's mark there; the window's long label covered the curves
    here), wrapped to the region's width, at its top or, where the curves run high there, at its bottom."""
    cut, horizon = chart.extrapolated_after, frame.horizon
    if horizon <= cut:
        return
    region = QRectF(frame.point(cut, 1.0), frame.point(horizon, 0.0))
    painter.fillRect(region, QColor(palette.EXTRAPOLATED))
    hatch(painter, region, spacing=max(3.0, style.font_px * 0.7), color=palette.GRID, width=0.6)
    painter.setPen(QColor(palette.MUTED))
    wrap = int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap)
    width = region.width() - 6
    height = painter.fontMetrics().boundingRect(QRectF(0, 0, width, 1e6).toRect(), wrap, chart.region_short).height()
    label = QRectF(region.left() + 3, region.top() + 2, width, height + 2)
    beyond = np.asarray(chart.times) >= cut
    highest = max(float(np.max(np.asarray(c.upper)[beyond])) for c in chart.curves)
    lowest = min(float(np.min(np.asarray(c.lower)[beyond])) for c in chart.curves)
    share = (height + 4) / max(1.0, region.height())
    if highest > 1 - share and lowest > share:  # the curves run high: the label goes to the bottom
        label.moveBottom(region.bottom() - 2)
    painter.fillRect(label.adjusted(-1, 0, 1, 0), QColor(palette.PAPER))
    painter.drawText(label, wrap, chart.region_short)


def _paint_axes(painter: QPainter, frame: _Frame, chart: ChartView, rect: QRectF) -> None:
    """Grid, axes, ticks and their labels, and the two axis titles."""
    plot, horizon, line, label_width, point = frame.plot, frame.horizon, frame.line, frame.label_width, frame.point
    painter.setPen(QPen(QColor(palette.GRID), 0.5))
    for value, _label in chart.y_ticks[1:]:
        painter.drawLine(point(0, value), point(horizon, value))
    painter.setPen(QPen(QColor(palette.TEXT), 0.8))
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    for value, text in chart.y_ticks:
        tick = point(0, value)
        painter.drawLine(tick, tick - QPointF(3, 0))
        painter.drawText(QRectF(tick.x() - 5 - label_width, tick.y() - line / 2, label_width, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
    for year in range(int(horizon) + 1):
        tick = point(year, 0)
        painter.drawLine(tick, tick + QPointF(0, 3))
        painter.drawText(QRectF(tick.x() - 15, tick.y() + 3, 30, line), Qt.AlignmentFlag.AlignHCenter, str(year))
    painter.drawText(QRectF(plot.left(), plot.bottom() + line * 1.2, plot.width(), line * 1.2),
                     Qt.AlignmentFlag.AlignHCenter, chart.x_label)
    painter.save()
    painter.translate(rect.left(), plot.center().y())
    painter.rotate(-90)
    painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), line * 1.2), Qt.AlignmentFlag.AlignHCenter,
                     chart.y_label)
    painter.restore()


def band_color(curve: EraCurve | None = None) -> QColor:
    """A band's fill: light grey for the study's, a light tint of the later cohorts' colour for theirs,
    so the darker curves stay apart from both in black and white."""
    color = QColor(palette.BAND if curve is None or curve.key == "study" else curve.color)
    color.setAlpha(BAND_ALPHA if curve is None or curve.key == "study" else RECENT_BAND_ALPHA)
    return color


def band_pen(curve: EraCurve) -> QPen:
    """The band's edge: solid grey (the study's) or dashed in the era's colour (the later cohorts')."""
    if curve.line == "solid":
        return QPen(QColor(palette.MUTED), 0.5)
    return QPen(QColor(curve.color).darker(140), 0.6, Qt.PenStyle.DashLine)


def _paint_band(painter: QPainter, frame: _Frame, times: np.ndarray, curve: EraCurve) -> None:
    """One era's 95% band, with an edge that survives a pale printer."""
    band = QPolygonF(_polyline(times, np.asarray(curve.upper), frame.point))
    for point in reversed(_polyline(times, np.asarray(curve.lower), frame.point)):
        band.append(point)
    painter.setPen(band_pen(curve))
    painter.setBrush(band_color(curve))
    painter.drawPolygon(band)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _with_halo(painter: QPainter, polyline: QPolygonF, pen: QPen) -> None:
    """A line over a white outline: it stays distinct from the band and the grid it crosses."""
    halo = QPen(QColor(palette.PAPER), pen.widthF() + 2.0)
    halo.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(halo)
    painter.drawPolyline(polyline)
    painter.setPen(pen)
    painter.drawPolyline(polyline)


#: Each era's line, then its line where it changes (beyond ``changes_after``): told apart by style.
LINE_STYLES = {"solid": (Qt.PenStyle.SolidLine, Qt.PenStyle.DotLine),
               "dashed": (Qt.PenStyle.DashLine, Qt.PenStyle.DashDotLine)}


def curve_pen(curve: EraCurve, tail: bool = False) -> QPen:
    pen = QPen(QColor(curve.color), LINE_WIDTH, LINE_STYLES[curve.line][1 if tail else 0])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap if curve.line == "dashed" else Qt.PenCapStyle.RoundCap)
    return pen


def _paint_curve(painter: QPainter, frame: _Frame, times: np.ndarray, curve: EraCurve) -> None:
    """One era's curve: its own style up to ``changes_after``, the changed style beyond."""
    estimate, cut = np.asarray(curve.estimate), curve.changes_after
    observed = times <= cut + 1e-9
    _with_halo(painter, _polyline(times[observed], estimate[observed], frame.point), curve_pen(curve))
    if frame.horizon > cut:
        tail = times >= cut - 1e-9
        _with_halo(painter, _polyline(times[tail], estimate[tail], frame.point), curve_pen(curve, tail=True))


def _paint_markers(painter: QPainter, frame: _Frame, chart: ChartView) -> None:
    """At 5 years: a vertical line and a ring on each curve (the values are in words above)."""
    cut = chart.extrapolated_after
    painter.setPen(QPen(QColor(palette.TEXT), 0.8, Qt.PenStyle.DashDotLine))
    painter.drawLine(frame.point(cut, 0), frame.point(cut, 1.0))
    painter.setPen(QPen(QColor(palette.TEXT), 1.2))
    painter.setBrush(QColor(palette.PAPER))
    for curve in chart.curves:
        painter.drawEllipse(frame.point(cut, curve.marker_value), 3.2, 3.2)


SAMPLE_EMS = 2.6  # a legend sample's width, in tick-font sizes
SAMPLE_GAP = 5.0


@dataclass(frozen=True)
class LegendEntry:
    key: str  # a series key of the chart: study, study_tail, recent, recent_tail or band
    text: str
    rect: QRectF  # where the words go (relative to the legend's top left), wrapped within it


def legend_entries(chart: ChartView) -> list[tuple[str, str]]:
    """The drawn series (the reference lines are not drawn on paper)."""
    return [(s.key, s.label) for s in chart.series if s.key in SHEET_SERIES]


def legend_layout(chart: ChartView, style: ChartStyle, width: float) -> list[LegendEntry]:
    """Each entry's words wrapped within ``width`` less the sample, one entry under the other: no
    entry is cut, whatever its language."""
    metrics = QFontMetricsF(_font(style.font_px))
    row = metrics.height() * 1.25
    text_width = max(1.0, width - style.font_px * SAMPLE_EMS - SAMPLE_GAP)
    entries, y = [], 0.0
    for key, label in legend_entries(chart):
        height = max(row, metrics.boundingRect(QRectF(0, 0, text_width, 1e6), int(Qt.TextFlag.TextWordWrap),
                                               label).height() + row - metrics.height())
        entries.append(LegendEntry(key, label, QRectF(width - text_width, y, text_width, height)))
        y += height
    return entries


def paint_chart_legend(painter: QPainter, rect: QRectF, chart: ChartView, style: ChartStyle) -> float:
    """Legend rows (line sample and wrapped words); returns the height used."""
    font = _font(style.font_px)
    row = QFontMetricsF(font).height() * 1.25
    sample = style.font_px * SAMPLE_EMS
    curves = {curve.key: curve for curve in chart.curves}
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    bottom = 0.0
    for entry in legend_layout(chart, style, rect.width()):
        top = rect.top() + entry.rect.top()
        mid = top + row / 2
        box = QRectF(rect.left(), mid - row * 0.32, sample, row * 0.64)
        era, tail = entry.key.removesuffix("_tail"), entry.key.endswith("_tail")
        if entry.key == "band":
            painter.setPen(QPen(QColor(palette.MUTED), 0.5))
            painter.setBrush(band_color())
            painter.drawRect(box)
        elif era in curves:
            curve = curves[era]
            if tail:
                painter.fillRect(box, QColor(palette.EXTRAPOLATED))
                hatch(painter, box, spacing=max(3.0, style.font_px * 0.7), color=palette.GRID, width=0.6)
            else:
                painter.setPen(band_pen(curve))
                painter.setBrush(band_color(curve))
                painter.drawRect(box)
            painter.setPen(curve_pen(curve, tail))
            painter.drawLine(QPointF(box.left(), mid), QPointF(box.right(), mid))
        painter.setPen(QColor(palette.TEXT))
        painter.drawText(entry.rect.translated(rect.topLeft()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap),
                         entry.text)
        bottom = entry.rect.bottom()
    painter.restore()
    return bottom


def minimum_chart_height(chart: ChartView, style: ChartStyle) -> float:
    """The least height at which the plot still holds the whole y-axis title (drawn along its side):
    a flatter chart would cut it (the Spanish "Personas de cada 100" is the longer one)."""
    metrics = QFontMetricsF(_font(style.font_px))
    return metrics.horizontalAdvance(chart.y_label) + 3 * metrics.height() + 6


def legend_height(chart: ChartView, style: ChartStyle, width: float) -> float:
    entries = legend_layout(chart, style, width)
    return entries[-1].rect.bottom() if entries else 0.0


__all__ = ["ChartStyle", "paint_pfs_chart", "paint_chart_legend", "legend_height", "minimum_chart_height", "legend_layout", "hatch"]
