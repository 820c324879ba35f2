"""A real assistive-technology client: walks the program's AT-SPI tree and drives it with the
keyboard (xdotool), as a screen reader user would, and writes what it found as JSON.

Run by Debian's ``/usr/bin/python3`` (pyatspi is not on PyPI) inside a session that has an X
server, a D-Bus session bus and the AT-SPI bus (tests/ui/test_atspi.py starts them):

    walk.py PID OUT.json SETUP.json

PID is the program's process; SETUP.json gives ``tab_keys``, the tabs' mnemonic letters in
order (e.g. "mwtkiqls"), and ``edges``, the (name, description) of the stops around the pages
(the toolbar's buttons and the last profile control), where a walk through a page ends. Steps: where focus
starts; type a profile; 45 Tab presses from Age (the focus events, as a screen reader hears
them); for every tab, its tree, then Shift+Tab to the page's start, Tab through it to its end and
Shift+Tab back to its start; typing "200" in Age and what is said after it.

Every wait is for something to happen (a focus event, an announcement, a description), never a
fixed time: the test holds under load.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

TAB_PRESSES = 45
PAGE_LIMIT = 300  # stops in one page's walk before it is called a trap
POLL_MS = 30


def xdo(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True)


def find_app(pid: int, timeout: float = 60.0):
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
    """What a screen reader can say about one node (a table: its cells too; a radio button: the
    other choices of its group, which the arrow keys reach)."""
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
    role = node.getRoleName()
    reached = []
    if role == "table":
        reached = [n.name for n in _descendants(node) if n.getRoleName() in ("table cell", "table column header")]
    elif role == "radio button" and node.parent is not None:
        reached = [c.name for c in node.parent if c is not None and c.getRoleName() == "radio button"]
    return {"role": role, "name": node.name or "", "description": node.description or "",
            "text": text or "", "labelled_by": labelled_by, "reached": reached,
            "focusable": state.contains(pyatspi.STATE_FOCUSABLE), "focused": state.contains(pyatspi.STATE_FOCUSED),
            "showing": state.contains(pyatspi.STATE_SHOWING)}


def _descendants(node, depth: int = 0):
    for index in range(node.childCount if depth < 4 else 0):
        child = node.getChildAtIndex(index)
        if child is not None:
            yield child
            yield from _descendants(child, depth + 1)


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


def key(node: dict | None) -> tuple:
    return (node["role"], node["name"], node["description"]) if node else ()


class Client:
    def __init__(self, pid: int, setup: dict) -> None:
        self.pid = pid
        self.tab_keys = setup["tab_keys"]
        self.edges = {tuple(edge) for edge in setup["edges"]}  # (name, description)
        self.result: dict = {"tabs": {}, "tab_walk": [], "pages": {}, "announcements": [], "errors": [], "trace": []}
        self.focus_events: list[dict] = []
        self.announcements: list[str] = []

    # events -------------------------------------------------------------------------------
    def on_focus(self, event) -> None:
        if event.detail1 and event.source is not None:
            try:
                if event.source.getApplication().get_process_id() == self.pid:
                    self.focus_events.append(describe(event.source))
            except Exception:  # noqa: BLE001
                pass

    def on_announcement(self, event) -> None:
        self.announcements.append(str(event.any_data))

    def on_showing(self, event) -> None:
        """A notification shown is what Orca 43 speaks (the window's live region)."""
        try:
            if event.detail1 and event.source.getRoleName() == "notification":
                self.announcements.append(event.source.name)
        except Exception:  # noqa: BLE001
            pass

    # waiting ------------------------------------------------------------------------------
    @staticmethod
    def until(ready, timeout_ms: int = 10_000):
        """A step: go on once ``ready()`` is true (or after ``timeout_ms``, and the check that follows fails)."""
        return ("until", ready, timeout_ms)

    def switch(self, keys: str, said: str):
        """A key that switches the view: done once the switch is said (keys pressed one at a
        time; Alt combinations sent together could leave the menu bar open)."""
        before = len(self.announcements)
        xdo("key", keys)
        yield self.until(lambda: any(said in a for a in self.announcements[before:]), 10_000)
        self.result["trace"].append(f"{keys} -> said {self.announcements[before:]}")

    def press(self, *keys: str):
        """Press ``keys``; the step ends with the next focus event (None if none came)."""
        before = len(self.focus_events)
        xdo("key", *keys)
        yield self.until(lambda: len(self.focus_events) > before, 3000)
        focus = self.focus_events[-1] if len(self.focus_events) > before else None
        self.result["trace"].append(f"{' '.join(keys)} -> {focus['role'] + ' ' + focus['name'][:50] if focus else None}")
        return focus

    # steps --------------------------------------------------------------------------------
    def steps(self):
        app = find_app(self.pid)
        self.app = app
        window = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(self.pid)],
                                capture_output=True, text=True, check=True).stdout.split()[-1]
        xdo("windowfocus", "--sync", window)
        yield self.until(lambda: self.focused() is not None, 20_000)
        self.result["focus_start"] = self.focused()
        # A profile, typed; the estimate is announced when the typing settles.
        xdo("type", "--delay", "40", "38")
        xdo("key", "Tab", "Down", "Tab")
        xdo("type", "--delay", "40", "4.0")
        xdo("key", "Tab")
        xdo("type", "--delay", "40", "3")
        yield self.until(lambda: any(a.startswith("Estimates shown") for a in self.announcements), 30_000)
        self.result["after_profile"] = list(self.announcements)
        # 45 Tab presses from Age, as the focus events report them.
        start = yield from self.press("alt+a")
        self.result["tab_walk"].append(start)
        for _ in range(TAB_PRESSES):
            self.result["tab_walk"].append((yield from self.press("Tab")))
        # Every tab: its tree, then through its page with Tab and back with Shift+Tab.
        for letter in self.tab_keys:
            xdo("key", "Escape")  # no menu left open (Alt and the current tab's letter opens the menu bar)
            first = len(self.result["trace"])
            focus = yield from self.press(f"alt+{letter}")
            for _ in range(3):  # under load the Alt press can reach Qt alone: the menu bar opens; Escape, again
                if focus is None or focus["role"] not in ("menu item", "menu bar", "menu"):
                    break
                xdo("key", "Escape")
                focus = yield from self.press(f"alt+{letter}")
            self.result["tabs"][f"patient:{letter}"] = dump(self.app)
            on_tab_list = focus is not None and focus["role"] in ("page tab", "page tab list")
            self.result["pages"][letter] = yield from self.walk_page(on_tab_list)
            self.result["pages"][letter]["trace"] = self.result["trace"][first:]
        yield from self.switch("alt+n", "Clinician view")
        yield from self.press("alt+m")
        self.result["tabs"]["clinician:m"] = dump(self.app)
        yield from self.switch("alt+p", "Patient view")
        # A refused value: what is said once the typing settles, and the field's description after.
        focus = yield from self.press("alt+a")
        for _ in range(3):  # after a switch from the tab list the menu bar can be left active: Escape it
            if focus is not None and focus["name"].startswith("Age"):
                break
            focus = yield from self.press("Escape")
            if focus is None or not focus["name"].startswith("Age"):
                focus = yield from self.press("alt+a")
        self.announcements.clear()
        xdo("key", "ctrl+a", "BackSpace")
        xdo("type", "--delay", "150", "200")
        self.result["trace"].append(f"typed 200 in {self.focused()}")
        yield self.until(lambda: any("Not allowed" in a for a in self.announcements), 15_000)
        yield from self.press("Tab")  # the field's description follows once the focus leaves it
        yield self.until(lambda: "Not allowed" in (self.age() or {}).get("description", ""), 10_000)
        self.result["announcements"] = list(self.announcements)
        self.result["age_after_200"] = self.age()

    def walk_page(self, on_tab_list: bool):
        """From the tab list: Tab to the edge after it (the other pages' stops follow the tab list)
        and Shift+Tab back; Shift+Tab to the edge before it (the estimate's stops come before the
        tab list) and Tab back. A walk that never reaches an edge is a trap."""
        walk = {"trapped": False}
        for _ in range(0 if on_tab_list else PAGE_LIMIT):  # to the tab list
            node = yield from self.press("shift+Tab")
            if node is not None and node["role"] == "page tab list":
                break
        else:
            if not on_tab_list:
                walk["trapped"] = True
                return walk
        for name, out, back in (("after", "Tab", "shift+Tab"), ("before", "shift+Tab", "Tab")):
            for direction, stops in ((out, walk.setdefault(name, [])), (back, walk.setdefault(name + "_back", []))):
                for _ in range(PAGE_LIMIT):
                    node = yield from self.press(direction)
                    if node is None or self.at_edge(node):
                        break
                    stops.append(node)
                else:
                    walk["trapped"] = True
                    return walk
        return walk

    def at_edge(self, node: dict) -> bool:
        return node["role"] == "page tab list" or (node["name"], node["description"]) in self.edges

    def focused(self) -> dict | None:
        focused = [n for n in dump(self.app) if n["focused"] and n["role"] != "page tab"]
        return focused[-1] if focused else None

    def age(self) -> dict | None:
        return next((n for n in dump(self.app) if n["role"] == "text" and n["name"].startswith("Age")), None)


