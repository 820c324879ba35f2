"""Every limit at its edge and every refusal with its exact reason (issue 29, item 2).

The limits are MODEL.md's ("warn outside 18 to 55", "warn at 8.0 and above", "draws 100 to 100000",
"0 to 60"), typed in here: a limit that moved in the code or the evidence fails here."""

import math

import numpy as np
import pytest

from decision_aid.evidence import EvidenceError, load_evidence
from decision_aid.model import Model, ProfileError, RequestError
from decision_aid.model.survival import MAX_DOUBLINGS, calibrate
from shared import rewrite, run_with_timeout

VALID = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}


def warning_ids(model, **fields) -> set[str]:
    result = model.estimate(model.validate({**VALID, **fields}), draws=100)
    return {note.id for note in result.warnings}


# --- warnings at their edges ----------------------------------------------------------------------

@pytest.mark.parametrize("edss, warned", [(7.5, False), (8.0, True), (8.5, True), (9.5, True)])
def test_the_very_high_edss_warning_starts_exactly_at_8(model, edss, warned):
    assert ("edss_very_high" in warning_ids(model, edss=edss)) is warned


@pytest.mark.parametrize("age, warned", [(16, True), (17.5, True), (17.9, True), (18, False), (18.1, False),
                                         (54.9, False), (55, False), (55.1, True), (56, True), (75, True)])
def test_the_age_warning_is_outside_18_to_55_and_not_at_its_edges(model, age, warned):
    assert ("age_outside_studied" in warning_ids(model, age=age)) is warned


def test_the_age_warning_names_the_studied_range(model):
    (note,) = [n for n in model.estimate(model.validate({**VALID, "age": 17.5}), draws=100).warnings
               if n.id == "age_outside_studied"]
    assert dict(note.values) == {"age": 17.5, "studied_min": 18, "studied_max": 55}


# --- the number of draws and the horizon ----------------------------------------------------------

@pytest.mark.parametrize("draws", [100, 100000])
def test_the_draws_limits_are_allowed(model, draws):
    result = model.estimate(model.validate(VALID), draws=draws)
    assert result.draws == draws
    assert result.early_mortality.lower < result.early_mortality.estimate < result.early_mortality.upper


@pytest.mark.parametrize("draws", [99, 100001, 0, -100])
def test_draws_just_outside_the_limits_are_refused_with_the_rule(model, draws):
    with pytest.raises(RequestError) as caught:
        model.estimate(model.validate(VALID), draws=draws)
    assert (caught.value.field, caught.value.value, caught.value.rule) == ("draws", draws, "out_of_range")
    assert caught.value.limits == {"min": 100, "max": 100000, "whole": True}


@pytest.mark.parametrize("draws", [4000.0, True, "4000", None.__class__])
def test_draws_that_are_not_a_whole_number_are_refused(model, draws):
    with pytest.raises(RequestError) as caught:
        model.estimate(model.validate(VALID), draws=draws)
    assert (caught.value.field, caught.value.rule) == ("draws", "out_of_range")


def test_a_numpy_whole_number_of_draws_is_the_whole_number_it_is(model):
    result = model.estimate(model.validate(VALID), horizon=np.int64(5), draws=np.int64(4000))
    assert result.draws == 4000 and type(result.draws) is int and type(result.horizon_years) is int
    assert result.as_dict()["monte_carlo"]["draws"] == 4000
    same = model.estimate(model.validate(VALID), horizon=5, draws=4000)
    assert result.pfs_at[5] == same.pfs_at[5]


@pytest.mark.parametrize("horizon", [5.0, 10.0, 7, True, "5"])
def test_a_horizon_that_is_not_offered_is_refused_by_the_request_check(model, horizon):
    with pytest.raises(RequestError) as caught:
        model.estimate(model.validate(VALID), horizon=horizon)
    assert (caught.value.field, caught.value.rule, caught.value.limits) == ("horizon", "not_offered",
                                                                            {"values": (5, 10)})


# --- refusals with their exact reason -------------------------------------------------------------

def rule_of(model, fields) -> dict[str, str]:
    with pytest.raises(ProfileError) as caught:
        model.validate(fields)
    return {error.field: error.rule for error in caught.value.errors}


def test_edss_true_is_not_a_number(model):
    assert rule_of(model, {**VALID, "edss": True}) == {"edss": "not_a_number"}
    assert rule_of(model, {"edss": True}) == {"edss": "not_a_number", "age": "missing", "course": "missing",
                                              "prior_dmts": "missing"}


@pytest.mark.parametrize("duration", [0, 0.5, "0.5", "0,5", 59.5, 60])
def test_a_disease_duration_from_0_to_60_is_accepted(model, duration):
    profile = model.validate({**VALID, "disease_duration_years": duration})
    assert profile.disease_duration_years == float(str(duration).replace(",", "."))


