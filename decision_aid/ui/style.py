"""The window's accessible look: colours that follow the system's palette (light, dark, high
contrast) with enough contrast, type sizes relative to the system font, and a visible focus ring
on every keyboard stop.

Colours: :func:`screen_colours` chooses each colour the window draws from the palette the system
gives (never a fixed text colour on a background the system chooses): text is the palette's own;
muted text, field borders, the focus ring, a refused field's border, a shaded table row and the
current cell are chosen from :mod:`decision_aid.palette`'s candidates with
:func:`~decision_aid.palette.readable` (5:1 for text, 3.3:1 for borders and marks, against every
background they touch). :class:`AccessibleStyle` draws check boxes, radio buttons, the current
table cell and checked tool buttons with them (Qt's Fusion draws them at 1.2:1 to 2:1).

Fields show focus with a thicker border (style sheet). Every other stop (read-only text, the
chart, tables, buttons, check boxes, the current tab) gets :class:`FocusRing`: one overlay that
follows the focus and draws a 2-pixel ring just outside the widget, so focusing never moves or
restyles anything (a style sheet rule on labels would also stop their fonts following the
patient view's larger type). ``tools/contrast.py`` measures the result in three palettes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView, QAbstractScrollArea, QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QProxyStyle,
    QStyle, QStyleFactory, QStyleOption, QStyleOptionToolButton, QStyleOptionViewItem, QTabBar, QWidget,
)

from .. import palette

READING = "reading"  # property of a focusable read-only label
TONE = "tone"  # property of a label drawn in a chosen colour ("muted"), recoloured by refresh_colours

#: widgets that show their own focus (the thicker border of the field style): no ring around them
OWN_FOCUS = (QLineEdit, QComboBox, QPlainTextEdit)
RING = 2  # pixels
GAP = 1  # between the widget and the ring


# -- colours ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ScreenColours:
    """The window's colours for one system palette ("#RRGGBB"), each chosen for its contrast."""

    window: str
    text: str  # the palette's window text
    base: str  # a field's or table's background
    field_text: str  # text in fields and tables
    muted: str  # secondary text on the window (explanations, optional fields): 5:1
    placeholder: str  # a field's placeholder on its background: 5:1
    border: str  # field borders, check box and radio outlines, frames: 3.3:1 on window and base
    focus: str  # the focus ring: 3.3:1 on window and base
    refused: str  # a refused field's border (with a sign and words beside it): 3.3:1
    shade: str  # a shaded table row (extrapolated years, the early deaths): table text on it 5:1
    selected: str  # the current table cell, a checked tool button: 3.3:1 on window and base
    on_selected: str  # text on ``selected``: 5:1


def _hex(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb).upper()


def screen_colours(source: QPalette | None = None) -> ScreenColours:
    """The colours for ``source`` (default: the application's palette), active colour group."""
    colours = source if source is not None else QApplication.palette()
    group = QPalette.ColorGroup.Active
    role = QPalette.ColorRole
    return _choose(*(_hex(colours.color(group, r)) for r in (role.Window, role.WindowText, role.Base, role.Text,
                                                             role.Highlight, role.HighlightedText)))


@lru_cache(maxsize=16)
def _choose(window: str, text: str, base: str, field_text: str, highlight: str, on_highlight: str) -> ScreenColours:
    readable, mix = palette.readable, palette.mix
    text_aim, graphic_aim = palette.TEXT_AIM, palette.GRAPHIC_AIM
    grounds = (window, base)

    def toned(fore: str, ground: str) -> str:
        return readable([mix(fore, ground, share) for share in (0.45, 0.35, 0.25, 0.15)] + [fore], [ground], text_aim)

    focus_first = [highlight] if min(palette.contrast(highlight, g) for g in grounds) >= 7 else []  # high contrast
    pairs = [(highlight, on_highlight), (palette.PERSONAL, palette.PAPER), (palette.SKY, "#000000"), (field_text, base)]
    selected, on_selected = next(
        ((fill, fore) for fill, fore in pairs
         if min(palette.contrast(fill, g) for g in grounds) >= graphic_aim and palette.contrast(fore, fill) >= text_aim),
        pairs[-1])
    shade = next((tint for tint in (mix(base, field_text, 0.08), mix(base, field_text, 0.04))
                  if palette.contrast(field_text, tint) >= text_aim), base)
    return ScreenColours(
        window=window, text=text, base=base, field_text=field_text,
        muted=toned(text, window), placeholder=toned(field_text, base),
        border=readable([palette.FIELD_BORDER, mix(text, window, 0.5), mix(text, window, 0.35), text], grounds,
                        graphic_aim),
        focus=readable(focus_first + [palette.FOCUS, palette.SKY, text], grounds, graphic_aim),
        refused=readable([palette.EARLY_DEATH, palette.REFERENCE, text], grounds, graphic_aim),
        shade=shade, selected=selected, on_selected=on_selected)


