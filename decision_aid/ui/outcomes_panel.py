"""The estimate's outcomes as icon arrays with the same numbers in words.

The panel lays out an :class:`~decision_aid.present.estimate_view.EstimateView`: every word and
count comes from the presentation layer, which the sheet paints too; nothing is computed here.
First the three key numbers at a glance, each in both eras (so that they stand on the first
screen of a 1024 x 700 window: issue 25 item 4), with what the early-death figure takes into account
(MODEL.md O2) under it; then each outcome in full, in the order of the decision: death within 100 days
in two eras side by side (equal size, type and format), then staying free of worsening at 5 years in
two eras side by side in the same format (where MODEL.md R6 withholds the later figure, its place
says why), then being alive at 5 years in both eras.

Every sentence is a keyboard stop (Tab reaches it, a screen reader reads it): its accessible name
is its visible text and its description the heading it belongs to, never a tag instead of the text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .. import palette
from ..present.estimate_view import EstimateView, KeyNumber, OutcomeCard
from ..present.notes import NoteView
from .icon_array_widget import IconArrayWidget, IconLegend
from ..present.i18n import _
from .plain import plain_label
from .responsive import ResponsiveRow
from .style import make_reading, mute, sized


ICON_ARRAY_SIDE = 160  # pixels: 16 a person


def heading_label(text: str, name: str) -> QLabel:
    label = plain_label(text)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFont(sized(label.font(), palette.HEADING, bold=True))
    label.setWordWrap(True)
    return label


def body_label(name: str, reading: bool = True) -> QLabel:
    """A wrapping sentence; a keyboard stop unless ``reading`` is False."""
    label = plain_label()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if reading:
        make_reading(label)
    return label


def note_text(note: NoteView, clinician: bool) -> str:
    """A warning as shown beside its numbers: a sign and the words, never colour alone. The
    assumption it rests on is a separate link to How calculated (clinician view), never a code."""
    return f"\u26a0 {note.text}"


NOTE_STYLE = (f"QLabel {{ color: {palette.TEXT}; background: {palette.NOTE_BACKGROUND}; border: 2px solid "
              f"{palette.NOTE_BACKGROUND}; border-left: 4px solid {palette.REFERENCE_LINE}; padding: 4px; }}")


class NotesList(QWidget):
    """The warnings that qualify one group of numbers; each is read by its text (the word "Note"
    is its description). In the clinician view a note that rests on an assumption has a button
    ("Assumption A5") that shows it in How calculated: ``assumption_activated`` carries the id."""

    assumption_activated = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 0)
        self._layout.setSpacing(4)
        self.labels: list[QLabel] = []
        self.links: list[QPushButton] = []
        self._rows: list[QWidget] = []
        self._shown: tuple | None = None

    def set_notes(self, notes, clinician: bool) -> None:
        key = (tuple(notes), clinician)
        if key == self._shown:
            return  # the same notes: keep the widgets (and the keyboard focus on one of them)
        self._shown = key
        for row in self._rows:
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._rows, self.labels, self.links = [], [], []
        for note in notes:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = body_label(f"note_{note.id}")
            label.setText(note_text(note, clinician))
            label.setAccessibleDescription(_("Note"))
            label.setStyleSheet(NOTE_STYLE)
            line.addWidget(label, 1)
            self.labels.append(label)
            if clinician and note.assumption:
                link = QPushButton(_("Assumption {id}", id=note.assumption))
                link.setObjectName(f"assumption_{note.assumption}")
                link.setToolTip(_("Show assumption {id} in How calculated", id=note.assumption))
                link.setAccessibleDescription(link.toolTip())
                link.clicked.connect(lambda _=False, a=note.assumption: self.assumption_activated.emit(a))
                line.addWidget(link, 0, Qt.AlignmentFlag.AlignTop)
                self.links.append(link)
            self._layout.addWidget(row)
            self._rows.append(row)
        self.setVisible(bool(notes))

    def texts(self) -> list[str]:
        return [label.text() for label in self.labels]

    def stops(self) -> list[QWidget]:
        """The notes and their links, in reading order (for the window's Tab order)."""
        return [w for row in self._rows for w in row.findChildren(QWidget) if isinstance(w, (QLabel, QPushButton))]


class OutcomeColumn(QWidget):
    """One :class:`OutcomeCard`: heading, icon array with legend, both framings and the range."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = heading_label("", f"{name}Heading")
        layout.addWidget(self.heading)
        # One column (array, legend, words) so that the two eras fit side by side, equal in size.
        self.icons = IconArrayWidget()
        self.icons.setObjectName(f"{name}Icons")
        self.icons.setFixedSize(ICON_ARRAY_SIDE, ICON_ARRAY_SIDE)  # every array the same size: equal weight
        layout.addWidget(self.icons, 0, Qt.AlignmentFlag.AlignLeft)
        self.legend = IconLegend()
        layout.addWidget(self.legend)
        self.headline = body_label(f"{name}Headline")
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.other_side = body_label(f"{name}OtherSide")
        self.range = body_label(f"{name}Range")
        for label in (self.headline, self.other_side, self.range):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_card(self, card: OutcomeCard | None, heading: str | None = None) -> None:
        """``heading`` replaces the card's own (e.g. which side of a comparison); the sentences'
        descriptions then name both."""
        if card is None:
            self.icons.set_array(None)
            for label in (self.heading, self.headline, self.other_side, self.range):
                label.clear()
                label.setAccessibleName("")
            self.legend.set_entries((), "", None)
            return
        about = card.heading if heading is None else _("; ").join((card.heading, heading))
        self.heading.setText(card.heading if heading is None else heading)
        self.headline.setText(card.headline)
        self.other_side.setText(card.other_side)
        self.range.setText(card.range_text)
        for label in (self.headline, self.other_side, self.range):
            # Which figure the sentence is about (the era of an early-death figure) in its name: Orca
            # does not speak a label's description when it is reached.
            label.setAccessibleName(_("{label}: {value}", label=about, value=label.text()))
            label.setAccessibleDescription(about)
        self.icons.set_array(card.icons, card.text_alternative)
        self.legend.set_entries(card.legend, card.icons.color, card.icons.mark)
        # what the picture is about, and its key (the legend beside it, which is no stop of its own)
        self.icons.setAccessibleDescription(_("{label}: {value}", label=about, value=self.legend.accessibleName()))
        self.icons.show()

    def show_words(self, heading: str, text: str) -> None:
        """A heading and one sentence in a card's place, without a picture (why a figure is not shown)."""
        self.show_card(None)
        self.icons.hide()
        self.heading.setText(heading)
        self.headline.setText(text)
        self.headline.setAccessibleName(_("{label}: {value}", label=heading, value=text))
        self.headline.setAccessibleDescription(heading)


def card_words(card: OutcomeCard) -> str:
    """A card without its icon array: its heading (the era), then its sentences and range."""
    return "\n".join((card.heading, f"{card.headline} {card.other_side} {card.range_text}"))


ERAS_SIDE_BY_SIDE = 340  # px: two icon arrays (about 160 px each) and a gap; narrower, one above the other
KEY_VALUES_SIDE_BY_SIDE = 340  # px: two eras' values of a key number side by side, each at least 160 px wide


class KeyNumbers(QWidget):
    """The key numbers at a glance: each outcome's heading, then its eras' values side by side
    (one above the other when narrow); every value a reading stop named by its outcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyNumbers")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.headings: list[QLabel] = []
        self.values: list[list[QLabel]] = []
        for index in range(3):  # early death, alive without worsening, alive: in the decision's order
            heading = body_label(f"keyNumber{index}Heading", reading=False)  # said with each value
            heading.setFont(_bold(heading.font()))
            self._layout.addWidget(heading)
            row = ResponsiveRow(f"keyNumber{index}", breakpoint=KEY_VALUES_SIDE_BY_SIDE)
            row.box.setSpacing(16)
            labels = [body_label(f"keyNumber{index}Value{era}") for era in range(2)]
            for label in labels:
                row.add(label, 1, 0, Qt.AlignmentFlag.AlignTop)
            self._layout.addWidget(row)
            self.headings.append(heading)
            self.values.append(labels)

    def insert_after(self, index: int, widget: QWidget) -> None:
        """Put ``widget`` under key number ``index`` (what the early-death figure takes into account)."""
        self._layout.insertWidget(self._layout.indexOf(self.headings[index]) + 2, widget)

    def show_numbers(self, numbers: tuple[KeyNumber, ...]) -> None:
        for heading, labels, number in zip(self.headings, self.values, (*numbers, None, None, None)):
            heading.setText(number.heading if number is not None else "")
            texts = number.values if number is not None else ()
            for label, text in zip(labels, (*texts, "", "")):
                label.setText(text)
                label.setAccessibleName(_("{label}: {value}", label=number.heading, value=text) if text else "")
                label.setVisible(bool(text))

    def stops(self) -> list[QWidget]:
        return [label for labels in self.values for label in labels]


def _bold(font):
    font.setBold(True)
    return font


class OutcomesPanel(QWidget):
    """Early deaths (two eras, side by side), then the benefit over years."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomesPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.key_numbers = KeyNumbers()
        layout.addWidget(self.key_numbers)
        self.early_heading = make_reading(heading_label("", "earlyHeading"))
        layout.addWidget(self.early_heading)
        # Side by side, equal in size, while both fit whole; one above the other when narrow (200%).
        self.eras = ResponsiveRow("earlyEras", breakpoint=ERAS_SIDE_BY_SIDE)
        self.eras.box.setSpacing(16)
        self.early = OutcomeColumn("early")  # the study's era
        self.early_recent = OutcomeColumn("earlyRecent")  # recent UK centres: same size and format
        self.eras.add(self.early, 1, 0)
        self.eras.add(self.early_recent, 1, 0)
        layout.addWidget(self.eras)
        self.risk_line = body_label("earlyRiskLine")  # in body type: the key numbers stay on the first screen
        # Right under the first early-death figures (O2): under all three key numbers, "this figure"
        # read as being about survival at 5 years.
        self.key_numbers.insert_after(0, self.risk_line)
        self.early_notes = NotesList("earlyNotes")
        layout.addWidget(self.early_notes)
        self.pfs_heading = heading_label("", "fiveYearsHeading")
        layout.addWidget(self.pfs_heading)
        self.pfs_eras = ResponsiveRow("fiveYearsEras", breakpoint=ERAS_SIDE_BY_SIDE)
        self.pfs_eras.box.setSpacing(16)
        self.five_years = OutcomeColumn("fiveYears")  # the study's era
        self.five_years_recent = OutcomeColumn("fiveYearsRecent")  # the later cohorts': same size and format
        self.pfs_eras.add(self.five_years, 1, 0)
        self.pfs_eras.add(self.five_years_recent, 1, 0)
        layout.addWidget(self.pfs_eras)
        self.pfs_line = body_label("fiveYearsLine")  # A16, said plainly
        bold = self.pfs_line.font()
        bold.setBold(True)
        self.pfs_line.setFont(bold)
        layout.addWidget(self.pfs_line)
        self.pfs_notes = NotesList("fiveYearsNotes")
        layout.addWidget(self.pfs_notes)
        self.survival = body_label("survival")
        layout.addWidget(self.survival)
        self.details = mute(body_label("clinicianDetails"))
        layout.addWidget(self.details)
        self.people_like_you = mute(body_label("peopleLikeYou"))
        layout.addWidget(self.people_like_you)
        layout.addStretch(1)
        self.clear()

    def clear(self) -> None:
        self.key_numbers.show_numbers(())
        for column in (self.early, self.early_recent, self.five_years, self.five_years_recent):
            column.show_card(None)
        for label in (self.early_heading, self.risk_line, self.pfs_heading, self.pfs_line,
                      self.survival, self.details, self.people_like_you):
            label.clear()
        self.details.setVisible(False)
        self.early_notes.set_notes([], False)
        self.pfs_notes.set_notes([], False)

    def show_view(self, view: EstimateView) -> None:
        clinician = view.audience.clinician
        self.key_numbers.show_numbers(view.key_numbers)
        self.early_heading.setText(view.early.heading)
        self.early.show_card(view.early.cards[0])
        self.early_recent.show_card(view.early.cards[1])
        self.risk_line.setText(view.early.risk_line)
        self.early_notes.set_notes(view.early.notes, clinician)
        pfs = view.pfs
        self.pfs_heading.setText(pfs.heading)
        self.five_years.show_card(pfs.study)
        if pfs.recent is not None:
            self.five_years_recent.show_card(pfs.recent)
        else:  # R6: in the later figure's place, why it is not shown
            self.five_years_recent.show_words(pfs.withheld_heading, pfs.withheld)
        self.pfs_line.setText(pfs.line)
        self.pfs_line.setVisible(bool(pfs.line))
        self.pfs_notes.set_notes(pfs.notes, clinician)
        self.survival.setText("\n".join((view.survival.heading, *(card_words(c) for c in view.survival.cards))))
        self.details.setText("\n".join((view.details_heading, *view.clinician_details)) if view.clinician_details
                             else "")
        self.details.setVisible(bool(view.clinician_details))
        self.people_like_you.setText(view.people_like_you)
