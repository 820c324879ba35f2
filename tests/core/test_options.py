"""Issue #14, the Qt-free core: the options view, the harms table, both guidance statements, the
evidence review and the disclosure; every number equals an evidence figure, each with checked_against."""

import datetime as dt
import json
import math
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_aid.context.about import disclosure
from decision_aid.context.review import TodayError, evidence_review, today
from decision_aid.context.guidance import guidance_fit, guidance_fits
from decision_aid.context.harms import harms
from decision_aid.context.options import HR_ANCHORS, hazard_ratio_words, options_for, relapse_activity
from decision_aid.context.trial import mist_unmet
from decision_aid.present import wording
from decision_aid.present.context_json import options_dict as options_json
from decision_aid.present.guidance_view import NO_VERDICT, point_text
from decision_aid.present.harms_view import harm_text, note_text, time_text
from decision_aid.present.options_view import HR_WORDS
from shared import profiles


def options_view(model, profile):
    return options_for(model, profile)


def options_dict(model, profile):
    return options_json(options_for(model, profile))


EXPECTED_STUDIES = {
    "rrms": ("burt2019_mist", "muraro2025_annneurol"),
    "spms": ("boffa2023_spms", "kalincik2024_progressive"),
    "prms": ("boffa2023_spms", "kalincik2024_progressive"),
    "ppms": ("montalban2017_oratorio",),
}
VERDICTS = ("eligible", "not a candidate", "suitable", "you should", "recommended for you")

def make(model, **changes):
    fields = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}
    fields.update(changes)
    return model.validate({k: v for k, v in fields.items() if v is not None})


# --- Hazard ratios in words ----------------------------------------------------------------------

@pytest.mark.parametrize("ratio, code", [
    (0.07, "less_than_a_tenth_the_rate"), (0.10, "about_a_tenth_the_rate"), (0.24, "about_a_quarter_the_rate"),
    (0.29, "about_a_third_the_rate"), (0.33, "about_a_third_the_rate"), (0.50, "about_half_the_rate"),
    (0.76, "about_three_quarters_the_rate"), (0.98, "about_the_same_rate"), (1.49, "about_one_and_a_half_times_the_rate"),
    (1.50, "about_one_and_a_half_times_the_rate"), (3.14, "about_three_times_the_rate"),
    (10.29, "more_than_ten_times_the_rate"),
])
def test_hazard_ratio_words_follow_the_documented_rule(ratio, code):
    assert hazard_ratio_words(ratio) == code
    assert HR_WORDS[code].replace(" ", "_") == code


@given(st.floats(0.1, 10), st.floats(0.1, 10))
def test_hazard_ratio_words_are_the_nearest_anchor_and_monotonic(a, b):
    order = [code for _, code in HR_ANCHORS]
    low, high = sorted((a, b))
    assert order.index(hazard_ratio_words(low)) <= order.index(hazard_ratio_words(high))
    anchor = next(value for value, code in HR_ANCHORS if code == hazard_ratio_words(a))
    assert all(abs(math.log(a / anchor)) <= abs(math.log(a / other)) + 1e-9 for other, _ in HR_ANCHORS)


# --- The options view ----------------------------------------------------------------------------

@pytest.mark.parametrize("course", ["rrms", "spms", "ppms", "prms"])
def test_studies_by_type_of_ms(model, course):
    view = options_view(model, make(model, course=course, relapses_past_year=2))
    assert view.study_ids == EXPECTED_STUDIES[course]
    assert view.direct_comparison is (course != "ppms")
    assert view.population_match == ("nearest" if course == "prms" else "same")
    codes = list(view.notes)
    assert codes[0] == "group_results"
    assert ("no_comparison_ppms" in codes) is (course == "ppms")
    assert ("prms_nearest" in codes) is (course == "prms")
    if course == "ppms":
        (oratorio,) = view.studies
        assert not oratorio.comparable and not oratorio.compares_ahsct and oratorio.randomised
        assert "drug_trial_only" in codes
    else:
        assert all(s.comparable for s in view.studies)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=profiles)
def test_any_profile_gets_the_studies_of_its_type_and_no_personal_figure(model, fields):
    profile = model.validate(fields)
    data = options_dict(model, profile)
    assert tuple(data["studies"]) == EXPECTED_STUDIES[profile.course]
    assert data["direct_comparison"] is (profile.course != "ppms")
    text = json.dumps(data).lower()
    for word in ("your risk", "your chance", "personal", *VERDICTS):
        assert word not in text
    # the profile's own values stand beside the trial's entry criteria they are compared with
    assert_numbers_are_evidence_figures(model, data, [v for v in fields.values() if isinstance(v, (int, float))])