def mute(label: QWidget, muted: bool = True) -> QWidget:
    """Draw ``label``'s text in the muted colour (still 5:1 on the window), or in the palette's
    text colour again. Through the palette, not a style sheet, so its font still follows the view."""
    if bool(label.property(TONE)) == muted:
        return label
    label.setProperty(TONE, "muted" if muted else None)
    if muted:
        _apply_tone(label)
    else:
        label.setPalette(QPalette())  # every role inherited again
    return label


def _apply_tone(label: QWidget, colours: ScreenColours | None = None) -> None:
    if colours is None:
        parent = label.parentWidget()
        colours = screen_colours(parent.palette() if parent is not None else None)
    tones = label.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        tones.setColor(group, QPalette.ColorRole.WindowText, QColor(colours.muted))
    label.setPalette(tones)


def refresh_colours(root: QWidget) -> None:
    """After the system's palette changed: the chosen colours again, for everything under ``root``
    (from ``root``'s palette: its children may not have taken the new one yet)."""
    colours = screen_colours(root.palette())
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.property(TONE):
            _apply_tone(widget, colours)
        if widget.property(FIELD):
            widget.setStyleSheet(field_style(widget.property(FIELD) == "refused"))
        if widget.property(FRAMED):
            frame_paper(widget, colours)


# -- type sizes -------------------------------------------------------------------------------------

def points(size: float) -> int:
    """``size`` (a point size of the type scale in :mod:`decision_aid.palette`) on this screen:
    never smaller than the system font makes it, in proportion to the body size (with an 18 pt
    system font the body text is 18 pt and a heading 22 pt, larger than the field labels; it was
    16 pt, smaller). At the usual 9 to 13 pt system fonts the scale is as chosen."""
    system = QApplication.font().pointSizeF()
    return round(max(size, system * size / palette.BODY)) if system > 0 else round(size)


def sized(font: QFont, size: float, bold: bool | None = None) -> QFont:
    """``font`` at the screen size of ``size`` (see :func:`points`), bold if asked."""
    font = QFont(font)
    font.setPointSize(points(size))
    if bold is not None:
        font.setBold(bold)
    return font


# -- fields -----------------------------------------------------------------------------------------

FIELD = "fieldStyle"  # property of a field styled here: "plain" or "refused"
FRAMED = "framedPaper"  # property of a view framed by frame_paper


def field_style(refused: bool = False) -> str:
    """A field's style sheet: a 3:1 border (a thick one in the refused colour when ``refused``),
    a thick focus border, the palette's own background and text, a 5:1 placeholder."""
    return _field_style(screen_colours(), refused)


@lru_cache(maxsize=16)
def _field_style(colours: ScreenColours, refused: bool) -> str:
    style = f"""
QLineEdit, QComboBox, QPlainTextEdit {{
    border: 1px solid {colours.border}; border-radius: 3px; padding: 3px;
    background: palette(base); color: palette(text); placeholder-text-color: {colours.placeholder};
}}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus {{ border: 2px solid {colours.focus}; padding: 2px; }}
QComboBox QLineEdit, QComboBox QLineEdit:focus {{ border: none; padding: 0px; }}
"""
    if refused:  # a thick border (with the sign and words beside it, never colour alone)
        style += f"""
QLineEdit, QComboBox {{ border: 2px solid {colours.refused}; padding: 2px; }}
QLineEdit:focus, QComboBox:focus {{ border: 2px solid {colours.focus}; padding: 2px; }}
"""
    return style


def set_field_style(field: QWidget, refused: bool = False) -> None:
    """Style ``field`` (once per change: setting a style sheet re-polishes it, about 2 ms)."""
    style = field_style(refused)
    field.setProperty(FIELD, "refused" if refused else "plain")
    if field.styleSheet() != style:
        field.setStyleSheet(style)


def frame_paper(view: QWidget, colours: ScreenColours | None = None) -> None:
    """A 1-pixel border, 3:1 against the window, round a view with its own white (the charts)."""
    border = (colours or screen_colours(view.palette())).border
    view.setProperty(FRAMED, True)
    view.setStyleSheet(f"{type(view).__name__} {{ border: 1px solid {border}; }}")


