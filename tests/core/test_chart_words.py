"""The chart's words for a screen reader (issue 27, item 10): one sentence a year (for each era), whole years as
"1 year", never "1.0 years", and no range where there is none ("between 100 and 100 in 100")."""

import re

from decision_aid.model import default_model
from decision_aid.model.result import Interval
from decision_aid.present import wording
from decision_aid.present.estimate_view import estimate_view


def chart(audience: str = "patient"):
    model = default_model()
    result = model.estimate(model.validate({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}), horizon=10)
    return estimate_view(result, audience, model).chart


def test_the_description_is_a_sentence_a_year_in_whole_years():
    for audience in ("patient", "clinician"):
        description = chart(audience).description
        assert not re.search(r"\b\d+\.0 years", description), description
        assert "1 year:" in description and "10 years:" in description
        sentences = [s for s in re.split(r"(?<=\.) |(?<=:) (?=\d+ years?:)", description) if re.match(r"\d+ years?:", s)]
        assert len(sentences) == 20 and all(s.endswith(".") for s in sentences), sentences
        assert ";" not in description.split("worsening.", 1)[1]  # no 800-character run joined by semicolons


def test_a_point_without_a_range_says_no_range():
    assert wording.curve_value_text(0.0, Interval(1.0, 1.0, 1.0), False, False) == "0 years: about 100 in 100"
    assert wording.curve_value_text(0.0, Interval(1.0, 1.0, 1.0), True, False) == "0 years: 100.0%"
    assert wording.curve_value_text(1.5, Interval(0.84, 0.69, 0.92), False, False) == \
        "1.5 years: about 84 in 100 (between 69 and 92 in 100)"
    assert chart().point_text(0.0) == ("0 years: Treated 1995 to 2006 (the study): about 100 in 100; "
                                       "Later cohorts: Italy, Sweden, UK, a US trial: about 100 in 100")
    six = chart().point_text(6.0)
    assert six.startswith("6 years: ") and "extrapolated" in six and "from one cohort" in six
