"""Shared test set-up: Qt runs offscreen so the suite needs no display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from PySide6.QtCore import QSettings  # noqa: E402

from decision_aid.model import default_model  # noqa: E402


@pytest.fixture(scope="session")
def model():
    return default_model()


@pytest.fixture
def profile_fields():
    return {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}


IGNORED_QT_MESSAGES = ("propagateSizeHints",)  # the offscreen platform's own notice


@pytest.fixture
def settings_path(tmp_path):
    return str(tmp_path / "window.ini")


@pytest.fixture
def window(qtbot, settings_path, qtlog):
    from decision_aid.ui.main_window import MainWindow

    win = MainWindow(settings=QSettings(settings_path, QSettings.Format.IniFormat))
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
