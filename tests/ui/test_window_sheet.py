"""The sheet from the window: the actions follow the result, and the sheet carries what was typed."""

import unicodedata

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton
from pypdf import PdfReader

from decision_aid.present import wording
from helpers import accessible_text, type_profile


def pdf_text(path) -> str:
    text = "".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_sheet_actions_are_in_the_file_menu_and_follow_the_result(qtbot, window):
    texts = [a.text() for a in window.file_menu.actions()]
    assert {"&Print the patient's sheet…", "Print pre&view of the patient's sheet…",
            "Save the patient's sheet as P&DF…"} <= set(texts)
    assert not any(a.isEnabled() for a in window.sheet_actions.actions)
    buttons = [b for b in window.sheet_panel.findChildren(type(window.profile_form.clear_button))]
    assert buttons and not any(b.isEnabled() for b in buttons)
    type_profile(qtbot, window)
    assert all(a.isEnabled() for a in window.sheet_actions.actions)
    assert all(b.isEnabled() for b in buttons)
    window.profile_form.clear_button.click()
    qtbot.waitUntil(lambda: not window.sheet_actions.print_action.isEnabled())


def test_saved_pdf_has_the_window_numbers_notes_and_name(qtbot, window, tmp_path, monkeypatch, model):
    type_profile(qtbot, window)
    window.sheet_panel.set_audience("clinician")  # chosen on the Sheet tab (the view does not choose it)
    window.sheet_panel.name_edit.setText("J. D.")
    window.sheet_panel.notes_edit.setPlainText("Discuss fertility preservation before referral.")
    window.sheet_panel.set_paper("letter")
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(window.sheet_actions, "_ask_path", lambda suggested: str(target))
    window.sheet_actions.pdf_action.trigger()
    assert target.exists()
    reader = PdfReader(str(target))
    assert len(reader.pages) >= 3
    assert round(float(reader.pages[0].mediabox.width)) == 612  # US Letter
    text = pdf_text(target)
    result = window.current_result()
    assert "J. D." in text and "Discuss fertility preservation" in text
    assert wording.percent(result.early_mortality.estimate) in text


def test_the_sheets_version_is_chosen_on_the_sheet_tab_never_by_the_view(qtbot, window, monkeypatch):
    """Issue 25, item 2: in the clinician view, Ctrl+P and the preview made the clinician summary
    (with the patient's name on it) and nothing said which version would print."""
    type_profile(qtbot, window)
    window.set_audience("clinician")
    panel, actions = window.sheet_panel, window.sheet_actions
    assert panel.audience() == "patient" and window._sheet_options().audience == "patient"
    toolbar_button = window.toolbar.widgetForAction(actions.print_action)
    assert "patient's sheet" in toolbar_button.text() and "patient's sheet" in accessible_text(toolbar_button)
    titles = []
    monkeypatch.setattr(actions, "_exec", lambda dialog: titles.append(dialog.windowTitle()) or 0)
    actions.preview_action.trigger()
    actions.print_action.trigger()
    assert titles == ["Print preview: the patient's sheet", "Print the patient's sheet"]

    panel.audience_combo.setFocus()
    qtbot.keyClick(panel.audience_combo, Qt.Key.Key_Down)  # the keyboard chooses the clinician's summary
    assert window._sheet_options().audience == "clinician" and window.consultation().sheet_audience == "clinician"
    window.set_audience("patient")
    assert window._sheet_options().audience == "clinician"  # the view does not change it back
    assert [a.text() for a in actions.actions] == ["&Print the clinician's summary…",
                                                    "Print pre&view of the clinician's summary…",
                                                    "Save the clinician's summary as P&DF…"]
    buttons = [b.text() for b in panel.findChildren(QPushButton) if "summary" in b.text()]
    assert buttons == ["Print the clinician's summary", "Print preview of the clinician's summary",
                       "Save the clinician's summary as PDF"]
    assert "clinician's summary" in accessible_text(toolbar_button)
    actions.preview_action.trigger()
    assert titles[-1] == "Print preview: the clinician's summary"


def test_the_sheets_version_is_saved_and_reopened(qtbot, window, tmp_path, model):
    from decision_aid.consultation import Consultation

    window.apply_consultation(Consultation.for_model(model, {"age": 38, "course": "rrms", "edss": 4.0,
                                                            "prior_dmts": 3}, sheet_audience="clinician"))
    assert window.sheet_panel.audience() == "clinician"
    assert window.sheet_actions.print_action.text() == "&Print the clinician's summary…"
    window.apply_consultation(Consultation.for_model(model, {}, audience="clinician"))  # an older file
    assert window.sheet_panel.audience() == "patient"


def test_greyed_out_sheet_actions_say_why(qtbot, window):
    """Issue 25, item 10: Print sheet was greyed out with no reason given."""
    actions = window.sheet_actions
    reason = "there are none until the profile is complete"
    button = window.toolbar.widgetForAction(actions.print_action)
    assert not button.isEnabled()
    for action in actions.actions:
        assert reason in action.toolTip() and reason in action.statusTip()
    assert reason in button.accessibleDescription()
    window.tabs.setCurrentWidget(window.tabs.widget(window.tabs.count() - 1))
    assert window.sheet_panel.unavailable.isVisible() and reason in window.sheet_panel.unavailable.text()
    window.profile_form.age.setFocus()
    qtbot.keyClick(window.profile_form.age, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert reason in window.statusBar().currentMessage()  # Ctrl+P while greyed out: the status bar says why
    type_profile(qtbot, window)
    assert reason not in button.accessibleDescription() and not window.sheet_panel.unavailable.isVisible()


def test_the_name_is_not_remembered(qtbot, window, settings_path):
    window.sheet_panel.name_edit.setText("Jane Doe")
    window.close()
    stored = QSettings(settings_path, QSettings.Format.IniFormat)
    assert "Jane Doe" not in " ".join(str(stored.value(k)) for k in stored.allKeys())
    assert open(settings_path, encoding="utf-8").read().find("Jane") == -1


def test_paper_choice_is_remembered(qtbot, window, settings_path):
    window.sheet_panel.set_paper("letter")
    window.close()
    assert QSettings(settings_path, QSettings.Format.IniFormat).value("sheet/paper") == "letter"


def test_notes_show_the_room_left_while_typing(qtbot, window):
    from decision_aid.consultation import MAX_NOTES

    panel = window.sheet_panel
    qtbot.keyClicks(panel.notes_edit, "Call in May")
    assert panel.notes_room.text().startswith(f"{MAX_NOTES - len('Call in May')} characters left")
    assert "carry on to a further page" in panel.notes_room.text()
    assert panel.notes_edit.accessibleDescription() == panel.notes_room.text()
    panel.notes_edit.setPlainText("x" * (MAX_NOTES + 2))
    assert panel.notes_room.text().startswith("2 characters too many")
