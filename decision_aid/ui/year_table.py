"""Every year's estimate and range as a table under the chart, for the keyboard and screen
readers (the chart's hover read-out is for the mouse), both eras side by side (the later cohorts'
columns only where MODEL.md R6 shows their curve). Both views; an extrapolated year, and a later
year that rests on one cohort, say so in words, not by shading alone.

The table is one Tab stop (Tab leaves it; the arrow keys move between cells) and is as tall as
its rows: it never scrolls inside the page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableWidget, QTableWidgetItem, QWidget

from ..present.estimate_view import YearRow
from ..present.i18n import _
from .responsive import follow_current_cell, refit_when_columns_settle
from .style import screen_colours


class YearTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("yearTable")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the table: it never traps the keyboard
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWordWrap(True)  # narrow (200%): a cell wraps rather than cut its text or widen the page
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.verticalHeader().setVisible(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # wide: one line per cell; narrow: wrapped
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.rows: tuple[YearRow, ...] = ()
        follow_current_cell(self)
        refit_when_columns_settle(self, self._fit)
        self.shown: tuple = ()

    def show_rows(self, heading: str, rows: tuple[YearRow, ...], recent: tuple[YearRow, ...] = (),
                  eras: tuple[str, str] = ("", "")) -> None:
        """``rows`` the study's era, ``recent`` the later cohorts' (none where R6 withholds it): with
        both, each year has a row per era, named in an Era column (narrow enough for a zoomed window)."""
        shown = (rows, recent, eras)
        if shown == self.shown and heading == self.accessibleName():
            return
        self.rows, self.shown = rows, shown
        self.setAccessibleName(heading)
        lines = [(str(row.year), "", row) for row in rows]
        headers = [_("Year"), _("Estimate"), _("Range")]
        if recent:
            headers.insert(1, _("Era"))
            lines = [line for study, later in zip(rows, recent)
                     for line in ((str(study.year), eras[0], study), (str(later.year), eras[1], later))]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(lines))
        for r, (year, era, row) in enumerate(lines):
            texts = [year, *([era] if recent else []), row.marked or row.estimate, row.range]
            for c, text in enumerate(texts):
                item = self.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                    self.setItem(r, c, item)
                item.setText(text)
                shade = row.extrapolated or row.one_cohort
                item.setBackground(QColor(screen_colours(self.palette()).shade) if shade
                                   else QColor(0, 0, 0, 0))  # the table's text on the shade: 5:1
        self._fit()

    def clear_rows(self) -> None:
        if not self.rows:
            return
        self.rows, self.shown = (), ()
        self.setRowCount(0)
        self._fit()

    def texts(self) -> list[list[str]]:
        return [[self.item(r, c).text() for c in range(self.columnCount())] for r in range(self.rowCount())]

    def _fit(self) -> None:
        """As tall as its rows, each as tall as its wrapped text: the page scrolls, never the table.
        No column is narrower than its longest word, so a word is never cut."""
        metrics = self.fontMetrics()
        year_label = self.horizontalHeaderItem(0)
        year_words = self._words(0) + (year_label.text().split() if year_label else [])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(0, _widest(metrics, year_words) + 16)  # the year: as wide as its longest word
        columns = range(1, self.columnCount())  # each as wide as its own longest word, at least
        self.setMinimumWidth(self.columnWidth(0) + sum(_widest(metrics, self._words(c)) + 12 for c in columns) + 24)
        self.resizeRowsToContents()
        height = self.horizontalHeader().sizeHint().height() + sum(self.rowHeight(r) for r in range(self.rowCount()))
        height += 2 * self.frameWidth() + 2
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def _words(self, column: int) -> list[str]:
        """Every word of the column's cells."""
        items = (self.item(r, column) for r in range(self.rowCount()))
        return [word for item in items if item is not None for word in item.text().split()]

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()


def _widest(metrics, words: list[str]) -> int:
    return max((metrics.horizontalAdvance(word) for word in words), default=0)
