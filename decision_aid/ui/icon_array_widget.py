"""A 10 x 10 icon array painted with the shared painter, plus its legend.

The glyphs keep the colours measured on white (``tools/contrast.py``) in every system palette:
the array and each legend glyph have their own white background and a border (3:1 against the
window), in a dark or high-contrast window as in a light one.

The glyphs are painted as vectors once per array, size and device pixel ratio into a pixmap of
the device's own resolution (so it is as crisp as painting directly, on high-DPI screens too),
and that pixmap is what each paint event copies. Qt paints a widget several times while a window
settles and after every keystroke; 100 glyphs rasterised again each time cost about a
millisecond (replaying a recorded QPicture still rasterises every path), a pixmap copy almost
nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QAccessible, QColor, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from .. import palette
from ..present.graphics import Glyph, IconArray, LegendEntry, Mark
from ..report.icons import paint_glyph, paint_icon_array
from ..present.i18n import _
from .accessible_roles import give_role
from .plain import plain_label
from .style import screen_colours, sized


class IconArrayWidget(QWidget):
    """Shows one :class:`IconArray`, or nothing. To assistive technology it is a graphic named by
    its text alternative (what the picture shows, in words), and a keyboard stop: the words were
    only a description no screen reader reached. The owner describes it (what it is about)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._array: IconArray | None = None
        self._drawing: tuple[tuple, QPixmap] | None = None  # ((array, side, ratio, border), pixels)
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

    def set_array(self, array: IconArray | None, text_alternative: str = "") -> None:
        self._array = array
        self.setAccessibleName(text_alternative)
        self.setToolTip(text_alternative)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if array is not None else Qt.FocusPolicy.NoFocus)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._array is None:
            return
        side = min(self.width(), self.height())
        key = (self._array, side, self.devicePixelRatioF(), screen_colours(self.palette()).border)
        if self._drawing is None or self._drawing[0] != key:
            self._drawing = (key, _rasterised(self._array, side, key[2], key[3]))
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._drawing[1])
        painter.end()


def _rasterised(array: IconArray, side: int, ratio: float, border: str) -> QPixmap:
    """The array painted as vectors into a transparent pixmap of ``side`` logical pixels at the
    device pixel ratio ``ratio`` (so one logical pixel is ``ratio`` real ones, as on screen)."""
    pixels = max(1, round(side * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_paper(painter, QRectF(0, 0, side, side), border)
    paint_icon_array(painter, array_box(side), array)
    painter.end()
    return pixmap


def array_box(side: float) -> QRectF:
    """Where the glyphs go inside a square of ``side`` logical pixels: clear of the paper's border."""
    inset = max(2.0, side * 0.02)
    return QRectF(inset, inset, side - 2 * inset, side - 2 * inset)


def paint_paper(painter: QPainter, rect: QRectF, border: str) -> None:
    """The white the glyphs were chosen for, framed in ``border`` (the window's 3:1 border colour)."""
    painter.fillRect(rect, QColor(border))  # 1 px all round, crisp at any device pixel ratio
    painter.fillRect(rect.adjusted(1, 1, -1, -1), QColor(palette.PAPER))


give_role(IconArrayWidget, QAccessible.Role.Graphic)


class GlyphSwatch(QWidget):
    """One legend glyph, the same drawing as in the array."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.glyph: tuple[Glyph, str, Mark] | None = None
        self.setFixedSize(18, 18)

    def set_glyph(self, glyph: Glyph, color: str, mark: Mark) -> None:
        self.glyph = (glyph, color, mark)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        if self.glyph is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_paper(painter, QRectF(0, 0, 18, 18), screen_colours(self.palette()).border)
        paint_glyph(painter, QRectF(2, 2, 14, 14), *self.glyph)
        painter.end()


class IconLegend(QWidget):
    """Legend rows in the array's own glyphs: the outcome, the range, the others."""

    ROWS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.swatches: list[GlyphSwatch] = []
        self.labels: list[QLabel] = []
        for _ in range(self.ROWS):
            row = QHBoxLayout()
            row.setSpacing(6)
            swatch = GlyphSwatch()
            row.addWidget(swatch)
            label = plain_label()
            label.setWordWrap(True)
            label.setFont(sized(label.font(), palette.SMALL))
            row.addWidget(label, 1)
            layout.addLayout(row)
            self.swatches.append(swatch)
            self.labels.append(label)

    def set_entries(self, entries: tuple[LegendEntry, ...], color: str, mark: Mark | None) -> None:
        for index, (swatch, label) in enumerate(zip(self.swatches, self.labels)):
            entry = entries[index] if index < len(entries) else None
            label.setText(entry.text if entry else "")
            swatch.setVisible(entry is not None)
            if entry is not None:
                swatch.set_glyph(entry.glyph, color, mark)
        self.setAccessibleName(_("; ").join(e.text for e in entries))

    def texts(self) -> list[str]:
        return [label.text() for label in self.labels]
