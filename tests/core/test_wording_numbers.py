"""The stable parts of present/wording.py, every rule at its edge: numbers, people in 100 both ways
round, ranges, percentages, published figures, the EDSS scale and the profile's parts. Every
expected text is typed in here (UI.md's wording), never made by the module under test."""

import pytest

from decision_aid.model import Interval, Profile
from decision_aid.present import wording
from decision_aid.present.i18n import use_language


@pytest.mark.parametrize("p, count, other", [
    (0.0, "about 0 in 100", "about 100 in 100"),
    (0.004, "fewer than 1 in 100", "more than 99 in 100"),
    (0.00449, "fewer than 1 in 100", "more than 99 in 100"),  # shown as 0.4%
    (0.00499, "about 1 in 100", "about 99 in 100"),  # shown as 0.5%: the count is read from the shown percentage
    (0.005, "about 1 in 100", "about 99 in 100"),  # half up, never to even
    (0.0188, "about 2 in 100", "about 98 in 100"),
    (0.025, "about 3 in 100", "about 97 in 100"),
    (0.355, "about 36 in 100", "about 64 in 100"),
    (0.99449, "about 99 in 100", "about 1 in 100"),  # shown as 99.4%
    (0.99499, "more than 99 in 100", "fewer than 1 in 100"),  # shown as 99.5%
    (0.995, "more than 99 in 100", "fewer than 1 in 100"),
    (0.996, "more than 99 in 100", "fewer than 1 in 100"),
    (1.0, "about 100 in 100", "about 0 in 100"),
])
def test_people_in_100_both_ways_round_at_every_edge(p, count, other):
    assert wording.count_phrase(p) == count
    assert wording.other_side_phrase(p) == other


@pytest.mark.parametrize("interval, text", [
    (Interval(0.5, 0.2349, 0.771), "between 23 and 77 in 100"),
    (Interval(0.02, 0.005, 0.0449), "between 1 and 4 in 100"),
    (Interval(0.54, 0.54, 0.545), "between 54 and 55 in 100"),
])
def test_a_range_says_its_lower_end_then_its_upper_end(interval, text):
    assert wording.range_phrase(interval) == text
    assert wording.interval_in_words(interval) == f"The true number could be {text}."


def test_a_short_label_in_100():
    assert wording.in_hundred_label(0.654) == "65 in 100"
    assert wording.in_hundred_label(0.655) == "66 in 100"


@pytest.mark.parametrize("rate, text", [(1.7, "170"), (0.004, "0"), (0.005, "1"), (0.0149, "1"), (0.015, "2"),
                                        (0.0, "0")])
def test_a_rate_per_person_as_whole_people_in_100(rate, text):
    assert wording.per_hundred_whole(rate) == text


@pytest.mark.parametrize("value, decimals, english, spanish", [
    (38, None, "38", "38"), (38.25, None, "38.25", "38,25"), (4, 1, "4.0", "4,0"), (0.5, 1, "0.5", "0,5"),
    (1234.5, 1, "1234.5", "1234,5"),  # no grouping of thousands
])
def test_numbers_in_each_language(value, decimals, english, spanish):
    assert wording.number(value, decimals) == english
    if spanish is not None:
        with use_language("es"):
            assert wording.number(value, decimals) == spanish


def test_percentages():
    assert wording.percent(0.0188) == "1.9%"
    assert wording.percent(0.5, 0) == "50%"
    assert wording.percent(0.12345, 2) == "12.35%"
    # the display rule: the point to one decimal, the interval's ends whole (<1% where 0% would say none)
    assert wording.interval_percent(Interval(0.0188, 0.0071, 0.0431)) == "1.9% (95% interval 1% to 4%)"
    assert wording.interval_percent(Interval(0.602, 0.42, 0.77)) == "60.2% (95% interval 42% to 77%)"
    assert wording.interval_percent(Interval(0.01, 0.004, 0.02)) == "1.0% (95% interval <1% to 2%)"


@pytest.mark.parametrize("value, text", [(0.855, "85.5%"), (0.77, "77%"), (0.0019, "0.19%"), (0.014, "1.4%"),
                                         (0.0, "0%")])
def test_a_published_percentage_as_printed_in_the_paper(value, text):
    assert wording.published_percent(value) == text


def test_a_published_interval_has_both_ends_with_the_same_decimals():
    assert wording.published_interval(0.01, 0.049) == "95% CI 1.0% to 4.9%"
    assert wording.published_interval(0.42, 0.54) == "95% CI 42% to 54%"
    assert wording.published_interval(0.769, 0.94) == "95% CI 76.9% to 94.0%"


def test_hazard_ratios_with_and_without_an_interval():
    assert wording.hazard_ratio_text(1.65, (1.10, 2.47)) == "1.65 (95% CI 1.10 to 2.47)"
    assert wording.hazard_ratio_text(1.5, None) == "1.50"
    assert wording.hazard_ratio_phrase(0.07, 0.02, 0.24) == "HR 0.07 (95% CI 0.02 to 0.24)"


