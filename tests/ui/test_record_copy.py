"""Edit > Copy for the medical record, through the real clipboard."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from decision_aid.present import wording
from decision_aid.ui.record_copy import record_dialog
from helpers import type_profile


def test_copy_puts_the_numbers_on_the_clipboard_without_the_name(qtbot, window, monkeypatch):
    action = window.record_copy.action
    assert not action.isEnabled()  # nothing to copy before there is an estimate
    assert action.shortcut().toString() == "Ctrl+Shift+C" and action in window.edit_menu.actions()
    type_profile(qtbot, window)
    window.flush()
    assert action.isEnabled()
    window.sheet_panel.name_edit.setText("Jane Roe")
    asked = []
    monkeypatch.setattr(window.record_copy, "ask_include_name", lambda name: asked.append(name) or False)
    QGuiApplication.clipboard().setText("before")
    qtbot.keyClick(window.profile_form.age, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    text = QGuiApplication.clipboard().text()
    result = window.current_result()
    assert asked == ["Jane Roe"]
    assert "Jane Roe" not in text and text.startswith("AHSCT decision aid: summary for the medical record, ")
    assert wording.profile_sentence(result.profile) in text
    for interval in (result.early_mortality, result.early_mortality_recent, result.overall_survival_5y,
                     result.overall_survival_5y_recent, result.pfs_at[5], result.pfs_recent_at[5]):
        assert wording.interval_percent(interval) in text
    assert result.early_mortality_source.label in text and result.early_mortality_recent_source.label in text
    assert "At 4 y" not in text  # 5-year horizon: survival without worsening at 5 years only
    assert result.evidence_version in text and f"model {result.model_version}" in text
    assert window.statusBar().currentMessage() == "Copied the summary for the medical record, without the name."


def test_at_10_years_every_year_and_the_name_when_asked(qtbot, window, monkeypatch):
    type_profile(qtbot, window)
    window.set_horizon(10)
    window.flush()
    window.sheet_panel.name_edit.setText("Jane Roe")
    monkeypatch.setattr(window.record_copy, "ask_include_name", lambda name: True)
    window.record_copy.action.trigger()
    text = QGuiApplication.clipboard().text()
    assert "Patient: Jane Roe" in text
    study, later = text.split("Alive without disability worsening, ")[1:3]  # both eras, in that order
    assert study.startswith("treated 1995 to 2006") and later.startswith("later cohorts")
    for year in range(1, 11):
        assert f"At {year} y" in study and f"At {year} y" in later
    assert "At 10 y (extrapolated)" in study and "At 10 y (from one cohort)" in later


def test_cancel_copies_nothing_and_the_dialog_defaults_to_no_name(qtbot, window, monkeypatch):
    type_profile(qtbot, window)
    window.flush()
    monkeypatch.setattr(window.record_copy, "ask_include_name", lambda name: None)
    QGuiApplication.clipboard().setText("kept")
    window.record_copy.action.trigger()
    assert QGuiApplication.clipboard().text() == "kept"
    dialog, include = record_dialog(window, "Jane Roe")
    qtbot.addWidget(dialog)
    assert not include.isChecked() and include.isEnabled()
    dialog, include = record_dialog(window, None)
    qtbot.addWidget(dialog)
    assert not include.isEnabled()
