"""The sentences a patient reads (present/wording.py), each checked word for word: the outcomes both
ways round, the range in words, the chart's read-out, the published figures in each view and the
notes' room. Every expected text is typed in here from UI.md's wording and the display rule (a point
to one decimal, its count in 100 read from it, half up; interval ends whole), never made by the
module under test (issue 29, item 1)."""

from types import SimpleNamespace

import pytest

from decision_aid.model import Interval
from decision_aid.present import wording


@pytest.fixture(autouse=True)
def english():
    from decision_aid.present.i18n import use_language

    with use_language("en"):
        yield


def test_early_death_both_ways_round():
    interval = Interval(0.019, 0.01, 0.04)
    assert wording.early_death_sentence(interval, 100) == "About 2 in 100 people like you died within 100 days of transplant."
    assert wording.early_death_other_side(interval, 100) == "About 98 in 100 were alive 100 days after transplant."


def test_an_early_death_risk_below_half_in_100_is_fewer_than_1_never_none():
    interval = Interval(0.004, 0.001, 0.02)
    assert wording.early_death_sentence(interval, 100) == (
        "Fewer than 1 in 100 people like you died within 100 days of transplant.")
    assert wording.early_death_other_side(interval, 100) == "More than 99 in 100 were alive 100 days after transplant."


def test_alive_without_worsening_both_ways_round_from_the_shown_percentage():
    interval = Interval(0.62455, 0.42, 0.77)  # shown as 62.5%, so 63 in 100 (never 62 beside 62.5%)
    assert wording.pfs_sentence(interval, 5) == (
        "About 63 in 100 people like you were alive without disability worsening 5 years after transplant.")
    assert wording.pfs_other_side(interval, 5) == "About 37 in 100 had worsened or died by 5 years."
    assert wording.pfs_sentence(interval, 10).endswith("worsening 10 years after transplant.")
    assert wording.pfs_other_side(interval, 10) == "About 37 in 100 had worsened or died by 10 years."


def test_alive_both_ways_round():
    interval = Interval(0.946, 0.91, 0.98)
    assert wording.survival_sentence(interval, 5) == "About 95 in 100 people like you were alive 5 years after transplant."
    assert wording.survival_other_side(interval, 5) == "About 5 in 100 had died by 5 years."


def test_almost_everyone_alive_is_more_than_99_never_all():
    interval = Interval(0.9951, 0.98, 0.999)
    assert wording.survival_sentence(interval, 5) == (
        "More than 99 in 100 people like you were alive 5 years after transplant.")
    assert wording.survival_other_side(interval, 5) == "Fewer than 1 in 100 had died by 5 years."


@pytest.mark.parametrize("interval, text", [
    (Interval(0.6, 0.42, 0.77), "The true number could be between 42 and 77 in 100."),
    (Interval(0.54, 0.54, 0.54), "The true number could be between 54 and 54 in 100."),
    (Interval(0.01, 0.001, 0.03), "The true number could be from fewer than 1 to 3 in 100."),
    (Interval(0.002, 0.001, 0.004), "The true number could be fewer than 1 in 100."),
    (Interval(0.99, 0.97, 0.996), "The true number could be from 97 to more than 99 in 100."),
    (Interval(0.5, 0.005, 0.995), "The true number could be from 1 to more than 99 in 100."),  # ends half up
])
def test_the_range_in_words(interval, text):
    assert wording.interval_in_words(interval) == text


@pytest.mark.parametrize("years, interval, clinician, extrapolated, text", [
    (2.0, Interval(0.813, 0.66, 0.90), True, False, "2 years: 81.3% (95% interval 66% to 90%)"),
    (7.5, Interval(0.5, 0.3, 0.7), True, True, "7.5 years: 50.0% (95% interval 30% to 70%), extrapolated"),
    (2.0, Interval(0.813, 0.66, 0.90), False, False, "2 years: about 81 in 100 (between 66 and 90 in 100)"),
    (7.5, Interval(0.5, 0.3, 0.7), False, True,
     "7.5 years: about 50 in 100 (between 30 and 70 in 100), extrapolated"),
    (0.5, Interval(0.996, 0.99, 0.999), False, False,
     "0.5 years: more than 99 in 100 (from 99 to more than 99 in 100)"),
])
def test_the_charts_read_out(years, interval, clinician, extrapolated, text):
    assert wording.curve_value_text(years, interval, clinician, extrapolated) == text


def figure(**fields) -> SimpleNamespace:
    """A published figure as the evidence loader gives it (only the fields figure_text reads)."""
    return SimpleNamespace(**{"ci": None, "notes": "", "name": "figure_name", "unit": "", "reported_in": "Table 2",
                              "checked_against": "abstract", **fields})


