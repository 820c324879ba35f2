"""Icon arrays of 100 people, painted with QPainter so the window and the sheet share one look.

Outcomes differ by fill *and* shape: a person with the outcome is solid with a white mark
(a cross for death, a tick for staying stable, a downward arrow for worsening), a person without
it is an outline, and a person in the range of the interval is *half* filled (the left half solid,
the right half an outline) with a dark edge. The three read apart by shape alone: on screen, under
colour-blindness (where the hues turn to similar greys), in grey scale and on a cheap printer.
Every edge is the outcome's colour darkened to at least 3:1 on white (WCAG 1.4.11).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from .. import palette
from ..present.graphics import COLUMNS, ROWS, Glyph, IconArray, Mark

__all__ = ["Glyph", "IconArray", "Mark", "edge_color", "paint_glyph", "paint_icon_array", "person_path"]


def person_path(cell: QRectF) -> QPainterPath:
    """A simple person (head and shoulders) filling ``cell``."""
    w, h = cell.width(), cell.height()
    size = min(w, h)
    cx, top = cell.center().x(), cell.center().y() - size / 2
    path = QPainterPath()
    head = size * 0.17
    path.addEllipse(QPointF(cx, top + size * 0.22), head, head)
    body = QRectF(cx - size * 0.32, top + size * 0.44, size * 0.64, size * 0.52)
    path.addRoundedRect(body, size * 0.2, size * 0.2)
    return path


def edge_color(color: str) -> QColor:
    """The outline of a glyph in ``color``: the same hue, dark enough for 3:1 on white."""
    return QColor(color).darker(140)


def paint_glyph(painter: QPainter, cell: QRectF, glyph: Glyph, color: str, mark: Mark) -> None:
    path = person_path(cell)
    size = min(cell.width(), cell.height())
    width = max(0.8, size * 0.07)
    if glyph is Glyph.OUTCOME:
        painter.setPen(QPen(edge_color(color), width))
        painter.setBrush(QColor(color))
        painter.drawPath(path)
        _paint_mark(painter, cell, mark, size)
    elif glyph is Glyph.UNCERTAIN:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.PAPER))
        painter.drawPath(path)
        half = QPainterPath()
        half.addRect(QRectF(cell.left(), cell.top(), cell.width() / 2, cell.height()))
        painter.setBrush(QColor(color))
        painter.drawPath(path.intersected(half))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(edge_color(color), width))
        painter.drawPath(path)
    else:
        painter.setPen(QPen(QColor(palette.MUTED), width))
        painter.setBrush(QColor(palette.PAPER))
        painter.drawPath(path)


def _paint_mark(painter: QPainter, cell: QRectF, mark: Mark, size: float) -> None:
    pen = QPen(QColor(palette.PAPER), max(0.8, size * 0.09))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    cx, cy = cell.center().x(), cell.center().y() + size * 0.2
    d = size * 0.12
    if mark is Mark.CROSS:
        painter.drawLine(QPointF(cx - d, cy - d), QPointF(cx + d, cy + d))
        painter.drawLine(QPointF(cx - d, cy + d), QPointF(cx + d, cy - d))
    elif mark is Mark.DOWN:
        painter.drawLine(QPointF(cx, cy - d * 1.2), QPointF(cx, cy + d * 1.1))
        painter.drawLine(QPointF(cx - d, cy + d * 0.1), QPointF(cx, cy + d * 1.1))
        painter.drawLine(QPointF(cx + d, cy + d * 0.1), QPointF(cx, cy + d * 1.1))
    else:
        painter.drawLine(QPointF(cx - d, cy), QPointF(cx - d * 0.3, cy + d * 0.8))
        painter.drawLine(QPointF(cx - d * 0.3, cy + d * 0.8), QPointF(cx + d * 1.1, cy - d * 0.8))


def paint_icon_array(painter: QPainter, rect: QRectF, array: IconArray) -> None:
    """Paint 10 x 10 people in reading order (left to right, top to bottom) into ``rect``."""
    cell = min(rect.width() / COLUMNS, rect.height() / ROWS)
    left = rect.left() + (rect.width() - cell * COLUMNS) / 2
    top = rect.top() + (rect.height() - cell * ROWS) / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for index in range(COLUMNS * ROWS):
        row, column = divmod(index, COLUMNS)
        box = QRectF(left + column * cell, top + row * cell, cell, cell).adjusted(
            cell * 0.06, cell * 0.06, -cell * 0.06, -cell * 0.06)
        paint_glyph(painter, box, array.glyph(index), array.color, array.mark)
    painter.restore()
