"""Where MODEL.md R6 withholds the later cohorts' curve, one sentence says why and what would change
it: never asking for an answer the profile already gives."""

from __future__ import annotations

import pytest

from decision_aid.present.estimate_view import withheld_text

BASE = {"age": 52, "course": "ppms", "edss": 6.5, "prior_dmts": 3}


@pytest.mark.parametrize("extra, asks", [
    ({}, ("relapses in the past year or the MRI activity",)),
    ({"mri_activity_past_year": "no"}, ("enter the relapses in the past year to see",)),
    ({"relapses_past_year": 0}, ("enter the MRI activity in the past year to see",)),
    ({"relapses_past_year": 0, "mri_activity_past_year": "no"}, ("had neither in the past year",)),
])
def test_the_sentence_asks_only_for_what_is_missing(model, extra, asks):
    result = model.estimate(model.validate({**BASE, **extra}))
    assert result.pfs_recent is None
    text = withheld_text(result)
    for words in asks:
        assert words in text
    if extra.get("mri_activity_past_year") == "no":
        assert "MRI activity" not in text  # already answered
    if extra.get("relapses_past_year") == 0:
        assert "enter the relapses" not in text


def test_nothing_is_said_where_the_later_curve_is_shown(model):
    assert withheld_text(model.estimate(model.validate({**BASE, "mri_activity_past_year": "yes"}))) == ""
