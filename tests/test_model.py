"""The model of MODEL.md: anchors, properties over the whole profile space, and validation."""

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_aid.model import Profile, ProfileError

COURSES = ["rrms", "spms", "ppms", "prms"]
EDSS_VALUES = [0.0] + [v / 2 for v in range(2, 20)]


def profiles(age=st.floats(16, 75, allow_nan=False), course=st.sampled_from(COURSES),
             edss=st.sampled_from(EDSS_VALUES), dmts=st.integers(0, 15)):
    return st.builds(lambda a, c, e, d: {"age": a, "course": c, "edss": e, "prior_dmts": d}, age, course, edss, dmts)


def run(model, fields, horizon=5, draws=1000):
    return model.estimate(model.validate(fields), horizon=horizon, draws=draws)


# --- anchors -------------------------------------------------------------------------------

def test_relapsing_fit_matches_the_spec(model):
    assert model.relapsing_fit.shape == pytest.approx(0.897, abs=0.001)
    assert model.relapsing_pfs5 == pytest.approx(0.733, abs=0.001)
    assert model.theta == pytest.approx(3.1, abs=0.05)


def test_reference_relapsing_curve_passes_the_published_points(model, profile_fields):
    result = run(model, profile_fields)
    for year, published in ((3, 0.82), (4, 0.78), (5, 0.73)):
        assert abs(result.reference.relapsing[12 * year] - published) <= 0.005


def test_relapsing_patient_with_multiplier_one_follows_the_reference(model):
    # m = 1 at age 35 needs a 50% share of >2 DMTs; check the multiplier formula directly instead.
    profile = model.validate({"age": 35, "course": "rrms", "edss": 4.0, "prior_dmts": 3})
    m = model.hazard_multiplier(profile)
    assert m == pytest.approx(1.65 ** 0.5)
    result = model.estimate(profile, draws=500)
    np.testing.assert_allclose(result.pfs.estimate, result.reference.relapsing ** m)


def test_average_study_patient_is_46_percent_at_5_years(model, profile_fields):
    result = run(model, profile_fields)
    assert abs(result.reference.average_patient[60] - 0.46) <= 0.005


def test_early_mortality_averaged_over_edss_levels_is_8_in_281(model):
    low = run(model, {"age": 40, "course": "spms", "edss": 4.0, "prior_dmts": 1})
    high = run(model, {"age": 40, "course": "spms", "edss": 7.0, "prior_dmts": 1})
    assert 0.5 * low.early_mortality.estimate + 0.5 * high.early_mortality.estimate == pytest.approx(8 / 281)
    assert high.early_mortality.estimate / low.early_mortality.estimate == pytest.approx(2.03)


def test_overall_survival_averaged_is_close_to_92_percent(model):
    low = run(model, {"age": 40, "course": "spms", "edss": 4.0, "prior_dmts": 1}).overall_survival_5y.estimate
    high = run(model, {"age": 40, "course": "spms", "edss": 7.0, "prior_dmts": 1}).overall_survival_5y.estimate
    f_low = 1 / (0.5 + 0.5 * 2.03)
    assert low == pytest.approx(0.92 ** f_low)
    assert high == pytest.approx(0.92 ** (2.03 * f_low))


def test_band_equals_numpy_percentiles_of_the_full_draw_matrix(model):
    """The fast band is exactly the pointwise 2.5th/97.5th percentiles of every drawn curve."""
    profile = model.validate({"age": 47.5, "course": "ppms", "edss": 6.5, "prior_dmts": 4})
    result = model.estimate(profile, horizon=10, draws=777)
    rng = np.random.default_rng(model.seed)
    z = rng.standard_normal((777, 6))
    cohort5 = np.exp(-np.exp(math.log(-math.log(0.46)) + model.cohort_pfs5_se * z[:, 0]))
    rel5 = np.exp(-np.exp(math.log(-math.log(model.relapsing_pfs5)) + model.relapsing_pfs5_se * z[:, 1]))
    hr_age = np.exp(math.log(1.03) + model.hr["age"].log_se * z[:, 2])
    hr_dmt = np.exp(math.log(1.65) + model.hr["dmts"].log_se * z[:, 3])
    s_p5 = np.clip((cohort5 - model.relapsing_share * rel5) / (1 - model.relapsing_share), 0.001, 0.999)
    theta = np.log(s_p5) / np.log(rel5)
    m = hr_age ** (47.5 - 35) * hr_dmt ** 0.5
    h_r = np.exp(model.relapsing_fit.log_scale) * result.pfs.times ** model.relapsing_fit.shape
    curves = np.exp(-(m * theta * np.log(rel5) / np.log(model.relapsing_pfs5))[:, None] * h_r[None, :])
    low, high = np.percentile(curves, [2.5, 97.5], axis=0)
    np.testing.assert_allclose(result.pfs.lower, low, atol=1e-12)
    np.testing.assert_allclose(result.pfs.upper, high, atol=1e-12)


