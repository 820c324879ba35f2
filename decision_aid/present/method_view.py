""""How was this calculated?": when the evidence was reviewed, the source studies, their figures with
what each was checked against, the assumptions, what changed in the current model and what the
estimate leaves out.

The clinician reads every figure with its notes, where it is reported and what it was checked
against, and the model's changes. The patient reads the same sources in plain words: the main
figures only, each with how it was checked in a short phrase, no notes written for developers or
reviewers (press reports, IQRs, the source's own jargon), and a list of the words used."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Estimate, Interval, Model
from ..model.later import pooled_shares
from ..model.survival import icll
from . import wording
from .review_view import review_view
from .audience import Audience
from .glossary import glossary_view
from .i18n import N_, _

FIGURE_KINDS = ("probability", "hazard_ratio", "count", "duration", "edss")

#: What changed for people reading the numbers, model 2.0 -> 3.0 (MODEL.md, "What changed from v2").
MODEL_CHANGES = (
    N_("Two eras for staying free of worsening: beside the curve from the study's transplants ({study_years}), a "
       "second curve shows what later cohorts found (Italy, Sweden, the UK and a US trial), with its own range. "
       "The two are never averaged."),
    N_("Where the later cohorts apply: in progressive MS their curve is shown only with relapses or new MRI "
       "activity in the past year, because later centres mainly treated progressive MS while it was still active."),
    N_("At EDSS 9.0 and 9.5 a confirmed worsening can only mean death, so the chance of staying free of worsening "
       "there is the chance of being alive."),
    N_("Age and survival: the chance of being alive at {years} years now falls with age, as in the general "
       "population. The early-death figure still takes into account EDSS only."),
    N_("Consistency: staying free of worsening is never more likely than being alive, at any time, and no range "
       "moves the wrong way with age."),
    N_("The study's figures for relapsing MS, progressive MS and everyone are reconciled by a joint fit, and the "
       "ranges come from {draws} quasi-random draws; their ends are shown as whole percentages."),
)


@dataclass(frozen=True)
class MethodSection:
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class MethodView:
    sections: tuple[MethodSection, ...]


#: Labels for the recent UK study's figures whose notes qualify the figure rather than name it
#: ("271 with neurological follow-up" for the number of patients, "IQR 4.0 to 6.5" for the median
#: EDSS, "5 of 364 (1.4%)" for early deaths): the line reads "label: value; notes". The primary
#: study's notes name their figures, and so do the recent study's other notes.
RECENT_FIGURE_LABELS = {
    "patients": N_("Patients in the cohort"),
    "median_baseline_edss": N_("Median baseline EDSS"),
    "early_mortality": N_("Death from any cause within {days} days"),
}


def figure_lines(source, clinician: bool, labels: dict[str, str] | None = None, days: int = 0) -> tuple[str, ...]:
    """One line per published figure; ``labels`` (figure name -> label) where the notes do not name it."""
    lines = []
    for name, figure in source.figures.items():
        if figure.kind in FIGURE_KINDS:
            label = (labels or {}).get(name)
            text = wording.figure_text(figure, clinician, _(label, days=days) if label else None)
            if text:
                lines.append(text)
    return tuple(lines)


def later_cohorts_section(model: Model, clinician: bool) -> MethodSection:
    """The second era: which later cohorts are pooled, what each counts for and what the pool gives,
    per type of MS (every figure and weight from the model), and when it applies (R6)."""
    shares = pooled_shares(model.cohorts, model.tau)
    groups = {"relapsing": _("relapsing MS"), "progressive": _("progressive MS")}
    years = wording.number(model.data_horizon)
    cohorts = []
    for cohort, share in zip(model.cohorts, shares):
        name = wording.data_text(model.evidence.get(cohort.source).short_name)
        five = float(icll(cohort.y))
        if clinician:
            cohorts.append(_("{cohort}, {group}: {value} at {years} years (cll {y}, SE {se}); {share} of the pooled "
                             "weight", cohort=name, group=groups[cohort.group], value=wording.percent(five),
                             years=years, y=wording.number(cohort.y, 3), se=wording.number(cohort.se, 3),
                             share=wording.percent(share, 0)))
        else:
            cohorts.append(_("{cohort}, {group}: {count} were alive without worsening at {years} years; it counts "
                             "for {share} parts in {total} of the combined figure", cohort=name,
                             group=groups[cohort.group], count=wording.count_phrase(five), years=years,
                             share=wording.in_hundred(share), total=wording.DENOMINATOR))
    pooled = []
    for group, result in model.pooled.items():
        point, low, high, predictive_low, predictive_high = result.survival(model.z95)
        if clinician:
            pooled.append(_("Pooled, {group}: {value} at {years} years (95% CI {low} to {high}; predictive interval "
                            "{plow} to {phigh})", group=groups[group], value=wording.percent(point), years=years,
                            low=wording.end_percent(low), high=wording.end_percent(high),
                            plow=wording.end_percent(predictive_low), phigh=wording.end_percent(predictive_high)))
        else:
            pooled.append(_("Combined, {group}: {count} alive without worsening at {years} years (for a new centre, "
                            "{range})", group=groups[group], count=wording.count_phrase(point), years=years,
                            range=wording.range_phrase(Interval(point, predictive_low, predictive_high))))
    if clinician:
        paragraphs = (
            _("{label}. Each cohort's 5-year figure free of confirmed disability worsening is pooled per type of MS "
              "on the complementary log-log scale (random effects, one between-cohort SD for both types: tau "
              "{tau}). The personal later curve keeps the study's age and treatment effects and is anchored to "
              "this pool; between 5 and 10 years it follows the one cohort with 10-year figures.",
              label=wording.sentence_case(wording.data_text(model.recent_label)),
              tau=wording.number(model.tau, 3)),
            _("In progressive MS the later curve is shown only with relapses or new MRI activity in the past year: "
              "the later centres mainly treated progressive MS while it was still active."),
        )
    else:
        paragraphs = (
            _("The second set of numbers comes from later studies, in Italy, Sweden, the UK and a US trial, of people "
              "treated at later centres. Their results were combined, giving more weight to the more precise "
              "studies. The number for you starts from this combined figure and is changed for your age and "
              "previous treatments, as in the first study."),
            _("In progressive MS these later numbers are shown only if the MS still showed relapses or new MRI "
              "lesions in the past year, because the later centres mainly treated progressive MS while it was still "
              "active."),
        )
    return MethodSection(_("Later cohorts (the second set of numbers)"), paragraphs, tuple(cohorts + pooled))


def life_table_section(model: Model, result: Estimate | None, clinician: bool) -> MethodSection:
    """Age and being alive (A17): ordinary population death rates, compared with the study's
    assumed average age."""
    table = model.evidence.get(model.spec.raw["life_table"])
    if not clinician:
        return MethodSection(_("Age and being alive"), (_(
            "The chance of being alive at {years} years also takes into account how many people of your age die "
            "in an ordinary year (England and Wales, 2017 to 2019). It is lower for older people, as in everyone.",
            years=wording.number(model.data_horizon)),))
    paragraphs = [table.full_citation, _("Design: {design}.", design=text(table, "design")),
                  _("Overall survival is multiplied by the population's survival at the patient's age relative to a "
                    "{age}-year-old, the study's average age implied by assumption A3 (A17).",
                    age=wording.number(model.age_ref, 1))]
    if result is not None:
        years = model.data_horizon
        own, reference = (float(model.life_table.survival(age, years)) for age in (result.profile.age, model.age_ref))
        paragraphs.append(_("For this profile: population survival over {years} years {own} at age {age}, against "
                            "{reference} at {ref_age}; factor {factor}.", years=wording.number(years),
                            own=wording.percent(own, 2), age=wording.number(result.profile.age),
                            reference=wording.percent(reference, 2), ref_age=wording.number(model.age_ref, 1),
                            factor=wording.number(own / reference, 4)))
    return MethodSection(_("Age and survival: the life table"), tuple(paragraphs))


def assumptions_section(assumptions, clinician: bool) -> MethodSection:
    """Every assumption with what it means for the patient: the clinician reads the id, the
    assumption and its meaning; the patient reads the meanings, in plain words, without ids."""
    if clinician:
        return MethodSection(_("Assumptions"), items=tuple(
            _("{id} {text} For the patient: {meaning}", id=a.id, text=wording.data_text(a.text),
              meaning=wording.data_text(a.for_patient)) for a in assumptions))
    return MethodSection(_("What the numbers assume, and what it means for you"),
                         items=tuple(wording.data_text(a.for_patient) for a in assumptions))


#: The primary study's figures the patient reads, with their words (the clinician reads them all).
PATIENT_FIGURES = {
    "early_mortality": N_("Died within {days} days of transplant"),
    "pfs_5y": N_("Alive without worsening at 5 years, whole study"),
    "pfs_relapsing_5y": N_("Alive without worsening at 5 years, relapsing MS"),
    "os_5y": N_("Alive at 5 years, whole study"),
}

#: How a figure was checked, in plain words for the patient (by the kind that starts EVIDENCE.md's entry).
CHECKED_PLAIN = {
    "abstract": N_("checked against the study's own summary"),
    "abstract copy": N_("checked against a copy of the study's summary"),
    "secondary": N_("checked against a news report or review of the study, not the study itself"),
    "derived": N_("worked out from other checked figures"),
    "not checked": N_("not yet checked against the study itself"),
}


def _least_checked(kinds) -> str:
    for kind in ("not checked", "secondary", "derived", "abstract copy", "abstract"):
        if kind in kinds:
            return kind
    return "not checked"


def checked_plain(checked_against: str) -> str:
    """The patient's words for how a figure was checked ("8 and 2.8%: secondary; CI: not checked"
    says how the number and how its range were checked); the least checked part decides each."""
    parts = [part.rsplit(": ", 1) for part in checked_against.split("; ")]
    ranges = [kind for *what, kind in parts if what and "CI" in what[0]]
    values = [kind for *what, kind in parts if not (what and "CI" in what[0])]
    value = _(CHECKED_PLAIN[_least_checked(values)])
    if ranges and _least_checked(ranges) != _least_checked(values):
        return _("{value}; the range {range}", value=value, range=_(CHECKED_PLAIN[_least_checked(ranges)]))
    return value


def patient_figure_lines(study, days: int) -> tuple[str, ...]:
    lines = []
    for name, label in PATIENT_FIGURES.items():
        figure = study.figure(name)
        value = wording.count_phrase(figure.value)
        if figure.ci:
            value = _("{count}, between {low} and {high} in {total}", count=value, low=wording.in_hundred(figure.ci[0]),
                      high=wording.in_hundred(figure.ci[1]), total=wording.DENOMINATOR)
        lines.append(_("{label}: {value} ({checked}).", label=_(label, days=days), value=value,
                       checked=checked_plain(figure.checked_against)))
    return tuple(lines)


def patient_sources(model: Model) -> list[MethodSection]:
    """The source studies in plain words (no notes meant for reviewers)."""
    study, recent = model.study, model.recent_study
    relapsing = study.value("relapsing_patients") / study.value("patients")
    deaths = recent.figure("early_deaths")
    return [
        MethodSection(_("Where the numbers come from"), (
            _("The main numbers come from one study of {patients} people with MS who had AHSCT, treated {years}. "
              "{relapsing} had relapsing MS; the others had progressive MS. They were followed for about {follow_up} "
              "years.", patients=wording.number(study.value("patients")), years=text(study, "transplant_years"),
              relapsing=wording.sentence_case(wording.count_phrase(relapsing)),
              follow_up=wording.number(study.value("median_follow_up"))),
            text(study, "plain_outcome"),
            study.full_citation,
        ), patient_figure_lines(study, model.early_days)),
        MethodSection(_("Early deaths in recent UK centres"), (
            _("A newer study followed {patients} people treated at UK centres, {years}. {deaths} of them died within "
              "{days} days of getting their stem cells back ({checked}).",
              patients=wording.number(recent.value("patients")), years=text(recent, "transplant_years"),
              deaths=wording.number(deaths.value), days=model.early_days, checked=checked_plain(deaths.checked_against)),
            recent.full_citation,
        )),
    ]


def assumptions_in_brief(assumptions, years: float) -> str:
    """The assumptions in plain words for the patient (the full list is for the clinician)."""
    ids = _("{first} to {last}", first=assumptions[0].id, last=assumptions[-1].id)
    return _("The numbers assume three things. First, that the study's findings apply to people like you. "
             "Second, that age and previous treatments change the risk in the same way in every group. Third, that "
             "the trend goes on beyond {years} years where the chart is extended. These are assumptions {ids}, "
             "listed in full in the clinician view.", years=wording.number(years), ids=ids)


def text(source, key: str) -> str:
    """A readable text of an evidence file (design, cohort, ...) in the current language."""
    return wording.data_text(source.text(key))


def method_view(model: Model, result: Estimate | None, audience: Audience | str) -> MethodView:
    audience = Audience.parse(audience)
    clinician = audience.clinician
    study, recent = model.study, model.recent_study
    assumptions = result.assumptions if result is not None else model.assumptions
    review = review_view(model.evidence)
    sections = [MethodSection(_("When the evidence was reviewed"), tuple(t for t in (review.line, review.notice) if t))]
    if clinician:
        sections += [
            MethodSection(_("Source study"), (
                study.full_citation,
                _("Design: {design}.", design=text(study, "design")),
                _("Patients: {cohort}.", cohort=text(study, "cohort")),
                _("Transplanted: {years}.", years=text(study, "transplant_years")),
                _("Main outcome: {outcome}.", outcome=text(study, "outcome_definition")),
            )),
            MethodSection(_("Figures used"), items=figure_lines(study, clinician)),
            MethodSection(_("Early deaths in recent UK centres"), (
                recent.full_citation,
                _("Patients: {cohort}.", cohort=text(recent, "cohort")),
                _("Definition: {definition}.", definition=text(recent, "early_mortality_definition")),
            ), figure_lines(recent, clinician, RECENT_FIGURE_LABELS, model.early_days)),
            later_cohorts_section(model, clinician),
            life_table_section(model, result, clinician),
            assumptions_section(assumptions, clinician),
            # What changed in the model is the developers' and reviewers' account: the clinician's view only.
            MethodSection(_("What changed in model {version}", version=model.version),
                          (_("Estimates saved or printed with an earlier model ({versions}) were recomputed; the "
                             "numbers may differ from an earlier printout.",
                             versions=", ".join(model.previous_versions)),),
                          tuple(_(change, study_years=text(study, "transplant_years"),
                                    recent_years=text(recent, "transplant_years"), days=model.early_days,
                                    years=wording.number(model.data_horizon),
                                    draws=wording.number(model.default_draws))
                                for change in MODEL_CHANGES)),
        ]
    else:
        sections += patient_sources(model)
        sections += [later_cohorts_section(model, clinician), life_table_section(model, result, clinician),
                     assumptions_section(assumptions, clinician)]  # A1 to A22, each in plain words
    sections.append(MethodSection(_("What this estimate does not cover"),
                                  items=tuple(_(t) for t in wording.NOT_COVERED)))
    if not clinician:
        glossary = glossary_view()
        sections.append(MethodSection(glossary.heading, items=glossary.lines()))
    if clinician and result is not None:
        sections.append(MethodSection(_("Versions"), (_(
            "Model {model}; evidence {evidence} ({checksum}); {draws} Monte Carlo draws, seed {seed}.",
            model=result.model_version, evidence=result.evidence_version, checksum=result.evidence_checksum[:12],
            draws=result.draws, seed=result.seed),)))
    return MethodView(tuple(sections))
