"""The patient profile and its validation.

Validation never clamps or rounds a value into range: anything outside the allowed values is
rejected with the field, the value, the rule it broke and the limits that apply (codes and
numbers; ``present/refusals.py`` says it in words), so no estimate is shown for it.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from dataclasses import asdict, dataclass
from dataclasses import field as dataclass_field
from typing import Any, Mapping

REQUIRED_FIELDS = ("age", "course", "edss", "prior_dmts")
#: Yes / no answers; absent (None) means "not known". ``mri_activity_past_year`` decides with the
#: relapses whether the later cohorts' curve applies to progressive MS (MODEL.md R6); the others
#: are compared with the guidance and the trial's entry criteria (EVIDENCE.md E1 to E8, N1 to N6).
CHOICE_FIELDS = ("mri_activity_past_year", "relapses_on_treatment", "high_efficacy_dmt_failed",
                 "high_efficacy_dmt_contraindicated")
OPTIONAL_FIELDS = ("relapses_past_year", "disease_duration_years") + CHOICE_FIELDS
#: The answers a yes / no field takes (as stored and as written in a file or on the command line).
CHOICES = ("yes", "no")


#: Why a field was refused (the words for each are made in ``present/refusals.py``).
RULES = ("missing", "not_a_number", "not_whole", "out_of_range", "not_a_step", "unknown_course", "unknown_field",
         "not_a_choice")


@dataclass(frozen=True)
class FieldError:
    """A refused field: which, the value as given, the rule it broke (one of :data:`RULES`) and the
    limits that apply to it as numbers and codes (``min``/``max``, ``values`` for the EDSS steps,
    ``courses``, ``fields``, ``optional``). Codes only: the sentences are present's."""

    field: str
    value: Any
    rule: str
    limits: Mapping[str, Any] = dataclass_field(default_factory=dict, hash=False)

    @property
    def missing(self) -> bool:
        return self.rule == "missing"

    @property
    def code(self) -> str:
        """For developers and logs: ``age=80: out_of_range {'min': 16, 'max': 75}``."""
        return f"{self.field}={self.value!r}: {self.rule} {dict(self.limits)}"


