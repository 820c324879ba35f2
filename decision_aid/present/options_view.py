""""Your options": AHSCT and drug treatment side by side, in words and pictures, per audience.

Built from :mod:`decision_aid.context.options` (which studies apply to the profile's type of MS,
their evidence figures). Both options are shown in the same format: where the source gives a count
or a percentage for both groups, an icon array of 100 for each, the same size, colour and mark;
where it gives a rate, the same words for both; where it gives only a hazard ratio, one sentence
in plain words ("about half the rate of confirmed worsening"). Each outcome carries its
definition and time frame beside the numbers, each study its population and follow-up. Group
results are never turned into a personal figure for the alternative, and what is not known (no
comparison in primary progressive MS, a figure missing from the source) is said as plainly as what
is. The clinician view adds the hazard ratios with their intervals, the citation and what each
figure was checked against.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .. import palette
from ..context.options import (HR_CODES, ArmResult, HazardRatio, Options, OptionStudy, Quantity, StudyOutcome,
                               TimeFrame, hazard_ratio_words, options_for)
from ..model import Estimate, Model, Profile
from . import wording
from .audience import Audience
from .graphics import Glyph, IconArray, LegendEntry, Mark
from .i18n import N_, _
from .trial_view import matches_text, unmet_text

#: A hazard ratio in words, by the code of :func:`decision_aid.context.options.hazard_ratio_words`.
HR_WORDS = {
    "less_than_a_tenth_the_rate": N_("less than a tenth the rate"),
    "about_a_tenth_the_rate": N_("about a tenth the rate"),
    "about_a_fifth_the_rate": N_("about a fifth the rate"),
    "about_a_quarter_the_rate": N_("about a quarter the rate"),
    "about_a_third_the_rate": N_("about a third the rate"),
    "about_half_the_rate": N_("about half the rate"),
    "about_two_thirds_the_rate": N_("about two thirds the rate"),
    "about_three_quarters_the_rate": N_("about three quarters the rate"),
    "about_the_same_rate": N_("about the same rate"),
    "about_one_and_a_half_times_the_rate": N_("about one and a half times the rate"),
    "about_twice_the_rate": N_("about twice the rate"),
    "about_three_times_the_rate": N_("about three times the rate"),
    "about_four_times_the_rate": N_("about four times the rate"),
    "about_five_times_the_rate": N_("about five times the rate"),
    "about_ten_times_the_rate": N_("about ten times the rate"),
    "more_than_ten_times_the_rate": N_("more than ten times the rate"),
}
assert set(HR_WORDS) == set(HR_CODES)

#: Outcome codes of the evidence files' comparison blocks: (the outcome as a noun, for hazard
#: ratios; what the people marked in an icon array had; what the others had).
OUTCOME_WORDS = {
    "disability_progression": (N_("confirmed worsening"), N_("disability got worse"), N_("did not get worse")),
    "disability_worsening": (N_("confirmed worsening"), N_("disability got worse"), N_("did not get worse")),
    "disability_improvement": (N_("improvement"), N_("disability got better"), N_("did not get better")),
    "free_of_progression": (N_("staying free of worsening"), N_("free of worsening"), N_("got worse")),
    "relapse": (N_("relapses"), N_("had a relapse"), N_("had none")),
    "mri_activity": (N_("new MRI activity"), N_("had new MRI activity"), N_("had no new MRI activity")),
    "annualised_relapse_rate": (N_("relapses"), N_("had a relapse"), N_("had none")),
    "edss_change": (N_("EDSS change"), N_("EDSS got worse"), N_("EDSS did not get worse")),
}
GENERIC_OUTCOME = (N_("this outcome"), N_("had this outcome"), N_("did not"))

#: When an outcome was counted, by TimeFrame kind: (clinician, patient).
TIME_FRAME_WORDS = {
    "at": (N_("at {amount}"), N_("at {amount}")),
    "over": (N_("over {amount}"), N_("over {amount}")),
    "up_to": (N_("over up to {amount}"), N_("over up to {amount}")),
    "at_least": (N_("over at least {amount}"), N_("over at least {amount}")),
    "median_follow_up": (N_("median follow-up {amount}"), N_("typical follow-up {amount}")),
    "during_follow_up": (N_("during follow-up"), N_("during follow-up")),
}

#: What the view says besides the numbers, by note code of the context core.
NOTES = {
    "group_results": N_("These are results for groups of people in studies. They do not say what would happen "
                        "to you with either treatment."),
    "definitions_differ": N_("Each study measured its results in its own way and over its own time. So the "
                             "numbers of one study cannot be compared with those of another."),
    "no_comparison": N_("No study in this aid has compared AHSCT with drug treatment for this type of MS."),
    "no_comparison_ppms": N_("No study has compared AHSCT with drug treatment in primary progressive MS. So it is "
                             "not known how AHSCT compares with drugs for this type of MS."),
    "drug_trial_only": N_("The ORATORIO trial shows what a drug (ocrelizumab) did compared with a dummy treatment. "
                          "It tells nothing about AHSCT."),
    "prms_nearest": N_("No study has compared AHSCT with drug treatment in progressive-relapsing MS. This is an "
                       "older name for MS that gets worse from the start and also has relapses. The nearest studies "
                       "are of progressive MS, most of it secondary progressive."),
    "activity_active": N_("You had a relapse in the past year. Of the two studies, the one of active MS describes "
                          "people like you more closely."),
    "activity_low": N_("You had no relapse in the past year. Of the two studies, the one whose people had low relapse "
                       "activity (its relapse rate is given) describes people like you more closely."),
    "activity_not_given": N_("Relapses in the past year were not given, so it cannot be told which of the two "
                             "studies describes people like you more closely. Both are shown."),
    "mri_not_asked": N_("Activity can also show on MRI scans; new MRI activity in the past year was not given."),
}
#: Notes that say what is not known: shown first and in the strongest type, as plainly as the numbers.
NOT_KNOWN_NOTES = ("no_comparison", "no_comparison_ppms", "prms_nearest")


@dataclass(frozen=True)
class ArmPanel:
    """One group's figure for one outcome, in the same format as the other group's."""

    code: str
    label: str
    headline: str  # the number: "About 5 in 100", "5.5% (3 of 55)", or "No figure"
    detail: str  # "3 of 55 people", the rate per person, or what is missing
    icons: IconArray | None  # only when every group of the outcome has a count or a share
    text_alternative: str
    known: bool


@dataclass(frozen=True)
class OutcomeView:
    code: str
    heading: str  # the outcome's definition (from the evidence file)
    time_frame: str  # "" when the source gives none
    title: str  # the definition with its time frame, shown right above the numbers
    arms: tuple[ArmPanel, ...]  # empty when only a hazard ratio is published
    comparison: str  # the hazard ratio (or relative reduction) in plain words ("" without one)
    hazard_ratio: str  # clinician: "HR 0.07 (95% CI 0.02 to 0.24), HSCT vs DMT", with p and differences; patient: ""
    legend: tuple[LegendEntry, ...]  # for the icon arrays (empty without them)
    checked: str  # clinician: what these figures were checked against

    @property
    def icon_arrays(self) -> bool:
        return any(arm.icons is not None for arm in self.arms)


@dataclass(frozen=True)
class OptionStudyView:
    id: str
    title: str
    kind: str  # randomised trial, observational comparison, or not a comparison with AHSCT
    comparable: bool
    match: str  # how the study's population relates to the profile ("" when there is nothing to say)
    closer: bool | None  # describes the profile's relapse activity more closely (None: cannot tell / n.a.)
    eligibility: str  # MIST: whether the profile meets its entry criteria ("" for other studies)
    population: str
    arms: tuple[str, ...]  # each group: what it was given, how many people, how long they were followed
    follow_up: str
    facts: tuple[str, ...]
    outcomes: tuple[OutcomeView, ...]
    limits_heading: str
    limits: tuple[str, ...]
    conclusion: str
    source: str  # the citation (clinician) or the study's name (patient)
    checked: str  # clinician: "Figures checked against: abstract"; patient: ""
    findings: tuple[str, ...] = ()  # results without a figure of their own
    arm_drugs: str = ""  # which drugs a group was given (MIST's drug group)


@dataclass(frozen=True)
class OptionsView:
    audience: Audience
    heading: str
    intro: str
    not_known: tuple[str, ...]  # what is not known, said first
    notes: tuple[str, ...]  # the other notes
    note_codes: tuple[str, ...]  # every note's code, in the order of the core
    studies: tuple[OptionStudyView, ...]
    elsewhere: str  # where AHSCT's own figures are (the estimate, from studies without a comparison group)
    no_profile: str = ""  # without a valid profile: what to do (and nothing else is shown)
    choices_heading: str = ""
    choices_intro: str = ""
    choices: tuple = ()  # OptionCardView: AHSCT and each drug option, in the same format
    studies_heading: str = ""
    elsewhere_on_paper: str = ""  # the same as ``elsewhere``, for the printed sheet

    @property
    def study_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.studies)

    def study(self, study_id: str) -> OptionStudyView:
        return next(s for s in self.studies if s.id == study_id)

    def texts(self) -> tuple[str, ...]:
        """Every text of the view (for tests and the readability report)."""
        found = [self.heading, self.intro, *self.not_known, *self.notes, self.elsewhere, self.choices_heading,
                 self.choices_intro, self.studies_heading]
        for card in self.choices:
            found += card.texts()
        for study in self.studies:
            found += [study.title, study.kind, study.match, study.eligibility, study.population, *study.arms,
                      study.follow_up, *study.facts, study.limits_heading, *study.limits, study.conclusion,
                      study.source, study.checked, *study.findings, study.arm_drugs]
            for outcome in study.outcomes:
                found += [outcome.title, outcome.comparison, outcome.hazard_ratio,
                          outcome.checked, *(e.text for e in outcome.legend)]
                for arm in outcome.arms:
                    found += [arm.label, arm.headline, arm.detail, arm.text_alternative]
        return tuple(t for t in found if t)


# -- words for the core's objects (also the JSON's texts) ----------------------------------------

def time_frame_text(frame: TimeFrame, audience: Audience = Audience.CLINICIAN) -> str:
    """"median follow-up 2 years" (clinician), "typical follow-up 2 years" (patient)."""
    clinician_words, patient_words = TIME_FRAME_WORDS[frame.kind]
    template = clinician_words if audience.clinician else patient_words
    if frame.length is None:
        return _(template)
    amount = _("{value} {unit}", value=wording.number(frame.length.value), unit=_(frame.length.unit))
    return _(template, amount=amount)


def arm_result_text(arm: ArmResult) -> str:
    """The JSON's text of one group's figure, e.g. "3 of 55 (about 5 in 100)"."""
    if arm.kind == "count":
        return _("{count} ({in_hundred})", count=wording.of_phrase(arm.value.value, arm.patients.value),
                 in_hundred=wording.count_phrase(arm.share))
    if arm.kind == "share":
        return _("{percent} ({in_hundred})", percent=wording.published_percent(arm.value.value),
                 in_hundred=wording.count_phrase(arm.share))
    if arm.kind == "mean":
        return _("mean EDSS {before} before, {after} after 1 year", before=wording.number(arm.value.value),
                 after=wording.number(arm.after.value))
    return _("{rate} {unit} ({per_hundred} per 100 people per year)", rate=wording.number(arm.value.value),
             unit=_(arm.value.unit), per_hundred=wording.per_hundred_number(arm.per_hundred))


def hazard_ratio_text(hr: HazardRatio) -> str:
    """The JSON's text of a hazard ratio: "about half the rate", or, where the interval includes 1,
    "no clear difference (the result fits anything from ... to ...)"."""
    if hr.clear_difference:
        return _(HR_WORDS[hr.words])
    if hr.ci_words is None:
        return _("{words} (no interval published)", words=_(HR_WORDS[hr.words]))
    low, high = (_(HR_WORDS[w]) for w in hr.ci_words)
    return _("no clear difference (the result fits anything from {low} to {high})", low=low, high=high)


def note_text(code: str) -> str:
    return _(NOTES[code])


# -- one outcome ----------------------------------------------------------------------------------

def _outcome_words(code: str) -> tuple[str, str, str]:
    return tuple(_(text) for text in OUTCOME_WORDS.get(code, GENERIC_OUTCOME))


def _arm_label(study: OptionStudy, code: str) -> str:
    return wording.data_text(next(a.label for a in study.arms if a.code == code))


def comparison_sentence(outcome: StudyOutcome, study) -> str:
    """The hazard ratio in plain words: "With AHSCT: about half the rate of confirmed worsening seen
    with other MS drugs (disease-modifying therapies).", or no clear difference. A published relative
    reduction ("24% lower") reads the same way: a reduction r is a ratio of 1 - r."""
    hr = outcome.hazard_ratio
    noun = _outcome_words(outcome.code)[0]
    if hr is None:
        reduction = outcome.relative_reduction
        if reduction is None:
            return ""
        first, second = (wording.lower_first(_short_label(wording.data_text(study.arm_label(code))))
                         for code in reduction.compares)
        ratios = sorted({HR_WORDS[hazard_ratio_words(1 - q.value)] for q in reduction.values})
        return _("With {treatment}: {rate} of {outcome} seen with {other}.", treatment=first,
                 rate=_(" to ").join(_(r) for r in ratios), outcome=noun, other=second)
    # The groups' short names (without the bracketed details, which the columns and the list of
    # groups give): a sentence that reads in one breath.
    first, second = (wording.lower_first(_short_label(wording.data_text(study.arm_label(code))))
                     for code in hr.compares)
    if hr.clear_difference or hr.ci_words is None:
        return _("With {treatment}: {rate} of {outcome} seen with {other}.", treatment=first,
                 rate=_(HR_WORDS[hr.words]), outcome=noun, other=second)
    low, high = (_(HR_WORDS[w]) for w in hr.ci_words)
    return _("The study found no clear difference in {outcome} between {treatment} and {other}. Its result fits "
             "anything from {low} to {high} seen with {other}.", outcome=noun, treatment=first, other=second,
             low=low, high=high)


def _short_label(label: str) -> str:
    """"A different MS drug (of higher efficacy or another class)" -> "A different MS drug"."""
    short = label.split(" (", 1)[0].strip()
    return short or label


def p_value_text(p: Quantity | None) -> str:
    """"p = 0.09", "p < 0.001" ("" without a p value)."""
    if p is None:
        return ""
    # As published: at least two decimals ("p = 0.50", "p = 0.09", "p = 0.0321").
    decimals = max(2, len(f"{p.value:.6f}".rstrip("0").split(".")[1]))
    if p.kind == "p_value_below":
        return _("p < {value}", value=wording.number(p.value, decimals))
    return _("p = {value}", value=wording.number(p.value, decimals))


def ratio_text(hr: HazardRatio) -> str:
    """"HR 0.07 (95% CI 0.02 to 0.24)" or "rate ratio 0.45 (95% CI 0.32 to 0.63)"."""
    numbers = wording.hazard_ratio_text(hr.value, hr.ci)
    if hr.ratio_kind == "rate_ratio":
        return _("rate ratio {ratio}", ratio=numbers)
    return _("HR {ratio}", ratio=numbers)


def outcome_numbers(outcome: StudyOutcome, label) -> str:
    """The clinician's line of numbers: the ratio with both groups, the p value, a difference.
    ``label`` gives a group's name by its code."""
    parts = []
    hr = outcome.hazard_ratio
    if hr is not None:
        first, second = (label(code) for code in hr.compares)
        parts.append(_("{ratio}, {first} vs {second}", ratio=ratio_text(hr), first=first, second=second))
    if outcome.relative_reduction is not None:
        first, second = (wording.lower_first(label(code)) for code in outcome.relative_reduction.compares)
        parts.append(_("{percents} lower with {first} than with {second}", first=first, second=second,
                       percents=_(" and ").join(wording.published_percent(q.value)
                                                for q in outcome.relative_reduction.values)))
    if outcome.difference is not None:
        d = outcome.difference.value
        parts.append(_("difference {value} {unit} ({interval})", value=wording.number(d.value),
                       unit=wording.data_text(d.unit),
                       interval=_("95% CI {lower} to {upper}", lower=wording.number(d.ci[0]),
                                  upper=wording.number(d.ci[1])) if d.ci else ""))
    p = p_value_text(outcome.p_value)
    if p:
        parts.append(p)
    return _("; ").join(parts)


