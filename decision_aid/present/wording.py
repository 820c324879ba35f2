"""Words and number formats shared by every view (command line, window, sheet).

One place decides how a probability becomes "about N in 100" so that the screen, the sheet and
the command line can never disagree. No figures live here: only definitions and phrasing, every
sentence through gettext (:mod:`.i18n`) as a whole sentence with named placeholders. A count
such as "about 2 in 100" is a noun phrase of its own (``{count}``), so a sentence reads the same
whatever the count.
"""

from __future__ import annotations

import textwrap

from ..context.numbers import DENOMINATOR, POINT_DECIMALS, end_in_hundred, in_hundred, shown_percent
from ..model import Interval, Profile
from .i18n import N_, _, ngettext
from .numbers import format_number

PROGRAM_NAME = N_("AHSCT decision aid")  # the window's title and the application's display name

COURSE_LABELS = {
    "rrms": N_("Relapsing-remitting (RRMS)"),
    "spms": N_("Secondary progressive (SPMS)"),
    "ppms": N_("Primary progressive (PPMS)"),
    "prms": N_("Progressive-relapsing (PRMS)"),
}

COURSE_NAMES = {
    "rrms": N_("relapsing-remitting MS"),
    "spms": N_("secondary progressive MS"),
    "ppms": N_("primary progressive MS"),
    "prms": N_("progressive-relapsing MS"),
}

COURSE_EXPLANATIONS = {
    "rrms": N_("Attacks (relapses) followed by full or partial recovery, with stable periods in between."),
    "spms": N_("After a relapsing phase, disability now worsens steadily, with or without relapses."),
    "ppms": N_("Disability worsens steadily from the start, without distinct relapses."),
    "prms": N_("Steady worsening from the start with occasional relapses (an older term; counted as progressive)."),
}

# Kurtzke Expanded Disability Status Scale, in plain words.
EDSS_MEANINGS = {
    0.0: N_("normal neurological examination"),
    1.0: N_("no disability; minimal signs in one area of function"),
    1.5: N_("no disability; minimal signs in more than one area of function"),
    2.0: N_("minimal disability in one area of function"),
    2.5: N_("mild disability in one area, or minimal in two"),
    3.0: N_("moderate disability in one area; walks without difficulty"),
    3.5: N_("walks without difficulty; moderate disability in more than one area"),
    4.0: N_("walks about 500 m without aid or rest"),
    4.5: N_("walks about 300 m without aid or rest"),
    5.0: N_("walks about 200 m without aid or rest; daily activities limited"),
    5.5: N_("walks about 100 m without aid or rest"),
    6.0: N_("needs a cane or crutch on one side to walk about 100 m"),
    6.5: N_("needs support on both sides to walk about 20 m"),
    7.0: N_("cannot walk 5 m even with aid; uses a wheelchair and moves in and out of it alone"),
    7.5: N_("can take only a few steps; uses a wheelchair and may need help to transfer"),
    8.0: N_("mainly in bed, a chair or a wheelchair; can look after themselves with the arms"),
    8.5: N_("in bed much of the day; some use of the arms"),
    9.0: N_("confined to bed; can still communicate and eat"),
    9.5: N_("confined to bed and fully dependent"),
}

FIELD_LABELS = {
    "age": N_("age"),
    "course": N_("type of MS"),
    "edss": N_("EDSS score"),
    "prior_dmts": N_("number of previous treatments"),
    "relapses_past_year": N_("relapses in the past year"),
    "disease_duration_years": N_("years since diagnosis"),
    "mri_activity_past_year": N_("new MRI activity in the past year"),
    "relapses_on_treatment": N_("relapses while on a treatment"),
    "high_efficacy_dmt_failed": N_("failure of a high-efficacy treatment"),
    "high_efficacy_dmt_contraindicated": N_("high-efficacy treatments not possible"),
}

#: How a yes / no answer reads in the profile sentence (absent: not known, not said).
CHOICE_PHRASES = {
    "mri_activity_past_year": {"yes": N_("new MRI activity in the past year"),
                               "no": N_("no new MRI activity in the past year")},
    "relapses_on_treatment": {"yes": N_("the relapses happened while on a disease-modifying therapy"),
                              "no": N_("the relapses did not happen while on a disease-modifying therapy")},
    "high_efficacy_dmt_failed": {"yes": N_("MS stayed active despite a high-efficacy therapy"),
                                 "no": N_("no high-efficacy therapy has failed")},
    "high_efficacy_dmt_contraindicated": {"yes": N_("high-efficacy therapies cannot be used"),
                                          "no": N_("high-efficacy therapies can be used")},
}

