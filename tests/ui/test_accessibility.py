"""Keyboard, screen reader and zoom, checked in-process (offscreen). The real assistive-technology
client (AT-SPI) is tests/ui/test_atspi.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractScrollArea, QApplication, QLabel, QMessageBox, QPlainTextEdit, QScrollArea, QTableView,
    QTabBar, QMenu, QWidget,
)

from decision_aid.present.i18n import SOURCE_LANGUAGE
from decision_aid.ui import announce
from decision_aid.ui.language import install_interface_language
from helpers import accessible_text, replace_text, type_profile, unshown_window


# -- 5. EDSS typed exactly ------------------------------------------------------------------------

@pytest.mark.parametrize("typed, allowed", [("10", False), ("0.5", False), ("6.5", True), ("0", True), ("9.5", True)])
def test_edss_is_typed_exactly(qtbot, window, typed, allowed):
    type_profile(qtbot, window)
    form = window.profile_form
    replace_text(qtbot, form.edss.lineEdit(), typed)
    window.flush()
    assert form.edss.currentText() == typed
    if allowed:
        assert window.current_result() is not None and window.current_result().profile.edss == float(typed)
    else:
        assert window.current_result() is None
        assert f"Not allowed: {typed} " in form.errors["edss"].text()
        assert form.description("edss") == form.errors["edss"].text()
        qtbot.keyClick(form.edss, Qt.Key.Key_Tab)  # the description a screen reader reads waits for the focus to leave
        qtbot.waitUntil(lambda: form.edss.accessibleDescription() == form.errors["edss"].text())


@pytest.mark.parametrize("typed, allowed", [("3,5", 3.5), ("9,5", 9.5), ("4,0", 4.0), ("3,", None), ("0,5", None),
                                             ("3,7", None)])
def test_a_decimal_comma_is_accepted_and_the_hint_describes_only_an_accepted_value(qtbot, any_window, language,
                                                                                    typed, allowed):
    """Issue 25, item 9: "3,5" was refused while the hint under the field described EDSS 3.5."""
    window = any_window
    type_profile(qtbot, window)
    form = window.profile_form
    replace_text(qtbot, form.edss.lineEdit(), typed)
    window.flush()
    result = window.current_result()
    hint = form.edss_help
    if allowed is None:
        assert result is None and not hint.isVisibleTo(form) and form.problem("edss")
        assert "punto" not in form.problem("edss") and "point" not in form.problem("edss")  # a comma is fine
    else:
        assert result is not None and result.profile.edss == allowed
        shown = f"{allowed:.1f}".replace(".", "," if language == "es" else ".")
        assert hint.isVisibleTo(form) and hint.text().startswith(f"EDSS {shown}: ")


def test_edss_arrow_keys_step_through_the_allowed_values(qtbot, window):
    type_profile(qtbot, window, edss=4.0)
    form = window.profile_form
    form.edss.setFocus()
    qtbot.keyClick(form.edss, Qt.Key.Key_Down)
    window.flush()
    assert form.edss.currentText() == "4.5" and window.current_result().profile.edss == 4.5
    replace_text(qtbot, form.edss.lineEdit(), "6.5")
    qtbot.keyClick(form.edss, Qt.Key.Key_Up)
    window.flush()
    assert form.edss.currentText() == "6.0" and window.current_result().profile.edss == 6.0
    assert form.edss_help.text().startswith("EDSS 6.0:")
    assert form.description("edss") == form.edss_help.text()  # the explanation, linked
    qtbot.keyClick(form.edss, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: form.edss.accessibleDescription() == form.edss_help.text())


# -- 1. what a sighted person reads is exposed ----------------------------------------------------

def test_the_hidden_estimates_message_is_read_as_shown(qtbot, window):
    interface = QAccessible.queryAccessibleInterface(window.message)
    assert interface.text(QAccessible.Text.Name) == window.message.text() != ""
    assert window.message.text().startswith("Enter the age")


def test_notes_are_read_by_their_text_and_labels_never_by_a_tag(qtbot, window):
    type_profile(qtbot, window)
    window.flush()
    notes = window.outcomes.early_notes.labels
    assert notes
    for label in notes:
        assert accessible_text(label) == label.text() and accessible_text(label) != "Note"
        assert accessible_text(label, QAccessible.Text.Description) == "Note"
    for label in window.findChildren(QLabel):  # a set name always contains the visible text (WCAG 2.5.3)
        if label.accessibleName() and label.text():
            assert label.text().replace("&", "") in label.accessibleName(), label.objectName()


def test_an_accessible_name_contains_the_visible_label(window):
    box = window.compare_button
    assert accessible_text(box) == box.text().replace("&", "")
    for name, field in window.profile_form.fields.items():
        label = window.profile_form.labels[name]
        assert label.buddy() is field  # a screen reader's "labelled by" (a list's name is its value on Linux)
        if not field.inherits("QComboBox"):
            assert label.text().replace("&", "").startswith(accessible_text(field))
    for action in window.audience_actions.values():
        button = window.toolbar.widgetForAction(action)
        assert accessible_text(button) == action.text().replace("&", "")
        assert accessible_text(button, QAccessible.Text.Description).startswith("Show for:")
    for action in window.horizon_actions.values():
        button = window.toolbar.widgetForAction(action)
        assert accessible_text(button, QAccessible.Text.Description).startswith("Horizon:")


# -- 2. announcements, once, after the edit settles -----------------------------------------------

def test_a_refusal_is_announced_once_after_typing_settles(qtbot, window):
    type_profile(qtbot, window)
    window.flush()
    window.announcer.flush()
    before = len(announce.history)
    replace_text(qtbot, window.profile_form.age, "")
    for key in "200":
        qtbot.keyClick(window.profile_form.age, key)
        window.flush()
        assert window.announcer.pending()  # waiting: nothing said while typing
    assert len(announce.history) == before
    qtbot.waitUntil(lambda: not window.announcer.pending(), timeout=3000)
    said = announce.history[before:]
    assert len(said) == 1 and "Not allowed: 200 " in said[0] and "Age" in said[0]


def test_a_field_typed_in_keeps_its_description_until_the_focus_leaves(qtbot, window):
    """A screen reader speaks every change of the focused field's description: typing "38" said
    "Not allowed: 3 is outside the range" on the way (Orca 43, issue 27). The refusal of what is
    left in the field becomes its description when the focus leaves it."""
    form = window.profile_form
    said: list[str] = []
    age = form.age
    before = age.accessibleDescription()
    age.setFocus()
    for key in "38":
        qtbot.keyClick(age, key)
        window.flush()
        said.append(age.accessibleDescription())
    assert said == [before, before]
    replace_text(qtbot, age, "3")
    window.flush()
    assert "Not allowed" not in age.accessibleDescription() and "Not allowed: 3 " in form.description("age")
    qtbot.keyClick(age, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "Not allowed: 3 " in age.accessibleDescription())
    assert age.accessibleName() == "Age (years) \u26a0 3"  # its value too: Orca 43 read "38" as "3", "3" as nothing
    assert form.labels["age"].accessibleName() == "Age (years) \u26a0 3"  # Orca names a field by its label


def test_a_value_that_becomes_allowed_is_announced_after_typing_settles(qtbot, window):
    type_profile(qtbot, window)
    window.flush()
    window.announcer.flush()
    replace_text(qtbot, window.profile_form.age, "3")
    window.flush()
    window.announcer.flush()
    assert "Not allowed: 3 " in announce.history[-1]
    before = len(announce.history)
    qtbot.keyClick(window.profile_form.age, "8")  # 38: allowed again
    window.flush()
    assert window.announcer.pending() and len(announce.history) == before  # nothing said while typing
    qtbot.waitUntil(lambda: not window.announcer.pending(), timeout=3000)
    assert announce.history[before:] == [window.live_region.said] and announce.history[-1].startswith("Estimates shown.")


def test_status_bar_confirmations_and_switches_are_said_through_the_live_region(qtbot, window):
    """Orca 43 speaks a notification that is shown, not Qt's announcement event: the window's live
    region is a notification named by what is said, shown anew each time."""
    from decision_aid.ui.announce import LiveRegion

    interface = QAccessible.queryAccessibleInterface(window.live_region)
    assert isinstance(window.live_region, LiveRegion) and interface.role() == QAccessible.Role.Notification
    shown: list[str] = []
    from PySide6.QtCore import QEvent, QObject

    class Shows(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if watched is window.live_region and event.type() == QEvent.Type.Show:
                shown.append(watched.accessibleName())
            return False

    spy = Shows()
    window.live_region.installEventFilter(spy)
    window.statusBar().showMessage("Saved the sheet to sheet.pdf in /tmp (2 pages).")
    assert shown[-1] == "Saved the sheet to sheet.pdf in /tmp (2 pages)." == interface.text(QAccessible.Text.Name)
    type_profile(qtbot, window)
    window.flush()
    window.horizon_actions[10].trigger()
    assert shown[-1] == "Horizon: 10 years"
    window.audience_actions["clinician"].trigger()
    assert shown[-1] == "Show for: Clinician view"
    window.compare_action.trigger()
    assert shown[-1] == window.comparison.title.text()
    window.compare_action.trigger()
    assert shown[-1] == "No longer comparing: the pinned estimate was removed."
    window.chart.plot.setFocus()
    qtbot.keyClick(window.chart.plot, Qt.Key.Key_End)
    assert shown[-1] == window.chart.readout.text()


def test_estimates_appearing_and_being_withdrawn_are_announced(qtbot, window):
    window.announcer.flush()
    type_profile(qtbot, window)
    window.flush()
    window.announcer.flush()
    assert announce.history[-1].startswith("Estimates shown.")
    replace_text(qtbot, window.profile_form.prior_dmts, "")
    window.flush()
    window.announcer.flush()
    assert announce.history[-1] == window.message.text()


# -- 3. focus: starts on Age, follows the reading order, every stop named, never trapped ----------

def test_focus_starts_on_age(window):
    assert QApplication.focusWidget() is window.profile_form.age


@pytest.mark.parametrize("size", [(784, 752), (880, 465), (600, 500)])
def test_focus_starts_on_age_when_the_profile_opens_above_the_tabs(qtbot, settings_path, tmp_path, monkeypatch, size):
    """Below the profile's breakpoint (small screens, zoom) the profile moves above the tabs as the
    window is first shown; moving it took the focus from Age, and the keyboard started on the
    toolbar's first button (it was given back only when the application already had a focus)."""
    window = unshown_window(qtbot, monkeypatch, settings_path, tmp_path / "autosave.aidconsult.json")
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert not window.main_page.side_by_side()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is window.profile_form.age