class ProfileError(ValueError):
    """One or more profile fields were rejected; ``errors`` names each one."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = tuple(errors)
        super().__init__("; ".join(e.code for e in errors))

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(e.field for e in self.errors)


class RequestError(ValueError):
    """An estimate was asked for with a horizon or a number of draws the model does not offer:
    ``field`` ("horizon" or "draws"), ``value``, ``rule`` ("not_offered", "out_of_range") and
    ``limits`` (``values``, or ``min``/``max``), as codes and numbers like :class:`FieldError`."""

    def __init__(self, field: str, value: Any, rule: str, limits: Mapping[str, Any]) -> None:
        self.field, self.value, self.rule, self.limits = field, value, rule, dict(limits)
        super().__init__(f"{field}={value!r}: {rule} {self.limits}")


@dataclass(frozen=True)
class ProfileLimits:
    """Allowed values, read from the model file in the evidence set."""

    age_min: float
    age_max: float
    studied_age_min: float
    studied_age_max: float
    edss_values: tuple[float, ...]
    edss_warn_at: float
    prior_dmts_max: int
    relapses_max: int
    duration_max: float
    courses: tuple[str, ...]

    @classmethod
    def from_spec(cls, spec: Mapping[str, Any]) -> "ProfileLimits":
        edss = spec["edss"]
        steps = int(round((edss["max"] - edss["min"]) / edss["step"]))
        values = tuple(
            v for v in (edss["min"] + i * edss["step"] for i in range(steps + 1)) if v not in edss["excluded"]
        )
        return cls(
            age_min=spec["age"]["min"],
            age_max=spec["age"]["max"],
            studied_age_min=spec["age"]["studied_min"],
            studied_age_max=spec["age"]["studied_max"],
            edss_values=values,
            edss_warn_at=edss["warn_at_or_above"],
            prior_dmts_max=spec["prior_dmts"]["max"],
            relapses_max=spec["relapses_past_year"]["max"],
            duration_max=spec["disease_duration_years"]["max"],
            courses=tuple(spec["courses"]),
        )


@dataclass(frozen=True)
class Profile:
    """A validated patient profile. Construct it with :func:`validate_profile`."""

    age: float
    course: str
    edss: float
    prior_dmts: int
    relapses_past_year: int | None = None
    disease_duration_years: float | None = None
    mri_activity_past_year: str | None = None  # "yes" / "no" / None (not known)
    relapses_on_treatment: str | None = None  # the past year's relapses happened while on a DMT
    high_efficacy_dmt_failed: str | None = None  # MS active despite 6 months or more on a high-efficacy DMT
    high_efficacy_dmt_contraindicated: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def validate_profile(raw: Mapping[str, Any], limits: ProfileLimits) -> Profile:
    """Check every field of ``raw`` and return a :class:`Profile`, or raise :class:`ProfileError`.

    Values may be numbers or the text a person typed ("4.0"); empty optional fields mean
    "not given". Unknown keys are rejected so that a typo cannot silently drop a field.
    """
    errors: list[FieldError] = []
    unknown = set(raw) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS)
    for key in sorted(unknown):
        errors.append(FieldError(key, raw[key], "unknown_field", {"fields": REQUIRED_FIELDS + OPTIONAL_FIELDS}))

    def check(name: str, parse, limits: dict[str, Any], required: bool):
        """``parse`` returns the value, or the rule it broke as a :class:`_Broken`."""
        value = raw.get(name)
        limits = {**limits, "optional": not required}
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                errors.append(FieldError(name, value, "missing", limits))
            return None
        parsed = parse(value)
        if isinstance(parsed, _Broken):
            errors.append(FieldError(name, value, parsed.rule, limits))
            return None
        return parsed

    age = check("age", lambda v: _in_range(_exact(v), limits.age_min, limits.age_max),
                {"min": limits.age_min, "max": limits.age_max}, True)
    course = check("course", lambda v: _course(v, limits.courses), {"courses": limits.courses}, True)
    edss = check("edss", lambda v: _edss(v, limits.edss_values), {"values": limits.edss_values}, True)
    dmts = check("prior_dmts", lambda v: _in_range(_whole(v), 0, limits.prior_dmts_max),
                 {"min": 0, "max": limits.prior_dmts_max, "whole": True}, True)
    relapses = check("relapses_past_year", lambda v: _in_range(_whole(v), 0, limits.relapses_max),
                     {"min": 0, "max": limits.relapses_max, "whole": True}, False)
    duration = check("disease_duration_years", lambda v: _in_range(_exact(v), 0, limits.duration_max),
                     {"min": 0, "max": limits.duration_max}, False)
    choices = {name: check(name, _choice, {"values": CHOICES}, False) for name in CHOICE_FIELDS}

    if errors:
        raise ProfileError(errors)
    return Profile(
        age=_as_float(age),
        course=course,
        edss=float(edss),
        prior_dmts=int(dmts),
        relapses_past_year=None if relapses is None else int(relapses),
        disease_duration_years=None if duration is None else _as_float(duration),
        **choices,
    )


# Plain decimal numbers as a person types them: ASCII digits, an optional minus sign, at most one
# decimal separator with digits on both sides. The separator may be a point or a comma ("3,5" is
# 3.5 in every language: no field takes thousands). Python's float() also takes "3_5", ".5e2",
# "+35", "nan", Arabic-Indic (٣٥) and full-width (３５) digits, none of which a clinician means as a
# number here.
_DECIMAL = re.compile(r"-?[0-9]+([.,][0-9]+)?")
_WHOLE = re.compile(r"[0-9]+")
_LARGEST_INT = 10 ** 15  # a JSON integer beyond this is refused without converting it


@dataclass(frozen=True)
class _Broken:
    rule: str


NOT_A_NUMBER, NOT_WHOLE, OUT_OF_RANGE = _Broken("not_a_number"), _Broken("not_whole"), _Broken("out_of_range")


def _exact(value: Any) -> Decimal | _Broken:
    """The number exactly as given, from a JSON number (not true/false) or from plain decimal text.

    Exact, so that every check says the true reason: "75.0000000000000000" is 75 (allowed), "-0" is
    0 (as a file's -0.0 is), "4.00000000000000001" is not a step of the EDSS scale and "-3" is
    outside the range; nothing is rounded before it is judged."""
    if isinstance(value, bool):
        return NOT_A_NUMBER
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and _DECIMAL.fullmatch(text):
            return Decimal(text.replace(",", "."))
        return NOT_A_NUMBER
    if isinstance(value, int):
        return Decimal(value) if -_LARGEST_INT <= value <= _LARGEST_INT else OUT_OF_RANGE
    if isinstance(value, float) and math.isfinite(value):
        return Decimal(value)
    return NOT_A_NUMBER


def _as_float(value: Decimal) -> float:
    return float(value) + 0.0  # + 0.0: a "-0" stays 0, never "-0" on screen


def _whole(value: Any) -> int | _Broken:
    """A whole number from a JSON integer (or an integral float) or from plain digits. Typed text
    with a decimal separator ("3.0") is not a whole number of treatments; a minus sign is outside
    every range, except "-0", which is 0 (as a file's -0.0 is)."""
    number = _exact(value)
    if isinstance(number, _Broken):
        return number
    if number < 0:
        return OUT_OF_RANGE
    if number > _LARGEST_INT:
        return OUT_OF_RANGE
    typed_decimal = isinstance(value, str) and not _WHOLE.fullmatch(value.strip().removeprefix("-"))
    if typed_decimal or number != number.to_integral_value():
        return NOT_WHOLE
    return int(number)


def _in_range(value, low, high):
    if isinstance(value, _Broken):
        return value
    if not low <= value <= high:
        return OUT_OF_RANGE
    return value


def _course(value: Any, courses: tuple[str, ...]) -> str | _Broken:
    if not isinstance(value, str):
        return _Broken("unknown_course")
    key = value.strip().lower()
    return key if key in courses else _Broken("unknown_course")


def _edss(value: Any, allowed: tuple[float, ...]) -> float | _Broken:
    """One of the scale's steps; a number between the lowest and highest that is not a step
    (0.5, 4.2) breaks ``not_a_step``, one outside them ``out_of_range``."""
    number = _exact(value)
    if isinstance(number, _Broken):
        return number
    for step in allowed:
        if number == Decimal(step):
            return step
    return _Broken("not_a_step") if allowed[0] <= number <= allowed[-1] else OUT_OF_RANGE


def _choice(value: Any) -> str | _Broken:
    """"yes" or "no" (any case, surrounding spaces ignored); anything else is refused."""
    if isinstance(value, str) and value.strip().lower() in CHOICES:
        return value.strip().lower()
    return _Broken("not_a_choice")
