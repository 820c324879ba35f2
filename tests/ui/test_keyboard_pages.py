"""Every page with the keyboard alone (issue 27, items 2, 4 and 5): Tab and Shift+Tab leave every
table, the arrow keys move inside it and the page follows its current cell; every page opens at
its top with the focus on its first item; every text on a page is reached by Tab (as a stop, or in
what a stop says); How calculated is read and scrolled with the caret keys; the focus ring is
drawn only where the focus is."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QRadioButton, QTableView, QTableWidget,
    QTextEdit, QWidget,
)

from helpers import accessible_text, type_profile

MNEMONIC = re.compile(r"&([^&\s])")


def normal(text: str) -> str:
    return " ".join(text.replace("&", "").replace("\u2026", "").split()).casefold()


def open_tab(qtbot, window, index: int) -> None:
    """Show tab ``index`` and wait until it is shown and laid out (a page is built on first view
    and shown on the next turn of the event loop)."""
    window.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: any(w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                                for w in page_of(window).findChildren(QWidget)), timeout=5000)
    def laid_out() -> bool:
        page = window.scroll.widget()
        wanted = page.layout().heightForWidth(page.width())
        wanted = wanted if wanted > 0 else page.layout().sizeHint().height()
        return abs(page.height() - max(wanted, window.scroll.viewport().height())) <= 1

    qtbot.waitUntil(laid_out, timeout=5000)


def page_of(window):
    return window.tabs.currentWidget()


def tab_round(qtbot, window, limit: int = 600) -> list:
    """Every stop Tab reaches, from the tab list round the window back to it (a trap never returns)."""
    bar = window.tabs.tabBar()
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    stops = [bar]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None and focus is not stops[-1], f"Tab stayed on {accessible_text(stops[-1])!r}"
        if focus is bar:
            # round the whole window: the toolbar and the profile too (from the Sheet tab's last
            # button Tab went back to the tab list, round the page alone)
            assert window.toolbar.buttons()[0] in stops and window.profile_form.age in stops, \
                f"{window.tabs.tabText(window.tabs.currentIndex())!r}: Tab goes round the page, never out of it"
            return stops
        stops.append(focus)
    raise AssertionError(f"Tab never came back to the tab list from {window.tabs.tabText(window.tabs.currentIndex())!r}:"
                         f" trapped at {accessible_text(QApplication.focusWidget())!r}")


def tab_through_page(qtbot, window) -> list:
    """The stops of the shown page, in Tab order (the estimate's come before the tab list, the
    other pages' after it), one after the other (never some of them after the toolbar)."""
    page = page_of(window)
    round_trip = tab_round(qtbot, window)
    inside = [i for i, stop in enumerate(round_trip) if page.isAncestorOf(stop)]
    assert inside == list(range(inside[0], inside[0] + len(inside))) if inside else True, \
        f"{window.tabs.tabText(window.tabs.currentIndex())!r}: the page's stops are not one after the other"
    return [round_trip[i] for i in inside]


def heard(widget) -> str:
    """What a screen reader says at a stop: name, description, its text, what labels it, a table's cells."""
    parts = [accessible_text(widget), accessible_text(widget, QAccessible.Text.Description)]
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        parts.append(widget.toPlainText())
    if isinstance(widget, QTableWidget):
        parts += [widget.item(r, c).text() for r in range(widget.rowCount()) for c in range(widget.columnCount())
                  if widget.item(r, c) is not None]
        parts += [widget.horizontalHeaderItem(c).text() for c in range(widget.columnCount())
                  if widget.horizontalHeaderItem(c) is not None]
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget:
            parts.append(label.text())
    if isinstance(widget, QRadioButton) and widget.group() is not None:  # the arrow keys reach the others
        parts += [accessible_text(button) for button in widget.group().buttons()]
    return normal(" ".join(parts))


def shown_texts(page) -> set[str]:
    texts = set()
    for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        if widget.isVisible() and normal(widget.text()):
            texts.add(normal(widget.text()))
    for edit in page.findChildren(QLineEdit):
        if edit.isVisible() and edit.text() and not isinstance(edit.parentWidget(), QComboBox):
            texts.add(normal(edit.text()))
    return texts


def test_tab_and_shift_tab_leave_every_table_and_the_arrows_move_inside(qtbot, window):
    """Qt's Tab-between-cells was left on in the context tabs' tables: Tab, Shift+Tab and Ctrl+Tab
    wrapped inside them (after 60 presses the focus was still there)."""
    type_profile(qtbot, window)
    window.resize(1280, 800)
    tables = []
    for index in range(window.tabs.count()):
        open_tab(qtbot, window, index)
        tables += [t for t in page_of(window).findChildren(QTableView) if t.isVisible()]
        for table in [t for t in page_of(window).findChildren(QTableView) if t.isVisible()]:
            assert not table.tabKeyNavigation(), table.accessibleName()
            table.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.keyClick(table, Qt.Key.Key_Tab)
            assert not table.isAncestorOf(QApplication.focusWidget()) and QApplication.focusWidget() is not table
            table.setFocus(Qt.FocusReason.BacktabFocusReason)
            qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
            assert QApplication.focusWidget() is not table
            table.setFocus(Qt.FocusReason.TabFocusReason)
            table.setCurrentIndex(table.model().index(0, 0))
            qtbot.keyClick(table, Qt.Key.Key_Down)
            qtbot.keyClick(table, Qt.Key.Key_Right)
            assert (table.currentIndex().row(), table.currentIndex().column()) == (1, 1)
    names = {t.accessibleName() for t in tables}
    assert len(tables) >= 4, names  # the year table, Risks, Studies and Guidance


def test_the_page_follows_a_tables_current_cell(qtbot, window):
    type_profile(qtbot, window)
    window.resize(1280, 800)
    open_tab(qtbot, window, [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())].index("Risks"))
    table = next(t for t in page_of(window).findChildren(QTableView) if t.isVisible())
    table.setFocus(Qt.FocusReason.TabFocusReason)
    table.setCurrentIndex(table.model().index(0, 0))
    viewport = window.scroll.viewport()
    for _ in range(table.model().rowCount() - 1):
        qtbot.keyClick(table, Qt.Key.Key_Down)
        cell = table.visualRect(table.currentIndex())
        top_left = table.viewport().mapTo(viewport, cell.topLeft())
        bottom = table.viewport().mapTo(viewport, cell.bottomLeft())
        assert viewport.rect().contains(top_left) and viewport.rect().contains(bottom), \
            f"row {table.currentIndex().row()} out of view"
    assert window.scroll.verticalScrollBar().value() > 0