HR = figure(kind="hazard_ratio", value=1.65, ci=(1.10, 2.47), unit="more than 2 previous therapies vs 2 or fewer",
            notes="Previous treatments and worsening")
PFS = figure(kind="probability", value=0.46, ci=(0.42, 0.54), notes="Whole cohort, alive without worsening at 5 years",
             reported_in="Results", checked_against="full text")


def test_a_hazard_ratio_for_the_clinician_with_where_it_is_reported_and_what_it_was_checked_against():
    assert wording.figure_text(HR) == (
        "Hazard ratio 1.65 (95% CI 1.10 to 2.47), more than 2 previous therapies vs 2 or fewer. Previous treatments "
        "and worsening. [Table 2; checked against: abstract]")


def test_a_hazard_ratio_is_not_shown_to_the_patient():
    assert wording.figure_text(HR, clinician=False) is None


def test_a_hazard_ratio_without_an_interval():
    assert wording.hazard_ratio_text(2.03, None) == "2.03"
    assert wording.hazard_ratio_phrase(0.07, 0.02, 0.24) == "HR 0.07 (95% CI 0.02 to 0.24)"


def test_a_published_share_in_each_view():
    assert wording.figure_text(PFS) == ("Whole cohort, alive without worsening at 5 years: 46.0% (95% CI 42.0% to "
                                        "54.0%). [Results; checked against: full text]")
    assert wording.figure_text(PFS, clinician=False) == (
        "Whole cohort, alive without worsening at 5 years: about 46 in 100, between 42 and 54 in 100.")


def test_a_published_share_without_an_interval_and_with_a_label():
    share = figure(kind="probability", value=0.73, notes="53 with relapsing MS")
    assert wording.figure_text(share, label="Relapsing MS, 5 years") == (
        "Relapsing MS, 5 years: 73.0%; 53 with relapsing MS. [Table 2; checked against: abstract]")
    assert wording.figure_text(share, clinician=False, label="Relapsing MS, 5 years") == (
        "Relapsing MS, 5 years: about 73 in 100; 53 with relapsing MS.")


def test_a_count_with_its_unit_and_a_figure_without_notes_is_named():
    deaths = figure(kind="count", value=8, unit="deaths", notes="Deaths within 100 days")
    assert wording.figure_text(deaths, clinician=False) == "Deaths within 100 days: 8 deaths."
    assert wording.figure_text(figure(kind="count", value=281, unit="patients", name="patients")) == (
        "patients: 281 patients. [Table 2; checked against: abstract]")
    labelled = figure(kind="duration", value=6.6, unit="years", notes="median")
    assert wording.figure_text(labelled, clinician=False, label="Follow-up") == "Follow-up: 6.6 years; median."


@pytest.mark.parametrize("length, text", [
    (0, "2000 characters left. Long notes carry on to a further page of the sheet."),
    (1999, "1 character left. Long notes carry on to a further page of the sheet."),
    (2000, "0 characters left. Long notes carry on to a further page of the sheet."),
    (2001, "1 character too many: shorten the notes to save the consultation."),
    (2003, "3 characters too many: shorten the notes to save the consultation."),
])
def test_the_notes_room(length, text):
    assert wording.notes_room(length, 2000) == text


def test_short_labels_and_phrases():
    assert wording.point_label(0.71455, True) == "71.5%"
    assert wording.point_label(0.71455, False) == "72 in 100"
    assert wording.in_hundred_label(0.004) == "0 in 100"
    assert wording.years_phrase(1) == "1 year" and wording.years_phrase(2.5) == "2.5 years"
    assert wording.of_phrase(3, 55) == "3 of 55"
    assert wording.span_percent(Interval(0.5, 0.004, 0.996)) == "<1% to >99%"
    assert wording.span_percent(Interval(0.5, 0.0, 1.0)) == "0% to 100%"  # none and all are said as they are
    assert wording.end_number(1.0) == "100" and wording.end_number(0.0) == "0"
    assert wording.interval_percent(Interval(0.60249, 0.39, 0.7649)) == "60.2% (95% interval 39% to 76%)"


def test_people_like_you_says_what_each_figure_takes_into_account():
    assert wording.people_like_you() == (
        "\u201cPeople like you\u201d means people with the same age, type of MS and number of earlier treatments as "
        "you for staying free of worsening; the same EDSS score and age for being alive; and the same EDSS score for "
        "early death. The studies had no group like that, so the numbers are worked out from their results with a "
        "model.")
