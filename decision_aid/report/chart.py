"""The progression-free chart of the sheet, drawn with QPainter as vector paths.

Everything is drawn from one :class:`~decision_aid.present.estimate_view.ChartView`, so paper
and screen show the same curve and the same words. It must read in black and white: the personal curve is a thick solid line
(dotted where extrapolated), the reference is dashed, the band is a grey fill and the
extrapolated region is hatched with drawn lines (Qt's pattern brushes are too fine on paper).
The curves are drawn over a white outline, so the dashed reference stays distinct from the band
in grey scale where they cross (after year 7 at 10 years).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from .. import palette
from ..present.estimate_view import ChartView


BAND_ALPHA = 110  # of palette.BAND over white: a light grey (the curves on it keep their contrast)


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
    """Paint axes, band, curves, extrapolated region and the 5-year marker into ``rect``.

    Returns the plot area (inside the axes), which tests and the legend can use.
    """
    tick_font = _font(style.font_px)
    frame = _frame(rect, chart, tick_font)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(tick_font)
    _paint_extrapolated_region(painter, frame, chart, style)
    _paint_axes(painter, frame, chart, rect)
    _paint_band(painter, frame, chart)
    _paint_reference(painter, frame, chart)
    _paint_personal(painter, frame, chart)
    _paint_marker(painter, frame, chart)
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
    """Beyond the study's follow-up: a light tint, a drawn hatch and a label on white."""
    cut, horizon, line = chart.extrapolated_after, frame.horizon, frame.line
    if horizon <= cut:
        return
    region = QRectF(frame.point(cut, 1.0), frame.point(horizon, 0.0))
    painter.fillRect(region, QColor(palette.EXTRAPOLATED))
    hatch(painter, region, spacing=max(3.0, style.font_px * 0.7), color=palette.GRID, width=0.6)
    painter.setPen(QColor(palette.MUTED))
    label = QRectF(region.left() + 3, region.top() + 2, region.width() - 6, line * 2.2)
    painter.fillRect(QRectF(label.left() - 1, label.top(), label.width() + 2, line * 2.2), QColor("white"))
    painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, chart.region_label)


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


def band_color() -> QColor:
    """The band's fill: a light grey, so the darker curves stay apart from it in black and white."""
    color = QColor(palette.BAND)
    color.setAlpha(BAND_ALPHA)
    return color


def _paint_band(painter: QPainter, frame: _Frame, chart: ChartView) -> None:
    """The 95% band: a light grey fill with a thin dark outline, so it survives a pale printer."""
    times = np.asarray(chart.times)
    band = QPolygonF(_polyline(times, np.asarray(chart.upper), frame.point))
    for point in reversed(_polyline(times, np.asarray(chart.lower), frame.point)):
        band.append(point)
    painter.setPen(QPen(QColor(palette.MUTED), 0.5))
    painter.setBrush(band_color())
    painter.drawPolygon(band)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _with_halo(painter: QPainter, polyline: QPolygonF, pen: QPen) -> None:
    """A line over a white outline: it stays distinct from the band and the grid it crosses."""
    halo = QPen(QColor("white"), pen.widthF() + 2.0)
    halo.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(halo)
    painter.drawPolyline(polyline)
    painter.setPen(pen)
    painter.drawPolyline(polyline)


def _paint_reference(painter: QPainter, frame: _Frame, chart: ChartView) -> None:
    """The average study patient: dashed, in the darkened orange (4.5:1 on white)."""
    _with_halo(painter, _polyline(np.asarray(chart.times), np.asarray(chart.average), frame.point), reference_pen())


def reference_pen() -> QPen:
    return QPen(QColor(palette.REFERENCE_LINE), 1.4, Qt.PenStyle.DashLine)


def _paint_personal(painter: QPainter, frame: _Frame, chart: ChartView) -> None:
    """The personal curve: solid up to the cut, dotted beyond (where it is extrapolated)."""
    times, estimate, cut = np.asarray(chart.times), np.asarray(chart.estimate), chart.extrapolated_after
    observed = times <= cut + 1e-9
    solid = QPen(QColor(palette.PERSONAL), 2.2)
    solid.setCapStyle(Qt.PenCapStyle.RoundCap)
    _with_halo(painter, _polyline(times[observed], estimate[observed], frame.point), solid)
    if frame.horizon > cut:
        tail = times >= cut - 1e-9
        dotted = QPen(QColor(palette.PERSONAL), 2.2, Qt.PenStyle.DotLine)
        dotted.setCapStyle(Qt.PenCapStyle.RoundCap)
        _with_halo(painter, _polyline(times[tail], estimate[tail], frame.point), dotted)


def _paint_marker(painter: QPainter, frame: _Frame, chart: ChartView) -> None:
    """The 5-year marker: a vertical line and a ring on the curve (the value is in words above)."""
    cut = chart.extrapolated_after
    painter.setPen(QPen(QColor(palette.TEXT), 0.8, Qt.PenStyle.DashDotLine))
    painter.drawLine(frame.point(cut, 0), frame.point(cut, 1.0))
    painter.setPen(QPen(QColor(palette.TEXT), 1.2))
    painter.setBrush(QColor("white"))
    painter.drawEllipse(frame.point(cut, chart.marker_value), 3.2, 3.2)


SHEET_SERIES = ("personal", "band", "average", "extrapolated")  # the study-group curves stay on screen


def legend_entries(chart: ChartView) -> list[tuple[str, str]]:
    return [(s.key, s.label) for s in chart.series if s.key in SHEET_SERIES]


def paint_chart_legend(painter: QPainter, rect: QRectF, chart: ChartView, style: ChartStyle) -> float:
    """Legend rows (line sample + words); returns the height used."""
    font = _font(style.font_px)
    metrics = QFontMetricsF(font)
    row = metrics.height() * 1.25
    sample = style.font_px * 2.6
    entries = legend_entries(chart)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    y = rect.top()
    for kind, label in entries:
        mid = y + row / 2
        box = QRectF(rect.left(), mid - row * 0.32, sample, row * 0.64)
        if kind == "personal":
            painter.setPen(QPen(QColor(palette.PERSONAL), 2.2))
            painter.drawLine(QPointF(box.left(), mid), QPointF(box.right(), mid))
        elif kind == "band":
            painter.setPen(QPen(QColor(palette.MUTED), 0.5))
            painter.setBrush(band_color())
            painter.drawRect(box)
        elif kind == "average":
            painter.setPen(reference_pen())
            painter.drawLine(QPointF(box.left(), mid), QPointF(box.right(), mid))
        else:
            painter.fillRect(box, QColor(palette.EXTRAPOLATED))
            hatch(painter, box, spacing=max(3.0, style.font_px * 0.7), color=palette.GRID, width=0.6)
            painter.setPen(QPen(QColor(palette.PERSONAL), 2.2, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(box.left(), mid), QPointF(box.right(), mid))
        painter.setPen(QColor(palette.TEXT))
        painter.drawText(QRectF(box.right() + 5, y, rect.width() - sample - 5, row),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
        y += row
    painter.restore()
    return y - rect.top()


def legend_height(chart: ChartView, style: ChartStyle) -> float:
    return QFontMetricsF(_font(style.font_px)).height() * 1.25 * len(legend_entries(chart))


__all__ = ["ChartStyle", "paint_pfs_chart", "paint_chart_legend", "legend_height", "hatch"]
