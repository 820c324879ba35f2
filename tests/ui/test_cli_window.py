"""The command line's window and screenshot paths: they open the real window (Qt). The rest of the
command line's shell behaviour is in tests/core/test_cli_shell.py."""

import subprocess
import sys

import pytest

from decision_aid import cli as cli_module
from decision_aid.consultation import Consultation, save_consultation


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True, timeout=60,
                          cwd=cwd)


def saved(model, tmp_path, **changes):
    consultation = Consultation.for_model(model, {"age": "52", "course": "spms", "edss": 6.0, "prior_dmts": 2},
                                          audience="clinician", horizon=10, patient_name="Jane Roe", **changes)
    return save_consultation(tmp_path / "visit.aidconsult.json", consultation)


def test_screenshot_of_a_saved_consultation_shows_it(model, tmp_path, monkeypatch):
    path = saved(model, tmp_path)
    seen = {}
    from decision_aid.ui import app

    original = app._grab

    def grab(window, *args):
        image = original(window, *args)
        seen.update(raw=dict(window.session.raw), audience=window.audience().value, horizon=window.horizon(),
                    result=window.current_result() is not None)
        return image

    monkeypatch.setattr(app, "_grab", grab)
    assert cli_module.main(["--screenshot", str(tmp_path / "shot.png"), "--profile", str(path)]) == 0
    assert (tmp_path / "shot.png").read_bytes().startswith(b"\x89PNG")
    assert (seen["raw"]["age"], seen["raw"]["course"], seen["raw"]["edss"]) == ("52", "spms", 6.0)
    assert (seen["audience"], seen["horizon"], seen["result"]) == ("clinician", 10, True)
    assert cli_module.main(["--screenshot", str(tmp_path / "patient.png"), "--profile", str(path),
                            "--audience", "patient", "--horizon", "5"]) == 0
    assert (seen["audience"], seen["horizon"]) == ("patient", 5)  # flags given win over the file


def test_the_window_opens_a_saved_consultation_like_file_open(model, tmp_path, monkeypatch):
    path = saved(model, tmp_path)
    calls = []
    import decision_aid.ui.app as app

    monkeypatch.setattr(app, "run_window", lambda *args, **kwargs: calls.append((args, kwargs)) or 0)
    assert cli_module.main(["--profile", str(path)]) == 0
    assert calls == [((None, None, None), {"consultation_path": str(path), "language": None})]


def test_run_window_opens_the_file_with_its_name_in_the_title(qtbot, model, tmp_path, monkeypatch):
    path = saved(model, tmp_path)
    from PySide6.QtWidgets import QApplication

    import decision_aid.ui.app as app

    shown = []

    class Loop:
        def exec(self):
            window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "" and
                          hasattr(w, "consultations") and w.isVisible())
            shown.append((window.windowTitle(), dict(window.session.raw), window.session.name))
            window.consultations.dirty = False
            window.close()
            return 0

    monkeypatch.setattr(app, "application", lambda: Loop())
    assert app.run_window(consultation_path=path) == 0
    title, raw, name = shown[0]
    assert title == "visit.aidconsult.json[*] \u2014 AHSCT decision aid" and "Jane Roe" not in title
    assert raw["age"] == "52" and name == "Jane Roe"


def test_collection_waits_until_the_window_is_shown_then_skips_what_the_start_made(qtbot, monkeypatch):
    """The start pauses the garbage collector (about 40 ms of passes over objects that live as long
    as the program); once the window is shown they are frozen and collection resumes. Whatever
    happens, the collector is on again when run_window returns."""
    import gc

    from PySide6.QtWidgets import QApplication

    import decision_aid.ui.app as app

    seen = {}

    class Loop:
        def exec(self):
            window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "consultations") and w.isVisible())
            seen["while shown"] = gc.isenabled()
            qtbot.waitUntil(lambda: gc.isenabled())  # the first turn of the event loop
            seen["frozen"] = gc.get_freeze_count()
            window.consultations.dirty = False
            window.close()
            return 0

    class Services:
        def uninstall(self):
            seen["services stopped"] = True

    monkeypatch.setattr(app, "application", lambda: Loop())
    monkeypatch.setattr(app, "start_consultation_services", lambda window: Services())
    monkeypatch.setattr(app, "start_language", lambda language: "en")
    try:
        assert app.run_window({"age": "38", "course": "rrms", "edss": "4.0", "prior_dmts": "3"}) == 0
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
    assert seen["while shown"] is False and seen["frozen"] > 10_000 and seen["services stopped"]
    assert gc.isenabled()

    def fails(_language):
        raise RuntimeError("no window")

    monkeypatch.setattr(app, "start_language", fails)
    with pytest.raises(RuntimeError):
        app.run_window()
    assert gc.isenabled()  # a start that fails leaves the collector on