def _hazard_ratio_numbers(outcome: StudyOutcome, study: OptionStudy) -> str:
    return outcome_numbers(outcome, lambda code: _arm_label(study, code))


def _arm_panel(arm: ArmResult, outcome: StudyOutcome, with_icons: bool, audience: Audience) -> ArmPanel:
    marked, others = _outcome_words(outcome.code)[1:]
    icons = None
    if arm.kind == "count":
        count = wording.of_phrase(arm.value.value, arm.patients.value)
        if audience.clinician:
            headline, detail = _("{percent} ({count})", percent=wording.percent(arm.share), count=count), _(
                "{count} people", count=count)
        else:
            headline, detail = wording.sentence_case(wording.count_phrase(arm.share)), _("{count} people",
                                                                                         count=count)
    elif arm.kind == "share":
        headline = wording.published_percent(arm.value.value) if audience.clinician else wording.sentence_case(
            wording.count_phrase(arm.share))
        detail = ""
    elif arm.kind == "mean":
        decimals = None if audience.clinician else 1
        headline = _("From {before} to {after}", before=wording.number(arm.value.value, decimals),
                     after=wording.number(arm.after.value, decimals))
        detail = _("average EDSS before treatment and after 1 year")
    else:
        if audience.clinician:
            headline = _("{rate} {unit}", rate=wording.number(arm.value.value), unit=_(arm.value.unit))
            detail = _("{per_hundred} for every 100 people each year",
                       per_hundred=wording.per_hundred_number(arm.per_hundred))
        else:
            headline = _("About {count} {events} for every 100 people each year",
                         count=wording.per_hundred_whole(arm.value.value), events=_outcome_words(outcome.code)[0])
            detail = _("(one person can have more than one)")
    if with_icons and arm.in_hundred is not None:
        good = not outcome.lower_is_better
        icons = IconArray(arm.in_hundred, arm.in_hundred, palette.STABLE if good else palette.REFERENCE,
                          Mark.TICK if good else Mark.DOWN)
    label = wording.data_text(arm.label)
    alternative = _("{label}: {headline}.", label=label, headline=headline)
    if icons is not None:
        alternative = _("Icon array of 100 people, {label}: {count} marked as {marked}; the others {others}.",
                        label=label, count=icons.solid, marked=marked, others=others)
    return ArmPanel(arm.arm, label, headline, detail, icons, alternative, True)


