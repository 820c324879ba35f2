"""Issue 24, item by item, in the words a person reads: the London comparison and MIST whole (1), every
study figure says which way round it is (2), MIST applies only to the people it took in (3), every harm
(4), the drug options in the same format as AHSCT and values questions that weigh both (5), what AHSCT
involves (6), the guidance criterion by criterion (7), the patient's How calculated in plain words with
a glossary (8), and the smaller corrections (9)."""

from __future__ import annotations

import json

import pytest

from decision_aid.context.studies import study_rows
from decision_aid.context.trial import mist_comparison, mist_unmet
from decision_aid.present.audience import Audience
from decision_aid.present.context_json import context_dict
from decision_aid.present.guidance_view import guidance_view
from decision_aid.present.harms_view import harms_view
from decision_aid.present.method_view import method_view
from decision_aid.present.options_view import options_view
from decision_aid.present.sheet_view import sheet_view
from decision_aid.present.studies_view import outcome_text, studies_view
from decision_aid.present.worksheet_view import worksheet_view

#: The five profiles of the issue.
RRMS_ACTIVE = {"age": 28, "course": "rrms", "edss": 3.0, "prior_dmts": 2, "relapses_past_year": 3}
SPMS = {"age": 45, "course": "spms", "edss": 6.0, "prior_dmts": 4}
PPMS = {"age": 52, "course": "ppms", "edss": 6.5, "prior_dmts": 3}
OLDER = {"age": 60, "course": "rrms", "edss": 5.0, "prior_dmts": 0, "relapses_past_year": 2}
MILD = {"age": 35, "course": "rrms", "edss": 1.5, "prior_dmts": 1, "relapses_past_year": 0}
AUDIENCES = ("patient", "clinician")


def estimate(model, fields):
    return model.estimate(model.validate(fields), draws=300)


def texts_of(view) -> str:
    return " ".join(view.texts())


# -- 1. The London comparison and MIST, whole ---------------------------------------------------------

@pytest.mark.parametrize("audience", AUDIENCES)
def test_1_the_london_comparison_is_shown_whole_against_both_drugs(model, audience):
    result = estimate(model, RRMS_ACTIVE)
    london = options_view(model, result.profile, audience, result).study("muraro2025_annneurol")
    text = " ".join([*london.limits, *london.findings] + [o.title + " " + o.comparison + " " + o.hazard_ratio
                                                          for o in london.outcomes])
    assert "stops after the comparison with alemtuzumab" not in text
    compared = {(o.code, o.comparison.split(" seen with ")[-1]) for o in london.outcomes}
    assert any("ocrelizumab" in c for _code, c in compared if _code == "relapse")
    disability = [o for o in london.outcomes if o.code == "disability_progression"]
    assert len(disability) == 2  # against alemtuzumab and against ocrelizumab
    for outcome in disability:
        assert outcome.comparison.startswith("The study found no clear difference in confirmed worsening")
    if audience == "clinician":
        numbers = " ".join(o.hazard_ratio for o in disability)
        assert "HR 1.19 (95% CI 0.71 to 2.00)" in numbers and "HR 1.08 (95% CI 0.57 to 2.04)" in numbers
        assert "p = 0.50" in numbers and "p = 0.82" in numbers
    relapse_ocrelizumab = next(o for o in london.outcomes if o.code == "relapse" and "ocrelizumab" in o.comparison)
    assert "no clear difference" in relapse_ocrelizumab.comparison  # HR 0.45, 0.18 to 1.14: not significant


@pytest.mark.parametrize("audience", AUDIENCES)
def test_1_mists_result_never_stands_alone_beside_ahsct(model, audience):
    """AHSCT's card gives every comparison of disability with drugs: MIST beside London's no difference
    (relapsing-remitting MS), Boffa's active SPMS beside Kalincik's no difference (progressive MS)."""
    for fields, studies in ((RRMS_ACTIVE, ("MIST randomised trial", "London comparison")),
                            (SPMS, ("Italian comparison", "MSBase comparison"))):
        result = estimate(model, fields)
        did = options_view(model, result.profile, audience, result).choices[0].part(2)
        openings = [line for line in did if line.startswith("Compared with drug treatment in the")]
        assert [any(name in line for line in openings) for name in studies] == [True, True]
        assert sum("no clear difference in confirmed worsening" in line for line in did) >= 1


@pytest.mark.parametrize("audience", AUDIENCES)
def test_1_mist_says_which_drugs_its_drug_group_had_and_its_limits(model, audience):
    result = estimate(model, RRMS_ACTIVE)
    mist = options_view(model, result.profile, audience, result).study("burt2019_mist")
    assert "natalizumab 22" in mist.arm_drugs and "rituximab 2" in mist.arm_drugs
    assert "No alemtuzumab, ocrelizumab or ofatumumab" in mist.arm_drugs
    limits = " ".join(mist.limits)
    for expected in ("open", "23 people were followed for 5 years", "today's most effective drugs",
                     "left the trial to seek a transplant", "very active MS"):
        assert expected in limits, expected


