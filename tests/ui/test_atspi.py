"""The window as a screen reader meets it: a real AT-SPI client (tests/ui/atspi/walk.py, run by
Debian's python3 with pyatspi) walks the program's AT-SPI tree over D-Bus and drives it with the
keyboard (xdotool) under Xvfb (tools/at_session.py starts the session).

Needs the Debian packages xvfb, at-spi2-core, dbus-x11, python3-pyatspi and xdotool (and Qt's
xcb libraries); .ci/run installs them. Skipped, saying which is missing, where they are not.
What is checked: every visible text on each tab can be read (as a name, a description or text);
no focusable node is unnamed; focus starts on Age; 45 Tab presses move to a new control each time,
in reading order; every tab's page is walked with Tab to its edge and back with Shift+Tab (no
trap, no unnamed stop, the same stops both ways, every text of the page reached); typing "200" in
Age is said once, with the refusal, through the live region Orca speaks.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QLabel, QLineEdit, QTableWidget, QTabBar, QTextEdit,
                               QWidget)

from helpers import type_profile

HERE = Path(__file__).resolve().parent
CLIENT = HERE / "atspi" / "walk.py"


def _session_module():
    spec = importlib.util.spec_from_file_location("at_session", HERE.parents[1] / "tools" / "at_session.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


at_session = _session_module()
SYSTEM_PYTHON = at_session.SYSTEM_PYTHON

pytestmark = pytest.mark.skipif(bool(at_session.missing_tools()), reason="the AT-SPI client needs the Debian "
                                f"packages xvfb at-spi2-core dbus-x11 python3-pyatspi xdotool; missing: "
                                f"{at_session.missing_tools()}")


def run_client(session, pid: int, setup: dict) -> dict:
    out, setup_file = session.dir / "walk.json", session.dir / "setup.json"
    setup_file.write_text(json.dumps(setup), encoding="utf-8")
    done = subprocess.run([SYSTEM_PYTHON, str(CLIENT), str(pid), str(out), str(setup_file)], env=session.env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0 and out.exists(), done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


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
    session = at_session.Session()
    try:
        from decision_aid.ui.main_window import MainWindow  # the tab titles, as the program has them
        from PySide6.QtCore import QSettings

        probe = MainWindow(settings=QSettings(str(session.dir / "probe.ini"), QSettings.Format.IniFormat))
        keys = "".join(mnemonic(probe.tabs.tabText(i)) for i in range(probe.tabs.count()))
        # Where a walk through a page ends: the toolbar (after the last page) and the profile's last
        # control (before the estimate, whose page comes before the tab list)
        last = probe.profile_form.focus_order()[-1]
        edges = [(b.accessibleName(), b.accessibleDescription()) for b in [*probe.toolbar.buttons(), last]]
        edges[-1] = (last.text().replace("&", ""), last.accessibleDescription())
        probe.consultations.dirty = False
        probe.close()
        program = session.start_program()
        result = run_client(session, program.pid, {"tab_keys": keys, "edges": edges})
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
    start = next(i for i, n in enumerate(names) if n.startswith("Age (years)"))
    reading_order = ["Age (years) 38", "MS course", "EDSS score", "Previous DMTs 3",  # a typed number: its value too
                     "Relapses, past year", "Years since diagnosis", "1. New MRI activity, past year",
                     "2. Relapses while on a DMT", "3. High-efficacy DMT failed",
                     "4. High-efficacy DMT contraindicated", "Clear profile"]
    assert names[start:start + len(reading_order)] == reading_order
    rest = names[start + len(reading_order):]
    assert any("About 2 in 100" in n for n in rest) and any(n.startswith("Chart:") for n in rest), \
        "; ".join(n[:25] for n in names)
    # then the results (sentences, each with the era it is about), the chart, the box that pins for
    # what if, the year table, the tabs
    order = [next(i for i, n in enumerate(rest) if "About 2 in 100" in n),
             next(i for i, n in enumerate(rest) if n.startswith("Chart:")),
             rest.index("Pin to compare"),
             next(i for i, n in enumerate(rest) if n.endswith("year by year")),
             next(i for i, n in enumerate(rest) if walk[start + len(reading_order) + i]["role"] == "page tab list")]
    assert order == sorted(order), order
    assert next(n for n in rest if "About 2 in 100" in n).startswith("Treated 1995 to 2006"), "the era, in the name"


def test_a_refused_value_is_announced_once_with_the_refusal(walked):
    """Said through the live region (a notification shown: what Orca 43 speaks), once the typing
    settles; the field's description is the refusal once the focus has left it."""
    assert not walked["errors"], walked["errors"]
    assert any(a.startswith("Estimates shown.") for a in walked["after_profile"]), walked["after_profile"]
    announcements = walked["announcements"]
    refusals = [a for a in announcements if "Not allowed" in a]
    assert len(refusals) == 1 and "Not allowed: 200 " in refusals[0] and "Age" in refusals[0], announcements
    assert not [a for a in announcements if "Not allowed: 2 " in a or "Not allowed: 20 " in a]
    field = walked["age_after_200"]
    assert field["text"] == "200" and "Not allowed: 200 " in field["description"]
    assert field["name"].startswith("Age (years)") and field["name"].endswith(" 200")


def said_at(stop: dict) -> str:
    return normal(" ".join([stop["name"], stop["description"], stop["text"], *stop["labelled_by"],
                            *stop.get("reached", [])])).casefold()


def page_stops(walk: dict) -> list[dict]:
    """A page's stops in Tab order: after the tab list (most pages) or before it (the estimate)."""
    return walk["after"] or list(reversed(walk["before"]))


def test_every_page_is_walked_with_tab_and_shift_tab_named_and_never_trapped(walked):
    assert not walked["errors"], walked["errors"]
    assert set(walked["pages"]) == set(walked["keys"])
    for letter, walk in walked["pages"].items():
        assert not walk["trapped"], f"{letter}: Tab or Shift+Tab never left the page: {walk['trace']}"
        stops = page_stops(walk)
        assert stops, f"{letter}: no stop on the page"
        unnamed = [(s["role"], s["description"]) for s in stops if not s["name"] and not s["labelled_by"]]
        assert not unnamed, f"{letter}: unnamed stops {unnamed}"
        for there, back in (("after", "after_back"), ("before", "before_back")):
            assert [(s["role"], s["name"]) for s in reversed(walk[back])] == \
                [(s["role"], s["name"]) for s in walk[there]], f"{letter}: Shift+Tab did not go back the same way"


def test_every_text_of_every_page_is_reached_by_tab(walked, qtbot, window):
    """What a sighted person reads on a page (in-process) is said at one of its Tab stops."""
    type_profile(qtbot, window)
    for index, letter in enumerate(walked["keys"]):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.currentWidget()
        qtbot.waitUntil(lambda: any(w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                                    for w in page.findChildren(QWidget)))  # a page built now shows a turn later
        said = " | ".join(said_at(s) for s in page_stops(walked["pages"][letter]))
        shown = {t.casefold() for t in visible_texts(page)}
        unread = sorted(t for t in shown if t not in said)
        assert not unread, f"{letter}: shown on the page but not said at any of its Tab stops: {unread}"
