"""Words that the move to the presentation layer had lost (the before/after comparison of the
refactor, findings C1 to C6), checked on the views that the window and the sheet both show, with
no Qt. tests/ui/test_sheet.py checks the same words on the printed sheet."""

from __future__ import annotations

import pytest

from decision_aid.present import wording
from decision_aid.present.sheet_view import sheet_view

RELAPSING = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}


@pytest.fixture(scope="module")
def result(model):
    return model.estimate(model.validate(RELAPSING), horizon=10)


def test_the_clinicians_year_table_has_the_interval_and_people_in_100(result, model):
    """C1: the clinician's printed year table had lost its "95% lower", "95% upper" and "In 100" rows."""
    rows = {row.label: row.cells for row in sheet_view(result, "clinician", model).year_table}
    yearly = list(result.pfs_at.values())
    assert list(rows) == ["Estimate (%)", "95% lower", "95% upper", "In 100"]
    assert rows["Estimate (%)"] == tuple(wording.number(i.estimate * 100, 1) for i in yearly)
    assert rows["95% lower"] == tuple(wording.number(i.lower * 100, 1) for i in yearly)
    assert rows["95% upper"] == tuple(wording.number(i.upper * 100, 1) for i in yearly)
    assert rows["In 100"] == tuple(str(wording.in_hundred(i.estimate)) for i in yearly)
    patient = sheet_view(result, "patient", model).year_table
    assert [(r.label, r.cells) for r in patient] == [("In 100", rows["In 100"])]  # no percentages for patients
