""""How was this calculated?": lays out the presentation layer's method view as read-only text.

Every text is escaped: nothing from a file or a field is ever interpreted as markup.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from ..model import Estimate, Model
from ..present.i18n import _
from ..present.method_view import method_view
from .responsive import fit_to_contents


class MethodPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("methodPanel")
        self.setAccessibleName(_("How was this calculated?"))
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        fit_to_contents(self)  # as tall as its text: the window's one scroll area scrolls it

    def show_assumption(self, assumption: str) -> bool:
        """Select the first place the assumption id (e.g. "A5") starts a line; True if found."""
        cursor = QTextCursor(self.document())
        while True:
            cursor = self.document().find(assumption, cursor, QTextDocument.FindFlag.FindCaseSensitively
                                          | QTextDocument.FindFlag.FindWholeWords)
            if cursor.isNull():
                return False
            if cursor.block().position() == cursor.selectionStart():
                self.setTextCursor(cursor)
                return True

    def show_method(self, model: Model | None, result: Estimate | None, clinician: bool,
                    problem: str | None = None) -> None:
        if model is None:
            self.setHtml(f"<p><b>{escape(_('No estimates can be shown.'))}</b></p><p>{escape(problem or '')}</p>")
            return
        parts = []
        for section in method_view(model, result, "clinician" if clinician else "patient").sections:
            parts.append(f"<h3>{escape(section.heading)}</h3>")
            parts += [f"<p>{escape(text)}</p>" for text in section.paragraphs]
            if section.items:
                parts.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in section.items) + "</ul>")
        self.setHtml("".join(parts))
