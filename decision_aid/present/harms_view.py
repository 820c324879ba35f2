""""What the treatment involves": harms beyond early death, beside both early-death figures, in words.

Built from :mod:`decision_aid.context.harms`. One table: what can happen, how often, when, and
from which study. The two early-death rows (the study's era and recent UK centres) are in the same
table in the same format, never combined. Patients read whole numbers in 100 ("about 68 in 100";
a rate per person as a number for every 100 people, since one person can have several events);
clinicians read the published percentages and rates, intervals, p values and what each figure was
checked against. What the sources give no figure for says so: "No figure in the sources used".
"""

from __future__ import annotations

from dataclasses import dataclass

from ..context.harms import Harm, HarmFigure, harms
from ..model import Estimate, Interval, Model
from . import wording
from .audience import Audience
from .i18n import N_, _

TOPICS = {
    "early_death_study_era": N_("Death"),
    "early_death_recent": N_("Death"),
    "febrile_neutropenia": N_("Fever when the white blood cells that fight infection are very low (febrile "
                              "neutropenia)"),
    "severe_adverse_events_100d": N_("Serious side effects"),
    "thyroid": N_("Thyroid problems after the treatment"),
    "itp": N_("The immune system destroys platelets, so bleeding is more likely (immune thrombocytopenia, ITP)"),
    "hospital_stay_by_regimen": N_("Longer stay in hospital with BEAM/ATG than with Cy/ATG"),
    "severe_adverse_events_by_regimen": N_("Serious side effects by regimen"),
    "neda_by_regimen": N_("No sign of MS activity, by regimen"),
    "fertility": N_("Fertility"),
    "recovery": N_("Time in hospital and recovery"),
}

GROUP_LABELS = {
    "cy_atg": N_("With Cy/ATG"),
    "cy_atg_compared": N_("With Cy/ATG, in a comparison of two regimens"),
    "beam_atg_compared": N_("With BEAM/ATG, in the same comparison"),
    "beam_atg": N_("With BEAM/ATG"),
    "grade_3": N_("Severe (grade 3)"),
    "grade_4": N_("Life-threatening (grade 4)"),
    "hypothyroidism": N_("Underactive thyroid (hypothyroidism)"),
    "hyperthyroidism": N_("Overactive thyroid (hyperthyroidism)"),
    "non_alemtuzumab": N_("With treatments without alemtuzumab"),
    "alemtuzumab": N_("With a treatment that included alemtuzumab"),
    "p_value": N_("Difference between the two"),
}

TIME_WORDS = {
    "within_days": N_("within {amount} days of transplant"),
    "in_first_days": N_("in the first {amount} days"),
    "at_years": N_("at {amount} years"),
    "after_reinfusion": N_("after the stem cells are given back"),
}

NOTES = {
    # MODEL.md O2: the early-death figure takes into account EDSS only
    "early_death": N_("Modelled for people with the same EDSS; age, type of MS and previous treatments are not part "
                      "of this figure."),
    "neda_by_regimen": N_("This difference could be due to chance: neither regimen was shown to work better."),
    "fertility": N_("The chemotherapy can make it harder to have children. This aid has no figure for how often. "
                    "Ask about storing eggs or sperm before treatment."),
    "recovery": N_("This aid has no figure for the usual stay in hospital or the time until daily life is back to "
                   "normal. Ask the transplant centre."),
}


@dataclass(frozen=True)
class HarmRow:
    id: str
    category: str  # early_death, side_effect, regimen, not_quantified
    topic: str
    how_often: tuple[str, ...]  # one line per group ("With Cy/ATG: about 68 in 100"); or "No figure ..."
    when: str
    source: str  # which study (the clinician view adds what the figures were checked against)
    note: str


@dataclass(frozen=True)
class HarmsView:
    audience: Audience
    heading: str
    intro: str
    columns: tuple[str, str, str, str]  # what, how often, when, source
    rows: tuple[HarmRow, ...]
    footnote: str
    no_profile: str = ""  # without an estimate: what to do (the table needs both early-death figures)

    def row(self, harm_id: str) -> HarmRow:
        return next(r for r in self.rows if r.id == harm_id)


# -- the JSON's texts (the same words as before this layer existed) -------------------------------

def topic_text(harm: Harm) -> str:
    return _(TOPICS[harm.id])


def time_text(harm: Harm) -> str | None:
    if harm.time is None:
        return None
    if harm.time.amount is None:
        return _(TIME_WORDS[harm.time.kind])
    return _(TIME_WORDS[harm.time.kind], amount=wording.number(harm.time.amount))


def note_text(harm: Harm) -> str | None:
    note = NOTES.get(harm.category) or NOTES.get(harm.id)
    return _(note) if note else None


def figure_label(figure: HarmFigure) -> str:
    if figure.era is not None:
        return wording.sentence_case(_(figure.era.label))
    return _(GROUP_LABELS[figure.group])