@pytest.mark.parametrize("relapses, activity, closer", [
    (1, "active", "boffa2023_spms"), (3, "active", "boffa2023_spms"),
    (0, "low", "kalincik2024_progressive"), (None, "not_given", None),
])
@pytest.mark.parametrize("course", ["spms", "prms"])
def test_relapses_say_which_progressive_study_describes_the_profile_more_closely(model, course, relapses, activity,
                                                                                 closer):
    view = options_view(model, make(model, course=course, relapses_past_year=relapses))
    assert view.relapse_activity == activity == relapse_activity(make(model, relapses_past_year=relapses))
    assert view.closer_study == closer
    assert len(view.studies) == 2  # both are always shown
    matches = {s.id: s.closer_match for s in view.studies}
    if closer is None:
        assert matches == {"boffa2023_spms": None, "kalincik2024_progressive": None}
        assert "activity_not_given" in view.notes
    else:
        assert [k for k, v in matches.items() if v] == [closer]
    assert "mri_not_asked" in view.notes


@pytest.mark.parametrize("course", ["rrms", "ppms"])
def test_relapse_activity_is_not_used_where_the_studies_are_not_split_by_it(model, course):
    assert options_view(model, make(model, course=course, relapses_past_year=0)).relapse_activity is None


@pytest.mark.parametrize("changes", [{"relapses_past_year": 2}, {"relapses_past_year": 1}, {"edss": 6.5},
                                     {"relapses_past_year": None}])
def test_mist_in_the_options_carries_its_entry_criteria_check(model, changes):
    profile = make(model, **changes)
    mist = options_view(model, profile).study("burt2019_mist")
    assert mist.eligibility.unmet == mist_unmet(model, profile)
    assert mist.eligibility.meets_entry_criteria is (not mist_unmet(model, profile))
    assert set(mist.eligibility.unmet_fields) <= {"course", "edss", "relapses_past_year", "relapses_on_treatment"}


def test_both_arms_in_the_same_format_with_numbers_in_100(model):
    mist = options_view(model, make(model, relapses_past_year=2)).study("burt2019_mist")
    progression, edss = mist.outcomes
    assert edss.format == "means" and [(a.value.value, a.after.value) for a in edss.arms] == [(3.38, 2.36), (3.31, 3.98)]
    source = model.evidence.get("burt2019_mist")
    assert progression.format == "counts" and progression.icon_arrays
    hsct, dmt = progression.arms
    assert (hsct.value.value, hsct.patients.value) == (source.value("hsct_progressed"), source.value("hsct_patients"))
    assert hsct.in_hundred == wording.in_hundred(source.value("hsct_progressed") / source.value("hsct_patients"))
    assert dmt.in_hundred == wording.in_hundred(source.value("dmt_progressed") / source.value("dmt_patients"))
    oratorio = options_view(model, make(model, course="ppms")).study("montalban2017_oratorio")
    cdp12, cdp24 = oratorio.outcomes  # the 12-week figures the paper gives (not checked) are not shown
    assert cdp12.format == "relative_reduction" and [q.value for q in cdp12.relative_reduction.values] == [0.24]
    assert cdp12.hazard_ratio is None and cdp12.p_value.value == 0.0321
    assert cdp24.format == "shares" and [a.in_hundred for a in cdp24.arms] == [30, 36]
    london = options_view(model, make(model)).study("muraro2025_annneurol")
    rates = next(o for o in london.outcomes if o.code == "annualised_relapse_rate")
    assert rates.format == "rates" and not rates.icon_arrays
    assert [a.per_hundred for a in rates.arms] == [2.6, 8.7]
    assert {o.code: o.format for o in london.outcomes}["relapse"] == "hazard_ratio"
    assert any("ocrelizumab" in limit for limit in london.limits)
    spms = options_view(model, make(model, course="spms"))
    boffa = {o.code: o for o in spms.study("boffa2023_spms").outcomes}
    assert boffa["disability_progression"].hazard_ratio.words == "about_half_the_rate"
    assert boffa["free_of_progression"].format == "one_arm" and boffa["free_of_progression"].missing
    kalincik = {o.code: o for o in spms.study("kalincik2024_progressive").outcomes}
    assert not kalincik["disability_worsening"].hazard_ratio.clear_difference
    assert "no clear difference" in json.dumps(options_dict(model, make(model, course="spms"))["details"][1])
    assert spms.study("kalincik2024_progressive").conclusion


