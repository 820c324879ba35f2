"""Issue 25, item 3: the patient sheet's first two pages carry what a patient needs at home (the key
numbers both ways round with their icon arrays and the chart, what they do not mean, both options
with their main harms in brief, the questions to ask); the rest follows as appendices, and no page
but the last is less than half used. Real layouts, measured, in both papers and both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout

from decision_aid.present.drug_options_view import option_cards
from decision_aid.report.sheet import SheetOptions, ensure_gui_application, layout_sheet, page_layout

PROFILES = {
    "rrms-active": ({"age": 28, "course": "rrms", "edss": 3.0, "prior_dmts": 2, "relapses_past_year": 3}, 5),
    "spms": ({"age": 45, "course": "spms", "edss": 6.0, "prior_dmts": 4}, 5),
    "ppms": ({"age": 52, "course": "ppms", "edss": 6.5, "prior_dmts": 3}, 5),
    "outside-studied": ({"age": 60, "course": "rrms", "edss": 7.0, "prior_dmts": 0}, 5),
    "ten-years": ({"age": 35, "course": "rrms", "edss": 1.5, "prior_dmts": 1, "relapses_past_year": 0}, 10),
}
#: The blocks that must be on page 1 or 2: the early-death arrays, the staying-free pair, the chart,
#: the survival pair, what the numbers mean and do not mean, the options and the questions in brief.
CORE = ("icons_early_study", "icons_early_recent", "pfs", "chart", "survival", "meaning_box",
        "options_brief", "questions_brief")
CASES = [(key, paper, language) for key in PROFILES for paper in ("a4", "letter") for language in ("en", "es")]


def printable(paper: str) -> QRectF:
    area = QRectF(page_layout(paper).paintRect(QPageLayout.Unit.Point))
    return area.translated(-area.topLeft())


_layouts: dict = {}


def patient_layout(model, key: str, paper: str, language: str):
    if (key, paper, language) not in _layouts:
        ensure_gui_application()
        fields, horizon = PROFILES[key]
        result = model.estimate(model.validate(fields), horizon=horizon)
        _layouts[key, paper, language] = layout_sheet(result, SheetOptions("patient", paper, language=language),
                                                      printable(paper), model)
    return _layouts[key, paper, language]


def first_page_of(layout, name: str) -> int | None:
    return next((index for index, page in enumerate(layout.pages) if page.rect(name) is not None), None)


@pytest.mark.parametrize("key, paper, language", CASES, ids=["-".join(case) for case in CASES])
def test_the_first_two_pages_hold_the_key_numbers_the_options_and_the_questions(model, key, paper, language):
    layout = patient_layout(model, key, paper, language)
    where = {name: first_page_of(layout, name) for name in CORE}
    assert all(page in (0, 1) for page in where.values()), where
    assert all(page.overflow <= 0.5 for page in layout.pages)
    # every option of the full appendix is in brief, each with how it is given (or, on the most crowded
    # sheets only, its name) and a harm; every question to ask is there
    view = layout.view
    fields, horizon = PROFILES[key]
    result = model.estimate(model.validate(fields), horizon=horizon)
    assert [o.id for o in view.options_brief] == [c.id for c in option_cards(model, result.profile, result,
                                                                              "patient")]
    assert all(o.harms for o in view.options_brief)
    assert len(view.questions_brief) == len(view.sections[-1].questions)


@pytest.mark.parametrize("key, paper, language", CASES, ids=["-".join(case) for case in CASES])
def test_no_page_but_the_last_is_less_than_half_used(model, key, paper, language):
    layout = patient_layout(model, key, paper, language)
    height = layout.page.height()
    fills = [max(item.rect.bottom() for item in page.items) / height for page in layout.pages]
    assert all(fill >= 0.5 for fill in fills[:-1]), [round(f, 2) for f in fills]


def test_the_options_in_brief_point_to_the_appendix_only_where_it_is_printed(model):
    ensure_gui_application()
    result = model.estimate(model.validate(PROFILES["spms"][0]))
    kept = layout_sheet(result, SheetOptions("patient", "a4"), printable("a4"), model).view
    left_out = layout_sheet(result, SheetOptions("patient", "a4", left_out=("options",)), printable("a4"),
                            model).view
    assert kept.options_more and not left_out.options_more
    assert left_out.options_brief == kept.options_brief  # the brief stays when the full text is left out


def test_ahsct_in_brief_points_to_its_early_deaths_instead_of_repeating_them(model):
    result = model.estimate(model.validate(PROFILES["rrms-active"][0]))
    from decision_aid.present.sheet_view import sheet_view

    brief = sheet_view(result, "patient", model).options_brief[0]
    assert brief.name == "AHSCT"
    assert brief.harms[0] == f"Death within {model.early_days} days: see the key numbers above"
    assert len(brief.harms) == 3 and all(" in 100" in harm for harm in brief.harms[1:])
