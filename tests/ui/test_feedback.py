"""What the window tells a person after they act: the saved PDF, the preview's size, the restore prompt."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtWidgets import QApplication

from decision_aid.consultation import Consultation, load_consultation
from decision_aid.present.when import moment_in_words
from decision_aid.ui import consultation_controller
from decision_aid.ui.consultation_controller import restore_question
from helpers import type_profile, unshown_window


def test_saving_the_pdf_says_where_and_how_many_pages_and_the_next_save_starts_there(
        qtbot, window, tmp_path, settings_path, monkeypatch):
    from pypdf import PdfReader

    type_profile(qtbot, window)
    window.flush()
    folder = tmp_path / "Doe_Jane_1980"
    folder.mkdir()
    asked = []

    def ask(suggested):
        asked.append(Path(suggested))
        return str(folder / f"sheet{len(asked)}")

    monkeypatch.setattr(window.sheet_actions, "_ask_path", ask)
    window.sheet_actions.pdf_action.trigger()
    pages = len(PdfReader(str(folder / "sheet1.pdf")).pages)
    assert pages >= 2
    message = window.statusBar().currentMessage()
    assert message == f"Saved the sheet to sheet1.pdf in {folder} ({pages} pages)."
    window.sheet_actions.pdf_action.trigger()
    assert asked[0].parent == Path.home() and asked[1].parent == folder  # this session's last folder
    window.settings.sync()
    ini = Path(settings_path)
    assert not ini.exists() or "Doe_Jane" not in ini.read_text()  # remembered in memory only
    conf = Path.home() / ".config" / "QtProject.conf"
    assert not conf.exists() or "Doe_Jane" not in conf.read_text()
    assert str(Path.home()).startswith(("/tmp", "/var"))  # the suite's scratch home, never the real one


def test_print_preview_opens_large_and_fitted_to_width(qtbot, window, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    type_profile(qtbot, window)
    window.flush()
    seen = {}

    def run(dialog):
        preview = dialog.findChild(QPrintPreviewWidget)
        seen.update(size=dialog.size(), zoom=preview.zoomMode())
        return 0

    monkeypatch.setattr(window.sheet_actions, "_exec", run)
    window.sheet_actions.preview_action.trigger()
    area = window.screen().availableGeometry()
    assert abs(seen["size"].width() - int(area.width() * 0.8)) <= 1
    assert abs(seen["size"].height() - int(area.height() * 0.8)) <= 1
    assert seen["zoom"] == QPrintPreviewWidget.ZoomMode.FitToWidth


def test_a_moment_in_words_in_local_time():
    now = datetime(2026, 11, 26, 16, 30).astimezone()
    assert moment_in_words(now.replace(hour=14, minute=5), now) == "today at 14:05"
    assert moment_in_words(now.replace(hour=9, minute=30) - timedelta(days=1), now) == "yesterday at 09:30"
    assert moment_in_words(datetime(2026, 3, 3, 8, 0).astimezone(), now) == "on 3 March 2026 at 08:00"


def test_the_restore_prompt_says_when_in_local_time_not_utc(model):
    saved = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=1)
    pending = Consultation.for_model(model, {}, saved_at=saved.isoformat())
    local = saved.astimezone()
    text = restore_question(pending, now=local + timedelta(minutes=1))
    assert f"(backed up today at {local:%H:%M})" in text
    assert saved.isoformat() not in text and "+00:00" not in text


def test_a_restored_consultation_keeps_its_file_name(qtbot, window, tmp_path, monkeypatch):
    type_profile(qtbot, window)
    path = tmp_path / "visit.aidconsult.json"
    monkeypatch.setattr(consultation_controller, "ask_save_path", lambda parent, suggested: path)
    assert window.consultations.save_as()
    window.sheet_panel.notes_edit.setPlainText("changed after saving")
    assert window.consultations.autosaver.save_now()
    backup = load_consultation(window.consultations.autosaver.path, window.model)
    assert backup.opened_from == str(path) and backup.patient_name is None
    assert load_consultation(path, window.model).opened_from is None  # never in the user's own file
    window.consultations.autosaver._lock.unlock()  # a crash: the window's lock is gone
    nxt = unshown_window(qtbot, monkeypatch, tmp_path / "next.ini", tmp_path / "autosave-next.aidconsult.json")
    questions = []
    monkeypatch.setattr(nxt.consultations, "ask_restore", lambda pending: questions.append(
        restore_question(pending)) or True)
    assert nxt.consultations.offer_restore()
    assert "from visit.aidconsult.json" in questions[0]
    assert nxt.consultations.path == path and nxt.consultations.dirty
    assert nxt.windowTitle() == "visit.aidconsult.json[*] \u2014 AHSCT decision aid" and nxt.isWindowModified()
    assert nxt.sheet_panel.notes() == "changed after saving"
    window.consultations.dirty = False
    QApplication.processEvents()


def test_a_print_job_is_confirmed_with_its_printer_version_and_pages(qtbot, window, tmp_path, monkeypatch):
    """Issue 25, item 10: nothing confirmed a print job."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from pypdf import PdfReader

    type_profile(qtbot, window)
    window.flush()
    target = tmp_path / "printed.pdf"

    def accept(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file
        dialog.printer().setOutputFileName(str(target))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(window.sheet_actions, "_exec", accept)
    window.sheet_actions.print_action.trigger()
    pages = len(PdfReader(str(target)).pages)
    assert window.statusBar().currentMessage() == f"Sent to {target}: the patient's sheet, {pages} pages."


def test_the_menu_bar_taking_the_keyboard_prints_no_qt_warning(qtbot, window):
    """Issue 25, item 10: "QWidget::mapTo(): parent must be in parent hierarchy" was printed 3 to 4
    times a session. Its cause: the focus ring (drawn on the central widget) followed the keyboard
    to the menu bar, outside that widget (Alt alone, Alt+E, F10). The window fixture fails on any
    Qt warning."""
    from PySide6.QtCore import Qt

    type_profile(qtbot, window)
    window.profile_form.age.setFocus()
    qtbot.keyClick(window.profile_form.age, Qt.Key.Key_Alt)  # Alt alone: the menu bar takes the keyboard
    qtbot.waitUntil(lambda: window.menuBar().hasFocus())
    assert not window.focus_ring.isVisible()
    qtbot.keyClick(window.menuBar(), Qt.Key.Key_Escape)


def test_save_says_where_in_the_status_bar(qtbot, window, tmp_path, monkeypatch):
    """Issue 25, item 10: after Save the status bar still showed the previous message."""
    from decision_aid.ui import consultation_controller as controller

    type_profile(qtbot, window)
    window.statusBar().showMessage("an earlier message")
    target = tmp_path / "visit.aidconsult.json"
    monkeypatch.setattr(controller, "ask_save_path", lambda parent, suggested: target)
    assert window.consultations.save()
    assert window.statusBar().currentMessage() == f"Saved to visit.aidconsult.json in {tmp_path}."


def test_a_window_started_with_profile_flags_and_untouched_asks_nothing_on_quit(qtbot, window, monkeypatch):
    """Issue 25, item 10: `decision-aid --age 38 ...` closed untouched asked Save/Discard/Cancel."""
    from decision_aid.ui.app import _prepare

    asked = []
    monkeypatch.setattr(window.consultations, "ask_unsaved", lambda: asked.append(1))
    _prepare(window, {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}, "clinician", 10)
    assert window.current_result() is not None and not window.isWindowModified()
    assert window.consultations.maybe_save() and asked == []
    window.profile_form.age.setText("39")  # an edit after the start is one
    assert window.consultations.dirty and window.isWindowModified()


def test_before_a_course_is_chosen_its_hint_names_no_command_line_code(window):
    """Issue 25, item 10: the hint listed "rrms (relapsing-remitting MS), spms ..."."""
    hint = window.profile_form.errors["course"].text()
    assert hint == "* Needed: choose the type of MS from the list."
    assert not any(code in hint for code in ("rrms", "spms", "ppms", "prms"))


def test_the_file_dialog_shows_dates_in_words(qtbot, tmp_path):
    """Issue 25, item 10: the file dialog showed dates as "7 12 2026 00:28" (the C locale's)."""
    import os
    import time as clock

    from PySide6.QtWidgets import QStyleOptionViewItem, QTreeView

    from decision_aid.present.i18n import SOURCE_LANGUAGE
    from decision_aid.ui.file_dialog import DATE_COLUMN, private_file_dialog
    from decision_aid.ui.language import install_interface_language

    visit = tmp_path / "visit.aidconsult.json"
    visit.write_text("{}")
    moment = clock.mktime((2026, 12, 7, 0, 28, 0, 0, 0, -1))  # local time
    os.utime(visit, (moment, moment))
    for language, expected in (("en", "7 Dec 2026, 00:28"), ("es", "7 dic 2026, 0:28")):
        install_interface_language(language)
        try:
            dialog = private_file_dialog(None, "Open", tmp_path, ["*"])
            qtbot.addWidget(dialog)
            view = dialog.findChild(QTreeView, "treeView")
            model = view.model()
            qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 1)
            index = model.index(0, DATE_COLUMN, view.rootIndex())
            option = QStyleOptionViewItem()
            view.itemDelegateForColumn(DATE_COLUMN).initStyleOption(option, index)
            assert option.text == expected
        finally:
            install_interface_language(SOURCE_LANGUAGE)
