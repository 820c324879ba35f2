""""What the treatment involves": lays out a :class:`~decision_aid.present.harms_view.HarmsView`: the
steps of AHSCT in order, then one table (what can happen, how often, when, in whom, from which
source), with both early-death rows first."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from .. import palette
from ..present.harms_view import HarmRow, HarmsView
from ..present.i18n import _
from .context_common import FittedTable, body_points, set_font_size, set_text, text_label


def how_often_cell(row: HarmRow) -> str:
    """The figures, one line each, with the note that travels with them below."""
    return "\n".join(row.how_often) + (f"\n\n{row.note}" if row.note else "")


class HarmsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: HarmsView | None = None
        layout = QVBoxLayout(self)
        self.heading = text_label(name=_("What the treatment involves, heading"), points=palette.HEADING, bold=True)
        self.intro = text_label(name=_("About this table"))
        self.timeline_heading = text_label(name=_("What AHSCT involves, heading"), bold=True)
        self.timeline_intro = text_label(name=_("About the steps"))
        self.steps = text_label(name=_("The steps of AHSCT"))
        self.timeline_note = text_label(name=_("About the durations"), points=palette.SMALL)
        self.table_heading = text_label(name=_("The harms, heading"), bold=True)
        self.table = FittedTable(_("Table: what the treatment involves"))
        self.footnote = text_label(name=_("About these figures"), points=palette.SMALL)
        self.no_profile = text_label(name=_("What the treatment involves"))
        for widget in (self.heading, self.intro, self.timeline_heading, self.timeline_intro, self.steps,
                       self.timeline_note, self.table_heading, self.no_profile, self.table, self.footnote):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_view(self, view: HarmsView) -> None:
        self.view = view
        self.setAccessibleName(view.heading)
        self.heading.setText(view.heading)
        self.intro.setText(view.intro)
        self.footnote.setText(view.footnote)
        self.no_profile.setText(view.no_profile)
        self.no_profile.setVisible(bool(view.no_profile))
        points = body_points(view.audience)
        timeline = view.timeline
        set_text(self.timeline_heading, timeline.heading if timeline else "")
        set_text(self.timeline_intro, timeline.intro if timeline else "")
        set_text(self.steps, "\n\n".join(f"{step.number}. {step.title}. {step.line()}\n{step.source}"
                                         for step in timeline.steps) if timeline else "")
        set_text(self.timeline_note, timeline.note if timeline else "")
        set_text(self.table_heading, view.table_heading if view.rows else "")
        for label in (self.intro, self.no_profile, self.timeline_intro, self.steps):
            set_font_size(label, points)
        for label in (self.timeline_heading, self.table_heading):
            set_font_size(label, points, bold=True)
        self.table.setVisible(bool(view.rows))
        self.table.fill(view.columns, [view.cells(r, how_often_cell(r)) for r in view.rows],
                        shaded=[r.category == "early_death" for r in view.rows],
                        points=palette.BODY if view.audience.clinician else points,
                        weights=(20, 31, 12, 18, 19) if len(view.columns) == 5 else (27, 35, 14, 24))

    def cell_text(self, harm_id: str, column: int) -> str:
        index = next(i for i, r in enumerate(self.view.rows) if r.id == harm_id)
        return self.table.cell(index, column)
