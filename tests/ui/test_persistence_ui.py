"""Autosave, crash handling and the File dialogs with real Qt objects."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from decision_aid.consultation import Consultation, load_consultation, save_consultation
from decision_aid.paths import crash_log_path, is_autosave_name
from decision_aid.ui.autosave import Autosaver, pending_restore
from decision_aid.ui.consultation_dialogs import (
    FILE_FILTERS, UnsavedAnswer, ask_open_path, ask_save_path, ask_unsaved_changes, open_consultation,
    save_consultation_to, unsaved_changes_box,
)
from decision_aid.ui.crash_handler import CRASH_TEXT, install_crash_handler
from helpers import when_shown

CORPUS = Path(__file__).resolve().parents[1] / "data" / "consultations"
NAME = "Jane Roe"
NOTES = "Worried about infertility after Zoë's advice"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("DECISION_AID_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def consultation(model):
    return Consultation.for_model(model, {"age": "38", "course": "rrms", "edss": "4.0", "prior_dmts": "3"},
                                  audience="patient", notes=NOTES, values={"fertility": "maybe"}, patient_name=NAME)


# --- autosave -----------------------------------------------------------------------------------

def test_autosave_writes_only_while_dirty_and_never_the_name(qtbot, data_dir, consultation, model):
    dirty = [False]
    saver = Autosaver(lambda: consultation, lambda: dirty[0])
    assert saver.interval_ms == 30_000 and saver.path.parent == data_dir and is_autosave_name(saver.path.name)
    assert saver.save_now() is False and not saver.path.exists()
    dirty[0] = True
    assert saver.save_now() is True
    assert NAME.encode() not in saver.path.read_bytes()
    assert saver.pending_restore(model) is None  # its own backup, while it runs, is nobody's orphan
    assert pending_restore(model, saver.path) == consultation.without_name()
    assert pending_restore(model, saver.path).notes == NOTES
    saver.discard()
    assert not saver.path.exists()
    saver.close()


def test_autosave_runs_on_its_timer(qtbot, data_dir, consultation):
    saver = Autosaver(lambda: consultation, lambda: True, interval_ms=20)
    with qtbot.waitSignal(saver.saved, timeout=5000) as blocker:
        saver.start()
    saver.stop()
    assert blocker.args == [saver.path] and saver.path.exists()
    saver.close()


def test_autosave_disk_failure_is_reported_not_raised(qtbot, tmp_path, consultation):
    saver = Autosaver(lambda: consultation, lambda: True, path=tmp_path / "missing-folder" / "auto.json")
    with qtbot.waitSignal(saver.failed) as blocker:
        assert saver.save_now() is False
    assert "cannot be used" in blocker.args[0]


def test_unreadable_autosave_is_not_offered(data_dir, model):
    data_dir.mkdir()
    (data_dir / "autosave-0123456789abcdef.aidconsult.json").write_bytes(b'{"format": "decision-aid-consultation", "form')
    assert Autosaver(lambda: None, lambda: False).pending_restore(model) is None


def test_autosave_survives_a_killed_process(data_dir, consultation, model):
    """kill -9 after an autosave: the next start finds the consultation, without the name."""
    source = data_dir.parent / "original.aidconsult.json"
    save_consultation(source, consultation)
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QCoreApplication
        from decision_aid.consultation import load_consultation
        from decision_aid.model import default_model
        from decision_aid.ui.autosave import Autosaver
        app = QCoreApplication([])
        entered = load_consultation({str(source)!r}, default_model())
        saver = Autosaver(lambda: entered, lambda: True, interval_ms=20)
        saver.saved.connect(lambda path: (print("saved", flush=True)))
        saver.start()
        app.exec()
    """)
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        assert process.stdout.readline().strip() == "saved"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    # The killed process's lock is stale (its process is gone): the next start offers its backup.
    nxt = Autosaver(lambda: None, lambda: False)
    restored = nxt.pending_restore(model)
    assert restored is not None
    assert restored.patient_name is None and restored == consultation.without_name()
    left = sorted(p.name for p in data_dir.iterdir())
    backup = next(name for name in left if is_autosave_name(name))
    assert NAME.encode() not in (data_dir / backup).read_bytes()
    assert left == [backup, backup + ".lock"]  # no temporary left behind
    nxt.discard_offered()
    assert sorted(p.name for p in data_dir.iterdir()) == []


