"""Guidance in words: both statements (ECTRIMS/EBMT 2025 beside NMSS 2021), criterion by criterion.

Built from :mod:`decision_aid.context.guidance`. Each criterion (E1 to E8, N1 to N6) is one row:
what the guidance says (the evidence file's words), then "Meets", "Does not meet" or "Not known"
with what in the profile says so, or which answer is missing. The rows are never added up: the note
says that this is not a decision. The "Guidance, questions" tab and the sheet show both statements
with equal care, newest first. The one calm sentence the estimate tab and the sheet show above the
numbers when the profile meets none of the core criteria (E1/E3 or N2/N3) is in
:mod:`.guidance_core`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..context.guidance import (DOES_NOT_MEET, ECTRIMS, GUIDANCE_SOURCES, MEETS, NOT_KNOWN, GuidanceFit,
                                GuidancePoint, guidance_fits, guidance_source)
from ..model import Model, Profile
from . import wording
from .audience import Audience
from .guidance_core import core_sentence
from .i18n import N_, _, ngettext
from .worksheet_view import QuestionView, questions_view

NO_VERDICT = N_(
    "This compares the profile with each point of the guidance. It is not a decision about whether "
    "transplant is right for this person, and the points are not added up. That needs a neurologist and an "
    "experienced transplant centre.")

#: The topic of each criterion (a short name, also in the JSON), by its code in the evidence file.
TOPICS = {
    "indication": N_("Accepted indication"),
    "highly_active": N_("Highly active MS"),
    "high_efficacy_failed": N_("A high-efficacy drug has failed"),
    "age": N_("Age"),
    "disease_duration": N_("Disease duration"),
    "edss": N_("EDSS"),
    "progressive": N_("Progressive MS"),
    "first_line": N_("As a first treatment"),
    "course": N_("Type of MS"),
    "breakthrough": N_("Active despite a high-efficacy drug"),
    "contraindicated": N_("High-efficacy drugs not possible"),
    "centre": N_("The treating centre"),
}

STATUS_WORDS = {
    MEETS: N_("Meets"),
    DOES_NOT_MEET: N_("Does not meet"),
    NOT_KNOWN: N_("Not known"),
}

#: What a statement adds when the profile is not under one of its limits (statement id, criterion code).
NOT_UNDER_NOTES = {
    (ECTRIMS, "age"): N_("older people who are biologically fit are considered one by one"),
    (ECTRIMS, "edss"): N_("a higher score may be accepted when it is due to a recent relapse"),
}

#: The yes / no answers in the words of the criteria.
ANSWER_WORDS = {
    ("high_efficacy_dmt_failed", "yes"): N_("MS stayed active despite a high-efficacy drug (as entered)"),
    ("high_efficacy_dmt_failed", "no"): N_("no high-efficacy drug has failed (as entered)"),
    ("high_efficacy_dmt_contraindicated", "yes"): N_("high-efficacy drugs cannot be used (as entered)"),
    ("high_efficacy_dmt_contraindicated", "no"): N_("high-efficacy drugs can be used (as entered)"),
}

@dataclass(frozen=True)
class PointView:
    id: str  # E1 ... N6
    code: str
    topic: str
    says: str  # what the guidance says (the evidence file's words)
    status: str  # MEETS, DOES_NOT_MEET or NOT_KNOWN
    status_text: str  # "Meets", "Does not meet", "Not known"
    text: str  # what in the profile says so, or which answer is missing
    checked_against: str  # what the criterion was checked against (the clinician view shows it)

    def cells(self, clinician: bool) -> tuple[str, str, str]:
        """The row as printed: the criterion, what it says, and how the profile compares."""
        criterion = _("{id} {topic}", id=self.id, topic=self.topic) if clinician else self.topic
        says = _("{says} (checked against: {checked})", says=self.says, checked=self.checked_against) \
            if clinician else self.says
        return criterion, says, _("{status}: {text}", status=self.status_text, text=self.text)


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
    columns: tuple[str, str, str]  # the criteria table's headings
    core: str = ""  # the calm sentence when no core criterion is met ("" otherwise)

    def point_rows(self, statement: int = 0) -> tuple[tuple[str, str, str], ...]:
        """One statement's criteria as table rows (criterion, what it says, how the profile compares)."""
        if not self.statements:
            return ()
        clinician = self.audience.clinician
        return tuple(p.cells(clinician) for p in self.statements[statement].points)


# -- one criterion, in words ------------------------------------------------------------------------

def _limit_text(point: GuidancePoint) -> str:
    if point.code == "disease_duration":
        return _("{limit} years", limit=wording.number(point.threshold))
    return wording.number(point.threshold, 1) if point.code == "edss" else wording.number(point.threshold)


