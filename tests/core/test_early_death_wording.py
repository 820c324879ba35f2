"""MODEL.md O2's wording contract, over every sentence a person can read (the whole catalogue,
evidence texts included): the early-death figure is adjusted for EDSS (and era) only, and no text
may say it takes age, type of MS or previous treatments into account."""

from __future__ import annotations

import re

from test_catalogue import tool

EARLY = re.compile(r"early[- ]death|early deaths|death within|died within|within \{days\} days|100 days", re.I)
#: the ways a text could claim more than EDSS for the early-death figure
CLAIMS = re.compile(r"same age|for your age|adjusted for (?:your )?age|type of MS, EDSS|age, type of MS and EDSS|"
                    r"takes into account your (?:age|type of MS|previous treatments)", re.I)
REQUIRED = ("This figure takes into account your EDSS, not your age, type of MS or previous treatments. "
            "Early risk was higher in older people.")


def sentences() -> list[str]:
    ids = [m.id for m in tool("update_catalogue").extract() if m.id]
    return [form for i in ids for form in ((i,) if isinstance(i, str) else i)]  # plurals: both forms


def test_no_text_says_the_early_death_figure_takes_more_than_edss_into_account():
    said = [text for text in sentences() if EARLY.search(text) and CLAIMS.search(text)]
    allowed = [text for text in said if "for early death" in text and "same EDSS score for early death" in text]
    assert said == allowed, said  # only "people like you", which says EDSS alone for early death


def test_the_required_sentence_is_there():
    assert REQUIRED in sentences()


def test_the_checks_catch_the_sentence_issue_23_removed():
    old = ("Death within 100 days, modelled for people with the same age, type of MS, EDSS and number of "
           "previous treatments")
    assert EARLY.search(old) and CLAIMS.search(old)