NOT_COVERED = (
    N_("Other outcomes that matter. These include side effects, such as infections, trouble having children, "
       "thyroid problems and hair loss. They include other illnesses in which the immune system attacks the body. "
       "They also include time off work, and disability getting better."),
    N_("Differences between transplant regimens (the study pooled several of them)."),
    N_("The experience of the treating centre, which affects early risk."),
    N_("Quality of life, and how a person values each outcome."),
    N_("Comparison with staying on, or switching, disease-modifying therapy."),
    N_("Anything specific to one person that the study did not record."),
)


def people_like_you() -> str:
    # MODEL.md O2: each figure takes into account only what its formula uses
    return _("\u201cPeople like you\u201d means people with the same age, type of MS and number of earlier "
             "treatments as you for staying free of worsening; the same EDSS score and age for being alive; and the "
             "same EDSS score for early death. The studies had no group like that, so the numbers are worked out "
             "from their results with a model.")


# -- numbers --------------------------------------------------------------------------------------

def number(value: float, decimals: int | None = None) -> str:
    """A plain number in the current language: ``decimals`` places, or as short as it is ("38",
    "38.25"; "38,25" in Spanish)."""
    return format_number(value, decimals)


def edss_scale(values) -> str:
    """The EDSS steps a profile may take, from the model's limits (``ProfileLimits.edss_values``;
    none is written here): "0, then 1.0 to 9.5 in steps of 0.5; there is no 0.5". The step is the
    gap between the last two values; a value the steps skip between the first two is named."""
    values = tuple(values)
    first, second, last = values[0], values[1], values[-1]
    step = values[-1] - values[-2]
    skipped = [first + k * step for k in range(1, round((second - first) / step))]
    if not skipped:
        return _("{first}, then {second} to {last} in steps of {step}", first=number(first), second=number(second, 1),
                 last=number(last, 1), step=number(step, 1))
    return _("{first}, then {second} to {last} in steps of {step}; there is no {skipped}", first=number(first),
             second=number(second, 1), last=number(last, 1), step=number(step, 1),
             skipped=_(", ").join(number(v, 1) for v in skipped))


def percent(probability: float, decimals: int = POINT_DECIMALS) -> str:
    """"71.5%": rounded half up as :func:`~decision_aid.context.numbers.shown_percent` says, so
    that the count in 100 beside it is read from the same digits."""
    return _("{value}%", value=number(float(shown_percent(probability, decimals)), decimals))


def _beyond_whole(probability: float) -> int:
    """-1 where an end rounds to 0 but is more than 0, 1 where it rounds to 100 but is less than
    100, else 0: a whole number would say none, or all, of something that is neither."""
    whole = end_in_hundred(probability)
    return -1 if whole == 0 and probability > 0 else 1 if whole == DENOMINATOR and probability < 1 else 0


def end_percent(probability: float) -> str:
    """An interval's end as a whole percentage ("56%"; "<1%" or ">99%", see :func:`_beyond_whole`)."""
    side = _beyond_whole(probability)
    if side:
        return _("<{value}%", value=1) if side < 0 else _(">{value}%", value=DENOMINATOR - 1)
    return _("{value}%", value=number(end_in_hundred(probability)))


def point_number(probability: float) -> str:
    """A point's percentage as a bare number for a table ("71.5")."""
    return number(float(shown_percent(probability, POINT_DECIMALS)), POINT_DECIMALS)


def end_number(probability: float) -> str:
    """An interval's end as a bare whole number for a table, percent and in 100 alike ("56"; "<1"
    or ">99", see :func:`_beyond_whole`)."""
    side = _beyond_whole(probability)
    if side:
        return _("<{value}", value=1) if side < 0 else _(">{value}", value=DENOMINATOR - 1)
    return number(end_in_hundred(probability))