def test_counts_and_years():
    assert wording.of_phrase(3, 55) == "3 of 55"
    assert wording.years_phrase(1) == "1 year"
    assert wording.years_phrase(2.5) == "2.5 years"
    assert wording.years_phrase(10) == "10 years"


@pytest.mark.parametrize("values, text", [
    ((0.0, 1.0, 1.5, 2.0, 9.0, 9.5), "0, then 1.0 to 9.5 in steps of 0.5; there is no 0.5"),
    ((0.0, 1.0, 2.0, 3.0, 4.0, 5.0), "0, then 1.0 to 5.0 in steps of 1.0"),
    ((0.0, 2.0, 3.0, 4.0, 5.0), "0, then 2.0 to 5.0 in steps of 1.0; there is no 1.0"),
    ((0.0, 2.0, 2.5, 3.0), "0, then 2.0 to 3.0 in steps of 0.5; there is no 0.5, 1.0, 1.5"),
])
def test_the_edss_scale_is_described_from_its_steps(values, text):
    assert wording.edss_scale(values) == text


def test_the_model_s_edss_scale(model):
    assert wording.edss_scale(model.limits.edss_values) == "0, then 1.0 to 9.5 in steps of 0.5; there is no 0.5"


@pytest.mark.parametrize("text, lowered", [("Natalizumab", "natalizumab"), ("A different MS drug", "a different MS drug"),
                                           ("AHSCT", "AHSCT"), ("MS drugs", "MS drugs"), ("ocrelizumab", "ocrelizumab"),
                                           ("", "")])
def test_a_label_inside_a_sentence(text, lowered):
    assert wording.lower_first(text) == lowered


def test_sentence_case_and_data_text():
    assert wording.sentence_case("about 2 in 100 people") == "About 2 in 100 people"
    assert wording.sentence_case("") == ""
    assert wording.data_text("") == "" and wording.data_text(None) == ""
    assert wording.data_text("Whole cohort") == "Whole cohort"


def test_wrap_text_continues_under_the_first_word():
    text = wording.wrap_text("one two three four five six", width=10, indent="  ")
    assert text == "one two\n  three\n  four\n  five six"


def profile(**fields) -> Profile:
    return Profile(**{"age": 38.0, "course": "rrms", "edss": 4.0, "prior_dmts": 3, **fields})


def test_the_profile_s_parts():
    assert wording.profile_parts(profile()) == [
        "Age 38", "relapsing-remitting MS", "EDSS 4.0 (walks about 500 m without aid or rest)",
        "3 previous disease-modifying therapies"]
    assert wording.profile_sentence(profile(age=38.5, course="spms", edss=0.0, prior_dmts=0)) == (
        "Age 38.5; secondary progressive MS; EDSS 0.0 (normal neurological examination); "
        "no previous disease-modifying therapy")


@pytest.mark.parametrize("dmts, text", [(0, "no previous disease-modifying therapy"),
                                        (1, "1 previous disease-modifying therapy"),
                                        (2, "2 previous disease-modifying therapies")])
def test_the_previous_treatments(dmts, text):
    assert wording.profile_parts(profile(prior_dmts=dmts))[3] == text


@pytest.mark.parametrize("fields, extra", [
    ({"relapses_past_year": 0}, ["0 relapses in the past year"]),
    ({"relapses_past_year": 1}, ["1 relapse in the past year"]),
    ({"relapses_past_year": 2}, ["2 relapses in the past year"]),
    ({"disease_duration_years": 0.5}, ["0.5 years since diagnosis"]),
    ({"disease_duration_years": 1.0}, ["1 year since diagnosis"]),
    ({"disease_duration_years": 12.0}, ["12 years since diagnosis"]),
    ({"relapses_past_year": 1, "disease_duration_years": 3.0, "mri_activity_past_year": "yes",
      "relapses_on_treatment": "no", "high_efficacy_dmt_failed": "yes", "high_efficacy_dmt_contraindicated": "no"},
     ["1 relapse in the past year", "3 years since diagnosis", "new MRI activity in the past year",
      "the relapses did not happen while on a disease-modifying therapy",
      "MS stayed active despite a high-efficacy therapy", "high-efficacy therapies can be used"]),
    ({"mri_activity_past_year": "no", "high_efficacy_dmt_contraindicated": "yes"},
     ["no new MRI activity in the past year", "high-efficacy therapies cannot be used"]),
])
def test_the_optional_answers_follow_the_four_required_parts(fields, extra):
    assert wording.profile_parts(profile(**fields))[4:] == extra


def test_edss_text_names_the_step_and_its_meaning():
    assert wording.edss_text(6.5) == "EDSS 6.5 (needs support on both sides to walk about 20 m)"
    assert wording.course_name("ppms") == "primary progressive MS"
