"""The context core and its words: every figure equals the evidence files, MIST applies exactly at
its entry criteria, the words come from the presentation layer for each audience."""

import json
import subprocess
import sys

import pytest

from decision_aid.context.guidance import guidance_fit
from decision_aid.context.studies import study_rows
from decision_aid.context.trial import mist_comparison, mist_source, mist_unmet
from decision_aid.context.values import VALUES_QUESTIONS, ValuesChoices, ValuesError, values_question
from decision_aid.present import wording
from decision_aid.present.audience import Audience
from decision_aid.present.context_json import context_dict
from decision_aid.present.guidance_view import NO_VERDICT, point_text
from decision_aid.present.studies_view import early_mortality_text, outcome_label, outcomes_text, relapsing_text
from decision_aid.present.trial_view import comparison_sentences, not_applicable_text
from decision_aid.present.worksheet_view import questions_view, worksheet_view

CONTEXT_IDS = {"muraro2017", "burt2019_mist", "burman2014", "boffa2021", "burt2021", "muraro2025",
               "silfverberg2024", "sormani2017"}
CLINICIAN, PATIENT = Audience.CLINICIAN, Audience.PATIENT


def profile(model, **changes):
    fields = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3, "relapses_past_year": 2,
              "relapses_on_treatment": "yes"}
    fields.update(changes)
    return model.validate({k: v for k, v in fields.items() if v is not None})


def test_eight_studies_primary_first_with_their_published_figures(model):
    rows = study_rows(model)
    assert {r.id for r in rows} == CONTEXT_IDS and rows[0].id == model.study.id and rows[0].is_primary
    for row in rows:
        source = model.evidence.get(row.id)
        assert row.patients == source.value("patients")
        assert row.citation == source.full_citation and row.design == source.text("design")
        assert row.outcome_definition == source.text("outcome_definition")
        em = row.early_mortality
        assert em.deaths == (source.value("early_deaths") if "early_deaths" in source.figures else None)
        if "early_mortality" in source.figures:
            assert em.value == source.value("early_mortality") and em.ci == source.figure("early_mortality").ci
        text = early_mortality_text(em, CLINICIAN)
        if em.deaths == 0:
            assert text == early_mortality_text(em, PATIENT) == "no deaths"
        elif em.deaths is None:
            assert text.startswith(wording.published_percent(em.value)) and "pooled" in text
        else:
            assert wording.of_phrase(em.deaths, em.patients) in text
            assert wording.of_phrase(em.deaths, em.patients) in early_mortality_text(em, PATIENT)
        for outcome in row.outcomes:
            figure = source.figure(outcome.figure)
            assert (outcome.value, outcome.ci) == (figure.value, figure.ci)
            assert wording.published_percent(figure.value) in outcomes_text(row, CLINICIAN)
            assert wording.count_phrase(figure.value) in outcomes_text(row, PATIENT)
        assert "%" not in outcomes_text(row, PATIENT) + relapsing_text(row, PATIENT)
        assert "%" not in early_mortality_text(em, PATIENT)


def test_relapsing_share_is_derived_from_counts(model):
    rows = {r.id: r for r in study_rows(model)}
    primary = model.study
    assert rows[primary.id].relapsing_share == primary.value("relapsing_patients") / primary.value("patients")
    burman = model.evidence.get("burman2014")
    assert rows["burman2014"].relapsing_share == burman.value("relapsing_share")
    mist = mist_source(model)
    assert f"{mist.value('hsct_progressed'):g} of {mist.value('hsct_patients'):g}" in outcomes_text(
        rows[mist.id], CLINICIAN)
    assert relapsing_text(rows[primary.id], CLINICIAN) == "22% (63 of 281)"
    assert relapsing_text(rows[primary.id], PATIENT) == "about 22 in 100 (63 of 281)"


