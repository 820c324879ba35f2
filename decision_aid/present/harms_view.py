""""What the treatment involves": the steps of AHSCT, then every harm, beside both early-death figures.

Built from :mod:`decision_aid.context.procedure` (the timeline) and :mod:`decision_aid.context.harms`
(EVIDENCE.md's harms table, row by row). One table: what can happen, how often, when, in whom, and
from which source. The two early-death rows (the study's era and recent UK centres) are in the same
table in the same format, never combined, and say what they take into account: the EDSS only, never
age, type of MS or previous treatments (MODEL.md O2). Patients read whole numbers in 100 ("about 68
in 100"); a rate of events per person as events for every 100 people, said to be events, not people;
clinicians read the published percentages and rates, intervals, p values, odds ratios and what each
figure was checked against. Where a source gives no figure the row says "No figure" and the plain
statement the source makes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..context.harms import Harm, HarmFigure, harms
from ..model import Estimate, Interval, Model
from . import wording
from .audience import Audience
from .i18n import N_, _
from .procedure_view import ProcedureView, procedure_view

TOPICS = {
    "early_death_study_era": N_("Death"),
    "early_death_recent": N_("Death"),
    "early_death_causes": N_("Early death, and its causes, in one recent series"),
    "register_deaths": N_("Death from the treatment, in the European register"),
    "febrile_neutropenia": N_("Fever when the white blood cells that fight infection are very low (febrile "
                              "neutropenia)"),
    "severe_adverse_events_100d": N_("Serious side effects"),
    "herpes_zoster": N_("Shingles (herpes zoster) coming back"),
    "infections": N_("Other infections, for example CMV coming back"),
    "other_serious_infection": N_("Other serious infections"),
    "ebv": N_("Epstein-Barr virus (EBV) coming back"),
    "ptld": N_("An overgrowth of immune cells driven by EBV (lymphoproliferative disorder)"),
    "m_protein": N_("A new abnormal antibody in the blood (M-protein)"),
    "thyroid": N_("Thyroid problems after the treatment"),
    "itp": N_("The immune system destroys platelets, so bleeding is more likely (immune thrombocytopenia, ITP)"),
    "autoimmunity": N_("Other illnesses in which the immune system attacks the body"),
    "hair_loss": N_("Hair loss"),
    "periods": N_("Periods stopping (women)"),
    "ovarian_reserve": N_("Egg reserve and pregnancy (women)"),
    "menopause_infertility": N_("Early menopause, trouble having children"),
    "male_infertility": N_("Trouble having children (men)"),
    "secondary_cancer": N_("Cancer later in life"),
    "temporary_worsening": N_("MS symptoms worse for a while"),
    "hospital_stay": N_("Time in hospital"),
    "isolation": N_("Time in protective isolation"),
    "revaccination": N_("Vaccines given again"),
    "recovery": N_("Recovery and time off work"),
    "access_uk": N_("Access in the NHS"),
    "abroad_cost": N_("Cost of treatment abroad"),
    "severe_adverse_events_by_regimen": N_("Serious side effects by regimen"),
    "neda_by_regimen": N_("No sign of MS activity, by regimen"),
}

GROUP_LABELS = {
    "whole_cohort": N_("Whole Swedish cohort, both regimens"),
    "cy_atg_compared": N_("With Cy/ATG, the same patients split by regimen"),
    "beam_atg_compared": N_("With BEAM/ATG, the same patients split by regimen"),
    "cy_atg": N_("With Cy/ATG"),
    "beam_atg": N_("With BEAM/ATG"),
    "beam_atg_longer": N_("Longer with BEAM/ATG than with Cy/ATG"),
    "grade_3": N_("Severe (grade 3)"),
    "grade_4": N_("Life-threatening (grade 4)"),
    "swedish_cohort": N_("Swedish national cohort"),
    "legionella_death": N_("Died of a pneumonia caught in hospital (legionella)"),
    "klebsiella": N_("Blood infection with Klebsiella, without sepsis"),
    "uk_registry": N_("UK registry"),
    "needed_rituximab": N_("Needed treatment for EBV (rituximab), one London centre"),
    "king_college": N_("One London centre"),
    "hypothyroidism": N_("Underactive thyroid (hypothyroidism)"),
    "hyperthyroidism": N_("Overactive thyroid (hyperthyroidism)"),
    "non_alemtuzumab": N_("With treatments without alemtuzumab"),
    "alemtuzumab": N_("With a treatment that included alemtuzumab"),
    "periods_back": N_("Periods came back"),
    "mean_time": N_("Time until they came back, on average"),
    "older_age": N_("Older age made it less likely"),
    "pulsed_cyclophosphamide": N_("Earlier pulsed cyclophosphamide made it less likely"),
    "pregnancies": N_("Became pregnant"),
    "spontaneous": N_("Of them, without fertility treatment"),
    "two_london_centres": N_("Two London centres"),
    "european_register": N_("European register, all years"),
    "typical": N_("Typically"),
    "one_nhs_patient": N_("One NHS patient"),
    "inactivated": N_("Influenza and pneumococcal vaccines"),
    "routine": N_("Tetanus, diphtheria, whooping cough, polio, Hib, meningococcal and hepatitis B"),
    "live_not_before": N_("Live vaccines (measles, mumps, rubella, chickenpox)"),
    "private_provider": N_("A staged procedure at one London private provider"),
    "p_value": N_("Difference between the two"),
}

TIME_WORDS = {
    "within_days": N_("within {amount} days of transplant"),
    "in_first_days": N_("in the first {amount} days"),
    "at_years": N_("at {amount} years"),
    "after_reinfusion": N_("from the day the stem cells are given back"),
}

#: What travels with a row: by category, then by row id.
NOTES = {
    # MODEL.md O2: the early-death figure takes into account EDSS only
    "early_death": N_("Modelled for people with the same EDSS; age, type of MS and previous treatments are not part "
                      "of this figure."),
    "febrile_neutropenia": N_("The figure for the whole cohort and the figure for Cy/ATG alone are not the same "
                              "measure: each stands for its own group, and they are never combined."),
    "neda_by_regimen": N_("This difference could be due to chance: neither regimen was shown to work better."),
}
#: Rates of events per person: said to be events, not people.
RATE_NOTE = N_("These are side effects (events), not people: one person can have several, so the number can be "
               "more than 100.")


@dataclass(frozen=True)
class HarmRow:
    id: str
    category: str  # early_death, early_death_context, side_effect, regimen, not_quantified
    topic: str
    how_often: tuple[str, ...]  # one line per group ("With Cy/ATG: about 68 in 100"); or "No figure"
    when: str
    population: str  # in whom (the sources' own words)
    source: str  # which source (the clinician view adds what the figures were checked against)
    note: str  # the statements of the sources, and what travels with the figures


@dataclass(frozen=True)
class HarmsView:
    audience: Audience
    heading: str
    intro: str
    columns: tuple[str, ...]  # what, how often, when, (clinician: in whom,) source
    rows: tuple[HarmRow, ...]
    footnote: str
    no_profile: str = ""  # without an estimate: what to do (the table needs both early-death figures)
    timeline: ProcedureView | None = None  # what AHSCT involves, step by step (shown with or without a profile)
    table_heading: str = ""

    def row(self, harm_id: str) -> HarmRow:
        return next(r for r in self.rows if r.id == harm_id)

    def cells(self, row: HarmRow, how_often: str) -> tuple[str, ...]:
        """One row in the order of ``columns`` (the population, in the sources' own words, is the
        clinician's column; the patient's group labels say whom each figure is about)."""
        if len(self.columns) == 5:
            return row.topic, how_often, row.when, row.population, row.source
        return row.topic, how_often, row.when, row.source


# -- the JSON's texts ----------------------------------------------------------------------------

def topic_text(harm: Harm) -> str:
    return _(TOPICS[harm.id])


def time_text(harm: Harm) -> str | None:
    if harm.time is None:
        return None
    if harm.time.amount is None:
        return _(TIME_WORDS[harm.time.kind])
    return _(TIME_WORDS[harm.time.kind], amount=wording.number(harm.time.amount))


def note_text(harm: Harm) -> str | None:
    """The sources' statements, then what travels with the figures; None when there is nothing."""
    notes = [wording.data_text(s.text) for s in harm.statements]
    note = NOTES.get(harm.category) or NOTES.get(harm.id)
    if note:
        notes.append(_(note))
    return " ".join(notes) or None


