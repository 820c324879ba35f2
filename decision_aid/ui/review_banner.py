"""A calm notice above the results when the evidence review is overdue (IPDAS: the review date).

Plain text with a warning sign, the word "Please note" and a dark bar at its edge: the colour is
never the only cue. Hidden while the review is not overdue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from .. import palette
from ..present.review_view import ReviewView
from ..present.i18n import _
from .plain import make_plain


class ReviewBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBanner")
        make_plain(self)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(_("Evidence review overdue"))
        self.setStyleSheet(f"color: {palette.TEXT}; background: {palette.NOTE_BACKGROUND}; border-left: 6px solid {palette.TEXT}; "
                           "padding: 6px 10px; margin: 4px 8px;")
        self.setVisible(False)

    def show_view(self, view: ReviewView | None) -> None:
        notice = view.notice if view is not None else ""
        self.setText(f"\u26a0 {notice}" if notice else "")
        self.setToolTip(view.line if view is not None else "")
        self.setVisible(bool(notice))
