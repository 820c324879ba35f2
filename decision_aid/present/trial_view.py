"""The MIST randomised trial in words: whether it covers the profile, and what it found.

Built from :mod:`decision_aid.context.trial` (the published counts and each unmet entry
criterion as a code). The "Your options" view shows the trial for relapsing-remitting MS with
this entry-criteria check; the command line and ``context.mist`` of the JSON use these sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import palette
from ..context.numbers import in_hundred
from ..context.trial import TrialComparison, UnmetCriterion, mist_comparison, mist_source, mist_unmet
from ..model import Model, Profile
from . import wording
from .audience import Audience
from .graphics import IconArray, Mark
from .i18n import _, ngettext


def unmet_text(criterion: UnmetCriterion) -> str:
    """One entry criterion the profile does not meet, e.g. "the EDSS given is 6.5 (the trial
    included EDSS 2.0 to 6.0)"."""
    if criterion.field == "course":
        names = _(" or ").join(wording.course_name(c) for c in criterion.courses)
        return _("the course given is {course} (the trial included only {names})",
                 course=wording.course_name(criterion.value), names=names)
    if criterion.field == "edss":
        return _("the EDSS given is {edss} (the trial included EDSS {low} to {high})",
                 edss=wording.number(criterion.value, 1), low=wording.number(criterion.low, 1),
                 high=wording.number(criterion.high, 1))
    if criterion.value is None:
        return _("relapses in the past year not given (the trial required at least {needed})",
                 needed=criterion.needed)
    return ngettext("{count} relapse in the past year given (the trial required at least {needed})",
                    "{count} relapses in the past year given (the trial required at least {needed})",
                    criterion.value, needed=criterion.needed)


def unmet_texts(model: Model, profile: Profile) -> tuple[str, ...]:
    return tuple(unmet_text(c) for c in mist_unmet(model, profile))


def not_applicable_text(model: Model, profile: Profile) -> str | None:
    """Why the randomised comparison does not cover this profile, or None when it does."""
    unmet = unmet_texts(model, profile)
    if not unmet:
        return None
    return _("No randomised comparison of AHSCT with drug treatment in this aid's sources covers this profile. The "
             "one randomised trial of AHSCT among them, the {trial}, does not apply because {reasons}.",
             trial=mist_source(model).short_name, reasons=_("; ").join(unmet))


def matches_text(short_name: str) -> str:
    return _("Your profile matches the entry criteria of the {trial}, which randomly assigned people with active "
             "relapsing-remitting MS to HSCT or to a different disease-modifying therapy.", trial=short_name)


def counts_sentence(comparison: TrialComparison) -> str:
    c = comparison.counts
    return _("Over a median of {years}, {hsct} people progressed after HSCT ({hsct_count}) compared with {dmt} on a "
             "disease-modifying therapy (DMT) ({dmt_count}).", years=wording.years_phrase(c.follow_up_years),
             hsct=wording.of_phrase(c.hsct_progressed, c.hsct_patients), hsct_count=wording.count_phrase(c.hsct_share),
             dmt=wording.of_phrase(c.dmt_progressed, c.dmt_patients), dmt_count=wording.count_phrase(c.dmt_share))


def hazard_ratio_sentence(comparison: TrialComparison) -> str:
    return _("Time to progression, HSCT vs DMT: {ratio}.",
             ratio=wording.hazard_ratio_phrase(comparison.hazard_ratio, *comparison.hr_ci))


def deaths_sentence(deaths: int) -> str:
    if deaths == 0:
        return _("There were no deaths in either group.")
    return ngettext("{count} person died during the trial.", "{count} people died during the trial.", deaths)


def comparison_sentences(comparison: TrialComparison, audience: Audience | str) -> tuple[str, ...]:
    """What the trial found, for a profile that meets its entry criteria (hazard ratio: clinician only)."""
    audience = Audience.parse(audience)
    lines = [matches_text(comparison.short_name), counts_sentence(comparison)]
    if audience.clinician:
        lines.append(hazard_ratio_sentence(comparison))
    lines.append(deaths_sentence(comparison.deaths))
    return tuple(lines)


def trial_summary(model: Model, profile: Profile) -> str:
    """One line for the command line's table: whether the trial applies, and what it found."""
    comparison = mist_comparison(model, profile)
    if comparison is None:
        return _("MIST trial: does not apply. {reason}", reason=not_applicable_text(model, profile))
    return _("MIST trial: applies. {summary}",
             summary=" ".join(comparison_sentences(comparison, Audience.CLINICIAN)[1:]))


@dataclass(frozen=True)
class TrialArmView:
    label: str
    caption: str  # "After HSCT: about 5 in 100 progressed (3 of 55 people, over a median of 2 years)"
    icons: IconArray
    name: str  # accessible name of the icon array


@dataclass(frozen=True)
class TrialView:
    """The randomised comparison for a profile that matches the trial, or why none applies."""

    audience: Audience
    heading: str
    intro: str
    arms: tuple[TrialArmView, ...]  # empty when the trial does not apply
    legend: str
    details: str
    citation: str


def trial_view(model: Model, profile: Profile | None, audience: Audience | str) -> TrialView:
    audience = Audience.parse(audience)
    source = mist_source(model)
    comparison = None if profile is None else mist_comparison(model, profile)
    arms: tuple[TrialArmView, ...] = ()
    details = ""
    if profile is None:
        intro = _("Enter a valid profile to see whether the randomised trial covers it.")
    elif comparison is None:
        intro = not_applicable_text(model, profile)
    else:
        sentences = comparison_sentences(comparison, audience)
        intro = sentences[0]
        c = comparison.counts
        years = wording.years_phrase(c.follow_up_years)
        arms = tuple(
            TrialArmView(label, _("{where}: {count} progressed ({people} people, over a median of {years})", where=label,
                                  count=wording.count_phrase(share), people=wording.of_phrase(k, n), years=years),
                         IconArray(in_hundred(share), in_hundred(share), palette.REFERENCE, Mark.DOWN), name)
            for label, share, k, n, name in (
                (_("After HSCT"), c.hsct_share, c.hsct_progressed, c.hsct_patients,
                 _("Icon array: people who progressed after HSCT, of 100")),
                (_("On a disease-modifying therapy"), c.dmt_share, c.dmt_progressed, c.dmt_patients,
                 _("Icon array: people who progressed on a disease-modifying therapy, of 100"))))
        details = " ".join(s for s in sentences[1:] if s != counts_sentence(comparison))
    return TrialView(
        audience=audience,
        heading=_("HSCT compared with drug treatment in a randomised trial"),
        intro=intro,
        arms=arms,
        legend=_("Each figure is one person in 100. Filled, with a downward arrow: their MS progressed. Outline: it "
                 "did not.") if arms else "",
        details=details,
        citation=source.full_citation,
    )