def test_nearest_outcome_prefers_five_years_and_labels_other_times(model):
    rows = {r.id: r for r in study_rows(model)}
    assert {o.years for o in rows["boffa2021"].nearest_outcomes()} == {5}
    burt = model.evidence.get("burt2021")
    assert {o.figure for o in rows["burt2021"].nearest_outcomes()} == {o["figure"] for o in burt.raw["outcomes"]}
    assert all("at 4 years" in outcome_label(o) for o in rows["burt2021"].nearest_outcomes())


def _matches(model, course, edss, relapses):
    """MIST's entry criteria for a 38-year-old with 3 previous drugs whose relapses happened on one."""
    criteria = mist_source(model).raw["eligibility"]
    return (course in criteria["course"] and criteria["edss_min"] <= edss <= criteria["edss_max"]
            and relapses is not None and relapses >= criteria["min_relapses_past_year"])


@pytest.mark.parametrize("course", ["rrms", "spms", "ppms", "prms"])
@pytest.mark.parametrize("edss", [1.5, 2.0, 6.0, 6.5])
@pytest.mark.parametrize("relapses", [1, 2, None])
def test_mist_appears_exactly_for_matching_profiles(model, course, edss, relapses):
    p = profile(model, course=course, edss=edss, relapses_past_year=relapses)
    comparison, reason = mist_comparison(model, p), not_applicable_text(model, p)
    assert (comparison is not None) == _matches(model, course, edss, relapses)
    assert (comparison is None) == (reason is not None) == bool(mist_unmet(model, p))
    fields = {c.field for c in mist_unmet(model, p)}
    assert ("edss" in fields) == (edss in (1.5, 6.5)) and ("course" in fields) == (course != "rrms")
    assert ("relapses_past_year" in fields) == (relapses != 2)
    assert "relapses_on_treatment" not in fields and "age" not in fields
    if reason:
        assert (f"EDSS given is {edss:.1f}" in reason) == (edss in (1.5, 6.5))
        assert (wording.course_name(course) in reason) == (course != "rrms")
        assert ("relapses in the past year not given" in reason) == (relapses is None)
        assert ("1 relapse in the past year given" in reason) == (relapses == 1)


def test_the_boundaries_tested_are_the_trials_entry_criteria(model):
    criteria = mist_source(model).raw["eligibility"]
    assert (criteria["edss_min"], criteria["edss_max"], criteria["min_relapses_past_year"]) == (2.0, 6.0, 2)
    assert criteria["course"] == ["rrms"]
    assert (criteria["relapses_on_treatment"], criteria["min_prior_dmts"]) == ("yes", 1)
    source = mist_source(model)
    assert (source.value(criteria["age_mean"]), source.value(criteria["age_sd"]), criteria["age_sds"]) == (36, 8.6, 2)


def test_mist_comparison_carries_the_published_counts(model):
    source = mist_source(model)
    comparison = mist_comparison(model, profile(model))
    c = comparison.counts
    assert (c.hsct_progressed, c.hsct_patients) == (source.value("hsct_progressed"), source.value("hsct_patients"))
    assert (c.dmt_progressed, c.dmt_patients) == (source.value("dmt_progressed"), source.value("dmt_patients"))
    hr = source.figure("hr_progression")
    assert (comparison.hazard_ratio, comparison.hr_ci) == (hr.value, hr.ci)
    assert comparison.deaths == source.value("early_deaths")
    clinician = " ".join(comparison_sentences(comparison, "clinician"))
    patient = " ".join(comparison_sentences(comparison, "patient"))
    assert wording.hazard_ratio_phrase(hr.value, *hr.ci) in clinician and "HR" not in patient
    assert "no deaths" in patient


