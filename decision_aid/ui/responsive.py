"""Layout pieces that keep everything reachable in narrow and zoomed windows (down to about
640 x 400 logical pixels, e.g. 200% scaling on a 1280 x 800 screen).

- :class:`FlowLayout` and :class:`ToolRow`: a toolbar whose buttons wrap onto a second line
  instead of hiding in an unnamed overflow button.
- :class:`ResponsiveRow`: two parts side by side when there is room, one above the other when not.
- :class:`SideAndPage`: a side column that stays in place beside a scrolling page when there is
  room, and scrolls with the page, above it, when not.
- :class:`PageStack` and :func:`size_to_current_page`: a stack (or tab widget) as tall as the page
  it shows, not as tall as its tallest page, so one outer scroll area scrolls just what is seen.
- :class:`AdaptiveTabBar`: tabs along the top while they fit; otherwise a vertical list of tabs
  with horizontal text, never tabs hidden behind scroll arrows.
- :func:`fit_to_contents`: a read-only text view as tall as its text (no scroll bar of its own
  inside the page's scroll area), read with the keyboard's caret, which the page follows.
- :func:`follow_current_cell`: a table as tall as its rows whose current cell the page follows.
- :class:`WrapRadioButton`: a radio button whose text wraps (Qt's never does: the Values tab
  scrolled sideways by 248 px at 125% on a 1366 x 768 screen).
- :func:`fit_on_screen`: a window (and its frame) inside the screen's available area.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractScrollArea, QBoxLayout, QFrame, QLayout, QRadioButton, QScrollArea,
    QSizePolicy, QStackedWidget, QStyle, QStyleOptionButton, QStyleOptionTab, QStylePainter, QTableView, QTabBar,
    QTabWidget, QTextEdit, QToolButton, QWidget,
)


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next line when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list = []
        self._spacing = spacing
        self.setContentsMargins(4, 2, 4, 2)

    def addItem(self, item) -> None:  # noqa: N802 (Qt name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() + self._spacing for i in self._items if not i.isEmpty())
        height = max((i.sizeHint().height() for i in self._items if not i.isEmpty()), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        margins = self.contentsMargins()
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class ToolRow(QWidget):
    """The window's toolbar as a wrapping row: every button stays visible and named.

    The same calls as a QToolBar (``addAction``, ``addWidget``, ``addSeparator``,
    ``widgetForAction``), so actions are added the same way."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainToolbar")
        self.setAccessibleName(name)
        self._flow = FlowLayout(self)
        self._buttons: dict = {}
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def addAction(self, action) -> QToolButton:  # noqa: N802 (QToolBar's name)
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._flow.addWidget(button)
        self._buttons[action] = button
        return button

    def addWidget(self, widget: QWidget) -> QWidget:  # noqa: N802
        self._flow.addWidget(widget)
        return widget

    def addSeparator(self) -> QFrame:  # noqa: N802
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self._flow.addWidget(line)
        return line

    def widgetForAction(self, action) -> QAbstractButton | None:  # noqa: N802
        return self._buttons.get(action)

    def buttons(self) -> list[QToolButton]:
        return list(self._buttons.values())

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._flow.heightForWidth(width)

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = self._flow.sizeHint()
        return QSize(hint.width(), self.heightForWidth(self.width()) if self.width() > 0 else hint.height())


