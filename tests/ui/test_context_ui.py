"""The context panels and sheet page 2 as a person sees them: texts, plotted data, visibility, PDF text and ink."""

import io
from pathlib import Path
import unicodedata

import numpy as np
import pypdf
import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from decision_aid import palette
from decision_aid.context.guidance import guidance_fits
from decision_aid.context.studies import study_rows
from decision_aid.context.trial import mist_source
from decision_aid.context.values import VALUES_QUESTIONS, ValuesError
from decision_aid.present import wording
from decision_aid.present.guidance_view import guidance_view, point_text
from decision_aid.present.studies_view import (STUDIES_DIFFER, STUDIES_DIFFER_PLAIN, early_mortality_text,
                                               studies_view)
from decision_aid.present.worksheet_view import questions_view, worksheet_view
from decision_aid.ui.guidance_panel import GuidancePanel
from decision_aid.ui.studies_panel import StudiesPanel
from decision_aid.ui.values_panel import ValuesPanel

from helpers import fit_lines, plotted_values, statement_texts, studies_cell, values_summary


MATCHING = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3, "relapses_past_year": 2,
            "disease_duration_years": 4}
NOT_MATCHING = {"age": 52, "course": "spms", "edss": 6.5, "prior_dmts": 3}
STUDY_ERA, RECENT = "You, treated 1995 to 2006", "You, UK centres, treated 2002 to 2023"


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def matching(model):
    return model.validate(MATCHING)


@pytest.fixture
def not_matching(model):
    return model.validate(NOT_MATCHING)


# -- Other studies ------------------------------------------------------------------------------

def studies_panel(qtbot, model, result, audience="patient"):
    panel = StudiesPanel()
    qtbot.addWidget(panel)
    panel.show_view(studies_view(model, result, audience))
    return panel


def test_chart_plots_each_studys_early_mortality_and_both_eras_of_your_estimate(qtbot, model, matching):
    result = model.estimate(matching)
    panel = studies_panel(qtbot, model, result)
    plotted = dict(plotted_values(panel.mortality_plot))
    assert plotted.pop(STUDY_ERA) == pytest.approx(result.early_mortality.estimate * 100)
    assert plotted.pop(RECENT) == pytest.approx(result.early_mortality_recent.estimate * 100)
    for row in study_rows(model):
        source = model.evidence.get(row.id)
        expected = (source.value("early_mortality") if "early_mortality" in source.figures
                    else source.value("early_deaths") / source.value("patients"))
        assert plotted.pop(row.label) == pytest.approx(expected * 100)
    assert plotted == {}
    yours = [p for p in panel.mortality_plot.points if p.personal]
    assert len(yours) == 2 and yours[0].shape == yours[1].shape != "circle"  # equal weight: the same symbol
    assert [(p.lower, p.upper) for p in yours] == [(result.early_mortality.lower, result.early_mortality.upper),
                                                  (result.early_mortality_recent.lower,
                                                   result.early_mortality_recent.upper)]
    sizes = {panel.mortality_plot.scatter_items[i].opts["size"] for i, p in enumerate(panel.mortality_plot.points)
             if p.personal}
    assert len(sizes) == 1


def test_chart_plots_progression_free_figures_nearest_five_years(qtbot, model, matching):
    result = model.estimate(matching)
    panel = studies_panel(qtbot, model, result)
    plotted = dict(plotted_values(panel.pfs_plot))
    assert plotted["You, the study, 5 y"] == pytest.approx(result.pfs_5y.estimate * 100)  # both eras
    assert plotted["You, later cohorts, 5 y"] == pytest.approx(result.pfs_recent_at[5].estimate * 100)
    boffa = model.evidence.get("boffa2021")
    assert plotted["Boffa 2021: relapsing-remitting, 5 y"] == pytest.approx(boffa.value("dwfs_relapsing_5y") * 100)
    burt = model.evidence.get("burt2021")
    assert plotted["Burt 2021: relapsing-remitting, 4 y"] == pytest.approx(burt.value("pfs_relapsing_4y") * 100)
    with_bars = {p.label for p in panel.pfs_plot.points if p.lower is not None}
    assert "Boffa 2021: progressive, 5 y" in with_bars and "Burt 2021: relapsing-remitting, 4 y" not in with_bars
    panel.show_view(studies_view(model, None, "patient"))
    assert not any(label.startswith("You") for label, _ in plotted_values(panel.pfs_plot))
    assert "Enter a profile" in panel.you_label.text()


