""""Guidance, questions": lays out a :class:`~decision_aid.present.guidance_view.GuidanceView`.

Both statements side by side (the newer first), then for each the profile beside its criteria in one
table (meets, does not meet, not known), the note that this is not a verdict, and the questions to
ask. Every text is the view's.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from .. import palette
from ..present.guidance_view import GuidanceView
from ..present.i18n import _
from .context_common import FittedTable, body_points, rule, set_font_size, set_text, text_label


class StatementColumn(QWidget):
    """One statement: its name, the paraphrase, the source and (clinician) what was checked."""

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        number = index + 1
        self.heading = text_label(name=_("Guidance statement {number}, name", number=number), bold=True)
        self.statement = text_label(name=_("Guidance statement {number}", number=number))
        self.source = text_label(name=_("Guidance statement {number}, source", number=number), points=palette.SMALL)
        self.checked = text_label(name=_("Guidance statement {number}, checked against", number=number),
                                  points=palette.SMALL)
        for widget in (self.heading, self.statement, self.source, self.checked):
            layout.addWidget(widget)
        layout.addStretch(1)


class GuidancePanel(QWidget):
    """Both guidance statements, the profile beside them point by point, and questions to ask."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: GuidanceView | None = None
        layout = QVBoxLayout(self)
        self.heading = text_label(name=_("Guidance heading"), points=palette.HEADING, bold=True)
        self.intro = text_label(name=_("About the guidance"))
        self.columns: list[StatementColumn] = []
        self.statements = QWidget()
        self.grid = QGridLayout(self.statements)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(24)
        self.fit_heading = text_label(name=_("How this profile compares, heading"), bold=True)
        self.no_profile = text_label(name=_("How the profile compares with the guidance"))
        self.points_box = QWidget()
        self.points_layout = QVBoxLayout(self.points_box)
        self.points_layout.setContentsMargins(0, 0, 0, 0)
        self.tables: list[FittedTable] = []
        self.table_headings: list = []
        self.note = text_label(name=_("This is not a verdict"))
        self.questions_heading = text_label(name=_("Questions heading"), points=palette.HEADING, bold=True)
        self.questions_box = QWidget()
        self.questions_layout = QVBoxLayout(self.questions_box)
        self.questions_layout.setContentsMargins(0, 0, 0, 0)
        self.questions: list = []
        for widget in (self.heading, self.intro, self.statements, self.fit_heading, self.no_profile, self.points_box,
                       self.note, rule(), self.questions_heading, self.questions_box):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_view(self, view: GuidanceView) -> None:
        self.view = view
        self.setAccessibleName(view.heading)
        points = body_points(view.audience)
        self.heading.setText(view.heading)
        self.intro.setText(view.intro)
        while len(self.columns) < len(view.statements):
            column = StatementColumn(len(self.columns))
            self.grid.addWidget(column, 0, len(self.columns))
            self.grid.setColumnStretch(len(self.columns), 1)
            self.columns.append(column)
        for column, statement in zip(self.columns, view.statements):
            column.heading.setText(statement.heading)
            column.statement.setText(statement.statement)
            column.source.setText(statement.source)
            set_text(column.checked, statement.checked)
            set_font_size(column.statement, points)
            set_font_size(column.heading, points, bold=True)
        self.fit_heading.setText(view.fit_heading)
        set_text(self.no_profile, view.no_profile)
        while len(self.tables) < len(view.statements):  # one table per statement, each named by it
            heading = text_label(bold=True)
            table = FittedTable("")
            self.points_layout.addWidget(heading)
            self.points_layout.addWidget(table)
            self.table_headings.append(heading)
            self.tables.append(table)
        for index, (heading, table) in enumerate(zip(self.table_headings, self.tables)):
            rows = view.point_rows(index) if index < len(view.statements) else ()
            name = view.statements[index].heading if index < len(view.statements) else ""
            set_text(heading, name if rows else "")
            set_font_size(heading, points, bold=True)
            table.setAccessibleName(_("{statement}: how the profile compares, criterion by criterion",
                                      statement=name))
            table.setVisible(bool(rows))
            if rows:
                table.fill(view.columns, rows, points=palette.BODY if view.audience.clinician else points,
                           weights=(18, 41, 41))
        self.note.setText(view.note)
        self.questions_heading.setText(view.questions_heading)
        for label in self.questions:
            self.questions_layout.removeWidget(label)
            label.hide()  # at once: deleteLater waits for the event loop
            label.deleteLater()
        self.questions = []
        for number, question in enumerate(view.questions, start=1):
            label = text_label(question.numbered(number), question.topic, points)
            self.questions_layout.addWidget(label)
            self.questions.append(label)
        for label in (self.intro, self.no_profile, self.note):
            set_font_size(label, points)

    def statement_texts(self) -> list[str]:
        return [column.statement.text() for column in self.columns]

    def fit_lines(self, statement: int = 0) -> list[str]:
        """What the table shows for one statement (by position): how the profile compares, criterion by
        criterion."""
        table = self.tables[statement] if statement < len(self.tables) else None
        if table is None or not table.isVisibleTo(self):
            return []
        return [table.cell(r, 2) for r in range(table.rowCount())]
