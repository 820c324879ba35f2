"""Small helpers shared by the context panels: labelled, accessible text and the audience type scale."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from .. import palette
from .plain import plain_label

AUDIENCES = ("patient", "clinician")


def check_audience(audience: str) -> str:
    if audience not in AUDIENCES:
        raise ValueError(f"audience: {audience!r} is not allowed; allowed: patient, clinician")
    return audience


def body_points(audience: str) -> int:
    """Patients read 14 pt or larger; clinicians get the denser body size."""
    return palette.PATIENT_BODY if audience == "patient" else palette.BODY


def set_font_size(widget: QWidget, points: int, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSize(points)
    font.setBold(bold)
    widget.setFont(font)


def text_label(text: str, name: str, points: int = palette.BODY, bold: bool = False,
               tooltip: str | None = None) -> QLabel:
    """A wrapping, selectable label with an accessible name and a tooltip."""
    label = plain_label(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    label.setToolTip(tooltip or name)
    label.setStyleSheet(f"color: {palette.TEXT};")
    set_font_size(label, points, bold)
    return label