def numeric_leaves(data, path=""):
    if isinstance(data, bool) or data is None or isinstance(data, str):
        return
    if isinstance(data, (int, float)):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from numeric_leaves(value, f"{path}.{key}")
    elif isinstance(data, (list, tuple)):
        for i, value in enumerate(data):
            yield from numeric_leaves(value, f"{path}[{i}]")


DERIVED = ("in_hundred", "range_low_in_hundred", "per_hundred", "share", "published_year")


def evidence_numbers(model):
    numbers = set()
    for source in model.evidence.sources:
        for figure in source.figures.values():
            numbers.add(figure.value)
            numbers.update(figure.ci or ())
    return numbers


def assert_numbers_are_evidence_figures(model, data, allowed=()):
    """No number appears that is not an evidence figure, except the derived keys (checked elsewhere)
    and ``allowed`` (the estimate's own numbers)."""
    known = evidence_numbers(model) | set(allowed)
    for path, value in numeric_leaves(data):
        if path.rsplit(".", 1)[-1] in DERIVED:
            continue
        assert value in known, (path, value)


def figure_dicts(data):
    if isinstance(data, dict):
        if "figure" in data and isinstance(data["figure"], str) and "checked_against" in data:
            yield data
        for value in data.values():
            yield from figure_dicts(value)
    elif isinstance(data, list):
        for value in data:
            yield from figure_dicts(value)


@pytest.mark.parametrize("course", ["rrms", "spms", "ppms", "prms"])
def test_every_number_in_the_options_equals_its_figure_and_carries_checked_against(model, course):
    view = options_view(model, make(model, course=course, relapses_past_year=1))
    for study in view.studies:
        source = model.evidence.get(study.id)
        data = study.as_dict()
        refs = list(figure_dicts(data))
        assert refs
        for ref in refs:
            figure = source.figure(ref["figure"])
            assert ref["checked_against"] == figure.checked_against
            if "value" in ref:
                assert ref["value"] == figure.value
            if "lower" in ref and figure.ci:
                assert (ref["lower"], ref["upper"]) == figure.ci
        for outcome in study.outcomes:
            for arm in outcome.arms:
                if arm.kind == "count":
                    assert arm.share == arm.value.value / arm.patients.value
                elif arm.kind == "share":
                    assert arm.share == arm.value.value
                elif arm.kind == "mean":
                    assert arm.after.figure and arm.per_hundred is None
                else:
                    assert arm.per_hundred == pytest.approx(arm.value.value * 100)
                if arm.share is not None:
                    assert arm.in_hundred == wording.in_hundred(arm.share)
            hr = outcome.hazard_ratio
            if hr:
                assert hr.words == hazard_ratio_words(hr.value)
                assert hr.clear_difference is (not hr.ci[0] <= 1 <= hr.ci[1])


# --- Harms ---------------------------------------------------------------------------------------

HARM_IDS = ["early_death_study_era", "early_death_recent", "early_death_causes", "register_deaths",
            "febrile_neutropenia", "severe_adverse_events_100d", "herpes_zoster", "infections",
            "other_serious_infection", "ebv", "ptld", "m_protein", "thyroid", "itp", "autoimmunity", "hair_loss",
            "periods", "ovarian_reserve", "menopause_infertility", "male_infertility", "secondary_cancer",
            "temporary_worsening", "hospital_stay", "isolation", "revaccination", "recovery", "access_uk",
            "abroad_cost", "severe_adverse_events_by_regimen", "neda_by_regimen"]


@pytest.mark.parametrize("course", ["rrms", "ppms"])
def test_harms_table_with_both_early_death_figures(model, course):
    result = model.estimate(make(model, course=course, edss=6.5))
    rows = {h.id: h for h in harms(model, result)}
    assert list(rows) == HARM_IDS
    for harm_id, interval, label in (
            ("early_death_study_era", result.early_mortality, result.early_mortality_source),
            ("early_death_recent", result.early_mortality_recent, result.early_mortality_recent_source)):
        (figure,) = rows[harm_id].figures
        assert (figure.value, figure.ci) == (interval.estimate, (interval.lower, interval.upper))
        assert figure.source == label.id and figure.modelled and figure.in_hundred == wording.in_hundred(interval.estimate)
        assert figure.checked_against == model.evidence.get(label.id).figure("early_deaths").checked_against
    assert rows["early_death_study_era"].category == rows["early_death_recent"].category == "early_death"


