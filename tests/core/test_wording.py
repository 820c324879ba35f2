"""The phrases that turn probabilities into natural frequencies, shared by every view."""

import pytest

from decision_aid.present import wording
from decision_aid.model import Interval


@pytest.mark.parametrize(
    "p, phrase",
    [(0.0188, "about 2 in 100"), (0.025, "about 3 in 100"), (0.004, "fewer than 1 in 100"),
     (0.0, "about 0 in 100"), (0.996, "more than 99 in 100"), (1.0, "about 100 in 100")],
)
def test_count_phrase(p, phrase):
    assert wording.count_phrase(p) == phrase


def test_both_framings_add_up_to_one_hundred():
    interval = Interval(0.647, 0.475, 0.770)
    assert wording.pfs_sentence(interval, 5).startswith("About 65 in 100 people like you")
    assert wording.pfs_other_side(interval, 5) == "About 35 in 100 had worsened or died by 5 years."
    assert wording.range_phrase(interval) == "between 48 and 77 in 100"


def test_every_edss_step_has_a_meaning(model):
    assert set(model.limits.edss_values) == set(wording.EDSS_MEANINGS)
    assert set(model.limits.courses) == set(wording.COURSE_LABELS) == set(wording.COURSE_EXPLANATIONS)
