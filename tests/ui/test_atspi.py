"""The window as a screen reader meets it: a real AT-SPI client (tests/ui/atspi/walk.py, run by
Debian's python3 with pyatspi) walks the program's accessibility tree over D-Bus and drives it
with the keyboard (xdotool) under Xvfb.

Needs the Debian packages xvfb, at-spi2-core, dbus-x11, python3-pyatspi and xdotool (and Qt's
xcb libraries); .ci/run installs them. Skipped, saying which is missing, where they are not.
What is checked: every visible text on each tab can be read (as a name, a description or text);
no focusable node is unnamed; focus starts on Age; 45 Tab presses move to a new control each time,
in reading order; typing "200" in Age is announced once, with the refusal.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTableWidget, QTabBar, QTextEdit, QComboBox

from helpers import type_profile

HERE = Path(__file__).resolve().parent
CLIENT = HERE / "atspi" / "walk.py"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def missing_tools() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-launch", "xdotool", "gdbus") if shutil.which(tool) is None]
    if not os.path.exists(BUS_LAUNCHER):
        missing.append("at-spi2-core (at-spi-bus-launcher)")
    if not os.path.exists(SYSTEM_PYTHON) or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode != 0:
        missing.append("python3-pyatspi")
    return missing


pytestmark = pytest.mark.skipif(bool(missing_tools()), reason="the AT-SPI client needs the Debian packages "
                                f"xvfb at-spi2-core dbus-x11 python3-pyatspi xdotool; missing: {missing_tools()}")


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
        self.processes.append(subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], env=self.env,
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        self._wait(lambda: subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus", "--object-path",
                                           "/org/a11y/bus", "--method", "org.freedesktop.DBus.Properties.Set",
                                           "org.a11y.Status", "IsEnabled", "<true>"], env=self.env,
                                          capture_output=True).returncode == 0, "the AT-SPI bus")

    def _start_x(self, width: int, height: int) -> str:
        for number in range(91, 130):
            if not os.path.exists(f"/tmp/.X11-unix/X{number}") and not os.path.exists(f"/tmp/.X{number}-lock"):
                xvfb = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                self.processes.append(xvfb)
                self._wait(lambda: os.path.exists(f"/tmp/.X11-unix/X{number}"), "Xvfb")
                return f":{number}"
        raise RuntimeError("no free X display")

    @staticmethod
    def _wait(ready, what: str, timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while not ready():
            if time.monotonic() > end:
                raise RuntimeError(f"{what} did not start")
            time.sleep(0.2)

    def start_program(self, *args: str, **env: str) -> subprocess.Popen:
        program = subprocess.Popen([sys.executable, "-m", "decision_aid", *args],
                                   env={**self.env, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
                                        **env},
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.processes.append(program)
        return program

    def run_client(self, pid: int, tab_keys: str) -> dict:
        out = self.dir / "walk.json"
        done = subprocess.run([SYSTEM_PYTHON, str(CLIENT), str(pid), str(out), tab_keys], env=self.env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0 and out.exists(), done.stderr[-3000:]
        return json.loads(out.read_text(encoding="utf-8"))

    def close(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
        if self.bus_pid:
            try:
                os.kill(self.bus_pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)


def mnemonic(text: str) -> str:
    return re.search(r"&([^&])", text).group(1).lower()


def normal(text: str) -> str:
    return " ".join(text.replace("&", "").replace("\u2026", "").split())


def heard(node: dict) -> str:
    """What a screen reader says first for a focused node: its name, or for a list (whose name is
    its value on Linux) the label it is labelled by."""
    if node["role"] == "combo box" and node["labelled_by"]:
        return node["labelled_by"][0].removesuffix(" *").removesuffix(" \u26a0")
    return node["name"]


@pytest.fixture(scope="module")
def walked(qapp):
    session = Session()
    try:
        from decision_aid.ui.main_window import MainWindow  # the tab titles, as the program has them
        from PySide6.QtCore import QSettings

        probe = MainWindow(settings=QSettings(str(session.dir / "probe.ini"), QSettings.Format.IniFormat))
        keys = "".join(mnemonic(probe.tabs.tabText(i)) for i in range(probe.tabs.count()))
        probe.close()
        program = session.start_program()
        result = session.run_client(program.pid, keys)
        program.terminate()
        result["log"] = program.communicate(timeout=10)[0]
        result["keys"] = keys
        yield result
    finally:
        session.close()


def visible_texts(window) -> set[str]:
    """What a sighted person reads in the window now (the in-process ground truth)."""
    texts = set()
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisible() and normal(widget.text()):
            texts.add(normal(widget.text()))
    for edit in window.findChildren(QLineEdit):
        if edit.isVisible() and edit.text():
            texts.add(normal(edit.text()))
    for combo in window.findChildren(QComboBox):
        if combo.isVisible() and combo.currentText():
            texts.add(normal(combo.currentText()))
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            texts |= {normal(bar.tabText(i)) for i in range(bar.count())}
    for table in window.findChildren(QTableWidget):
        if table.isVisible():
            texts |= {normal(table.item(r, c).text()) for r in range(table.rowCount())
                      for c in range(table.columnCount()) if table.item(r, c) and table.item(r, c).text()}
            texts |= {normal(table.horizontalHeaderItem(c).text()) for c in range(table.columnCount())
                      if table.horizontalHeaderItem(c) is not None}
    for view in window.findChildren(QTextEdit):
        if view.isVisible():
            texts |= {normal(line) for line in view.toPlainText().splitlines() if normal(line)}
    return texts


def spoken(nodes: list[dict]) -> str:
    return "\n".join(normal(" ".join((n["name"], n["description"], n["text"]))) for n in nodes)


def test_focus_starts_on_age(walked):
    assert not walked["errors"], walked["errors"]
    assert walked["focus_start"] and walked["focus_start"]["name"] == "Age (years)", walked["focus_start"]


def test_no_focusable_node_is_unnamed(walked):
    for tab, nodes in walked["tabs"].items():
        unnamed = [(n["role"], n["path"]) for n in nodes
                   if n["focusable"] and n["showing"] and not n["name"] and not n["labelled_by"]]
        assert not unnamed, f"{tab}: focusable and unnamed: {unnamed}"


def test_every_visible_text_on_each_tab_can_be_read(walked, qtbot, window):
    type_profile(qtbot, window)
    for audience in ("patient", "clinician"):
        window.set_audience(audience)
        for index, key in enumerate(walked["keys"]):
            tab = f"{audience}:{key}"
            if tab not in walked["tabs"]:
                continue
            window.tabs.setCurrentIndex(index)
            qtbot.wait(30)
            said = spoken(walked["tabs"][tab])
            unread = sorted(t for t in visible_texts(window) if t not in said)
            assert not unread, f"{tab}: shown but not exposed to assistive technology: {unread}"



def test_tab_visits_a_new_control_each_press_in_reading_order(walked):
    walk = walked["tab_walk"]
    assert len(walk) == 46 and all(walk), "a Tab press moved focus nowhere a screen reader was told of"
    for before, after in zip(walk, walk[1:]):
        assert (before["role"], before["name"], before["description"]) != (
            after["role"], after["name"], after["description"]), f"Tab stayed on {before['role']} {before['name']!r}"
    names = [heard(f) for f in walk]
    start = names.index("Age (years)")
    reading_order = ["Age (years)", "MS course", "EDSS score", "Previous DMTs",
                     "Relapses, past year", "Years since diagnosis", "1. New MRI activity, past year",
                     "2. Relapses while on a DMT", "3. High-efficacy DMT failed",
                     "4. High-efficacy DMT contraindicated", "Clear profile"]
    assert names[start:start + len(reading_order)] == reading_order
    rest = names[start + len(reading_order):]
    assert any(n.startswith("About 2 in 100") for n in rest) and any(n.startswith("Chart:") for n in rest), "; ".join(n[:25] for n in names)
    # then the results (sentences), the chart, the box that pins for what if, the year table, the tabs
    order = [next(i for i, n in enumerate(rest) if n.startswith("About 2 in 100")),
             next(i for i, n in enumerate(rest) if n.startswith("Chart:")),
             rest.index("Pin to compare"),
             next(i for i, n in enumerate(rest) if n.endswith("year by year")),
             next(i for i, n in enumerate(rest) if walk[start + len(reading_order) + i]["role"] == "page tab list")]
    assert order == sorted(order), order


def test_a_refused_value_is_announced_once_with_the_refusal(walked):
    announcements = walked["announcements"]
    refusals = [a for a in announcements if "Not allowed" in a]
    assert len(refusals) == 1 and "Not allowed: 200 " in refusals[0] and "Age" in refusals[0], announcements
    assert not [a for a in announcements if "Not allowed: 2." in a or "Not allowed: 20." in a]
    field = walked["age_after_200"]
    assert field["text"] == "200" and "Not allowed: 200 " in field["description"]