def figure_label(figure: HarmFigure) -> str:
    """The group a figure is about; where the group is a time point of the source (the egg reserve
    hormone before and after), the figure's own notes name it."""
    if figure.era is not None:
        return wording.sentence_case(_(figure.era.label))
    if figure.group in GROUP_LABELS:
        return _(GROUP_LABELS[figure.group])
    return wording.data_text(figure.notes)


def _count_of(figure: HarmFigure) -> str:
    """"235 of 311", or the count alone where the source gives no denominator for it ("16")."""
    count = figure.count if figure.count is not None else figure.value
    return wording.of_phrase(count, figure.of) if figure.of is not None else wording.number(count)


def figure_text(figure: HarmFigure) -> str:
    """The JSON's text of one figure (the clinician's words), e.g. "about 68 in 100 (68%)"."""
    if figure.kind == "probability":
        if figure.range_low is not None:
            return _("{low} to about {high} in {denominator} ({low_percent} to {high_percent})",
                     low=figure.range_low_in_hundred, high=figure.in_hundred, denominator=wording.DENOMINATOR,
                     low_percent=wording.published_percent(figure.range_low),
                     high_percent=wording.published_percent(figure.value))
        percent = wording.percent(figure.value) if figure.modelled else wording.published_percent(figure.value)
        if figure.count is not None:
            return _("{in_hundred} ({percent}; {count})", in_hundred=wording.count_phrase(figure.value),
                     percent=percent, count=_count_of(figure))
        return _("{in_hundred} ({percent})", in_hundred=wording.count_phrase(figure.value), percent=percent)
    return how_often_text(figure, Audience.CLINICIAN) or ""


