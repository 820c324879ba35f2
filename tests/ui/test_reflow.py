"""Reflow (issue 27, items 6 and 7): the window opens inside the screen; no page scrolls sideways at
1366 x 768 up to 150% (1920 x 1080 up to 200%); every dialog fits or scrolls; with an 18 pt system
font nothing is cut off and the headings stay larger than the labels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMessageBox, QScrollArea, QTableWidget, QWidget

from helpers import type_profile, unshown_window

#: logical window sizes: 1366 x 768 at 125% and 150% and 1920 x 1080 at 200%, less ~70 px of
#: desktop panels and window frame
SCREENS = {"1366x768 at 125%": (1093, 558), "1366x768 at 150%": (911, 465), "1920x1080 at 200%": (960, 505)}


def settle(qtbot, window, index: int) -> None:
    window.tabs.setCurrentIndex(index)
    page = window.scroll.widget()

    def laid_out() -> bool:
        wanted = page.layout().heightForWidth(page.width())
        wanted = wanted if wanted > 0 else page.layout().sizeHint().height()
        return abs(page.height() - max(wanted, window.scroll.viewport().height())) <= 1

    qtbot.waitUntil(laid_out, timeout=5000)


def sideways(window) -> int:
    return window.scroll.widget().width() - window.scroll.viewport().width()


@pytest.mark.parametrize("screen", SCREENS)
def test_no_page_scrolls_sideways_on_small_and_zoomed_screens(qtbot, window, screen):
    """The Values and Sheet tabs scrolled sideways by 248 and 87 px at 125% on 1366 x 768 (430 and
    269 at 150%): radio buttons do not wrap, nor did two of the Sheet tab's labels."""
    type_profile(qtbot, window)
    window.resize(*SCREENS[screen])
    for audience in ("patient", "clinician"):
        window.set_audience(audience)
        for index in range(window.tabs.count()):
            settle(qtbot, window, index)
            assert sideways(window) <= 0, f"{audience}: {window.tabs.tabText(index)!r} scrolls sideways by " \
                                          f"{sideways(window)} px at {screen}"
            assert not cut_plots(window), f"{audience}: {window.tabs.tabText(index)!r} at {screen}: {cut_plots(window)}"


def cut_plots(window) -> list[str]:
    """Charts drawn wider than their widget (their right part cut off): the Studies charts' titles,
    one line each, made them 1.5 times wider than their place at 125 % on 1366 x 768."""
    found = []
    for plot in window.findChildren(QWidget, "forestPlot"):
        if plot.isVisible():
            drawn = plot.getPlotItem().sceneBoundingRect().width()
            if drawn > plot.width():
                found.append(f"{plot.accessibleName()!r}: drawn {drawn:.0f} px wide in {plot.width()}")
    return found


def clipped(window) -> list[str]:
    """Texts shown shorter or narrower than they need (a wrapped label too short for its lines)."""
    found = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip():
            continue
        if label.wordWrap() and label.heightForWidth(label.width()) > label.height() + 1:
            found.append(f"{label.text()[:40]!r}: {label.height()} px of {label.heightForWidth(label.width())}")
        elif not label.wordWrap() and label.sizeHint().width() > label.width() + 1:
            found.append(f"{label.text()[:40]!r}: {label.width()} px wide of {label.sizeHint().width()}")
    for table in window.findChildren(QTableWidget):  # a cell's wrapped text taller than its row: "between 77 and 95 in …"
        if table.isVisible():
            found += [f"{table.objectName()} row {r}: {table.rowHeight(r)} px of {table.sizeHintForRow(r)}"
                      for r in range(table.rowCount()) if table.sizeHintForRow(r) > table.rowHeight(r)]
    for combo in window.findChildren(QComboBox):
        if combo.isVisible() and not combo.isEditable() and combo.minimumSizeHint().width() > combo.width() + 1:
            found.append(f"list {combo.currentText()!r}: {combo.width()} px wide of {combo.minimumSizeHint().width()}")
    return found


