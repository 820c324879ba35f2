"""Issue 24 as a person sees it: the estimate tab's one sentence when no core criterion of the guidance
is met, the options side by side in equal cards, the steps of AHSCT and every harm on the Risks tab, the
guidance criterion by criterion, and the printed sheets (English and Spanish) with the same content."""

from __future__ import annotations

import re
import unicodedata

import pytest
from pypdf import PdfReader

from decision_aid.cli import main
from decision_aid.present.harms_view import harms_view
from decision_aid.present.options_view import options_view
from decision_aid.ui.harms_panel import HarmsPanel
from decision_aid.ui.options_panel import OptionsPanel

from helpers import card_part, fit_lines, harms_cell

MILD = {"age": 35, "course": "rrms", "edss": 1.5, "prior_dmts": 1, "relapses_past_year": 0}
ACTIVE = {"age": 28, "course": "rrms", "edss": 3.0, "prior_dmts": 2, "relapses_past_year": 3,
          "high_efficacy_dmt_failed": "yes"}
SPMS = {"age": 45, "course": "spms", "edss": 6.0, "prior_dmts": 4}


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().replace("- ", "-").replace("/ ", "/")


def pdf_text(path) -> str:
    return " ".join(flat(page.extract_text()) for page in PdfReader(str(path)).pages)


# -- the window --------------------------------------------------------------------------------------

@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_the_estimate_tab_says_in_one_sentence_when_no_core_criterion_is_met(qtbot, window, audience):
    window.set_audience(audience)
    window.set_profile_fields(MILD)
    window.flush()
    core = window.guidance_core
    assert core.isVisibleTo(window) and core.text().count(".") == 1
    assert ("not a recommendation" if audience == "patient" else "not an indication") in core.text()
    assert "failure of a high-efficacy treatment" in core.text()  # which answer would tell
    # above the numbers: before the early-death heading in reading and Tab order
    assert core.mapTo(window, core.rect().topLeft()).y() < window.outcomes.early_heading.mapTo(
        window, window.outcomes.early_heading.rect().topLeft()).y()
    order = window.focus_order()
    assert order.index(core) < order.index(window.outcomes.early.headline)
    window.set_profile_fields(ACTIVE)  # MS active despite a high-efficacy drug: nothing to say
    window.flush()
    assert not core.isVisibleTo(window) and core.text() == ""


@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_the_options_tab_shows_every_option_in_an_equal_card(qtbot, model, audience):
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    result = model.estimate(model.validate(MILD), draws=300)
    panel.show_view(options_view(model, result.profile, audience, result))
    names = [card.title.text() for card in panel.option_cards]
    assert names[0].startswith("AHSCT") and names[1:] == ["Ocrelizumab", "Ofatumumab", "Natalizumab", "Alemtuzumab",
                                                          "Cladribine tablets", "Staying on, or switching, the current drug"]
    assert len({card.title.font().pointSize() for card in panel.option_cards}) == 1  # equal weight
    assert len({len(card.parts) for card in panel.option_cards}) == 1
    ocrelizumab = panel.option_card("ocrelizumab")
    assert "Compared with: interferon beta-1a" in card_part(ocrelizumab, 2)
    assert "Reactions during or after the drip (infusion reactions): " in card_part(ocrelizumab, 3)
    assert "no verified figure" in card_part(ocrelizumab, 3)  # hypogammaglobulinaemia: none read
    assert panel.studies_heading.text() == "Studies that compared AHSCT with drug treatment"
    assert panel.studies_heading.isVisibleTo(panel)


@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_the_risks_tab_shows_the_steps_then_every_harm(qtbot, model, audience):
    panel = HarmsPanel()
    qtbot.addWidget(panel)
    panel.show_view(harms_view(model, model.estimate(model.validate(SPMS), draws=300), audience))
    steps = panel.steps.text()
    for number, title in enumerate(("Assessment", "Mobilisation", "Collection of stem cells",
                                    "Conditioning (chemotherapy)", "Stem cells given back",
                                    "Weeks of very low blood counts", "Hospital stay", "Recovery at home",
                                    "Follow-up and vaccines again"), start=1):
        assert f"{number}. {title}." in steps
    assert panel.steps.isVisibleTo(panel) and panel.table.rowCount() == len(panel.view.rows) == 30
    assert harms_cell(panel, "herpes_zoster", 1) == ("Swedish national cohort: about 15 in 100" if audience == "patient"
                                                   else "Swedish national cohort: 15%")
    assert panel.table.columnCount() == (4 if audience == "patient" else 5)


