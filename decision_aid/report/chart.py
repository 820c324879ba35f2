"""The progression-free chart of the sheet, drawn with QPainter as vector paths.

Everything is drawn from one :class:`~decision_aid.present.estimate_view.ChartView`, so paper
and screen show the same curve and the same words. It must read in black and white: the personal curve is a thick solid line
(dotted where extrapolated), the reference is dashed, the band is a grey fill and the
extrapolated region is hatched with drawn lines (Qt's pattern brushes are too fine on paper).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from .. import palette
from ..present.estimate_view import ChartView


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


def paint_pfs_chart(painter: QPainter, rect: QRectF, chart: ChartView, style: ChartStyle) -> QRectF:
    """Paint axes, band, curves, extrapolated region and the 5-year marker into ``rect``.

    Returns the plot area (inside the axes), which tests and the legend can use.
    """
    times = np.asarray(chart.times)
    horizon = float(times[-1])
    tick_font = _font(style.font_px)
    metrics = QFontMetricsF(tick_font)
    label_width = max(metrics.horizontalAdvance(label) for _, label in chart.y_ticks)
    line = metrics.height()
    plot = QRectF(rect.left() + line * 1.3 + label_width + 4, rect.top() + line * 0.6,
                  0, 0)
    plot.setRight(rect.right() - metrics.horizontalAdvance("10") / 2 - 2)
    plot.setBottom(rect.bottom() - line * 2.4)

    def to_point(t: float, s: float) -> QPointF:
        return QPointF(plot.left() + plot.width() * t / horizon, plot.bottom() - plot.height() * s)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(tick_font)

    # Extrapolated region: light tint, drawn hatch and a label.
    cut = chart.extrapolated_after
    if horizon > cut:
        region = QRectF(to_point(cut, 1.0), to_point(horizon, 0.0))
        painter.fillRect(region, QColor(palette.EXTRAPOLATED))
        hatch(painter, region, spacing=max(3.0, style.font_px * 0.7), color=palette.GRID, width=0.6)
        painter.setPen(QColor(palette.MUTED))
        label = QRectF(region.left() + 3, region.top() + 2, region.width() - 6, line * 2.2)
        painter.fillRect(QRectF(label.left() - 1, label.top(), label.width() + 2, line * 2.2), QColor("white"))
        painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, chart.region_label)

    # Grid and axes.
    painter.setPen(QPen(QColor(palette.GRID), 0.5))
    for value, _label in chart.y_ticks[1:]:
        painter.drawLine(to_point(0, value), to_point(horizon, value))
    painter.setPen(QPen(QColor(palette.TEXT), 0.8))
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    for value, text in chart.y_ticks:
        point = to_point(0, value)
        painter.drawLine(point, point - QPointF(3, 0))
        painter.drawText(QRectF(point.x() - 5 - label_width, point.y() - line / 2, label_width, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
    for year in range(int(horizon) + 1):
        point = to_point(year, 0)
        painter.drawLine(point, point + QPointF(0, 3))
        painter.drawText(QRectF(point.x() - 15, point.y() + 3, 30, line), Qt.AlignmentFlag.AlignHCenter, str(year))
    painter.drawText(QRectF(plot.left(), plot.bottom() + line * 1.2, plot.width(), line * 1.2),
                     Qt.AlignmentFlag.AlignHCenter, chart.x_label)
    painter.save()
    painter.translate(rect.left(), plot.center().y())
    painter.rotate(-90)
    painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), line * 1.2), Qt.AlignmentFlag.AlignHCenter,
                     chart.y_label)
    painter.restore()

    # 95% band (grey fill with a thin outline so it survives a pale printer).
    band = QPolygonF(_polyline(times, np.asarray(chart.upper), to_point))
    for point in reversed(_polyline(times, np.asarray(chart.lower), to_point)):
        band.append(point)
    painter.setPen(QPen(QColor(palette.MUTED), 0.4))
    band_color = QColor(palette.BAND)
    band_color.setAlpha(150)
    painter.setBrush(band_color)
    painter.drawPolygon(band)
    painter.setBrush(Qt.BrushStyle.NoBrush)

    # Reference: dashed orange.
    reference = QPen(QColor(palette.REFERENCE).darker(115), 1.4, Qt.PenStyle.DashLine)
    painter.setPen(reference)
    painter.drawPolyline(_polyline(times, np.asarray(chart.average), to_point))

    # Personal curve: solid up to the cut, dotted beyond.
    observed = times <= cut + 1e-9
    solid = QPen(QColor(palette.PERSONAL), 2.2)
    solid.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(solid)
    painter.drawPolyline(_polyline(times[observed], np.asarray(chart.estimate)[observed], to_point))
    if horizon > cut:
        tail = times >= cut - 1e-9
        dotted = QPen(QColor(palette.PERSONAL), 2.2, Qt.PenStyle.DotLine)
        dotted.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(dotted)
        painter.drawPolyline(_polyline(times[tail], np.asarray(chart.estimate)[tail], to_point))

    # 5-year marker: vertical line, a ring on the curve and the value in words.
    marker = to_point(cut, chart.marker_value)
    painter.setPen(QPen(QColor(palette.TEXT), 0.8, Qt.PenStyle.DashDotLine))
    painter.drawLine(to_point(cut, 0), to_point(cut, 1.0))
    painter.setPen(QPen(QColor(palette.TEXT), 1.2))
    painter.setBrush(QColor("white"))
    painter.drawEllipse(marker, 3.2, 3.2)
    painter.restore()
    return plot


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
            color = QColor(palette.BAND)
            color.setAlpha(150)
            painter.setPen(QPen(QColor(palette.MUTED), 0.4))
            painter.setBrush(color)
            painter.drawRect(box)
        elif kind == "average":
            painter.setPen(QPen(QColor(palette.REFERENCE).darker(115), 1.4, Qt.PenStyle.DashLine))
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
