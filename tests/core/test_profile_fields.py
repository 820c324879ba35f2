"""The profile's optional yes / no fields, and numbers read exactly as typed (a decimal comma, "-0",
a long run of zeros): each value is allowed or refused for its true reason."""

import json
import subprocess
import sys

import pytest

from decision_aid import consultation
from decision_aid.model import ProfileError
from decision_aid.model.profile import CHOICE_FIELDS, OPTIONAL_FIELDS, REQUIRED_FIELDS
from decision_aid.present import refusals, wording

VALID = {"age": "38", "course": "rrms", "edss": "4.0", "prior_dmts": "3"}


def refused(model, **changes):
    with pytest.raises(ProfileError) as caught:
        model.validate({**VALID, **changes})
    (error,) = caught.value.errors
    return error


def test_a_saved_consultation_holds_exactly_the_model_s_fields():
    assert consultation.PROFILE_FIELDS == REQUIRED_FIELDS + OPTIONAL_FIELDS


@pytest.mark.parametrize("field", CHOICE_FIELDS)
@pytest.mark.parametrize("given, kept", [("yes", "yes"), (" No ", "no"), ("YES", "yes"), (None, None), ("", None)])
def test_a_yes_no_field_takes_yes_no_or_nothing(model, field, given, kept):
    assert getattr(model.validate({**VALID, field: given}), field) == kept


@pytest.mark.parametrize("field", CHOICE_FIELDS)
@pytest.mark.parametrize("given", ["maybe", "sí", True, 1, "y"])
def test_any_other_answer_is_refused_with_what_is_allowed(model, field, given):
    error = refused(model, **{field: given})
    assert (error.field, error.rule) == (field, "not_a_choice")
    assert refusals.allowed_text(error) == "yes or no, or empty"
    assert "is not one of the answers" in refusals.field_mark(error)


def test_an_answer_is_said_in_the_profile_sentence_and_not_known_is_not():
    from decision_aid.model import default_model

    model = default_model()
    sentence = wording.profile_sentence(model.validate({**VALID, "mri_activity_past_year": "no",
                                                        "high_efficacy_dmt_failed": "yes"}))
    assert "no new MRI activity in the past year" in sentence
    assert "MS stayed active despite a high-efficacy therapy" in sentence
    assert "contraindicated" not in sentence and "while on" not in sentence


@pytest.mark.parametrize("field, typed, value", [
    ("edss", "3,5", 3.5),
    ("age", "38,5", 38.5),
    ("disease_duration_years", "2,5", 2.5),
    ("age", "75.0000000000000000", 75.0),
    ("edss", "4.00000000000000000", 4.0),
    ("edss", "-0", 0.0),
    ("prior_dmts", "-0", 0),
    ("disease_duration_years", "-0", 0.0),
    ("age", " 38 ", 38.0),
    ("course", " SPMS ", "spms"),
])
def test_numbers_are_read_as_what_they_are(model, field, typed, value):
    kept = getattr(model.validate({**VALID, field: typed}), field)
    assert kept == value and str(kept) == str(value)  # "-0" is 0, never shown as "-0.0"


@pytest.mark.parametrize("field, typed, rule", [
    ("edss", "4.00000000000000001", "not_a_step"),  # judged exactly, not after rounding to 4.0
    ("age", "75.00000000000001", "out_of_range"),
    ("age", "-3", "out_of_range"),
    ("prior_dmts", "3,0", "not_whole"),
    ("prior_dmts", "-2", "out_of_range"),
    ("edss", "3,5,0", "not_a_number"),
    ("age", "3.5e1", "not_a_number"),
])
def test_a_refusal_gives_the_true_reason(model, field, typed, rule):
    assert refused(model, **{field: typed}).rule == rule


def test_the_command_line_takes_the_new_flags_and_refuses_an_odd_answer():
    common = [sys.executable, "-m", "decision_aid", "estimate", "--age", "45", "--course", "spms", "--edss", "6,0",
              "--prior-dmts", "4", "--json"]
    done = subprocess.run(common + ["--mri-activity", "yes", "--relapses-on-treatment", "no", "--hedmt-failed", "yes",
                                    "--hedmt-contraindicated", "no"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    profile = json.loads(done.stdout)["profile"]
    assert (profile["edss"], profile["mri_activity_past_year"], profile["relapses_on_treatment"],
            profile["high_efficacy_dmt_failed"], profile["high_efficacy_dmt_contraindicated"]) == (
        6.0, "yes", "no", "yes", "no")
    done = subprocess.run(common + ["--mri-activity", "perhaps"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().endswith("--mri-activity: 'perhaps' is not one of the answers; allowed: yes or no, "
                                        "or empty")