def test_tab_visits_every_stop_in_reading_order_named_and_never_stays(qtbot, window):
    type_profile(qtbot, window)
    window.flush()
    form, outcomes = window.profile_form, window.outcomes
    form.age.setFocus()
    seen = [form.age]
    for _ in range(45):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    for before, after in zip(seen, seen[1:]):
        assert before is not after, f"Tab stayed on {before.objectName() or type(before).__name__}"
    for widget in seen:
        assert not isinstance(widget, QScrollArea), "an unnamed scroll area is a Tab stop"
        assert accessible_text(widget), f"unnamed Tab stop {type(widget).__name__} {widget.objectName()}"
    first_round = seen[:seen.index(form.age, 1)] if form.age in seen[1:] else seen
    keys = outcomes.key_numbers.stops()  # the three key numbers in both eras first, O2's sentence under the first
    expected = [form.age, form.course, form.edss, form.prior_dmts, form.relapses, form.duration, form.clear_button,
                *keys[:2], outcomes.risk_line, *keys[2:],
                outcomes.early.headline, outcomes.early_recent.headline,
                outcomes.five_years.headline, outcomes.five_years_recent.headline, outcomes.survival,
                outcomes.people_like_you,
                window.chart.plot, window.compare_button, window.years_table, window.tabs.tabBar()]
    positions = [first_round.index(w) for w in expected]
    assert positions == sorted(positions)
    assert window.toolbar.widgetForAction(window.audience_actions["patient"]) in seen  # reached, after the tabs