def _missing_panel(study: OptionStudy, code: str, missing: str | None) -> ArmPanel:
    label = _arm_label(study, code)
    text = wording.data_text(missing) or _("The source used gives no figure for this group.")
    return ArmPanel(code, label, _("No figure"), text, None, _("{label}: no figure. {why}", label=label, why=text),
                    False)


def outcome_view(outcome: StudyOutcome, study: OptionStudy, audience: Audience) -> OutcomeView:
    clinician = audience.clinician
    panels: list[ArmPanel] = [_arm_panel(arm, outcome, outcome.icon_arrays, audience) for arm in outcome.arms]
    if outcome.format == "one_arm":
        # The other group in the same format: its figure is not known, and that is said as plainly.
        given = {arm.arm for arm in outcome.arms}
        compared = [a.code for a in study.arms if a.code not in given][:1]
        panels += [_missing_panel(study, code, outcome.missing) for code in compared]
    legend: tuple[LegendEntry, ...] = ()
    if outcome.icon_arrays:
        marked, others = _outcome_words(outcome.code)[1:]
        legend = (LegendEntry(Glyph.OUTCOME, marked), LegendEntry(Glyph.OTHER, others))
    checked = [wording.data_text(c) for c in outcome.checked]
    time_frame = time_frame_text(outcome.time_frame, audience) if outcome.time_frame else ""
    definition = wording.data_text(outcome.definition)
    return OutcomeView(
        code=outcome.code,
        heading=definition,
        time_frame=time_frame,
        title=_("Measured: {definition} ({time})", definition=definition, time=time_frame) if time_frame
        else _("Measured: {definition}", definition=definition),
        arms=tuple(panels),
        comparison=comparison_sentence(outcome, study),
        hazard_ratio=_hazard_ratio_numbers(outcome, study) if clinician else "",
        legend=legend,
        checked=_("Checked against: {checked}.", checked=_(", ").join(checked)) if clinician and checked else "",
    )


