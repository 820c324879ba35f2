"""The window against hostile files and fields (issue #12): what it saves it reopens exactly,
with the same marks; text from files and fields is never rich text."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from decision_aid.consultation import Consultation, load_consultation, save_consultation
from decision_aid.ui import consultation_controller, consultation_dialogs
from decision_aid.ui.consultation_dialogs import UnsavedAnswer
from decision_aid.ui.main_window import MainWindow
from helpers import unshown_window

CORPUS = Path(__file__).resolve().parents[1] / "data" / "consultations"


def new_window(qtbot, tmp_path, monkeypatch, name="w"):
    win = unshown_window(qtbot, monkeypatch, tmp_path / f"{name}.ini", tmp_path / f"autosave-{name}.aidconsult.json")
    monkeypatch.setattr(win.consultations, "show_version_change", lambda message: None)  # no modal box
    win.show()
    return win


def marks(window) -> dict:
    form = window.profile_form
    return {name: (form.errors[name].isVisible(), form.errors[name].text(), form.labels[name].text())
            for name in form.fields}


def shown_fields(window) -> dict:
    form = window.profile_form
    return {"age": form.age.text(), "course": form.course.currentText(), "edss": form.edss.currentText(),
            "prior_dmts": form.prior_dmts.text(), "relapses": form.relapses.text(), "duration": form.duration.text()}


@pytest.mark.parametrize("typed", [
    {"age": "80", "dmts": "two"},
    {"age": "4", "dmts": "3"},
    {"age": "<img src=/dev/zero>", "dmts": "\u0663"},
    {"age": "38.", "dmts": "1" * 100},
])
def test_what_the_window_saves_it_reopens_exactly_with_the_same_marks(qtbot, tmp_path, monkeypatch, typed):
    first = new_window(qtbot, tmp_path, monkeypatch, "first")
    form = first.profile_form
    form.age.setText(typed["age"])
    form.course.setCurrentIndex(form.course.findData("spms"))
    form.edss.setCurrentIndex(form.edss.findData(6.5))
    form.prior_dmts.setText(typed["dmts"])
    form.relapses.setText("1.5")
    first.flush()
    before_fields, before_marks = shown_fields(first), marks(first)
    path = tmp_path / "draft.aidconsult.json"
    monkeypatch.setattr(consultation_controller, "ask_save_path", lambda parent, suggested: path)
    assert first.consultations.save()
    second = new_window(qtbot, tmp_path, monkeypatch, "second")
    assert second.consultations.open(path)
    second.flush()
    assert shown_fields(second) == before_fields
    assert marks(second) == before_marks
    assert (second.current_result() is None) == (first.current_result() is None)


@pytest.mark.parametrize("name, field", [("edss_half.aidconsult.json", "edss"), ("edss_ten.aidconsult.json", "edss"),
                                         ("age_80.aidconsult.json", "age"), ("course_unknown.aidconsult.json", "course")])
def test_a_file_with_a_value_not_allowed_opens_with_that_field_marked(qtbot, tmp_path, monkeypatch, name, field):
    window = new_window(qtbot, tmp_path, monkeypatch)
    assert window.consultations.open(CORPUS / name)
    window.flush()
    form = window.profile_form
    assert window.current_result() is None
    assert form.errors[field].isVisible() and "Not allowed" in form.errors[field].text()
    # The value is kept: saving again writes the same profile.
    again = tmp_path / "again.aidconsult.json"
    monkeypatch.setattr(consultation_controller, "ask_save_path", lambda parent, suggested: again)
    assert window.consultations.save_as()
    def given(profile):  # an empty field is saved as "" by the window, may be null in a file
        return {k: str(v) for k, v in profile.items() if v not in (None, "")}

    assert given(load_consultation(again, window.model).profile) == given(
        load_consultation(CORPUS / name, window.model).profile)


def test_decimals_from_a_file_are_shown_exactly(qtbot, tmp_path, monkeypatch, model):
    path = save_consultation(tmp_path / "d.aidconsult.json", Consultation.for_model(
        model, {"age": 38.25, "course": "rrms", "edss": 4.0, "prior_dmts": 3, "disease_duration_years": 2.123456789}))
    window = new_window(qtbot, tmp_path, monkeypatch)
    assert window.consultations.open(path)
    assert window.profile_form.age.text() == "38.25"
    assert window.profile_form.duration.text() == "2.123456789"
    window.flush()
    assert window.current_result() is not None and window.current_result().profile.age == 38.25


def test_a_crash_restore_of_a_value_not_allowed_is_offered(qtbot, tmp_path, monkeypatch, model):
    """The notes of a consultation with age 80 survive a crash (the autosave is offered)."""
    window = new_window(qtbot, tmp_path, monkeypatch)
    window.profile_form.age.setText("80")
    window.sheet_panel.notes_edit.setPlainText("Do not lose these notes")
    assert window.consultations.autosaver.save_now()
    window.consultations.autosaver._lock.unlock()  # the window's process is gone
    nxt = new_window(qtbot, tmp_path, monkeypatch, "next")
    pending = nxt.consultations.autosaver.pending_restore(model)
    assert pending is not None and pending.notes == "Do not lose these notes" and pending.profile["age"] == "80"
    window.consultations.dirty = False


def test_line_edits_hold_no_more_than_a_file_may(qtbot, tmp_path, monkeypatch):
    window = new_window(qtbot, tmp_path, monkeypatch)
    window.profile_form.age.setText("9" * 500)
    assert len(window.profile_form.age.text()) == 100
    assert dataclasses.asdict  # the consultation can be saved
    path = tmp_path / "long.aidconsult.json"
    monkeypatch.setattr(consultation_controller, "ask_save_path", lambda parent, suggested: path)
    assert window.consultations.save()


# --- text is never rich text (item 1) -----------------------------------------------------------

def assert_plain(widget) -> int:
    """Every QLabel under ``widget`` is plain text with no links; returns how many were checked."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    links = Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    labels = widget.findChildren(QLabel)
    for label in labels:
        where = f"{type(widget).__name__}/{label.objectName() or label.text()[:30]!r}"
        assert label.textFormat() == Qt.TextFormat.PlainText, where
        assert not label.openExternalLinks(), where
        assert not (label.textInteractionFlags() & links), where
    return len(labels)


