"""What if: a pinned estimate beside the current one, labelled by what differs.

A neurologist pins the estimate for the profile as it is ("Compare with..."), changes the age, the
EDSS or the number of previous treatments, and both are shown side by side in the same format:
two curves, two sets of icon arrays and the numbers in words, each labelled by the values that
differ. Both are estimates of the same model; neither is "the" answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Estimate, Profile
from . import wording
from .audience import Audience
from .estimate_view import OutcomeCard, early_card, pfs_card
from .i18n import _, ngettext

#: Profile fields in the order a difference is named.
FIELDS = ("age", "course", "edss", "prior_dmts", "relapses_past_year", "disease_duration_years")


@dataclass(frozen=True)
class ComparisonSide:
    label: str  # what is particular to this side, e.g. "Age 38; EDSS 4.0"
    early: tuple[OutcomeCard, OutcomeCard]  # the two eras, as on the estimate: never one alone
    pfs: OutcomeCard


@dataclass(frozen=True)
class ComparisonView:
    title: str
    pinned: ComparisonSide
    current: ComparisonSide
    note: str
    same_profile: bool  # nothing differs (e.g. only the horizon changed)


def field_text(profile: Profile, field: str) -> str:
    value = getattr(profile, field)
    if field == "age":
        return _("Age {age}", age=wording.number(value))
    if field == "course":
        return wording.course_name(value)
    if field == "edss":
        return _("EDSS {score}", score=wording.number(value, 1))
    if field == "prior_dmts":
        return ngettext("{count} previous treatment", "{count} previous treatments", value)
    if field == "relapses_past_year":
        return _("relapses in the past year not given") if value is None else ngettext(
            "{count} relapse in the past year", "{count} relapses in the past year", value)
    return _("years since diagnosis not given") if value is None else _(
        "{years} years since diagnosis", years=wording.number(value))


def differences(pinned: Profile, current: Profile) -> tuple[str, ...]:
    return tuple(field for field in FIELDS if getattr(pinned, field) != getattr(current, field))


def side(result: Estimate, fields: tuple[str, ...], audience: Audience) -> ComparisonSide:
    profile = result.profile
    label = _("; ").join(field_text(profile, f) for f in fields) if fields else wording.profile_sentence(profile)
    years = int(result.pfs.extrapolated_after)
    return ComparisonSide(
        label=label,
        early=(early_card("early_study", result.early_mortality, result.early_mortality_source, True,
                          result.early_mortality_days, audience),
               early_card("early_recent", result.early_mortality_recent, result.early_mortality_recent_source,
                          False, result.early_mortality_days, audience)),
        pfs=pfs_card(result.pfs_5y, years, audience),
    )


def comparison_view(pinned: Estimate, current: Estimate, audience: Audience | str) -> ComparisonView:
    audience = Audience.parse(audience)
    fields = differences(pinned.profile, current.profile)
    pinned_side, current_side = side(pinned, fields, audience), side(current, fields, audience)
    title = (_("What if: {pinned} compared with {current}", pinned=pinned_side.label, current=current_side.label)
             if fields else _("What if: the pinned estimate and the current one are for the same profile"))
    return ComparisonView(
        title=title,
        pinned=pinned_side,
        current=current_side,
        note=_("Both are estimates from the same model for two profiles; the difference shows how much these "
               "values change the numbers, not what will happen to one person."),
        same_profile=not fields,
    )
