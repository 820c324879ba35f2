"""Words and number formats shared by every view (command line, window, sheet).

One place decides how a probability becomes "about N in 100" so that the screen, the sheet and
the command line can never disagree. No figures live here: only definitions and phrasing.
"""

from __future__ import annotations

import textwrap

from .model import Interval, Profile
from .printable import one_line

DENOMINATOR = 100

COURSE_LABELS = {
    "rrms": "Relapsing-remitting (RRMS)",
    "spms": "Secondary progressive (SPMS)",
    "ppms": "Primary progressive (PPMS)",
    "prms": "Progressive-relapsing (PRMS)",
}

COURSE_EXPLANATIONS = {
    "rrms": "Attacks (relapses) followed by full or partial recovery, with stable periods in between.",
    "spms": "After a relapsing phase, disability now worsens steadily, with or without relapses.",
    "ppms": "Disability worsens steadily from the start, without distinct relapses.",
    "prms": "Steady worsening from the start with occasional relapses (an older term; counted as progressive).",
}

# Kurtzke Expanded Disability Status Scale, in plain words.
EDSS_MEANINGS = {
    0.0: "normal neurological examination",
    1.0: "no disability; minimal signs in one area of function",
    1.5: "no disability; minimal signs in more than one area of function",
    2.0: "minimal disability in one area of function",
    2.5: "mild disability in one area, or minimal in two",
    3.0: "moderate disability in one area; walks without difficulty",
    3.5: "walks without difficulty; moderate disability in more than one area",
    4.0: "walks about 500 m without aid or rest",
    4.5: "walks about 300 m without aid or rest",
    5.0: "walks about 200 m without aid or rest; daily activities limited",
    5.5: "walks about 100 m without aid or rest",
    6.0: "needs a cane or crutch on one side to walk about 100 m",
    6.5: "needs support on both sides to walk about 20 m",
    7.0: "cannot walk 5 m even with aid; uses a wheelchair and moves in and out of it alone",
    7.5: "can take only a few steps; uses a wheelchair and may need help to transfer",
    8.0: "mainly in bed, a chair or a wheelchair; can look after themselves with the arms",
    8.5: "in bed much of the day; some use of the arms",
    9.0: "confined to bed; can still communicate and eat",
    9.5: "confined to bed and fully dependent",
}

PEOPLE_LIKE_YOU = (
    "\u201cPeople like you\u201d means people in the study with the same age, type of MS, "
    "EDSS and number of previous treatments."
)


def in_hundred(probability: float) -> int:
    """Whole number out of 100, as shown everywhere (round half up, never banker's rounding)."""
    return int(probability * DENOMINATOR + 0.5)


def count_phrase(probability: float) -> str:
    """"about 2 in 100", or "fewer than 1 in 100" where rounding would say zero."""
    n = in_hundred(probability)
    if n == 0 and probability > 0:
        return f"fewer than 1 in {DENOMINATOR}"
    if n == DENOMINATOR and probability < 1:
        return f"more than {DENOMINATOR - 1} in {DENOMINATOR}"
    return f"about {n} in {DENOMINATOR}"


def range_phrase(interval: Interval) -> str:
    """"between A and B in 100" for an interval."""
    return f"between {in_hundred(interval.lower)} and {in_hundred(interval.upper)} in {DENOMINATOR}"


def percent(probability: float, decimals: int = 1) -> str:
    return f"{probability * 100:.{decimals}f}%"


def interval_percent(interval: Interval, decimals: int = 1) -> str:
    """"2.8% (95% interval 1.1% to 5.0%)"."""
    return (
        f"{percent(interval.estimate, decimals)} "
        f"(95% interval {percent(interval.lower, decimals)} to {percent(interval.upper, decimals)})"
    )


def edss_text(edss: float) -> str:
    return f"EDSS {edss:.1f} ({EDSS_MEANINGS[edss]})"


def profile_sentence(profile: Profile) -> str:
    """The profile in words, e.g. for the top of the sheet and the command-line table."""
    dmts = profile.prior_dmts
    treatments = "no previous disease-modifying therapy" if dmts == 0 else (
        f"{dmts} previous disease-modifying therap{'y' if dmts == 1 else 'ies'}"
    )
    parts = [f"Age {profile.age:g}", profile.course_name, edss_text(profile.edss), treatments]
    if profile.relapses_past_year is not None:
        parts.append(f"{profile.relapses_past_year} relapse{'s' if profile.relapses_past_year != 1 else ''} in the past year")
    if profile.disease_duration_years is not None:
        parts.append(f"{profile.disease_duration_years:g} years since diagnosis")
    return "; ".join(parts)


def early_death_sentence(interval: Interval, days: int) -> str:
    return f"{count_phrase(interval.estimate).capitalize()} people like you died within {days} days of transplant"


def pfs_sentence(interval: Interval, years: int) -> str:
    return (
        f"{count_phrase(interval.estimate).capitalize()} people like you were alive without disability "
        f"worsening {years} years after transplant"
    )


def other_side_phrase(probability: float) -> str:
    """The complement of :func:`count_phrase`, so that the two framings always add up to 100."""
    n = in_hundred(probability)
    if n == 0 and probability > 0:
        return f"more than {DENOMINATOR - 1} in {DENOMINATOR}"
    if n == DENOMINATOR and probability < 1:
        return f"fewer than 1 in {DENOMINATOR}"
    return f"about {DENOMINATOR - n} in {DENOMINATOR}"


def pfs_other_side(interval: Interval, years: int) -> str:
    """The same outcome framed the other way, with the same denominator and time frame."""
    return f"{other_side_phrase(interval.estimate)} had worsened or died by {years} years"




