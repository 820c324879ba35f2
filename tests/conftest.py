"""Shared test set-up: Qt runs offscreen so the suite needs no display."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the real user's data folder (autosave, crash log) from a test.
os.environ["DECISION_AID_DATA_DIR"] = tempfile.mkdtemp(prefix="decision-aid-test-data-")
# Nor the real home and configuration folders: Qt's settings (ours and QtProject.conf, which a file
# dialog writes), caches and recent-file lists go to a scratch home for the whole session. Set
# before Qt is imported: Qt reads these folders once.
TEST_HOME = tempfile.mkdtemp(prefix="decision-aid-test-home-")
os.environ["HOME"] = TEST_HOME
for variable, folder in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                         ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
    os.environ[variable] = os.path.join(TEST_HOME, folder)

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
