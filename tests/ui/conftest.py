"""Qt set-up for the tests that need the window, widgets or pytest-qt (tests/core needs none)."""

import pytest

from helpers import unshown_window

IGNORED_QT_MESSAGES = ("propagateSizeHints",)  # the offscreen platform's own notice


@pytest.fixture
def settings_path(tmp_path):
    return str(tmp_path / "window.ini")


@pytest.fixture
def window(qtbot, settings_path, qtlog, tmp_path, monkeypatch):
    """The real window (:func:`helpers.unshown_window`: its own settings and autosave file,
    "Discard" on close), shown; no Qt warning may be logged while it is used."""
    win = unshown_window(qtbot, monkeypatch, settings_path, tmp_path / "autosave.aidconsult.json")
    win.show()
    qtbot.waitExposed(win)
    yield win
    problems = [r.message for r in qtlog.records
                if r.type.name != "QtDebugMsg" and not any(i in r.message for i in IGNORED_QT_MESSAGES)]
    assert not problems, problems


@pytest.fixture(autouse=True)
def _announcements_of_this_test_only():
    """``announce.history`` keeps the process's last 50 announcements: a test that counts what was
    said after it started would count nothing once 50 earlier tests had spoken (an order-dependent
    failure). Every test starts with none and leaves none."""
    from decision_aid.ui import announce

    announce.history.clear()
    yield
    announce.history.clear()


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp):
    """A QApplication exists before any test, so code that would otherwise create a bare
    QGuiApplication (the sheet's offscreen path) can never precede a widget test."""
    return qapp