def main() -> None:
    pid, out = int(sys.argv[1]), sys.argv[2]
    with open(sys.argv[3], encoding="utf-8") as handle:
        setup = json.load(handle)
    client = Client(pid, setup)
    pyatspi.Registry.registerEventListener(client.on_focus, "object:state-changed:focused")
    pyatspi.Registry.registerEventListener(client.on_announcement, "object:announcement")
    pyatspi.Registry.registerEventListener(client.on_showing, "object:state-changed:showing")
    pyatspi.Registry.registerEventListener(lambda _event: None, "object:property-change")  # as a screen reader does
    steps = client.steps()

    def advance() -> bool:
        try:
            step = next(steps)
        except StopIteration:
            pyatspi.Registry.stop()
            return False
        except Exception as problem:  # noqa: BLE001 (reported, not hidden)
            client.result["errors"].append(repr(problem))
            pyatspi.Registry.stop()
            return False
        _kind, ready, timeout_ms = step
        end = time.monotonic() + timeout_ms / 1000

        def poll() -> bool:
            if ready() or time.monotonic() > end:
                GLib.idle_add(advance)
                return False
            return True

        GLib.timeout_add(POLL_MS, poll)
        return False

    GLib.timeout_add(100, advance)
    GLib.timeout_add(900_000, lambda: pyatspi.Registry.stop())  # never hang a test run
    pyatspi.Registry.start()
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(client.result, handle, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