def window_loop(monkeypatch, look):
    """The window's start as run_window does it, with an event loop that calls ``look(window)`` on
    the window shown, then closes it; the consultation services (autosave, crash handler) stay off."""
    from PySide6.QtWidgets import QApplication

    import decision_aid.ui.app as app

    class Loop:
        def exec(self):
            window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "consultations") and w.isVisible())
            look(window)
            window.consultations.dirty = False
            window.close()
            return 0

    class Services:
        def uninstall(self):
            pass

    monkeypatch.setattr(app, "application", lambda: Loop())
    monkeypatch.setattr(app, "start_consultation_services", lambda window: Services())


def test_the_window_started_with_a_profile_shows_the_helpers_estimate_and_leaves_no_process(qtbot, monkeypatch):
    """decision_aid/model/ahead.py: the window command computes the first estimates in a helper
    process while Qt loads. The window started from the command line shows the helper's estimate
    (the same numbers: tests/core/test_ahead.py), and the helper is gone when the window is."""
    import os

    from decision_aid.model import ahead

    if not ahead._worth_forking():
        pytest.skip("the helper is only used on Linux with two cores")
    sent, pids, shown = [], [], []
    collect = ahead._Helper.collect

    def recording(helper, patience=None):
        pids.append(helper.pid)
        sent.extend(collect(helper, patience))
        return tuple(sent)

    monkeypatch.setattr(ahead._Helper, "collect", recording)
    window_loop(monkeypatch, lambda window: shown.append((window.session.result, window.session.horizon)))
    assert cli_module.main(["--age", "61", "--course", "spms", "--edss", "5.5", "--prior-dmts", "2",
                            "--horizon", "5"]) == 0
    result, horizon = shown[0]
    assert horizon == 5 and any(result is answer for answer in sent)
    assert (result.profile.age, result.horizon_years) == (61, 5)
    with pytest.raises(ChildProcessError):
        os.waitpid(pids[0], os.WNOHANG)


def test_work_after_the_first_paint_waits_for_it_and_the_window_prepares_the_model(qtbot, monkeypatch):
    """run_window prepares the model (its shared draws and matrices) once the window is first
    painted, not before: the first picture does not wait for it, the first edit does not pay it."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QLabel, QMainWindow

    import decision_aid.ui.app as app
    from decision_aid.model import Model

    order = []
    window = QMainWindow()
    window.setCentralWidget(QLabel("an estimate"))
    qtbot.addWidget(window)

    class Paints(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                order.append("paint")
            return False

    paints = Paints()
    window.installEventFilter(paints)
    app.after_first_paint(window, lambda: order.append("after"))
    assert order == []
    window.show()
    qtbot.waitUntil(lambda: "after" in order)
    assert order.index("after") > order.index("paint")
    window.update()
    qtbot.wait(50)
    assert order.count("after") == 1  # once

    prepared = []
    monkeypatch.setattr(Model, "prepare", lambda model, profile=None: prepared.append(profile))

    shown = []

    def look(window):
        qtbot.waitUntil(lambda: bool(prepared))
        shown.append(window.session.result.profile)

    window_loop(monkeypatch, look)
    assert app.run_window({"age": "38", "course": "rrms", "edss": "4.0", "prior_dmts": "3"}) == 0
    assert prepared == shown and prepared[0].age == 38
