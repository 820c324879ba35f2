"""The patient's chart speaks in people out of 100, never in percentages (issue 15, item 7)."""

from __future__ import annotations

import pytest

from decision_aid.present.audience import Audience
from decision_aid.present.estimate_view import chart_view


@pytest.mark.parametrize("horizon", [5, 10])
def test_the_patients_chart_has_no_percentage_in_its_labels_or_ticks(model, horizon):
    result = model.estimate(model.validate({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}),
                            horizon=horizon)
    chart = chart_view(result, Audience.PATIENT)
    texts = [s.label for s in chart.series] + [label for _v, label in chart.y_ticks] + [chart.y_label]
    assert not [t for t in texts if "%" in t]
    clinician = chart_view(result, Audience.CLINICIAN)
    assert any("95%" in s.label for s in clinician.series)  # the clinician keeps the precise name
