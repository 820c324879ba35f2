"""Words that the move to the presentation layer had lost (the before/after comparison of the
refactor, findings C1 to C6), checked on the views that the window and the sheet both show, with
no Qt. tests/ui/test_sheet.py checks the same words on the printed sheet."""

from __future__ import annotations

import pytest

from decision_aid.present import wording
from decision_aid.present.sheet_view import sheet_view
from display_rule import end_count, point_count, point_text

RELAPSING = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}


@pytest.fixture(scope="module")
def result(model):
    return model.estimate(model.validate(RELAPSING), horizon=10)


def test_the_clinicians_year_table_has_the_interval_and_people_in_100(result, model):
    """C1: the clinician's printed year table had lost its "95% lower", "95% upper" and "In 100" rows.
    Both eras now, one after the other; a year beyond 5 is marked in the estimate's cell (the
    study's "*" extrapolated, the later cohorts' "\u2020" from one cohort)."""
    rows = [(row.label, row.cells) for row in sheet_view(result, "clinician", model).year_table]
    assert [label for label, _cells in rows] == ["The study: estimate (%)", "95% lower", "95% upper", "In 100",
                                                 "Later cohorts: estimate (%)", "95% lower", "95% upper", "In 100"]
    for era, (at, mark) in enumerate(((result.pfs_at, "*"), (result.pfs_recent_at, "\u2020"))):
        yearly = list(at.values())
        estimate, lower, upper, in_hundred = (cells for _label, cells in rows[4 * era:4 * era + 4])
        assert estimate == tuple(point_text(i.estimate) + (mark if year > 5 else "") for year, i in at.items())
        assert lower == tuple(str(end_count(i.lower)) for i in yearly)  # interval ends: whole percentages
        assert upper == tuple(str(end_count(i.upper)) for i in yearly)
        assert in_hundred == tuple(str(point_count(i.estimate)) for i in yearly)  # from the percentage shown
    patient = [(r.label, r.cells) for r in sheet_view(result, "patient", model).year_table]
    assert patient == [  # no percentages for patients
        ("In 100, the study", tuple(c + ("*" if year > 5 else "") for year, c in zip(result.pfs_at, rows[3][1]))),
        ("In 100, later cohorts", tuple(c + ("\u2020" if year > 5 else "")
                                        for year, c in zip(result.pfs_recent_at, rows[7][1])))]


def test_the_clinicians_percentages_say_which_outcome_they_are(result, model):
    """C2: the clinician's percentages had lost their names ("1.9% (95% interval ...)" under a card,
    "94.6% (...)" straight after the deaths sentence). The window and the sheet show the same card."""
    view = sheet_view(result, "clinician", model).estimate
    days, years = result.early_mortality_days, int(result.pfs.extrapolated_after)
    for card, interval in zip(view.early.cards, (result.early_mortality, result.early_mortality_recent)):
        assert card.range_text == f"Death within {days} days: {wording.interval_percent(interval)}"
    pfs = (result.pfs_5y, result.pfs_recent_5y)
    survival = (result.overall_survival_5y, result.overall_survival_5y_recent)
    for card, interval in zip(view.pfs.cards, pfs):
        assert card.range_text == f"Progression-free survival at {years} years: {wording.interval_percent(interval)}"
    for card, interval in zip(view.survival.cards, survival):
        assert card.range_text == f"Overall survival at {years} years: {wording.interval_percent(interval)}"
    patient = sheet_view(result, "patient", model).estimate
    for card, interval in zip((*patient.pfs.cards, *patient.survival.cards), (*pfs, *survival)):
        assert card.range_text == wording.interval_in_words(interval)  # the patient's words stay


def test_the_hazard_ratios_have_their_heading_and_the_assumption_they_rest_on(result, model):
    """C3: the clinician's hazard-ratio block had lost its heading, and the progressive-vs-relapsing
    ratio the id of the assumption that says why it is context only (A2: the model derives its own
    progressive curve)."""
    view = sheet_view(result, "clinician", model).estimate
    assert view.details_heading == "Hazard ratios (primary source)"
    figure = model.study.figures["hr_pfs_progressive"]
    line = next(d for d in view.clinician_details if d.startswith(wording.sentence_case(figure.unit)))
    assert "(progression; context only, A2)" in line and "A2" in figure.notes
    assert "A2" in {a.id for a in result.assumptions}
    assert len(view.clinician_details) == 6  # four hazard ratios and the profile's multipliers in both eras
    patient = sheet_view(result, "patient", model).estimate
    assert patient.details_heading == "" and patient.clinician_details == ()


@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_the_worksheet_says_whose_profile_it_is(result, model, audience):
    """C4: the printed "What matters to you, and questions to ask" had lost its profile line, so a
    page of answers no longer said whose they were; "Guidance and other studies" kept its own."""
    from decision_aid.present.sheet_view import ContextSection, WorksheetSection

    sections = sheet_view(result, audience, model).sections
    worksheet = next(s for s in sections if isinstance(s, WorksheetSection))
    context = next(s for s in sections if isinstance(s, ContextSection))
    assert worksheet.profile_line == context.profile_line == (
        f"Profile: {wording.profile_sentence(result.profile)}")


@pytest.mark.parametrize("audience", ["clinician"])  # the patient reads them in sentences (test_evidence_2027)
def test_every_published_figure_reads_with_a_label_that_says_what_it_is(model, audience):
    """C5: How calculated labelled three of the recent UK study's figures with their notes, which only
    qualify them: "271 with neurological follow-up: 364 patients.", "IQR 4.0 to 6.5: 6 EDSS points.",
    "5 of 364 (1.4%): about 1 in 100." Each now says what it is, its notes after the value."""
    from decision_aid.present.method_view import method_view

    sections = {s.heading: s for s in method_view(model, None, audience).sections}
    recent = sections["Early deaths in recent UK centres"].items
    figures = model.recent_study.figures
    patients, edss, early = figures["patients"], figures["median_baseline_edss"], figures["early_mortality"]
    death = (wording.percent(early.value) if audience == "clinician" else wording.count_phrase(early.value))
    for expected in (f"Patients in the cohort: {wording.number(patients.value)} patients; {patients.notes}.",
                     f"Median baseline EDSS: {wording.number(edss.value)} EDSS points; {edss.notes}.",
                     f"Death from any cause within {model.early_days} days: {death}; {early.notes}."):
        assert any(line.startswith(expected) for line in recent), expected
    for line in recent + sections["Figures used"].items:  # no line opens with a number or a qualifier
        assert line[:1].isalpha() and not line.startswith("IQR"), line


@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_the_regimen_question_names_its_source_for_either_audience(model, audience):
    """C6: the patient's question about regimens, reworded into whole numbers in 100, had lost the
    source the clinician's keeps (the Guidance tab and the sheet both show this text)."""
    from decision_aid.present.worksheet_view import questions_view

    source = model.evidence.by_role("regimen")[0]
    text = next(q for q in questions_view(model, audience) if q.id == "regimen").text
    assert f"{source.short_name}, doi:{source.doi}" in text