@pytest.mark.parametrize("changes, expected", [
    ({"age": 38, "disease_duration_years": 4}, ["Age 38: under 50", "4 years: under 10 years"]),
    ({"age": 52, "disease_duration_years": 12}, ["Age 52: not under 50", "12 years: not under 10 years"]),
    ({"relapses_past_year": None}, ["input missing: years since diagnosis",
                                    "input missing: failure of a high-efficacy treatment"]),
    ({"course": "ppms"}, ["Primary progressive MS: the guidance is about relapsing MS"]),
])
def test_guidance_fit_in_words_never_a_verdict(model, changes, expected):
    source = model.evidence.get("nmss2021_guidance")
    fit = guidance_fit(model, profile(model, **changes))  # the NMSS statement unless another is named
    assert fit.statement == source.text("statement") and fit.citation == source.full_citation
    text = " ".join(point_text(fit.id, p) for p in fit.points)
    for phrase in expected:
        assert phrase in text
    assert f"{source.value('candidate_age_below'):g}" in text
    for verdict in ("eligible", "not a candidate", "suitable"):
        assert verdict not in (text + NO_VERDICT).lower()


def test_values_choices_round_trip_and_reject_unknown_ids(model):
    chosen = {q.id: q.choices[i % len(q.choices)] for i, q in enumerate(VALUES_QUESTIONS)}
    choices = ValuesChoices(chosen)
    assert dict(choices) == chosen
    view = worksheet_view(model, choices, "patient")
    summary = view.summary()
    assert len(summary) == len(VALUES_QUESTIONS)
    for question, sentence in zip(view.questions, summary):
        assert question.topic in sentence and question.choice(chosen[question.id]).label in sentence
    with pytest.raises(ValuesError, match="unknown question 'colour'"):
        ValuesChoices({"colour": "blue"})
    with pytest.raises(ValuesError, match="question 'fertility': unknown choice 'maybe_not'"):
        ValuesChoices({"fertility": "maybe_not"})
    assert worksheet_view(model, {}, "patient").summary() == ()
    assert values_question("fertility").choice("maybe") == "maybe"


def test_values_questions_have_three_to_five_choices_with_unique_ids_and_words(model):
    assert len({q.id for q in VALUES_QUESTIONS}) == len(VALUES_QUESTIONS)
    for question in VALUES_QUESTIONS:
        assert 3 <= len(question.choices) <= 5
        assert len(set(question.choices)) == len(question.choices)
    for audience in ("patient", "clinician"):
        for question in worksheet_view(model, {}, audience).questions:
            assert question.prompt.endswith("?") and all(c.label for c in question.choices)
            assert all(c.accessible_name.startswith(question.topic + ": ") for c in question.choices)


def test_regimen_question_quotes_the_swedish_comparison(model):
    source = model.evidence.by_role("regimen")[0]
    regimen = next(q for q in questions_view(model, "clinician") if q.id == "regimen").text
    for name in ("neda_5y_beam", "neda_5y_cy", "febrile_neutropenia_beam", "febrile_neutropenia_cy"):
        assert wording.published_percent(source.value(name)) in regimen
    for name in ("beam_patients", "cy_patients", "severe_adverse_events_beam", "severe_adverse_events_cy",
                 "neda_years"):
        assert f"{source.value(name):g}" in regimen
    assert "BEAM/ATG" in regimen and "Cy/ATG" in regimen
    plain = next(q for q in questions_view(model, "patient") if q.id == "regimen").text
    assert "%" not in plain and "p =" not in plain
    for name in ("neda_5y_beam", "neda_5y_cy", "febrile_neutropenia_beam", "febrile_neutropenia_cy"):
        assert wording.count_phrase(source.value(name)) in plain
    assert wording.per_hundred_whole(source.value("severe_adverse_events_beam")) in plain
    assert "neither was shown to work better" in plain
    for text in (regimen, plain):
        assert "more effective" not in text and "BEAM/ATG works better" not in text