def harm_text(harm: Harm) -> str:
    """The JSON's text of a whole row."""
    topic, when, note = topic_text(harm), time_text(harm), note_text(harm)
    if not harm.figures:
        return _("{topic}: no figure. {note}", topic=topic, note=note or "")
    parts = [_("{label}: {value}.", label=figure_label(f), value=figure_text(f)) for f in harm.figures]
    head = _("{topic} {when}.", topic=topic, when=when) if when else _("{topic}.", topic=topic)
    return " ".join([head, *parts, *([note] if note else [])])


# -- the table, per audience ----------------------------------------------------------------------

def _duration(value: float, unit: str) -> str:
    return _("{value} {unit}", value=wording.number(value), unit=_(unit))


def how_often_text(figure: HarmFigure, audience: Audience) -> str | None:
    """One figure for the audience; None where the view leaves it out (p values and odds ratios for
    the patient)."""
    clinician = audience.clinician
    kind = figure.kind
    if kind == "probability":
        return _probability_text(figure, clinician)
    if kind == "rate":
        if clinician:
            return _("{value} events per person on average", value=wording.number(figure.value))
        return _("about {count} events for every 100 people", count=wording.per_hundred_whole(figure.value))
    if kind == "count":
        return _("{count} people", count=_count_of(figure))
    if kind == "duration":
        if figure.group == "live_not_before":
            return _("not before {amount}", amount=_duration(figure.value, figure.unit))
        if figure.range_low is not None:
            return _("from {low} to {high}", low=wording.number(figure.range_low),
                     high=_duration(figure.value, figure.unit))
        return _("about {amount}", amount=_duration(figure.value, figure.unit))
    if kind == "concentration":
        return _("{value} {unit}", value=wording.number(figure.value), unit=_(figure.unit))
    if kind == "odds_ratio":
        return _("odds ratio {value}", value=wording.number(figure.value)) if clinician else None
    return _("p = {value}", value=wording.number(figure.value)) if clinician else None


