""""Other studies": the personal estimate beside six published cohorts, as a forest-style chart and a table.

Every number comes from :func:`decision_aid.context.study_rows` (the evidence files) or from the
:class:`Estimate` shown; nothing is blended. The personal estimate is a blue star labelled
"You (personal estimate)"; studies are dark circles (whole cohort), squares (relapsing) or
triangles (progressive), so shape as well as colour tells them apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from .. import palette
from ..present import wording
from ..context import STUDIES_DIFFER, StudyRow, study_rows
from ..model import Estimate, Model, default_model
from .context_common import body_points, check_audience, set_font_size, text_label

YOU = "You (personal estimate)"
TABLE_COLUMNS = (
    "Study", "Design", "Transplants", "Patients", "Relapsing MS", "Outcome definition",
    "Early deaths", "Progression-free / worsening-free",
)
# Marker per subgroup: shape, not only colour, separates them.
GROUP_SYMBOLS = {"relapsing": "s", "progressive": "t1"}


@dataclass(frozen=True)
class ChartPoint:
    label: str
    value: float
    lower: float | None
    upper: float | None
    symbol: str
    personal: bool = False


def group_symbol(group: str) -> str:
    for word, symbol in GROUP_SYMBOLS.items():
        if word in group:
            return symbol
    return "o"


def mortality_points(rows: tuple[StudyRow, ...], result: Estimate | None) -> list[ChartPoint]:
    points = []
    if result is not None:
        em = result.early_mortality
        points.append(ChartPoint(YOU, em.estimate, em.lower, em.upper, "star", True))
    for row in rows:
        em = row.early_mortality
        lower, upper = em.ci if em.ci else (None, None)
        points.append(ChartPoint(row.label, em.value, lower, upper, "o"))
    return points


def pfs_points(rows: tuple[StudyRow, ...], result: Estimate | None, years: int) -> list[ChartPoint]:
    """Your estimate at ``years`` (the study's follow-up) and each study's figure nearest to it."""
    points = []
    if result is not None:
        pfs = result.pfs_at[years]
        points.append(ChartPoint(f"{YOU}, {years} y", pfs.estimate, pfs.lower, pfs.upper, "star", True))
    for row in rows:
        for outcome in row.nearest_outcomes(years, charted_only=True):
            lower, upper = outcome.ci if outcome.ci else (None, None)
            label = f"{row.label}: {outcome.group}, {outcome.years:g} y"
            points.append(ChartPoint(label, outcome.value, lower, upper, group_symbol(outcome.group)))
    return points


class ForestPlot(pg.PlotWidget):
    """One row per point, value on the x axis (per 100), whiskers where an interval is published."""

    def __init__(self, title: str, name: str) -> None:
        super().__init__()
        self.setBackground("w")
        self.setAccessibleName(name)
        self.setToolTip(name)
        self.points: list[ChartPoint] = []
        self.scatter_items: list[pg.ScatterPlotItem] = []
        self.error_items: list[pg.ErrorBarItem] = []
        item = self.getPlotItem()
        item.setTitle(title, color=palette.TEXT, size=f"{palette.BODY}pt")
        item.showGrid(x=True, y=False, alpha=0.3)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.invertY(True)
        self.setMouseEnabled(x=False, y=False)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(palette.MUTED))
            axis.setTextPen(pg.mkPen(palette.TEXT))
        item.getAxis("left").setWidth(250)

    def set_points(self, points: list[ChartPoint], x_label: str) -> None:
        item = self.getPlotItem()
        for old in self.scatter_items + self.error_items:
            item.removeItem(old)
        self.scatter_items, self.error_items, self.points = [], [], list(points)
        for index, point in enumerate(points):
            color = palette.PERSONAL if point.personal else palette.TEXT
            if point.lower is not None:
                bars = pg.ErrorBarItem(
                    x=np.array([point.value * 100]), y=np.array([float(index)]),
                    left=np.array([(point.value - point.lower) * 100]),
                    right=np.array([(point.upper - point.value) * 100]), beam=0.25,
                    pen=pg.mkPen(color, width=3 if point.personal else 2))
                item.addItem(bars)
                self.error_items.append(bars)
            scatter = pg.ScatterPlotItem(
                x=np.array([point.value * 100]), y=np.array([float(index)]), symbol=point.symbol, size=24 if point.personal else 12,
                brush=pg.mkBrush(color), pen=pg.mkPen(QColor(color).darker(150), width=1.5))
            item.addItem(scatter)
            self.scatter_items.append(scatter)
        item.getAxis("left").setTicks([[(i, p.label) for i, p in enumerate(points)]])
        item.setLabel("bottom", x_label)
        item.setYRange(-0.6, max(len(points) - 0.4, 0.4), padding=0)
        highs = [p.upper if p.upper is not None else p.value for p in points] or [0.0]
        top = max(highs) * 100 * 1.08 + 0.5
        item.setXRange(-top * 0.02, top, padding=0)

    def plotted_values(self) -> list[tuple[str, float]]:
        """(row label, x value) as drawn: what a test compares with the evidence."""
        return [(self.points[i].label, float(s.getData()[0][0])) for i, s in enumerate(self.scatter_items)]


class StudiesPanel(QWidget):
    """The "Other studies" tab: chart, table, and the sentence that the studies differ."""

    def __init__(self, model: Model | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model or default_model()
        self.rows = study_rows(self.model)
        self.result: Estimate | None = None
        self.audience = "patient"
        self.years = min(self.model.horizons)  # the study's follow-up: no extrapolation in a comparison
        self.setAccessibleName("Other studies")
        layout = QVBoxLayout(self)
        self.heading = text_label("Other studies", "Other studies heading", palette.HEADING, bold=True)
        self.differ = text_label(STUDIES_DIFFER, "How the studies differ")
        self.you_label = text_label("", "Your personal estimate beside the studies")
        self.mortality_plot = ForestPlot("Early deaths after transplant (as each study reports them; see the table)", "Chart: early deaths in each study and for you")
        self.pfs_plot = ForestPlot(
            f"Alive without worsening at {self.years} years (or the nearest time reported)",
            "Chart: progression-free or worsening-free survival in each study and for you")
        self.legend = text_label("", "Chart legend", palette.SMALL)
        self.table = QTableWidget(len(self.rows), len(TABLE_COLUMNS))
        self.table.setAccessibleName("Table of the studies")
        self.table.setToolTip("One row per study: design, years, patients, share with relapsing MS, "
                              "outcome definition, early deaths and progression-free figures")
        self.table.setHorizontalHeaderLabels(TABLE_COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for widget in (self.heading, self.differ, self.you_label):
            layout.addWidget(widget)
        layout.addWidget(self.mortality_plot, 3)
        layout.addWidget(self.pfs_plot, 4)
        layout.addWidget(self.legend)
        layout.addWidget(self.table, 4)
        self._refresh()

    def show_result(self, result: Estimate | None) -> None:
        """Show the studies beside this estimate, or the studies alone when there is none."""
        self.result = result
        self._refresh()

    def set_audience(self, audience: str) -> None:
        self.audience = check_audience(audience)
        self._refresh()

    def _refresh(self) -> None:
        points = body_points(self.audience)
        for label in (self.differ, self.you_label):
            set_font_size(label, points)
        unit = "%" if self.audience == "clinician" else "people in 100"
        self.mortality_plot.set_points(mortality_points(self.rows, self.result), f"Early deaths ({unit})")
        self.pfs_plot.set_points(pfs_points(self.rows, self.result, self.years), f"Alive without worsening ({unit})")
        self.you_label.setText(self._you_text())
        self.legend.setText(
            f"\u2605 blue star = you (personal estimate, from {self.rows[0].label}); "
            "\u25cf circle = whole study; "
            "\u25a0 square = relapsing group; \u25b2 triangle = progressive group; lines = 95% interval where "
            "published. MIST reports counts, not a survival percentage (see the table)."
            if self.result is not None else
            "\u25cf circle = whole study; \u25a0 square = relapsing group; \u25b2 triangle = progressive group; "
            "lines = 95% interval where published. MIST reports counts, not a survival percentage (see the table).")
        self._fill_table()

    def _you_text(self) -> str:
        result = self.result
        if result is None:
            return "Enter a profile to see your personal estimate beside the studies."
        em, pfs = result.early_mortality, result.pfs_at[self.years]
        if self.audience == "clinician":
            return (f"{YOU}: death within {result.early_mortality_days} days {wording.interval_percent(em)}; "
                    f"alive without worsening at {self.years} years {wording.interval_percent(pfs)}.")
        return (f"{YOU}: {wording.count_phrase(em.estimate)} people like you died within "
                f"{result.early_mortality_days} days ({wording.range_phrase(em)}); {wording.count_phrase(pfs.estimate)} "
                f"were alive without worsening at {self.years} years ({wording.range_phrase(pfs)}).")

    def _fill_table(self) -> None:
        font = QFont(self.table.font())
        font.setPointSize(palette.SMALL if self.audience == "clinician" else palette.BODY)
        self.table.setFont(font)
        for r, row in enumerate(self.rows):
            name = row.short_name + (" \u2014 basis of your estimate" if row.is_primary else "")
            cells = (
                name, row.design, row.transplant_years, f"{row.patients:g}", row.relapsing_text,
                row.outcome_definition, row.early_mortality_words(self.audience),
                row.outcomes_words(self.audience),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(row.citation if c == 0 else text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if row.is_primary:
                    item.setBackground(QColor(palette.EXTRAPOLATED))
                self.table.setItem(r, c, item)
        widths = (190, 170, 110, 70, 130, 170, 150, 260)
        for c, width in enumerate(widths):
            self.table.setColumnWidth(c, width)
        self.table.resizeRowsToContents()

    def cell_text(self, row: int, column: str) -> str:
        return self.table.item(row, TABLE_COLUMNS.index(column)).text()
