"""The model of MODEL.md: anchors, properties over the whole profile space, and validation."""

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_aid.model import Profile, ProfileError
from decision_aid.model.profile import RULES
from decision_aid.present.refusals import refusal_line

COURSES = ["rrms", "spms", "ppms", "prms"]
EDSS_VALUES = [0.0] + [v / 2 for v in range(2, 20)]


def profiles(age=st.floats(16, 75, allow_nan=False), course=st.sampled_from(COURSES),
             edss=st.sampled_from(EDSS_VALUES), dmts=st.integers(0, 15)):
    return st.builds(lambda a, c, e, d: {"age": a, "course": c, "edss": e, "prior_dmts": d}, age, course, edss, dmts)


def run(model, fields, horizon=5, draws=1000):
    return model.estimate(model.validate(fields), horizon=horizon, draws=draws)


# --- MODEL.md v2: the required checks T1 to T8 ------------------------------------------------

def test_t1_relapsing_fit_is_within_half_a_point_of_the_published_figures(model):
    fit = model.relapsing_fit
    assert fit.shape == pytest.approx(0.8969, abs=1e-4) and fit.log_scale == pytest.approx(-2.6127, abs=1e-4)
    for year, published in ((3, 0.82), (4, 0.78), (5, 0.73)):
        assert abs(float(fit.survival(year)) - published) <= 0.005
    assert model.relapsing_pfs5 == pytest.approx(0.7330, abs=1e-4)
    assert model.progressive_pfs5 == pytest.approx(0.3811, abs=1e-4)
    assert model.theta == pytest.approx(3.1055, abs=1e-4)


def test_t2_each_group_averages_to_its_own_curve(model):
    """The mean personal 5-year PFS over the group's A3 covariate grid equals S_g5 (0.1 pp)."""
    expected_lambda = {"relapsing": 0.9637, "progressive": 0.9987}
    for name, group in model.groups.items():
        assert group.calibration == pytest.approx(expected_lambda[name], abs=1e-4)
        ages, dmts, weights = model.covariate_grid(group.mean_age, group.share_many_dmts)
        m = model.multiplier(ages, dmts, group.mean_age, group.share_many_dmts)
        pfs5 = np.exp(-group.calibration * m * group.curve_factor * model.relapsing_fit.cumulative_hazard(5.0))
        assert abs(float(np.dot(weights, pfs5)) - group.pfs5) <= 0.001


def test_t3_the_study_mix_of_group_averages_is_46_percent(model):
    p = model.relapsing_share
    average = p * model.groups["relapsing"].pfs5 + (1 - p) * model.groups["progressive"].pfs5
    assert abs(average - 0.460) <= 0.002


def test_t4_average_patient_and_survival_bands_reproduce_the_published_intervals(model):
    from decision_aid.model.survival import percentiles

    draws = model.parameter_draws(20000)
    p = model.relapsing_share
    progressive5 = draws.relapsing_pfs5 ** draws.progressive_factor  # m = 1
    average5 = p * draws.relapsing_pfs5 + (1 - p) * progressive5
    low, high = percentiles(average5, 0.95)
    assert abs(low - 0.42) <= 0.005 and abs(high - 0.54) <= 0.005
    os5 = np.minimum(draws.os5, 1 - draws.early)  # f = 1
    low, high = percentiles(os5, 0.95)
    assert abs(low - 0.89) <= 0.005 and abs(high - 0.96) <= 0.005


def test_t5_the_cohort_average_edss_factor_is_one(model):
    low = model.validate({"age": 40, "course": "spms", "edss": 4.0, "prior_dmts": 1})
    high = model.validate({"age": 40, "course": "spms", "edss": 7.0, "prior_dmts": 1})
    assert 0.5 * model.edss_factor(low) + 0.5 * model.edss_factor(high) == pytest.approx(1.0)
    average = 0.5 * run(model, {**low.as_dict()}).early_mortality.estimate + 0.5 * run(
        model, {**high.as_dict()}).early_mortality.estimate
    assert average == pytest.approx(8 / 281)


def test_t6_the_implied_course_hazard_ratio_lies_in_the_published_interval(model):
    r, pr = model.groups["relapsing"], model.groups["progressive"]
    implied = (model.theta * pr.calibration / r.calibration * 1.03 ** (r.mean_age - pr.mean_age)
               * 1.65 ** (r.share_many_dmts - pr.share_many_dmts))
    assert implied == pytest.approx(2.38, abs=0.005)
    assert 1.27 <= implied <= 4.28


@settings(max_examples=40, deadline=None)
@given(fields=profiles(), horizon=st.sampled_from([5, 10]))
def test_t7_the_coherence_caps_hold_in_every_draw(model, fields, horizon):
    profile = model.validate(fields)
    drawn = model.draw_outcomes(profile, horizon, 500)
    cap = model.early_cap(model.time_grid(horizon), drawn.early)
    assert np.all(drawn.pfs <= cap)
    assert np.all(drawn.os5 <= 1 - drawn.early)
    result = model.estimate(profile, horizon=horizon, draws=500)
    assert result.overall_survival_5y.estimate <= 1 - result.early_mortality.estimate
    assert np.all(result.pfs.estimate <= model.early_cap(result.pfs.times, result.early_mortality.estimate))


T8 = [
    ({"age": 30, "course": "rrms", "edss": 3.0, "prior_dmts": 2}, (0.899, 0.784, 0.636), 0.0188, 0.0091, 0.946),
    ({"age": 45, "course": "spms", "edss": 6.0, "prior_dmts": 4}, (0.521, 0.227, 0.063), 0.0188, 0.0091, 0.946),
    ({"age": 52, "course": "ppms", "edss": 6.5, "prior_dmts": 3}, (0.448, 0.161, 0.033), 0.0381, 0.0184, 0.894),
]


