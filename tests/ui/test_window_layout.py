"""The window's layout and construction: the profile stays in place while the results scroll
(issue 25 item 4), the horizon's mnemonics, the application's focus signal released with the window
(issue 29 item 7)."""

from PySide6.QtCore import QPoint, SIGNAL
from PySide6.QtWidgets import QApplication

from decision_aid.ui.main_window import horizon_key, mnemonic_before_last
from helpers import type_profile


def window_position(widget) -> QPoint:
    return widget.mapTo(widget.window(), QPoint(0, 0))


def test_the_profile_stays_in_place_while_the_results_scroll(qtbot, window):
    window.resize(1280, 800)
    type_profile(qtbot, window)
    qtbot.wait(50)
    form = window.profile_form
    before = window_position(form.age)
    bar = window.scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the results are taller than the window
    bar.setValue(bar.maximum())
    qtbot.wait(20)
    assert window_position(form.age) == before
    assert not window.scroll.widget().isAncestorOf(form)
    assert window.main_page.side_scroll.viewport().rect().contains(
        form.age.mapTo(window.main_page.side_scroll.viewport(), QPoint(0, 0)))


def test_a_narrow_window_scrolls_the_profile_with_the_page_in_one_area(qtbot, window):
    type_profile(qtbot, window)
    window.resize(640, 480)
    qtbot.waitUntil(lambda: not window.main_page.side_by_side())
    assert window.scroll.widget().isAncestorOf(window.profile_form)
    assert not window.main_page.side_scroll.isVisible()
    window.resize(1280, 800)
    qtbot.waitUntil(window.main_page.side_by_side)
    assert not window.scroll.widget().isAncestorOf(window.profile_form)


def test_moving_the_profile_keeps_the_keyboard_on_its_field(qtbot, window):
    window.profile_form.edss.setFocus()
    window.resize(640, 480)
    qtbot.waitUntil(lambda: not window.main_page.side_by_side())
    assert QApplication.focusWidget() is window.profile_form.edss


def test_the_horizons_mnemonic_is_the_last_digit_of_the_number(window):
    assert [a.text() for a in window.horizon_actions.values()] == ["&5 years", "1&0 years"]
    assert [a.shortcut().toString() for a in window.horizon_actions.values()] == ["Alt+5", "Alt+0"]
    assert horizon_key(10) == "0"
    assert mnemonic_before_last("10 años", "10") == "1&0 años"
    assert mnemonic_before_last("diez años", "10") == "diez años"  # a number spelt out: no mnemonic, no error


def test_a_closed_window_no_longer_follows_the_applications_focus(qtbot, window):
    app = QApplication.instance()
    signal = SIGNAL("focusChanged(QWidget*,QWidget*)")
    shown = app.receivers(signal)
    window.close()
    assert app.receivers(signal) == shown - 1
    window.show()
    qtbot.waitExposed(window)
    assert app.receivers(signal) == shown


def test_a_spanish_window_keeps_its_tabs_on_top_at_1280_by_800(qtbot, monkeypatch, tmp_path):
    """Issue 26 item 3: the Spanish tab names were too wide for one row beside the profile, and the
    tabs went to a list at the side (the estimates 1000 px down). The longest names now take two
    lines before the tabs leave the top; a screen reader still reads each name on one line."""
    from PySide6.QtWidgets import QTabWidget

    from decision_aid.present.i18n import current_language, set_language
    from helpers import unshown_window

    before = current_language()
    set_language("es")
    try:
        window = unshown_window(qtbot, monkeypatch, tmp_path / "w.ini", tmp_path / "autosave.aidconsult.json")
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(50)
        bar = window.tabs.tabBar()
        assert window.tabs.tabPosition() == QTabWidget.TabPosition.North
        assert all(bar.rect().contains(bar.tabRect(i)) for i in range(bar.count()))  # none cut off
        # The revised Spanish names (Método, Guías y preguntas) fit on one line at 1280: narrower,
        # the longest take two lines before the tabs leave the top.
        wrapped = [i for i in range(bar.count()) if "\n" in bar.tabText(i)]
        width = 1280
        while not wrapped and width > 1024:
            width -= 16
            window.resize(width, 800)
            qtbot.wait(20)
            wrapped = [i for i in range(bar.count()) if "\n" in bar.tabText(i)]
        assert wrapped and len(wrapped) < bar.count(), width
        assert window.tabs.tabPosition() == QTabWidget.TabPosition.North, width
        assert all(bar.rect().contains(bar.tabRect(i)) for i in range(bar.count()))
        for i in wrapped:
            lines = bar.tabText(i).count("\n") + 1
            assert bar.tabRect(i).height() >= lines * bar.fontMetrics().height()  # room for both lines
            assert "\n" not in bar.accessibleTabName(i) and "&" not in bar.accessibleTabName(i)
        window.resize(1600, 900)  # room for one line again
        qtbot.waitUntil(lambda: not any("\n" in bar.tabText(i) for i in range(bar.count())))
    finally:
        set_language(before)


def test_english_tab_names_stay_on_one_line_at_1280(window):
    window.resize(1280, 800)
    bar = window.tabs.tabBar()
    assert not any("\n" in bar.tabText(i) for i in range(bar.count()))
