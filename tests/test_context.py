"""The context core: every figure equals the evidence files, MIST applies exactly at its entry criteria."""

import json
import subprocess
import sys

import pytest

from decision_aid.present import wording
from decision_aid.context import (
    context_dict, guidance_fit, mist_comparison, mist_not_applicable, mist_source, study_rows,
)
from decision_aid.decision_support import (
    VALUES_QUESTIONS, ValuesChoices, ValuesError, questions_to_ask, values_summary,
)

CONTEXT_IDS = {"muraro2017", "burt2019_mist", "burman2014", "boffa2021", "burt2021", "muraro2025",
               "silfverberg2024", "sormani2017"}


def profile(model, **changes):
    fields = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3, "relapses_past_year": 2}
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
        if em.deaths == 0:
            assert em.text == "no deaths"
        elif em.deaths is None:
            assert em.text.startswith(wording.published_percent(em.value)) and "pooled" in em.text
        else:
            assert wording.of_phrase(em.deaths, em.patients) in em.text
        for outcome in row.outcomes:
            figure = source.figure(outcome.figure)
            assert (outcome.value, outcome.ci) == (figure.value, figure.ci)
            assert wording.published_percent(figure.value) in row.outcomes_text


def test_relapsing_share_is_derived_from_counts(model):
    rows = {r.id: r for r in study_rows(model)}
    primary = model.study
    assert rows[primary.id].relapsing_share == primary.value("relapsing_patients") / primary.value("patients")
    burman = model.evidence.get("burman2014")
    assert rows["burman2014"].relapsing_share == burman.value("relapsing_share")
    mist = mist_source(model)
    assert f"{mist.value('hsct_progressed'):g} of {mist.value('hsct_patients'):g}" in rows[mist.id].outcomes_text


def test_nearest_outcome_prefers_five_years_and_labels_other_times(model):
    rows = {r.id: r for r in study_rows(model)}
    assert {o.years for o in rows["boffa2021"].nearest_outcomes()} == {5}
    burt = model.evidence.get("burt2021")
    assert {o.figure for o in rows["burt2021"].nearest_outcomes()} == {o["figure"] for o in burt.raw["outcomes"]}
    assert all("at 4 years" in o.label for o in rows["burt2021"].nearest_outcomes())


def _matches(model, course, edss, relapses):
    criteria = mist_source(model).raw["eligibility"]
    return (course in criteria["course"] and criteria["edss_min"] <= edss <= criteria["edss_max"]
            and relapses is not None and relapses >= criteria["min_relapses_past_year"])


@pytest.mark.parametrize("course", ["rrms", "spms", "ppms", "prms"])
@pytest.mark.parametrize("edss", [1.5, 2.0, 6.0, 6.5])
@pytest.mark.parametrize("relapses", [1, 2, None])
def test_mist_appears_exactly_for_matching_profiles(model, course, edss, relapses):
    p = profile(model, course=course, edss=edss, relapses_past_year=relapses)
    comparison, reason = mist_comparison(model, p), mist_not_applicable(model, p)
    assert (comparison is not None) == _matches(model, course, edss, relapses)
    assert (comparison is None) == (reason is not None)
    if reason:
        assert (f"EDSS given is {edss:.1f}" in reason) == (edss in (1.5, 6.5))
        assert (p.course_name in reason) == (course != "rrms")
        assert ("relapses in the past year not given" in reason) == (relapses is None)
        assert ("1 relapse in the past year given" in reason) == (relapses == 1)


def test_the_boundaries_tested_are_the_trials_entry_criteria(model):
    criteria = mist_source(model).raw["eligibility"]
    assert (criteria["edss_min"], criteria["edss_max"], criteria["min_relapses_past_year"]) == (2.0, 6.0, 2)
    assert criteria["course"] == ["rrms"]


def test_mist_comparison_carries_the_published_counts(model):
    source = mist_source(model)
    comparison = mist_comparison(model, profile(model))
    assert (comparison.hsct_progressed, comparison.hsct_patients) == (source.value("hsct_progressed"), source.value("hsct_patients"))
    assert (comparison.dmt_progressed, comparison.dmt_patients) == (source.value("dmt_progressed"), source.value("dmt_patients"))
    assert comparison.hsct_in_hundred == wording.in_hundred(source.value("hsct_progressed") / source.value("hsct_patients"))
    assert comparison.dmt_in_hundred == wording.in_hundred(source.value("dmt_progressed") / source.value("dmt_patients"))
    hr = source.figure("hr_progression")
    assert (comparison.hazard_ratio, comparison.hr_ci) == (hr.value, hr.ci)
    assert comparison.deaths == source.value("early_deaths")
    clinician, patient = " ".join(comparison.sentences("clinician")), " ".join(comparison.sentences("patient"))
    assert wording.hazard_ratio_phrase(hr.value, *hr.ci) in clinician and "HR" not in patient
    assert "no deaths" in patient


