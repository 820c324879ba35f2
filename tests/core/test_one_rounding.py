"""One number, one rounding (issue 25, item 5): a number shown as a percentage and as people in 100
side by side uses the shown percentage for both (71.5% and 72 in 100, never 71), and an interval's
ends are whole percentages everywhere (MODEL.md's display rule). Read from what a person reads:
the command line's table and the record copy, over a grid of profiles (tests/ui/test_one_rounding.py
reads the window and the sheet)."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from decision_aid.cli import main
from decision_aid.present.record import record_text
from display_rule import end_count, point_count, point_text

AGES, COURSES, EDSS, DMTS = (19, 38, 52, 70), ("rrms", "spms", "ppms"), (1.0, 4.0, 6.5), (0, 3)
#: 24 profiles: every age, course and EDSS appears, with both sides of the "more than 2 DMTs" step
GRID = [dict(zip(("prior_dmts", "edss", "course", "age"), values))
        for values in itertools.islice(itertools.product(DMTS, EDSS, COURSES, AGES), 0, None, 3)]

#: "1.9%  1% to 4%  about 2 in 100": the table's row (point, ends, count)
ROW = re.compile(r"(?P<label>\S.*?)\s+(?P<point>\d+\.\d)%\s+(?P<low><?\d+(?:\.\d+)?)%\s+to\s+(?P<high>>?\d+(?:\.\d+)?)%"
                 r"\s+(?P<count>about \d+|fewer than 1|more than 99) in 100$")
#: "- Alive at 5 years: 94.6% (95% interval 91% to 98%); about 95 in 100": the record's line
RECORD = re.compile(r"- (?P<label>.+?): (?P<point>\d+\.\d)% \(95% interval (?P<low><?\d+(?:\.\d+)?)% to "
                    r"(?P<high>>?\d+(?:\.\d+)?)%\); (?P<count>about \d+|fewer than 1|more than 99) in 100$")


def flags(profile: dict) -> list[str]:
    return ["--age", str(profile["age"]), "--course", profile["course"], "--edss", str(profile["edss"]),
            "--prior-dmts", str(profile["prior_dmts"])]


def count_of(words: str) -> int:
    return {"fewer than 1": 0, "more than 99": 100}.get(words) if not words.startswith("about") else int(words[6:])


def check_row(match: re.Match, point: float, lower: float, upper: float) -> None:
    """The shown percentage is the model's number rounded once; the count is read from it; the ends
    are whole ("<1" and ">99" only where a whole number would say none or all)."""
    shown = match["point"]
    assert shown == point_text(point), (match.group(0), point)
    assert count_of(match["count"]) == point_count(point), f"two roundings: {match.group(0)!r}"
    for text, value in ((match["low"], lower), (match["high"], upper)):
        assert "." not in text, f"an interval's end with a decimal: {match.group(0)!r}"
        expected = end_count(value)
        assert text == ("<1" if expected == 0 < value else ">99" if expected == 100 > value else str(expected))


def rows_of(data: dict) -> list[tuple[float, float, float]]:
    """(point, lower, upper) in the table's order, from the JSON (the model's fractions): both eras'
    early deaths and 5-year survival, then each era's curve, year by year (the later one if shown)."""
    def triple(item):
        return item["estimate"], item["lower"], item["upper"]

    def curve(at):
        return [triple(at[year]) for year in sorted(at or {}, key=int)]

    rows = [triple(data[key]) for key in ("early_mortality", "early_mortality_recent", "overall_survival_5y",
                                          "overall_survival_5y_recent")]
    return rows + curve(data["pfs_at"]) + curve(data["pfs_recent_at"])


@pytest.mark.parametrize("profile", GRID, ids=lambda p: f"{p['age']}-{p['course']}-{p['edss']}-{p['prior_dmts']}")
def test_the_estimate_table_rounds_each_number_once(profile, capsys):
    assert main(["estimate", *flags(profile), "--horizon", "10", "--json"]) == 0
    expected = rows_of(json.loads(capsys.readouterr().out))
    assert main(["estimate", *flags(profile), "--horizon", "10"]) == 0
    found = [m for m in (ROW.match(line) for line in capsys.readouterr().out.splitlines()) if m]
    assert len(found) == len(expected) >= 14  # both eras' early deaths and survival, 10 years of each curve shown
    for match, (point, lower, upper) in zip(found, expected):
        check_row(match, point, lower, upper)


@pytest.mark.parametrize("profile", GRID[::3], ids=lambda p: f"{p['age']}-{p['course']}-{p['edss']}-{p['prior_dmts']}")
def test_the_record_copy_rounds_each_number_once(profile, model):
    import datetime as dt

    result = model.estimate(model.validate(profile), horizon=5)
    lines = record_text(result, dt.date(2027, 1, 15)).splitlines()
    found = [m for m in (RECORD.match(line) for line in lines) if m]
    rows = [result.early_mortality, result.early_mortality_recent, result.overall_survival_5y,
            result.overall_survival_5y_recent, result.pfs_at[5]] + ([] if result.pfs_recent_at is None
                                                                     else [result.pfs_recent_at[5]])
    assert len(found) == len(rows)
    for match, interval in zip(found, rows):
        check_row(match, interval.estimate, interval.lower, interval.upper)


def test_the_grid_has_numbers_where_one_rounding_and_two_differ(model):
    """The grid is worth running: some of its numbers lie where rounding 71.455 once (71) and
    through the shown 71.5 (72) differ, so a second rounding would be caught."""
    tricky = 0
    for profile in GRID:
        result = model.estimate(model.validate(profile), horizon=10)
        for interval in (result.early_mortality, result.early_mortality_recent, result.overall_survival_5y,
                         *result.pfs_at.values()):
            tricky += point_count(interval.estimate) != end_count(interval.estimate)
    assert tricky >= 3


def test_an_end_below_one_in_100_is_said_as_fewer_than_1(model):
    """The patient's "between 0 and 2 in 100" said 0 for a lower end of 0.3%."""
    from decision_aid.model import Interval
    from decision_aid.present import wording

    assert wording.range_phrase(Interval(0.009, 0.003, 0.021)) == "from fewer than 1 to 2 in 100"
    assert wording.range_phrase(Interval(0.99, 0.97, 0.996)) == "from 97 to more than 99 in 100"
    assert wording.range_phrase(Interval(0.5, 0.3149, 0.7151)) == "between 31 and 72 in 100"
    assert wording.interval_percent(Interval(0.009, 0.003, 0.021)) == "0.9% (95% interval <1% to 2%)"
    assert wording.interval_percent(Interval(0.71455, 0.5549, 0.8350)) == "71.5% (95% interval 55% to 84%)"
    assert wording.count_phrase(0.71455) == "about 72 in 100"
