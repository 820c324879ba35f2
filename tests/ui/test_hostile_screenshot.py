"""The screenshot a hostile command line asks for is written owner-only (it draws the window with Qt).
The checks made before any window opens are in tests/core/test_hostile_input.py."""

import subprocess
import sys


FLAGS = ["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3"]


def cli(*args, timeout=60):
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True,
                          timeout=timeout)


def test_screenshot_is_written_owner_only(tmp_path):
    out = tmp_path / "w.png"
    done = cli("--screenshot", str(out), *FLAGS)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and (out.stat().st_mode & 0o777) == 0o600


# === Second round (issue #28): the command line where it draws with Qt ===========================

import os  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from test_hostile_window import SPOOF_NAME, SPOOF_NOTE, pdf_text  # noqa: E402


def one_line(done, status: int) -> str:
    assert done.returncode == status, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1, done.stderr
    return done.stderr


@pytest.mark.parametrize("flag, value, spoof", [("--name", SPOOF_NAME, "Jane Doe"), ("--notes", SPOOF_NOTE, "50 g")])
def test_sheet_never_prints_a_name_or_note_that_reads_otherwise(tmp_path, flag, value, spoof):
    """``--name "\\u202eeoD enaJ"`` printed "For: Jane Doe"; a note typed "05" printed "50"."""
    out = tmp_path / "s.pdf"
    done = cli("sheet", "-o", str(out), *FLAGS, flag, value)
    text = pdf_text(out) if out.exists() else ""
    assert spoof not in text
    line = one_line(done, 2)
    assert line.startswith(f"decision-aid: {flag}: ") and "U+202E RIGHT-TO-LEFT OVERRIDE" in line and not out.exists()


def test_names_and_notes_in_right_to_left_scripts_are_printed(tmp_path):
    out = tmp_path / "s.pdf"
    name, notes = "\u05e9\u05dc\u05d5\u05dd \u05db\u05d4\u05df", "\u0645\u0648\u0639\u062f \u0627\u0644\u0632\u064a\u0627\u0631\u0629"
    done = cli("sheet", "-o", str(out), *FLAGS, "--name", name, "--notes", notes)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    text = pdf_text(out)
    assert name in text and all(word in text for word in notes.split())


def test_a_folder_whose_name_is_not_utf8_takes_a_sheet_as_it_takes_a_screenshot(tmp_path):
    folder = os.path.join(os.fsencode(tmp_path), b"visit-\xff\xfe")
    os.mkdir(folder)
    for command, name in ((["sheet", "-o"], b"s.pdf"), (["--screenshot"], b"w.png")):
        target = os.path.join(folder, name)
        done = subprocess.run([sys.executable, "-m", "decision_aid", *command, target, *FLAGS], capture_output=True,
                              timeout=120)
        assert done.returncode == 0 and done.stderr == b"", done.stderr
        assert os.path.getsize(target) > 1000
    assert open(os.path.join(folder, b"s.pdf"), "rb").read(5) == b"%PDF-"
    assert sorted(os.listdir(folder)) == [b"s.pdf", b"w.png"]  # no temporary left


def no_display() -> dict:
    """An environment whose display cannot be reached (and no platform chosen)."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":77"  # nothing listens there
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 displays")
def test_a_screenshot_needs_no_display(tmp_path):
    out = tmp_path / "w.png"
    done = subprocess.run([sys.executable, "-m", "decision_aid", "--screenshot", str(out), *FLAGS],
                          capture_output=True, text=True, timeout=120, env=no_display())
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    done = subprocess.run([sys.executable, "-m", "decision_aid", "sheet", "-o", str(tmp_path / "s.pdf"), *FLAGS],
                          capture_output=True, text=True, timeout=120, env={**no_display(), "QT_QPA_PLATFORM": "xcb"})
    assert done.returncode == 0 and done.stderr == "", done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 displays")
@pytest.mark.parametrize("display", [":77", None])
def test_the_window_without_a_display_says_so_in_one_line(display):
    env = no_display()
    if display is None:
        del env["DISPLAY"]
    done = subprocess.run([sys.executable, "-m", "decision_aid", *FLAGS], capture_output=True, text=True, timeout=120,
                          env=env)
    line = one_line(done, 1)
    assert "the window needs a display" in line and ("DISPLAY=:77" if display else "no DISPLAY is set") in line


NO_FONT = "\u0905\u0928\u093f\u0932 \uae40\ubbfc\uc900 \u738b\u79c0\u82f1 \U0001f469\u200d\u2695\ufe0f"


def undrawable_here(text: str) -> list[str]:
    from decision_aid.ui.font_check import undrawable

    return undrawable([text])


def test_sheet_names_the_characters_no_font_can_draw(tmp_path):
    missing = undrawable_here(NO_FONT)
    if not missing:
        pytest.skip("every character has a font on this computer")
    out = tmp_path / "s.pdf"
    line = one_line(cli("sheet", "-o", str(out), *FLAGS, "--name", NO_FONT), 2)
    assert f"U+{ord(missing[0]):04X}" in line and "--allow-missing-glyphs" in line and not out.exists()
    done = cli("sheet", "-o", str(out), *FLAGS, "--name", NO_FONT, "--allow-missing-glyphs")
    line = one_line(done, 0)  # a note, and no font noise from Qt
    assert line.startswith("decision-aid: note: ") and f"U+{ord(missing[0]):04X}" in line and out.exists()


def test_ctrl_c_during_sheet_keeps_the_old_pdf_and_exits_130(tmp_path):
    out = tmp_path / "s.pdf"
    out.write_bytes(b"%PDF-1.4 the previous sheet")
    for delay in (0.6, 0.8, 1.0, 1.2, 1.5, 2.0, 2.5):  # after Python itself has started (a few tenths)
        process = subprocess.Popen([sys.executable, "-m", "decision_aid", "sheet", "-o", str(out), *FLAGS,
                                    "--notes", "new"], stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        stderr = process.communicate(timeout=120)[1]
        assert [p.name for p in tmp_path.iterdir()] == ["s.pdf"]  # no temporary left
        if out.read_bytes() != b"%PDF-1.4 the previous sheet":  # finished before the signal came: whole
            assert process.returncode in (0, -signal.SIGINT) and stderr == "" and pdf_text(out)
            out.write_bytes(b"%PDF-1.4 the previous sheet")
        elif process.returncode == -signal.SIGINT:  # before Python started: ended by the signal (a shell shows 130)
            assert stderr == ""
        else:
            assert process.returncode == 130 and stderr == "decision-aid: interrupted; no file was written or replaced\n"