def style_fields(root: QWidget) -> QWidget:
    """Give every field under ``root`` (and ``root`` itself) a border with 3:1 contrast and a
    thick focus border; fields that already have a style sheet of their own are left alone."""
    fields = [root, *root.findChildren(QWidget)]
    for field in fields:
        if isinstance(field, OWN_FOCUS) and not isinstance(field.parentWidget(), QComboBox) \
                and (not field.styleSheet() or field.property(FIELD)):
            set_field_style(field, field.property(FIELD) == "refused")
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
    """A ring around whatever has the keyboard focus inside ``host`` (an overlay on it, clipped to
    what is visible of the focused widget, e.g. inside a scroll area). ``host`` is the window's
    central widget, or a dialog itself. Focus outside it (the menu bar, another window) shows none."""

    def __init__(self, window: QWidget, host: QWidget | None = None) -> None:
        super().__init__(host or window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._window = window
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []
        self._clip = QRect()
        self._ring = QRect()
        window.setProperty("focusRing", True)  # AccessibleStyle leaves the focus to this ring
        self.hide()
        QApplication.instance().focusChanged.connect(self._follow)
        for area in window.findChildren(QAbstractScrollArea):
            self.watch_scrolling(area)

    def watch_scrolling(self, area: QAbstractScrollArea) -> None:
        area.verticalScrollBar().valueChanged.connect(self.place)
        area.horizontalScrollBar().valueChanged.connect(self.place)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        for watched in self._watched:
            try:
                watched.removeEventFilter(self)
            except RuntimeError:  # deleted meanwhile (a note's row, a rebuilt panel): nothing to remove
                pass
        if isinstance(self.target, QTabBar):
            try:
                self.target.currentChanged.disconnect(self.place)
            except RuntimeError:
                pass
        self.target, self._watched = None, []
        # Only inside the widget the ring is drawn on: the menu bar (Alt+E) and the status bar are
        # outside it (a stray ring line was drawn across the toolbar, and mapping their position
        # into it printed "QWidget::mapTo(): parent must be in parent hierarchy").
        host = self.parentWidget()
        if new is None or isinstance(new, OWN_FOCUS) or isinstance(new.parentWidget(), QComboBox) \
                or new is self or host is None or not host.isAncestorOf(new):
            self.hide()
            return
        self.target = new
        # The widget and every container up to the host: a layout that moves a container (a panel
        # appearing above it) moves the widget without telling it.
        widget = new
        while widget is not None and widget is not host:
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        if isinstance(new, QTabBar):
            new.currentChanged.connect(self.place)
        self.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched in self._watched and event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
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
        clip = visible.translated(offset).adjusted(-margin, -margin, margin, margin)
        area = ring.intersected(host.rect())
        self.setGeometry(area)
        self._ring = ring.translated(-area.topLeft())
        self._clip = clip.translated(-area.topLeft())
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(self._clip)
        pen = QPen(QColor(screen_colours(self.palette()).focus), RING)
        painter.setPen(pen)
        half = RING / 2
        painter.drawRoundedRect(self._ring.adjusted(0, 0, -1, -1).toRectF().adjusted(half, half, -half, -half), 3, 3)
        painter.end()


# -- check boxes, radio buttons, the current cell, checked tool buttons -------------------------------

class AccessibleStyle(QProxyStyle):
    """The system's style (Fusion on Linux), with the parts it draws too faintly drawn in
    :func:`screen_colours`: check box and radio outlines (Fusion: 1.65:1 and 2:1), the current
    table cell and selected rows (1.16:1), a checked tool button (the toolbar's view and horizon:
    2:1 border, 1.2:1 fill), and the focus frame of a table's current cell."""

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 (Qt name)
        kind = QStyle.PrimitiveElement
        if element in (kind.PE_IndicatorCheckBox, kind.PE_IndicatorItemViewItemCheck):
            _paint_check(option, painter)
        elif element == kind.PE_IndicatorRadioButton:
            _paint_radio(option, painter)
        elif element == kind.PE_FrameFocusRect and isinstance(widget, QAbstractItemView):
            _paint_frame(painter, QRectF(option.rect), screen_colours(option.palette).focus, RING)
        elif element == kind.PE_FrameFocusRect and widget is not None and widget.window().property("focusRing"):
            return  # the window's FocusRing shows it (one ring, never two)
        elif element == kind.PE_PanelButtonTool and option.state & QStyle.StateFlag.State_On:
            colours = screen_colours(option.palette)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor(colours.selected))
            painter.setPen(QPen(QColor(colours.text), 1))
            painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
            painter.restore()
        elif element == kind.PE_PanelItemViewItem:
            super().drawPrimitive(element, _selection_colours(QStyleOptionViewItem(option)), painter, widget)
        else:
            super().drawPrimitive(element, option, painter, widget)

    def drawControl(self, element, option, painter, widget=None) -> None:  # noqa: N802
        if element == QStyle.ControlElement.CE_ItemViewItem:
            option = _selection_colours(QStyleOptionViewItem(option))
        super().drawControl(element, option, painter, widget)

    def drawComplexControl(self, control, option, painter, widget=None) -> None:  # noqa: N802
        if control == QStyle.ComplexControl.CC_ToolButton and option.state & QStyle.StateFlag.State_On:
            option = QStyleOptionToolButton(option)
            colours = screen_colours(option.palette)
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
                    option.palette.setColor(group, role, QColor(colours.on_selected))
        super().drawComplexControl(control, option, painter, widget)