def test_tables_never_trap_tab(window):
    for table in window.findChildren(QTableView):
        assert not table.tabKeyNavigation(), table.objectName()


#: tabs whose panels belong to the context-views branch, which fits their tables to their rows


def test_one_scroll_area_and_no_nested_scrolling(qtbot, window):
    type_profile(qtbot, window)
    nested = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        for area in window.scroll.widget().findChildren(QAbstractScrollArea):
            if not area.isVisible() or isinstance(area, QPlainTextEdit):  # an editor may scroll its text
                continue
            if any(bar.isVisible() for bar in (area.verticalScrollBar(), area.horizontalScrollBar())):
                nested.append((index, f"{window.tabs.tabText(index)}: {type(area).__name__} scrolls inside the page"))
    assert not nested


def test_keyboard_reads_the_chart(qtbot, window):
    type_profile(qtbot, window)
    window.flush()
    chart = window.chart
    chart.plot.setFocus()
    qtbot.keyClick(chart.plot, Qt.Key.Key_End)
    assert chart.readout.text() == chart.value_text_at(5.0) and announce.history[-1] == chart.readout.text()
    qtbot.keyClick(chart.plot, Qt.Key.Key_Left)
    assert chart.readout.text() == chart.value_text_at(4.5)


def test_every_focus_stop_shows_a_ring(qtbot, window):
    type_profile(qtbot, window)
    window.flush()
    for widget in (window.outcomes.early.headline, window.chart.plot, window.years_table, window.tabs.tabBar(),
                   window.compare_button):
        widget.setFocus()
        qtbot.waitUntil(lambda: window.focus_ring.isVisible() and window.focus_ring.target is widget)