# -- 2. Every study figure says which way round it is ----------------------------------------------------

@pytest.mark.parametrize("audience", [Audience.PATIENT, Audience.CLINICIAN])
def test_2_no_figure_of_progression_is_labelled_as_freedom_from_it(model, audience):
    rows = {row.id: row for row in study_rows(model)}
    sormani = rows["sormani2017"]
    for outcome in sormani.outcomes:
        assert outcome.counts_worsened
        text = outcome_text(outcome, audience)
        assert "free" not in text
        assert text.startswith("got worse: " if audience == Audience.PATIENT else "progressed: ")
    view = studies_view(model, estimate(model, RRMS_ACTIVE), audience)
    cell = next(r for r in view.rows if r.id == "sormani2017").cells[view.column("outcomes")]
    assert "about 23 in 100 by 5 years; about 77 in 100 did not" in cell if audience == Audience.PATIENT else \
        "progressed: 23.3% by 5 years" in cell
    assert "Stayed free of worsening" not in [heading for _code, heading in view.columns]
    printed = next(r for r in view.sheet_rows if r[0].startswith("Sormani"))
    assert "free" not in printed[-1] and sormani.outcome_definition.split(":")[0] in printed[-2]
    for row in study_rows(model):  # the others say "free of": never a figure without its direction
        for outcome in row.outcomes:
            assert outcome_text(outcome, audience).split(":")[0] in (
                "progressed", "got worse", "progression-free", "free of disability worsening",
                "no evidence of disease activity", "stayed free of worsening and alive", "no sign of MS activity")


# -- 3. MIST applies only to the people it took in ------------------------------------------------------

def test_3_a_60_year_old_with_no_previous_drug_and_2_relapses_is_not_a_match(model):
    profile = model.validate(OLDER)
    unmet = {c.field: c for c in mist_unmet(model, profile)}
    assert mist_comparison(model, profile) is None
    assert unmet["relapses_on_treatment"].no_previous_drug and unmet["relapses_on_treatment"].status == "does_not_meet"
    assert unmet["age"].status == "not_known"  # the trial's age limits are not in the sources read
    for audience in AUDIENCES:
        eligibility = options_view(model, profile, audience).study("burt2019_mist").eligibility
        assert "match" not in eligibility.split(":")[0] or audience == "clinician"
        assert "no previous disease-modifying therapy" in eligibility and "aged 60" in eligibility
    text = context_dict(model, profile, estimate(model, OLDER))["mist_not_applicable"]
    assert "no previous disease-modifying therapy" in text and "not known whether the trial took people aged 60" in text


def test_3_an_unanswered_criterion_is_named_as_not_known(model):
    profile = model.validate({**RRMS_ACTIVE})  # relapses on a drug: not answered
    (unknown,) = mist_unmet(model, profile)
    assert (unknown.field, unknown.status) == ("relapses_on_treatment", "not_known")
    assert "not known whether the relapses happened while on a disease-modifying therapy" in context_dict(
        model, profile, estimate(model, RRMS_ACTIVE))["mist_not_applicable"]
    assert mist_comparison(model, model.validate({**RRMS_ACTIVE, "relapses_on_treatment": "yes"})) is not None


# -- 4. Every harm ------------------------------------------------------------------------------------

#: EVIDENCE.md's harms table, row by row (the regimen comparison after it).
HARMS_OF_EVIDENCE_MD = ("febrile_neutropenia", "severe_adverse_events_100d", "herpes_zoster", "infections",
                        "other_serious_infection", "ebv", "ptld", "m_protein", "thyroid", "itp", "autoimmunity",
                        "hair_loss", "periods", "ovarian_reserve", "menopause_infertility", "male_infertility",
                        "secondary_cancer", "temporary_worsening", "early_death_causes", "register_deaths",
                        "hospital_stay", "isolation", "revaccination", "recovery", "access_uk", "abroad_cost")


@pytest.mark.parametrize("audience", AUDIENCES)
def test_4_every_row_of_the_harms_table_is_shown(model, audience):
    view = harms_view(model, estimate(model, SPMS), audience)
    shown = {row.id: row for row in view.rows}
    assert set(HARMS_OF_EVIDENCE_MD) <= set(shown)
    for harm_id in ("infections", "ptld", "autoimmunity", "hair_loss", "male_infertility", "secondary_cancer",
                    "temporary_worsening", "abroad_cost"):
        assert shown[harm_id].how_often == ("No figure",) and shown[harm_id].note  # and the plain statement
    stay = shown["hospital_stay"]
    assert stay.how_often == ("Longer with BEAM/ATG than with Cy/ATG: about 3 days",)
    assert "No study read gives the usual number of days in hospital" in stay.note
    assert "60,000" not in " ".join(r.note + " ".join(r.how_often) for r in view.rows)


