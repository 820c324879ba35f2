"""Qt set-up for the tests that need the window, widgets or pytest-qt (tests/core needs none)."""

import pytest

from PySide6.QtCore import QSettings


IGNORED_QT_MESSAGES = ("propagateSizeHints",)  # the offscreen platform's own notice


@pytest.fixture
def settings_path(tmp_path):
    return str(tmp_path / "window.ini")


@pytest.fixture
def window(qtbot, settings_path, qtlog, tmp_path, monkeypatch):
    """The real window with its own settings and autosave file. Closing it with unsaved changes
    answers "Discard" (a modal question cannot be answered headless); tests of that question
    replace ``consultations.ask_unsaved`` themselves."""
    from decision_aid.ui.consultation_dialogs import UnsavedAnswer
    from decision_aid.ui.main_window import MainWindow

    win = MainWindow(settings=QSettings(settings_path, QSettings.Format.IniFormat),
                     autosave_path=tmp_path / "autosave.aidconsult.json")
    monkeypatch.setattr(win.consultations, "ask_unsaved", lambda: UnsavedAnswer.DISCARD)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    problems = [r.message for r in qtlog.records
                if r.type.name != "QtDebugMsg" and not any(i in r.message for i in IGNORED_QT_MESSAGES)]
    assert not problems, problems


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp):
    """A QApplication exists before any test, so code that would otherwise create a bare
    QGuiApplication (the sheet's offscreen path) can never precede a widget test."""
    return qapp