def test_table_cells_equal_the_evidence_for_each_audience(qtbot, model, matching):
    result = model.estimate(matching)
    panel = studies_panel(qtbot, model, result, "clinician")
    rows = study_rows(model)
    assert panel.table.rowCount() == len(rows) + 1  # the personal estimate first
    for i, row in enumerate(rows, start=1):
        source = model.evidence.get(row.id)
        assert studies_cell(panel, i, "patients") == f"{source.value('patients'):g}"
        assert studies_cell(panel, i, "definition") == source.text("outcome_definition")
        assert studies_cell(panel, i, "early_deaths") == early_mortality_text(row.early_mortality, panel.view.audience)
    primary = model.study
    assert studies_cell(panel, 1, "early_deaths").startswith(wording.published_percent(primary.value("early_mortality")))
    personal = studies_cell(panel, 0, "early_deaths")  # both eras, in the same format, one after the other
    assert wording.interval_percent(result.early_mortality) in personal
    assert wording.interval_percent(result.early_mortality_recent) in personal
    assert "treated 1995 to 2006" in personal.lower() and "uk centres, treated 2002 to 2023" in personal.lower()
    panel.show_view(studies_view(model, result, "patient"))
    assert studies_cell(panel, 1, "early_deaths").startswith(wording.count_phrase(primary.value("early_mortality")))
    for r in range(panel.table.rowCount()):  # no percentages for the patient
        for c in range(panel.table.columnCount()):
            if panel.view.columns[c][0] not in ("design", "definition"):  # texts from the evidence files
                assert "%" not in panel.table.item(r, c).text(), panel.table.item(r, c).text()
    assert "%" not in panel.you_label.text()
    assert panel.differ.text() == STUDIES_DIFFER_PLAIN
    for phrase in ("different years", "regimens", "case mix", "fewer people died early"):
        assert phrase in STUDIES_DIFFER_PLAIN
    for phrase in ("era", "regimen", "case mix", "fallen"):
        assert phrase in STUDIES_DIFFER
    assert panel.table.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff  # the tab scrolls


# -- Values -------------------------------------------------------------------------------------

def values_panel(qtbot, model, audience="patient", values=None):
    panel = ValuesPanel()
    qtbot.addWidget(panel)
    panel.show_view(worksheet_view(model, values or {}, audience))
    return panel


def test_values_round_trip_and_words(qtbot, model):
    panel = values_panel(qtbot, model)
    view = panel.view
    assert values_summary(panel) == view.nothing_chosen
    chosen = {q.id: q.choices[-2] for q in VALUES_QUESTIONS}
    with qtbot.waitSignal(panel.choices_changed) as signal:
        panel.set_choices(chosen)
    assert dict(signal.args[0]) == chosen == dict(panel.choices())
    assert values_summary(panel).split("\n") == list(view.summary(chosen))
    with pytest.raises(ValuesError, match="unknown choice"):
        panel.set_choices({"fertility": "perhaps"})
    assert dict(panel.choices()) == chosen
    panel.clear_button.click()
    assert dict(panel.choices()) == {} and values_summary(panel) == view.nothing_chosen


def test_values_panel_shows_saved_answers_without_reporting_a_new_answer(qtbot, model):
    panel = ValuesPanel()
    qtbot.addWidget(panel)
    emitted = []
    panel.choices_changed.connect(emitted.append)
    panel.show_view(worksheet_view(model, {"fertility": "very"}, "clinician"))
    assert dict(panel.choices()) == {"fertility": "very"} and emitted == []
    assert panel.heading.text() == "What matters to the patient"
    assert panel.buttons[("fertility", "very")].text() == panel.view.question("fertility").choice("very").label


def test_values_are_chosen_by_mouse_and_keyboard(qtbot, model):
    panel = values_panel(qtbot, model)
    with qtbot.waitActive(panel):  # keyboard focus needs the active window
        panel.show()
        panel.activateWindow()
    question = VALUES_QUESTIONS[0]
    first = panel.buttons[(question.id, question.choices[0])]
    emitted = []
    panel.choices_changed.connect(emitted.append)
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert dict(panel.choices()) == {question.id: question.choices[0]} and len(emitted) == 1
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert dict(panel.choices()) == {question.id: question.choices[1]} and len(emitted) == 2
    assert panel.view.question(question.id).choice(question.choices[1]).label in values_summary(panel)
    topics = {q.id: q.topic for q in panel.view.questions}
    for (qid, _), button in panel.buttons.items():
        assert button.accessibleName().startswith(topics[qid] + ": ")
        assert button.toolTip() and button.focusPolicy() != Qt.FocusPolicy.NoFocus


# -- Guidance -----------------------------------------------------------------------------------

STATUS = {"meets": "Meets", "does_not_meet": "Does not meet", "not_known": "Not known"}