def test_the_guidance_tab_names_each_criterion_and_its_status(qtbot, window):
    window.set_audience("clinician")
    window.set_profile_fields(MILD)
    window.flush()
    window.tabs.setCurrentWidget(window.guidance_tab)
    qtbot.wait(10)
    panel = window.guidance_tab.panel
    first = panel.tables[0]
    criteria = [first.cell(r, 0) for r in range(first.rowCount())]
    assert criteria[:3] == ["E1 Accepted indication", "E2 Highly active MS", "E3 A high-efficacy drug has failed"]
    assert fit_lines(panel, 0)[2] == "Not known: input missing: failure of a high-efficacy treatment"
    assert all(line.split(":")[0] in ("Meets", "Does not meet", "Not known") for i in (0, 1)
               for line in fit_lines(panel, i))


# -- the printed sheets --------------------------------------------------------------------------------

PROFILE = ["--age", "28", "--course", "rrms", "--edss", "3.0", "--prior-dmts", "2", "--relapses-past-year", "3"]


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    from decision_aid.present.i18n import current_language, set_language

    folder = tmp_path_factory.mktemp("issue24")
    made = {}
    before = current_language()
    try:
        for audience in ("patient", "clinician"):
            for language in ("en", "es"):
                path = folder / f"{audience}-{language}.pdf"
                assert main(["sheet", *PROFILE, "--audience", audience, "--language", language, "-o", str(path)]) == 0
                made[audience, language] = pdf_text(path)
    finally:
        set_language(before)  # the command line sets the process's language: later tests read English
    return made


def test_the_patient_sheet_explains_its_words_and_shows_the_choice_whole(sheets):
    text = sheets["patient", "en"]
    # AHSCT explained in the title (its first use) and spelled out under About you on page 1; the
    # glossary ("Words used here") is an appendix after the first two pages (issue 25, item 3)
    assert text.startswith("AHSCT (a transplant of your own stem cells) for MS: your summary")
    first_two = text.split("Page 2 of")[0]
    assert "AHSCT means autologous haematopoietic stem cell transplantation" in first_two
    assert "EDSS: the usual disability score in MS" in first_two
    assert "AHSCT: Autologous haematopoietic stem cell transplantation" in text.split("Page 2 of")[1]
    assert "Words used here" in text and "Pooled: Combined" in text and "Cohort: A group of people" in text
    assert "The options side by side" in text and "Cladribine tablets" in text
    assert "What AHSCT involves, step by step" in text and "9. Follow-up and vaccines again." in text
    assert "got worse: about 23 in 100 by 5 years; about 77 in 100 did not (pooled)" in text
    assert "stayed free of worsening: about 23" not in text and "first tab" not in text
    assert "about 170 events for every 100 people" in text
    for developer_text in ("per one press report", "IQR", "post-autologous graft reinfusion",
                           "What changed in model"):
        assert developer_text not in text


def test_the_clinician_sheet_prints_the_london_comparison_whole_and_the_criteria(sheets):
    text = sheets["clinician", "en"]
    assert "HR 1.19 (95% CI 0.71 to 2.00)" in text and "HR 1.08 (95% CI 0.57 to 2.04)" in text
    assert "E1 Accepted indication" in text and "N3 High-efficacy drugs not possible" in text
    assert "progressed: 23.3% by 5 years (pooled)" in text
    assert "natalizumab 22" in text and "HR 0.07" in text


def test_the_spanish_sheet_says_which_way_round_sormanis_figure_is(sheets):
    text = sheets["patient", "es"]
    assert "empeoraron: alrededor de 23 de cada 100 a los 5 años; alrededor de 77 de cada 100 no" in text
    assert "Palabras usadas aquí" in text and "TAPH significa trasplante autólogo de progenitores hematopoyéticos" in text
    assert "Lo que implica el TAPH, paso a paso" in text
