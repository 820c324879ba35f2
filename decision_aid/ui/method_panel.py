""""How was this calculated?": the source study, its figures with their intervals, the
assumptions and what the estimate leaves out. Text only, from the evidence and the result."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget


from ..present import wording
from ..model import Estimate, Model

FIGURE_KINDS = ("probability", "hazard_ratio", "count", "duration", "edss")


class MethodPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("methodPanel")
        self.setAccessibleName("How was this calculated?")
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)

    def show_method(self, model: Model | None, result: Estimate | None, clinician: bool,
                    problem: str | None = None) -> None:
        if model is None:
            self.setHtml(f"<p><b>No estimates can be shown.</b></p><p>{escape(problem or '')}</p>")
            return
        study = model.study
        parts = [
            "<h3>Source study</h3>",
            f"<p>{escape(study.full_citation)}</p>",
            f"<p><b>Design:</b> {escape(study.text('design'))}.<br>"
            f"<b>Patients:</b> {escape(study.text('cohort'))}.<br>"
            f"<b>Transplanted:</b> {escape(study.text('transplant_years'))}.<br>"
            f"<b>Main outcome:</b> {escape(study.text('outcome_definition'))}.</p>",
            "<h3>Figures used</h3><ul>",
        ]
        for figure in study.figures.values():
            if figure.kind not in FIGURE_KINDS:
                continue
            text = wording.figure_text(figure, clinician)
            if text:
                parts.append(f"<li>{escape(text)}</li>")
        parts.append("</ul>")
        assumptions = result.assumptions if result is not None else model.assumptions
        parts.append("<h3>Assumptions</h3><ul>")
        for note in assumptions:
            label = f"<b>{escape(note.id)}</b> " if clinician else ""
            parts.append(f"<li>{label}{escape(note.text)}</li>")
        parts.append("</ul><h3>What this estimate does not cover</h3><ul>")
        parts += [f"<li>{escape(item)}</li>" for item in wording.NOT_COVERED]
        parts.append("</ul>")
        if clinician and result is not None:
            parts.append(f"<p>Model {escape(result.model_version)}; evidence {escape(result.evidence_version)} "
                         f"({escape(result.evidence_checksum[:12])}); {result.draws} Monte Carlo draws, "
                         f"seed {result.seed}.</p>")
        self.setHtml("".join(parts))
