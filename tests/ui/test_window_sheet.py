"""The sheet from the window: the actions follow the result, and the sheet carries what was typed."""

import unicodedata

from PySide6.QtCore import QSettings
from pypdf import PdfReader

from decision_aid.present import wording
from helpers import type_profile


def pdf_text(path) -> str:
    text = "".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_sheet_actions_are_in_the_file_menu_and_follow_the_result(qtbot, window):
    texts = [a.text() for a in window.file_menu.actions()]
    assert {"&Print sheet…", "Print pre&view…", "Save sheet as P&DF…"} <= set(texts)
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
    window.set_audience("clinician")
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