# -- one study ------------------------------------------------------------------------------------

def _kind(study: OptionStudy) -> str:
    if not study.compares_ahsct:
        return _("Not a comparison with AHSCT: this trial did not include AHSCT")
    if study.randomised:
        return _("Randomised trial: people were put into the two groups by chance")
    return _("Observational comparison: people were not put into groups by chance")


def _match(study: OptionStudy, audience: Audience) -> str:
    if study.population_match == "nearest":
        return _("The nearest evidence: a study of secondary progressive MS, not progressive-relapsing MS")
    if study.closer_match is True:
        return _("Of the two studies, this one describes people like you more closely") if not audience.clinician \
            else _("Of the two studies, this one matches the relapses given more closely")
    if study.closer_match is False:
        return _("Of the two studies, this one describes people like you less closely") if not audience.clinician \
            else _("Of the two studies, this one matches the relapses given less closely")
    return ""


def _eligibility(study: OptionStudy, audience: Audience) -> str:
    if study.eligibility is None:
        return ""
    if study.eligibility.meets_entry_criteria:
        if audience.clinician:
            return matches_text(study.short_name)
        return _("You match the people this trial took in. They had active relapsing-remitting MS and were put by "
                 "chance into two groups: HSCT or a different MS drug.")
    reasons = _("; ").join(unmet_text(c) for c in study.eligibility.unmet)
    if audience.clinician:
        return _("The trial's entry criteria are not all met, or cannot all be told, for this profile: {reasons}. Its "
                 "results are shown because it is the only randomised comparison for relapsing-remitting MS.",
                 reasons=reasons)
    return _("This trial may not describe people like you: {reasons}. It is shown because it is the only trial in "
             "relapsing-remitting MS that put people into groups by chance.", reasons=reasons)