def every_box(window, model, monkeypatch):
    """Every message box the window can show, built as it would be shown (exec is intercepted)."""
    from PySide6.QtWidgets import QMessageBox

    from decision_aid.ui import consultation_dialogs as dialogs
    from decision_aid.ui.crash_handler import crash_message_box

    boxes = [window.about_box(), dialogs.unsaved_changes_box(window),
             dialogs.file_error_box(window, Path("x.json"), "<b>problem</b>"),
             dialogs.file_error_box(window, Path("x.json"), "<b>problem</b>", opening=False),
             dialogs.version_change_box(window, "<img src=/dev/zero>"),
             crash_message_box(window, Path("/tmp/crash.log")), crash_message_box(window, None)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or QMessageBox.StandardButton.No)
        window.consultations.ask_restore(window.consultation())
        window.sheet_actions._confirm_overwrite(Path("<b>x</b>.pdf"))
        window.sheet_actions._warn("The sheet was not saved", "<img src=/dev/zero>")
    return boxes


def test_every_label_and_message_box_is_plain_text(qtbot, tmp_path, monkeypatch, model):
    window = new_window(qtbot, tmp_path, monkeypatch)
    window.set_profile_fields({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3, "relapses_past_year": 2})
    window.flush()
    for index in range(window.tabs.count()):  # build every lazy tab
        window.tabs.setCurrentIndex(index)
        qtbot.wait(1)
    for audience in ("clinician", "patient"):
        window.set_audience(audience)
        window.flush()
    window.profile_form.age.setText("<img src=/dev/zero>")
    window.flush()
    assert assert_plain(window) > 30
    boxes = every_box(window, model, monkeypatch)
    assert len(boxes) >= 10
    for box in boxes:
        assert assert_plain(box) >= 2, box.windowTitle()