@pytest.mark.parametrize("changes, expected", [
    ({"age": 38, "disease_duration_years": 4}, ["Age 38: under 50", "4 years: under 10 years"]),
    ({"age": 52, "disease_duration_years": 12}, ["Age 52: not under 50", "12 years: not under 10 years"]),
    ({"relapses_past_year": None}, ["Disease duration not given", "relapses in the past year not given"]),
    ({"course": "ppms"}, ["Primary progressive MS: the guidance is about relapsing MS"]),
])
def test_guidance_fit_in_words_never_a_verdict(model, changes, expected):
    source = model.evidence.get("nmss2021_guidance")
    fit = guidance_fit(model, profile(model, **changes))  # the NMSS statement unless another is named
    assert fit.statement == source.text("statement") and fit.citation == source.full_citation
    text = " ".join(p.text for p in fit.points)
    for phrase in expected:
        assert phrase in text
    assert f"{source.value('candidate_age_below'):g}" in text
    for verdict in ("eligible", "not a candidate", "suitable"):
        assert verdict not in (text + fit.note).lower()


def test_values_choices_round_trip_and_reject_unknown_ids():
    chosen = {q.id: q.choices[i % len(q.choices)].id for i, q in enumerate(VALUES_QUESTIONS)}
    choices = ValuesChoices(chosen)
    assert dict(choices) == chosen
    summary = values_summary(choices)
    assert len(summary) == len(VALUES_QUESTIONS)
    for question, sentence in zip(VALUES_QUESTIONS, summary):
        assert question.topic in sentence and question.choice(chosen[question.id]).label in sentence
    with pytest.raises(ValuesError, match="unknown question 'colour'"):
        ValuesChoices({"colour": "blue"})
    with pytest.raises(ValuesError, match="question 'fertility': unknown choice 'maybe_not'"):
        ValuesChoices({"fertility": "maybe_not"})
    assert values_summary({}) == ()


def test_values_questions_have_three_to_five_choices_with_unique_ids():
    assert len({q.id for q in VALUES_QUESTIONS}) == len(VALUES_QUESTIONS)
    for question in VALUES_QUESTIONS:
        assert 3 <= len(question.choices) <= 5
        assert len({c.id for c in question.choices}) == len(question.choices)


def test_regimen_question_quotes_the_swedish_comparison(model):
    source = model.evidence.by_role("regimen")[0]
    regimen = next(q for q in questions_to_ask(model) if q.id == "regimen").text
    for name in ("neda_5y_beam", "neda_5y_cy", "febrile_neutropenia_beam", "febrile_neutropenia_cy"):
        assert wording.published_percent(source.value(name)) in regimen
    for name in ("beam_patients", "cy_patients", "severe_adverse_events_beam", "severe_adverse_events_cy"):
        assert f"{source.value(name):g}" in regimen
    assert "BEAM/ATG" in regimen and "Cy/ATG" in regimen


def test_context_json_from_the_cli(model):
    args = ["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3"]
    done = subprocess.run([sys.executable, "-m", "decision_aid", "estimate", *args, "--relapses-past-year", "2",
                           "--disease-duration", "4", "--json"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    context = json.loads(done.stdout)["context"]
    p = profile(model, disease_duration_years=4)
    assert context == json.loads(json.dumps(context_dict(model, p, model.estimate(p))))
    assert [s["id"] for s in context["studies"]] == [r.id for r in study_rows(model)]
    mist = mist_source(model)
    assert context["mist"]["hsct"]["progressed"] == mist.value("hsct_progressed")
    assert context["mist"]["dmt"]["in_hundred"] == wording.in_hundred(mist.value("dmt_progressed") / mist.value("dmt_patients"))
    assert context["mist_not_applicable"] is None
    guidance = {g["id"]: g for g in context["guidance"]}
    assert set(guidance) == {"ectrims2025", "nmss2021"}
    for guidance_id, source_id in (("ectrims2025", "ectrims2025_guidance"), ("nmss2021", "nmss2021_guidance")):
        assert guidance[guidance_id]["source"] == source_id
        assert guidance[guidance_id]["statement"] == model.evidence.get(source_id).text("statement")
    boffa = next(s for s in context["studies"] if s["id"] == "boffa2021")
    figure = model.evidence.get("boffa2021").figure("dwfs_relapsing_5y")
    assert {"value": figure.value, "ci": list(figure.ci)}.items() <= next(
        o for o in boffa["outcomes"] if o["figure"] == "dwfs_relapsing_5y").items()


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
    yes = subprocess.run(base + ["--relapses-past-year", "2"], capture_output=True, text=True, timeout=60).stdout
    no = subprocess.run(base + ["--relapses-past-year", "1"], capture_output=True, text=True, timeout=60).stdout
    assert "MIST trial: applies" in yes and "MIST trial: does not apply" in no
    assert "1 relapse in the past year given" in " ".join(no.split())
