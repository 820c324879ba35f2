"""What if in the window: Compare with... pins the estimate; the profile is edited; both are shown
side by side (two curves, two sets of icon arrays, labelled by what differs) and the sheet prints
the comparison. Real widgets, keyboard typing, the model's own numbers."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from decision_aid.consultation import Consultation, save_consultation
from decision_aid.present.comparison_view import comparison_view
from decision_aid.ui.pfs_chart import PERCENT

from helpers import accessible_text, pinned_data, type_profile


def retype_age(qtbot, window, age: str) -> None:
    form = window.profile_form
    form.age.setFocus()
    form.age.selectAll()
    qtbot.keyClicks(form.age, age)
    window.flush()


def pin_and_change_age(qtbot, window):
    type_profile(qtbot, window)
    window.flush()
    window.compare_action.trigger()
    pinned = window.session.pinned
    assert pinned is not None and pinned is window.current_result()
    retype_age(qtbot, window, "50")
    qtbot.waitUntil(lambda: window.current_result() is not None)
    return pinned


def shows_no_comparison(window) -> bool:
    x, _y = pinned_data(window.chart)
    return (not window.comparison.isVisible() and window.comparison.texts() == [] and len(x) == 0
            and not any("Pinned" in entry for entry in window.chart.legend.entries))


def test_compare_is_disabled_until_there_is_an_estimate(qtbot, window):
    assert not window.compare_action.isEnabled() and not window.compare_button.isEnabled()
    type_profile(qtbot, window)
    window.flush()
    assert window.compare_action.isEnabled() and window.compare_button.isEnabled()
    assert window.compare_action.isCheckable() and not window.compare_action.isChecked()
    assert window.compare_action in window.view_menu.actions()
    assert window.compare_action.shortcut() == QKeySequence("Ctrl+K")
    assert shows_no_comparison(window)


def test_pinning_and_changing_the_age_shows_both_side_by_side(qtbot, window):
    pinned = pin_and_change_age(qtbot, window)
    current = window.current_result()
    assert current is not pinned and current.profile.age == 50 and pinned.profile.age == 38
    assert window.compare_action.isChecked() and window.compare_button.isChecked()

    # the chart: the pinned curve, exactly the pinned estimate's, and both named by what differs
    x, y = pinned_data(window.chart)
    np.testing.assert_allclose(x, pinned.pfs.times)
    np.testing.assert_allclose(y, PERCENT * np.asarray(pinned.pfs.estimate))
    personal_x, personal_y = window.chart.personal.getData()
    assert not np.allclose(personal_y, PERCENT * np.asarray(pinned.pfs.estimate)[:len(personal_y)])
    entries = window.chart.legend.entries  # each side's study-era curve, named by what differs and its era
    assert "Pinned: Age 38, treated 1995 to 2006 (the study)" in entries
    assert "Current: Age 50, treated 1995 to 2006 (the study)" in entries
    view = comparison_view(pinned, current, window.session.audience)
    assert view.curve.description in window.chart.plot.accessibleDescription()

    # the panel: both sides in the same format, labelled by what differs
    panel = window.comparison
    assert panel.isVisible()
    assert panel.title.text() == view.title == "What if: Age 38 compared with Age 50"
    texts = panel.texts()
    # each outcome in both eras (death within 100 days, free of worsening, alive at 5 years)
    assert [row.heading for row in view.rows] == [h.text() for h in panel.headings[:len(view.rows)]]
    assert len(view.rows) == 6
    for side, columns, cards in ((view.pinned, panel.pinned, [row.pinned for row in view.rows]),
                                 (view.current, panel.current, [row.current for row in view.rows])):
        assert cards == [*side.early, *side.pfs, *side.survival]
        for column, card in zip(columns, cards):
            assert column.heading.text() == side.heading
            assert column.icons.array() == card.icons
            assert column.headline.text() == card.headline and card.headline in texts
            assert side.label in column.headline.accessibleDescription()
    assert [c.heading.text() for c in panel.pinned] == ["Pinned: Age 38"] * 6
    assert [c.heading.text() for c in panel.current] == ["Current: Age 50"] * 6
    assert panel.pinned[2].icons.array() != panel.current[2].icons.array()  # the ages give other numbers

    # the sheet carries the pinned estimate
    assert window._sheet_options().comparison is pinned


def test_the_sides_are_named_by_what_differs_and_the_rest_is_said_once(qtbot, window):
    """Issue 25, item 7: both columns and the legend repeated the whole profile in large bold type."""
    pin_and_change_age(qtbot, window)
    panel = window.comparison
    assert panel.shared.text() == "Both: relapsing-remitting MS; EDSS 4.0; 3 previous treatments"
    said = " ".join(panel.texts() + window.chart.legend.entries)
    for shared in ("relapsing-remitting MS", "EDSS 4.0", "3 previous treatments"):
        assert said.count(shared) == 1, shared
    body = panel.pinned[0].headline.font().pointSizeF()
    assert all(c.heading.font().pointSizeF() <= body for c in (*panel.pinned, *panel.current))  # not large type


def test_the_same_profile_pinned_is_said_once(qtbot, window):
    type_profile(qtbot, window)
    window.flush()
    window.compare_action.trigger()
    window.set_horizon(10)  # nothing of the profile differs
    window.flush()
    panel = window.comparison
    assert [c.heading.text() for c in panel.pinned] == ["Pinned"] * 6
    assert [c.heading.text() for c in panel.current] == ["Current"] * 6
    assert {"Pinned, treated 1995 to 2006 (the study)",
            "Current, treated 1995 to 2006 (the study)"} <= set(window.chart.legend.entries)
    said = " ".join(panel.texts() + window.chart.legend.entries)
    assert said.count("relapsing-remitting MS") == said.count("EDSS 4.0") == 1
    assert panel.shared.text().startswith("Both: Age 38; relapsing-remitting MS; EDSS 4.0")


def test_unpinning_removes_it_all(qtbot, window):
    pin_and_change_age(qtbot, window)
    window.compare_button.click()  # the box in the chart's Compare row unchecks the action
    assert window.session.pinned is None
    assert not window.compare_action.isChecked() and not window.compare_button.isChecked()
    assert shows_no_comparison(window)
    assert window._sheet_options().comparison is None
    assert window.view.chart.label("study") in window.chart.legend.entries
    assert not any(entry.startswith(("Pinned", "Current")) for entry in window.chart.legend.entries)
    assert window.chart.plot.accessibleDescription().startswith(window.view.chart.description)


def test_the_shortcut_pins_and_unpins(qtbot, window):
    type_profile(qtbot, window)
    window.flush()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.session.pinned is window.current_result() and window.compare_button.isChecked()
    assert window.comparison.isVisible()  # same profile: shown, and said to be the same
    assert "same profile" in window.comparison.title.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.session.pinned is None and shows_no_comparison(window)


def test_a_refused_profile_hides_the_comparison_too(qtbot, window):
    pinned = pin_and_change_age(qtbot, window)
    retype_age(qtbot, window, "99")  # refused: no numbers at all, the pinned ones included
    assert window.current_result() is None and window.session.refusal
    assert shows_no_comparison(window)
    assert window.compare_action.isEnabled() and window.compare_action.isChecked()  # can still unpin
    retype_age(qtbot, window, "45")  # back to a profile the model accepts: the pin comes back
    assert window.session.pinned is pinned and window.comparison.isVisible()
    assert window.comparison.title.text() == "What if: Age 38 compared with Age 45"


def test_the_patient_view_compares_in_its_own_words(qtbot, window):
    pinned = pin_and_change_age(qtbot, window)
    window.set_audience("clinician")
    view = comparison_view(pinned, window.current_result(), "clinician")
    assert window.comparison.pinned[0].range.text() == view.pinned.early[0].range_text
    window.set_audience("patient")
    view = comparison_view(pinned, window.current_result(), "patient")
    assert window.comparison.pinned[0].range.text() == view.pinned.early[0].range_text


def test_another_consultation_unpins(qtbot, window, tmp_path, profile_fields):
    pin_and_change_age(qtbot, window)
    path = tmp_path / "other.aidconsult.json"
    save_consultation(path, Consultation.for_model(window.model, {**profile_fields, "age": 60}))
    assert window.consultations.open(path)
    assert window.session.pinned is None and not window.compare_action.isChecked()
    assert window.current_result() is not None and window.current_result().profile.age == 60
    assert shows_no_comparison(window) and window._sheet_options().comparison is None
    window.compare_action.trigger()
    assert window.session.pinned is not None
    assert window.consultations.new()
    assert window.session.pinned is None and shows_no_comparison(window)
    assert not window.compare_action.isEnabled()  # a blank profile: nothing to pin


def test_the_comparison_is_read_and_reached_by_the_keyboard(qtbot, window):
    pin_and_change_age(qtbot, window)
    panel = window.comparison
    for stop in panel.stops():
        assert stop.focusPolicy() & Qt.FocusPolicy.TabFocus
        # a sentence is read by its text (after what it is about); an icon array by its words
        assert (stop.text() in accessible_text(stop)) if hasattr(stop, "text") else \
            accessible_text(stop) == stop.toolTip() != ""
    assert accessible_text(window.compare_button) == window.compare_button.text()
    order = window.focus_order()
    assert order.index(panel.title) < order.index(window.outcomes.early.headline)
    assert order.index(window.chart.plot) < order.index(window.compare_button) < order.index(window.years_table)
    stops = panel.stops()  # the outcome columns are built at the first pin: they join the order then
    assert len(stops) == 3 + 6 * 2 * 5  # title, what both share, note; 3 outcomes x 2 eras x 2 sides: heading, icons, 3 texts
    start = order.index(panel.title)
    assert order[start:start + len(stops)] == stops
    panel.title.setFocus()
    qtbot.keyClick(panel.title, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.shared
    qtbot.keyClick(panel.shared, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.note
    stops[-1].setFocus()
    qtbot.keyClick(stops[-1], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.outcomes.key_numbers.stops()[0]  # then the estimate's key numbers