def both_ways(probability: float, happened: str, other: str) -> str:
    """Both framings in one sentence: "About 65 in 100 people like you were alive without worsening;
    about 35 in 100 worsened or died" (the two counts always add up to 100)."""
    return f"{count_phrase(probability).capitalize()} people like you {happened}; {other_side_phrase(probability)} {other}"


def hazard_ratio_text(value: float, ci: tuple[float, float] | None) -> str:
    """"1.65 (95% CI 1.10 to 2.47)" for the clinician view."""
    if ci is None:
        return f"{value:.2f}"
    return f"{value:.2f} (95% CI {ci[0]:.2f} to {ci[1]:.2f})"


def survival_sentence(interval: Interval, years: int) -> str:
    return f"{count_phrase(interval.estimate).capitalize()} people like you were alive {years} years after transplant"


def wrap_text(text: str, width: int = 96, indent: str = "") -> str:
    """Wrap a line for the terminal, continuing lines under the first word."""
    return textwrap.fill(text, width=width, subsequent_indent=indent)


# -- window and sheet phrasing (one place, so every view says the same) ----------------------

FIELD_LABELS = {
    "age": "age",
    "course": "type of MS",
    "edss": "EDSS score",
    "prior_dmts": "number of previous treatments",
    "relapses_past_year": "relapses in the past year",
    "disease_duration_years": "years since diagnosis",
}

NOT_COVERED = (
    "Other outcomes that matter: side effects such as infections, infertility, thyroid and other "
    "autoimmune problems, hair loss, time off work, and improvements in disability.",
    "Differences between transplant regimens (the study pooled several of them).",
    "The experience of the treating centre, which affects early risk.",
    "Quality of life, and how a person values each outcome.",
    "Comparison with staying on, or switching, disease-modifying therapy.",
    "Anything specific to one person that the study did not record.",
)


def profile_problem_message(errors) -> str:
    """One calm sentence replacing the results while the profile is incomplete or refused."""
    missing = [FIELD_LABELS.get(e.field, e.field) for e in errors if e.missing]
    refused = [e for e in errors if not e.missing]
    if refused:
        first = refused[0]
        allowed = first.allowed.removeprefix("allowed: ")
        return (f"Check the {FIELD_LABELS.get(first.field, first.field)}: {one_line(first.value)} is not allowed "
                f"(allowed: {allowed}). Estimates appear when every value is allowed.")
    if len(missing) > 1:
        listed = ", ".join(missing[:-1]) + " and " + missing[-1]
    else:
        listed = missing[0]
    return f"Enter the {listed} to see estimates."


def in_hundred_label(probability: float) -> str:
    """"65 in 100" (a short label for a chart marker)."""
    return f"{in_hundred(probability)} in {DENOMINATOR}"


def curve_value_text(years: float, interval: Interval, clinician: bool, extrapolated: bool) -> str:
    """What the chart says about one point in time, e.g. under the mouse."""
    when = f"{years:.1f} years"
    if clinician:
        text = f"{when}: {interval_percent(interval)}"
    else:
        text = f"{when}: {count_phrase(interval.estimate)} ({range_phrase(interval)})"
    return text + (" - extrapolated" if extrapolated else "")


def interval_in_words(interval: Interval) -> str:
    """"between A and B in 100" with its meaning, for the patient view."""
    return f"The true number could be {range_phrase(interval)}."


def figure_text(figure, clinician: bool = True) -> str | None:
    """A published figure with its interval and where it is reported; None if the view hides it."""
    if figure.kind == "hazard_ratio":
        if not clinician:
            return None
        ci = f" (95% CI {figure.ci[0]:.2f} to {figure.ci[1]:.2f})" if figure.ci else ""
        return f"Hazard ratio {figure.value:.2f}{ci}, {figure.unit}. {figure.notes}. [{figure.reported_in}]"
    if figure.kind == "probability":
        if clinician:
            ci = f" (95% CI {percent(figure.ci[0])} to {percent(figure.ci[1])})" if figure.ci else ""
            value = f"{percent(figure.value)}{ci}"
        else:
            ci = f", between {in_hundred(figure.ci[0])} and {in_hundred(figure.ci[1])} in 100" if figure.ci else ""
            value = f"{count_phrase(figure.value)}{ci}"
        return f"{figure.notes}: {value}." + (f" [{figure.reported_in}]" if clinician else "")
    value = f"{figure.value:g} {figure.unit}"
    return f"{figure.notes or figure.name}: {value}." + (f" [{figure.reported_in}]" if clinician else "")


def _published_decimals(probability: float) -> int:
    text = f"{probability * 100:.2f}".rstrip("0")
    return len(text.split(".")[1])


def published_percent(probability: float, decimals: int | None = None) -> str:
    """A published percentage as printed in the paper: "85.5%", "77%", "0.19%" (no padding zeros)."""
    places = _published_decimals(probability) if decimals is None else decimals
    return f"{probability * 100:.{places}f}%"


def published_interval(lower: float, upper: float) -> str:
    """"95% CI 1.0% to 4.9%" for a published interval: both bounds with the same decimals."""
    places = max(_published_decimals(lower), _published_decimals(upper))
    return f"95% CI {published_percent(lower, places)} to {published_percent(upper, places)}"


def of_phrase(count: float, total: float) -> str:
    """"3 of 55" for published counts."""
    return f"{count:g} of {total:g}"


def hazard_ratio_phrase(value: float, lower: float, upper: float) -> str:
    """"HR 0.07 (95% CI 0.02 to 0.24)"."""
    return f"HR {hazard_ratio_text(value, (lower, upper))}"


def years_phrase(years: float) -> str:
    return f"{years:g} year{'' if years == 1 else 's'}"
