"""Numbers and dates in the conventions of the language being shown (decimal comma in Spanish).

Every language but the source uses Babel's CLDR data (its number patterns and date formats),
never a separator chosen by hand. English, the source language, is formatted by Python with the
same result as Babel's ``en_GB`` (a test checks they agree), so that the window's first paint
does not wait about 40 ms for Babel to load.
"""

from __future__ import annotations

import datetime as _dt
import functools

from .i18n import SOURCE_LANGUAGE, current_language

#: The Babel locale behind each language of the program (British English: "26 November 2026").
BABEL_LOCALES = {"en": "en_GB", "es": "es"}
MAX_DECIMALS = 6  # "as short as it is" keeps up to six decimals (38.25 stays 38.25)


def _babel_locale(language: str):
    from babel import Locale

    return Locale.parse(BABEL_LOCALES.get(language, language))


@functools.lru_cache(maxsize=32)
def _pattern(decimals: int | None):
    from babel.numbers import parse_pattern

    if decimals is None:
        return parse_pattern("0." + "#" * MAX_DECIMALS)
    return parse_pattern("0" + ("." + "0" * decimals if decimals else ""))


@functools.lru_cache(maxsize=8)
def _locale(language: str):
    return _babel_locale(language)


def _digits(value: float, decimals: int | None) -> str:
    """The digits, rounded once by Python so that every language shows the same number."""
    if decimals is None:
        text = f"{value:.{MAX_DECIMALS}f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    return f"{value:.{decimals}f}"


def format_number(value: float, decimals: int | None = None, language: str | None = None) -> str:
    """``value`` with ``decimals`` places, or as short as it is; no grouping of thousands."""
    language = language or current_language()
    digits = _digits(value, decimals)
    if language == SOURCE_LANGUAGE:
        return digits
    from decimal import Decimal

    return _pattern(decimals).apply(Decimal(digits), _locale(language))


def format_date(day: _dt.date, language: str | None = None) -> str:
    """A date in words: "26 November 2026", "26 de noviembre de 2026"."""
    language = language or current_language()
    if language == SOURCE_LANGUAGE:
        return f"{day.day} {_ENGLISH_MONTHS[day.month - 1]} {day.year}"
    from babel.dates import format_date as babel_date

    return babel_date(day, format="long", locale=_locale(language))


def format_short_date(day: _dt.date, language: str | None = None) -> str:
    """A date in short words, as long as an ISO date: "7 Dec 2026", "7 dic 2026" (the footer's
    review dates: the long form wrapped the footer and cost page 1 a line)."""
    language = language or current_language()
    if language == SOURCE_LANGUAGE:
        return f"{day.day} {_ENGLISH_MONTHS[day.month - 1][:3]} {day.year}"
    from babel.dates import format_skeleton

    return format_skeleton("yMMMd", day, locale=_locale(language))


def format_moment(moment: _dt.datetime, language: str | None = None) -> str:
    """A date and time in a list, in the language's own conventions (CLDR): "7 Dec 2026, 00:28",
    "7 dic 2026, 0:28"."""
    from babel.dates import format_skeleton, format_time

    locale = _locale(language or current_language())
    day = format_skeleton("yMMMd", moment, locale=locale)
    time = format_time(moment, "short", locale=locale)
    return locale.datetime_formats["medium"].replace("'", "").format(time, day)


_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December")
