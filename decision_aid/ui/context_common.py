"""Small helpers shared by the context panels: plain-text labels, the audience type scale, a table
that shows all its rows, and the panel protocol.

Every panel lays out a view object of :mod:`decision_aid.present` with one method,
``show_view(view)``: it computes nothing and composes no sentence. Every text is shown as text
(labels are plain text, never interpreted as markup).
"""

from __future__ import annotations

from typing import Protocol, Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHeaderView, QLabel, QSizePolicy, QTableWidget,
                               QTableWidgetItem, QWidget)

from .. import palette
from ..present.audience import Audience
from .plain import plain_label
from .responsive import follow_current_cell, refit_when_columns_settle
from .style import make_reading, screen_colours, sized
from ..present.i18n import _


class Panel(Protocol):
    """What the window asks of a context panel."""

    def show_view(self, view) -> None:
        """Lay out ``view`` (a frozen view object of the presentation layer), replacing what was shown."""


def body_points(audience: Audience | str) -> int:
    """Patients read 14 pt or larger; clinicians get the denser body size."""
    return palette.BODY if Audience.parse(audience).clinician else palette.PATIENT_BODY


def set_font_size(widget: QWidget, points: int, bold: bool = False) -> None:
    """``points`` of the type scale, relative to the system font (:func:`~decision_aid.ui.style.points`)."""
    widget.setFont(sized(widget.font(), points, bold))


def text_label(text: str = "", name: str = "", points: int = palette.BODY, bold: bool = False,
               tooltip: str | None = None) -> QLabel:
    """A wrapping, selectable, plain-text label (and a tooltip only when given). A screen reader
    reads its text as its name; ``name``, a short tag ("Study", "Kind of study"), is only its
    description (as a name it hid the text: an AT-SPI client heard "Kind of study", not the kind).
    It is a keyboard stop (Tab reaches it and the page scrolls to it), as every sentence of the
    estimate is: a tab of text with no stop could not be read or scrolled by keyboard."""
    label = plain_label(text)  # a file's text is never parsed as markup
    label.setWordWrap(True)
    make_reading(label, name)
    if tooltip:
        label.setToolTip(tooltip)
    set_font_size(label, points, bold)
    return label


def set_text(label: QLabel, text: str) -> None:
    """Set a label's text and hide it when there is none (no empty gaps in the layout)."""
    label.setText(text)
    if label.parentWidget() is None and text:
        # Showing a parentless label opens it as a window of its own: it flashed on screen and took
        # the keyboard focus from the window. Not hidden, it shows with its parent once laid out.
        return
    label.setVisible(bool(text))


def rule() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet(f"color: {screen_colours().border};")
    return line


class FittedTable(QTableWidget):
    """A read-only table that is as tall as its rows (no scroll bar of its own: the tab scrolls),
    with columns sharing the width and wrapping their text."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setTabKeyNavigation(False)  # Tab leaves the table (it trapped the keyboard); the arrow keys move inside
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.verticalHeader().setVisible(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                                    | Qt.TextFlag.TextWordWrap)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        follow_current_cell(self)
        refit_when_columns_settle(self, self._fit)

    def fill(self, headings: Sequence[str], rows: Sequence[Sequence[str]], tooltips: Sequence[str] = (),
             shaded: Sequence[bool] = (), points: int = palette.BODY, weights: Sequence[int] = ()) -> None:
        self.setFont(sized(self.font(), points))
        self.clear()
        self.setColumnCount(len(headings))
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels(list(headings))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not text.strip():  # an empty cell is still a stop for a screen reader: say it is empty
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, _("empty"))
                item.setToolTip(tooltips[r] if c == 0 and r < len(tooltips) and tooltips[r] else text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if r < len(shaded) and shaded[r]:
                    item.setBackground(QColor(screen_colours(self.palette()).shade))  # the table's text on it: 5:1
                self.setItem(r, c, item)
        header = self.horizontalHeader()
        if weights:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
            self._weights = tuple(weights)
        else:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            self._weights = ()
        self._fit()

    def cell(self, row: int, column: int) -> str:
        return self.item(row, column).text()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        weights = getattr(self, "_weights", ())
        if weights:
            width = max(1, self.viewport().width())
            total = sum(weights)
            for c, weight in enumerate(weights[:-1]):
                self.setColumnWidth(c, int(width * weight / total))
        self.resizeRowsToContents()
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        wrapped = [metrics.boundingRect(QRect(0, 0, max(1, header.sectionSize(c) - 8), 10_000),
                                        int(Qt.TextFlag.TextWordWrap), self.horizontalHeaderItem(c).text()).height()
                   for c in range(self.columnCount()) if self.horizontalHeaderItem(c) is not None]
        header.setFixedHeight(max(wrapped, default=metrics.height()) + 10)
        height = header.height() + sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)