class ResponsiveRow(QWidget):
    """Two or more parts side by side from ``breakpoint`` pixels wide, one above the other below
    it (with a little hysteresis so a scroll bar appearing cannot make it flip back and forth)."""

    HYSTERESIS = 24

    def __init__(self, name: str, breakpoint: int, parent: QWidget | None = None, arranged=None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.breakpoint = breakpoint
        self._arranged = arranged  # called after the direction changed
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self._stretch: list[tuple[int, int]] = []  # (side by side, stacked) per part

    def add(self, widget: QWidget, stretch: int = 0, stacked_stretch: int = 0,
            alignment: Qt.AlignmentFlag = Qt.AlignmentFlag(0)) -> None:
        self.box.addWidget(widget, stretch, alignment)
        self._stretch.append((stretch, stacked_stretch))

    def side_by_side(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.LeftToRight

    def arrange(self, width: int) -> None:
        wide = width >= self.breakpoint + (0 if self.side_by_side() else self.HYSTERESIS)
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if direction != self.box.direction():
            self.box.setDirection(direction)
            for index, (side, stacked) in enumerate(self._stretch):
                self.box.setStretch(index, side if wide else stacked)
            if self._arranged is not None:
                self._arranged()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.arrange(event.size().width())
        super().resizeEvent(event)


class SideAndPage(QWidget):
    """A side column (the profile) that stays in place beside a scrolling page while the window is
    at least ``breakpoint`` pixels wide (it scrolls on its own only if it is taller than the
    window), and moves into the page, above the page's content, when narrower: then one area
    scrolls everything (zoomed and small windows). Never one scroll area inside another.

    ``scroll`` is the page's scroll area and ``page`` the widget it scrolls; ``arranged`` is
    called after the side column moved."""

    HYSTERESIS = ResponsiveRow.HYSTERESIS

    def __init__(self, side: QWidget, content: QWidget, breakpoint: int, arranged=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sideAndPage")
        self.side, self.breakpoint, self._arranged = side, breakpoint, arranged
        self.side_scroll = _quiet_scroll_area("sideScroll")
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page = QWidget()
        self.page.setObjectName("mainPage")
        self._page_box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.page)
        self._page_box.setContentsMargins(0, 0, 0, 0)
        self._page_box.setSpacing(8)
        self._page_box.addWidget(content, 1)
        self.scroll = _quiet_scroll_area("pageScroll")
        self.scroll.setWidget(self.page)
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)  # the room kept for the side's scroll bar is the gap
        row.addWidget(self.side_scroll, 0)
        row.addWidget(self.scroll, 1)
        self._beside = True
        self.side_scroll.setWidget(side)

    def side_by_side(self) -> bool:
        return self._beside

    def arrange(self, width: int) -> None:
        wide = width >= self.breakpoint + (0 if self._beside else self.HYSTERESIS)
        if wide == self._beside:
            return
        # The window's own focus, not the application's: before the window is first active (the
        # first show, where a narrow window moves the profile) the application has none, and the
        # keyboard started on the toolbar instead of Age.
        focus = self.window().focusWidget()
        had_focus = focus is not None and (focus is self.side or self.side.isAncestorOf(focus))
        if wide:
            self._page_box.removeWidget(self.side)
            self.side_scroll.setWidget(self.side)
        else:
            self.side_scroll.takeWidget()
            self._page_box.insertWidget(0, self.side, 0)
        self.side_scroll.setVisible(wide)
        self.side.show()
        self._beside = wide
        # Laid out now, not at the next turn of the event loop: called while the window is being
        # shown, the page's children were shown (and the tabs chose their place) at the width they
        # had beside the side column, 480 px in a 784 px window, then moved when the layout ran.
        self.layout().activate()
        if self._arranged is not None:
            self._arranged()
        if had_focus:  # moving a widget takes the keyboard's focus from it: given back
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_side_width(self, width: int) -> None:
        """The side column's width beside the page, with room for its own scroll bar."""
        bar = self.side_scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.side_scroll)
        self.side_scroll.setFixedWidth(width + bar)

    def scroll_for(self, widget: QWidget) -> QScrollArea | None:
        """The scroll area that shows ``widget``, or None."""
        for area in (self.side_scroll, self.scroll):
            inner = area.widget()
            if inner is not None and (inner is widget or inner.isAncestorOf(widget)):
                return area
        return None

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.arrange(event.size().width())
        super().resizeEvent(event)


