"""`decision-aid --version`: the program's name and version, nothing else (the bundle's smoke test uses it)."""

import subprocess
import sys

from decision_aid import __version__


def test_version_prints_name_and_version_and_exits_0():
    done = subprocess.run([sys.executable, "-m", "decision_aid", "--version"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"decision-aid {__version__}\n"
    assert done.stderr == ""