def test_context_json_from_the_cli(model):
    args = ["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3"]
    done = subprocess.run([sys.executable, "-m", "decision_aid", "estimate", *args, "--relapses-past-year", "2",
                           "--disease-duration", "4", "--relapses-on-treatment", "yes", "--json"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    context = json.loads(done.stdout)["context"]
    assert set(context) == {"studies", "studies_differ", "mist", "mist_not_applicable", "guidance", "options",
                            "harms", "drug_options", "procedure"}
    p = profile(model, disease_duration_years=4)
    assert context == json.loads(json.dumps(context_dict(model, p, model.estimate(p))))
    assert [s["id"] for s in context["studies"]] == [r.id for r in study_rows(model)]
    mist = mist_source(model)
    assert context["mist"]["hsct"]["progressed"] == mist.value("hsct_progressed")
    assert context["mist"]["dmt"]["in_hundred"] == wording.in_hundred(mist.value("dmt_progressed") / mist.value("dmt_patients"))
    assert context["mist"]["text"][0].startswith("Your profile matches the entry criteria")
    assert context["mist_not_applicable"] is None
    guidance = {g["id"]: g for g in context["guidance"]}
    assert set(guidance) == {"ectrims2025", "nmss2021"}
    for guidance_id, source_id in (("ectrims2025", "ectrims2025_guidance"), ("nmss2021", "nmss2021_guidance")):
        assert guidance[guidance_id]["source"] == source_id
        assert guidance[guidance_id]["statement"] == model.evidence.get(source_id).text("statement")
        assert all(p["text"] and p["says"] for p in guidance[guidance_id]["points"]) and guidance[guidance_id]["note"]
    assert [p["id"] for p in guidance["ectrims2025"]["points"]] == ["E1", "E2", "E3", "E4", "E5", "E6"]
    assert [p["id"] for p in guidance["nmss2021"]["points"]] == ["N1", "N2", "N3", "N4", "N5", "N6"]
    boffa = next(s for s in context["studies"] if s["id"] == "boffa2021")
    figure = model.evidence.get("boffa2021").figure("dwfs_relapsing_5y")
    assert {"value": figure.value, "ci": list(figure.ci)}.items() <= next(
        o for o in boffa["outcomes"] if o["figure"] == "dwfs_relapsing_5y").items()
    primary = context["studies"][0]
    assert primary["relapsing_text"] == "22% (63 of 281)" and primary["findings"] is None
    assert primary["early_mortality"]["text"] == "2.8% (8 of 281), 95% CI 1.0% to 4.9%"
    assert next(s for s in context["studies"] if s["id"] == "burt2019_mist")["findings"].startswith("Progressed: 3 of 55")


def test_context_json_without_relapses_says_why(model):
    args = ["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3", "--json"]
    done = subprocess.run([sys.executable, "-m", "decision_aid", "estimate", *args],
                          capture_output=True, text=True, timeout=60)
    context = json.loads(done.stdout)["context"]
    assert context["mist"] is None
    assert "relapses in the past year not given" in context["mist_not_applicable"]


def test_text_table_states_whether_mist_applies(model):
    base = [sys.executable, "-m", "decision_aid", "estimate", "--age", "38", "--course", "rrms", "--edss", "4.0",
            "--prior-dmts", "3"]
    yes = subprocess.run(base + ["--relapses-past-year", "2", "--relapses-on-treatment", "yes"], capture_output=True,
                         text=True, timeout=60).stdout
    no = subprocess.run(base + ["--relapses-past-year", "1"], capture_output=True, text=True, timeout=60).stdout
    assert "MIST trial: applies" in yes and "MIST trial: does not apply" in no
    assert "1 relapse in the past year given" in " ".join(no.split())


def test_the_context_core_speaks_in_codes_and_numbers(model):
    """No sentence is composed in the core: its objects hold codes, numbers and data texts from the files."""
    import dataclasses

    from decision_aid.context.options import options_for

    p = profile(model)
    for fit in (guidance_fit(model, p), guidance_fit(model, p, "ectrims2025")):
        for point in fit.points:
            assert not any(isinstance(v, str) and " " in v for v in dataclasses.astuple(point)
                           if v not in (point.says, point.checked_against, point.unit))
    assert all(isinstance(code, str) and " " not in code for code in options_for(model, p).notes)