def test_every_harm_figure_equals_its_evidence_figure(model):
    result = model.estimate(make(model))
    table = harms(model, result)
    for harm in table:
        for figure in harm.figures:
            if figure.modelled:
                continue
            source = model.evidence.get(figure.source)
            evidence = source.figure(figure.figure)
            assert (figure.value, figure.ci, figure.checked_against) == (evidence.value, evidence.ci,
                                                                         evidence.checked_against)
            if figure.range_low is not None:
                assert figure.range_low == source.value(figure.range_low_figure)
            assert figure.in_hundred == (wording.in_hundred(figure.value) if evidence.kind == "probability" else None)
    data = [dict(h.as_dict(), text=harm_text(h)) for h in table]
    allowed = {v for h in table for f in h.figures if f.modelled for v in (f.value, *f.ci)}
    assert_numbers_are_evidence_figures(model, data, allowed)
    for row in data:
        assert {"id", "text", "value", "source"} <= set(row)
        if row["figures"]:
            assert row["value"] == row["figures"][0]["value"] and row["source"] == row["figures"][0]["source"]
            assert all(f["checked_against"] for f in row["figures"])
        else:  # no figure: said so, with the plain statement of its source and how that was checked
            assert row["category"] == "not_quantified" and row["value"] is None
            assert row["statements"] and all(s["text"] and s["checked_against"] for s in row["statements"])


def test_the_figures_of_evidence_md_in_the_harms_table(model):
    rows = {h.id: h for h in harms(model, model.estimate(make(model)))}
    values = {h: {f.group: (f.value, f.in_hundred) for f in rows[h].figures} for h in rows}
    assert values["febrile_neutropenia"] == {"whole_cohort": (0.68, 68), "cy_atg_compared": (0.68, 68),
                                             "beam_atg_compared": (0.88, 88)}
    assert values["herpes_zoster"] == {"swedish_cohort": (0.15, 15)}
    assert values["ebv"]["uk_registry"] == (0.759, 76)
    assert values["thyroid"]["swedish_cohort"] == (0.084, 8)
    assert values["severe_adverse_events_100d"] == {"grade_3": (1.7, None), "grade_4": (0.06, None)}
    # time frames are figures too, not literals in code
    assert model.evidence.get("silfverberg2024").value("adverse_events_window") == 100
    assert "100 days" in time_text(rows["severe_adverse_events_100d"])
    assert model.evidence.get("sweden2024_regimens").value("neda_years") == 5
    assert "5 years" in time_text(rows["neda_by_regimen"])
    assert {k: v for k, v in values["thyroid"].items() if k != "swedish_cohort"} == {
        "hypothyroidism": (0.035, 4), "hyperthyroidism": (0.033, 3)}
    assert values["itp"] == {"non_alemtuzumab": (0.028, 3), "alemtuzumab": (0.14, 14)}
    assert rows["itp"].figures[0].range_low == 0.0
    assert values["severe_adverse_events_by_regimen"] == {"cy_atg": (1.4, None),
                                                          "beam_atg": (3.1, None)}
    assert values["hospital_stay"] == {"beam_atg_longer": (3, None)}
    neda = rows["neda_by_regimen"]
    assert {f.group: f.value for f in neda.figures} == {"cy_atg": 0.71, "beam_atg": 0.81, "p_value": 0.29}
    assert "neither regimen was shown to work better" in note_text(neda)
    for harm in rows.values():  # BEAM is never presented as working better
        assert "more effective" not in harm_text(harm) and "BEAM/ATG works better" not in harm_text(harm)


# --- Guidance ------------------------------------------------------------------------------------

def test_each_statement_is_chosen_by_id(model):
    assert guidance_fit(model, make(model)).source == "nmss2021_guidance"  # the default: what the window shows
    assert guidance_fit(model, make(model), "ectrims2025").source == "ectrims2025_guidance"
    with pytest.raises(LookupError):
        guidance_fit(model, make(model), "someone2030")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=profiles)