def _arm_line(arm, audience: Audience) -> str:
    label = wording.data_text(arm.label)
    if arm.patients is None:
        return label
    people = wording.number(arm.patients.value)
    if arm.median_follow_up is None:
        return _("{label}: {people} people", label=label, people=people)
    amount = _("{value} {unit}", value=wording.number(arm.median_follow_up.value), unit=_(arm.median_follow_up.unit))
    if audience.clinician:
        return _("{label}: {people} people, median follow-up {amount}", label=label, people=people,
                 amount=amount)
    return _("{label}: {people} people, typical follow-up {amount}", label=label, people=people, amount=amount)


def _follow_up(frame: TimeFrame | None, audience: Audience) -> str:
    if frame is None:
        return ""
    if frame.kind == "median_follow_up":
        return wording.sentence_case(time_frame_text(frame, audience))
    return _("Follow-up: {time}", time=time_frame_text(frame, audience))


def fact_text(fact, audience: Audience) -> str:
    """"Average age: 36 years", "Women: 73 patients", "With recent disability progression: about 28 in
    100", "56 of 946 ..."."""
    label = wording.sentence_case(wording.data_text(fact.label))
    q = fact.quantity
    if fact.of is not None:
        return _("{count} {label}", count=wording.of_phrase(q.value, fact.of.value), label=wording.data_text(fact.label))
    if q.kind == "probability":
        value = wording.published_percent(q.value) if audience.clinician else wording.count_phrase(q.value)
        return _("{label}: {value}", label=label, value=value)
    return _("{label}: {value} {unit}", label=label, value=wording.number(q.value), unit=_(q.unit))