def test_the_next_start_removes_a_backups_temporary_whose_process_was_killed(data_dir, consultation, model):
    """What a kill -9 in the middle of an autosave leaves (a fresh temporary named with the dead
    process's id) is gone after the next start's look for backups, with no minute to wait."""
    from decision_aid.safe_io import TEMP_PREFIX, TEMP_SUFFIX

    data_dir.mkdir()
    save_consultation(data_dir / "autosave-0123456789abcdef.aidconsult.json", consultation.without_name())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    left = data_dir / f"{TEMP_PREFIX}{child.pid}-{'e' * 16}{TEMP_SUFFIX}"
    left.write_bytes(b"half a consultation")
    nxt = Autosaver(lambda: None, lambda: False)
    assert nxt.pending_restore(model) is not None
    assert not left.exists()
    nxt.discard_offered()


# --- crash handler ------------------------------------------------------------------------------

def raise_with_patient_data():
    def apply_profile(name, notes):
        secret_local = f"{name} / {notes}"  # noqa: F841 (a local the log must not contain)
        raise ValueError(f"cannot apply profile for {name}: {notes}")
    try:
        apply_profile(NAME, NOTES)
    except ValueError as exc:
        return type(exc), exc, exc.__traceback__


def test_crash_is_logged_without_patient_data_and_the_window_stays(qtbot, data_dir):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    handler = install_crash_handler(lambda: window)
    seen = {}
    try:
        def read_and_close(box):
            seen["text"], seen["info"], seen["parent"] = box.text(), box.informativeText(), box.parent()
            box.accept()
        when_shown(read_and_close)
        handler(*raise_with_patient_data())
    finally:
        handler.uninstall()
    assert sys.excepthook is not handler
    log = crash_log_path().read_text()
    assert "ValueError" in log and "apply_profile" in log and "raise_with_patient_data" in log
    for private in (NAME, "Zoë", "infertility", "secret_local", "cannot apply"):
        assert private not in log
    assert seen["text"] == CRASH_TEXT and str(crash_log_path()) in seen["info"]
    assert seen["parent"] is window and window.isVisible()
    assert (crash_log_path().stat().st_mode & 0o777) == 0o600


def test_crash_log_keeps_the_cause_chain_scrubbed(data_dir):
    from decision_aid.crashlog import write_crash_log

    try:
        try:
            raise KeyError(NAME)
        except KeyError as inner:
            raise RuntimeError(NOTES) from inner
    except RuntimeError as exc:
        path = write_crash_log(type(exc), exc, exc.__traceback__)
    log = path.read_text()
    assert "builtins.KeyError" in log and "builtins.RuntimeError" in log and "which led to" in log
    assert NAME not in log and "infertility" not in log


def test_an_error_while_the_dialog_is_open_does_not_open_another(qtbot, data_dir, capfd):
    handler = install_crash_handler(lambda: None)
    boxes = []
    try:
        def error_inside(box):
            boxes.append(box)
            handler(*raise_with_patient_data())  # a second error while the first dialog is open
            box.accept()
        when_shown(error_inside)
        handler(*raise_with_patient_data())
    finally:
        handler.uninstall()
    assert len(boxes) == 1
    assert crash_log_path().read_text().count("=== ") == 2
    assert "unexpected error (ValueError)" in capfd.readouterr().err


