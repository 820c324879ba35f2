"""The command line as a neurologist or a script meets it: a closed pipe, the page count in --help,
--version, a refused --profile for a screenshot. The window and screenshots themselves are in
tests/ui/test_cli_window.py."""

import subprocess
import sys

from decision_aid.consultation import Consultation, save_consultation

PROFILE = ["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3"]


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True, timeout=60,
                          cwd=cwd)


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
