"""A 10 x 10 icon array painted with the shared painter, plus its legend.

Vector painting (no cached pixmaps) keeps it crisp on high-DPI screens. The drawing is recorded
once per array and size in a QPicture (vector commands, replayed at the device's resolution):
Qt paints a widget several times while a window settles, and 100 glyphs drawn from Python cost
milliseconds each time.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPicture
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from .. import palette
from ..report.icons import Glyph, IconArray, Mark, paint_glyph, paint_icon_array
from .plain import plain_label


class IconArrayWidget(QWidget):
    """Shows one :class:`IconArray`, or nothing; its text alternative is set by the owner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._array: IconArray | None = None
        self._picture: tuple[tuple[IconArray, int], QPicture] | None = None  # ((array, side), drawing)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(140, 140)  # glyphs stay large enough to tell apart

    def sizeHint(self) -> QSize:
        return QSize(160, 160)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def array(self) -> IconArray | None:
        return self._array

    def set_array(self, array: IconArray | None, description: str = "") -> None:
        self._array = array
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._array is None:
            return
        side = min(self.width(), self.height())
        key = (self._array, side)
        if self._picture is None or self._picture[0] != key:
            picture = QPicture()
            recorder = QPainter(picture)
            paint_icon_array(recorder, QRectF(0, 0, side, side), self._array)
            recorder.end()
            self._picture = (key, picture)
        painter = QPainter(self)
        self._picture[1].play(painter)
        painter.end()


class GlyphSwatch(QWidget):
    """One legend glyph, the same drawing as in the array."""

    def __init__(self, glyph: Glyph, color: str, mark: Mark, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._glyph, self._color, self._mark = glyph, color, mark
        self.setFixedSize(18, 18)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_glyph(painter, QRectF(1, 1, 16, 16), self._glyph, self._color, self._mark)
        painter.end()


class IconLegend(QWidget):
    """Legend rows: solid = the outcome, hatched = could also be, outline = the others."""

    def __init__(self, color: str, mark: Mark, texts: tuple[str, str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.labels: list[QLabel] = []
        for glyph, text in zip((Glyph.OUTCOME, Glyph.UNCERTAIN, Glyph.OTHER), texts):
            row = QHBoxLayout()
            row.setSpacing(6)
            row.addWidget(GlyphSwatch(glyph, color, mark))
            label = plain_label(text)
            label.setWordWrap(True)
            font = label.font()
            font.setPointSize(palette.SMALL)
            label.setFont(font)
            self.labels.append(label)
            row.addWidget(label, 1)
            layout.addLayout(row)
        self.setAccessibleName("Legend: " + "; ".join(texts))

    def set_texts(self, texts: tuple[str, str, str]) -> None:
        for label, text in zip(self.labels, texts):
            label.setText(text)
        self.setAccessibleName("Legend: " + "; ".join(texts))
