"""A desktop session for assistive-technology checks: Xvfb, a D-Bus session bus and the AT-SPI bus,
and the program on Qt's xcb platform with accessibility on. Every process is ended by its own id.

Used by tests/ui/test_atspi.py (a pyatspi client walks the window) and tools/orca_check.py (Orca
itself listens). Needs the Debian packages xvfb, at-spi2-core, dbus-x11, python3-pyatspi and
xdotool (and orca for the Orca run); :func:`missing_tools` names what is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def missing_tools() -> list[str]:
    """The Debian packages (or their commands) the session needs and does not find."""
    missing = [tool for tool in ("Xvfb", "dbus-launch", "xdotool", "gdbus") if shutil.which(tool) is None]
    if not os.path.exists(BUS_LAUNCHER):
        missing.append("at-spi2-core (at-spi-bus-launcher)")
    if not os.path.exists(SYSTEM_PYTHON) or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode != 0:
        missing.append("python3-pyatspi")
    return missing


def wait_for(ready: Callable[[], bool], what: str, timeout: float = 20.0, every: float = 0.1) -> None:
    """Poll ``ready`` until it is true; RuntimeError naming ``what`` after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > end:
            raise RuntimeError(f"{what}: not within {timeout:g} s")
        time.sleep(every)


class Session:
    """Xvfb, a session bus, the AT-SPI bus and the program; every process ended by its own id."""

    def __init__(self, width: int = 1280, height: int = 800) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="decision-aid-atspi-"))
        self.processes: list[subprocess.Popen] = []
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DBUS_", "AT_SPI"))}
        home = self.dir / "home"
        home.mkdir()
        self.env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local"),
                        XDG_CACHE_HOME=str(home / ".cache"), DECISION_AID_DATA_DIR=str(self.dir / "data"),
                        XDG_RUNTIME_DIR=str(self.dir))
        os.chmod(self.dir, 0o700)
        self.bus_pid = 0
        try:
            self._start(width, height)
        except BaseException:
            self.close()
            raise

    def _start(self, width: int, height: int) -> None:
        self.display = self._start_x(width, height)
        self.env["DISPLAY"] = self.display
        bus = subprocess.run(["dbus-launch", "--sh-syntax"], env=self.env, capture_output=True, text=True, check=True)
        for name, value in re.findall(r"^(DBUS_SESSION_BUS_\w+)='?([^';\n]*)'?;", bus.stdout, re.MULTILINE):
            self.env[name] = value
        self.bus_pid = int(self.env["DBUS_SESSION_BUS_PID"])
        self.start([BUS_LAUNCHER, "--launch-immediately"])
        wait_for(lambda: subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus", "--object-path",
                                         "/org/a11y/bus", "--method", "org.freedesktop.DBus.Properties.Set",
                                         "org.a11y.Status", "IsEnabled", "<true>"], env=self.env,
                                        capture_output=True).returncode == 0, "the AT-SPI bus")

    def _start_x(self, width: int, height: int) -> str:
        for number in range(91, 130):
            if not os.path.exists(f"/tmp/.X11-unix/X{number}") and not os.path.exists(f"/tmp/.X{number}-lock"):
                self.start(["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"])
                wait_for(lambda: os.path.exists(f"/tmp/.X11-unix/X{number}"), "Xvfb")
                return f":{number}"
        raise RuntimeError("no free X display")

    def start(self, command: list[str], **popen) -> subprocess.Popen:
        """Start ``command`` in the session (ended by :meth:`close`)."""
        popen.setdefault("stdout", subprocess.DEVNULL)
        popen.setdefault("stderr", subprocess.DEVNULL)
        process = subprocess.Popen(command, env={**self.env, **popen.pop("env", {})}, **popen)
        self.processes.append(process)
        return process

    def start_program(self, *args: str, **env: str) -> subprocess.Popen:
        """The decision aid on the xcb platform, its accessibility bridge always on."""
        return self.start([sys.executable, "-m", "decision_aid", *args],
                          env={"QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", **env},
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def xdotool(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, check=True).stdout

    def close(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=5)
        if self.bus_pid:
            try:
                os.kill(self.bus_pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)
