"""The window's accessible look: field borders and placeholder text with enough contrast, and a
visible focus ring on every keyboard stop.

Fields show focus with a thicker blue border (style sheet). Every other stop (read-only text,
the chart, tables, buttons, check boxes, the current tab) gets :class:`FocusRing`: one overlay that
follows the focus and draws a 2-pixel ring just outside the widget, so focusing never moves or
restyles anything (a style sheet rule on labels would also stop their fonts following the
patient view's larger type). Colours come from :mod:`decision_aid.palette` (``tools/contrast.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea, QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTabBar, QWidget,
)

from .. import palette

READING = "reading"  # property of a focusable read-only label

FIELD_STYLE = f"""
QLineEdit, QComboBox, QPlainTextEdit {{
    border: 1px solid {palette.FIELD_BORDER}; border-radius: 3px; padding: 3px; background: white;
    placeholder-text-color: {palette.PLACEHOLDER};
}}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus {{ border: 2px solid {palette.FOCUS}; padding: 2px; }}
QComboBox QLineEdit, QComboBox QLineEdit:focus {{ border: none; padding: 0px; }}
"""
#: a refused field: a thick vermillion border (with the sign and words beside it, never colour alone)
INVALID_FIELD_STYLE = FIELD_STYLE + f"""
QLineEdit, QComboBox {{ border: 2px solid {palette.EARLY_DEATH}; padding: 2px; }}
QLineEdit:focus, QComboBox:focus {{ border: 2px solid {palette.FOCUS}; padding: 2px; }}
"""
#: widgets that show their own focus (the thicker border above): no ring around them
OWN_FOCUS = (QLineEdit, QComboBox, QPlainTextEdit)
RING = 2  # pixels
GAP = 1  # between the widget and the ring


def apply_accessible_style(window: QWidget) -> None:
    """Placeholder colour for ``window`` (through the palette, which children inherit) and field
    borders for the fields in it now (:func:`style_fields`; panels built later call it too).

    The style sheet goes on each field, never on the window: a window style sheet stops fonts
    set on a container (the patient view's larger type) from reaching the labels in it."""
    colours = window.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        colours.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(palette.PLACEHOLDER))
    window.setPalette(colours)
    style_fields(window)


def style_fields(root: QWidget) -> QWidget:
    """Give every field under ``root`` (and ``root`` itself) a border with 3:1 contrast and a
    thick focus border; fields that already have their own style sheet are left alone."""
    fields = [root, *root.findChildren(QWidget)]
    for field in fields:
        if isinstance(field, OWN_FOCUS) and not isinstance(field.parentWidget(), QComboBox) \
                and not field.styleSheet():
            field.setStyleSheet(FIELD_STYLE)
    return root


def make_reading(label: QLabel, description: str = "") -> QLabel:
    """Make a read-only text a keyboard stop: Tab reaches it, the keyboard can select it, a
    screen reader reads its text (its name) and ``description`` (e.g. the heading it belongs to)."""
    label.setProperty(READING, True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # after the flags, which set a policy of their own
    if description:
        label.setAccessibleDescription(description)
    return label


def _visible_rect(widget: QWidget) -> QRect:
    """The part of ``widget`` (its own coordinates) inside all its ancestors, e.g. a scroll area."""
    rect, offset = widget.rect(), QPoint(0, 0)
    current = widget
    while current.parentWidget() is not None and not current.isWindow():
        offset += current.pos()
        parent = current.parentWidget()
        rect = rect.intersected(parent.rect().translated(-offset))
        current = parent
    return rect


class FocusRing(QWidget):
    """A ring around whatever has the keyboard focus in ``window`` (an overlay on the window's
    central widget, clipped to what is visible of the focused widget, e.g. inside a scroll area)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._window = window
        self.target: QWidget | None = None
        self._clip = QRect()
        self.hide()
        QApplication.instance().focusChanged.connect(self._follow)
        for area in window.findChildren(QAbstractScrollArea):
            self.watch_scrolling(area)

    def watch_scrolling(self, area: QAbstractScrollArea) -> None:
        area.verticalScrollBar().valueChanged.connect(self.place)
        area.horizontalScrollBar().valueChanged.connect(self.place)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.target is not None:
            self.target.removeEventFilter(self)
            if isinstance(self.target, QTabBar):
                self.target.currentChanged.disconnect(self.place)
        self.target = None
        # Only inside the widget the ring is drawn on: the menu bar (Alt+E) and the status bar are
        # outside it, and mapping their position into it printed "QWidget::mapTo(): parent must be
        # in parent hierarchy".
        host = self.parentWidget()
        if new is None or isinstance(new, OWN_FOCUS) or isinstance(new.parentWidget(), QComboBox) \
                or new.window() is not self._window or new is self or host is None or not host.isAncestorOf(new):
            self.hide()
            return
        self.target = new
        new.installEventFilter(self)
        if isinstance(new, QTabBar):
            new.currentChanged.connect(self.place)
        self.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.target and event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                                                       QEvent.Type.Hide, QEvent.Type.LayoutRequest):
            self.place()
        return False

    def place(self, *_args) -> None:
        target, host = self.target, self.parentWidget()
        if target is None or host is None or not target.isVisible():
            self.hide()
            return
        local = target.tabRect(target.currentIndex()) if isinstance(target, QTabBar) else target.rect()
        visible = _visible_rect(target).intersected(local)
        if visible.isEmpty():
            self.hide()
            return
        margin = RING + GAP
        offset = target.mapTo(host, QPoint(0, 0))
        ring = local.translated(offset).adjusted(-margin, -margin, margin, margin)
        self._clip = visible.translated(offset).adjusted(-margin, -margin, margin, margin)
        area = ring.intersected(host.rect())
        self.setGeometry(area)
        self._ring = ring.translated(-area.topLeft())
        self._clip = self._clip.translated(-area.topLeft())
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(self._clip)
        pen = QPen(QColor(palette.FOCUS), RING)
        painter.setPen(pen)
        half = RING / 2
        painter.drawRoundedRect(self._ring.adjusted(0, 0, -1, -1).toRectF().adjusted(half, half, -half, -half), 3, 3)
        painter.end()
