"""Issue #12's measure: a corpus of crafted consultation files through ``estimate --profile``,
``sheet --profile`` and the window's File > Open: no crash, no hang, no traceback, exit 0 or 2,
one printable line on stderr (none or one note on success)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from hostile_corpus import write_corpus

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    return folder, write_corpus(folder)


def check_stderr(stderr: str, status: int) -> None:
    lines = stderr.splitlines()
    assert "Traceback" not in stderr
    assert len(lines) == 1 if status == 2 else len(lines) <= 1, stderr
    for line in lines:
        assert line.isprintable() and line.startswith("decision-aid: "), line
        line.encode("utf-8")  # strict: a lone surrogate would not reach the terminal


def test_every_crafted_file_through_estimate_and_sheet(corpus, tmp_path):
    folder, paths = corpus
    done = subprocess.run([sys.executable, str(HERE / "hostile_corpus.py"), str(tmp_path / "again"), str(tmp_path)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 2 * len(paths) >= 2 * 120
    problems = []
    for record in records:
        try:
            assert not record["timed_out"], "hung"
            assert record["escaped"] is None, f"raised {record['escaped']}"
            assert record["status"] in (0, 2), f"exit {record['status']}"
            check_stderr(record["stderr"], record["status"])
        except AssertionError as exc:
            problems.append((record["file"], record["command"], str(exc)[:200]))
    assert not problems, problems
    refused = sum(1 for r in records if r["status"] == 2)
    assert refused > len(records) // 2  # most of the corpus is refused, the rest opens


@pytest.mark.parametrize("name", ["fifo.json", "link-to-dev-zero.json", "rtl-unknown-key.json",
                                  "escaped-surrogate-evidence_version.json", "escaped-surrogate-unknown-key.json",
                                  "control-profile-age.json", "bom.json", "html-evidence_version.json"])
def test_real_command_lines_on_a_sample(corpus, tmp_path, name):
    """The same through a real process: the terminal's encoding and exit status as a script sees them."""
    folder, _ = corpus
    for command in (["estimate", "--profile", str(folder / name)],
                    ["sheet", "--profile", str(folder / name), "-o", str(tmp_path / "s.pdf")]):
        done = subprocess.run([sys.executable, "-m", "decision_aid", *command], capture_output=True, timeout=60)
        stderr = done.stderr.decode("utf-8")  # strict
        assert done.returncode in (0, 2)
        check_stderr(stderr, done.returncode)


def test_every_crafted_file_through_the_window(qtbot, corpus, tmp_path, monkeypatch):
    from decision_aid.ui import consultation_dialogs
    from decision_aid.ui.consultation_dialogs import UnsavedAnswer
    from decision_aid.ui.main_window import MainWindow

    folder, paths = corpus
    window = MainWindow(settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                        autosave_path=tmp_path / "autosave-w.aidconsult.json")
    qtbot.addWidget(window)
    monkeypatch.setattr(window.consultations, "ask_unsaved", lambda: UnsavedAnswer.DISCARD)
    window.show()
    shown = []

    def paint(box):
        box.show()
        box.repaint()  # where rich text would load <img src=/dev/zero>
        shown.append(box.text() + "\n" + box.informativeText())
        box.close()
        box.deleteLater()

    monkeypatch.setattr(consultation_dialogs, "show_file_error", lambda parent, path, problem, opening=True:
                        paint(consultation_dialogs.file_error_box(parent, path, problem, opening)))
    monkeypatch.setattr(window.consultations, "show_version_change",
                        lambda message: paint(consultation_dialogs.version_change_box(window, message)))

    def hung(*_):
        raise TimeoutError("opening hung")

    previous = signal.signal(signal.SIGALRM, hung)
    opened = refused = 0
    try:
        for path in paths:
            signal.alarm(20)
            try:
                before = len(shown)
                if window.consultations.open(path):
                    opened += 1
                    window.flush()
                    window.repaint()
                else:
                    refused += 1
                    assert len(shown) == before + 1, path.name  # said why, once
            finally:
                signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert opened >= 20 and refused >= 60 and opened + refused == len(paths)
    window.consultations.dirty = False