def test_html_typed_into_age_is_shown_literally_and_does_not_hang(qtbot, tmp_path, monkeypatch):
    window = new_window(qtbot, tmp_path, monkeypatch)
    form = window.profile_form
    qtbot.keyClicks(form.age, "<img src=/dev/zero>")
    window.flush()
    window.repaint()  # painting is when rich text would load the image
    qtbot.wait(10)
    assert "Not allowed: <img src=/dev/zero> is not a plain number." in form.errors["age"].text()
    assert "<img src=/dev/zero>" in window.message.text()
    for text in ('<a href="https://example.org">click</a>', "<img src=/tmp>"):
        form.age.setText(text)
        window.flush()
        window.repaint()
        assert text in form.errors["age"].text()


def test_html_in_a_file_is_shown_literally(qtbot, tmp_path, monkeypatch, model):
    import json

    from decision_aid.ui import consultation_dialogs

    document = json.loads((CORPUS / "older_evidence.aidconsult.json").read_text())
    evil = "<img src=/dev/zero><a href='https://example.org'>x</a>"
    version = tmp_path / "version.aidconsult.json"
    version.write_text(json.dumps({**document, "evidence_version": evil}))
    unknown = tmp_path / "unknown.aidconsult.json"
    unknown.write_text(json.dumps({**document, evil: 1}))
    fifo_named = tmp_path / "fifo"
    import os

    os.mkfifo(fifo_named)
    window = new_window(qtbot, tmp_path, monkeypatch)
    shown = []

    def show_and_paint(box):
        box.show()
        box.repaint()  # a rich-text label would read /dev/zero here
        shown.append(box)
        assert_plain(box)
        box.close()

    monkeypatch.setattr(window.consultations, "show_version_change",
                        lambda message: show_and_paint(consultation_dialogs.version_change_box(window, message)))
    monkeypatch.setattr(consultation_dialogs, "show_file_error", lambda parent, path, problem, opening=True:
                        show_and_paint(consultation_dialogs.file_error_box(parent, path, problem, opening)))
    assert window.consultations.open(version)
    assert evil in shown[-1].text()
    assert not window.consultations.open(unknown)
    assert "<img src=/dev/zero>" in shown[-1].informativeText()
    window.consultations.dirty = False


# --- two running copies (item 6) and a failing autosave (item 7) -------------------------------