# -- 5. The options in the same format; values that weigh both ------------------------------------------

@pytest.mark.parametrize("fields, expected", [
    (RRMS_ACTIVE, ["ahsct", "ocrelizumab", "ofatumumab", "natalizumab", "alemtuzumab", "cladribine", "switch"]),
    (SPMS, ["ahsct", "siponimod", "anti_cd20_spms"]),
    (PPMS, ["ahsct", "ocrelizumab_ppms"]),
])
@pytest.mark.parametrize("audience", AUDIENCES)
def test_5_each_option_in_the_same_format_with_its_comparator_and_harms(model, fields, expected, audience):
    result = estimate(model, fields)
    view = options_view(model, result.profile, audience, result)
    assert [card.id for card in view.choices] == expected
    headings = {tuple(heading for heading, _lines in card.parts) for card in view.choices}
    assert headings == {("What it is", "How it is given", "What it did in its main study", "Main harms")}
    for card in view.choices:
        assert all(lines and all(lines) for _heading, lines in card.parts)
        did = card.part(2)
        assert did[0].startswith(("Main study:", "Compared with drug treatment", "No study has compared"))
        for harm in card.part(3):
            assert ": " in harm  # each harm with its figure, or "no verified figure" and the plain statement
    ahsct = view.choices[0]
    assert any(line.startswith("Death within 100 days") for line in ahsct.part(3))
    if fields is PPMS:
        assert ahsct.part(2)[0].startswith("No study has compared AHSCT with drug treatment in primary progressive")


def test_5_drugs_are_never_said_to_be_free_of_risk(model):
    view = worksheet_view(model, {}, "patient")
    first = view.question("early_risk")
    assert "drugs" in first.prompt and "side effects" in first.prompt
    assert "avoid any risk of dying" not in " ".join(c.label for c in first.choices)
    assert "Both options" in view.question("infection").prompt
    assert "either option" in view.question("disability").prompt


# -- 6. What AHSCT involves --------------------------------------------------------------------------

@pytest.mark.parametrize("audience", AUDIENCES)
def test_6_the_timeline_of_ahsct_in_both_views(model, audience):
    for result in (estimate(model, MILD), None):  # shown with or without a profile
        timeline = harms_view(model, result, audience).timeline
        assert [s.title for s in timeline.steps] == [
            "Assessment", "Mobilisation", "Collection of stem cells", "Conditioning (chemotherapy)",
            "Stem cells given back", "Weeks of very low blood counts", "Hospital stay", "Recovery at home",
            "Follow-up and vaccines again"]
        low = next(s for s in timeline.steps if s.id == "low_counts")
        assert "isolation" in low.line() and ("about 68 in 100" if audience == "patient" else "68%") in low.line()
        assert all(step.source for step in timeline.steps)


# -- 7. The guidance, criterion by criterion ------------------------------------------------------------

def test_7_a_mild_profile_is_compared_with_the_deciding_questions(model):
    from decision_aid.present.guidance_core import core_sentence

    profile = model.validate(MILD)
    view = guidance_view(model, profile, "patient")
    rows = {p.id: p for statement in view.statements for p in statement.points}
    assert rows["E3"].status == rows["N2"].status == rows["N3"].status == "not_known"
    assert rows["E3"].text == "input missing: failure of a high-efficacy treatment"
    assert rows["E4"].status == "meets" and rows["N6"].status == "not_known"
    sentence = core_sentence(model, profile, "patient")
    assert sentence and sentence.count(".") == 1 and "not a recommendation" in sentence
    failed = model.validate({**MILD, "high_efficacy_dmt_failed": "no", "high_efficacy_dmt_contraindicated": "no"})
    assert "neither applies" in core_sentence(model, failed, "patient")
    assert core_sentence(model, model.validate({**MILD, "high_efficacy_dmt_failed": "yes"}), "patient") == ""
    for verdict in ("eligible", "candidate for", "suitable", "recommended for you"):
        assert verdict not in (" ".join(p.text for p in rows.values()) + view.note).lower()


def test_7_every_guidance_point_in_the_json_has_a_status(model):
    data = context_dict(model, model.validate(MILD), estimate(model, MILD))
    for guidance in data["guidance"]:
        assert all(p["status"] in ("meets", "does_not_meet", "not_known") for p in guidance["points"])