@pytest.mark.parametrize("fields", [MATCHING, NOT_MATCHING])
@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_guidance_panel_shows_both_statements_point_by_point(qtbot, model, fields, audience):
    panel = GuidancePanel()
    qtbot.addWidget(panel)
    profile = model.validate(fields)
    panel.show_view(guidance_view(model, profile, audience))
    fits = guidance_fits(model, profile)
    assert [f.id for f in fits] == ["ectrims2025", "nmss2021"]
    assert statement_texts(panel) == [model.evidence.get(f.source).text("statement") for f in fits]
    view = guidance_view(model, profile, audience)
    for index, fit in enumerate(fits):
        assert fit_lines(panel, index) == [f"{STATUS[p.status]}: {point_text(fit.id, p)}" for p in fit.points]
        table = panel.tables[index]
        assert [table.horizontalHeaderItem(c).text() for c in range(3)] == list(view.columns)
        assert [table.cell(r, 1) for r in range(table.rowCount())] == [r[1] for r in view.point_rows(index)]
        column = panel.columns[index]
        assert column.heading.text() == model.evidence.get(fit.source).short_name
        if audience == "clinician":
            assert column.source.text() == model.evidence.get(fit.source).full_citation
            assert "checked against" in column.checked.text()
        else:
            assert column.source.text().startswith("Source: ") and not column.checked.isVisibleTo(panel)
    texts = [label.text() for label in panel.questions]
    for question, text in zip(questions_view(model, audience), texts):
        assert question.text in text
    assert "not a decision" in panel.note.text()
    panel.show_view(guidance_view(model, None, audience))
    assert fit_lines(panel) == [] and "Enter a valid profile" in panel.no_profile.text()


# -- Sheet page 2 -------------------------------------------------------------------------------

def render_page(result, profile, choices, audience) -> bytes:
    """The whole sheet (its later sections hold the trial, guidance, studies and worksheet)."""
    import tempfile

    from decision_aid.report.sheet import SheetOptions, write_pdf

    options = SheetOptions(audience=audience, values=tuple((choices or {}).items()))
    with tempfile.TemporaryDirectory() as folder:
        path = write_pdf(Path(folder) / "sheet.pdf", result, options)
        return path.read_bytes()


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages[1:])  # after the estimate's page
    return words(unicodedata.normalize("NFKC", text)).replace("- ", "-")  # undo ligatures and line-end hyphens


def orange_pixels(pdf: bytes) -> int:
    """Orange ink after page 1 (page 1's reference curve is orange too): the trial's arrays."""
    document = pdfium.PdfDocument(pdf)
    b, g, r = (int(palette.REFERENCE[i:i + 2], 16) for i in (5, 3, 1))
    total = 0
    for index in range(1, len(document)):
        image = document[index].render(scale=3.0).to_numpy().astype(int)
        close = (abs(image[..., 0] - b) < 30) & (abs(image[..., 1] - g) < 30) & (abs(image[..., 2] - r) < 30)
        total += int(close.sum())
    return total


def test_pages_two_and_three_for_a_matching_profile_with_choices(qtbot, model, matching):
    result = model.estimate(matching)
    chosen = {"early_risk": VALUES_QUESTIONS[0].choices[2], "fertility": VALUES_QUESTIONS[2].choices[1]}
    pdf = render_page(result, matching, chosen, "clinician")
    text = pdf_text(pdf)
    source = mist_source(model)
    assert f"{source.value('hsct_progressed'):g} of {source.value('hsct_patients'):g}" in text
    hr = source.figure("hr_progression")
    assert wording.hazard_ratio_phrase(hr.value, *hr.ci) in text
    for sentence in worksheet_view(model, chosen, "clinician").summary():
        assert words(sentence) in text
    for fit in guidance_fits(model, matching):
        assert words(model.evidence.get(fit.source).text("statement")) in text
        for point in fit.points:
            assert words(point_text(fit.id, point)) in text
    for row in study_rows(model):
        assert row.label in text
    assert wording.interval_percent(result.early_mortality) in text
    assert wording.interval_percent(result.early_mortality_recent) in text  # both eras in the studies table
    for question in questions_view(model, "clinician"):
        assert question.topic in text
    assert orange_pixels(pdf) > 1000  # the two icon arrays are painted


def test_pages_two_and_three_for_another_profile_without_choices(qtbot, model, not_matching):
    result = model.estimate(not_matching)
    pdf = render_page(result, not_matching, {}, "patient")
    text = pdf_text(pdf)
    for study in ("Boffa et al. 2023", "Kalincik et al. 2024"):  # the options for secondary progressive MS
        assert study in text
    assert "MIST randomised trial" not in text.split("Guidance and other studies")[0]
    assert "HR " not in text
    assert "Tick the answer closest" in text
    for question in worksheet_view(model, {}, "patient").questions:
        assert words(question.prompt) in text
    assert wording.count_phrase(result.early_mortality.estimate) in text
    assert wording.count_phrase(result.early_mortality_recent.estimate) in text
    assert orange_pixels(pdf) == 0  # no icon arrays


def test_pages_two_and_three_reject_unknown_values(qtbot, model, matching):
    with pytest.raises(ValuesError):
        render_page(model.estimate(matching), matching, {"mood": "good"}, "patient")