@pytest.mark.parametrize("field, kind", [("mri_activity_past_year", "no"), ("relapses_on_treatment", "yes"),
                                         ("high_efficacy_dmt_failed", "no"),
                                         ("high_efficacy_dmt_contraindicated", "yes")])
@pytest.mark.parametrize("value", ["maybe", "y", "1", 1, True, "yes please"])
def test_a_yes_no_field_refuses_anything_else_as_not_a_choice(model, field, kind, value):
    assert getattr(model.validate({**VALID, field: kind}), field) == kind
    assert rule_of(model, {**VALID, field: value}) == {field: "not_a_choice"}


# " 3 ", " spms ", " yes ": the spaces a person types around a value never matter, in any field
SPACED = [("age", " 38 ", 38.0), ("age", " 38,5 ", 38.5), ("course", " spms ", "spms"), ("course", " SPMS\t", "spms"),
          ("edss", " 4.0 ", 4.0), ("edss", " 6,5 ", 6.5), ("prior_dmts", " 3 ", 3), ("relapses_past_year", " 2 ", 2),
          ("disease_duration_years", " 0.5 ", 0.5), ("mri_activity_past_year", " yes ", "yes"),
          ("relapses_on_treatment", " No ", "no"), ("high_efficacy_dmt_failed", " YES ", "yes"),
          ("high_efficacy_dmt_contraindicated", "\tno\n", "no")]


@pytest.mark.parametrize("field, typed, value", SPACED)
def test_spaces_around_a_typed_value_are_ignored_in_every_kind_of_field(model, field, typed, value):
    profile = model.validate({**VALID, field: typed})
    assert getattr(profile, field) == value and type(getattr(profile, field)) is type(value)


# --- the calibration's bracket, and a start-up that cannot hang -----------------------------------

def grid_average(a, multipliers, weights):
    return float(np.dot(weights, np.exp(-a * multipliers)))


@pytest.mark.parametrize("target", [0.9, 0.3, 0.05, 1e-6])
def test_calibration_finds_the_root_when_the_bracket_must_be_doubled(target):
    """Below exp(-1) on average the root lies beyond 1, so the bracket [0, 1] is doubled first."""
    multipliers = np.array([0.5, 1.0, 2.0, 4.0])
    weights = np.array([0.1, 0.4, 0.3, 0.2])
    a = calibrate(target, multipliers, weights)
    assert grid_average(a, multipliers, weights) == pytest.approx(target, rel=1e-12)
    assert calibrate(target, np.ones(1), np.ones(1)) == pytest.approx(-math.log(target), rel=1e-12)


@pytest.mark.parametrize("target", [0.0, -0.1, 1.0, 1.5, float("nan")])
def test_a_target_outside_0_to_1_is_refused_at_once(target):
    outcome = run_with_timeout(lambda: calibrate(target, np.ones(2), np.array([0.5, 0.5])), seconds=10)
    assert isinstance(outcome.get("error"), ValueError)


def test_a_root_beyond_the_last_doubling_is_refused_not_searched_for_ever():
    tiny = np.array([2.0 ** -(MAX_DOUBLINGS + 5)])  # needs a hazard of about 2**65 to reach 0.5
    outcome = run_with_timeout(lambda: calibrate(0.5, tiny, np.ones(1)), seconds=10)
    assert isinstance(outcome.get("error"), ValueError)
    reachable = np.array([2.0 ** -(MAX_DOUBLINGS - 5)])
    assert calibrate(0.5, reachable, np.ones(1)) * reachable[0] == pytest.approx(math.log(2), rel=1e-12)


# --- evidence the model cannot use is an EvidenceError (what the window and the command catch) ----

def zero(name):
    def change(data):
        data["figures"][name].update(value=0.0, ci=None)
    return change


@pytest.mark.parametrize("file, change, field", [
    # refused by the loader's declared range (evidence/loader.py, MODEL_PARAMETERS), naming the field
    ("model_parameters.json", zero("progressive_pfs_5y"), "figures.progressive_pfs_5y.value"),
    ("muraro2017.json", zero("pfs_relapsing_5y"), None),
    ("muraro2017.json", zero("patients"), None),  # the relapsing share p = 63/0: S2 fails first
    ("muraro2017.json", zero("progressive_patients"), None),
    ("muraro2017.json", lambda d: d["figures"]["early_deaths"].update(value=-1), "figures.early_deaths.value"),
    ("muraro2025.json", zero("patients"), "figures.early_deaths.value"),
])
def test_a_figure_the_model_cannot_use_stops_it_with_an_evidence_error(evidence_copy, file, change, field):
    rewrite(evidence_copy, file, change)
    outcome = run_with_timeout(lambda: Model(load_evidence(evidence_copy)), seconds=30)
    error = outcome.get("error")
    assert isinstance(error, EvidenceError), outcome
    assert error.field == field
    assert error.file == (file if field else "model_parameters.json")


# --- what a refusal hands to the words (present/refusals.py): the limits of each field ------------

