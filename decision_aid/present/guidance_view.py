"""Guidance in words: both statements (ECTRIMS/EBMT 2025 beside NMSS 2021), point by point.

Built from :mod:`decision_aid.context.guidance` (fit codes, the limits from the evidence files).
The fit is described, never judged: each point says how the profile compares with one point of a
statement, and the note says that this is not a decision. The "Guidance, questions" tab and the
sheet show both statements with equal care, newest first.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..context.guidance import ECTRIMS, GuidanceFit, GuidancePoint, guidance_fits, guidance_source, GUIDANCE_SOURCES
from ..model import Model, Profile
from . import wording
from .audience import Audience
from .i18n import N_, _, ngettext
from .worksheet_view import QuestionView, questions_view

NO_VERDICT = N_(
    "This compares the profile with each point of the guidance. It is not a decision about whether "
    "transplant is right for this person. That needs a neurologist and an experienced transplant centre.")

#: The topic of each point (a short name, also in the JSON).
TOPICS = {
    "age": N_("Age"),
    "edss": N_("EDSS"),
    "disease_duration": N_("Disease duration"),
    "course": N_("Type of MS"),
    "prior_high_efficacy": N_("Previous high-efficacy treatment"),
}

#: What a statement adds when the profile is not under one of its limits (statement id, point code).
NOT_UNDER_NOTES = {
    (ECTRIMS, "age"): N_("the guidance says older people are judged one by one"),
    (ECTRIMS, "edss"): N_("a higher score may be accepted after a recent relapse"),
}


@dataclass(frozen=True)
class PointView:
    code: str
    topic: str
    text: str
    checked_against: str | None  # what the limit was checked against (clinician view), None: no limit


@dataclass(frozen=True)
class StatementView:
    id: str  # ectrims2025 or nmss2021
    heading: str  # the statement's short name
    statement: str  # the paraphrase from the evidence file
    source: str  # the full citation (clinician) or "Source: ..." (patient)
    points: tuple[PointView, ...]  # empty without a valid profile
    checked: str  # clinician: what the limits were checked against; patient: ""


@dataclass(frozen=True)
class GuidanceView:
    audience: Audience
    heading: str
    intro: str
    fit_heading: str
    statements: tuple[StatementView, ...]  # newest first
    no_profile: str  # shown instead of the points without a valid profile ("" with one)
    note: str  # never a verdict
    questions_heading: str
    questions: tuple[QuestionView, ...]
    topic_heading: str  # the first column of the point-by-point table

    def point_rows(self) -> tuple[tuple[str, ...], ...]:
        """The points side by side: (topic, the first statement's point, the second's, ...), in the
        order of the first statement; empty without a valid profile."""
        if not self.statements or not self.statements[0].points:
            return ()
        rows = []
        for point in self.statements[0].points:
            cells = [point.topic]
            for statement in self.statements:
                cells.append(next((p.text for p in statement.points if p.code == point.code), ""))
            rows.append(tuple(cells))
        return tuple(rows)


def _limit_text(point: GuidancePoint) -> str:
    if point.code == "disease_duration":
        return _("{limit} years", limit=wording.number(point.threshold))
    return wording.number(point.threshold, 1) if point.code == "edss" else wording.number(point.threshold)


def _relapses_given(relapses: int | None) -> str:
    if relapses is None:
        return _("relapses in the past year not given")
    return ngettext("{count} relapse in the past year", "{count} relapses in the past year", relapses)


def _value_text(point: GuidancePoint) -> str:
    if point.code == "age":
        return _("Age {age}", age=wording.number(point.value))
    if point.code == "edss":
        return _("EDSS {edss}", edss=wording.number(point.value, 1))
    return _("Disease duration {years}", years=wording.years_phrase(point.value))


def _threshold_text(statement: str, point: GuidancePoint) -> str:
    limit = _limit_text(point)
    if point.fit == "not_given":
        return _("{topic} not given (guidance: under {limit})", topic=_(TOPICS[point.code]), limit=limit)
    what = _value_text(point)
    if point.fit == "under":
        return _("{what}: under {limit}", what=what, limit=limit)
    note = NOT_UNDER_NOTES.get((statement, point.code))
    if note:
        return _("{what}: not under {limit} ({note})", what=what, limit=limit, note=_(note))
    return _("{what}: not under {limit}", what=what, limit=limit)


def point_text(statement: str, point: GuidancePoint) -> str:
    """How the profile compares with one point of one statement, in words (never a verdict)."""
    if point.fit in ("under", "not_under", "not_given"):
        return _threshold_text(statement, point)
    if point.fit == "no_limit":
        return _("EDSS {edss}: this guidance gives no EDSS limit", edss=wording.number(point.value, 1))
    if point.fit == "not_asked":
        if point.threshold is None:
            return _("Not asked here: the guidance speaks of MS that stays active despite high-efficacy treatment, "
                     "or of reasons not to take it. Ask the neurologist.")
        return ngettext("Not asked here: the guidance speaks of at least {count} high-efficacy MS drug that did not "
                        "control the MS. Ask the neurologist.",
                        "Not asked here: the guidance speaks of at least {count} high-efficacy MS drugs that did not "
                        "control the MS. Ask the neurologist.", int(point.threshold))
    course = wording.sentence_case(wording.course_name(point.value))
    if point.fit == "about_relapsing_only":
        return _("{course}: the guidance is about relapsing MS", course=course)
    relapses = _relapses_given(point.relapses)
    if point.fit == "about_this_type":
        if statement == ECTRIMS:
            return _("{course}, {relapses}. The guidance is about very active relapsing MS.", course=course,
                     relapses=relapses)
        return _("{course}, {relapses}; the guidance speaks of substantial breakthrough activity despite "
                 "high-efficacy therapy", course=course, relapses=relapses)
    text = _("{course}, {relapses}. The guidance advises AHSCT in progressive MS only with {condition}. MRI is not "
             "asked here.", course=course, relapses=relapses, condition=wording.data_text(point.condition))
    if point.less_clear:
        text += " " + _("It says the benefit is less clear in {course}.", course=wording.course_name(point.value))
    return text


def point_views(fit: GuidanceFit) -> tuple[PointView, ...]:
    return tuple(PointView(p.code, _(TOPICS[p.code]), point_text(fit.id, p),
                            wording.data_text(p.checked_against) or None) for p in fit.points)


def _checked_line(fit: GuidanceFit) -> str:
    checked = sorted({wording.data_text(p.checked_against) for p in fit.points if p.checked_against})
    if not checked:
        return ""
    return _("The limits above were checked against: {checked}.", checked=_(", ").join(checked))


def guidance_view(model: Model, profile: Profile | None, audience: Audience | str) -> GuidanceView:
    audience = Audience.parse(audience)
    clinician = audience.clinician
    statements = []
    fits = {fit.id: fit for fit in guidance_fits(model, profile)} if profile is not None else {}
    for guidance_id in GUIDANCE_SOURCES:
        source = guidance_source(model, guidance_id)
        fit = fits.get(guidance_id)
        statements.append(StatementView(
            id=guidance_id,
            heading=wording.data_text(source.short_name),
            statement=wording.data_text(source.text("statement")),
            source=source.full_citation if clinician else _("Source: {name}",
                                                            name=wording.data_text(source.short_name)),
            points=point_views(fit) if fit else (),
            checked=_checked_line(fit) if fit and clinician else "",
        ))
    return GuidanceView(
        audience=audience,
        heading=_("What the guidance says"),
        intro=_("Two expert statements side by side, the newer one first; below them, how this profile compares "
                "with each, point by point.") if clinician else _(
            "Two groups of experts have written advice on who may gain from AHSCT. The newer advice comes first. "
            "Below them, a table shows how your details compare with each, point by point."),
        fit_heading=_("How this profile compares, point by point"),
        statements=tuple(statements),
        no_profile="" if profile is not None else _("Enter a valid profile to compare it with the guidance."),
        note=_(NO_VERDICT),
        questions_heading=_("Questions to ask at the consultation") if clinician
        else _("Questions to ask at your consultation"),
        questions=questions_view(model, audience),
        topic_heading=_("Point"),
    )
