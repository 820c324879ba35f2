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
from decision_aid.present import wording
from decision_aid.context import STUDIES_DIFFER, guidance_fit, mist_source, study_rows
from decision_aid.decision_support import VALUES_QUESTIONS, ValuesError, questions_to_ask, values_summary
from decision_aid.ui.guidance_panel import GuidancePanel
from decision_aid.ui.mist_panel import MistPanel
from decision_aid.ui.studies_panel import YOU, StudiesPanel
from decision_aid.ui.values_panel import NOTHING_CHOSEN, ValuesPanel

MATCHING = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3, "relapses_past_year": 2,
            "disease_duration_years": 4}
NOT_MATCHING = {"age": 52, "course": "spms", "edss": 6.5, "prior_dmts": 3}


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def matching(model):
    return model.validate(MATCHING)


@pytest.fixture
def not_matching(model):
    return model.validate(NOT_MATCHING)


# -- Other studies ------------------------------------------------------------------------------

def test_chart_plots_each_studys_early_mortality_and_your_estimate(qtbot, model, matching):
    panel = StudiesPanel(model)
    qtbot.addWidget(panel)
    result = model.estimate(matching)
    panel.show_result(result)
    plotted = dict(panel.mortality_plot.plotted_values())
    assert plotted.pop(YOU) == pytest.approx(result.early_mortality.estimate * 100)
    for row in study_rows(model):
        source = model.evidence.get(row.id)
        expected = (source.value("early_mortality") if "early_mortality" in source.figures
                    else source.value("early_deaths") / source.value("patients"))
        assert plotted.pop(row.label) == pytest.approx(expected * 100)
    assert plotted == {}
    you = next(p for p in panel.mortality_plot.points if p.personal)
    assert you.symbol != "o" and (you.lower, you.upper) == (result.early_mortality.lower, result.early_mortality.upper)


def test_chart_plots_progression_free_figures_nearest_five_years(qtbot, model, matching):
    panel = StudiesPanel(model)
    qtbot.addWidget(panel)
    result = model.estimate(matching)
    panel.show_result(result)
    plotted = dict(panel.pfs_plot.plotted_values())
    assert plotted[f"{YOU}, 5 y"] == pytest.approx(result.pfs_5y.estimate * 100)
    boffa = model.evidence.get("boffa2021")
    assert plotted["Boffa 2021: relapsing-remitting, 5 y"] == pytest.approx(boffa.value("dwfs_relapsing_5y") * 100)
    burt = model.evidence.get("burt2021")
    assert plotted["Burt 2021: relapsing-remitting, 4 y"] == pytest.approx(burt.value("pfs_relapsing_4y") * 100)
    with_bars = {p.label for p in panel.pfs_plot.points if p.lower is not None}
    assert "Boffa 2021: progressive, 5 y" in with_bars and "Burt 2021: relapsing-remitting, 4 y" not in with_bars
    panel.show_result(None)
    assert not any(label.startswith(YOU) for label, _ in panel.pfs_plot.plotted_values())
    assert "Enter a profile" in panel.you_label.text()


def test_table_cells_equal_the_evidence_for_each_audience(qtbot, model):
    panel = StudiesPanel(model)
    qtbot.addWidget(panel)
    panel.set_audience("clinician")
    for i, row in enumerate(study_rows(model)):
        source = model.evidence.get(row.id)
        assert panel.cell_text(i, "Patients") == f"{source.value('patients'):g}"
        assert panel.cell_text(i, "Outcome definition") == source.text("outcome_definition")
        assert panel.cell_text(i, "Early deaths") == row.early_mortality.text
    primary = model.study
    assert panel.cell_text(0, "Early deaths").startswith(wording.published_percent(primary.value("early_mortality")))
    panel.set_audience("patient")
    assert panel.cell_text(0, "Early deaths").startswith(wording.count_phrase(primary.value("early_mortality")))
    assert panel.differ.text() == STUDIES_DIFFER
    for phrase in ("era", "regimen", "case mix", "fallen"):
        assert phrase in STUDIES_DIFFER


# -- MIST ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_mist_panel_shows_two_icon_arrays_for_a_matching_profile(qtbot, model, matching, audience):
    panel = MistPanel(model)
    qtbot.addWidget(panel)
    panel.show(matching, audience)
    source = mist_source(model)
    assert panel.arrays.isVisible()
    assert panel.hsct_array.array.count == wording.in_hundred(source.value("hsct_progressed") / source.value("hsct_patients"))
    assert panel.dmt_array.array.count == wording.in_hundred(source.value("dmt_progressed") / source.value("dmt_patients"))
    assert f"{source.value('hsct_progressed'):g} of {source.value('hsct_patients'):g}" in panel.hsct_caption.text()
    assert f"{source.value('dmt_progressed'):g} of {source.value('dmt_patients'):g}" in panel.dmt_caption.text()
    hr = source.figure("hr_progression")
    assert (wording.hazard_ratio_phrase(hr.value, *hr.ci) in panel.details.text()) == (audience == "clinician")
    assert "no deaths" in panel.details.text()