def _quiet_scroll_area(name: str) -> QScrollArea:
    """A frameless scroll area that sizes its widget to itself and is never a Tab stop of its own
    (an unnamed, invisible stop)."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class _CurrentOnly(QWidget):
    """Holds one page of a stack; only the shown page reports a size, so the stack fits it."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        self.active = False
        self._heights: dict[int, int] = {}
        layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page)

    def sizeHint(self) -> QSize:  # noqa: N802
        return super().sizeHint() if self.active else QSize(0, 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return super().minimumSizeHint() if self.active else QSize(0, 0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return self.active and super().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """Cached per width until the page's layout changes: one update asked it about 45 times at
        a third of a millisecond each (measured), a keystroke's repaint doubled."""
        if not self.active:
            return -1
        cached = self._heights.get(width)
        if cached is None:
            cached = self._heights[width] = super().heightForWidth(width)
        return cached

    def event(self, event) -> bool:  # noqa: D102
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        return super().event(event)

    def forget_heights(self) -> None:
        self._heights.clear()


def current_only(page: QWidget) -> QWidget:
    """Wrap ``page`` for a stack or tab widget sized by :func:`size_to_current_page`."""
    return _CurrentOnly(page)


def size_to_current_page(stack: QStackedWidget | QTabWidget) -> None:
    """Make ``stack`` (pages made with :func:`current_only`) as large as its current page."""

    def update(_index: int = 0) -> None:
        current = stack.currentWidget()
        for index in range(stack.count()):
            page = stack.widget(index)
            if isinstance(page, _CurrentOnly):
                page.active = page is current
                page.forget_heights()
                page.updateGeometry()
        stack.updateGeometry()

    stack.currentChanged.connect(update)
    update()


class PageStack(QStackedWidget):
    """A stacked widget as tall as the page it shows; ``page(i)`` is the page as added."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        size_to_current_page(self)

    def add_page(self, page: QWidget) -> int:
        index = self.addWidget(current_only(page))
        self.currentChanged.emit(self.currentIndex())  # size the new page's wrapper
        return index

    def page(self, index: int) -> QWidget:
        return self.widget(index).page

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802 (Qt name)
        """Show page ``index``. While the window is hidden, the page's layout waits for the show:
        Qt lays a page out when the stack shows it, and before the window's first show that was at
        the size the page had when built, a layout the show then did again at the real width (the
        switch took 20 to 28 ms of each start)."""
        wrapper = self.widget(index)
        layout = wrapper.layout() if wrapper is not None and not self.window().isVisible() else None
        if layout is None or not layout.isEnabled():
            super().setCurrentIndex(index)
            return
        layout.setEnabled(False)
        try:
            super().setCurrentIndex(index)
        finally:
            layout.setEnabled(True)


LIST_NAME_WIDTH = 160  # px: a tab name wider than this takes two lines in a list at the side


class AdaptiveTabBar(QTabBar):
    """A tab bar that is either along the top or, when its tabs do not fit the width, a vertical
    list on the left with horizontal text (no scroll arrows either way)."""

    def vertical(self) -> bool:
        return self.shape() in (QTabBar.Shape.RoundedWest, QTabBar.Shape.TriangularWest)

    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802
        size = super().tabSizeHint(index)
        if self.vertical():
            size.transpose()  # the Western tab's size, turned back: room for horizontal text
            size.setWidth(max(size.width(), 120))
        # Qt makes room for one line: a name on two lines (texts_that_fit, list_texts) gets its second
        size.setHeight(size.height() + self.tabText(index).count("\n") * self.fontMetrics().lineSpacing())
        return size

    def horizontal_width(self) -> int:
        """The width all tabs need side by side."""
        return sum(self._horizontal_tab_width(i) for i in range(self.count()))

    def _horizontal_tab_width(self, index: int) -> int:
        hint = QTabBar.tabSizeHint(self, index)
        return _transposed(hint).width() if self.vertical() else hint.width()

    def _text_width(self, text: str) -> int:
        return max(self.fontMetrics().horizontalAdvance(line.replace("&", "")) for line in text.split("\n"))

    def one_line_texts(self) -> list[str]:
        return [self.tabText(i).replace("\n", " ") for i in range(self.count())]

    def texts_that_fit(self, width: int) -> list[str] | None:
        """The tab names that fit ``width`` side by side: on one line, or with the fewest of the
        widest names broken onto two lines (at the space nearest their middle); None if they cannot."""
        texts = self.one_line_texts()
        padding = [self._horizontal_tab_width(i) - self._text_width(self.tabText(i)) for i in range(self.count())]
        widths = [self._text_width(t) + pad for t, pad in zip(texts, padding)]
        for index in sorted(range(len(texts)), key=lambda i: -widths[i]):
            if sum(widths) <= width:
                return texts
            wrapped = _two_lines(texts[index])
            texts[index], widths[index] = wrapped, self._text_width(wrapped) + padding[index]
        return texts if sum(widths) <= width else None

    def list_texts(self) -> list[str]:
        """The names for a list at the side: a name wider than :data:`LIST_NAME_WIDTH` on two lines,
        so that the list leaves the page its width (a Spanish window at 1024 px: issue 25 item 4)."""
        return [_two_lines(t) if self._text_width(t) > LIST_NAME_WIDTH else t for t in self.one_line_texts()]

    def show_texts(self, texts: list[str]) -> None:
        """Set the tab names (a screen reader reads each on one line, as the menus name it)."""
        for index, text in enumerate(texts):
            if self.tabText(index) != text:
                self.setTabText(index, text)
                self.setAccessibleTabName(index, text.replace("\n", " ").replace("&", ""))

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self.vertical():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionTab()
        for index in range(self.count()):
            self.initStyleOption(option, index)
            painter.drawControl(QStyle.ControlElement.CE_TabBarTabShape, option)
            painter.save()
            size = option.rect.size()
            size.transpose()
            rect = QRect(QPoint(), size)
            rect.moveCenter(option.rect.center())
            option.rect = rect
            centre = self.tabRect(index).center()
            painter.translate(centre)
            painter.rotate(90)
            painter.translate(-centre)
            painter.drawControl(QStyle.ControlElement.CE_TabBarTabLabel, option)
            painter.restore()


def _two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle (unchanged if it has no space)."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return text
    at = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return f"{text[:at]}\n{text[at + 1:]}"


def _transposed(size: QSize) -> QSize:
    size.transpose()
    return size


class AdaptiveTabWidget(QTabWidget):
    """Tabs on top while they fit; a vertical list of tabs (horizontal text) when they do not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabBar(AdaptiveTabBar(self))
        self.tabBar().setUsesScrollButtons(False)
        self.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.tabBar().setExpanding(False)
        size_to_current_page(self)

    def tabInserted(self, index: int) -> None:  # noqa: N802
        super().tabInserted(index)
        self.currentChanged.emit(self.currentIndex())
        if self.isVisible():  # before the first show the width means nothing: see showEvent
            self._choose_position(self.width())

    def available_width(self) -> int:
        """The width the tabs may take: this widget's width less what the page overflows the
        enclosing scroll area's viewport by. Its own width alone grows when the tabs go to the side,
        and the choice, judged by it, would flip back and forth."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if not isinstance(area, QScrollArea) or area.widget() is None:
            return self.width()
        return self.width() - max(0, area.widget().width() - area.viewport().width())

    def _choose_position(self, _width: int | None = None) -> None:
        """Tabs on top with their names on one line if they fit; else on top with the longest
        names on two lines, as few as needed (a Spanish window at 1280 px: issue 26 item 3); else
        a vertical list, its widest names on two lines."""
        bar: AdaptiveTabBar = self.tabBar()
        texts = bar.texts_that_fit(self.available_width() - 8)
        wanted = QTabWidget.TabPosition.North if texts is not None else QTabWidget.TabPosition.West
        bar.show_texts(texts if texts is not None else bar.list_texts())
        if wanted != self.tabPosition():
            self.setTabPosition(wanted)

    def showEvent(self, event) -> None:  # noqa: N802
        # Laid out but not yet painted: choose once here, so the first paint has the tabs where
        # they stay. Chosen at construction, by the 640 px an unplaced widget has, they went to the
        # side, then back on top after the first resize: the whole window laid out twice at start.
        super().showEvent(event)
        self._choose_position()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        # Not inside the resize: moving the tabs re-lays out the pages (the chart among them) while
        # they are being resized, and pyqtgraph's items crash on that re-entry (seen at 200%).
        QTimer.singleShot(0, self, self._choose_position)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # Never as wide as all the tabs: when they do not fit, they become a vertical list.
        hint = super().minimumSizeHint()
        if self.tabPosition() == QTabWidget.TabPosition.North:
            hint.setWidth(min(hint.width(), 200))
        return hint


class WrapRadioButton(QRadioButton):
    """A radio button whose text wraps to the width it is given, under its indicator's right; as
    narrow as its longest word. Everything else is Qt's radio button (group, keys, accessibility)."""

    FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _indent(self) -> int:
        style = self.style()
        return (style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, self)
                + style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing, None, self) + 2)

    def _text_height(self, width: int) -> int:
        return self.fontMetrics().boundingRect(QRect(0, 0, max(1, width), 100_000), int(self.FLAGS),
                                               self.text()).height()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """As narrow as its longest word, one line tall: the height for a width is heightForWidth's
        (a minimum height for the narrowest width made a layout that tall at every width)."""
        widest = max((self.fontMetrics().horizontalAdvance(word) for word in self.text().split()), default=0)
        return QSize(self._indent() + widest + 2, self.heightForWidth(10_000))

    def sizeHint(self) -> QSize:  # noqa: N802
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + 4
        return QSize(self._indent() + one_line, self.heightForWidth(self._indent() + one_line))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorHeight, None, self)
        return max(indicator, self._text_height(width - self._indent())) + 2

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 (a click anywhere on its lines)
        return self.rect().contains(pos)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        indicator = QStyleOptionButton(option)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, self)
        line = self.fontMetrics().height()
        indicator.rect = QRect(0, max(0, (line - size) // 2) + 1, size, size)
        painter.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorRadioButton, indicator)
        text = self.rect().adjusted(self._indent(), 1, 0, 0)
        painter.drawItemText(text, int(self.FLAGS), self.palette(), self.isEnabled(), self.text(),
                             QPalette.ColorRole.WindowText)


#: a window's frame before it is shown (the title bar, the borders): the window manager's, unknown until then
FRAME_ALLOWANCE = QMargins(8, 40, 8, 8)


def fit_on_screen(window: QWidget, available: QRect | None = None) -> None:
    """Make ``window`` no larger than the screen's available area (less the desktop's panels) and
    move it inside, with its frame (the real one once shown, else :data:`FRAME_ALLOWANCE`). At
    1366 x 768 the window opened 57 pixels below the screen, its status bar hidden. (A window's
    position, ``pos()``, is its frame's; its size is the inside's.)"""
    if available is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
    margins = frame_margins(window)
    extra_width, extra_height = margins.left() + margins.right(), margins.top() + margins.bottom()
    window.resize(min(window.width(), max(available.width() - extra_width, window.minimumWidth())),
                  min(window.height(), max(available.height() - extra_height, window.minimumHeight())))
    width, height = window.width() + extra_width, window.height() + extra_height
    left = min(max(window.x(), available.left()), max(available.left(), available.right() + 1 - width))
    top = min(max(window.y(), available.top()), max(available.top(), available.bottom() + 1 - height))
    window.move(left, top)


def frame_margins(window: QWidget) -> QMargins:
    """The window's frame round its inside: the real one once shown, else :data:`FRAME_ALLOWANCE`."""
    frame, inside = window.frameGeometry(), window.geometry()
    margins = QMargins(inside.left() - frame.left(), inside.top() - frame.top(),
                       frame.right() - inside.right(), frame.bottom() - inside.bottom())
    return margins if window.isVisible() and not margins.isNull() else FRAME_ALLOWANCE


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    """The scroll area whose page holds ``widget`` (the window's one), or None."""
    parent = widget.parentWidget()
    while parent is not None and not (isinstance(parent, QScrollArea) and parent.widget() is not None
                                      and parent.widget().isAncestorOf(widget)):
        parent = parent.parentWidget()
    return parent


def show_in_page(widget: QWidget, rect: QRect, margin: int = 24) -> None:
    """Scroll the page holding ``widget`` so that ``rect`` (in ``widget``'s coordinates) is seen."""
    area = scroll_area_of(widget)
    if area is None:
        return
    centre = widget.mapTo(area.widget(), rect.center())
    area.ensureVisible(centre.x(), centre.y(), rect.width() // 2 + margin, rect.height() // 2 + margin)


def follow_current_cell(table: QTableView) -> None:
    """A table that does not scroll itself (it is as tall as its rows): the arrow keys move its
    current cell, and the page scrolls to keep that cell in view."""
    def follow(current, _previous) -> None:
        if current.isValid() and table.hasFocus():
            show_in_page(table.viewport(), table.visualRect(current))

    table.selectionModel().currentChanged.connect(follow)


def refit_when_columns_settle(table: QTableView, fit) -> None:
    """Call ``fit`` (rows as tall as their wrapped text) once the table's columns have taken a
    new width. Stretched columns take it only after the table's resize, and rows fitted within
    that signal kept their old heights: with an 18 pt font the year table's and the Studies
    table's last lines were cut ("between 77 and 95 in …")."""
    timer = QTimer(table)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(fit)
    table.horizontalHeader().sectionResized.connect(timer.start)


class CaretReading(QObject):
    """The keyboard reads a text view that is as tall as its text (inside the page's scroll area):
    the arrow keys move a caret line by line (a screen reader reads each line), Ctrl+Home and
    Ctrl+End go to the ends, Page Up and Page Down move it by what the page shows, and the page
    scrolls to keep the caret in view. Without this, the view was one focus stop over thousands
    of pixels that no key scrolled."""

    PAGE_KEYS = (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)

    def __init__(self, view: QTextEdit) -> None:
        super().__init__(view)
        self.view = view
        view.setTextInteractionFlags(view.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        view.cursorPositionChanged.connect(self.follow)
        view.installEventFilter(self)

    def follow(self) -> None:
        if self.view.hasFocus():
            show_in_page(self.view.viewport(), self.view.cursorRect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.view and event.type() == QEvent.Type.KeyPress and event.key() in self.PAGE_KEYS:
            self.page(event.key() == Qt.Key.Key_PageDown,
                      bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return True
        return False

    def page(self, down: bool, select: bool = False) -> None:
        """Scroll the page by what it shows (less two lines, so a line is seen twice) and move the
        caret with it, to the same place on the screen."""
        area = scroll_area_of(self.view)
        shown = area.viewport().height() if area is not None else self.view.height()
        caret = self.view.cursorRect()
        step = max(caret.height(), shown - 2 * caret.height())
        if area is not None:
            bar = area.verticalScrollBar()
            bar.setValue(bar.value() + (step if down else -step))
        target = self.view.cursorForPosition(QPoint(caret.x(), caret.center().y() + (step if down else -step)))
        cursor = self.view.textCursor()
        cursor.setPosition(target.position(), QTextCursor.MoveMode.KeepAnchor if select else
                           QTextCursor.MoveMode.MoveAnchor)
        self.view.setTextCursor(cursor)
        self.follow()


def fit_to_contents(view: QTextEdit) -> None:
    """A read-only text view as tall as its text at its width: no scroll bar of its own, so the
    page's one scroll area scrolls it with everything else; the keyboard reads it with a caret
    (:class:`CaretReading`)."""
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    view.setTabChangesFocus(True)
    document = view.document()

    def fit(*_args) -> None:
        document = view.document()  # the view's own each time (a kept wrapper was seen deleted under it)
        width = view.viewport().width()
        if width > 0:
            document.setTextWidth(width)
        margins = view.contentsMargins()
        height = int(document.size().height()) + margins.top() + margins.bottom() + 2 * view.frameWidth() + 4
        if view.height() != height:
            view.setFixedHeight(height)

    document.contentsChanged.connect(fit)
    document.documentLayout().documentSizeChanged.connect(fit)
    view._fit = fit  # kept for resize events and tests
    view._caret = CaretReading(view)
    fit()


__all__ = ["AdaptiveTabWidget", "CaretReading", "FlowLayout", "PageStack", "ResponsiveRow", "ToolRow",
           "WrapRadioButton", "current_only", "fit_on_screen", "fit_to_contents", "frame_margins", "follow_current_cell", "scroll_area_of",
           "show_in_page",
           "size_to_current_page"]
