"""The MIST randomised trial in words: whether it covers the profile, and what it found.

Built from :mod:`decision_aid.context.trial` (the published counts and each unmet entry
criterion as a code). The "Your options" view shows the trial for relapsing-remitting MS with
this entry-criteria check; the command line and ``context.mist`` of the JSON use these sentences.
"""

from __future__ import annotations

from ..context.trial import TrialComparison, UnmetCriterion, mist_comparison, mist_source, mist_unmet
from ..model import Model, Profile
from . import wording
from .audience import Audience
from .i18n import _, ngettext


def unmet_text(criterion: UnmetCriterion) -> str:
    """One entry criterion the profile does not meet or that cannot be told, e.g. "the EDSS given is
    6.5 (the trial included EDSS 2.0 to 6.0)"."""
    if criterion.field == "relapses_on_treatment":
        return _on_treatment_text(criterion)
    if criterion.field == "age":
        return _("not known whether the trial took people aged {age}: its age limits are not in the sources "
                 "read, and its participants were {mean} years old on average (standard deviation {sd})",
                 age=wording.number(criterion.value), mean=wording.number(criterion.mean),
                 sd=wording.number(criterion.sd))
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


def _on_treatment_text(criterion: UnmetCriterion) -> str:
    if criterion.no_previous_drug:
        return _("no previous disease-modifying therapy is given, so the relapses cannot have happened while on "
                 "one (the trial required at least {needed} relapses while on such a drug)", needed=criterion.needed)
    if criterion.value is None:
        return _("not known whether the relapses happened while on a disease-modifying therapy (the trial required "
                 "at least {needed} relapses while on such a drug)", needed=criterion.needed)
    return _("the relapses did not happen while on a disease-modifying therapy (the trial required at least "
             "{needed} relapses while on such a drug)", needed=criterion.needed)


def unmet_texts(model: Model, profile: Profile) -> tuple[str, ...]:
    return tuple(unmet_text(c) for c in mist_unmet(model, profile))


def not_applicable_text(model: Model, profile: Profile) -> str | None:
    """Why the randomised comparison does not cover this profile, or None when it does."""
    unmet = unmet_texts(model, profile)
    if not unmet:
        return None
    return _("No randomised comparison of AHSCT with drug treatment in this aid's sources covers this profile. The "
             "one randomised trial of AHSCT among them, the {trial}, does not apply, or cannot be said to apply, "
             "because: {reasons}.",
             trial=wording.data_text(mist_source(model).short_name), reasons=_("; ").join(unmet))


def matches_text(short_name: str) -> str:
    return _("Your profile matches the entry criteria of the {trial}, which randomly assigned people with very "
             "active relapsing-remitting MS (relapses while on a disease-modifying therapy) to HSCT or to a "
             "different disease-modifying therapy.", trial=wording.data_text(short_name))


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