def test_both_statements_criterion_by_criterion_never_a_verdict(model, fields):
    profile = model.validate(fields)
    fits = guidance_fits(model, profile)
    assert [f.id for f in fits] == ["ectrims2025", "nmss2021"]
    for fit in fits:
        source = model.evidence.get(fit.source)
        assert fit.statement == source.text("statement")
        for point in fit.points:
            assert point.status in ("meets", "does_not_meet", "not_known")
            criterion = next(c for c in source.raw["criteria"] if c["id"] == point.id)
            assert (point.says, point.checked_against) == (criterion["text"], criterion["checked_against"])
            if point.reason in ("under", "not_under"):
                assert (point.status == "meets") is (point.value < point.threshold == source.value(point.figure))
            if point.status == "not_known" and point.reason != "about_the_centre" and point.reason != "not_asked":
                assert point.missing and all(getattr(profile, f) is None for f in point.missing)
        text = (" ".join(point_text(fit.id, p) for p in fit.points) + NO_VERDICT).lower()
        for verdict in VERDICTS:
            assert verdict not in text
    ectrims, nmss = fits
    assert [p.id for p in nmss.points] == ["N1", "N2", "N3", "N4", "N5", "N6"]
    expected = ["E1", "E2", "E3", "E4", "E5", "E6"]
    if profile.course != "rrms":
        expected.append("E7")
    if profile.prior_dmts == 0:
        expected.append("E8")
    assert [p.id for p in ectrims.points] == expected


# --- Evidence review and disclosure ---------------------------------------------------------------

@pytest.mark.parametrize("day, overdue", [("2028-02-01", True), ("2027-01-01", False), ("2027-12-07", False),
                                          ("2027-12-08", True)])
def test_evidence_review_overdue_follows_decision_aid_today(model, day, overdue):
    on = today({"DECISION_AID_TODAY": day})
    assert on == dt.date.fromisoformat(day)
    assert evidence_review(model.evidence, on).as_dict() == {
        "edition": "2027.01-1", "reviewed": "2026-12-07", "next_review_due": "2027-12-07", "overdue": overdue}


@pytest.mark.parametrize("value", ["garbage", "", "2027-1-1", "20270101", "2027-02-30", " 2027-01-01",
                                   "2027-01-01T00:00", "2027-01-0١"])
def test_a_malformed_today_is_refused(value):
    with pytest.raises(TodayError, match="DECISION_AID_TODAY"):
        today({"DECISION_AID_TODAY": value})


def test_disclosure_has_every_item():
    data = disclosure().as_dict()
    assert set(data) == {"funding", "conflicts_of_interest", "evidence_selection", "report_a_problem"}
    assert data["funding"]["code"] == "none" and data["conflicts_of_interest"]["code"] == "none_declared"
    assert all(item["text"].strip() for item in data.values())
    assert "contact" in data["report_a_problem"]


# --- The JSON of decision-aid estimate ------------------------------------------------------------

def run_json(*args, today_value="2027-01-01"):
    env = {**os.environ, "DECISION_AID_TODAY": today_value}
    return subprocess.run([sys.executable, "-m", "decision_aid", "estimate", *args, "--json"], capture_output=True,
                          text=True, timeout=60, env=env)


@pytest.mark.parametrize("course, relapses", [("rrms", "2"), ("ppms", None)])
def test_estimate_json_has_options_harms_guidance_review_and_disclosure(model, course, relapses):
    args = ["--age", "38", "--course", course, "--edss", "4.0", "--prior-dmts", "3"]
    if relapses:
        args += ["--relapses-past-year", relapses]
    done = run_json(*args)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    context = data["context"]
    assert context["options"]["studies"] == list(EXPECTED_STUDIES[course])
    assert context["options"]["direct_comparison"] is (course == "rrms")
    assert [h["id"] for h in context["harms"]] == HARM_IDS
    assert context["harms"][0]["value"] == data["early_mortality"]["estimate"]
    assert context["harms"][1]["value"] == data["early_mortality_recent"]["estimate"]
    assert [g["id"] for g in context["guidance"]] == ["ectrims2025", "nmss2021"]
    assert data["evidence_review"] == {"edition": "2027.01-1", "reviewed": "2026-12-07",
                                       "next_review_due": "2027-12-07", "overdue": False}
    assert data["disclosure"] == disclosure().as_dict()
    profile = make(model, course=course, relapses_past_year=int(relapses) if relapses else None)
    assert context["options"] == json.loads(json.dumps(options_dict(model, profile)))


def test_estimate_json_says_when_the_review_is_overdue():
    done = run_json("--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3", today_value="2028-02-01")
    assert json.loads(done.stdout)["evidence_review"]["overdue"] is True


def test_a_garbage_today_is_refused_with_one_line_and_status_2():
    done = run_json("--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3", today_value="soon")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "DECISION_AID_TODAY" in done.stderr and "YYYY-MM-DD" in done.stderr
