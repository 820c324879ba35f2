"""Issue #14 as a person sees it: "Your options", "What the treatment involves", the evidence review
and the disclosure, each panel built alone from a fixed estimate (no main window), then in the
window, on the sheet (the PDF's text) and in About."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt

from decision_aid.context.about import disclosure
from decision_aid.context.review import evidence_review
from decision_aid.context.harms import harms
from decision_aid.context.options import options_for
from decision_aid.present import wording
from decision_aid.present.about_view import about_view
from decision_aid.present.review_view import review_view
from decision_aid.present.audience import Audience
from decision_aid.present.guidance_view import guidance_view
from decision_aid.present.harms_view import harms_view
from decision_aid.present.method_view import method_view
from decision_aid.present.options_view import options_view
from decision_aid.present.studies_view import studies_view
from decision_aid.present.worksheet_view import worksheet_view
from decision_aid.ui.harms_panel import HarmsPanel
from decision_aid.ui.options_panel import OptionsPanel
from helpers import harms_cell, tab_built
from shared import profiles

RRMS = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3, "relapses_past_year": 2,
        "disease_duration_years": 4, "relapses_on_treatment": "yes"}
SPMS = {"age": 45, "course": "spms", "edss": 6.0, "prior_dmts": 4}
PPMS = {"age": 52, "course": "ppms", "edss": 6.5, "prior_dmts": 3}
JARGON = ("Weibull", "binomial approximation", "hazard ratio", "HR ", "95% CI")

def words(text: str) -> str:
    return " ".join(text.split())


def evidence_texts(model) -> set[str]:
    """Texts that come from the evidence files as data (a design, a definition, a population):
    shown as published, never composed, so they are left out of the checks of composed words."""
    found = set()
    for source in model.evidence.sources:
        for key, value in source.raw.items():
            if isinstance(value, str):
                found.add(value)
    return found


# -- Your options, the panel alone ------------------------------------------------------------

def options_panel(qtbot, model, fields, audience):
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    view = options_view(model, model.validate(fields), audience)
    panel.show_view(view)
    return panel, view


@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_rrms_shows_mist_and_london_side_by_side_with_icon_arrays_of_100(qtbot, model, audience):
    panel, view = options_panel(qtbot, model, RRMS, audience)
    assert [card.study.id for card in panel.cards] == ["burt2019_mist", "muraro2025_annneurol"]
    mist = panel.card("burt2019_mist")
    source = model.evidence.get("burt2019_mist")
    progression = mist.outcomes[0]
    hsct, dmt = progression.arms
    assert hsct.icons.array().solid == wording.in_hundred(source.value("hsct_progressed") / source.value("hsct_patients"))
    assert dmt.icons.array().solid == wording.in_hundred(source.value("dmt_progressed") / source.value("dmt_patients"))
    # equal weight: the same size, colour, mark and type for both groups
    assert hsct.icons.size() == dmt.icons.size()
    assert (hsct.icons.array().color, hsct.icons.array().mark) == (dmt.icons.array().color, dmt.icons.array().mark)
    assert hsct.headline.font().pointSize() == dmt.headline.font().pointSize()
    assert hsct.label.text() == source.raw["comparison"]["arms"][0]["label"]
    # a graphic named by what it shows in words (a keyboard stop), described by its group
    assert hsct.icons.accessibleDescription().startswith(hsct.label.text()) and "Icon array of 100 people" in hsct.icons.accessibleName()
    # the definition and the time frame right above the numbers
    assert source.raw["comparison"]["outcomes"][0]["definition"] in progression.title.text()
    assert "2 years" in progression.title.text()
    assert ("matches the entry criteria" if audience == "clinician" else "You match the people this trial took in") \
        in mist.eligibility.text()
    assert mist.population.text().endswith(source.raw["comparison"]["population"])
    hr = source.figure("hr_progression")
    assert "less than a tenth the rate of confirmed worsening" in progression.comparison.text()
    if audience == "clinician":
        assert wording.hazard_ratio_phrase(hr.value, *hr.ci) in progression.hazard_ratio.text()
        assert "abstract" in mist.checked.text() and "abstract" in progression.checked.text()
        assert hsct.headline.text() == "5.5% (3 of 55)"
    else:
        assert not progression.hazard_ratio.isVisibleTo(panel) and not mist.checked.isVisibleTo(panel)
        # counted from the shown 5.5% (3 of 55), never 5 beside it
        assert hsct.headline.text() == "About 6 in 100" and hsct.detail.text() == "3 of 55 people"
        assert not any("%" in label.text() for label in panel.findChildren(type(panel.heading)))
    london = panel.card("muraro2025_annneurol")
    rates = next(box for box in london.outcomes if box.outcome.code == "annualised_relapse_rate")
    assert [a.icons for a in rates.arms] == [None, None]  # a rate is not 100 people: no icon arrays
    assert "ocrelizumab" in london.limits.text()


def test_mist_not_met_still_shows_the_trial_and_says_why(qtbot, model):
    panel, _ = options_panel(qtbot, model, {**RRMS, "relapses_past_year": 1, "edss": 6.5}, "patient")
    text = panel.card("burt2019_mist").eligibility.text()
    assert text.startswith("This trial may not describe people like you")
    assert "the EDSS given is 6.5" in text and "1 relapse in the past year given" in text


@pytest.mark.parametrize("relapses, closer", [(0, "kalincik2024_progressive"), (2, "boffa2023_spms"), (None, None)])
def test_spms_relapses_say_which_study_describes_the_patient_better(qtbot, model, relapses, closer):
    fields = {**SPMS, "relapses_past_year": relapses} if relapses is not None else SPMS
    panel, view = options_panel(qtbot, model, fields, "patient")
    assert [c.study.id for c in panel.cards] == ["boffa2023_spms", "kalincik2024_progressive"]  # both, always
    for card in panel.cards:
        if closer is None:
            assert not card.match.isVisibleTo(panel)
        else:
            assert ("more closely" in card.match.text()) == (card.study.id == closer)
            assert card.match.text().startswith("\u25b6" if card.study.id == closer else "\u25b7")
            assert card.match.font().bold() == (card.study.id == closer)  # not colour alone
    notes = panel.notes.text()
    if closer is None:
        assert "cannot be told which of the two studies" in notes
    boffa = panel.card("boffa2023_spms")
    hr_outcome = boffa.outcomes[0]
    assert "about half the rate of confirmed worsening" in hr_outcome.comparison.text() and not hr_outcome.arms
    one_arm = boffa.outcomes[1]
    ahsct, drugs = one_arm.arms
    assert ahsct.headline.text() == "About 62 in 100" and drugs.headline.text() == "No figure"
    assert "not in the copy of the summary used here" in drugs.detail.text()
    assert ahsct.icons is None and drugs.icons is None  # one group only: no icon array for either
    kalincik = panel.card("kalincik2024_progressive")
    assert kalincik.outcomes[0].comparison.text().startswith("The study found no clear difference")
    assert "does not support the use of AHSCT" in kalincik.conclusion.text()


@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_ppms_says_plainly_that_no_study_compares_and_marks_oratorio_not_comparable(qtbot, model, audience):
    panel, view = options_panel(qtbot, model, PPMS, audience)
    assert panel.not_known.isVisibleTo(panel) and panel.not_known.font().bold()
    assert panel.not_known.text().startswith("No study has compared AHSCT with drug treatment in primary progressive")
    (card,) = panel.cards
    assert card.study.id == "montalban2017_oratorio" and not card.study.comparable
    assert card.kind.text().startswith("Not a comparison with AHSCT") and card.kind.font().bold()
    assert "about three quarters the rate" in card.outcomes[0].comparison.text() and not card.outcomes[0].arms
    ocrelizumab, placebo = card.outcomes[1].arms
    assert (ocrelizumab.icons.array().solid, placebo.icons.array().solid) == (30, 36)
    assert "did not include AHSCT" in " ".join(card.study.limits)


def test_without_a_profile_the_options_say_what_to_do(qtbot, model):
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    panel.show_view(options_view(model, None, "patient"))
    assert panel.cards == [] and "Enter a valid profile" in panel.no_profile.text()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=profiles, audience=st.sampled_from(["patient", "clinician"]))
def test_every_profile_lists_exactly_the_studies_the_core_chose(model, fields, audience):
    profile = model.validate(fields)
    view = options_view(model, profile, audience)
    assert view.study_ids == options_for(model, profile).study_ids
    assert view.note_codes == options_for(model, profile).notes
    for study in view.studies:  # definitions beside the numbers, and the checked_against for the clinician
        for outcome in study.outcomes:
            assert outcome.heading in outcome.title
        assert bool(study.checked) == (audience == "clinician")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=profiles)
def test_no_percentages_or_jargon_in_any_patient_text_of_these_views(model, fields):
    profile = model.validate(fields)
    result = model.estimate(profile, draws=200)
    data = evidence_texts(model)
    texts = list(options_view(model, profile, "patient").texts())
    harms_patient = harms_view(model, result, "patient")
    texts += [harms_patient.intro, harms_patient.footnote]
    for row in harms_patient.rows:
        texts += [row.topic, *row.how_often, row.when, row.note]
    guidance = guidance_view(model, profile, "patient")
    texts += [guidance.intro, guidance.note, *(p for row in guidance.point_rows() for p in row)]
    texts += [q.text for q in guidance.questions]
    studies = studies_view(model, result, "patient")
    texts += [*studies.you_lines, studies.differ]
    for row in studies.rows:
        texts += [cell for code, cell in zip((c for c, _h in studies.columns), row.cells)
                  if code not in ("study", "definition")]  # the design and definitions are the files' own words
    worksheet = worksheet_view(model, {}, "patient")
    texts += [q.prompt for q in worksheet.questions]
    for section in method_view(model, result, "patient").sections:
        if section.heading in ("Assumptions", "When the evidence was reviewed"):
            texts += [*section.paragraphs, *section.items]
    for text in texts:
        if text in data:
            continue
        assert "%" not in text, text
        for word in JARGON:
            assert word not in text, (word, text)


# -- What the treatment involves, the panel alone --------------------------------------------------

@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_harms_table_with_both_early_death_figures_and_where_each_number_comes_from(qtbot, model, audience):
    result = model.estimate(model.validate(RRMS))
    panel = HarmsPanel()
    qtbot.addWidget(panel)
    panel.show_view(harms_view(model, result, audience))
    rows = [h.id for h in harms(model, result)]
    assert panel.table.rowCount() == len(rows)
    assert [panel.table.item(r, 0).text() for r in range(2)] == [
        "Death, treated 1995 to 2006", "Death, UK centres, treated 2002 to 2023"]
    study, recent = harms_cell(panel, "early_death_study_era", 1), harms_cell(panel, "early_death_recent", 1)
    if audience == "patient":
        assert study.startswith(wording.sentence_case(wording.count_phrase(result.early_mortality.estimate)))
        assert recent.startswith(wording.sentence_case(wording.count_phrase(result.early_mortality_recent.estimate)))
        assert wording.range_phrase(result.early_mortality) in study
        assert "about 68 in 100" in harms_cell(panel, "febrile_neutropenia", 1)
        # a rate of events is said to be events, not people
        assert "about 170 events for every 100 people" in harms_cell(panel, "severe_adverse_events_100d", 1)
        assert "not people" in harms_cell(panel, "severe_adverse_events_100d", 1)
        for r in range(panel.table.rowCount()):
            for c in range(panel.table.columnCount()):
                assert "%" not in panel.table.item(r, c).text()
        assert "p = " not in harms_cell(panel, "neda_by_regimen", 1)
    else:
        assert study.startswith(wording.interval_percent(result.early_mortality))
        assert recent.startswith(wording.interval_percent(result.early_mortality_recent))
        assert "68%" in harms_cell(panel, "febrile_neutropenia", 1)
        assert "p = 0.29" in harms_cell(panel, "neda_by_regimen", 1)
        assert "checked against: abstract" in harms_cell(panel, "thyroid", 4)
        assert "both regimens" in harms_cell(panel, "febrile_neutropenia", 1)
        assert "141 with Cy/ATG and 33 with BEAM/ATG" in harms_cell(panel, "febrile_neutropenia", 3)  # in whom
    # equal weight: the same format, the same shading, the same columns
    assert study.count("\n") == recent.count("\n")
    assert harms_cell(panel, "early_death_study_era", 2) == harms_cell(panel, "early_death_recent", 2)
    source = len(panel.view.columns) - 1
    assert "Silfverberg" in harms_cell(panel, "febrile_neutropenia", source) and "Burt" in harms_cell(panel, "itp", source)
    for harm_id in ("hair_loss", "male_infertility", "secondary_cancer"):  # no figure: said so, with the statement
        assert harms_cell(panel, harm_id, 1).startswith("No figure\n")
    assert "neither regimen was shown to work better" in harms_cell(panel, "neda_by_regimen", 1)
    assert panel.table.accessibleName() and panel.table.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


# -- The evidence review and the disclosure ----------------------------------------------------------

def test_review_words_follow_decision_aid_today(model, monkeypatch):
    monkeypatch.setenv("DECISION_AID_TODAY", "2027-01-01")
    ontime = review_view(model.evidence)
    assert not ontime.overdue and ontime.notice == ""
    assert "reviewed 7 Dec 2026" in ontime.line and "7 Dec 2027" in ontime.short
    monkeypatch.setenv("DECISION_AID_TODAY", "2028-02-01")
    late = review_view(model.evidence)
    assert late.overdue and "was due for review on 7 Dec 2027" in late.notice
    assert "overdue" in late.line and "overdue" in late.short
    monkeypatch.setenv("DECISION_AID_TODAY", "soon")
    broken = review_view(model.evidence)
    assert "DECISION_AID_TODAY" in broken.notice  # said, never guessed


@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_how_calculated_shows_the_review_dates_and_the_assumptions_for_the_audience(model, monkeypatch, audience):
    monkeypatch.setenv("DECISION_AID_TODAY", "2028-02-01")
    result = model.estimate(model.validate(RRMS), draws=200)
    view = method_view(model, result, audience)
    first = view.sections[0]
    assert first.heading == "When the evidence was reviewed"
    assert "reviewed 7 Dec 2026; next review due 7 Dec 2027" in " ".join(first.paragraphs)
    assert "was due for review" in " ".join(first.paragraphs)
    # A1 to A22, each with what it means for the patient (issue 23)
    if audience == "patient":  # the meanings in plain words, without ids (the list is for the clinician)
        section = next(s for s in view.sections if s.heading == "What the numbers assume, and what it means for you")
        assert list(section.items) == [a.for_patient for a in result.assumptions]
        text = " ".join(section.paragraphs + section.items)
        assert text and not any(word in text for word in ("Weibull", "HR ", "hazard"))
    else:
        section = next(s for s in view.sections if s.heading == "Assumptions")
        assert len(section.items) == len(result.assumptions)
        first = result.assumptions[0]
        assert section.items[0] == f"A1 {first.text} For the patient: {first.for_patient}"
        assert "same shape" in section.items[0]


def test_about_is_plain_text_with_the_review_and_the_disclosure(model, monkeypatch):
    monkeypatch.setenv("DECISION_AID_TODAY", "2028-02-01")
    text = about_view(model).text
    assert "<" not in text and "reviewed 7 Dec 2026; next review due 7 Dec 2027" in text
    assert "was due for review" in text
    for item in disclosure().items:
        assert item.text in text
    for heading in ("Funding", "Conflicts of interest", "How the evidence was chosen", "How to report a problem"):
        assert heading + ": " in text


def test_the_window_shows_the_overdue_notice_above_the_results_and_a_plain_about_box(qtbot, tmp_path, monkeypatch):
    from decision_aid.ui.main_window import MainWindow

    for day, overdue in (("2027-01-01", False), ("2028-02-01", True)):
        monkeypatch.setenv("DECISION_AID_TODAY", day)
        window = MainWindow(settings=QSettings(str(tmp_path / f"{day}.ini"), QSettings.Format.IniFormat),
                            autosave_path=tmp_path / f"{day}.aidconsult.json")
        qtbot.addWidget(window)
        window.show()
        banner = window.review_banner
        assert banner.isVisible() == overdue
        assert banner.textFormat() == Qt.TextFormat.PlainText
        if overdue:
            assert banner.text().startswith("\u26a0 Please note") and "7 Dec 2027" in banner.text()
            # above the results: the banner's top is above the tabs
            assert banner.mapTo(window, banner.rect().topLeft()).y() < window.tabs.mapTo(window, window.tabs.rect().topLeft()).y()
        box = window.about_box()
        assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == window.about_text()
        assert "next review due 7 Dec 2027" in box.text()
        window.hide()


def test_the_window_has_the_new_tabs_and_every_tab_stays_in_view(qtbot, window):
    names = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert names[2:6] == ["Your options", "Risks", "Studies", "Guidance, questions"]
    assert not window.tabs.usesScrollButtons()  # UI.md: no tab hidden behind arrows
    window.set_profile_fields(PPMS)
    window.flush()
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: tab_built(window.options_tab))
    panel = window.options_tab.panel
    assert [card.study.id for card in panel.cards] == ["montalban2017_oratorio"]
    window.set_audience("clinician")
    assert panel.view.audience is Audience.CLINICIAN and panel.cards[0].checked.text()
    window.tabs.setCurrentIndex(3)
    harms_panel = window.harms_tab.panel
    assert harms_panel.table.rowCount() == len(harms(model_of(window), window.current_result()))


def model_of(window):
    return window.model


# -- The sheet, through the PDF's text -----------------------------------------------------------

def pdf_pages(path) -> list[str]:
    return [words(unicodedata.normalize("NFKC", page.extract_text())).replace("- ", "-").replace("/ ", "/")
            for page in PdfReader(str(path)).pages]


@pytest.fixture(scope="module")
def sheet_pdfs(tmp_path_factory, model):
    import os

    from decision_aid.report.sheet import SheetOptions, ensure_gui_application, write_pdf

    ensure_gui_application()
    folder = tmp_path_factory.mktemp("issue14")
    made = {}
    before = os.environ.get("DECISION_AID_TODAY")
    try:
        for name, fields, audience, day in (("rrms", RRMS, "patient", "2027-01-01"),
                                            ("spms", SPMS, "clinician", "2027-01-01"),
                                            ("ppms", PPMS, "patient", "2028-02-01")):
            os.environ["DECISION_AID_TODAY"] = day
            result = model.estimate(model.validate(fields))
            path = folder / f"{name}.pdf"
            write_pdf(path, result, SheetOptions(audience=audience, date=dt.date(2027, 1, 1)), model=model)
            made[name] = (path, result, audience, day)
    finally:
        if before is None:
            os.environ.pop("DECISION_AID_TODAY", None)
        else:
            os.environ["DECISION_AID_TODAY"] = before
    return made


@pytest.mark.parametrize("name", ["rrms", "spms", "ppms"])
def test_sheet_has_the_options_the_harms_both_statements_and_the_review_on_every_page(sheet_pdfs, model, name):
    path, result, audience, day = sheet_pdfs[name]
    pages = pdf_pages(path)
    text = " ".join(pages)
    for page in pages:  # the review date on every page (the footer)
        assert "Evidence reviewed 7 Dec 2026" in page
    options = options_view(model, result.profile, audience)
    assert "Your options: AHSCT or drug treatment" in text
    for study in options.studies:
        assert words(study.title) in text and words(study.kind) in text
        for outcome in study.outcomes:
            assert words(outcome.title) in text
            for arm in outcome.arms:
                assert words(arm.headline) in text
    for note in options.not_known:
        assert words(note) in text
    view = harms_view(model, result, audience)
    assert "What the treatment involves" in text
    for row in view.rows:
        assert words(row.topic) in text and all(words(line) in text for line in row.how_often)
    for statement in guidance_view(model, result.profile, audience).statements:
        assert words(statement.heading) in text and words(statement.statement) in text
    for item in disclosure().items:
        assert words(item.text) in text
    assert ("was due for review" in pages[0]) == (day == "2028-02-01")  # the overdue notice on page 1
    if audience == "patient":
        body = text.split("Guidance and other studies")[0]
        assert "HR " not in body and "hazard ratio" not in body.lower()


def test_sheet_for_ppms_says_that_no_study_compares_and_oratorio_is_not_a_comparison(sheet_pdfs):
    text = " ".join(pdf_pages(sheet_pdfs["ppms"][0]))
    assert "No study has compared AHSCT with drug treatment in primary progressive MS" in text
    assert "Not a comparison with AHSCT" in text and "About 30 in 100" in text and "About 36 in 100" in text
    assert re.search(r"Evidence reviewed 7 Dec 2026; review overdue since 7 Dec 2027", text)


def test_estimate_json_keeps_its_context_keys_and_adds_none(model):
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "decision_aid", "estimate", "--age", "45", "--course", "spms",
                           "--edss", "6.0", "--prior-dmts", "4", "--relapses-past-year", "0", "--json"],
                          capture_output=True, text=True, timeout=60, env={**__import__("os").environ,
                                                                            "DECISION_AID_TODAY": "2028-02-01"})
    data = json.loads(done.stdout)
    assert set(data["context"]) == {"studies", "studies_differ", "mist", "mist_not_applicable", "guidance",
                                    "options", "harms", "drug_options", "procedure"}
    assert data["evidence_review"] == evidence_review(model.evidence, dt.date(2028, 2, 1)).as_dict()
    assert data["evidence_review"]["overdue"] is True
    assert data["disclosure"] == disclosure().as_dict()
    assert data["context"]["options"]["closer_study"] == "kalincik2024_progressive"
    texts = [n["text"] for n in data["context"]["options"]["notes"]]
    assert not any("few relapses" in t for t in texts)  # Kalincik's group had 0.54 relapses a year
    kalincik = next(d for d in data["context"]["options"]["details"] if d["id"] == "kalincik2024_progressive")
    assert {"figure": "arr_preceding_year", "value": 0.54}.items() <= next(
        f for f in kalincik["facts"] if f["figure"] == "arr_preceding_year").items()