LIMITS = {
    "age": {"min": 16, "max": 75, "optional": False},
    "course": {"courses": ("rrms", "spms", "ppms", "prms"), "optional": False},
    "prior_dmts": {"min": 0, "max": 15, "whole": True, "optional": False},
    "relapses_past_year": {"min": 0, "max": 20, "whole": True, "optional": True},
    "disease_duration_years": {"min": 0, "max": 60, "optional": True},
    "mri_activity_past_year": {"values": ("yes", "no"), "optional": True},
    "high_efficacy_dmt_failed": {"values": ("yes", "no"), "optional": True},
}


@pytest.mark.parametrize("field, value", [("age", 90), ("course", "rms"), ("prior_dmts", 16), ("relapses_past_year", 21),
                                          ("disease_duration_years", 61), ("mri_activity_past_year", "maybe"),
                                          ("high_efficacy_dmt_failed", "?")])
def test_a_refusal_carries_the_limits_of_its_field(model, field, value):
    with pytest.raises(ProfileError) as caught:
        model.validate({**VALID, field: value})
    (error,) = caught.value.errors
    assert (error.field, error.value, dict(error.limits)) == (field, value, LIMITS[field])
    assert not error.missing


def test_the_edss_refusal_carries_every_step_of_the_scale(model):
    with pytest.raises(ProfileError) as caught:
        model.validate({**VALID, "edss": 0.5})
    (error,) = caught.value.errors
    assert error.limits["values"] == (0.0, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5,
                                      8.0, 8.5, 9.0, 9.5)
    assert error.limits["optional"] is False


def test_missing_fields_are_missing_and_unknown_ones_are_named_in_order(model):
    with pytest.raises(ProfileError) as caught:
        model.validate({"zeta": 1, "alpha": 2, "course": "rrms", "edss": 4.0})
    errors = caught.value.errors
    assert [(e.field, e.rule) for e in errors] == [("alpha", "unknown_field"), ("zeta", "unknown_field"),
                                                   ("age", "missing"), ("prior_dmts", "missing")]
    assert [e.missing for e in errors] == [False, False, True, True]
    assert "relapses_past_year" in errors[0].limits["fields"] and "age" in errors[0].limits["fields"]
    assert caught.value.fields == ("alpha", "zeta", "age", "prior_dmts")


@pytest.mark.parametrize("field", ["age", "edss", "prior_dmts", "relapses_past_year", "disease_duration_years"])
@pytest.mark.parametrize("huge", [10 ** 15 + 1, -(10 ** 15) - 1, 10 ** 400])
def test_a_huge_json_integer_is_outside_the_range(model, field, huge):
    with pytest.raises(ProfileError) as caught:
        model.validate({**VALID, field: huge})
    assert [(e.field, e.rule) for e in caught.value.errors] == [(field, "out_of_range")]


def test_minus_zero_is_zero_and_never_shown_as_minus_zero(model):
    profile = model.validate({**VALID, "prior_dmts": "-0", "relapses_past_year": -0.0,
                              "disease_duration_years": "-0"})
    assert (profile.prior_dmts, profile.relapses_past_year) == (0, 0)
    assert str(profile.disease_duration_years) == "0.0"  # not "-0.0"
    assert str(model.validate({**VALID, "disease_duration_years": -0.0}).disease_duration_years) == "0.0"


@pytest.mark.parametrize("field, typed, rule", [
    ("prior_dmts", "+3", "not_a_number"), ("prior_dmts", "3_0", "not_a_number"), ("prior_dmts", "٣", "not_a_number"),
    ("prior_dmts", "-1", "out_of_range"), ("prior_dmts", "3,0", "not_whole"), ("prior_dmts", 3.0, 3),
    ("age", ".5e2", "not_a_number"), ("age", "38.", "not_a_number"), ("age", "3 8", "not_a_number"),
    ("age", "nan", "not_a_number"), ("edss", "4.00000000000000001", "not_a_step"), ("age", "75.0000000000000000", 75.0),
    ("age", 75.00000000000001, "out_of_range"), ("age", 16, 16.0),
])
def test_numbers_are_judged_exactly_as_typed(model, field, typed, rule):
    if isinstance(rule, str):
        assert rule_of(model, {**VALID, field: typed}) == {field: rule}
    else:
        value = getattr(model.validate({**VALID, field: typed}), field)
        assert value == rule and type(value) is type(rule)


def test_the_profile_as_a_mapping(model):
    profile = model.validate({**VALID, "relapses_past_year": "2", "mri_activity_past_year": "Yes"})
    assert profile.as_dict() == {"age": 38.0, "course": "rrms", "edss": 4.0, "prior_dmts": 3,
                                 "relapses_past_year": 2, "disease_duration_years": None,
                                 "mri_activity_past_year": "yes", "relapses_on_treatment": None,
                                 "high_efficacy_dmt_failed": None, "high_efficacy_dmt_contraindicated": None}
