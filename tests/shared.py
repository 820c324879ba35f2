"""Qt-free helpers that tests in both tests/core and tests/ui use (tests/conftest.py's folder is on
the import path). Only what would otherwise be written twice since the tests were split."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from hypothesis import strategies as st

from decision_aid.consultation import Consultation
from decision_aid.safe_io import TEMP_PREFIX

#: Modules that can reach a network; none may be imported by the package (tests/*/test_privacy*.py).
NETWORK_MODULES = ["socket", "_socket", "ssl", "_ssl", "http.client", "urllib.request", "requests",
                   "PySide6.QtNetwork", "asyncio", "smtplib", "ftplib", "xmlrpc.client", "email.utils"]

#: Python code that lists every module of the package in ``names``.
WALK = textwrap.dedent("""
    import importlib, pkgutil, decision_aid
    names = sorted(i.name for i in pkgutil.walk_packages(decision_aid.__path__, "decision_aid.")
                   if not i.name.endswith("__main__"))  # __main__ runs the command line
""")

#: Python code that stops the interpreter (exit 97, "NETWORK: ..." on stderr) at any socket use.
AUDIT = textwrap.dedent("""
    import os, sys
    def refuse_sockets(event, args):
        if event.startswith("socket."):
            os.write(2, f"NETWORK: {event}\\n".encode())
            os._exit(97)
    sys.addaudithook(refuse_sockets)
""")


def run_python(code: str, *args: str) -> subprocess.CompletedProcess:
    """``code`` in a fresh interpreter (Qt, if loaded, offscreen)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120, env=env)


def cli(*args: str, timeout: float = 90, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command line as a person runs it: a process of its own."""
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env=env)


def one_line(done: subprocess.CompletedProcess) -> str:
    """The one printable line a refusal writes on stderr (never a traceback)."""
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].isprintable()
    return lines[0]


def rewrite(directory: Path, name: str, change) -> None:
    """Edit one evidence file of a copy with ``change(data)`` and re-sign the copy's manifest, so
    that only the content check can fail."""
    path = directory / name
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))
    manifest = json.loads((directory / "manifest.json").read_text())
    manifest["files"][name] = hashlib.sha256(path.read_bytes()).hexdigest()
    (directory / "manifest.json").write_text(json.dumps(manifest))


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]


def run_with_timeout(function, seconds: float = 10) -> dict:
    """Run ``function`` in a thread; fail if it has not returned after ``seconds`` (a hang)."""
    outcome = {}

    def target():
        try:
            outcome["value"] = function()
        except BaseException as exc:  # noqa: BLE001 (reported to the test)
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "reading hung"
    return outcome


def full_consultation(model) -> Consultation:
    """A consultation with every field filled, a name and notes with a line break and a non-ASCII letter."""
    return Consultation.for_model(
        model,
        {"age": "38", "course": "rrms", "edss": 4.0, "prior_dmts": 3, "relapses_past_year": "",
         "disease_duration_years": None},
        audience="patient", horizon=10, notes="Line one.\nZoë asked about MIST.",
        values={"early_risk": "small", "disability": "most"}, patient_name="Jane Roe",
    )


#: Valid profiles (every course, every EDSS step, the optional fields sometimes), for property tests.
profiles = st.fixed_dictionaries(
    {
        "age": st.integers(16, 75),
        "course": st.sampled_from(["rrms", "spms", "ppms", "prms"]),
        "edss": st.sampled_from([0.0] + [x / 2 for x in range(2, 20)]),
        "prior_dmts": st.integers(0, 15),
    },
    optional={"relapses_past_year": st.integers(0, 20), "disease_duration_years": st.integers(0, 60)},
)
