"""What the treatment involves: harms beyond early death, beside both early-death figures (Qt-free).

The data behind the "What the treatment involves" view and ``context.harms`` of
``decision-aid estimate --json``. Each row names its figures in the evidence files (``HARMS``);
only "in 100" counts are computed from them (rounding half up, as :func:`wording.in_hundred`).
The two early-death rows are model 2.0's figures for this profile (``Estimate.early_mortality`` and
``early_mortality_recent``), shown in the same table with equal weight, never combined.

Categories: ``early_death`` (modelled for people like the patient), ``side_effect`` (published
group figures), ``regimen`` (the Swedish comparison of BEAM/ATG with Cy/ATG: never presented as
BEAM working better, since the difference was not significant), and ``not_quantified`` (what these
sources give no figure for, said as plainly as what they do).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .present import wording
from .present.i18n import N_, _
from .model import Estimate, Interval, Model, SourceLabel

REGIMENS = "sweden2024_regimens"


@dataclass(frozen=True)
class HarmFigure:
    """One number of a harm row, for one group (a regimen, a type of thyroid problem, an era)."""

    group: str  # code: cy_atg, beam_atg, hypothyroidism, study_era, ...
    label: str  # short data text for the group
    value: float  # for a reported range (ITP), its upper end; see ``range_low``
    kind: str  # probability (a share of people), rate (events per patient), duration, p_value
    unit: str
    source: str  # evidence file id
    figure: str  # evidence figure name ("early_deaths" for the modelled early-death rows)
    checked_against: str
    ci: tuple[float, float] | None = None
    range_low: float | None = None  # the lower end of a range of reported figures (not an interval)
    range_low_figure: str | None = None
    modelled: bool = False  # a model 2.0 figure for people like the patient, not a published figure

    @property
    def in_hundred(self) -> int | None:
        """"N in 100" where the figure is a share of people (rounding half up)."""
        return wording.in_hundred(self.value) if self.kind == "probability" else None

    @property
    def range_low_in_hundred(self) -> int | None:
        return None if self.range_low is None or self.kind != "probability" else wording.in_hundred(self.range_low)

    @property
    def text(self) -> str:
        """Default English for this figure, e.g. "about 68 in 100 (68%)"."""
        if self.kind == "probability":
            if self.range_low is not None:
                return _("{low} to about {high} in {denominator} ({low_percent} to {high_percent})",
                         low=self.range_low_in_hundred, high=self.in_hundred, denominator=wording.DENOMINATOR,
                         low_percent=wording.published_percent(self.range_low),
                         high_percent=wording.published_percent(self.value))
            percent = wording.percent(self.value) if self.modelled else wording.published_percent(self.value)
            return _("{in_hundred} ({percent})", in_hundred=wording.count_phrase(self.value), percent=percent)
        if self.kind == "rate":
            return _("{value} on average per person", value=f"{self.value:g}")
        if self.kind == "duration":
            return _("about {value} {unit}", value=f"{self.value:g}", unit=_(self.unit))
        return _("p = {value}", value=f"{self.value:g}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "group": self.group, "label": self.label, "value": self.value, "kind": self.kind, "unit": self.unit,
            "ci": list(self.ci) if self.ci else None, "range_low": self.range_low,
            "range_low_figure": self.range_low_figure, "in_hundred": self.in_hundred,
            "range_low_in_hundred": self.range_low_in_hundred, "source": self.source, "figure": self.figure,
            "checked_against": self.checked_against, "modelled": self.modelled, "text": self.text,
        }


@dataclass(frozen=True)
class Harm:
    """One row of the table. ``figures[0]`` is the row's headline (``value`` and ``source`` in JSON)."""

    id: str
    category: str  # early_death, side_effect, regimen, not_quantified
    topic: str  # short data text naming the harm
    time_frame: str | None
    figures: tuple[HarmFigure, ...]
    note: str | None = None  # a short data text that must travel with the numbers

    @property
    def headline(self) -> HarmFigure | None:
        return self.figures[0] if self.figures else None

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.source for f in self.figures))

    @property
    def text(self) -> str:
        """Default English for the whole row."""
        if not self.figures:
            return _("{topic}: {note}", topic=self.topic, note=self.note)
        parts = [_("{label}: {value}.", label=f.label, value=f.text) for f in self.figures]
        head = _("{topic} {when}.", topic=self.topic, when=self.time_frame) if self.time_frame else f"{self.topic}."
        return " ".join([head, *parts, *([self.note] if self.note else [])])

    def as_dict(self) -> dict[str, Any]:
        head = self.headline
        return {
            "id": self.id,
            "category": self.category,
            "topic": self.topic,
            "text": self.text,
            "value": head.value if head else None,
            "source": head.source if head else None,
            "checked_against": head.checked_against if head else None,
            "in_hundred": head.in_hundred if head else None,
            "time_frame": self.time_frame,
            "sources": list(self.sources),
            "figures": [f.as_dict() for f in self.figures],
            "note": self.note,
        }


# --- The catalogue: each harm names its figures ------------------------------------------------
# (source id, figure name, group code, group label); a second figure name after "..." makes a
# range (ITP: the highest and lowest figure reported with regimens without alemtuzumab).