@pytest.mark.parametrize("fields, pfs, q, q_recent, os5", T8)
def test_t8_points_for_three_profiles(model, fields, pfs, q, q_recent, os5):
    result = run(model, fields, horizon=10)
    assert [round(result.pfs_at[y].estimate, 3) for y in (2, 5, 10)] == list(pfs)
    assert round(result.early_mortality.estimate, 4) == q
    assert round(result.early_mortality_recent.estimate, 4) == q_recent
    assert round(result.overall_survival_5y.estimate, 3) == os5


# --- the same numbers as an independent implementation of MODEL.md ---------------------------------

REFERENCE_PROFILES = [
    (30, "rrms", 3.0, 2, 10), (45, "spms", 6.0, 4, 10), (52, "ppms", 6.5, 3, 5), (19.5, "prms", 9.5, 0, 10),
    (75, "rrms", 0.0, 15, 5), (16, "ppms", 8.0, 3, 10),
]


@pytest.mark.parametrize("age, course, edss, dmts, horizon", REFERENCE_PROFILES)
def test_points_and_intervals_equal_a_literal_implementation(model, age, course, edss, dmts, horizon):
    """Same seed and draw order, so even the intervals agree to rounding error; the points, from
    figures typed in from EVIDENCE.md, agree too."""
    import model_reference as reference

    result = run(model, {"age": age, "course": course, "edss": edss, "prior_dmts": dmts}, horizon, draws=4000)
    expected = reference.estimate(age, course, edss, dmts, horizon)
    np.testing.assert_allclose(result.pfs.times, expected["times"])
    np.testing.assert_allclose(result.pfs.estimate, expected["pfs"], atol=1e-9)
    np.testing.assert_allclose(result.pfs.lower, expected["pfs_band"][0], atol=1e-9)
    np.testing.assert_allclose(result.pfs.upper, expected["pfs_band"][1], atol=1e-9)
    for interval, point, band in (
        (result.early_mortality, expected["q"], expected["q_band"]),
        (result.early_mortality_recent, expected["q_recent"], expected["q_recent_band"]),
        (result.overall_survival_5y, expected["os5"], expected["os5_band"]),
    ):
        assert (interval.estimate, interval.lower, interval.upper) == pytest.approx((point, *band), abs=1e-9)


def test_reference_curves_pass_the_published_points(model, profile_fields):
    result = run(model, profile_fields)
    for year, published in ((3, 0.82), (4, 0.78), (5, 0.73)):
        assert abs(result.reference.relapsing[12 * year] - published) <= 0.005
    assert abs(result.reference.average_patient[60] - 0.46) <= 0.005


def test_early_deaths_in_two_eras_are_labelled_and_never_averaged(model, profile_fields):
    result = run(model, profile_fields)
    assert result.early_mortality_source.id == "muraro2017"
    assert result.early_mortality_source.label == "treated 1995 to 2006"
    assert result.early_mortality_recent_source.id == "muraro2025"
    assert result.early_mortality_recent_source.label == "UK centres, treated 2002 to 2023"
    ratio = result.early_mortality_recent.estimate / result.early_mortality.estimate
    assert ratio == pytest.approx((5 / 364) / (8 / 281))


def test_estimate_is_fast_enough_to_repeat_and_draws_are_reused(model, profile_fields):
    """The parameter draws depend only on their number, so they are made once and shared."""
    profile = model.validate(profile_fields)
    assert model.parameter_draws(4000) is model.parameter_draws(4000)
    first = model.estimate(profile, horizon=10)
    again = model.estimate(profile, horizon=10)
    np.testing.assert_array_equal(first.pfs.lower, again.pfs.lower)
    with pytest.raises(ValueError):
        model.parameter_draws(4000).early[0] = 1.0


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
    assert data["model_version"] == "2.0"
    assert [a["id"] for a in data["assumptions"]] == [f"A{i}" for i in range(1, 14)]
    assert data["early_mortality"]["source"] == "muraro2017"
    assert data["early_mortality"]["label"] == "treated 1995 to 2006"
    recent = data["early_mortality_recent"]
    assert recent["horizon_days"] == 100 and recent["source"] == "muraro2025"
    assert recent["label"] == "UK centres, treated 2002 to 2023"
    assert recent["lower"] <= recent["estimate"] <= recent["upper"]
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
    for interval in (result.early_mortality, result.early_mortality_recent, result.overall_survival_5y,
                     *result.pfs_at.values()):
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
    (error,) = caught.value.errors
    assert error.rule in RULES and field in str(caught.value)
    assert "allowed" in refusal_line(caught.value.errors, {}, None)


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
    """The written-out percentiles equal np.percentile (linear) on the same draws, for vectors
    and for the times-by-draws matrix, at odd and even sizes."""
    from decision_aid.model.survival import percentile_band, percentiles

    rng = np.random.default_rng(3)
    samples = rng.beta(8.5, 273.5, 4001)
    for size in (4001, 4000, 7, 2):
        low, high = np.percentile(samples[:size], [2.5, 97.5])
        assert percentiles(samples[:size], 0.95) == pytest.approx((low, high), abs=1e-15)
    matrix = rng.random((13, 999))
    low, high = percentile_band(matrix, 0.95)
    np.testing.assert_allclose(np.stack([low, high]), np.percentile(matrix, [2.5, 97.5], axis=1), atol=1e-15)
    untouched = matrix.copy()
    percentile_band(matrix, 0.95)
    np.testing.assert_array_equal(matrix, untouched)