def _probability_text(figure: HarmFigure, clinician: bool) -> str:
    if figure.modelled:
        interval = Interval(figure.value, *figure.ci)
        if clinician:
            return wording.interval_percent(interval)
        return _("{count} ({range})", count=wording.count_phrase(figure.value), range=wording.range_phrase(interval))
    if figure.range_low is not None:
        if clinician:
            return _("{low} to {high}", low=wording.published_percent(figure.range_low),
                     high=wording.published_percent(figure.value))
        return _("{low} to about {high} in {total}", low=figure.range_low_in_hundred, high=figure.in_hundred,
                 total=wording.DENOMINATOR)
    value = wording.published_percent(figure.value) if clinician else wording.count_phrase(figure.value)
    if figure.count is not None:
        return _("{value} ({count} people)", value=value, count=_count_of(figure))
    return value


def _source_name(model: Model, figure: HarmFigure) -> str:
    """A study's name; for patient information and guidance pages, the page the figure is on."""
    source = model.evidence.get(figure.source)
    return wording.data_text(figure.reported_in if source.role == "information" else source.short_name)


def _source_text(model: Model, harm: Harm, audience: Audience) -> str:
    names = [_source_name(model, f) for f in harm.figures]
    names += [wording.data_text(s.reported_in) for s in harm.statements]
    names = list(dict.fromkeys(names))
    if not names:
        return "\u2014"
    if harm.category == "early_death":
        text = _("Estimated from {study} for the EDSS given", study=names[0])
    else:
        text = _("; ").join(names)
    if audience.clinician:
        checked = _(", ").join(wording.data_text(c) for c in harm.checked)
        text = _("{source} (checked against: {checked})", source=text, checked=checked)
    return text


def harm_row(model: Model, harm: Harm, audience: Audience) -> HarmRow:
    lines = []
    topic = topic_text(harm)
    if harm.category == "early_death":  # the era names the row; the figure stands alone
        era = harm.figures[0].era
        topic = _("{topic}, {era}", topic=topic, era=_(era.label))
        lines.append(wording.sentence_case(how_often_text(harm.figures[0], audience)))
    else:
        for figure in harm.figures:
            value = how_often_text(figure, audience)
            if value is not None:
                lines.append(_("{label}: {value}", label=figure_label(figure), value=value))
    if not harm.figures:
        lines.append(_("No figure"))
    notes = [note_text(harm) or ""]
    if any(f.kind == "rate" for f in harm.figures):
        notes.insert(0, _(RATE_NOTE))
    population = "\n".join(wording.data_text(p) for p in harm.populations) if harm.category != "early_death" \
        else _("People with the EDSS given")
    return HarmRow(harm.id, harm.category, topic, tuple(lines), time_text(harm) or "", population,
                   _source_text(model, harm, audience), " ".join(n for n in notes if n))


def harms_view(model: Model, result: Estimate | None, audience: Audience | str) -> HarmsView:
    audience = Audience.parse(audience)
    clinician = audience.clinician
    rows = () if result is None else tuple(harm_row(model, harm, audience) for harm in harms(model, result))
    return HarmsView(
        audience=audience,
        heading=_("What the treatment involves"),
        intro=_("The steps of AHSCT, then every harm in the evidence reviewed, as published for groups of treated "
                "people, with both early-death figures for this profile (adjusted for EDSS only) in the same "
                "table; the source of each figure and what it was checked against are named. Where no figure was "
                "found, the row says so.") if clinician
        else _("First, what AHSCT involves, step by step. Then what can happen with AHSCT, how often it happened "
               "in studies, and where each number comes from. The two numbers for death are estimated for your "
               "EDSS score only. The others are for groups of treated people. Where no number was found, the "
               "table says so."),
        columns=(_("What"), _("How often"), _("When"), _("In whom"), _("Source")) if clinician
        else (_("What can happen"), _("How often"), _("When"), _("From which source")),
        rows=rows,
        footnote=_("The figures differ between studies, regimens and centres: ask the transplant centre for its "
                   "own figures."),
        no_profile="" if result is not None else _("Enter a valid profile to see the harms beside the two "
                                                    "early-death figures for this profile."),
        timeline=procedure_view(model, audience),
        table_heading=_("What can happen, and how often") if not clinician else _("Harms, and how often"),
    )