@pytest.mark.parametrize("changes, reason", [
    ({}, "secondary progressive MS"),
    ({"course": "rrms", "edss": 1.5, "relapses_past_year": 2}, "EDSS given is 1.5"),
    ({"course": "rrms", "edss": 4.0}, "relapses in the past year not given"),
])
def test_mist_panel_says_why_for_other_profiles(qtbot, model, changes, reason):
    panel = MistPanel(model)
    qtbot.addWidget(panel)
    panel.show(model.validate({**NOT_MATCHING, **changes}), "patient")
    assert not panel.arrays.isVisible() and not panel.details.isVisible()
    assert "No randomised comparison" in panel.intro.text() and reason in panel.intro.text()
    panel.show(None, "patient")
    assert "Enter a valid profile" in panel.intro.text()


# -- Values -------------------------------------------------------------------------------------

def test_values_round_trip_and_words(qtbot):
    panel = ValuesPanel()
    qtbot.addWidget(panel)
    assert panel.summary_text() == NOTHING_CHOSEN
    chosen = {q.id: q.choices[-2].id for q in VALUES_QUESTIONS}
    with qtbot.waitSignal(panel.choices_changed) as signal:
        panel.set_choices(chosen)
    assert dict(signal.args[0]) == chosen == dict(panel.choices())
    assert panel.summary_text().split("\n") == list(values_summary(chosen))
    with pytest.raises(ValuesError, match="unknown choice"):
        panel.set_choices({"fertility": "perhaps"})
    assert dict(panel.choices()) == chosen
    panel.clear_button.click()
    assert dict(panel.choices()) == {} and panel.summary_text() == NOTHING_CHOSEN


def test_values_are_chosen_by_mouse_and_keyboard(qtbot):
    panel = ValuesPanel()
    qtbot.addWidget(panel)
    with qtbot.waitActive(panel):  # keyboard focus needs the active window
        panel.show()
        panel.activateWindow()
    question = VALUES_QUESTIONS[0]
    first = panel.buttons[(question.id, question.choices[0].id)]
    emitted = []
    panel.choices_changed.connect(emitted.append)
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert dict(panel.choices()) == {question.id: question.choices[0].id} and len(emitted) == 1
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert dict(panel.choices()) == {question.id: question.choices[1].id} and len(emitted) == 2
    assert question.choices[1].label in panel.summary_text()
    for (qid, _), button in panel.buttons.items():
        assert button.accessibleName().startswith(next(q.topic for q in VALUES_QUESTIONS if q.id == qid))
        assert button.toolTip() and button.focusPolicy() != Qt.FocusPolicy.NoFocus


# -- Guidance -----------------------------------------------------------------------------------

@pytest.mark.parametrize("fields", [MATCHING, NOT_MATCHING])
def test_guidance_panel_shows_the_statement_and_the_fit(qtbot, model, fields):
    panel = GuidancePanel(model)
    qtbot.addWidget(panel)
    profile = model.validate(fields)
    panel.show_profile(profile)
    source = model.evidence.by_role("guidance")[0]
    assert panel.statement.text() == source.text("statement")
    assert panel.fit_lines() == [p.text for p in guidance_fit(model, profile).points]
    for line in panel.fit_lines():
        assert line in panel.fit_label.text()
    panel.set_audience("clinician")
    assert panel.source_label.text() == source.full_citation
    texts = [label.text() for label in panel.questions]
    for question, text in zip(questions_to_ask(model), texts):
        assert question.text in text


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
    return words(unicodedata.normalize("NFKC", text))  # undo "fi" ligatures


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
    chosen = {"early_risk": VALUES_QUESTIONS[0].choices[2].id, "fertility": VALUES_QUESTIONS[2].choices[1].id}
    pdf = render_page(result, matching, chosen, "clinician")
    text = pdf_text(pdf)
    source = mist_source(model)
    assert f"{source.value('hsct_progressed'):g} of {source.value('hsct_patients'):g}" in text
    hr = source.figure("hr_progression")
    assert wording.hazard_ratio_phrase(hr.value, *hr.ci) in text
    for sentence in values_summary(chosen):
        assert words(sentence) in text
    for point in guidance_fit(model, matching).points:
        assert words(point.text) in text
    for row in study_rows(model):
        assert row.label in text
    assert wording.interval_percent(result.early_mortality) in text
    for question in questions_to_ask(model):
        assert question.topic in text
    assert orange_pixels(pdf) > 1000  # the two icon arrays are painted


def test_pages_two_and_three_for_another_profile_without_choices(qtbot, model, not_matching):
    result = model.estimate(not_matching)
    pdf = render_page(result, not_matching, {}, "patient")
    text = pdf_text(pdf)
    assert "No randomised comparison" in text and "secondary progressive MS" in text
    assert "HR " not in text
    assert "Tick the answer closest" in text
    for question in VALUES_QUESTIONS:
        assert words(question.prompt) in text
    assert wording.count_phrase(result.early_mortality.estimate) in text
    assert orange_pixels(pdf) == 0  # no icon arrays


def test_pages_two_and_three_reject_unknown_values(qtbot, model, matching):
    with pytest.raises(ValuesError):
        render_page(model.estimate(matching), matching, {"mood": "good"}, "patient")
