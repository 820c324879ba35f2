"""Print, preview and Save as PDF, with a plain QWidget parent; real QPrinter rendering."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from decision_aid.present import wording
from decision_aid.report.sheet import SheetOptions
from decision_aid.ui.sheet_actions import SheetActions, default_pdf_name

PROFILE = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}


def make(qtbot, model, result=True, options=None):
    parent = QWidget()
    qtbot.addWidget(parent)
    state = {"result": model.estimate(model.validate(PROFILE)) if result else None,
             "options": options or SheetOptions(name="Jane Doe")}
    actions = SheetActions(parent, lambda: state["result"], lambda: state["options"])
    return actions, state


def pdf_output(printer: QPrinter, path) -> None:
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))


def test_actions_follow_the_result(qtbot, model):
    actions, state = make(qtbot, model, result=False)
    assert [a.isEnabled() for a in actions.actions] == [False, False, False]
    assert all(a.toolTip() and a.text() for a in actions.actions)
    state["result"] = model.estimate(model.validate(PROFILE))
    actions.refresh()
    assert [a.isEnabled() for a in actions.actions] == [True, True, True]


def test_save_pdf_writes_the_sheet_and_never_names_the_patient_in_the_file(qtbot, model, tmp_path, monkeypatch):
    actions, state = make(qtbot, model)
    suggested: list[str] = []
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(actions, "_ask_path", lambda s: suggested.append(s) or str(target))
    assert actions.save_pdf() == target
    assert "Jane" not in suggested[0] and suggested[0].endswith(".pdf")
    assert "Jane" not in default_pdf_name(state["result"], state["options"])
    text = " ".join(PdfReader(str(target)).pages[0].extract_text().split())
    assert "Jane Doe" in text
    assert wording.range_phrase(state["result"].early_mortality) in text


def test_the_suggested_pdf_name_says_the_audience_in_words(qtbot, model, window):
    """The name said ``Audience.PATIENT`` (an enum's repr) (issue 27); the version is the Sheet tab's
    choice, never the window's view (issue 25)."""
    import datetime

    day = datetime.date(2026, 12, 7)
    assert default_pdf_name(None, window._sheet_options(), today=day) == "ahsct-summary-patient-2026-12-07.pdf"
    window.set_audience("clinician")  # the window's view does not choose the sheet's version
    assert default_pdf_name(None, window._sheet_options(), today=day) == "ahsct-summary-patient-2026-12-07.pdf"
    combo = window.sheet_panel.audience_combo
    combo.setCurrentIndex(combo.findData("clinician"))
    assert default_pdf_name(None, window._sheet_options(), today=day) == "ahsct-summary-clinician-2026-12-07.pdf"


def test_save_pdf_asks_before_replacing_a_name_it_extended(qtbot, model, tmp_path, monkeypatch):
    actions, _ = make(qtbot, model)
    existing = tmp_path / "old.pdf"
    existing.write_bytes(b"old")
    monkeypatch.setattr(actions, "_ask_path", lambda s: str(tmp_path / "old"))
    asked: list = []
    monkeypatch.setattr(actions, "_confirm_overwrite", lambda t: asked.append(t) or False)
    assert actions.save_pdf() is None
    assert asked == [existing] and existing.read_bytes() == b"old"
    monkeypatch.setattr(actions, "_confirm_overwrite", lambda t: True)
    assert actions.save_pdf() == existing and existing.read_bytes().startswith(b"%PDF")


def test_cancelled_save_writes_nothing(qtbot, model, tmp_path, monkeypatch):
    actions, _ = make(qtbot, model)
    monkeypatch.setattr(actions, "_ask_path", lambda s: "")
    assert actions.save_pdf() is None
    assert list(tmp_path.iterdir()) == []


def test_print_renders_on_the_printer_from_the_dialog(qtbot, model, tmp_path, monkeypatch):
    actions, _ = make(qtbot, model, options=SheetOptions(paper="letter"))
    out = tmp_path / "printed.pdf"

    def accept(dialog):
        assert isinstance(dialog, QPrintDialog)
        pdf_output(dialog.printer(), out)
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(actions, "_exec", accept)
    assert actions.print_sheet() is True
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 3 and abs(float(reader.pages[0].mediabox.height) - 792) <= 1
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in " ".join(reader.pages[-1].extract_text().split())


def test_preview_paints_through_render_sheet(qtbot, model, tmp_path, monkeypatch):
    actions, state = make(qtbot, model)
    out = tmp_path / "preview.pdf"

    def show(dialog):
        printer = dialog.printer()
        pdf_output(printer, out)
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(actions, "_exec", show)
    assert actions.preview_sheet() is True
    text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
    assert wording.range_phrase(state["result"].pfs_5y) in text


def test_nothing_happens_without_a_result(qtbot, model, monkeypatch):
    actions, _ = make(qtbot, model, result=False)
    monkeypatch.setattr(actions, "_exec", lambda d: (_ for _ in ()).throw(AssertionError("dialog shown")))
    assert actions.print_sheet() is False and actions.preview_sheet() is False and actions.save_pdf() is None


def test_the_print_preview_names_every_control_and_reaches_it_by_tab(qtbot, model, monkeypatch):
    """Qt's own dialog: its first two Tab stops were unnamed and showed no focus, the page field was
    unnamed, the zoom list named by its value, and print, the pages and page setup not reachable by Tab."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QApplication, QLabel, QToolButton

    from helpers import accessible_text

    actions, _state = make(qtbot, model)
    seen = {}

    def look(dialog) -> int:
        dialog.resize(1400, 900)  # every tool button shown (none in the toolbar's overflow)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitActive(dialog)
        first = next(w for w in dialog.findChildren(QToolButton) if w.isVisible())
        first.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
        stops = [first]
        for _ in range(60):
            assert QApplication.focusWidget() is not None
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            if QApplication.focusWidget() is first:
                break
            stops.append(QApplication.focusWidget())
        seen["stops"] = stops
        seen["ring"] = [r for r in dialog.findChildren(QWidget, "focusRing") if r.isVisible()]
        dialog.close()
        return 0

    monkeypatch.setattr(actions, "_exec", look)
    assert actions.preview_sheet()
    stops = seen["stops"]

    def heard(widget) -> str:  # a list is named by its label (its name on Linux is its value)
        labels = [label.text() for label in widget.window().findChildren(QLabel) if label.buddy() is widget]
        return labels[0].rstrip(":") if labels else accessible_text(widget)

    names = [heard(w) for w in stops]
    assert all(names), [type(w).__name__ for w, n in zip(stops, names) if not n]
    for wanted in ("Print", "Page setup", "Next page", "Zoom", "Page", "Preview of the summary sheet"):
        assert wanted in names, (wanted, names)
    assert not [n for n in names if n.endswith("%")]  # the zoom list is named Zoom, not by its value
    assert seen["ring"], "no focus shown"
    page = next(w for w in stops if heard(w) == "Page")
    assert accessible_text(page) == "Page number"