# -- 8. The patient's How calculated in plain words -------------------------------------------------------

DEVELOPER_TEXT = ("What changed in model", "per one press report", "IQR", "post-autologous graft reinfusion",
                  "No double counting", "Weibull")


def test_8_the_patients_how_calculated_has_no_developer_text_and_a_glossary(model):
    sections = method_view(model, estimate(model, MILD), "patient").sections
    text = " ".join(t for s in sections for t in (s.heading, *s.paragraphs, *s.items))
    for words in DEVELOPER_TEXT:
        assert words not in text, words
    glossary = next(s for s in sections if s.heading == "Words used here")
    terms = [item.split(":")[0] for item in glossary.items]
    for term in ("AHSCT", "EDSS", "ATG", "BEAM", "Cohort", "Pooled"):
        assert term in terms
    clinician = " ".join(s.heading for s in method_view(model, estimate(model, MILD), "clinician").sections)
    assert "What changed in model" in clinician  # the developer's account stays for the clinician


def test_8_the_patient_sheet_explains_ahsct_and_edss_on_page_1_and_has_the_glossary(model):
    sheet = sheet_view(estimate(model, MILD), "patient", model)
    # AHSCT spelled out once, under "About you" (issue 26.4); EDSS under the key numbers
    assert "AHSCT means autologous haematopoietic stem cell transplantation" in sheet.treatment
    assert "AHSCT" not in sheet.terms and "EDSS: the usual disability score in MS" in sheet.terms
    assert any(getattr(section, "heading", "") == "Words used here" for section in sheet.sections)
    assert sheet_view(estimate(model, MILD), "clinician", model).terms == ""


# -- 9. The smaller corrections -----------------------------------------------------------------------

def test_9_the_swedish_68_in_100_is_the_whole_cohort_not_cy_atg(model):
    row = harms_view(model, estimate(model, RRMS_ACTIVE), "patient").row("febrile_neutropenia")
    assert row.how_often[0] == "Whole Swedish cohort, both regimens: about 68 in 100"
    assert "not the same measure" in row.note


@pytest.mark.parametrize("audience", AUDIENCES)
def test_9_burmans_relapsing_share_is_of_the_41_analysed(model, audience):
    view = studies_view(model, None, audience)
    row = next(r for r in view.rows if r.id == "burman2014")
    assert "34 of the 41 analysed for outcome" in row.cells[view.column("people" if audience == "patient"
                                                                        else "relapsing")]


def test_9_kalincik_says_0_54_relapses_a_year_not_few_relapses(model):
    for audience in AUDIENCES:
        view = options_view(model, model.validate({**SPMS, "relapses_past_year": 0}), audience)
        assert "few relapses" not in texts_of(view)
        kalincik = view.study("kalincik2024_progressive")
        assert any("0.54" in fact for fact in kalincik.facts)


def test_9_oratorio_shows_only_what_was_checked(model):
    view = options_view(model, model.validate(PPMS), "clinician")
    oratorio = view.study("montalban2017_oratorio")
    text = " ".join(o.hazard_ratio + " " + o.comparison + " " + " ".join(a.headline for a in o.arms)
                    for o in oratorio.outcomes)
    assert "24% lower" in text and "p = 0.0321" in text and "29.6%" in text and "35.7%" in text
    assert "32.9%" not in text and "0.76" not in text
    assert "conference abstract" in oratorio.checked and "not checked" not in oratorio.checked


def test_9_the_sheet_names_no_tab_and_rates_are_events(model):
    result = estimate(model, RRMS_ACTIVE)
    for audience in AUDIENCES:
        sheet = sheet_view(result, audience, model)
        options = next(s for s in sheet.sections if hasattr(s, "elsewhere_on_paper"))
        assert "tab" not in options.elsewhere_on_paper and "first page" in options.elsewhere_on_paper
    row = harms_view(model, result, "patient").row("severe_adverse_events_100d")
    assert row.how_often[0] == "Severe (grade 3): about 170 events for every 100 people"
    assert "events), not people" in row.note


@pytest.mark.parametrize("audience", AUDIENCES)
def test_9_no_early_death_figure_is_said_to_be_modelled_for_age_type_or_treatments(model, audience):
    """MODEL.md O2: the early-death figure is adjusted for EDSS only."""
    result = estimate(model, RRMS_ACTIVE)
    view = harms_view(model, result, audience)
    for row in view.rows[:2]:
        assert "EDSS" in row.note + row.source
        assert "same age" not in row.note and "people like you" not in row.source.lower()
    lines = studies_view(model, result, audience).you_lines
    assert "People like you, death" not in lines[0]
    json.dumps(context_dict(model, result.profile, result))  # every part of the JSON is plain data