def two_windows_in_the_data_folder(qtbot, tmp_path, monkeypatch):
    """Two windows as two running copies would have them: each its own autosave in the data folder."""
    data = tmp_path / "data"
    monkeypatch.setenv("DECISION_AID_DATA_DIR", str(data))
    windows = []
    for name in ("first", "second"):
        win = MainWindow(settings=QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
        monkeypatch.setattr(win.consultations, "ask_unsaved", lambda: UnsavedAnswer.DISCARD)
        qtbot.addWidget(win)
        win.show()
        windows.append(win)
    return data, windows


def test_each_window_owns_its_autosave(qtbot, tmp_path, monkeypatch):
    data, (first, second) = two_windows_in_the_data_folder(qtbot, tmp_path, monkeypatch)
    first.set_profile_fields({"age": 41, "course": "rrms", "edss": 3.0, "prior_dmts": 1})
    first.sheet_panel.notes_edit.setPlainText("First patient's notes")
    assert first.consultations.autosaver.save_now()
    asked = []
    monkeypatch.setattr(second.consultations, "ask_restore", lambda pending: asked.append(pending) or False)
    # The second copy does not offer (or delete) the first's live consultation.
    assert not second.consultations.offer_restore() and asked == []
    assert first.consultations.autosaver.path.exists()
    second.set_profile_fields({"age": 60, "course": "spms", "edss": 6.0, "prior_dmts": 4})
    assert second.consultations.autosaver.save_now()
    assert first.consultations.autosaver.path != second.consultations.autosaver.path
    # A clean exit of either removes only its own.
    second.close()
    assert not second.consultations.autosaver.path.exists()
    assert first.consultations.autosaver.path.exists()
    assert b"First patient's notes" in first.consultations.autosaver.path.read_bytes()
    first.close()
    assert [p for p in data.iterdir() if p.name.startswith("autosave")] == []


def test_only_an_orphaned_backup_is_offered_and_declining_deletes_only_it(qtbot, tmp_path, monkeypatch):
    data, (first, second) = two_windows_in_the_data_folder(qtbot, tmp_path, monkeypatch)
    for window, age in ((first, 41), (second, 60)):
        window.set_profile_fields({"age": age, "course": "rrms", "edss": 3.0, "prior_dmts": 1})
        assert window.consultations.autosaver.save_now()
    first.consultations.autosaver._lock.unlock()  # the first copy was killed: its lock is gone
    third = MainWindow(settings=QSettings(str(tmp_path / "third.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(third)
    monkeypatch.setattr(third.consultations, "ask_unsaved", lambda: UnsavedAnswer.DISCARD)
    offered = []
    monkeypatch.setattr(third.consultations, "ask_restore", lambda pending: offered.append(pending) or False)
    assert not third.consultations.offer_restore()
    assert [p.profile["age"] for p in offered] == ["41"]  # the orphan, not the running copy's
    assert not first.consultations.autosaver.path.exists()
    assert second.consultations.autosaver.path.exists()
    first.consultations.dirty = False


def test_the_same_file_in_two_windows_asks_before_overwriting(qtbot, tmp_path, monkeypatch, model):
    path = save_consultation(tmp_path / "visit.aidconsult.json", Consultation.for_model(
        model, {"age": "38", "course": "rrms", "edss": "4.0", "prior_dmts": "3"}, notes="original"))
    first = new_window(qtbot, tmp_path, monkeypatch, "first")
    second = new_window(qtbot, tmp_path, monkeypatch, "second")
    assert first.consultations.open(path) and second.consultations.open(path)
    first.sheet_panel.notes_edit.setPlainText("changed in the first window")
    assert first.consultations.save()
    second.sheet_panel.notes_edit.setPlainText("changed in the second window")
    asked = []
    monkeypatch.setattr(second.consultations, "ask_replace_changed", lambda p: asked.append(p) or False)
    assert not second.consultations.save()
    assert asked == [path] and load_consultation(path, model).notes == "changed in the first window"
    monkeypatch.setattr(second.consultations, "ask_replace_changed", lambda p: True)
    assert second.consultations.save()
    assert load_consultation(path, model).notes == "changed in the second window"
    # Saved by this window: no question next time.
    monkeypatch.setattr(second.consultations, "ask_replace_changed", lambda p: pytest.fail("asked again"))
    second.sheet_panel.notes_edit.setPlainText("again")
    assert second.consultations.save()


def test_a_failing_autosave_is_said_once_and_save_and_quit_still_work(qtbot, tmp_path, monkeypatch, model):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("DECISION_AID_DATA_DIR", str(blocked))
    window = MainWindow(settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    monkeypatch.setattr(window.consultations, "ask_unsaved", lambda: UnsavedAnswer.DISCARD)
    window.show()
    window.set_profile_fields({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3})
    assert window.consultations.autosaver.save_now() is False
    notice = window.consultations.autosave_notice
    assert notice.isVisible() and notice.text().startswith("\u26a0 Autosave is not working: ")
    assert notice.text().endswith("Save the consultation to keep your work.")
    window.consultations.autosaver.save_now()
    assert len(window.statusBar().findChildren(type(notice), "autosaveNotice")) == 1  # said once
    path = tmp_path / "visit.aidconsult.json"
    monkeypatch.setattr(consultation_controller, "ask_save_path", lambda parent, suggested: path)
    assert window.consultations.save()  # no crash dialog, no exception
    assert load_consultation(path, model).profile["age"] == "38"
    window.sheet_panel.notes_edit.setPlainText("more")
    assert window.close()  # quitting does not raise either


def test_a_full_disk_autosave_keeps_the_previous_backup(qtbot, tmp_path, monkeypatch):
    import errno
    import os

    window = new_window(qtbot, tmp_path, monkeypatch)
    window.set_profile_fields({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3})
    saver = window.consultations.autosaver
    assert saver.save_now()
    before = saver.path.read_bytes()
    window.sheet_panel.notes_edit.setPlainText("newer notes")
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left")))
    assert not saver.save_now()
    assert saver.path.read_bytes() == before
    assert "the disk is full" in window.consultations.autosave_notice.text()


def test_labels_and_message_boxes_are_made_only_by_the_plain_text_helpers():
    """A guard for code still to come: a bare QLabel(...) or a static QMessageBox helper (both
    guess rich text) is made nowhere but in ui/plain.py."""
    import re

    package = Path(__file__).resolve().parents[2] / "decision_aid"
    pattern = re.compile(r"\bQLabel\(|\bQMessageBox\(|QMessageBox\.(question|warning|about|information|critical)\(|"
                         r"setOpenExternalLinks\(True\)|TextFormat\.(RichText|AutoText)")
    offenders = [f"{path.relative_to(package)}:{number}"
                 for path in package.rglob("*.py") if path.name != "plain.py"
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if pattern.search(line)]
    assert offenders == []


def test_the_lock_of_a_window_that_is_gone_without_a_backup_is_removed(qtbot, tmp_path, monkeypatch):
    data, (first, second) = two_windows_in_the_data_folder(qtbot, tmp_path, monkeypatch)
    first.set_profile_fields({"age": 41})
    assert first.consultations.autosaver.save_now()
    first.consultations.autosaver.discard()  # saved by the user: no backup, the lock stays while it runs
    lock = first.consultations.autosaver.path.with_name(first.consultations.autosaver.path.name + ".lock")
    assert lock.exists()
    assert second.consultations.autosaver.orphans() == [] and lock.exists()  # its window still runs
    first.consultations.autosaver._lock.unlock()
    lock.write_text("999999999\ndecision-aid\n\n")  # as a killed process leaves it
    assert second.consultations.autosaver.orphans() == [] and not lock.exists()
    first.consultations.dirty = False


# === Second round (issue #28) ===================================================================

SPOOF_NAME = "\u202eeoD enaJ"  # reads "Jane Doe"
SPOOF_NOTE = "Next dose: \u202eg 05\u202c then review"  # reads "Next dose: 50 g then review"
PROFILE = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}


def pdf_text(path: Path) -> str:
    """The text a reader of the PDF gets, page by page (as a PDF viewer lays it out)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def spoofed_window(qtbot, tmp_path, monkeypatch, name=SPOOF_NAME, notes=""):
    window = new_window(qtbot, tmp_path, monkeypatch)
    window.set_profile_fields(PROFILE)
    window.sheet_panel.name_edit.setText(name)
    window.sheet_panel.notes_edit.setPlainText(notes)
    window.flush()
    return window


@pytest.mark.parametrize("name, notes, field", [(SPOOF_NAME, "", "sheetNameMark"), ("", SPOOF_NOTE, "sheetNotesMark"),
                                                ("\u200b", "", "sheetNameMark")])
def test_the_window_marks_a_name_or_notes_that_read_otherwise_and_prints_none_of_it(
        qtbot, tmp_path, monkeypatch, name, notes, field):
    window = spoofed_window(qtbot, tmp_path, monkeypatch, name, notes)
    mark = window.sheet_panel.findChild(QLabel, field)
    assert mark is not None and mark.isVisibleTo(window.sheet_panel)
    assert mark.text().startswith("\u26a0 Not allowed: ") and ("U+202E RIGHT-TO-LEFT OVERRIDE" in mark.text()
                                                               or "U+200B ZERO WIDTH SPACE" in mark.text())
    edit = window.sheet_panel.name_edit if field == "sheetNameMark" else window.sheet_panel.notes_edit
    assert mark.text() in edit.accessibleDescription()  # what a screen reader is told
    actions = window.sheet_actions
    warned = []
    monkeypatch.setattr(actions, "_warn", lambda title, text: warned.append(text))
    monkeypatch.setattr(actions, "_ask_path", lambda suggested: pytest.fail("asked where to save"))
    monkeypatch.setattr(actions, "_exec", lambda dialog: pytest.fail("opened a print dialog"))
    assert actions.save_pdf() is None and actions.print_sheet() is False and actions.preview_sheet() is False
    assert len(warned) == 3 and all("U+" in text for text in warned)
    # The saved file follows the same rule (and the autosave, which never holds the name, for notes).
    path = tmp_path / "visit.aidconsult.json"
    monkeypatch.setattr(consultation_controller, "ask_save_path", lambda parent, suggested: path)
    shown = []
    monkeypatch.setattr(consultation_dialogs, "show_file_error",
                        lambda parent, target, problem, opening=True: shown.append(problem))
    assert not window.consultations.save() and not path.exists() and "U+" in shown[0]
    # Fixed, the mark goes and everything works again.
    window.sheet_panel.name_edit.setText("Jane Doe")
    window.sheet_panel.notes_edit.setPlainText("Next dose: 50 g then review")
    assert not mark.isVisibleTo(window.sheet_panel)
    assert window.consultations.save() and load_consultation(path, window.model).patient_name == "Jane Doe"


def test_the_record_copy_never_names_the_patient_with_a_spoofed_name(qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QGuiApplication

    from decision_aid.ui import record_copy

    window = spoofed_window(qtbot, tmp_path, monkeypatch)
    QGuiApplication.clipboard().setText("before")
    told = []
    monkeypatch.setattr(record_copy, "tell", lambda parent, title, text: told.append(text))
    copier = window.record_copy
    monkeypatch.setattr(copier, "ask_include_name", lambda name: True)
    assert copier.copy() is None
    assert QGuiApplication.clipboard().text() == "before" and "U+202E RIGHT-TO-LEFT OVERRIDE" in told[0]
    monkeypatch.setattr(copier, "ask_include_name", lambda name: False)  # without the name it is copied
    assert "Jane" not in copier.copy() and "eoD" not in QGuiApplication.clipboard().text()


@pytest.mark.parametrize("name", ["\u0645\u062d\u0645\u062f \u0628\u0646 \u0633\u0644\u0645\u0627\u0646",
                                  "\u05e9\u05dc\u05d5\u05dd \u05db\u05d4\u05df", "Zo\u00eb O'Brien"])
def test_a_right_to_left_name_is_printed_as_written(qtbot, tmp_path, monkeypatch, name):
    window = spoofed_window(qtbot, tmp_path, monkeypatch, name=name, notes=f"{name}: next visit in May")
    mark = window.sheet_panel.findChild(QLabel, "sheetNameMark")
    assert mark is None or not mark.isVisibleTo(window.sheet_panel)
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(window.sheet_actions, "_ask_path", lambda suggested: str(target))
    assert window.sheet_actions.save_pdf() == target
    # A viewer gives the runs of a line in the order they are drawn ("<name> :For"; in a right-to-left
    # paragraph, its words from the right): each word is there, whole and readable.
    lines = pdf_text(target).splitlines()
    assert any(name in line and "For" in line for line in lines)
    assert any(all(word in line for word in name.split()) and "next visit in May" in line for line in lines)


# --- a damaged backup (item 3) ------------------------------------------------------------------

@pytest.mark.parametrize("saved_at", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"])
def test_a_damaged_backup_is_set_aside_and_said_once(qtbot, tmp_path, monkeypatch, model, saved_at):
    """The restore question failed on the date (OverflowError) at every start: crash.log, the crash
    dialog, and the backup never offered."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("DECISION_AID_DATA_DIR", str(data))
    backup = data / "autosave-0123456789abcdef.aidconsult.json"
    document = json.loads((CORPUS / "older_evidence.aidconsult.json").read_text(encoding="utf-8"))
    backup.write_text(json.dumps({**document, "saved_at": saved_at}))
    good = data / "autosave-fedcba9876543210.aidconsult.json"
    good.write_text(json.dumps({**document, "notes": "the good one"}))
    os.utime(good, (1, 1))  # older: the damaged one is looked at first
    for start in (1, 2):
        window = MainWindow(settings=QSettings(str(tmp_path / f"w{start}.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        monkeypatch.setattr(window.consultations, "ask_unsaved", lambda: UnsavedAnswer.DISCARD)
        asked = []
        monkeypatch.setattr(window.consultations, "ask_restore", lambda pending: asked.append(pending) or False)
        window.show()
        window.consultations.offer_restore()  # never raises
        message = window.statusBar().currentMessage()
        if start == 1:
            assert [p.notes for p in asked] == ["the good one"]
            assert "set aside as damaged-autosave-0123456789abcdef.aidconsult.json" in message and "saved_at" in message
        else:
            assert asked == [] and message == ""  # said once; the good one was declined and removed
        window.close()
    assert not backup.exists() and (data / f"damaged-{backup.name}").exists()
    assert not (data / "crash.log").exists()


# --- damaged settings (item 4) ------------------------------------------------------------------

def test_settings_holding_infinity_or_nonsense_fall_back_to_the_defaults(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "odd.ini"
    odd = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in (("view/horizon", float("inf")), ("view/audience", [1, 2]), ("sheet/paper", 3.5),
                       ("view/language", {"a": 1}), ("window/geometry", b"\x00" * 4096), ("view/reference_x", None)):
        odd.setValue(key, value)
    odd.sync()
    assert "horizon=@Variant" in path.read_text() or "inf" in path.read_text().lower()
    window = unshown_window(qtbot, monkeypatch, path, tmp_path / "autosave.aidconsult.json")
    window.show()
    assert window.horizon() == 5 and window.audience() == "patient" and window.sheet_panel.paper() == "a4"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("make", ["fifo", "folder", "dev-zero", "huge"])
def test_a_settings_file_that_is_not_a_file_keeps_nothing_from_starting(tmp_path, make):
    """A FIFO as decision-aid.conf kept the window from ever appearing."""
    config = tmp_path / "config"
    folder = config / "decision-aid"
    folder.mkdir(parents=True)
    target = folder / "decision-aid.conf"
    if make == "fifo":
        os.mkfifo(target)
    elif make == "folder":
        target.mkdir()
    elif make == "dev-zero":
        target.symlink_to("/dev/zero")
    else:
        target.write_bytes(b"[view]\nhorizon=10\n" + b";" * 2_000_000)
    code = ("from decision_aid.ui.app import application, start_language\n"
            "from decision_aid.ui.settings import WindowSettings\n"
            "application(); start_language(None)\n"
            "settings = WindowSettings()\n"
            "print(settings.audience(), settings.horizon((5, 10)), settings.paper())\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "XDG_CONFIG_HOME": str(config), "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0 and done.stdout.split() == ["patient", "5", "a4"], done.stderr


def test_a_restored_backup_never_makes_save_replace_a_file_that_is_not_a_consultation(
        qtbot, tmp_path, monkeypatch, model):
    """Beyond the issue: a backup's ``opened_from`` became the window's file, and Ctrl+S replaced
    whatever file it named (a document, a configuration file) without asking."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("DECISION_AID_DATA_DIR", str(data))
    victim = tmp_path / "letter.txt"
    victim.write_text("Dear colleague")
    consultation = save_consultation(tmp_path / "real.aidconsult.json", Consultation.for_model(model, PROFILE))
    document = json.loads((CORPUS / "older_evidence.aidconsult.json").read_text(encoding="utf-8"))
    for opened_from, kept in ((victim, False), (consultation, True)):
        backup = data / "autosave-0123456789abcdef.aidconsult.json"
        backup.write_text(json.dumps({**document, "opened_from": str(opened_from)}))
        window = MainWindow(settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        monkeypatch.setattr(window.consultations, "ask_unsaved", lambda: UnsavedAnswer.DISCARD)
        monkeypatch.setattr(window.consultations, "ask_restore", lambda pending: True)
        monkeypatch.setattr(window.consultations, "show_version_change", lambda message: None)  # no modal box
        window.show()
        assert window.consultations.offer_restore()
        assert (window.consultations.path == opened_from) == kept
        asked = []
        monkeypatch.setattr(consultation_controller, "ask_save_path", lambda parent, suggested: asked.append(1))
        window.consultations.save()
        assert bool(asked) != kept  # Save asks where, unless the backup's file is a consultation
        window.consultations.dirty = False
        window.close()
    assert victim.read_text() == "Dear colleague"
