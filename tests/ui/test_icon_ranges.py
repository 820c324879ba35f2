"""The whole range drawn, and each number rounded once (issue 25, items 1 and 5), read from what a
person sees: the window's pixels and sentences, the sheet's PDF (its drawn paths and its text).

The sheet's text is read with pypdfium2 (pypdf reads the same words, about 25 times slower).

Icon arrays: solid people up to the interval's lower end, "possible" ones up to its upper end,
outlines beyond; never only the better side of a benefit or the worse side of a harm. Numbers: a
percentage and its count in 100 side by side come from the same shown percentage; an interval's
ends are whole percentages everywhere, and the patient's words say the same ends.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
import pypdfium2 as pdfium

from decision_aid.report.options import SheetOptions
from decision_aid.report.sheet import write_pdf
from display_rule import end_count, point_count, point_text
from drawn_arrays import read_pdf_page, read_widget

#: 20 profiles: both groups, every EDSS band, young and old, outside the studied population too
PROFILES = [
    {"age": age, "course": course, "edss": edss, "prior_dmts": dmts}
    for age, course, edss, dmts in (
        (19, "rrms", 1.0, 0), (25, "rrms", 2.0, 1), (30, "rrms", 3.5, 2), (38, "rrms", 4.0, 3),
        (41, "rrms", 5.5, 4), (45, "rrms", 6.5, 0), (52, "rrms", 7.0, 6), (60, "rrms", 8.0, 2),
        (70, "rrms", 9.5, 1), (33, "spms", 3.0, 2), (44, "spms", 4.5, 3), (50, "spms", 6.0, 1),
        (58, "spms", 6.5, 5), (66, "spms", 8.5, 0), (35, "ppms", 2.5, 0), (47, "ppms", 5.0, 2),
        (55, "ppms", 6.5, 3), (62, "ppms", 7.5, 1), (40, "prms", 4.0, 3), (75, "prms", 9.0, 15),
    )
]
AUDIENCES = ("patient", "clinician")


def expected_counts(interval) -> tuple[int, int, int]:
    """(solid, possible, empty): the lower end, upper minus lower, 100 minus the upper end."""
    lower, upper = end_count(interval.lower), end_count(interval.upper)
    return lower, upper - lower, 100 - upper


@pytest.fixture(scope="module")
def results(model):
    return [model.estimate(model.validate(profile)) for profile in PROFILES]


@pytest.fixture(scope="module")
def sheets(tmp_path_factory, results, model):
    """Each profile's sheet in both versions, written once for the tests below."""
    folder = tmp_path_factory.mktemp("ranges")
    paths = {}
    for index, result in enumerate(results):
        for audience in AUDIENCES:
            path = folder / f"{index}-{audience}.pdf"
            write_pdf(path, result, SheetOptions(audience=audience), model=model)
            paths[index, audience] = path
    return paths


def show(window, profile, audience) -> None:
    window.set_audience(audience)
    window.set_profile_fields(profile)
    window.flush()


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_windows_icon_arrays_draw_the_whole_range(qtbot, window, results, audience):
    outcomes = window.outcomes
    for profile, result in zip(PROFILES, results):
        show(window, profile, audience)
        qtbot.wait(1)
        for column, interval in ((outcomes.early, result.early_mortality),
                                 (outcomes.early_recent, result.early_mortality_recent),
                                 (outcomes.five_years, result.pfs_5y)):
            drawn = read_widget(column.icons, column.icons.array().color)
            assert drawn.counts == expected_counts(interval), (profile, audience, column.objectName())
            assert drawn.in_order
            solid, possible, empty = drawn.counts
            # the legend and the screen reader's text say the same counts, in the same words
            legend = column.legend.texts()
            assert legend[1] == f"possible: up to {solid + possible} in all (the range)"
            for text in legend:
                assert text in column.icons.accessibleDescription()
            if solid:
                assert legend[0].startswith(f"at least {solid} ")
            if empty:
                assert legend[2].startswith(f"at least {empty} ")


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_sheets_icon_arrays_draw_the_whole_range(sheets, results, audience):
    for index, result in enumerate(results):
        # the estimates' arrays, both eras of each, first in the sheet (a long profile carries the last
        # to page 2)
        intervals = era_intervals(result)
        arrays = (read_pdf_page(sheets[index, audience], 0) + read_pdf_page(sheets[index, audience], 1))
        arrays = arrays[:len(intervals)]
        expected = [expected_counts(i) for i in intervals]
        assert [a.counts for a in arrays] == expected, (PROFILES[index], audience)
        assert all(a.in_order for a in arrays)
        text = first_pages(sheets[index, audience])
        assert "possible (the range)" in text  # the two eras share one legend; their words give the counts


def era_intervals(result) -> tuple:
    """The estimate's figures in the order the sheet shows them: each outcome in both eras (the later
    5-year PFS only where MODEL.md R6 shows it)."""
    pfs_recent = () if result.pfs_recent is None else (result.pfs_recent_at[5],)
    return (result.early_mortality, result.early_mortality_recent, result.pfs_5y, *pfs_recent,
            result.overall_survival_5y, result.overall_survival_5y_recent)


def test_what_if_draws_the_whole_range_on_both_sides(qtbot, window, results):
    show(window, PROFILES[3], "patient")
    window.compare_action.trigger()
    show(window, PROFILES[12], "patient")
    panel = window.comparison
    for columns, result in ((panel.pinned, results[3]), (panel.current, results[12])):
        for column, interval in zip(columns, (result.early_mortality, result.early_mortality_recent, result.pfs_5y)):
            assert read_widget(column.icons, column.icons.array().color).counts == expected_counts(interval)


