"""The command line as a neurologist or a script meets it: --profile for the window and screenshots,
a closed pipe, the page count in --help, --version."""

import dataclasses
import subprocess
import sys

import pytest

from decision_aid import cli as cli_module
from decision_aid.consultation import Consultation, save_consultation

PROFILE = ["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3"]


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True, timeout=60,
                          cwd=cwd)


def saved(model, tmp_path, **changes):
    consultation = Consultation.for_model(model, {"age": "52", "course": "spms", "edss": 6.0, "prior_dmts": 2},
                                          audience="clinician", horizon=10, patient_name="Jane Roe", **changes)
    return save_consultation(tmp_path / "visit.aidconsult.json", consultation)


def test_a_closed_pipe_exits_0_quietly():
    done = subprocess.run(f"{sys.executable} -m decision_aid estimate {' '.join(PROFILE)} | head -1; "
                          "exit ${PIPESTATUS[0]}", shell=True, executable="/bin/bash", capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "AHSCT personal estimate (decision aid; not a prediction for one person)"
    assert done.stderr == ""


def test_version_and_help_say_how_many_pages_honestly():
    done = run("--version")
    assert done.returncode == 0 and done.stdout.startswith("decision-aid ")
    text = " ".join(run("sheet", "--help").stdout.split()) + " ".join(run("--help").stdout.split())
    assert "one-page" not in text and "several pages: the estimates first" in text


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


def test_screenshot_of_a_saved_profile_that_is_refused_writes_nothing(model, tmp_path):
    path = save_consultation(tmp_path / "draft.aidconsult.json",
                             Consultation.for_model(model, {"age": "80", "course": "rrms", "edss": 4.0,
                                                            "prior_dmts": 2}))
    done = run("--screenshot", str(tmp_path / "shot.png"), "--profile", str(path))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "profile field 'age': '80' is outside the allowed range" in done.stderr and str(path) in done.stderr
    assert not (tmp_path / "shot.png").exists()
    done = run("--profile", str(path), "--age", "40")
    assert done.returncode == 2 and "not both" in done.stderr


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