def _arm_drugs_text(study: OptionStudy) -> str:
    drugs = study.arm_drugs
    if drugs is None:
        return ""
    listed = _(", ").join(_("{drug} {count}", drug=wording.data_text(name), count=wording.number(q.value))
                          for name, q in drugs.drugs)
    text = _("{label}: {drugs}.", label=wording.data_text(drugs.label), drugs=listed)
    return f"{text} {wording.data_text(drugs.missing)}" if drugs.missing else text


def _study_checked(study: OptionStudy) -> str:
    found = set()
    for outcome in study.outcomes:
        found |= set(outcome.checked)
    found |= {a.patients.checked_against for a in study.arms if a.patients}
    found |= {f.quantity.checked_against for f in study.facts}
    if study.arm_drugs:
        found |= {q.checked_against for _name, q in study.arm_drugs.drugs}
    return _("Figures checked against: {checked}.",
             checked=_(", ").join(sorted(wording.data_text(c) for c in found))) if found else ""


def study_view(study: OptionStudy, audience: Audience) -> OptionStudyView:
    clinician = audience.clinician
    facts = tuple(fact_text(f, audience) for f in study.facts)
    title = wording.data_text(study.short_name)
    source = study.citation if clinician else _("Source: {name}", name=title)
    return OptionStudyView(
        id=study.id,
        title=title,
        kind=_kind(study),
        comparable=study.comparable,
        match=_match(study, audience),
        closer=study.closer_match,
        eligibility=_eligibility(study, audience),
        population=_("Who took part: {population}", population=wording.data_text(study.population)),
        arms=tuple(_arm_line(a, audience) for a in study.arms),
        follow_up=_follow_up(study.follow_up, audience),
        facts=facts,
        outcomes=tuple(outcome_view(o, study, audience) for o in study.outcomes),
        limits_heading=_("Limits of this study"),
        limits=tuple(wording.data_text(limit) for limit in study.limits),
        conclusion=_("The authors concluded that their study \u201c{quote}\u201d.",
                     quote=wording.data_text(study.conclusion))
        if study.conclusion else "",
        source=source,
        checked=_study_checked(study) if clinician else "",
        findings=tuple(wording.data_text(t) for t in study.findings),
        arm_drugs=_arm_drugs_text(study),
    )