def interval_percent(interval: Interval) -> str:
    """"71.5% (95% interval 56% to 83%)": the point to one decimal, the ends whole (MODEL.md's
    display rule, for every view)."""
    return _("{estimate} (95% interval {lower} to {upper})", estimate=percent(interval.estimate),
             lower=end_percent(interval.lower), upper=end_percent(interval.upper))


def span_percent(interval: Interval) -> str:
    """"56% to 83%": an interval's ends, whole."""
    return _("{lower} to {upper}", lower=end_percent(interval.lower), upper=end_percent(interval.upper))


def sentence_case(text: str) -> str:
    """The first letter as a capital (a count phrase may open a sentence)."""
    return text[:1].upper() + text[1:]


def count_phrase(probability: float) -> str:
    """"about 2 in 100", or "fewer than 1 in 100" where rounding would say zero."""
    n = in_hundred(probability)
    if n == 0 and probability > 0:
        return _("fewer than 1 in {total}", total=DENOMINATOR)
    if n == DENOMINATOR and probability < 1:
        return _("more than {count} in {total}", count=DENOMINATOR - 1, total=DENOMINATOR)
    return _("about {count} in {total}", count=n, total=DENOMINATOR)


def other_side_phrase(probability: float) -> str:
    """The complement of :func:`count_phrase`, so that the two framings always add up to 100."""
    n = in_hundred(probability)
    if n == 0 and probability > 0:
        return _("more than {count} in {total}", count=DENOMINATOR - 1, total=DENOMINATOR)
    if n == DENOMINATOR and probability < 1:
        return _("fewer than 1 in {total}", total=DENOMINATOR)
    return _("about {count} in {total}", count=DENOMINATOR - n, total=DENOMINATOR)


def end_phrase(probability: float) -> str:
    """An interval's end in 100: "56", or "fewer than 1" / "more than 99" (see :func:`_beyond_whole`)."""
    side = _beyond_whole(probability)
    if side:
        return _("fewer than {count}", count=1) if side < 0 else _("more than {count}", count=DENOMINATOR - 1)
    return number(end_in_hundred(probability))


def range_phrase(interval: Interval) -> str:
    """"between A and B in 100" for an interval; "from fewer than 1 to B in 100" when its lower
    end rounds to none (and likewise at the top)."""
    low, high = end_phrase(interval.lower), end_phrase(interval.upper)
    sides = (_beyond_whole(interval.lower), _beyond_whole(interval.upper))
    if not any(sides):
        return _("between {low} and {high} in {total}", low=low, high=high, total=DENOMINATOR)
    if low == high:
        return _("{count} in {total}", count=low, total=DENOMINATOR)
    return _("from {low} to {high} in {total}", low=low, high=high, total=DENOMINATOR)


def per_hundred_whole(rate: float) -> str:
    """A rate per person as a whole number for every 100 people ("170" for 1.7 per person): the
    patient view's whole numbers in 100 where one person can have several events."""
    return number(int(rate * DENOMINATOR + 0.5))


def per_hundred_number(per_hundred: float) -> str:
    """Events for every 100 people (a rate, never a share of 100: one person can have several), as
    it is: the clinician's figure. Every rate per 100 is written by this or :func:`per_hundred_whole`,
    so a test can follow each into the sentence that says "per 100 people"."""
    return number(per_hundred)


def data_text(text: str | None) -> str:
    """A readable text from an evidence or about file in the current language (the translation
    template carries them; tools/update_catalogue.py). Empty stays empty: gettext would answer an
    empty message with the catalogue's header."""
    return _(text) if text else (text or "")


def lower_first(text: str) -> str:
    """A label from a file inside a sentence: "Natalizumab" -> "natalizumab", "A different MS drug"
    -> "a different MS drug", but "AHSCT" and "MS drugs" stay as they are (an abbreviation)."""
    if text[:1].isupper() and not text[1:2].isupper():
        return text[0].lower() + text[1:]
    return text


def in_hundred_label(probability: float) -> str:
    """"65 in 100" (a short label for a chart marker)."""
    return _("{count} in {total}", count=in_hundred(probability), total=DENOMINATOR)


def point_label(probability: float, clinician: bool) -> str:
    """A point in the view's own unit: "71.5%" (clinician) or "72 in 100" (patient)."""
    return percent(probability) if clinician else in_hundred_label(probability)


def interval_in_words(interval: Interval) -> str:
    """"between A and B in 100" with its meaning, for the patient view."""
    return _("The true number could be {range}.", range=range_phrase(interval))


