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
from .estimate_view import (OutcomeCard, chart_view, early_cards, later_era_name, pfs_cards, pfs_heading,
                            study_era_name, survival_cards, survival_heading, withheld_text)
from .i18n import _, ngettext

#: Profile fields in the order a difference is named.
FIELDS = ("age", "course", "edss", "prior_dmts", "relapses_past_year", "disease_duration_years") + CHOICE_FIELDS


@dataclass(frozen=True)
class ComparisonSide:
    label: str  # what is particular to this side, e.g. "Age 38; EDSS 4.0" ("" when nothing differs)
    early: tuple[OutcomeCard, OutcomeCard]  # the two eras, as on the estimate: never one alone
    pfs: tuple[OutcomeCard, ...]  # alive without worsening at 5 years: the study's era, then the later (unless R6)
    survival: tuple[OutcomeCard, OutcomeCard]  # alive at 5 years, both eras
    heading: str = ""  # which side and what is particular to it, e.g. "Pinned: Age 38; EDSS 4.0", or "Pinned"
    pfs_withheld: str = ""  # why this side has no later cohorts' figure (R6), or ""


@dataclass(frozen=True)
class ComparisonRow:
    """One outcome in one era, pinned beside current: the heading names both (the cards' own
    headings name the era only). A side whose later figure R6 withholds has no card and says why."""

    key: str
    heading: str
    pinned: OutcomeCard | None
    current: OutcomeCard | None
    pinned_withheld: str = ""
    current_withheld: str = ""


@dataclass(frozen=True)
class PinnedCurve:
    """The pinned estimate's progression-free curves (both eras, the later one unless R6 withholds
    it), drawn beside the current ones on the chart."""

    times: np.ndarray
    estimate: np.ndarray  # the study's era: fractions on the pinned estimate's own grid (its horizon may differ)
    label: str  # the legend entry of the pinned study-era curve: the side's heading and the era
    current_label: str  # the current study-era curve's legend entry while comparing
    description: str  # its yearly values in words, both eras, for screen readers
    recent: np.ndarray | None = None  # the later cohorts' era, where shown
    recent_label: str = ""


@dataclass(frozen=True)
class ComparisonView:
    title: str
    pinned: ComparisonSide
    current: ComparisonSide
    note: str
    curve: PinnedCurve | None = None
    shared: str = ""  # what both profiles have, said once: "Both: relapsing-remitting MS; EDSS 4.0; ..."
    rows: tuple[ComparisonRow, ...] = ()  # each outcome and era, in the estimate's order


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
    return ComparisonSide(
        label=label,
        heading=heading,
        early=early_cards(result, audience),
        pfs=pfs_cards(result, audience),
        survival=survival_cards(result, audience),
        pfs_withheld=withheld_text(result),
    )


def comparison_rows(pinned: Estimate, pinned_side: ComparisonSide, current_side: ComparisonSide) \
        -> tuple[ComparisonRow, ...]:
    """Death within 100 days, alive without worsening and alive at 5 years, each era a row."""
    days, years = pinned.early_mortality_days, int(pinned.pfs.extrapolated_after)
    early = _("Death within {days} days of transplant", days=days)
    rows = [ComparisonRow(p.key, _("{outcome}: {era}", outcome=early, era=p.heading), p, c)
            for p, c in zip(pinned_side.early, current_side.early)]
    for index, era in enumerate((study_era_name(pinned), later_era_name())):
        cards = [side.pfs[index] if index < len(side.pfs) else None for side in (pinned_side, current_side)]
        if cards == [None, None]:
            continue
        rows.append(ComparisonRow(("pfs_study", "pfs_recent")[index],
                                  _("{outcome}: {era}", outcome=pfs_heading(years), era=era), *cards,
                                  pinned_side.pfs_withheld if cards[0] is None else "",
                                  current_side.pfs_withheld if cards[1] is None else ""))
    rows += [ComparisonRow(p.key, _("{outcome}: {era}", outcome=survival_heading(years), era=p.heading), p, c)
             for p, c in zip(pinned_side.survival, current_side.survival)]
    return tuple(rows)


def pinned_curve(result: Estimate, pinned_side: ComparisonSide, current_side: ComparisonSide,
                 audience: Audience) -> PinnedCurve:
    study = wording.lower_first(study_era_name(result))
    chart = chart_view(result, audience)
    recent = chart.recent
    return PinnedCurve(times=result.pfs.times, estimate=result.pfs.estimate,
                       label=_("{side}, {era}", side=pinned_side.heading, era=study),
                       current_label=_("{side}, {era}", side=current_side.heading, era=study),
                       description=_("{label}: {values}", label=pinned_side.heading,
                                     values=chart.description),
                       recent=None if recent is None else recent.estimate,
                       recent_label="" if recent is None else _("{side}, {era}", side=pinned_side.heading,
                                                                era=wording.lower_first(recent.label)))


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
        rows=comparison_rows(pinned, pinned_side, current_side),
    )