def options_view(model: Model, profile: Profile | None, audience: Audience | str,
                 result: Estimate | None = None) -> OptionsView:
    """"Your options" for a validated profile: the options side by side in the same format (AHSCT
    with this estimate's early-death figures when ``result`` is given), then the studies that compare
    AHSCT with drug treatment, in words."""
    from .drug_options_view import option_cards

    audience = Audience.parse(audience)
    if profile is None:
        return OptionsView(audience, _("Your options: AHSCT or drug treatment"), "", (), (), (), (), "",
                           _("Enter a valid profile to see the options side by side and the studies that compare "
                             "AHSCT with drug treatment for its type of MS."))
    options = options_for(model, profile)
    view = options_words(options, audience)
    return dataclasses.replace(
        view, choices=option_cards(model, profile, result, audience),
        choices_heading=_("The options side by side"),
        choices_intro=_("Each option in the same format: what it is, how it is given, what it did in its main study "
                        "against that study's own comparison group, and its main harms. The drugs' trials compared "
                        "them with placebo or another drug, not with AHSCT.") if audience.clinician
        else _("Each option is shown in the same way: what it is, how it is given, what it did in its main study, "
               "and its main harms. Each drug was tested against a dummy treatment or another drug, not against "
               "AHSCT: the comparison is named beside each result."))


def options_words(options: Options, audience: Audience) -> OptionsView:
    course = wording.course_name(options.course)
    not_known = tuple(note_text(c) for c in options.notes if c in NOT_KNOWN_NOTES)
    notes = tuple(note_text(c) for c in options.notes if c not in NOT_KNOWN_NOTES)
    return OptionsView(
        audience=audience,
        heading=_("Your options: AHSCT or drug treatment"),
        intro=_("For {course}: what studies found with AHSCT and with drug treatment, side by side. For each study "
                "you can see who took part, how long they were followed and what was measured.", course=course),
        not_known=not_known,
        notes=notes,
        note_codes=options.notes,
        studies=tuple(study_view(s, audience) for s in options.studies),
        elsewhere=_("Your personal estimate for AHSCT is on the tab \u201cYour estimate\u201d. It comes from a study "
                    "in which everyone had AHSCT. That study had no group on drugs to compare with."),
        elsewhere_on_paper=_("Your personal estimate for AHSCT is on the first page of this summary. It comes from a "
                             "study in which everyone had AHSCT. That study had no group on drugs to compare with."),
        studies_heading=_("Studies that compared AHSCT with drug treatment"),
    )
