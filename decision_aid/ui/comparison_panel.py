"""What if: the pinned estimate beside the current one, in the same format.

The panel lays out a :class:`~decision_aid.present.comparison_view.ComparisonView`: a title that
names what differs, a note that both are estimates of the same model, then each outcome and era
(death within 100 days, free of worsening and alive at 5 years, each in both eras; a side whose
later figure MODEL.md R6 withholds says why in its place) as two columns, pinned and current, each headed by its side, named by what differs only ("Pinned: Age 38", "Current: Age 45",
in bold body type: the profile both share is said once, under the title), with the same icon
array, legend and sentences as the estimate. Every word comes from the presentation layer.

Side by side while both columns fit whole; one above the other when narrow (each column keeps its
side's heading, so it is never unclear which is which). Every text is a keyboard stop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from .outcomes_panel import OutcomeColumn, body_label, heading_label
from .responsive import ResponsiveRow
from .style import make_reading, mute

if TYPE_CHECKING:  # what if: the views are made at the first pin
    from ..present.comparison_view import ComparisonView

ICON_SIDE = 140  # px: both sides the same (equal weight), small enough to stand side by side beside the chart
GAP = 12
SIDE_BY_SIDE = 2 * ICON_SIDE + GAP + 8  # narrower, one above the other (each keeps its side's heading)


class ComparisonPanel(QFrame):
    """Shows one :class:`ComparisonView`, or nothing (hidden)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonPanel")
        self.setFrameShape(QFrame.Shape.Box)  # a frame, not colour alone, sets it apart from the estimate
        self.setFrameShadow(QFrame.Shadow.Plain)
        self.setLineWidth(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(10)
        self.title = heading_label("", "comparisonTitle")
        make_reading(self.title)
        layout.addWidget(self.title)
        self.shared = body_label("comparisonShared")  # what both profiles have, said once
        layout.addWidget(self.shared)
        self.note = mute(body_label("comparisonNote"))  # a palette, not a style sheet: the size follows the view
        layout.addWidget(self.note)
        self.headings: list[QLabel] = []
        self.rows: list[ResponsiveRow] = []
        self.pinned: list[OutcomeColumn] = []
        self.current: list[OutcomeColumn] = []
        # After the labels took in a new width or font (a filter sees the event before they do)
        self._leveller = QTimer(self)
        self._leveller.setSingleShot(True)
        self._leveller.setInterval(0)
        self._leveller.timeout.connect(self.level_headings)
        self.view: ComparisonView | None = None
        self.show_view(None)

    def _build_outcomes(self, count: int) -> None:
        """The outcome rows, built when a comparison first needs them: most consultations never pin
        one, and the two sides are about a quarter of all the window's widgets (cold start)."""
        bold = QFont()
        bold.setBold(True)  # only bold: the size follows the view (larger type for the patient)
        layout = self.layout()
        while len(self.rows) < count:
            name = f"Row{len(self.rows)}"
            heading = heading_label("", f"comparison{name}Heading")
            layout.addWidget(heading)
            row = ResponsiveRow(f"comparison{name}", breakpoint=SIDE_BY_SIDE)
            row.box.setSpacing(GAP)
            for columns, side in ((self.pinned, "pinned"), (self.current, "current")):
                column = OutcomeColumn(f"{side}{name}")
                column.icons.setFixedSize(ICON_SIDE, ICON_SIDE)
                column.heading.setFont(bold)
                make_reading(column.heading)
                column.heading.installEventFilter(self)
                column.heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                row.add(column, 1, 0)
                columns.append(column)
            layout.addWidget(row)
            self.headings.append(heading)
            self.rows.append(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """Side by side, both sides' headings take the taller one's height, so the two icon
        arrays of an outcome start level (one heading may wrap where the other does not)."""
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange) and self.view is not None:
            self._leveller.start()
        return False

    def level_headings(self) -> None:
        for row, pinned, current in zip(self.rows, self.pinned, self.current):
            pair = (pinned.heading, current.heading)
            height = max(0, *(_natural_height(h) for h in pair)) if row.side_by_side() else 0
            for heading in pair:
                if heading.minimumHeight() != height:
                    heading.setMinimumHeight(height)

    def show_view(self, view: ComparisonView | None) -> None:
        self.view = view
        if view is None:
            for label in (self.title, self.shared, self.note, *self.headings):
                label.clear()
            for column in (*self.pinned, *self.current):
                column.show_card(None)
            self.setVisible(False)
            return
        self._build_outcomes(len(view.rows))
        self.title.setText(view.title)
        self.shared.setText(view.shared)
        self.note.setText(view.note)
        for index, heading in enumerate(self.headings):
            shown = index < len(view.rows)
            for widget in (heading, self.rows[index]):
                widget.setVisible(shown)
            if not shown:
                continue
            row = view.rows[index]
            heading.setText(row.heading)  # the outcome and era (the same words for both sides)
            for column, card, withheld, side in ((self.pinned[index], row.pinned, row.pinned_withheld, view.pinned),
                                                 (self.current[index], row.current, row.current_withheld,
                                                  view.current)):
                column.show_card(card, side.heading)
                if card is None:  # R6: why this side has no later cohorts' figure
                    column.heading.setText(side.heading)
                    column.headline.setText(withheld)
        self.setVisible(True)
        self.level_headings()

    def stops(self) -> list[QWidget]:
        """The texts in reading order (for the window's Tab order; the outcomes once built)."""
        found: list[QWidget] = [self.title, self.shared, self.note]
        for pinned, current in zip(self.pinned, self.current):
            for column in (pinned, current):
                found += [column.heading, column.icons, column.headline, column.other_side, column.range]
        return found

    def texts(self) -> list[str]:
        """Every shown sentence, in reading order (empty when hidden)."""
        return [label.text() for label in self.stops() if isinstance(label, QLabel) and label.text()] \
            if self.view is not None else []


def _natural_height(label: QLabel) -> int:
    """The label's height for its width and text alone (QLabel's own answer counts its minimum)."""
    minimum = label.minimumHeight()
    label.setMinimumHeight(0)
    height = label.heightForWidth(label.width())
    label.setMinimumHeight(minimum)
    return height