def years_phrase(years: float) -> str:
    return ngettext("{value} year", "{value} years", 1 if years == 1 else 2, value=number(years))


def of_phrase(count: float, total: float) -> str:
    """"3 of 55" for published counts."""
    return _("{count} of {total}", count=number(count), total=number(total))


def hazard_ratio_text(value: float, ci: tuple[float, float] | None) -> str:
    """"1.65 (95% CI 1.10 to 2.47)" for the clinician view."""
    if ci is None:
        return number(value, 2)
    return _("{value} (95% CI {lower} to {upper})", value=number(value, 2), lower=number(ci[0], 2),
             upper=number(ci[1], 2))


def hazard_ratio_phrase(value: float, lower: float, upper: float) -> str:
    """"HR 0.07 (95% CI 0.02 to 0.24)"."""
    return _("HR {ratio}", ratio=hazard_ratio_text(value, (lower, upper)))


def _published_decimals(probability: float) -> int:
    text = f"{probability * 100:.2f}".rstrip("0")
    return len(text.split(".")[1])


def published_percent(probability: float, decimals: int | None = None) -> str:
    """A published percentage as printed in the paper: "85.5%", "77%", "0.19%" (no padding zeros)."""
    places = _published_decimals(probability) if decimals is None else decimals
    return percent(probability, places)


def published_interval(lower: float, upper: float) -> str:
    """"95% CI 1.0% to 4.9%" for a published interval: both bounds with the same decimals."""
    places = max(_published_decimals(lower), _published_decimals(upper))
    return _("95% CI {lower} to {upper}", lower=published_percent(lower, places),
             upper=published_percent(upper, places))


# -- the profile ----------------------------------------------------------------------------------

def course_name(course: str) -> str:
    return _(COURSE_NAMES[course])


def edss_text(edss: float) -> str:
    return _("EDSS {score} ({meaning})", score=number(edss, 1), meaning=_(EDSS_MEANINGS[edss]))


def profile_parts(profile: Profile) -> list[str]:
    """The profile as short items ("Age 38", "relapsing-remitting MS", ...)."""
    dmts = profile.prior_dmts
    treatments = _("no previous disease-modifying therapy") if dmts == 0 else ngettext(
        "{count} previous disease-modifying therapy", "{count} previous disease-modifying therapies", dmts)
    parts = [_("Age {age}", age=number(profile.age)), course_name(profile.course), edss_text(profile.edss),
             treatments]
    if profile.relapses_past_year is not None:
        parts.append(ngettext("{count} relapse in the past year", "{count} relapses in the past year",
                              profile.relapses_past_year))
    if profile.disease_duration_years is not None:
        parts.append(ngettext("{years} year since diagnosis", "{years} years since diagnosis",
                              1 if profile.disease_duration_years == 1 else 2,
                              years=number(profile.disease_duration_years)))
    for field, phrases in CHOICE_PHRASES.items():
        answer = getattr(profile, field)
        if answer is not None:
            parts.append(_(phrases[answer]))
    return parts


def profile_sentence(profile: Profile) -> str:
    """The profile in words, e.g. for the top of the sheet and the command-line table."""
    return _("; ").join(profile_parts(profile))


# -- the outcomes ---------------------------------------------------------------------------------

def early_death_sentence(interval: Interval, days: int) -> str:
    return sentence_case(_("{count} people like you died within {days} days of transplant.",
                           count=count_phrase(interval.estimate), days=days))


def early_death_other_side(interval: Interval, days: int) -> str:
    return sentence_case(_("{count} were alive {days} days after transplant.",
                           count=other_side_phrase(interval.estimate), days=days))


def pfs_sentence(interval: Interval, years: int) -> str:
    return sentence_case(_("{count} people like you were alive without disability worsening {years} years after "
                           "transplant.", count=count_phrase(interval.estimate), years=years))


def pfs_other_side(interval: Interval, years: int) -> str:
    """The same outcome framed the other way, with the same denominator and time frame."""
    return sentence_case(_("{count} had worsened or died by {years} years.",
                           count=other_side_phrase(interval.estimate), years=years))


def survival_sentence(interval: Interval, years: int) -> str:
    return sentence_case(_("{count} people like you were alive {years} years after transplant.",
                           count=count_phrase(interval.estimate), years=years))


