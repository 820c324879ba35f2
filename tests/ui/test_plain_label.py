"""A label keeps its height for a width only while nothing that decides it has changed: after
every change a person's text could need, it answers what a label made afresh answers."""

from __future__ import annotations

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel

from decision_aid.ui.plain import PlainLabel, make_plain, plain_label

LONG = "About 2 in 100 people like you died within 100 days of transplant. " * 3


def plain_qlabel() -> QLabel:
    """A QLabel made as the program makes its labels, but keeping nothing."""
    label = QLabel()
    make_plain(label)
    label.setText(LONG)
    label.setWordWrap(True)
    return label


def bigger_font(label: QLabel) -> None:
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + 6)
    label.setFont(font)


CHANGES = {
    "text": lambda label: label.setText(LONG + LONG),
    "shorter text": lambda label: label.setText("Short."),
    "font": bigger_font,
    "style sheet font": lambda label: label.setStyleSheet("font-size: 24pt;"),
    "no wrap": lambda label: label.setWordWrap(False),
    "margin": lambda label: label.setMargin(20),
    "indent": lambda label: label.setIndent(40),
    "alignment": lambda label: label.setAlignment(Qt.AlignmentFlag.AlignRight),
    "contents margins": lambda label: label.setContentsMargins(QMargins(30, 10, 30, 10)),
    "frame": lambda label: (label.setFrameShape(QFrame.Shape.Box), label.setLineWidth(6)),
    "minimum height": lambda label: label.setMinimumHeight(300),
    "fixed height": lambda label: label.setFixedHeight(250),
    "minimum width": lambda label: label.setMinimumWidth(400),
    "direction": lambda label: label.setLayoutDirection(Qt.LayoutDirection.RightToLeft),
}


def test_every_label_of_the_program_keeps_heights(qtbot):
    assert isinstance(plain_label("x"), PlainLabel)


def test_after_each_change_the_height_is_a_fresh_labels(qtbot):
    widths = (120, 200, 333, 600)
    for name, change in CHANGES.items():
        label = plain_label(LONG)
        label.setWordWrap(True)
        twin = plain_qlabel()
        for widget in (label, twin):
            qtbot.addWidget(widget)
        before = [label.heightForWidth(w) for w in widths]  # kept now
        for widget in (label, twin):
            change(widget)
            widget.ensurePolished()  # a style sheet applies when the widget is polished (shown)
        after = [label.heightForWidth(w) for w in widths]
        assert after == [twin.heightForWidth(w) for w in widths], name
        assert after != before or name in ("alignment", "direction"), f"{name}: the change made no difference"


def test_asked_again_it_answers_without_laying_the_text_out(qtbot, monkeypatch):
    label = plain_label(LONG)
    qtbot.addWidget(label)
    label.setWordWrap(True)
    first = label.heightForWidth(250)
    asked = []
    monkeypatch.setattr(QLabel, "heightForWidth", lambda self, width: asked.append(width) or 0)
    assert label.heightForWidth(250) == first and asked == []
    assert label.heightForWidth(251) == 0 and asked == [251]  # a new width is computed
