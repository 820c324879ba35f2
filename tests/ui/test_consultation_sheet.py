"""A saved consultation turned into a sheet by the command line (the sheet is drawn with Qt). Saving,
opening and refusing files are in tests/core/test_consultation.py."""

import dataclasses

from decision_aid.consultation import save_consultation

from shared import full_consultation, cli


def pdf_text(path):
    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


def test_sheet_from_a_saved_file(tmp_path, model):
    path = save_consultation(tmp_path / "visit.aidconsult.json", full_consultation(model))
    done = cli("sheet", "--profile", str(path), "-o", str(tmp_path / "sheet.pdf"))
    assert done.returncode == 0, done.stderr
    from pypdf import PdfReader

    from decision_aid.present.worksheet_view import worksheet_view

    pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(tmp_path / "sheet.pdf")).pages]
    saved = full_consultation(model)
    assert " ".join(saved.notes.split()) in " ".join(pages)  # the file's notes in the notes box
    answer = worksheet_view(model, saved.values, "patient").summary()[0].split(":")[0]
    worksheet = next(i for i, page in enumerate(pages) if "What matters to you" in page)
    assert answer in " ".join(pages[worksheet:])  # the values answers in the worksheet
    assert "Jane Roe" in " ".join(pages)  # the saved name, as the window would print it


def test_sheet_uses_the_saved_sheet_version_horizon_and_name_unless_a_flag_is_given(tmp_path, model):
    saved = dataclasses.replace(full_consultation(model), sheet_audience="clinician", horizon=10)
    path = save_consultation(tmp_path / "visit.aidconsult.json", saved)
    done = cli("sheet", "--profile", str(path), "-o", str(tmp_path / "saved.pdf"))
    assert done.returncode == 0, done.stderr
    text = pdf_text(tmp_path / "saved.pdf")
    assert "Jane Roe" in text and "hazard ratio" in text  # the clinician sheet, with the saved name
    assert "xtrapolat" in text  # the saved 10-year horizon: years 5 to 10 are marked as extrapolated
    done = cli("sheet", "--profile", str(path), "-o", str(tmp_path / "flags.pdf"), "--audience", "patient",
               "--name", "", "--horizon", "5", "--notes", "Other notes")
    assert done.returncode == 0, done.stderr
    text = pdf_text(tmp_path / "flags.pdf")
    assert "Jane Roe" not in text and "Other notes" in text  # --name "" prints none; --notes wins
    assert "hazard ratio" not in text and "xtrapolat" not in text  # the patient sheet, to 5 years


def test_the_windows_view_never_chooses_the_sheets_version(tmp_path, model):
    """Issue 25, item 2: a consultation saved in the clinician view prints the patient's sheet
    unless the clinician's summary was chosen on the Sheet tab."""
    saved = dataclasses.replace(full_consultation(model), audience="clinician")
    path = save_consultation(tmp_path / "visit.aidconsult.json", saved)
    assert cli("sheet", "--profile", str(path), "-o", str(tmp_path / "sheet.pdf")).returncode == 0
    text = pdf_text(tmp_path / "sheet.pdf")
    assert "hazard ratio" not in text and "your summary" in text


def test_the_appendices_left_out_on_the_sheet_tab_are_left_out_of_the_saved_files_sheet(tmp_path, model):
    """Issue 25, item 3 (part): a consultation whose Sheet tab left out the options and the guidance
    prints without them (the worksheet stays); the same file without the choice prints them all."""
    saved = dataclasses.replace(full_consultation(model), sheet_left_out=("options", "guidance"))
    path = save_consultation(tmp_path / "visit.aidconsult.json", saved)
    done = cli("sheet", "--profile", str(path), "-o", str(tmp_path / "short.pdf"))
    assert done.returncode == 0, done.stderr
    short = pdf_text(tmp_path / "short.pdf")
    whole_path = save_consultation(tmp_path / "whole.aidconsult.json", full_consultation(model))
    assert cli("sheet", "--profile", str(whole_path), "-o", str(tmp_path / "whole.pdf")).returncode == 0
    whole = pdf_text(tmp_path / "whole.pdf")
    for heading in ("Your options: AHSCT or drug treatment", "Guidance and other studies"):
        assert heading in whole and heading not in short
    assert "What matters to you" in short and "later in this summary" in short  # the harms are still there


def test_the_sheet_tab_boxes_follow_and_set_the_saved_choice(qtbot, window, model):
    from decision_aid.present.appendices import APPENDIX_KEYS

    panel = window.sheet_panel
    assert list(panel.appendix_boxes) == list(APPENDIX_KEYS)
    assert all(box.isChecked() for box in panel.appendix_boxes.values())  # all included by default
    panel.appendix_boxes["harms"].click()
    assert window.session.sheet_left_out == ("harms",) and window._sheet_options().left_out == ("harms",)
    assert window.consultation().sheet_left_out == ("harms",)
    window.apply_consultation(dataclasses.replace(full_consultation(model), sheet_left_out=("guidance",)))
    assert [k for k, box in panel.appendix_boxes.items() if not box.isChecked()] == ["guidance"]
    assert window.session.sheet_left_out == ("guidance",)


def test_an_appendix_box_is_named_by_its_wrapping_words_and_a_click_on_them_toggles_it(qtbot, window):
    """The words sit in a wrapping label beside the box (a check box's text never wraps: the Sheet
    tab scrolled sideways at 150% on 1366x768); the box carries them as its name."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    panel = window.sheet_panel
    box = panel.appendix_boxes["options"]
    assert box.accessibleName() == "Your options: AHSCT or drug treatment, in full" and not box.text()
    (label,) = [w for w in panel.findChildren(QLabel) if w.buddy() is box]
    assert label.text() == box.accessibleName() and label.wordWrap()
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.tabs.widget(window.tabs.count() - 1))
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert not box.isChecked() and window.session.sheet_left_out == ("options",)