# -- 4. mnemonics: unique among what is reachable at once, each reaching its control --------------
# In every language: each page of the window (the menu bar, the toolbar's Alt keys, the tabs, the
# profile form and the page shown), each menu and each dialog uses a letter (or digit) once.

MNEMONIC = re.compile(r"&([^&\s])")


@pytest.fixture(params=["en", "es"])
def language(request, qapp):
    install_interface_language(request.param)
    yield request.param
    install_interface_language(SOURCE_LANGUAGE)


@pytest.fixture
def any_window(language, window):
    """The window, built after its language was set (English and Spanish)."""
    return window


def keys_of(text: str) -> list[str]:
    return [key.upper() for key in MNEMONIC.findall(text)]


def reachable_mnemonics(window) -> list[tuple[str, QWidget | None, str]]:
    """(key, control, where) for the menu bar, Alt shortcuts of actions and visible widgets."""
    found = []
    for action in window.menuBar().actions():
        for key in keys_of(action.text()):
            found.append((key, None, f"menu {action.text()}"))
    for action in window.findChildren(type(window.quit_action)):
        for sequence in action.shortcuts():
            text = sequence.toString()
            if text.startswith("Alt+") and len(text) == 5:
                found.append((text[-1].upper(), None, f"action {action.text()}"))
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            for key in keys_of(widget.text()):
                found.append((key, widget.buddy(), f"label {widget.text()}"))
        elif isinstance(widget, QAbstractButton) and not widget.parent() is window.toolbar:
            for key in keys_of(widget.text()):
                found.append((key, widget, f"button {widget.text()}"))
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                for key in keys_of(widget.tabText(index)):
                    found.append((key, widget, f"tab {widget.tabText(index)}"))
    return found


def clashes(found) -> dict[str, list[str]]:
    keys = [key for key, *_rest in found]
    return {key: [where for k, *_w, where in found if k == key] for key in keys if keys.count(key) > 1}