def survival_other_side(interval: Interval, years: int) -> str:
    return sentence_case(_("{count} had died by {years} years.", count=other_side_phrase(interval.estimate),
                           years=years))


def era_value_text(interval: Interval, clinician: bool, mark: str = "") -> str:
    """One curve's value at one time in the view's unit ("71.5% (95% interval ...)" or "about 72
    in 100 (between ...)"), no range where it has none ("between 100 and 100 in 100" at 0),
    followed by ``mark`` ("extrapolated", "from one cohort") where it applies."""
    if clinician:
        flat = percent(interval.lower) == percent(interval.upper)
        value = percent(interval.estimate) if flat else interval_percent(interval)
    else:
        flat = in_hundred(interval.lower) == in_hundred(interval.upper)
        value = count_phrase(interval.estimate) if flat else _("{count} ({range})", count=count_phrase(
            interval.estimate), range=range_phrase(interval))
    return _("{value} - {mark}", value=value, mark=mark) if mark else value


def curve_value_text(years: float, interval: Interval, clinician: bool, extrapolated: bool) -> str:
    """What a curve says about one point in time, e.g. the pinned curve of a comparison: "1 year",
    "1.5 years" (never "1.0 years")."""
    value = era_value_text(interval, clinician)
    if extrapolated:
        return _("{when}: {value}, extrapolated", when=years_phrase(years), value=value)
    return _("{when}: {value}", when=years_phrase(years), value=value)


def wrap_text(text: str, width: int = 96, indent: str = "") -> str:
    """Wrap a line for the terminal, continuing lines under the first word."""
    return textwrap.fill(text, width=width, subsequent_indent=indent)


# -- published figures (How calculated) -----------------------------------------------------------

def figure_text(figure, clinician: bool = True, label: str | None = None) -> str | None:
    """A published figure with its interval, where it is reported and what it was checked against;
    None if the view hides it (hazard ratios in the patient view).

    The figure's ``notes`` name it ("Whole cohort, overall survival at 5 years"), unless a ``label``
    is given: then the notes only qualify the figure ("271 with neurological follow-up") and follow
    its value."""
    what = label or data_text(figure.notes) or figure.name
    qualifier = data_text(figure.notes) if label else ""
    if figure.kind == "hazard_ratio":
        if not clinician:
            return None
        text = _("Hazard ratio {ratio}, {unit}. {notes}.", ratio=hazard_ratio_text(figure.value, figure.ci),
                 unit=data_text(figure.unit), notes=data_text(figure.notes))
    elif figure.kind == "probability":
        if clinician:
            value = percent(figure.value)
            if figure.ci:
                value = _("{value} (95% CI {lower} to {upper})", value=value, lower=percent(figure.ci[0]),
                          upper=percent(figure.ci[1]))
        else:
            value = count_phrase(figure.value)
            if figure.ci:
                value = _("{count}, between {low} and {high} in {total}", count=value,
                          low=in_hundred(figure.ci[0]), high=in_hundred(figure.ci[1]), total=DENOMINATOR)
        text = (_("{what}: {value}; {qualifier}.", what=what, value=value, qualifier=qualifier) if qualifier
                else _("{what}: {value}.", what=what, value=value))
    else:
        value, unit = number(figure.value), data_text(figure.unit)
        text = (_("{what}: {value} {unit}; {qualifier}.", what=what, value=value, unit=unit, qualifier=qualifier)
                if qualifier else _("{what}: {value} {unit}.", what=what, value=value, unit=unit))
    if not clinician:
        return text
    return _("{text} [{where}; checked against: {checked}]", text=text, where=data_text(figure.reported_in),
             checked=data_text(figure.checked_against))


def notes_room(length: int, maximum: int) -> str:
    """How much room the notes have left (a consultation keeps at most ``maximum`` characters);
    on paper, notes longer than the box carry on to a further page."""
    if length > maximum:
        return ngettext("{count} character too many: shorten the notes to save the consultation.",
                        "{count} characters too many: shorten the notes to save the consultation.",
                        length - maximum)
    return ngettext("{count} character left. Long notes carry on to a further page of the sheet.",
                    "{count} characters left. Long notes carry on to a further page of the sheet.",
                    maximum - length)