def test_grid_is_monthly_and_extrapolation_is_marked(model, profile_fields):
    result = run(model, profile_fields, horizon=10)
    assert len(result.pfs.times) == 121
    assert result.pfs.times[12] == pytest.approx(1.0)
    assert result.pfs.extrapolated_after == 5.0
    assert [w.id for w in result.warnings] == ["extrapolation"]
    assert list(result.pfs_at) == list(range(1, 11))
    assert run(model, profile_fields, horizon=5).warnings == ()


def test_result_is_immutable(model, profile_fields):
    result = run(model, profile_fields)
    with pytest.raises(ValueError):
        result.pfs.estimate[0] = 0.5
    with pytest.raises(AttributeError):
        result.draws = 5  # type: ignore[misc]


def test_json_has_the_documented_shape(model, profile_fields):
    data = json.loads(json.dumps(run(model, profile_fields).as_dict()))
    assert data["early_mortality"]["horizon_days"] == 100
    assert set(data["pfs_at"]) == {"1", "2", "3", "4", "5"}
    assert [a["id"] for a in data["assumptions"]] == [f"A{i}" for i in range(1, 8)]
    assert {e["id"] for e in data["evidence"]} >= {"muraro2017", "burt2019_mist"}
    assert len(data["pfs"]["times"]) == len(data["pfs"]["estimate"]) == len(data["reference"]["average_patient"])


# --- properties ----------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(fields=profiles(), horizon=st.sampled_from([5, 10]))
def test_probabilities_are_valid_and_points_sit_in_their_intervals(model, fields, horizon):
    result = run(model, fields, horizon=horizon, draws=400)
    pfs = result.pfs
    for array in (pfs.estimate, pfs.lower, pfs.upper):
        assert np.all((array >= 0) & (array <= 1))
        assert np.all(np.diff(array) <= 0), "PFS must never rise with time"
    assert np.all(pfs.lower <= pfs.estimate + 1e-12) and np.all(pfs.estimate <= pfs.upper + 1e-12)
    for interval in (result.early_mortality, result.overall_survival_5y, *result.pfs_at.values()):
        assert 0 <= interval.lower <= interval.estimate <= interval.upper <= 1


@settings(max_examples=100, deadline=None)
@given(fields=profiles(age=st.floats(16, 74, allow_nan=False)), older=st.floats(0.5, 30))
def test_older_age_never_raises_pfs(model, fields, older):
    young = run(model, fields, draws=200)
    aged = run(model, {**fields, "age": min(75.0, fields["age"] + older)}, draws=200)
    assert np.all(aged.pfs.estimate <= young.pfs.estimate)


@settings(max_examples=100, deadline=None)
@given(fields=profiles(course=st.just("rrms")), progressive=st.sampled_from(["spms", "ppms", "prms"]))
def test_progressive_course_never_raises_pfs(model, fields, progressive):
    relapsing = run(model, fields, draws=200)
    other = run(model, {**fields, "course": progressive}, draws=200)
    assert np.all(other.pfs.estimate <= relapsing.pfs.estimate)


@settings(max_examples=100, deadline=None)
@given(fields=profiles(dmts=st.integers(0, 2)), many=st.integers(3, 15))
def test_more_than_two_dmts_never_raises_pfs(model, fields, many):
    few = run(model, fields, draws=200)
    more = run(model, {**fields, "prior_dmts": many}, draws=200)
    assert np.all(more.pfs.estimate <= few.pfs.estimate)


@settings(max_examples=100, deadline=None)
@given(fields=profiles(edss=st.sampled_from([e for e in EDSS_VALUES if e < 6.5])),
       high=st.sampled_from([e for e in EDSS_VALUES if e >= 6.5]))
