"""Numbers and dates per language: Babel's conventions, the same digits in every language."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_aid.present.numbers import format_date, format_number


@settings(max_examples=300, deadline=None)
@given(value=st.floats(-1000, 1e6, allow_nan=False), decimals=st.one_of(st.none(), st.integers(0, 3)))
def test_english_by_python_equals_babel_british_english(value, decimals):
    from decimal import Decimal

    from babel.numbers import format_decimal

    mine = format_number(value, decimals, "en")
    pattern = "0." + "#" * 6 if decimals is None else "0" + ("." + "0" * decimals if decimals else "")
    theirs = format_decimal(Decimal(mine), format=pattern, locale="en_GB")
    assert mine == theirs


@settings(max_examples=200, deadline=None)
@given(value=st.floats(0, 1e5, allow_nan=False), decimals=st.one_of(st.none(), st.integers(0, 3)))
def test_spanish_shows_the_same_digits_with_a_decimal_comma(value, decimals):
    english, spanish = format_number(value, decimals, "en"), format_number(value, decimals, "es")
    assert spanish == english.replace(".", ",")


@pytest.mark.parametrize("day", [dt.date(2026, 11, 26), dt.date(2027, 1, 1), dt.date(2028, 2, 29)])
def test_dates_in_words(day):
    from babel.dates import format_date as babel_date

    assert format_date(day, "en") == babel_date(day, format="long", locale="en_GB")
    assert format_date(day, "es") == babel_date(day, format="long", locale="es")
    assert "de" in format_date(day, "es")