_SIDE_EFFECTS: tuple[tuple[str, str, str | None, tuple[tuple[str, str, str, str, str | None], ...], str | None], ...] = (
    ("febrile_neutropenia", N_("Fever when the white blood cells that fight infection are very low "
     "(febrile neutropenia)"), None, (
         ("silfverberg2024", "febrile_neutropenia_cy", "cy_atg", N_("With Cy/ATG"), None),
         (REGIMENS, "febrile_neutropenia_cy", "cy_atg_compared", N_("With Cy/ATG, in a comparison of two regimens"),
          None),
         (REGIMENS, "febrile_neutropenia_beam", "beam_atg_compared", N_("With BEAM/ATG, in the same comparison"), None),
     ), None),
    ("severe_adverse_events_100d", N_("Serious side effects"),
     (N_("in the first {amount} days"), "silfverberg2024", "adverse_events_window"), (
        ("silfverberg2024", "grade3_events_100d", "grade_3", N_("Severe (grade 3)"), None),
        ("silfverberg2024", "grade4_events_100d", "grade_4", N_("Life-threatening (grade 4)"), None),
    ), None),
    ("thyroid", N_("Thyroid problems after the treatment"), None, (
        ("burt2021", "hypothyroidism", "hypothyroidism", N_("Underactive thyroid (hypothyroidism)"), None),
        ("burt2021", "hyperthyroidism", "hyperthyroidism", N_("Overactive thyroid (hyperthyroidism)"), None),
    ), None),
    ("itp", N_("The immune system destroys platelets, so bleeding is more likely (immune thrombocytopenia, "
     "ITP)"), None, (
        ("burt2021", "itp_high", "non_alemtuzumab", N_("With treatments without alemtuzumab"), "itp_low"),
        ("burt2021", "itp_alemtuzumab", "alemtuzumab", N_("With a treatment that included alemtuzumab"), None),
    ), None),
)

_REGIMEN_POINTS: tuple[tuple[str, str, str | None, tuple[tuple[str, str, str, str, str | None], ...], str | None], ...] = (
    ("hospital_stay_by_regimen", N_("Longer stay in hospital with BEAM/ATG than with Cy/ATG"), N_("after the stem cells "
     "are given back"), (
         (REGIMENS, "extra_hospital_days_beam", "beam_atg", N_("With BEAM/ATG"), None),
     ), None),
    ("severe_adverse_events_by_regimen", N_("Serious side effects by regimen"), None, (
        (REGIMENS, "severe_adverse_events_cy", "cy_atg", N_("With Cy/ATG"), None),
        (REGIMENS, "severe_adverse_events_beam", "beam_atg", N_("With BEAM/ATG"), None),
    ), None),
    ("neda_by_regimen", N_("No sign of MS activity, by regimen"), (N_("at {amount} years"), REGIMENS, "neda_years"), (
        (REGIMENS, "neda_5y_cy", "cy_atg", N_("With Cy/ATG"), None),
        (REGIMENS, "neda_5y_beam", "beam_atg", N_("With BEAM/ATG"), None),
        (REGIMENS, "neda_5y_p", "p_value", N_("Difference between the two"), None),
    ), N_("This difference could be due to chance: neither regimen was shown to work better.")),
)

_NOT_QUANTIFIED = (
    ("fertility", N_("Fertility"), N_("The chemotherapy can make it harder to have children. This aid has no figure "
     "for how often. Ask about storing eggs or sperm before treatment.")),
    ("recovery", N_("Time in hospital and recovery"), N_("This aid has no figure for the usual stay in hospital or "
     "the time until daily life is back to normal. Ask the transplant centre.")),
)


def _figure(model: Model, source_id: str, name: str, group: str, label: str, low: str | None) -> HarmFigure:
    source = model.evidence.get(source_id)
    fig = source.figure(name)
    range_low = source.value(low) if low else None
    return HarmFigure(group, _(label), fig.value, fig.kind, fig.unit, source_id, name, fig.checked_against, fig.ci,
                      range_low, low)


def _time_frame(model: Model, when) -> str | None:
    """None, a text, or (a text with {amount}, source id, figure name): the amount is an evidence figure."""
    if when is None or isinstance(when, str):
        return None if when is None else _(when)
    template, source_id, name = when
    return _(template, amount=f"{model.evidence.get(source_id).value(name):g}")


def _rows(model: Model, category: str, table) -> list[Harm]:
    return [Harm(harm_id, category, _(topic), _time_frame(model, when),
                 tuple(_figure(model, *item) for item in items), _(note) if note else None)
            for harm_id, topic, when, items, note in table]


def _early_death(model: Model, harm_id: str, group: str, interval: Interval, label: SourceLabel) -> Harm:
    deaths = model.evidence.get(label.id).figure("early_deaths")
    figure = HarmFigure(group, _sentence_case(label.label), interval.estimate, "probability", "fraction", label.id,
                        deaths.name, deaths.checked_against, (interval.lower, interval.upper), modelled=True)
    return Harm(harm_id, "early_death", _("Death"), _("within {days} days of transplant", days=model.early_days),
                (figure,), _("Modelled for people with the same age, type of MS, EDSS and number of previous "
                             "treatments."))


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def harms(model: Model, result: Estimate) -> tuple[Harm, ...]:
    """The table for this profile: both early-death figures, then side effects, regimen points and
    what has no figure here."""
    rows = [
        _early_death(model, "early_death_study_era", "study_era", result.early_mortality,
                     result.early_mortality_source),
        _early_death(model, "early_death_recent", "recent_centres", result.early_mortality_recent,
                     result.early_mortality_recent_source),
    ]
    rows += _rows(model, "side_effect", _SIDE_EFFECTS)
    rows += _rows(model, "regimen", _REGIMEN_POINTS)
    rows += [Harm(harm_id, "not_quantified", _(topic), None, (), _(note)) for harm_id, topic, note in _NOT_QUANTIFIED]
    return tuple(rows)


def harms_list(model: Model, result: Estimate) -> list[dict[str, Any]]:
    """``context.harms`` of ``decision-aid estimate --json``."""
    return [harm.as_dict() for harm in harms(model, result)]
