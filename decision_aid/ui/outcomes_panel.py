"""Early death and 5-year outcomes as icon arrays with the same numbers in words.

The panel only formats an :class:`Estimate` (via ``wording``); it never computes a risk.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .. import palette, wording
from ..model import Estimate, Note
from ..report.icons import IconArray, Mark
from .icon_array_widget import IconArrayWidget, IconLegend
from .plain import plain_label


def heading_label(text: str, name: str) -> QLabel:
    label = plain_label(text)
    label.setObjectName(name)
    font = label.font()
    font.setPointSize(palette.HEADING)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def body_label(name: str) -> QLabel:
    label = plain_label()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def note_text(note: Note, clinician: bool) -> str:
    """A warning as shown beside its numbers: a sign and the word Note, never colour alone."""
    return f"\u26a0 Note: {note.text}" + (f" [{note.id}]" if clinician else "")


class NotesList(QWidget):
    """The warnings that qualify one group of numbers."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 0)
        self._layout.setSpacing(4)
        self.labels: list[QLabel] = []

    def set_notes(self, notes: list[Note], clinician: bool) -> None:
        for label in self.labels:
            self._layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.labels = []
        for note in notes:
            label = body_label(f"note_{note.id}")
            label.setText(note_text(note, clinician))
            label.setStyleSheet(f"color: {palette.TEXT}; background: #FFF4DD; border-left: 4px solid "
                                f"{palette.REFERENCE}; padding: 4px;")
            label.setAccessibleName("Note")
            self._layout.addWidget(label)
            self.labels.append(label)
        self.setVisible(bool(notes))

    def texts(self) -> list[str]:
        return [label.text() for label in self.labels]


class OutcomeColumn(QWidget):
    """Heading, icon array with legend, sentences and the notes for one outcome."""

    def __init__(self, name: str, color: str, mark: Mark, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.color, self.mark = color, mark
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = heading_label("", f"{name}Heading")
        layout.addWidget(self.heading)
        row = QHBoxLayout()
        row.setSpacing(10)
        graphic = QVBoxLayout()
        self.icons = IconArrayWidget()
        self.icons.setObjectName(f"{name}Icons")
        self.icons.setFixedSize(124, 124)
        graphic.addWidget(self.icons)
        self.legend = IconLegend(color, mark, ("", "", ""))
        self.legend.setFixedWidth(124)
        graphic.addWidget(self.legend)
        graphic.addStretch(1)
        row.addLayout(graphic)
        text = QVBoxLayout()
        self.headline = body_label(f"{name}Headline")
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.other_side = body_label(f"{name}OtherSide")
        self.range = body_label(f"{name}Range")
        self.extra = body_label(f"{name}Extra")
        for label in (self.headline, self.other_side, self.range, self.extra):
            text.addWidget(label)
        text.addStretch(1)
        row.addLayout(text, 1)
        layout.addLayout(row)
        self.notes = NotesList(f"{name}Notes")
        layout.addWidget(self.notes)
        layout.addStretch(1)

    def set_icons(self, count: int, upper: int, description: str) -> None:
        self.icons.set_array(IconArray(count, upper, self.color, self.mark), description)
        self.icons.setAccessibleName(self.heading.text())


class OutcomesPanel(QWidget):
    """Two columns in decision order: the early cost, then the benefit over years."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomesPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.early = OutcomeColumn("early", palette.EARLY_DEATH, Mark.CROSS)
        self.five_years = OutcomeColumn("fiveYears", palette.STABLE, Mark.TICK)
        layout.addWidget(self.early)
        layout.addWidget(self.five_years)
        self.people_like_you = body_label("peopleLikeYou")
        self.people_like_you.setStyleSheet(f"color: {palette.MUTED};")
        layout.addWidget(self.people_like_you)
        layout.addStretch(1)
        self.clear()

    def clear(self) -> None:
        for column in (self.early, self.five_years):
            column.icons.set_array(None)
            for label in (column.headline, column.other_side, column.range, column.extra):
                label.clear()
            column.notes.set_notes([], False)
        self.people_like_you.clear()

    def show_result(self, result: Estimate, clinician: bool) -> None:
        notes = list(result.warnings) + list(result.caveats)
        early, days = result.early_mortality, result.early_mortality_days
        self.early.heading.setText(f"Within {days} days of transplant")
        self.early.headline.setText(wording.early_death_sentence(early, days) + ".")
        self.early.other_side.setText("")
        self.early.other_side.setVisible(False)
        self.early.range.setText(
            f"Death within {days} days: {wording.interval_percent(early)}" if clinician
            else wording.interval_in_words(early)
        )
        self.early.extra.setVisible(False)
        count, upper = wording.in_hundred(early.estimate), wording.in_hundred(early.upper)
        self.early.set_icons(count, upper, (
            f"Icon array of 100 people: {count} marked as died within {days} days; "
            f"{max(upper - count, 0)} more hatched for the upper end of the range "
            f"({wording.range_phrase(early)}); the others survived this period."))
        self.early.legend.set_texts((f"died within {days} days", "possible (the range)", "survived"))
        self.early.notes.set_notes([n for n in notes if n.qualifies == "early_mortality"], clinician)

        pfs5, years = result.pfs_5y, int(result.pfs.extrapolated_after)
        self.five_years.heading.setText(f"At {years} years")
        self.five_years.headline.setText(wording.pfs_sentence(pfs5, years) + ".")
        self.five_years.other_side.setText(wording.pfs_other_side(pfs5, years).capitalize() + ".")
        self.five_years.other_side.setVisible(True)
        self.five_years.range.setText(
            f"Progression-free survival at {years} years: {wording.interval_percent(pfs5)}" if clinician
            else wording.interval_in_words(pfs5)
        )
        survival = result.overall_survival_5y
        extra = wording.survival_sentence(survival, years) + "."
        if clinician:
            extra += (f" Overall survival at {years} years: {wording.interval_percent(survival)}."
                      f" Progression hazard multiplier for this profile: {result.hazard_multiplier:.2f}.")
        else:
            extra += f" ({wording.range_phrase(survival).capitalize()}.)"
        self.five_years.extra.setText(extra)
        self.five_years.extra.setVisible(True)
        count, upper = wording.in_hundred(pfs5.estimate), wording.in_hundred(pfs5.upper)
        self.five_years.set_icons(count, upper, (
            f"Icon array of 100 people: {count} marked as alive without disability worsening at {years} years; "
            f"{max(upper - count, 0)} more hatched for the upper end of the range ({wording.range_phrase(pfs5)}); "
            f"the others worsened or died."))
        self.five_years.legend.set_texts((f"alive, no worsening at {years} years", "possible (the range)",
                                          "worsened or died"))
        self.five_years.notes.set_notes([n for n in notes if n.qualifies == "pfs"], clinician)
        self.people_like_you.setText(wording.PEOPLE_LIKE_YOU)
