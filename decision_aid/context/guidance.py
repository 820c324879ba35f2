"""Both guidance statements beside the profile, point by point, as fit codes (never a verdict).

Both statements are chosen by id, never by position among the guidance files: a third statement
added to the evidence set changes nothing here until it is named. Each point says how one profile
value compares with one point of a statement (``fit``, one of :data:`FIT_CODES`), with the limit
from the evidence file and what that figure was checked against; the words are made by
:mod:`decision_aid.present.guidance_view`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..evidence import Source
from ..model import Model, Profile

#: Guidance statements by the id used in the JSON, newest first, with their evidence file ids.
GUIDANCE_SOURCES = {"ectrims2025": "ectrims2025_guidance", "nmss2021": "nmss2021_guidance"}
NMSS = "nmss2021"
ECTRIMS = "ectrims2025"

#: The points of each statement, in the order shown.
POINT_CODES = ("age", "edss", "disease_duration", "course", "prior_high_efficacy")

#: How a profile value compares with one point of a statement.
FIT_CODES = (
    "under",               # the profile's value is under the statement's limit
    "not_under",           # it is at or above the limit
    "not_given",           # an optional profile field was left empty
    "not_asked",           # the aid does not ask for this (previous high-efficacy treatment)
    "no_limit",            # the statement gives no limit for this point
    "about_this_type",     # the statement is about this type of MS
    "only_with_activity",  # progressive MS: only with signs of inflammatory activity (ECTRIMS)
    "about_relapsing_only",  # the statement is about relapsing MS only (NMSS)
)

#: Types of MS for which ECTRIMS/EBMT says the benefit is less clear.
LESS_CLEAR_COURSES = ("ppms", "spms")


@dataclass(frozen=True)
class GuidancePoint:
    code: str  # one of POINT_CODES
    fit: str  # one of FIT_CODES
    value: float | str | None = None  # the profile's value (None: not given, or not asked)
    threshold: float | None = None  # the statement's limit, from the evidence figure below
    unit: str | None = None
    figure: str | None = None  # evidence figure name of the threshold
    checked_against: str | None = None
    relapses: int | None = None  # course points: relapses in the past year as given (None: not given)
    condition: str | None = None  # ECTRIMS, progressive MS: what the statement requires (data text)
    less_clear: bool = False  # ECTRIMS: the statement says the benefit is less clear for this type

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "fit": self.fit, "value": self.value, "threshold": self.threshold,
                "unit": self.unit, "figure": self.figure, "checked_against": self.checked_against}


@dataclass(frozen=True)
class GuidanceFit:
    id: str  # the statement's id in the JSON (ectrims2025, nmss2021)
    source: str  # its evidence file id
    short_name: str
    statement: str  # the paraphrase in the evidence file (data text)
    citation: str
    published_year: int | None
    points: tuple[GuidancePoint, ...]

    def point(self, code: str) -> GuidancePoint:
        return next(p for p in self.points if p.code == code)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "short_name": self.short_name,
                "published_year": self.published_year, "statement": self.statement, "citation": self.citation,
                "points": [p.as_dict() for p in self.points]}


def guidance_source(model: Model, guidance_id: str = NMSS) -> Source:
    """The evidence file of one statement, by its id (``ectrims2025`` or ``nmss2021``)."""
    try:
        return model.evidence.get(GUIDANCE_SOURCES[guidance_id])
    except KeyError:
        raise LookupError(f"unknown guidance {guidance_id!r}; known: {', '.join(GUIDANCE_SOURCES)}") from None


def guidance_fit(model: Model, profile: Profile, guidance_id: str = NMSS) -> GuidanceFit:
    """The profile beside one statement, point by point (the NMSS statement unless another is named)."""
    source = guidance_source(model, guidance_id)
    build = _ectrims_points if guidance_id == ECTRIMS else _nmss_points
    return GuidanceFit(guidance_id, source.id, source.short_name, source.text("statement"), source.full_citation,
                       source.raw.get("published_year"), tuple(build(model, source, profile)))


def guidance_fits(model: Model, profile: Profile) -> tuple[GuidanceFit, ...]:
    """Both statements, newest first."""
    return tuple(guidance_fit(model, profile, guidance_id) for guidance_id in GUIDANCE_SOURCES)


def _threshold(source: Source, figure_name: str, code: str, value: float | None) -> GuidancePoint:
    figure = source.figure(figure_name)
    if value is None:
        fit = "not_given"
    else:
        fit = "under" if value < figure.value else "not_under"
    return GuidancePoint(code, fit, value, figure.value, figure.unit, figure_name, figure.checked_against)


def _nmss_points(model: Model, source: Source, profile: Profile) -> list[GuidancePoint]:
    if profile.course in model.relapsing_courses:
        course = GuidancePoint("course", "about_this_type", profile.course, relapses=profile.relapses_past_year)
    else:
        course = GuidancePoint("course", "about_relapsing_only", profile.course)
    return [
        _threshold(source, "candidate_age_below", "age", profile.age),
        GuidancePoint("edss", "no_limit", profile.edss),
        _threshold(source, "candidate_duration_below", "disease_duration", profile.disease_duration_years),
        course,
        GuidancePoint("prior_high_efficacy", "not_asked"),
    ]


def _ectrims_points(model: Model, source: Source, profile: Profile) -> list[GuidancePoint]:
    relapses = profile.relapses_past_year
    if profile.course in model.relapsing_courses:
        course = GuidancePoint("course", "about_this_type", profile.course, relapses=relapses)
    else:
        course = GuidancePoint("course", "only_with_activity", profile.course, relapses=relapses,
                               condition=source.text("progressive_requires"),
                               less_clear=profile.course in LESS_CLEAR_COURSES)
    failed = source.figure("min_high_efficacy_dmts_failed")
    return [
        _threshold(source, "candidate_age_below", "age", profile.age),
        _threshold(source, "candidate_edss_below", "edss", profile.edss),
        _threshold(source, "candidate_duration_below", "disease_duration", profile.disease_duration_years),
        course,
        GuidancePoint("prior_high_efficacy", "not_asked", None, failed.value, failed.unit, failed.name,
                      failed.checked_against),
    ]
