""""Guidance and questions": the NMSS view with the profile's fit point by point, and questions to ask.

The fit is described, never judged: the panel says how the profile compares with each point of
the guidance and leaves the decision to the consultation.
"""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from .. import palette
from ..context import GuidanceFit, guidance_fit
from ..decision_support import questions_to_ask
from ..model import Model, Profile, default_model
from .context_common import body_points, check_audience, set_font_size, text_label


class GuidancePanel(QWidget):
    """Guidance fit and questions for the consultation. ``show_profile(profile | None)``."""

    def __init__(self, model: Model | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model or default_model()
        self.audience = "patient"
        self.fit: GuidanceFit | None = None
        self.setAccessibleName("Guidance and questions to ask")
        source = self.model.evidence.by_role("guidance")[0]
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = text_label("What the guidance says", "Guidance heading", palette.HEADING, bold=True)
        self.statement = text_label(source.text("statement"), "Guidance statement")
        self.source_label = text_label("", "Guidance source", palette.SMALL)
        self.fit_heading = text_label("How this profile compares, point by point", "Guidance fit heading",
                                      palette.BODY, bold=True)
        self.fit_label = text_label("", "How the profile compares with the guidance")
        self.note = text_label("", "This is not a verdict", palette.SMALL)
        self.questions_heading = text_label("Questions to ask at your consultation", "Questions heading",
                                            palette.HEADING, bold=True)
        self.questions = [text_label(f"{i}. {q.topic}: {q.text}", f"Question {i}: {q.topic}")
                          for i, q in enumerate(questions_to_ask(self.model), start=1)]
        for widget in (self.heading, self.statement, self.source_label, self.fit_heading, self.fit_label,
                       self.note, self.questions_heading, *self.questions):
            layout.addWidget(widget)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        QVBoxLayout(self).addWidget(scroll)
        self.show_profile(None)

    def show_profile(self, profile: Profile | None) -> None:
        self.fit = None if profile is None else guidance_fit(self.model, profile)
        self._refresh()

    def set_audience(self, audience: str) -> None:
        self.audience = check_audience(audience)
        self._refresh()

    def fit_lines(self) -> list[str]:
        return [] if self.fit is None else [point.text for point in self.fit.points]

    def _refresh(self) -> None:
        points = body_points(self.audience)
        for label in (self.statement, self.fit_label, *self.questions):
            set_font_size(label, points)
        source = self.model.evidence.by_role("guidance")[0]
        self.source_label.setText(source.full_citation if self.audience == "clinician" else f"Source: {source.short_name}")
        self.questions_heading.setText(
            "Questions to ask at the consultation" if self.audience == "clinician"
            else "Questions to ask at your consultation")
        if self.fit is None:
            self.fit_label.setText("Enter a valid profile to compare it with the guidance.")
            self.note.setText("")
            return
        self.fit_label.setText("\n".join(f"\u2022 {line}" for line in self.fit_lines()))
        self.note.setText(self.fit.note)