@pytest.fixture
def large_font(qapp):
    before = qapp.font()
    font = qapp.font()
    font.setPointSizeF(18)
    qapp.setFont(font)
    yield
    qapp.setFont(before)


def test_an_18_point_system_font_cuts_nothing_off(qtbot, large_font, monkeypatch, settings_path, tmp_path):
    """The profile's help texts showed 43 px of 140, the course list was cut off, and the reading
    text ignored the system font: "Patient profile" was smaller than the field labels."""
    window = unshown_window(qtbot, monkeypatch, settings_path, tmp_path / "autosave.aidconsult.json")
    window.resize(1366, 698)
    window.show()
    qtbot.waitExposed(window)
    window.set_profile_fields({"age": "38", "course": "rrms", "edss": "4.0", "prior_dmts": "3"})
    window.set_horizon(10)  # ten rows in the year table, five of them extrapolated
    window.flush()
    form = window.profile_form
    heading = form.findChild(QLabel, "profileHeading")
    assert heading.font().pointSizeF() > form.labels["age"].font().pointSizeF() >= 18
    for audience in ("patient", "clinician"):
        window.set_audience(audience)
        for index in range(window.tabs.count()):
            settle(qtbot, window, index)
            assert sideways(window) <= 0, f"{window.tabs.tabText(index)!r} scrolls sideways"
            for plot in window.findChildren(QWidget, "forestPlot"):  # its row labels all shown (none dropped)
                axis = plot.getPlotItem().getAxis("left")
                metrics = QFontMetrics(axis.style.get("tickFont") or plot.font())
                assert axis.width() > max(metrics.horizontalAdvance(p.label) for p in plot.points), plot.points[0].label
            try:  # a panel rebuilt for the other view is laid out over a few turns of the event loop
                qtbot.waitUntil(lambda: not clipped(window), timeout=3000)
            except qtbot.TimeoutError:
                raise AssertionError(f"{audience}: {window.tabs.tabText(index)!r}: {clipped(window)}") from None


def test_the_window_opens_inside_the_screen(qtbot, window):
    """At 1366 x 768 the default 1280 x 800 window opened 57 px below the screen (its status bar,
    with the save confirmations, hidden)."""
    from decision_aid.ui.responsive import fit_on_screen, frame_margins

    window.hide()
    available = QRect(0, 0, 1366, 728)  # less a 40 px panel
    for where in ((0, 0), (600, 300), (-200, 900)):
        window.resize(1280, 800)
        window.move(*where)
        fit_on_screen(window, available)
        margins = frame_margins(window)
        frame = QRect(window.pos(), window.size().grownBy(margins))
        assert available.contains(frame), (where, frame)
    window.resize(600, 400)
    window.move(100, 100)
    fit_on_screen(window, available)
    assert (window.width(), window.height(), window.x(), window.y()) == (600, 400, 100, 100)  # fits: untouched


def test_a_dialog_taller_than_the_screen_scrolls_its_text(qtbot, window):
    """The About box at 150% on 1366 x 768 was taller than the screen, its OK button out of reach."""
    from decision_aid.ui.plain import plain_message_box

    short = plain_message_box(QMessageBox.Icon.Information, "Short", "A short message.", parent=window)
    assert short.findChild(QScrollArea) is None
    room = window.screen().availableGeometry().height() - 60
    text = "\n\n".join([window.about_text()] * 8)  # longer than any screen
    box = plain_message_box(QMessageBox.Icon.Information, "About", text, parent=window)
    area = box.findChild(QScrollArea, "messageScroll")
    assert area is not None and area.accessibleName() == "About"
    box.show()
    qtbot.waitExposed(box)
    assert box.height() <= room
    assert area.verticalScrollBar().maximum() > 0  # the rest is reached by scrolling
    box.close()
    QApplication.processEvents()
