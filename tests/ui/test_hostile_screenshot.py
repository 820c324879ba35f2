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
