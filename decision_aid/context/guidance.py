"""Both guidance statements beside the profile, criterion by criterion (never a verdict).

EVIDENCE.md "Guidance, point by point": ECTRIMS/EBMT 2025 (E1 to E8) and the US National MS
Society 2021 (N1 to N6). Each criterion is read from its evidence file (``criteria``: an id, a code,
what the guidance says as a data text, what it was checked against, and the figure of its limit
where it has one) and compared with the profile: :data:`MEETS`, :data:`DOES_NOT_MEET` or
:data:`NOT_KNOWN` (an answer the profile leaves empty, or one this aid does not ask), with a
``reason`` code and the profile fields still missing. The rows are never added up: there is no
verdict. :func:`core_status` says only whether any of the core criteria (E1/E3 or N2/N3: MS active
despite a high-efficacy drug, or such drugs not possible) is met; the estimate tab says so in one
calm sentence when none is. The words are made by :mod:`decision_aid.present.guidance_view`.

Both statements are chosen by id, never by position among the guidance files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from ..evidence import Source
from ..model import Model, Profile

#: Guidance statements by the id used in the JSON, newest first, with their evidence file ids.
GUIDANCE_SOURCES = {"ectrims2025": "ectrims2025_guidance", "nmss2021": "nmss2021_guidance"}
NMSS = "nmss2021"
ECTRIMS = "ectrims2025"

MEETS, DOES_NOT_MEET, NOT_KNOWN = "meets", "does_not_meet", "not_known"
STATUSES = (MEETS, DOES_NOT_MEET, NOT_KNOWN)

#: The core criteria: MS active despite a high-efficacy drug, or such drugs not possible.
CORE_CRITERIA = ("E1", "E3", "N2", "N3")

#: Why a criterion has its status (the words for each are in present/guidance_view.py).
REASONS = (
    "under", "not_under", "not_given",  # a limit from the evidence file (age, EDSS, disease duration)
    "answer_yes", "answer_no", "answer_missing",  # a yes / no answer of the profile
    "no_previous_drug",  # no previous disease-modifying drug: none can have failed
    "not_relapsing_remitting", "relapsing_remitting", "not_relapsing",  # the type of MS
    "active", "not_active", "activity_unclear",  # relapses and MRI activity (E2, E7)
    "not_asked",  # the aid does not ask this (rapidly evolving severe MS)
    "about_the_centre",  # not about the profile (N6)
)


@dataclass(frozen=True)
class GuidancePoint:
    id: str  # E1 ... E8, N1 ... N6
    code: str  # the criterion's code in the evidence file (indication, age, ...)
    status: str  # one of STATUSES
    reason: str  # one of REASONS
    says: str  # what the guidance says (data text)
    checked_against: str  # what that was checked against
    value: float | str | None = None  # the profile's value the criterion speaks of (None: not given)
    threshold: float | None = None  # the criterion's limit, from the evidence figure below
    unit: str | None = None
    figure: str | None = None  # evidence figure name of the limit
    missing: tuple[str, ...] = ()  # profile fields left empty that would decide it
    relapses: int | None = None  # relapses in the past year as given (E2, E7)
    mri: str | None = None  # new MRI activity as given (E2, E7)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "code": self.code, "status": self.status, "reason": self.reason,
                "value": self.value, "threshold": self.threshold, "unit": self.unit, "figure": self.figure,
                "checked_against": self.checked_against, "missing": list(self.missing)}


@dataclass(frozen=True)
class GuidanceFit:
    id: str  # the statement's id in the JSON (ectrims2025, nmss2021)
    source: str  # its evidence file id
    short_name: str
    statement: str  # the paraphrase in the evidence file (data text)
    citation: str
    published_year: int | None
    points: tuple[GuidancePoint, ...]

    def point(self, point_id: str) -> GuidancePoint:
        return next(p for p in self.points if p.id == point_id)

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
    """The profile beside one statement, criterion by criterion (the NMSS statement unless another is named)."""
    source = guidance_source(model, guidance_id)
    points = []
    for criterion in source.raw["criteria"]:
        point = _compare(source, criterion, profile, model)
        if point is not None:
            points.append(point)
    return GuidanceFit(guidance_id, source.id, source.short_name, source.text("statement"), source.full_citation,
                       source.raw.get("published_year"), tuple(points))


def guidance_fits(model: Model, profile: Profile) -> tuple[GuidanceFit, ...]:
    """Both statements, newest first."""
    return tuple(guidance_fit(model, profile, guidance_id) for guidance_id in GUIDANCE_SOURCES)


def core_status(fits: tuple[GuidanceFit, ...]) -> tuple[str, tuple[str, ...]]:
    """(:data:`MEETS` if any core criterion is met, else :data:`NOT_KNOWN` if any cannot be told,
    else :data:`DOES_NOT_MEET`; the profile fields that would tell, in order)."""
    core = [p for fit in fits for p in fit.points if p.id in CORE_CRITERIA]
    if any(p.status == MEETS for p in core):
        return MEETS, ()
    missing = tuple(dict.fromkeys(field for p in core for field in p.missing))
    return (NOT_KNOWN if any(p.status == NOT_KNOWN for p in core) else DOES_NOT_MEET), missing


# -- each criterion -------------------------------------------------------------------------------

def _compare(source: Source, criterion: Mapping, profile: Profile, model: Model) -> GuidancePoint | None:
    """The criterion beside the profile; None where it does not speak of this profile (E7 about
    progressive MS for relapsing MS, E8 about a first treatment after previous drugs)."""
    compare = _COMPARE[criterion["code"]]
    found = compare(source, criterion, profile, model)
    if found is None:
        return None
    status, reason, extra = found
    base = {"id": criterion["id"], "code": criterion["code"], "status": status, "reason": reason,
            "says": criterion["text"], "checked_against": criterion["checked_against"]}
    return GuidancePoint(**base, **extra)


def _limit(source: Source, criterion: Mapping, value: float | None, field: str):
    figure = source.figure(criterion["figure"])
    extra = {"value": value, "threshold": figure.value, "unit": figure.unit, "figure": figure.name}
    if value is None:
        return NOT_KNOWN, "not_given", {**extra, "missing": (field,)}
    return (MEETS, "under", extra) if value < figure.value else (DOES_NOT_MEET, "not_under", extra)


def _answer(profile: Profile, field: str, check_drugs: bool = True):
    """A yes / no answer: yes meets, no does not; without an answer, no previous drug means none can
    have failed, otherwise it is not known."""
    answer = getattr(profile, field)
    if answer == "yes":
        return MEETS, "answer_yes", {"value": answer}
    if answer == "no":
        return DOES_NOT_MEET, "answer_no", {"value": answer}
    if check_drugs and profile.prior_dmts == 0:
        return DOES_NOT_MEET, "no_previous_drug", {"value": 0}
    return NOT_KNOWN, "answer_missing", {"missing": (field,)}


def _indication(source, criterion, profile, model):
    if profile.course != "rrms":
        return DOES_NOT_MEET, "not_relapsing_remitting", {"value": profile.course}
    return _answer(profile, "high_efficacy_dmt_failed")


def _high_efficacy_failed(source, criterion, profile, model):
    return _answer(profile, "high_efficacy_dmt_failed")


def _highly_active(source, criterion, profile, model):
    """Frequent relapses (the figure: how many the aid counts as frequent) or new MRI activity; no
    relapse and no MRI activity does not meet it; anything else cannot be told from what is asked."""
    frequent = source.value(criterion["figure"])
    relapses, mri = profile.relapses_past_year, profile.mri_activity_past_year
    extra = {"relapses": relapses, "mri": mri, "threshold": frequent, "figure": criterion["figure"]}
    if (relapses is not None and relapses >= frequent) or mri == "yes":
        return MEETS, "active", extra
    if relapses == 0 and mri == "no":
        return DOES_NOT_MEET, "not_active", extra
    missing = tuple(f for f, v in (("relapses_past_year", relapses), ("mri_activity_past_year", mri)) if v is None)
    return NOT_KNOWN, "activity_unclear", {**extra, "missing": missing}


def _progressive(source, criterion, profile, model):
    """Progressive MS only with clinical (a relapse) and radiological (new MRI activity) signs."""
    if profile.course in model.relapsing_courses:
        return None
    relapses, mri = profile.relapses_past_year, profile.mri_activity_past_year
    extra = {"value": profile.course, "relapses": relapses, "mri": mri}
    if relapses == 0 or mri == "no":
        return DOES_NOT_MEET, "not_active", extra
    if relapses is not None and relapses >= 1 and mri == "yes":
        return MEETS, "active", extra
    missing = tuple(f for f, v in (("relapses_past_year", relapses), ("mri_activity_past_year", mri)) if v is None)
    return NOT_KNOWN, "activity_unclear", {**extra, "missing": missing}


def _first_line(source, criterion, profile, model):
    if profile.prior_dmts > 0:
        return None
    return NOT_KNOWN, "not_asked", {"value": 0}


def _course(source, criterion, profile, model):
    if profile.course in model.relapsing_courses:
        return MEETS, "relapsing_remitting", {"value": profile.course}
    return DOES_NOT_MEET, "not_relapsing", {"value": profile.course}


_COMPARE: dict[str, Callable] = {
    "indication": _indication,
    "highly_active": _highly_active,
    "high_efficacy_failed": _high_efficacy_failed,
    "age": lambda s, c, p, m: _limit(s, c, p.age, "age"),
    "disease_duration": lambda s, c, p, m: _limit(s, c, p.disease_duration_years, "disease_duration_years"),
    "edss": lambda s, c, p, m: _limit(s, c, p.edss, "edss"),
    "progressive": _progressive,
    "first_line": _first_line,
    "course": _course,
    "breakthrough": _high_efficacy_failed,
    "contraindicated": lambda s, c, p, m: _answer(p, "high_efficacy_dmt_contraindicated", check_drugs=False),
    "centre": lambda s, c, p, m: (NOT_KNOWN, "about_the_centre", {}),
}