def test_mnemonics_are_unique_on_every_page_and_reach_their_control(qtbot, any_window, language):
    window = any_window
    type_profile(qtbot, window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert all(keys_of(text) for text in menus), menus  # every menu has one (Alt+E opens Edit)
    for name in window.profile_form.fields:  # every field of the profile has one (the digits 1 to 4 too)
        assert keys_of(window.profile_form.labels[name].text()), name
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        found = reachable_mnemonics(window)
        assert not clashes(found), f"{language}, tab {window.tabs.tabText(index)!r}: {clashes(found)}"
        for key, control, where in found:
            if control is None or isinstance(control, QTabBar) or where.startswith("button"):
                continue  # menus and actions are checked by their own tests; buttons would act
            other = window.profile_form.clear_button if control is not window.profile_form.clear_button else None
            (other or window.tabs.tabBar()).setFocus()
            qtbot.keyClick(window, key.lower(), Qt.KeyboardModifier.AltModifier)
            focus = QApplication.focusWidget()
            assert focus is control or control.isAncestorOf(focus), \
                f"{language}, tab {window.tabs.tabText(index)!r}: Alt+{key} ({where}) went to {focus}"
        window.tabs.setCurrentIndex(index)


def menu_clashes(menu: QMenu) -> dict[str, dict[str, list[str]]]:
    """Each menu's and submenu's entries that share a key."""
    found = [(key, action.text()) for action in menu.actions() for key in keys_of(action.text())]
    result = {menu.title(): clashes(found)} if clashes(found) else {}
    for action in menu.actions():
        if action.menu() is not None:
            result.update(menu_clashes(action.menu()))
    return result


def test_no_two_entries_of_a_menu_share_a_key(qtbot, any_window, language):
    window = any_window
    type_profile(qtbot, window)
    for action in window.menuBar().actions():
        assert not menu_clashes(action.menu()), (language, menu_clashes(action.menu()))
        assert all(keys_of(a.text()) for a in action.menu().actions() if not a.isSeparator()), action.text()


def dialogs(window, model):
    """Every dialog of the program (built, not run), by name."""
    from decision_aid.ui.consultation_dialogs import (
        file_error_box, open_file_dialog, save_file_dialog, unsaved_changes_box, version_change_box)
    from decision_aid.ui.font_check import font_warning_box
    from decision_aid.ui.plain import plain_message_box
    from decision_aid.ui.record_copy import record_dialog

    return {
        "unsaved changes": unsaved_changes_box(window),
        "yes or no": plain_message_box(QMessageBox.Icon.Question, "?", "?",
                                       buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No),
        "file error": file_error_box(window, Path("visit.aidconsult.json"), "?"),
        "evidence changed": version_change_box(window, "?"),
        "characters": font_warning_box(window, ["\u0f00"]),
        "copy for the record": record_dialog(window, "J. D.")[0],
        "save": save_file_dialog(window),
        "open": open_file_dialog(window),
        "about": window.about_box(),
        "user guide": window.user_guide(),
    }


def dialog_mnemonics(dialog) -> list[tuple[str, None, str]]:
    found = []
    for widget in dialog.findChildren(QWidget):
        if widget.isHidden():
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            found += [(key, None, widget.text()) for key in keys_of(widget.text())]
    return found


def test_no_two_controls_of_a_dialog_share_a_key(any_window, language, model):
    for name, dialog in dialogs(any_window, model).items():
        assert not clashes(dialog_mnemonics(dialog)), (language, name, clashes(dialog_mnemonics(dialog)))


def test_the_unsaved_changes_question_has_keys_and_alt_d_discards(qtbot, any_window, language):
    """Issue 25, item 8: no underlined letters; Alt+D did not choose Discard."""
    from decision_aid.ui.consultation_dialogs import unsaved_changes_box

    box = unsaved_changes_box(any_window)
    qtbot.addWidget(box)
    buttons = {box.standardButton(b).name: b for b in box.buttons()}
    assert keys_of(buttons["Save"].text()) and keys_of(buttons["Discard"].text()) == ["D"]  # Discard, Descartar
    box.show()
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    QTest.keyClick(box, "d", Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: box.clickedButton() is buttons["Discard"])


def test_alt_e_opens_the_edit_menu(qtbot, window, qtlog):
    """Issue 25, item 8: Alt+E went to the EDSS field, so the Edit menu had no key."""
    type_profile(qtbot, window)
    window.profile_form.age.setFocus()
    with qtlog.disabled():  # the offscreen platform cannot raise a popup or grab the keyboard: it says so
        qtbot.keyClick(window, "e", Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(window.edit_menu.isVisible)
        window.edit_menu.hide()
    assert not window.profile_form.edss.hasFocus()


def test_tab_mnemonics_switch_tabs(qtbot, window):
    bar = window.tabs.tabBar()
    for index in reversed(range(window.tabs.count())):
        (key,) = MNEMONIC.findall(bar.tabText(index))
        qtbot.keyClick(window, key.lower(), Qt.KeyboardModifier.AltModifier)
        assert window.tabs.currentIndex() == index, bar.tabText(index)


# -- 6. zoom: usable down to 640 x 400 logical pixels ---------------------------------------------

@pytest.mark.parametrize("size", [(640, 400), (1024, 700), (1280, 800)])
def test_narrow_windows_scroll_one_area_and_hide_nothing(qtbot, window, size):
    type_profile(qtbot, window)
    window.resize(*size)
    qtbot.wait(50)
    assert window.width() <= size[0] and window.height() <= size[1]  # the minimum size fits
    page = window.scroll.widget()
    assert page.width() <= window.scroll.viewport().width(), "content wider than the window: sideways scrolling"
    bar = window.tabs.tabBar()
    for index in range(bar.count()):  # no tab hidden behind scroll arrows
        assert window.tabs.rect().contains(bar.tabRect(index).translated(bar.pos()).center())
    assert not [b for b in bar.findChildren(QAbstractButton) if b.isVisible()], "tab scroll arrows shown"
    for button in window.toolbar.buttons():  # no toolbar item in an overflow menu
        assert button.isVisible() and window.toolbar.rect().contains(button.geometry())
    if size[0] < 900:
        assert window.profile_form.geometry().bottom() < window.tabs.geometry().top()  # profile above


def test_assumption_links_show_how_calculated(qtbot, window):
    window.set_audience("clinician")
    type_profile(qtbot, window, age="70")  # outside the studied ages: a note that rests on an assumption
    window.flush()
    links = [link for notes in (window.general_notes, window.outcomes.early_notes, window.outcomes.pfs_notes)
             for link in notes.links]
    assert links
    for notes in (window.general_notes, window.outcomes.early_notes, window.outcomes.pfs_notes):
        for text in notes.texts():
            assert not re.search(r"\[[a-z_]+\]|\(A\d\)", text)  # no internal codes in the words
    link = links[0]
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Space)
    assert window.tabs.currentIndex() == 1
    assert window.method_panel.textCursor().selectedText() == link.text().split()[-1]


def test_every_year_is_a_row_in_both_views(qtbot, window):
    type_profile(qtbot, window)
    for audience in ("patient", "clinician"):
        window.set_audience(audience)
        for horizon in (5, 10):
            window.set_horizon(horizon)
            window.flush()
            rows = window.years_table.texts()  # relapsing MS: both eras, a row each, named in the Era column
            view = window.view
            assert [r[1] for r in rows] == [*view.era_names] * horizon
            assert [r[2] for r in rows] == [y.marked for pair in zip(view.years, view.years_recent) for y in pair]
            assert [r[0] for r in rows] == [str(year) for year in range(1, horizon + 1) for _era in range(2)]
            assert ("extrapolated" in rows[-2][2]) == ("from one cohort" in rows[-1][2]) == (horizon > 5)
            assert accessible_text(window.years_table) == window.years_heading.text()


def test_no_part_of_a_tab_flashes_as_a_window_of_its_own(qtbot, window):
    """A label made visible before it has a parent opens as a top-level window: it flashed on
    screen and took the keyboard from the window (Alt+A then reached nothing)."""
    from PySide6.QtCore import QEvent, QObject

    opened: list[str] = []

    class Windows(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow() \
                    and watched is not window and not isinstance(watched, QMenu):
                opened.append(f"{type(watched).__name__} {watched.objectName()!r}")
            return False

    spy = Windows()
    QApplication.instance().installEventFilter(spy)
    try:
        type_profile(qtbot, window)
        for audience in ("patient", "clinician"):
            window.set_audience(audience)
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                qtbot.wait(10)
                assert window.isActiveWindow(), window.tabs.tabText(index)
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert opened == []


def test_the_estimate_announcement_names_both_eras_of_the_first_two_key_numbers(qtbot, window):
    """A screen reader heard only the study's 5-year figure ("About 63 in 100 ..."), never the later
    cohorts': the announcement now says each era by name, as the key numbers on screen do."""
    from decision_aid.ui import announce

    window.set_profile_fields({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3})
    qtbot.waitUntil(lambda: bool(announce.history) and announce.history[-1].startswith("Estimates shown."),
                    timeout=5000)
    said = announce.history[-1]
    from decision_aid.context.numbers import in_hundred

    later = in_hundred(window.current_result().pfs_recent_5y.estimate)  # the display rule's count, not round()
    assert "The study: about" in said and "UK centres: about" in said and "Later cohorts: about" in said, said
    assert f"about {later} in 100" in said and "Alive without disability worsening at 5 years:" in said, said
