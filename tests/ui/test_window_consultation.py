"""Saved consultations through the real window: save/open, bad files, unsaved changes, autosave,
restore after a crash, and a long random session that must never show a stale number."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from decision_aid.present import wording
from decision_aid.consultation import load_consultation
from decision_aid.model import ProfileError
from decision_aid.ui import consultation_controller, consultation_dialogs
from decision_aid.ui.consultation_dialogs import UnsavedAnswer
from decision_aid.ui.main_window import MainWindow
from helpers import type_profile, unshown_window

CORPUS = Path(__file__).resolve().parents[1] / "data" / "consultations"
# Files with a profile value the model does not allow open as entered (see test_hostile_window.py).
OPEN_AS_ENTERED = {"edss_half.aidconsult.json", "edss_ten.aidconsult.json", "age_80.aidconsult.json",
                   "course_unknown.aidconsult.json"}
BAD_FILES = sorted(p for p in CORPUS.glob("*.json")
                   if p.name != "older_evidence.aidconsult.json" and p.name not in OPEN_AS_ENTERED)


def fill_everything(qtbot, window):
    type_profile(qtbot, window, age="44.5", course="spms", edss=6.5, dmts="4")
    window.profile_form.relapses.setText("1")
    window.profile_form.duration.setText("12")
    window.set_audience("clinician")
    window.set_horizon(10)
    window.sheet_panel.name_edit.setText("Jane Roe")
    window.sheet_panel.notes_edit.setPlainText("Line one.\nAsked about fertility.")
    window.values_panel.set_choices({"early_risk": "small", "fertility": "very"})
    window.flush()


def shown_state(window) -> dict:
    result = window.current_result()
    return {
        "profile": window.profile_form.raw(),
        "audience": window.audience(),
        "horizon": window.horizon(),
        "name": window.sheet_panel.name(),
        "notes": window.sheet_panel.notes(),
        "values": dict(window.values_panel.choices()),
        "early": None if result is None else result.early_mortality,
    }


def save_to(window, monkeypatch, path: Path) -> bool:
    monkeypatch.setattr(consultation_controller, "ask_save_path", lambda parent, suggested: path)
    return window.consultations.save()


def second_window(qtbot, tmp_path, monkeypatch) -> MainWindow:
    win = unshown_window(qtbot, monkeypatch, tmp_path / "second.ini", tmp_path / "second-autosave.aidconsult.json")
    win.show()
    return win


def test_save_and_open_round_trip_every_field(qtbot, window, tmp_path, monkeypatch):
    fill_everything(qtbot, window)
    before = shown_state(window)
    path = tmp_path / "visit.aidconsult.json"
    assert save_to(window, monkeypatch, path)
    assert not window.consultations.dirty and "visit.aidconsult.json" in window.windowTitle()
    assert path.stat().st_mode & 0o777 == 0o600

    other = second_window(qtbot, tmp_path, monkeypatch)
    assert other.consultations.open(path)
    assert shown_state(other) == before
    assert other.current_result() is not None and not other.consultations.dirty


def test_an_edit_after_saving_marks_unsaved_changes(qtbot, window, tmp_path, monkeypatch):
    type_profile(qtbot, window)
    assert window.consultations.dirty and window.isWindowModified()
    save_to(window, monkeypatch, tmp_path / "a.aidconsult.json")
    assert not window.isWindowModified()
    window.sheet_panel.notes_edit.setPlainText("more")
    assert window.consultations.dirty and window.isWindowModified()


@pytest.mark.parametrize("bad", BAD_FILES, ids=lambda p: p.name)
def test_a_bad_file_opens_nothing_and_says_what_is_wrong(qtbot, window, bad, monkeypatch):
    type_profile(qtbot, window)
    window.sheet_panel.notes_edit.setPlainText("keep me")
    before = shown_state(window)
    told = []
    monkeypatch.setattr(consultation_dialogs, "show_file_error",
                        lambda parent, path, problem, opening=True: told.append(problem))
    assert not window.consultations.open(bad)
    assert shown_state(window) == before
    assert len(told) == 1 and told[0].endswith(".") and told[0].count(". ") == 0  # one sentence
    assert window.consultations.path is None


def test_a_file_saved_with_other_evidence_is_recomputed_and_says_so(qtbot, window, monkeypatch, model):
    shown = []
    monkeypatch.setattr(window.consultations, "show_version_change", shown.append)
    assert window.consultations.open(CORPUS / "older_evidence.aidconsult.json")
    saved = json.loads((CORPUS / "older_evidence.aidconsult.json").read_text())
    assert len(shown) == 1
    assert saved["evidence_version"] in shown[0] and model.evidence.version in shown[0]
    expected = model.estimate(model.validate(saved["profile"]), horizon=saved["horizon"])
    assert window.current_result().early_mortality == expected.early_mortality


def test_a_file_saved_with_model_2_opens_with_the_note_that_model_3_recomputed_it(qtbot, window, monkeypatch, model,
                                                                                    tmp_path):
    document = json.loads((CORPUS / "older_evidence.aidconsult.json").read_text())
    document.update(model_version="2.0", evidence_version=model.evidence.version,
                    evidence_checksum=model.evidence.manifest_sha256)
    path = tmp_path / "model_2.aidconsult.json"
    path.write_text(json.dumps(document))
    shown = []
    monkeypatch.setattr(window.consultations, "show_version_change", shown.append)
    assert window.consultations.open(path)
    assert len(shown) == 1 and "saved with model 2.0" in shown[0] and "recomputed with model 3.0" in shown[0]
    assert window.current_result().model_version == "3.0"


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window, monkeypatch):
    type_profile(qtbot, window)
    asked = []
    monkeypatch.setattr(window.consultations, "ask_unsaved", lambda: asked.append(1) or UnsavedAnswer.CANCEL)
    assert not window.close()
    assert asked and window.isVisible() and window.current_result() is not None


def test_opening_another_file_with_unsaved_changes_asks_first(qtbot, window, tmp_path, monkeypatch):
    type_profile(qtbot, window)
    monkeypatch.setattr(window.consultations, "ask_unsaved", lambda: UnsavedAnswer.CANCEL)
    opened = []
    monkeypatch.setattr(consultation_controller, "ask_open_path", lambda *a: opened.append(1))
    assert not window.consultations.open()
    assert opened == []  # cancelled before the file dialog


def test_save_answer_saves_before_closing(qtbot, window, tmp_path, monkeypatch):
    type_profile(qtbot, window)
    path = tmp_path / "on-close.aidconsult.json"
    monkeypatch.setattr(consultation_controller, "ask_save_path", lambda parent, suggested: path)
    monkeypatch.setattr(window.consultations, "ask_unsaved", lambda: UnsavedAnswer.SAVE)
    assert window.close()
    assert load_consultation(path, window.model).profile["age"] == "38"


def test_autosave_without_the_name_and_removed_on_a_clean_exit(qtbot, window, tmp_path):
    fill_everything(qtbot, window)
    autosave = window.consultations.autosaver.path
    assert window.consultations.autosaver.save_now()
    assert b"Jane Roe" not in autosave.read_bytes()
    assert load_consultation(autosave, window.model).notes.startswith("Line one.")
    window.close()
    assert not autosave.exists()


def test_restore_after_a_crash_brings_back_the_consultation_without_the_name(qtbot, window, tmp_path, monkeypatch):
    fill_everything(qtbot, window)
    before = shown_state(window)
    window.consultations.autosaver.save_now()
    # A crash: the window never closes, the autosave stays, and its owner is gone (as a killed
    # process's lock is stale). The next start finds it.
    window.consultations.autosaver._lock.unlock()
    nxt = unshown_window(qtbot, monkeypatch, tmp_path / "next.ini", tmp_path / "autosave-next.aidconsult.json")
    monkeypatch.setattr(nxt.consultations, "ask_restore", lambda pending: True)
    assert nxt.consultations.offer_restore()
    assert shown_state(nxt) == {**before, "name": None}
    assert nxt.consultations.dirty  # restored, not yet saved by the user
    window.consultations.dirty = False  # let the fixture close the crashed window quietly


def test_declined_restore_removes_the_autosave(qtbot, window, tmp_path, monkeypatch):
    type_profile(qtbot, window)
    window.consultations.autosaver.save_now()
    path = window.consultations.autosaver.path
    window.consultations.autosaver._lock.unlock()  # its window is gone
    nxt = second_window(qtbot, tmp_path, monkeypatch)
    monkeypatch.setattr(nxt.consultations, "ask_restore", lambda pending: False)
    assert not nxt.consultations.offer_restore()
    assert not path.exists()


def test_new_consultation_clears_everything(qtbot, window):
    fill_everything(qtbot, window)
    assert window.consultations.new()
    state = shown_state(window)
    assert state["early"] is None and state["name"] is None and state["notes"] == "" and state["values"] == {}
    assert all(v in ("", None) for v in state["profile"].values())


# --- a long random session ------------------------------------------------------------------

AGES = ["38", "16", "75", "15", "80", "abc", "", "44.5", "-3", "1e9", "nan"]
DMTS = ["0", "3", "15", "16", "2.5", "", "x", "7"]
RELAPSES = ["", "0", "2", "21", "1.5"]
DURATIONS = ["", "0", "12.5", "61", "ten"]


def test_random_edits_never_crash_never_show_a_stale_number(qtbot, window, model):
    """Hundreds of valid and invalid edits in random order: after each edit the screen either shows
    exactly the model's result for the current inputs or no numbers at all (and no Qt warnings,
    checked by the fixture)."""
    rng = random.Random(20261125)
    form = window.profile_form
    line_edits = [(form.age, AGES), (form.prior_dmts, DMTS), (form.relapses, RELAPSES), (form.duration, DURATIONS)]
    for step in range(400):
        action = rng.randrange(7)
        if action == 0:
            edit, choices = rng.choice(line_edits)
            edit.setFocus()
            edit.selectAll()
            qtbot.keyClick(edit, Qt.Key.Key_Backspace)
            text = rng.choice(choices)
            if text:
                qtbot.keyClicks(edit, text)
        elif action == 1:
            form.course.setCurrentIndex(rng.randrange(form.course.count()))
        elif action == 2:
            form.edss.setCurrentIndex(rng.randrange(form.edss.count()))
        elif action == 3:
            window.set_horizon(rng.choice(model.horizons))
        elif action == 4:
            window.set_audience(rng.choice(["patient", "clinician"]))
        elif action == 5 and rng.random() < 0.1:
            form.clear_button.click()
        else:
            window.tabs.setCurrentIndex(rng.randrange(window.tabs.count()))
        if rng.random() < 0.5:
            # Between an edit and the coalesced update nothing may be shown as current.
            assert window.current_result() is None or not window._pending.isActive()
        window.flush()
        try:
            expected = model.estimate(model.validate(form.raw()), horizon=window.horizon())
        except ProfileError:
            assert window.current_result() is None, step
            assert window.results_stack.currentIndex() == 0 and window.chart_stack.currentIndex() == 0
            continue
        shown = window.current_result()
        assert shown is not None and shown.profile == expected.profile and shown.horizon_years == window.horizon()
        assert shown.early_mortality == expected.early_mortality
        headline = window.outcomes.early.headline.text()
        assert wording.count_phrase(expected.early_mortality.estimate) in headline.lower(), (step, headline)


def test_services_started_after_the_first_paint(qtbot, window, tmp_path, monkeypatch):
    """Crash handler, autosave timer and the restore offer are all started by the window's start-up."""
    import sys

    from decision_aid.ui.app import start_consultation_services

    type_profile(qtbot, window)
    window.consultations.autosaver.save_now()  # as if a previous run had crashed
    window.consultations.autosaver._lock.unlock()
    window.consultations.autosaver._path = tmp_path / "autosave-this-run.aidconsult.json"
    offered = []
    monkeypatch.setattr(window.consultations, "ask_restore", lambda pending: offered.append(pending) or False)
    handler = start_consultation_services(window)
    try:
        assert sys.excepthook is handler
        assert window.consultations.autosaver._timer.isActive()
        assert len(offered) == 1
    finally:
        handler.uninstall()
        window.consultations.autosaver.stop()
