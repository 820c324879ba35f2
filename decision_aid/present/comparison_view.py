"""What if: a pinned estimate beside the current one, labelled by what differs.

A neurologist pins the estimate for the profile as it is ("Compare with..."), changes the age, the
EDSS or the number of previous treatments, and both are shown side by side in the same format:
two curves, two sets of icon arrays and the numbers in words, each labelled by the values that
differ. Both are estimates of the same model; neither is "the" answer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model import Estimate, Profile
from ..model.profile import CHOICE_FIELDS
from . import wording
from .audience import Audience
from .estimate_view import OutcomeCard, early_card, pfs_card
from .i18n import _, ngettext

#: Profile fields in the order a difference is named.
FIELDS = ("age", "course", "edss", "prior_dmts", "relapses_past_year", "disease_duration_years") + CHOICE_FIELDS


@dataclass(frozen=True)
class ComparisonSide:
    label: str  # what is particular to this side, e.g. "Age 38; EDSS 4.0" ("" when nothing differs)
    early: tuple[OutcomeCard, OutcomeCard]  # the two eras, as on the estimate: never one alone
    pfs: OutcomeCard
    heading: str = ""  # which side and what is particular to it, e.g. "Pinned: Age 38; EDSS 4.0", or "Pinned"


@dataclass(frozen=True)
class PinnedCurve:
    """The pinned estimate's progression-free curve, drawn beside the current one on the chart."""

    times: np.ndarray
    estimate: np.ndarray  # fractions on the pinned estimate's own grid (its horizon may differ)
    label: str  # the legend entry: the pinned side's heading
    current_label: str  # the current curve's legend entry while comparing: the current side's heading
    description: str  # its yearly values in words, for screen readers


@dataclass(frozen=True)
class ComparisonView:
    title: str
    pinned: ComparisonSide
    current: ComparisonSide
    note: str
    curve: PinnedCurve | None = None
    shared: str = ""  # what both profiles have, said once: "Both: relapsing-remitting MS; EDSS 4.0; ..."


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
    if field in CHOICE_FIELDS:
        if value is None:
            return _("{what}: not known", what=_(wording.FIELD_LABELS[field]))
        return _(wording.CHOICE_PHRASES[field][value])
    return _("years since diagnosis not given") if value is None else _(
        "{years} years since diagnosis", years=wording.number(value))


def differences(pinned: Profile, current: Profile) -> tuple[str, ...]:
    return tuple(field for field in FIELDS if getattr(pinned, field) != getattr(current, field))


def shared_text(pinned: Profile, current: Profile, fields: tuple[str, ...]) -> str:
    """What both profiles have (the fields given in both and equal), said once for the comparison."""
    same = [field_text(current, f) for f in FIELDS if f not in fields and getattr(current, f) is not None]
    return _("Both: {profile}", profile=_("; ").join(same))


def side(result: Estimate, fields: tuple[str, ...], audience: Audience, pinned: bool = False) -> ComparisonSide:
    """One side, named by what differs only ("Pinned: Age 41"); the rest is said once
    (:func:`shared_text`), never repeated on both sides."""
    profile = result.profile
    label = _("; ").join(field_text(profile, f) for f in fields)
    if pinned:
        heading = _("Pinned: {label}", label=label) if label else _("Pinned")
    else:
        heading = _("Current: {label}", label=label) if label else _("Current")
    years = int(result.pfs.extrapolated_after)
    return ComparisonSide(
        label=label,
        heading=heading,
        early=(early_card("early_study", result.early_mortality, result.early_mortality_source, True,
                          result.early_mortality_days, audience),
               early_card("early_recent", result.early_mortality_recent, result.early_mortality_recent_source,
                          False, result.early_mortality_days, audience)),
        pfs=pfs_card(result.pfs_5y, years, audience),
    )


def pinned_curve(result: Estimate, pinned_side: ComparisonSide, current_side: ComparisonSide,
                 audience: Audience) -> PinnedCurve:
    curve = result.pfs
    cut = curve.extrapolated_after
    yearly = " ".join(_("{value}.", value=wording.curve_value_text(float(year), interval, audience.clinician,
                                                                   year > cut))
                      for year, interval in result.pfs_at.items())  # a sentence a year, as the chart's own
    return PinnedCurve(times=curve.times, estimate=curve.estimate, label=pinned_side.heading,
                       current_label=current_side.heading,
                       description=_("{label}: {values}", label=pinned_side.heading, values=yearly))


def comparison_view(pinned: Estimate, current: Estimate, audience: Audience | str) -> ComparisonView:
    audience = Audience.parse(audience)
    fields = differences(pinned.profile, current.profile)
    pinned_side, current_side = side(pinned, fields, audience, pinned=True), side(current, fields, audience)
    title = (_("What if: {pinned} compared with {current}", pinned=pinned_side.label, current=current_side.label)
             if fields else _("What if: the pinned estimate and the current one are for the same profile"))
    return ComparisonView(
        title=title,
        pinned=pinned_side,
        current=current_side,
        note=_("Both are estimates from the same model for two profiles; the difference shows how much these "
               "values change the numbers, not what will happen to one person."),
        curve=pinned_curve(pinned, pinned_side, current_side, audience),
        shared=shared_text(pinned.profile, current.profile, fields),
    )