def _value_text(point: GuidancePoint) -> str:
    if point.code == "age":
        return _("Age {age}", age=wording.number(point.value))
    if point.code == "edss":
        return _("EDSS {edss}", edss=wording.number(point.value, 1))
    return _("Disease duration {years}", years=wording.years_phrase(point.value))


def _relapses_text(relapses: int | None) -> str:
    if relapses is None:
        return _("relapses in the past year not given")
    return ngettext("{count} relapse in the past year", "{count} relapses in the past year", relapses)


def _mri_text(mri: str | None) -> str:
    if mri is None:
        return _("new MRI activity not given")
    return _(wording.CHOICE_PHRASES["mri_activity_past_year"][mri])


def _missing_text(point: GuidancePoint) -> str:
    return _(", ").join(_(wording.FIELD_LABELS[field]) for field in point.missing)


def point_text(statement: str, point: GuidancePoint) -> str:
    """What in the profile decides one criterion (never a verdict)."""
    reason = point.reason
    if reason in ("under", "not_under"):
        what, limit = _value_text(point), _limit_text(point)
        if reason == "under":
            return _("{what}: under {limit}", what=what, limit=limit)
        note = NOT_UNDER_NOTES.get((statement, point.code))
        if note:
            return _("{what}: not under {limit} ({note})", what=what, limit=limit, note=_(note))
        return _("{what}: not under {limit}", what=what, limit=limit)
    if reason == "not_given":
        return _("input missing: {field} (guidance: under {limit})", field=_missing_text(point),
                 limit=_limit_text(point))
    if reason in ("answer_yes", "answer_no"):
        field = "high_efficacy_dmt_contraindicated" if point.code == "contraindicated" else "high_efficacy_dmt_failed"
        return wording.sentence_case(_(ANSWER_WORDS[(field, point.value)]))
    if reason == "answer_missing":
        return _("input missing: {field}", field=_missing_text(point))
    if reason == "no_previous_drug":
        return _("no previous disease-modifying drug is given, so none can have failed")
    if reason in ("relapsing_remitting", "not_relapsing_remitting", "not_relapsing"):
        course = wording.sentence_case(wording.course_name(point.value))
        if reason == "relapsing_remitting":
            return course
        if reason == "not_relapsing_remitting":
            return _("{course}: this point is about relapsing-remitting MS", course=course)
        return _("{course}: the guidance is about relapsing MS", course=course)
    if reason in ("active", "not_active", "activity_unclear"):
        return _activity_text(point)
    if reason == "not_asked":
        return _("no previous drug is given; whether the MS is severe and rapidly evolving is not asked here (ask "
                 "the neurologist)")
    return _("not about the profile: ask about the centre's experience with AHSCT")


def _activity_text(point: GuidancePoint) -> str:
    text = _("{relapses}; {mri}", relapses=_relapses_text(point.relapses), mri=_mri_text(point.mri))
    if point.code == "highly_active":
        text = _("{text} (this aid counts {count} or more relapses in a year as frequent; the guidance gives no "
                 "number, and incomplete recovery is not asked here)", text=text,
                 count=wording.number(point.threshold))
    if point.missing:
        text = _("{text}; input missing: {field}", text=text, field=_missing_text(point))
    return wording.sentence_case(text)


def point_views(fit: GuidanceFit) -> tuple[PointView, ...]:
    return tuple(PointView(p.id, p.code, _(TOPICS[p.code]), wording.data_text(p.says), p.status,
                           _(STATUS_WORDS[p.status]), point_text(fit.id, p), wording.data_text(p.checked_against))
                 for p in fit.points)


def _checked_line(fit: GuidanceFit) -> str:
    checked = sorted({wording.data_text(p.checked_against) for p in fit.points if p.checked_against})
    if not checked:
        return ""
    return _("The criteria above were checked against: {checked}.", checked=_(", ").join(checked))


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
        intro=_("Two expert statements, the newer one first; under each, how this profile compares with each of "
                "its criteria: meets, does not meet, or not known (an answer not entered).") if clinician else _(
            "Two groups of experts have written advice on who may gain from AHSCT. The newer advice comes first. "
            "Under each, a table shows how your details compare with each point: meets, does not meet, or not "
            "known because an answer was not entered."),
        fit_heading=_("How this profile compares, criterion by criterion"),
        statements=tuple(statements),
        no_profile="" if profile is not None else _("Enter a valid profile to compare it with the guidance."),
        note=_(NO_VERDICT),
        questions_heading=_("Questions to ask at the consultation") if clinician
        else _("Questions to ask at your consultation"),
        questions=questions_view(model, audience),
        columns=(_("Criterion"), _("What the guidance says"), _("This profile")) if clinician
        else (_("Point"), _("What the advice says"), _("You")),
        core=core_sentence(model, profile, audience),
    )
