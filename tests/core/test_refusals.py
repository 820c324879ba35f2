"""The model refuses with codes and numbers; present says it in words, once, for every view."""

import subprocess
import sys

import pytest

from decision_aid.model import ProfileError, RequestError
from decision_aid.present import refusals

VALID = {"age": "38", "course": "rrms", "edss": "4.0", "prior_dmts": "3"}


def refused(model, **changes):
    with pytest.raises(ProfileError) as caught:
        model.validate({**VALID, **changes})
    (error,) = caught.value.errors
    return error


@pytest.mark.parametrize("field, value, rule, limits", [
    ("age", None, "missing", {"min": 16, "max": 75, "optional": False}),
    ("age", "old", "not_a_number", {"min": 16, "max": 75, "optional": False}),
    ("age", "80", "out_of_range", {"min": 16, "max": 75, "optional": False}),
    ("age", "-1", "out_of_range", {"min": 16, "max": 75, "optional": False}),
    ("prior_dmts", "1.5", "not_whole", {"min": 0, "max": 15, "whole": True, "optional": False}),
    ("prior_dmts", "1" * 40, "out_of_range", {"min": 0, "max": 15, "whole": True, "optional": False}),
    ("edss", "0.5", "not_a_step", None),
    ("edss", "10", "out_of_range", None),
    ("course", "rms", "unknown_course", {"courses": ("rrms", "spms", "ppms", "prms"), "optional": False}),
    ("relapses_past_year", "21", "out_of_range", {"min": 0, "max": 20, "whole": True, "optional": True}),
])
def test_the_model_refuses_with_a_rule_and_numbers_not_words(model, field, value, rule, limits):
    error = refused(model, **{field: value})
    assert (error.field, error.value, error.rule) == (field, value, rule)
    if limits is not None:
        assert dict(error.limits) == limits
    assert all(not isinstance(v, str) or " " not in v for v in error.limits.values())  # no English


def test_an_unknown_field_and_a_horizon_are_codes_too(model):
    error = refused(model, edds="4")
    assert error.rule == "unknown_field" and "edss" in error.limits["fields"]
    with pytest.raises(RequestError) as caught:
        model.estimate(model.validate(VALID), horizon=7)
    assert (caught.value.field, caught.value.value, caught.value.rule) == ("horizon", 7, "not_offered")
    assert tuple(caught.value.limits["values"]) == tuple(model.horizons)
    assert refusals.request_refusal(caught.value, "--horizon") == "--horizon: '7' is not offered; allowed: 5 or 10 years"


def test_one_sentence_per_view_from_the_same_codes(model):
    error = refused(model, edss="0.5")
    assert refusals.allowed_text(error).startswith("EDSS 0, then 1.0 to 9.5 in steps of 0.5; there is no 0.5")
    assert refusals.field_mark(error).startswith("\u26a0 Not allowed: 0.5 is not a step of the scale. Allowed: EDSS 0")
    assert refusals.refusal_line([error], {"edss": "--edss"}).startswith("--edss: '0.5' is not a step of the scale; allowed:")
    assert refusals.refusal_line([error], None, "visit.json").startswith("visit.json: profile field 'edss': '0.5'")
    assert refusals.problem_message([error]).startswith("Check the EDSS score: 0.5 is not allowed")
    missing = refused(model, age="")
    assert refusals.field_mark(missing) == "* Needed. Allowed: age 16 to 75 years."
    assert refusals.problem_message([missing]) == "Enter the age to see estimates."


def test_a_value_with_control_characters_is_shown_escaped_on_one_line(model):
    error = refused(model, age="4\n0\x1b[2J")
    line = refusals.refusal_line([error], {"age": "--age"})
    assert "\n" not in line and "\x1b" not in line and "\\n" in line and "\\x1b" in line


def cli(*args):
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True, timeout=60)


def test_the_command_line_says_why_in_one_line():
    done = cli("estimate", "--age", "38", "--course", "rrms", "--edss", "4.2", "--prior-dmts", "2.5")
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.strip().splitlines()
    assert "--edss: '4.2' is not a step of the scale" in line
    assert "--prior-dmts: '2.5' is not a whole number; allowed: a whole number of previous" in line
    done = cli("estimate", "--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "2", "--draws", "5")
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("decision-aid: --draws: '5' is outside the allowed range; allowed: a whole number ")


def test_the_edss_scale_in_a_refusal_is_the_models_not_written_in_the_words(model):
    """The steps, the first and last values and the skipped one come from the model's limits."""
    import dataclasses

    error = refused(model, edss="0.5")
    other = dataclasses.replace(error, limits={**error.limits, "values": (0.0, 2.0, 3.0, 4.0, 5.0)})
    assert refusals.allowed_text(other) == (
        "EDSS 0, then 2.0 to 5.0 in steps of 1.0; there is no 1.0 (10 means death and is not an input)")
    evenly = dataclasses.replace(error, limits={**error.limits, "values": (0.0, 0.5, 1.0)})
    assert refusals.allowed_text(evenly).startswith("EDSS 0, then 0.5 to 1.0 in steps of 0.5 (")


def test_no_refusal_sentence_closes_two_brackets_at_once(model):
    """An allowed text may end in a bracket of its own (the courses' names, the EDSS scale's note);
    the sentences around it must not add another (the window once read "...is not an input))")."""
    for error in (refused(model, edss="0.5"), refused(model, course="xx"), refused(model, age="200")):
        for sentence in (refusals.problem_message([error]), refusals.field_mark(error),
                         refusals.refusal_line([error], None, "visit.json")):
            assert "))" not in sentence, sentence