def test_every_page_opens_at_its_top_with_the_focus_on_its_first_item(qtbot, window):
    """Alt and a tab's letter from inside a page put the focus on an unnamed container (or on the
    item last focused there) and opened the new page scrolled to its middle."""
    type_profile(qtbot, window)
    window.resize(1280, 800)
    bar = window.tabs.tabBar()
    count = window.tabs.count()
    first, last = [], []
    for index in range(count):  # each page's first and last stops, as Tab reaches them
        open_tab(qtbot, window, index)
        stops = tab_through_page(qtbot, window)
        first.append(stops[0])
        last.append(stops[-1])
    for index in range(count):
        previous = (index + 1) % count
        open_tab(qtbot, window, previous)
        last[previous].setFocus()  # deep inside that page, scrolled down to it
        (key,) = MNEMONIC.findall(bar.tabText(index))
        qtbot.keyClick(QApplication.focusWidget(), key.lower(), Qt.KeyboardModifier.AltModifier)
        assert window.tabs.currentIndex() == index
        qtbot.waitUntil(lambda: QApplication.focusWidget() is first[index], timeout=3000)
        assert accessible_text(first[index]), bar.tabText(index)
        top = window.tabs.mapTo(window.scroll.widget(), QPoint(0, 0)).y()
        assert window.scroll.verticalScrollBar().value() <= top, bar.tabText(index)
    # From the tab list the focus stays on the tab list (the arrow keys go on through the tabs).
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is bar