def install_accessible_style() -> None:
    """Make :class:`AccessibleStyle` the application's style, over the one it has (once)."""
    app = QApplication.instance()
    if app is not None and not isinstance(app.style(), AccessibleStyle):
        app.setStyle(AccessibleStyle(QStyleFactory.create(app.style().name())))


def _selection_colours(option: QStyleOptionViewItem) -> QStyleOptionViewItem:
    colours = screen_colours(option.palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        option.palette.setColor(group, QPalette.ColorRole.Highlight, QColor(colours.selected))
        option.palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(colours.on_selected))
    return option


def _paint_frame(painter: QPainter, rect: QRectF, colour: str, width: float) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(colour), width))
    painter.drawRect(rect.adjusted(width / 2, width / 2, -width / 2, -width / 2))
    painter.restore()


def _indicator_colours(option: QStyleOption) -> tuple[QColor, QColor, QColor]:
    """(outline, fill, mark) for a check box or radio button; an unavailable one is drawn lighter."""
    colours = screen_colours(option.palette)
    outline, mark = colours.border, colours.field_text
    if not option.state & QStyle.StateFlag.State_Enabled:  # inactive: exempt from contrast, still seen
        outline, mark = palette.mix(colours.border, colours.base, 0.5), palette.mix(colours.field_text, colours.base, 0.5)
    return QColor(outline), QColor(colours.base), QColor(mark)


def _indicator_box(option: QStyleOption) -> QRectF:
    """A square on whole pixels inside the indicator's rectangle: a 2-pixel outline centred on
    its edges covers whole pixels (its colour is drawn as chosen, not blurred to 2:1)."""
    rect = option.rect
    side = min(rect.width(), rect.height()) - 2
    left = rect.x() + (rect.width() - side) // 2
    top = rect.y() + (rect.height() - side) // 2
    return QRectF(left, top, side, side)


def _paint_check(option: QStyleOption, painter: QPainter) -> None:
    outline, fill, mark = _indicator_colours(option)
    box = _indicator_box(option)
    side = box.width()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(fill)
    painter.setPen(QPen(outline, 2))
    painter.drawRect(box)
    painter.setPen(QPen(mark, max(1.5, side / 7), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    if option.state & QStyle.StateFlag.State_On:
        tick = QPainterPath(QPointF(box.left() + side * 0.22, box.top() + side * 0.52))
        tick.lineTo(box.left() + side * 0.42, box.top() + side * 0.72)
        tick.lineTo(box.left() + side * 0.78, box.top() + side * 0.28)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    elif option.state & QStyle.StateFlag.State_NoChange:
        middle = box.center().y()
        painter.drawLine(QPointF(box.left() + side * 0.25, middle), QPointF(box.right() - side * 0.25, middle))
    painter.restore()


def _paint_radio(option: QStyleOption, painter: QPainter) -> None:
    outline, fill, mark = _indicator_colours(option)
    circle = _indicator_box(option)
    side = circle.width()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(fill)
    painter.setPen(QPen(outline, 2))
    painter.drawEllipse(circle)
    if option.state & QStyle.StateFlag.State_On:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mark)
        dot = side * 0.25
        painter.drawEllipse(circle.center(), dot, dot)
    painter.restore()
