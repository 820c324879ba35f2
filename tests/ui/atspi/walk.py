"""A real assistive-technology client: walks the program's AT-SPI tree and drives it with the
keyboard (xdotool), as a screen reader user would, and writes what it found as JSON.

Run by Debian's ``/usr/bin/python3`` (pyatspi is not on PyPI) inside a session that has an X
server, a D-Bus session bus and the AT-SPI bus (tests/ui/test_atspi.py starts them):

    walk.py PID OUT.json TAB_KEYS

PID is the program's process, TAB_KEYS the tabs' mnemonic letters in order (e.g. "mwitqls").
Steps: where focus starts; type a profile; 45 Tab presses from Age (the focus events, as a
screen reader hears them); every tab's tree (patient view, then the estimate in the clinician
view); typing "200" in Age and the announcements that follow.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

TAB_PRESSES = 45


def xdo(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True)


def find_app(pid: int, timeout: float = 30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == pid and app.childCount > 0:
                    return app
            except Exception:  # noqa: BLE001 (an application that went away)
                continue
        time.sleep(0.3)
    raise SystemExit(f"no accessible application for process {pid}")


def describe(node) -> dict:
    """What a screen reader can say about one node."""
    try:
        node.clear_cache()  # read what the program says now, not what this client saw before
    except AttributeError:
        pass
    state = node.getState()
    try:
        text_interface = node.queryText()
        text = text_interface.getText(0, -1)
    except NotImplementedError:
        text = ""
    labelled_by = []
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                labelled_by += [relation.getTarget(i).name for i in range(relation.getNTargets())]
    except Exception:  # noqa: BLE001
        pass
    return {"role": node.getRoleName(), "name": node.name or "", "description": node.description or "",
            "text": text or "", "labelled_by": labelled_by,
            "focusable": state.contains(pyatspi.STATE_FOCUSABLE), "focused": state.contains(pyatspi.STATE_FOCUSED),
            "showing": state.contains(pyatspi.STATE_SHOWING)}


def dump(node, depth: int = 0, path: str = "0") -> list[dict]:
    """Every showing node under ``node`` (depth first, which is the reading order of the tree)."""
    found = []
    try:
        info = describe(node)
    except Exception:  # noqa: BLE001 (a node destroyed while walking)
        return found
    if depth > 1 and not info["showing"]:
        return found
    info["path"] = path
    found.append(info)
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            found += dump(child, depth + 1, f"{path}.{index}")
    return found


class Client:
    def __init__(self, pid: int, tab_keys: str) -> None:
        self.pid = pid
        self.tab_keys = tab_keys
        self.result: dict = {"tabs": {}, "tab_walk": [], "announcements": [], "errors": []}
        self.last_focus: dict | None = None
        self.announcements: list[str] = []

    # events -------------------------------------------------------------------------------
    def on_focus(self, event) -> None:
        if event.detail1 and event.source is not None:
            try:
                if event.source.getApplication().get_process_id() == self.pid:
                    self.last_focus = describe(event.source)
            except Exception:  # noqa: BLE001
                pass

    def on_announcement(self, event) -> None:
        self.announcements.append(str(event.any_data))

    # steps --------------------------------------------------------------------------------
    def steps(self):
        app = find_app(self.pid)
        self.app = app
        window = subprocess.run(["xdotool", "search", "--sync", "--pid", str(self.pid)], capture_output=True,
                                text=True, check=True).stdout.split()[-1]
        xdo("windowfocus", "--sync", window)
        yield 800
        self.result["focus_start"] = self.focused()
        # A profile, typed.
        xdo("type", "--delay", "40", "38")
        xdo("key", "Tab", "Down", "Tab")
        xdo("type", "--delay", "40", "4.0")
        xdo("key", "Tab")
        xdo("type", "--delay", "40", "3")
        yield 2000
        # 45 Tab presses from Age, as the focus events report them.
        xdo("key", "alt+a")
        yield 400
        self.result["tab_walk"].append(self.last_focus)
        for _ in range(TAB_PRESSES):
            self.last_focus = None
            xdo("key", "Tab")
            yield 250
            self.result["tab_walk"].append(self.last_focus)
        # Every tab's tree.
        for key in self.tab_keys:
            xdo("key", f"alt+{key}")
            yield 1200
            self.result["tabs"][f"patient:{key}"] = dump(self.app)
        xdo("key", "alt+n", "alt+m")
        yield 1500
        self.result["tabs"]["clinician:m"] = dump(self.app)
        xdo("key", "alt+p")
        yield 1000
        # A refused value: what is announced once the typing settles.
        self.announcements.clear()
        xdo("key", "alt+a", "ctrl+a", "BackSpace")
        xdo("type", "--delay", "150", "200")
        yield 3000
        self.result["announcements"] = list(self.announcements)
        self.result["age_after_200"] = next((n for n in dump(self.app) if n["role"] == "text"
                                             and n["name"].startswith("Age")), None)

    def focused(self) -> dict | None:
        focused = [n for n in dump(self.app) if n["focused"] and n["role"] != "page tab"]
        return focused[-1] if focused else None


def main() -> None:
    pid, out, tab_keys = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    client = Client(pid, tab_keys)
    pyatspi.Registry.registerEventListener(client.on_focus, "object:state-changed:focused")
    pyatspi.Registry.registerEventListener(client.on_announcement, "object:announcement")
    pyatspi.Registry.registerEventListener(lambda _event: None, "object:property-change")  # as a screen reader does
    steps = client.steps()

    def advance() -> bool:
        try:
            delay = next(steps)
        except StopIteration:
            pyatspi.Registry.stop()
            return False
        except Exception as problem:  # noqa: BLE001 (reported, not hidden)
            client.result["errors"].append(repr(problem))
            pyatspi.Registry.stop()
            return False
        GLib.timeout_add(delay, advance)
        return False

    GLib.timeout_add(100, advance)
    GLib.timeout_add(240_000, lambda: pyatspi.Registry.stop())  # never hang a test run
    pyatspi.Registry.start()
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(client.result, handle, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
