"""The patient profile and its validation.

Validation never clamps or rounds a value into range: anything outside the allowed values is
rejected with the field, the value and what is allowed, so no estimate is shown for it.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from typing import Any, Mapping

COURSE_NAMES = {
    "rrms": "relapsing-remitting MS",
    "spms": "secondary progressive MS",
    "ppms": "primary progressive MS",
    "prms": "progressive-relapsing MS",
}

REQUIRED_FIELDS = ("age", "course", "edss", "prior_dmts")
OPTIONAL_FIELDS = ("relapses_past_year", "disease_duration_years")


@dataclass(frozen=True)
class FieldError:
    field: str
    value: Any
    allowed: str

    @property
    def message(self) -> str:
        if self.missing:
            return f"{self.field} is required; {self.allowed}"
        return f"{self.field}: {self.value!r} is not allowed; {self.allowed}"

    @property
    def missing(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


class ProfileError(ValueError):
    """One or more profile fields were rejected; ``errors`` names each one."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = tuple(errors)
        super().__init__("; ".join(e.message for e in errors))

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(e.field for e in self.errors)


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

    def edss_allowed_text(self) -> str:
        return (
            f"allowed: EDSS {self.edss_values[0]:g}, then {self.edss_values[1]:.1f} to "
            f"{self.edss_values[-1]:.1f} in steps of 0.5 (there is no 0.5 step; 10 means death and is not an input)"
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

    @property
    def course_name(self) -> str:
        return COURSE_NAMES[self.course]

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
        errors.append(FieldError(key, raw[key], "this is not a profile field"))

    def check(name: str, parse, allowed: str, required: bool):
        value = raw.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                errors.append(FieldError(name, value, allowed))
            return None
        parsed = parse(value)
        if parsed is None:
            errors.append(FieldError(name, value, allowed))
        return parsed

    age_text = f"allowed: age {limits.age_min:g} to {limits.age_max:g} years"
    age = check("age", lambda v: _in_range(_number(v), limits.age_min, limits.age_max), age_text, True)

    course_text = "allowed: " + ", ".join(f"{c} ({COURSE_NAMES[c]})" for c in limits.courses)
    course = check("course", lambda v: _course(v, limits.courses), course_text, True)

    edss = check("edss", lambda v: _edss(v, limits.edss_values), limits.edss_allowed_text(), True)

    dmt_text = f"allowed: a whole number of previous disease-modifying therapies, 0 to {limits.prior_dmts_max}"
    dmts = check("prior_dmts", lambda v: _in_range(_whole(v), 0, limits.prior_dmts_max), dmt_text, True)

    relapse_text = f"allowed: a whole number of relapses in the past 12 months, 0 to {limits.relapses_max}, or empty"
    relapses = check(
        "relapses_past_year", lambda v: _in_range(_whole(v), 0, limits.relapses_max), relapse_text, False
    )

    duration_text = f"allowed: years since diagnosis, 0 to {limits.duration_max:g}, or empty"
    duration = check(
        "disease_duration_years",
        lambda v: _in_range(_number(v), 0, limits.duration_max),
        duration_text,
        False,
    )

    if errors:
        raise ProfileError(errors)
    return Profile(
        age=float(age),
        course=course,
        edss=float(edss),
        prior_dmts=int(dmts),
        relapses_past_year=None if relapses is None else int(relapses),
        disease_duration_years=None if duration is None else float(duration),
    )


# Plain decimal numbers as a person types them: ASCII digits, at most one decimal point with digits
# on both sides. Python's float() also takes "3_5", ".5e2", "+35", "nan", Arabic-Indic (٣٥) and
# full-width (３５) digits, none of which a clinician means as a number here.
_DECIMAL = re.compile(r"[0-9]{1,15}(\.[0-9]{1,15})?")
_WHOLE = re.compile(r"[0-9]{1,15}")
_LARGEST_INT = 10 ** 15  # a JSON integer beyond this is refused without converting it


def _number(value: Any) -> float | None:
    """A finite number from a JSON number (not true/false) or from plain decimal text, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text.isascii() or not _DECIMAL.fullmatch(text):
            return None
        return float(text)
    if isinstance(value, int):
        return float(value) if -_LARGEST_INT <= value <= _LARGEST_INT else None
    if isinstance(value, float) and math.isfinite(value):
        return value
    return None


def _whole(value: Any) -> int | None:
    """A whole number from a JSON integer (or an integral float) or from plain digits, else None."""
    if isinstance(value, str):
        text = value.strip()
        if not text.isascii() or not _WHOLE.fullmatch(text):
            return None
        return int(text)
    number = _number(value)
    if number is None or number != int(number):
        return None
    return int(number)


def _in_range(value, low, high):
    if value is None or not low <= value <= high:
        return None
    return value


def _course(value: Any, courses: tuple[str, ...]) -> str | None:
    if not isinstance(value, str):
        return None
    key = value.strip().lower()
    return key if key in courses else None


def _edss(value: Any, allowed: tuple[float, ...]) -> float | None:
    number = _number(value)
    if number is None:
        return None
    for step in allowed:
        if number == step:
            return step
    return None