def test_edss_65_or_above_never_lowers_early_mortality(model, fields, high):
    low = run(model, fields, draws=200)
    severe = run(model, {**fields, "edss": high}, draws=200)
    assert severe.early_mortality.estimate >= low.early_mortality.estimate
    assert severe.overall_survival_5y.estimate <= low.overall_survival_5y.estimate


@settings(max_examples=30, deadline=None)
@given(fields=profiles())
def test_same_profile_gives_identical_output(model, fields):
    first = json.dumps(run(model, fields, draws=300).as_dict())
    second = json.dumps(run(model, dict(fields), draws=300).as_dict())
    assert first == second


# --- validation ----------------------------------------------------------------------------

VALID = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}


@pytest.mark.parametrize(
    "field, value",
    [
        ("age", 15.9), ("age", 75.01), ("age", -1), ("age", "abc"), ("age", float("nan")), ("age", float("inf")),
        ("age", None), ("age", ""), ("age", True),
        ("course", "rr"), ("course", ""), ("course", None), ("course", 1), ("course", "relapsing"),
        ("edss", 0.5), ("edss", 10), ("edss", 10.0), ("edss", -1), ("edss", 4.25), ("edss", 9.6), ("edss", "x"),
        ("edss", None), ("edss", float("nan")),
        ("prior_dmts", -1), ("prior_dmts", 16), ("prior_dmts", 2.5), ("prior_dmts", "two"), ("prior_dmts", None),
        ("relapses_past_year", -1), ("relapses_past_year", 21), ("relapses_past_year", 1.5),
        ("disease_duration_years", -0.1), ("disease_duration_years", 60.5), ("disease_duration_years", "long"),
    ],
)
def test_every_invalid_value_is_rejected_with_its_field(model, field, value):
    with pytest.raises(ProfileError) as caught:
        model.validate({**VALID, field: value})
    assert caught.value.fields == (field,)
    assert field in str(caught.value) and "allowed" in str(caught.value)


def test_unknown_field_is_rejected(model):
    with pytest.raises(ProfileError) as caught:
        model.validate({**VALID, "edds": 4.0})
    assert caught.value.fields == ("edds",)


def test_all_rejected_fields_are_reported_together(model):
    with pytest.raises(ProfileError) as caught:
        model.validate({"age": 200, "course": "rrms", "edss": 0.5, "prior_dmts": -2})
    assert caught.value.fields == ("age", "edss", "prior_dmts")


@pytest.mark.parametrize("edss", EDSS_VALUES)
def test_every_valid_edss_step_is_accepted(model, edss):
    assert model.validate({**VALID, "edss": edss}).edss == edss
    assert model.validate({**VALID, "edss": f"{edss:.1f}"}).edss == edss


def test_text_input_is_parsed_not_clamped(model):
    profile = model.validate({"age": " 16 ", "course": "SPMS", "edss": "9.5", "prior_dmts": "15",
                              "relapses_past_year": "", "disease_duration_years": "60"})
    assert profile == Profile(16.0, "spms", 9.5, 15, None, 60.0)


def test_horizon_and_draws_are_checked(model, profile_fields):
    profile = model.validate(profile_fields)
    with pytest.raises(ValueError, match="horizon"):
        model.estimate(profile, horizon=7)
    with pytest.raises(ValueError, match="draws"):
        model.estimate(profile, draws=3)


def test_warnings_for_profiles_outside_the_studied_population(model):
    result = run(model, {"age": 60, "course": "spms", "edss": 8.5, "prior_dmts": 1})
    assert {w.id for w in result.warnings} == {"age_outside_studied", "edss_very_high"}
    assert run(model, {"age": 17, "course": "rrms", "edss": 2.0, "prior_dmts": 0}).warnings[0].id == "age_outside_studied"
    assert run(model, {"age": 55, "course": "rrms", "edss": 7.5, "prior_dmts": 0}).warnings == ()


def test_interval_percentiles_equal_numpy(model):
    """The written-out percentiles equal np.percentile (linear) on the same draws."""
    from decision_aid.model.engine import _percentiles

    samples = np.random.default_rng(3).beta(8.5, 273.5, 4001)
    low, high = np.percentile(samples, [2.5, 97.5])
    assert _percentiles(samples, 0.95) == pytest.approx((low, high), abs=1e-15)
    assert _percentiles(samples[:7], 0.95) == pytest.approx(tuple(np.percentile(samples[:7], [2.5, 97.5])), abs=1e-15)