def test_every_text_on_every_page_is_reached_by_tab_named_and_never_trapped(qtbot, window):
    type_profile(qtbot, window)
    window.resize(1280, 800)
    for audience in ("patient", "clinician"):
        window.set_audience(audience)
        window.flush()
        for index in range(window.tabs.count()):
            open_tab(qtbot, window, index)
            tab = f"{audience}: {window.tabs.tabText(index)}"
            stops = tab_through_page(qtbot, window)
            unnamed = [type(s).__name__ for s in stops if not accessible_text(s)]
            assert not unnamed, f"{tab}: unnamed stops {unnamed}"
            said = " | ".join(heard(s) for s in stops)
            unread = sorted(t for t in shown_texts(page_of(window)) if t not in said)
            assert not unread, f"{tab}: shown but no stop says it: {unread}"
            # Shift+Tab goes back the same way, stop by stop, and out of the page.
            round_trip = tab_round(qtbot, window)
            for stop in reversed(stops):
                stop.setFocus(Qt.FocusReason.BacktabFocusReason)
                qtbot.keyClick(stop, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
                assert QApplication.focusWidget() is round_trip[round_trip.index(stop) - 1], tab


def test_how_calculated_is_read_and_scrolled_with_the_caret(qtbot, window):
    """One focus stop over about 2300 pixels of text that PageDown, the arrows and Ctrl+End did not scroll."""
    type_profile(qtbot, window)
    window.resize(1280, 800)
    open_tab(qtbot, window, 1)
    panel = window.method_panel
    bar = window.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert panel.height() > 2 * window.scroll.viewport().height()
    panel.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(panel, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == bar.maximum() > 0
    qtbot.keyClick(panel, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    top = bar.value()
    qtbot.keyClick(panel, Qt.Key.Key_PageDown)
    assert bar.value() - top > window.scroll.viewport().height() // 2
    line = panel.textCursor().blockNumber()
    for _ in range(3):
        qtbot.keyClick(panel, Qt.Key.Key_Down)
    assert panel.textCursor().blockNumber() > line  # the caret reads on, line by line
    caret = panel.viewport().mapTo(window.scroll.viewport(), panel.cursorRect().center())
    assert window.scroll.viewport().rect().contains(caret)
    qtbot.keyClick(panel, Qt.Key.Key_PageUp)
    assert bar.value() <= top + 2


def test_the_focus_ring_follows_a_box_moved_by_the_comparison_and_never_marks_the_menu_bar(qtbot, window):
    """After "Pin to compare" the ring stayed painted over the legend while the box had moved down;
    a stray ring line was drawn across the toolbar while the menu bar was active."""
    type_profile(qtbot, window)
    window.resize(1280, 800)
    ring, box = window.focus_ring, window.compare_button
    box.setFocus()
    qtbot.waitUntil(lambda: ring.isVisible() and ring.target is box)
    qtbot.keyClick(box, Qt.Key.Key_Space)  # pin: the comparison appears above and moves the box down
    assert window.session.pinned is not None

    def ring_round_the_box() -> bool:
        if not box.isVisible():
            return not ring.isVisible()
        where = box.mapTo(ring.parentWidget(), QPoint(0, 0))
        return not ring.isVisible() or ring.geometry().contains(where + QPoint(1, 1))

    qtbot.waitUntil(ring_round_the_box)
    visible = box.visibleRegion()
    assert ring.isVisible() == (not visible.isEmpty())
    window.menuBar().setFocus(Qt.FocusReason.MenuBarFocusReason)
    qtbot.waitUntil(lambda: not ring.isVisible())


def test_the_focus_ring_follows_a_box_whose_container_a_panel_moves(qtbot):
    """A panel appearing above a container (the comparison above the chart's column) moves the
    focused box without moving it inside its parent: the box gets no Move event of its own, and
    the ring stayed where the box had been."""
    from PySide6.QtWidgets import QCheckBox, QVBoxLayout

    from decision_aid.ui.style import GAP, RING, FocusRing

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    panel, column = QLabel("Pinned: Age 38"), QWidget()
    panel.setFixedHeight(120)
    panel.hide()
    box = QCheckBox("Pin to compare", column)
    box.move(4, 4)
    column.setFixedHeight(40)
    layout.addWidget(panel)
    layout.addWidget(column)
    layout.addStretch()
    host.resize(300, 300)
    ring = FocusRing(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    box.setFocus()
    qtbot.waitUntil(lambda: ring.isVisible() and ring.target is box)

    def round_the_box() -> bool:
        margin = RING + GAP
        return ring.geometry() == QRect(box.mapTo(host, QPoint(0, 0)), box.size()).adjusted(
            -margin, -margin, margin, margin).intersected(host.rect())

    assert round_the_box()
    panel.show()  # the column moves down by the panel's height; the box stays at (4, 4) in it
    qtbot.waitUntil(lambda: column.y() > 120)
    qtbot.waitUntil(round_the_box)


def test_the_user_guide_shows_where_its_focus_is(qtbot, window):
    guide = window.user_guide()
    guide.show()
    qtbot.waitExposed(guide)
    guide.browser.setFocus()
    rings = [r for r in guide.findChildren(QWidget, "focusRing")]  # Fusion's focused frame differed by 1.73:1
    assert rings, "no focus ring in the user guide"
    qtbot.waitUntil(lambda: rings[0].isVisible() and rings[0].target is guide.browser)
    close = guide.findChild(QAbstractButton)
    close.setFocus()
    qtbot.waitUntil(lambda: rings[0].target is close)
    guide.close()