def test_a_failing_dialog_does_not_recurse(qtbot, data_dir, capfd):
    def broken_parent():
        raise RuntimeError("the window is gone")

    handler = install_crash_handler(broken_parent)
    try:
        handler(*raise_with_patient_data())
    finally:
        handler.uninstall()
    assert crash_log_path().exists() and "unexpected error (ValueError)" in capfd.readouterr().err


# --- File dialogs -------------------------------------------------------------------------------

def test_unsaved_changes_offers_save_discard_cancel(qtbot):
    box = unsaved_changes_box(None)
    buttons = {box.standardButton(b) for b in box.buttons()}
    assert buttons == {QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                       QMessageBox.StandardButton.Cancel}
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Save)
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)
    for button, answer in ((QMessageBox.StandardButton.Discard, UnsavedAnswer.DISCARD),
                           (QMessageBox.StandardButton.Save, UnsavedAnswer.SAVE),
                           (QMessageBox.StandardButton.Cancel, UnsavedAnswer.CANCEL)):
        when_shown(lambda modal, b=button: modal.button(b).click())
        assert ask_unsaved_changes(None) is answer


def test_save_dialog_adds_the_suffix_and_open_dialog_filters(qtbot, tmp_path):
    def choose(name):
        def act(dialog):
            assert isinstance(dialog, QFileDialog) and dialog.nameFilters() == list(FILE_FILTERS)
            dialog.selectFile(str(tmp_path / name))
            dialog.accept()
        return act

    when_shown(choose("visit-2"))
    assert ask_save_path(None, tmp_path / "suggested.aidconsult.json") == tmp_path / "visit-2.aidconsult.json"
    (tmp_path / "old.json").write_text("{}")
    when_shown(choose("old.json"))
    assert ask_open_path(None, tmp_path) == tmp_path / "old.json"
    when_shown(lambda dialog: dialog.reject())
    assert ask_open_path(None, tmp_path) is None


def test_bad_file_shows_the_sentence_and_applies_nothing(qtbot, model):
    seen = {}

    def read(box):
        seen["title"], seen["info"] = box.windowTitle(), box.informativeText()
        box.accept()

    when_shown(read)
    assert open_consultation(None, CORPUS / "horizon_7.aidconsult.json", model) is None
    assert seen["title"] == "Consultation not opened"
    assert "'horizon' is 7" in seen["info"] and "Nothing on screen was changed" in seen["info"]


def test_save_to_an_unwritable_place_says_so(qtbot, tmp_path, consultation):
    seen = {}
    when_shown(lambda box: (seen.setdefault("info", box.informativeText()), box.accept()))
    assert save_consultation_to(None, tmp_path / "no-such-folder" / "x.aidconsult.json", consultation) is False
    assert "The disk reported" in seen["info"]
    assert save_consultation_to(None, tmp_path / "x.aidconsult.json", consultation) is True


# --- privacy of the name ------------------------------------------------------------------------

def test_name_is_only_in_the_file_the_user_saved(qtbot, tmp_path, data_dir, consultation, model):
    """Autosave and crash log never hold the name; the user's own file does (settings: see the
    window tests, which use the real window's settings)."""
    window = QLabel("consultation")
    qtbot.addWidget(window)
    saver = Autosaver(lambda: consultation, lambda: True)
    saver.save_now()
    handler = install_crash_handler(lambda: window, show_dialog=False)
    try:
        handler(*raise_with_patient_data())
    finally:
        handler.uninstall()
    assert sorted(p.name for p in data_dir.iterdir()) == sorted(
        [saver.path.name, saver.path.name + ".lock", crash_log_path().name])
    for path in data_dir.iterdir():
        assert NAME.encode() not in path.read_bytes(), path
    assert b"infertility" not in crash_log_path().read_bytes()  # the autosave keeps the notes, by design
    chosen = save_consultation(tmp_path / "visit.aidconsult.json", consultation)
    assert load_consultation(chosen, model).patient_name == NAME
