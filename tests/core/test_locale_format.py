"""Dates and percent signs as each language writes them (issue 26, item 11): the evidence review's
dates (the sheet's footer, About, How calculated) in the language's short form of the header's
worded date ("7 dic 2026" under "7 de diciembre de 2026"), never ISO; the chart's axis "100 %" in Spanish, with a non-breaking space."""

from __future__ import annotations

import datetime as _dt
import re

import pytest

from decision_aid.context.review import EvidenceReview
from decision_aid.present.audience import Audience
from decision_aid.present.estimate_view import chart_view
from decision_aid.present.i18n import use_language
from decision_aid.present.numbers import format_date
from decision_aid.present.review_view import review_view

REVIEW = EvidenceReview("2027.01-1", _dt.date(2026, 12, 7), _dt.date(2027, 12, 7), False)
LATE = EvidenceReview("2027.01-1", _dt.date(2026, 12, 7), _dt.date(2027, 12, 7), True)


@pytest.mark.parametrize("language, reviewed, due", [
    ("en", "7 Dec 2026", "7 Dec 2027"),
    ("es", "7 dic 2026", "7 dic 2027"),
])
def test_review_dates_are_written_as_the_language_writes_dates(model, language, reviewed, due):
    with use_language(language):
        ontime, late = review_view(model.evidence, REVIEW), review_view(model.evidence, LATE)
        header = format_date(_dt.date(2026, 12, 7))  # the sheet's header: the same day, month and year words
    assert header.split()[0] == reviewed.split()[0] and header.endswith(reviewed.split()[-1])
    assert reviewed.split()[1].lower() in header.lower()
    for text in (ontime.line, ontime.short, late.line, late.short, late.notice):
        assert not re.search(r"\d{4}-\d\d-\d\d", text), text
        assert due in text, text
    assert reviewed in ontime.short and reviewed in late.notice


@pytest.mark.parametrize("language, top", [("en", "100%"), ("es", "100\u00a0%")])
def test_the_clinician_chart_axis_writes_percent_as_the_language_does(model, language, top):
    result = model.estimate(model.validate({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}))
    with use_language(language):
        ticks = dict(chart_view(result, Audience.CLINICIAN).y_ticks)
    assert ticks[1.0] == top and ticks[0.0] == top.replace("100", "0")
