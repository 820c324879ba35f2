"""Nothing that names a patient or their folder is written outside the files the user saves
(issue #12, item 9): Qt's file dialog keeps no history, and the tests never write to the real
configuration folder."""

import gc
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QFileDialog, QLineEdit

from decision_aid.ui.consultation_dialogs import ask_open_path, ask_save_path
from decision_aid.ui.consultation_controller import ConsultationController  # noqa: F401 (imported like the window)
from decision_aid.ui.sheet_actions import SheetActions
from helpers import when_shown

FOLDER = "Doe_Jane_1980-02-03"


def choose(path: Path):
    def act(dialog):
        try:
            assert isinstance(dialog, QFileDialog)
            assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
            # Typed into the file name box, as a person would (selectFile() is ignored once the
            # dialog has read the folder).
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
            dialog.accept()
        finally:
            if dialog.isVisible():  # never leave a test waiting on a modal dialog
                dialog.reject()
    return act


def settle():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.processEvents()
    QSettings("QtProject").sync()


def written_under(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and not p.is_symlink()}


def test_the_test_session_has_its_own_home():
    home = Path(os.environ["HOME"])
    assert home.name.startswith("decision-aid-test-home-")
    assert Path(os.environ["XDG_CONFIG_HOME"]).is_relative_to(home)


def test_open_and_save_dialogs_leave_no_trace_of_the_folder(qtbot, tmp_path, model, monkeypatch):
    home, config = Path(os.environ["HOME"]), Path(os.environ["XDG_CONFIG_HOME"])
    patient = tmp_path / "Patients" / FOLDER
    patient.mkdir(parents=True)
    existing = patient / "visit.aidconsult.json"
    existing.write_text("{}")
    when_shown(choose(existing))
    assert ask_open_path(None, patient) == existing
    when_shown(choose(patient / "next-visit"))
    assert ask_save_path(None, patient / "suggested.aidconsult.json") == patient / "next-visit.aidconsult.json"
    # The sheet's PDF dialog too.
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    result = model.estimate(model.validate({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}))
    from decision_aid.report.options import SheetOptions

    actions = SheetActions(parent, lambda: result, lambda: SheetOptions(audience="patient"))
    actions.last_directory = patient
    when_shown(choose(patient / "sheet.pdf"))
    assert actions.save_pdf() == patient / "sheet.pdf"
    settle()
    qt_config = config / "QtProject.conf"
    assert qt_config.exists(), "the test should see what Qt writes"  # the dialog did write its settings
    for path, data in {**written_under(config), **written_under(home)}.items():
        assert FOLDER.encode() not in data and b"Patients" not in data, (path, data[:400])
    text = qt_config.read_text()
    assert "history=" not in text or str(home) in text


def test_save_as_asks_about_the_file_that_will_really_be_replaced(qtbot, tmp_path, monkeypatch):
    from decision_aid.ui import consultation_dialogs

    real = tmp_path / "visit.txt.aidconsult.json"
    real.write_text("previous consultation")
    asked = []
    monkeypatch.setattr(consultation_dialogs, "confirm_replace", lambda parent, target: asked.append(target) or False)
    when_shown(choose(tmp_path / "visit.txt"))
    assert ask_save_path(None, tmp_path / "x.aidconsult.json") is None
    assert asked == [real] and real.read_text() == "previous consultation"
    monkeypatch.setattr(consultation_dialogs, "confirm_replace", lambda parent, target: asked.append(target) or True)
    when_shown(choose(tmp_path / "visit.txt"))
    assert ask_save_path(None, tmp_path / "x.aidconsult.json") == real