def figure_text(figure: HarmFigure) -> str:
    """The JSON's text of one figure, e.g. "about 68 in 100 (68%)"."""
    if figure.kind == "probability":
        if figure.range_low is not None:
            return _("{low} to about {high} in {denominator} ({low_percent} to {high_percent})",
                     low=figure.range_low_in_hundred, high=figure.in_hundred, denominator=wording.DENOMINATOR,
                     low_percent=wording.published_percent(figure.range_low),
                     high_percent=wording.published_percent(figure.value))
        percent = wording.percent(figure.value) if figure.modelled else wording.published_percent(figure.value)
        return _("{in_hundred} ({percent})", in_hundred=wording.count_phrase(figure.value), percent=percent)
    if figure.kind == "rate":
        return _("{value} on average per person", value=wording.number(figure.value))
    if figure.kind == "duration":
        return _("about {value} {unit}", value=wording.number(figure.value), unit=_(figure.unit))
    return _("p = {value}", value=wording.number(figure.value))


def harm_text(harm: Harm) -> str:
    """The JSON's text of a whole row."""
    topic, when, note = topic_text(harm), time_text(harm), note_text(harm)
    if not harm.figures:
        return _("{topic}: {note}", topic=topic, note=note)
    parts = [_("{label}: {value}.", label=figure_label(f), value=figure_text(f)) for f in harm.figures]
    head = _("{topic} {when}.", topic=topic, when=when) if when else _("{topic}.", topic=topic)
    return " ".join([head, *parts, *([note] if note else [])])


# -- the table, per audience ----------------------------------------------------------------------

def how_often_text(figure: HarmFigure, audience: Audience) -> str | None:
    """One figure for the audience; None where the view leaves it out (a p value for the patient)."""
    clinician = audience.clinician
    if figure.kind == "probability":
        if figure.modelled:
            interval = Interval(figure.value, *figure.ci)
            if clinician:
                return wording.interval_percent(interval)
            return _("{count} ({range})", count=wording.count_phrase(figure.value),
                     range=wording.range_phrase(interval))
        if figure.range_low is not None:
            if clinician:
                return _("{low} to {high}", low=wording.published_percent(figure.range_low),
                         high=wording.published_percent(figure.value))
            return _("{low} to about {high} in {total}", low=figure.range_low_in_hundred, high=figure.in_hundred,
                     total=wording.DENOMINATOR)
        return wording.published_percent(figure.value) if clinician else wording.count_phrase(figure.value)
    if figure.kind == "rate":
        if clinician:
            return _("{value} per person on average", value=wording.number(figure.value))
        return _("about {count} for every 100 people", count=wording.per_hundred_whole(figure.value))
    if figure.kind == "duration":
        return _("about {value} {unit}", value=wording.number(figure.value), unit=_(figure.unit))
    return _("p = {value}", value=wording.number(figure.value)) if clinician else None


def _source_text(model: Model, harm: Harm, audience: Audience) -> str:
    names = [wording.data_text(model.evidence.get(source).short_name) for source in harm.sources]
    if not names:
        return "\u2014"
    if harm.category == "early_death":
        text = _("Estimated for people like you from {study}", study=names[0])
    else:
        text = _("; ").join(names)
    if audience.clinician:
        checked = _(", ").join(sorted({wording.data_text(f.checked_against) for f in harm.figures}))
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
        lines.append(_("No figure in the sources used"))
    notes = [note_text(harm) or ""]
    if not audience.clinician and any(f.kind == "rate" for f in harm.figures):
        notes.insert(0, _("One person can have more than one."))
    return HarmRow(harm.id, harm.category, topic, tuple(lines), time_text(harm) or "",
                   _source_text(model, harm, audience), " ".join(n for n in notes if n))


def harms_view(model: Model, result: Estimate | None, audience: Audience | str) -> HarmsView:
    audience = Audience.parse(audience)
    clinician = audience.clinician
    rows = () if result is None else tuple(harm_row(model, harm, audience) for harm in harms(model, result))
    return HarmsView(
        audience=audience,
        heading=_("What the treatment involves"),
        intro=_("Harms beyond early death as published for groups of treated people, with both early-death "
                "figures for this profile in the same table; the source of each figure is named.") if clinician
        else _("What can happen with AHSCT, how often it happened in studies, and which study each number comes "
               "from. The two numbers for death are estimated for people like you. The others are for groups of "
               "treated people."),
        columns=(_("What"), _("How often"), _("When"), _("Source")) if clinician
        else (_("What can happen"), _("How often"), _("When"), _("From which study")),
        rows=rows,
        footnote=_("The figures differ between studies, regimens and centres: ask the transplant centre for its "
                   "own figures."),
        no_profile="" if result is not None else _("Enter a valid profile to see what the treatment involves, "
                                                    "beside the two early-death figures for this profile."),
    )