# -- one number, one rounding ---------------------------------------------------------------------

#: the count in words, then (after the other framing) the point as a percentage and its interval
CARD = re.compile(r"(?P<count>About \d+|Fewer than 1|More than 99) in 100 people like you[^%]*?"
                  r"(?P<point>\d+\.\d)% \(95% interval (?P<low><?\d+)% to (?P<high>>?\d+)%\)")
RANGE = re.compile(r"(?:between (?P<low>\d+) and (?P<high>\d+)|from (?P<flow>fewer than 1|\d+) to "
                   r"(?P<fhigh>more than 99|\d+)|(?P<one>fewer than 1|more than 99)) in 100")


def words_count(text: str) -> int:
    return {"Fewer than 1": 0, "More than 99": 100}.get(text) if not text.startswith("About") else int(text[6:])


def end_words(value: float) -> str:
    count = end_count(value)
    return "fewer than 1" if count == 0 < value else "more than 99" if count == 100 > value else str(count)


def check_card(match, interval) -> None:
    assert match["point"] == point_text(interval.estimate)
    assert words_count(match["count"]) == point_count(interval.estimate), f"two roundings: {match.group(0)!r}"
    for shown, value in ((match["low"], interval.lower), (match["high"], interval.upper)):
        count = end_count(value)
        assert shown == ("<1" if count == 0 < value else ">99" if count == 100 > value else str(count))


def check_range(text: str, interval) -> None:
    """The patient's range says the same whole ends as the clinician's interval."""
    match = RANGE.search(text)
    assert match, text
    low, high = end_words(interval.lower), end_words(interval.upper)
    if match["one"]:
        assert low == high == match["one"]
    else:
        assert (match["low"] or match["flow"], match["high"] or match["fhigh"]) == (low, high), text


def first_pages(path) -> str:
    """The text of the estimates' pages (a long profile carries the last outcome to page 2), as one line."""
    document = pdfium.PdfDocument(str(path))
    try:
        return " ".join(" ".join(document[i].get_textpage().get_text_range() for i in range(2)).split())
    finally:
        document.close()


def test_the_window_rounds_each_number_once(qtbot, window, results):
    outcomes = window.outcomes
    for profile, result in zip(PROFILES, results):
        cards = ((outcomes.early, result.early_mortality), (outcomes.early_recent, result.early_mortality_recent),
                 (outcomes.five_years, result.pfs_5y))
        show(window, profile, "clinician")
        for column, interval in cards:
            text = " ".join(label.text() for label in (column.headline, column.other_side, column.range))
            check_card(CARD.search(text) or pytest.fail(text), interval)
        check_card(CARD.search(outcomes.survival.text()) or pytest.fail(outcomes.survival.text()),
                   result.overall_survival_5y)
        marker = window.chart.marker_label.textItem.toPlainText()
        assert f"\n{point_text(result.pfs_5y.estimate)}% (the study)" in marker  # percent in the clinician view
        show(window, profile, "patient")
        for column, interval in cards:
            assert words_count(column.headline.text().split(" in 100")[0]) == point_count(interval.estimate)
            check_range(column.range.text(), interval)
        marker = window.chart.marker_label.textItem.toPlainText()  # people in 100 for the patient
        assert f"\n{point_count(result.pfs_5y.estimate)} in 100 (the study)" in marker


def test_the_sheet_rounds_each_number_once(sheets, results):
    for index, result in enumerate(results):
        intervals = era_intervals(result)
        clinician = first_pages(sheets[index, "clinician"])
        found = list(CARD.finditer(clinician))
        assert len(found) == len(intervals), clinician
        for match, interval in zip(found, intervals):
            check_card(match, interval)
        assert f"{point_text(result.pfs_5y.estimate)}% (the study)" in clinician  # the chart's marker
        patient = first_pages(sheets[index, "patient"])
        ranges = [m.group(0) for m in RANGE.finditer(patient)]
        counts = re.findall(r"(About \d+|Fewer than 1|More than 99) in 100 people like you", patient)
        assert [words_count(c) for c in counts] == [point_count(i.estimate) for i in intervals]
        for text, interval in zip(ranges, intervals):
            check_range(text, interval)


# -- one unit per view ----------------------------------------------------------------------------

def chart_words(qtbot, window) -> list[str]:
    """What the chart says: its axis ticks and title, the 5-year marker and, by keyboard, each year."""
    chart = window.chart
    axis = chart.plot_item.getAxis("left")
    words = [label for level in axis._tickLevels for _value, label in level] + [axis.labelText,
                                                                                chart.marker_label.toPlainText()]
    chart.plot.setFocus()
    qtbot.keyClick(chart.plot, Qt.Key.Key_Home)
    for _year in range(10):
        qtbot.keyClick(chart.plot, Qt.Key.Key_Right)
        words.append(chart.readout.text())
    return words + [cell for row in window.years_table.texts() for cell in row[1:]]


@pytest.mark.parametrize("audience", AUDIENCES)
def test_each_view_keeps_to_its_unit(qtbot, window, audience):
    """Item 6: the clinician's chart and year table in percentages (the marker said "71 in 100" on
    an axis in %), the patient's in people in 100."""
    show(window, PROFILES[3], audience)
    words = chart_words(qtbot, window)
    assert len(words) > 20
    for text in words:
        if audience == "clinician":
            assert "in 100" not in text, text
        else:
            assert "%" not in text, text
    marker = window.chart.marker_label.toPlainText()
    for line in marker.split("\n")[1:]:  # "At 5 years:", then each era's value
        assert line.split(" (")[0].endswith("%" if audience == "clinician" else " in 100")
