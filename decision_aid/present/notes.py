"""The words for the model's warnings and limits (the model gives codes and numbers)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Note
from .i18n import _
from .wording import data_text, number


@dataclass(frozen=True)
class NoteView:
    """A warning as a person reads it: plain words, no internal id; the assumption it rests on
    (e.g. "A5") is kept apart so the clinician view can point to How calculated."""

    id: str
    text: str
    assumption: str | None
    qualifies: str


def note_text(note: Note) -> str:
    v = note.values
    if note.id == "age_outside_studied":
        return _("Age {age} is outside {low} to {high}: few people of this age were in the studies, so these "
                 "numbers are less certain.", age=number(v["age"]), low=number(v["studied_min"]),
                 high=number(v["studied_max"]))
    if note.id == "edss_very_high":
        return _("EDSS {edss} is {limit} or above: very few people with this level of disability were in the "
                 "study, so these numbers are less certain.", edss=number(v["edss"], 1), limit=number(v["warn_at"], 1))
    if note.id == "extrapolation":
        return _("Beyond {years} years the curve is an extrapolation: the study gives no figures for that time, "
                 "so the model continues the earlier trend, with a wider range for the uncertain shape of the "
                 "curve.", years=number(v["after_years"]))
    if note.id == "pfs_is_survival":
        return _("At EDSS {edss} a confirmed worsening of 1 point can only mean death, so the chance of being alive "
                 "without disability worsening is the chance of being alive.", edss=number(v["edss"], 1))
    if note.id == "recent_single_cohort":
        return _("After {years} years the later cohorts' curve rests on one cohort, the only one with 10-year "
                 "figures: it joins that cohort's 5- and 10-year figures rather than extrapolating.",
                 years=number(v["after_years"]))
    if note.id == "early_mortality_age":
        return _("Age is not part of these early-death figures because the studies give no figure for it.")
    if note.id == "era":
        return _("The two early-death figures come from different centres and years ({study_years} and "
                 "{recent_years}); they are shown side by side and never combined.",
                 study_years=data_text(v["study_years"]), recent_years=data_text(v["recent_years"]))
    raise KeyError(f"no words for note {note.id!r}")


def recent_withheld_text(reason: str, profile=None) -> str:
    """Why the later cohorts' curve is not shown for a progressive profile (MODEL.md R6, A22), and
    what would change it, in one sentence: where one of the two answers is given already, only
    the missing one is asked for (``profile``, when known)."""
    if reason == "no_inflammatory_activity":
        return _("Later centres treat progressive MS mainly while it still shows relapses or new MRI lesions, so "
                 "their results do not apply to this profile, which had neither in the past year.")
    relapses, mri = (getattr(profile, "relapses_past_year", None), getattr(profile, "mri_activity_past_year", None))
    if reason == "activity_not_known" and relapses is None and mri == "no":
        return _("Later centres treat progressive MS mainly while it still shows relapses or new MRI lesions; enter "
                 "the relapses in the past year to see whether their results apply to this profile.")
    if reason == "activity_not_known" and relapses == 0 and mri is None:
        return _("Later centres treat progressive MS mainly while it still shows relapses or new MRI lesions; enter "
                 "the MRI activity in the past year to see whether their results apply to this profile.")
    if reason == "activity_not_known":
        return _("Later centres treat progressive MS mainly while it still shows relapses or new MRI lesions; enter "
                 "the relapses in the past year or the MRI activity to see whether their results apply to this "
                 "profile.")
    raise KeyError(f"no words for the reason {reason!r}")


def note_view(note: Note) -> NoteView:
    return NoteView(note.id, note_text(note), note.assumption, note.qualifies)
