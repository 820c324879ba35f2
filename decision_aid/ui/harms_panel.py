""""What the treatment involves": lays out a :class:`~decision_aid.present.harms_view.HarmsView` as one
table (what can happen, how often, when, from which study), with both early-death rows first."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from .. import palette
from ..present.harms_view import HarmRow, HarmsView
from ..present.i18n import _
from .context_common import FittedTable, body_points, set_font_size, text_label


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
        self.table = FittedTable(_("Table: what the treatment involves"))
        self.footnote = text_label(name=_("About these figures"), points=palette.SMALL)
        self.no_profile = text_label(name=_("What the treatment involves"))
        for widget in (self.heading, self.intro, self.no_profile, self.table, self.footnote):
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
        for label in (self.intro, self.no_profile):
            set_font_size(label, points)
        self.table.setVisible(bool(view.rows))
        self.table.fill(view.columns, [(r.topic, how_often_cell(r), r.when, r.source) for r in view.rows],
                        shaded=[r.category == "early_death" for r in view.rows],
                        points=palette.BODY if view.audience.clinician else points, weights=(27, 33, 15, 25))

    def cell_text(self, harm_id: str, column: int) -> str:
        index = next(i for i, r in enumerate(self.view.rows) if r.id == harm_id)
        return self.table.cell(index, column)
