"""What the treatment involves: harms beyond early death, beside both early-death figures (codes and numbers).

The data behind the "What the treatment involves" view and ``context.harms`` of
``decision-aid estimate --json``. Each row names its figures in the evidence files (the catalogue
below); only "in 100" counts are computed from them (:func:`.numbers.in_hundred`). The two
early-death rows are model 2.0's figures for this profile (``Estimate.early_mortality`` and
``early_mortality_recent``), in the same table with equal weight, never combined. The words (what
each harm is, each group's label, the notes) are made by :mod:`decision_aid.present.harms_view`.

Categories: ``early_death`` (modelled for people like the patient), ``side_effect`` (published
group figures), ``regimen`` (the Swedish comparison of BEAM/ATG with Cy/ATG: never presented as
BEAM working better, since the difference was not significant), and ``not_quantified`` (what these
sources give no figure for, said as plainly as what they do).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from ..model import Estimate, Interval, Model, SourceLabel
from .numbers import in_hundred, per_hundred

REGIMENS = "sweden2024_regimens"
CATEGORIES = ("early_death", "side_effect", "regimen", "not_quantified")


@dataclass(frozen=True)
class HarmFigure:
    """One number of a harm row, for one group (a regimen, a type of thyroid problem, an era)."""

    group: str  # code: cy_atg, beam_atg, hypothyroidism, study_era, ...
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
    era: SourceLabel | None = None  # the modelled early-death rows: which era

    @property
    def in_hundred(self) -> int | None:
        """"N in 100" where the figure is a share of people (rounding half up)."""
        return in_hundred(self.value) if self.kind == "probability" else None

    @property
    def range_low_in_hundred(self) -> int | None:
        return None if self.range_low is None or self.kind != "probability" else in_hundred(self.range_low)

    @property
    def per_hundred(self) -> float | None:
        """Events per 100 people, where the figure is a rate per person (one person can have several)."""
        return per_hundred(self.value) if self.kind == "rate" else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "group": self.group, "value": self.value, "kind": self.kind, "unit": self.unit,
            "ci": list(self.ci) if self.ci else None, "range_low": self.range_low,
            "range_low_figure": self.range_low_figure, "in_hundred": self.in_hundred,
            "range_low_in_hundred": self.range_low_in_hundred, "source": self.source, "figure": self.figure,
            "checked_against": self.checked_against, "modelled": self.modelled,
        }


@dataclass(frozen=True)
class HarmTime:
    """When a harm is counted: ``kind`` is within_days (of transplant), in_first_days, at_years or
    after_reinfusion; ``amount`` is an evidence figure (or the model's early-death window)."""

    kind: str
    amount: float | None = None


@dataclass(frozen=True)
class Harm:
    """One row of the table. ``figures[0]`` is the row's headline (``value`` and ``source`` in JSON)."""

    id: str
    category: str  # one of CATEGORIES
    time: HarmTime | None
    figures: tuple[HarmFigure, ...]

    @property
    def headline(self) -> HarmFigure | None:
        return self.figures[0] if self.figures else None

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.source for f in self.figures))

    def as_dict(self) -> dict[str, Any]:
        head = self.headline
        return {
            "id": self.id,
            "category": self.category,
            "value": head.value if head else None,
            "source": head.source if head else None,
            "checked_against": head.checked_against if head else None,
            "in_hundred": head.in_hundred if head else None,
            "sources": list(self.sources),
            "figures": [f.as_dict() for f in self.figures],
        }


# --- The catalogue: each harm names its figures ------------------------------------------------
# (harm id, time frame or None, ((source id, figure name, group code, figure name of a range's low
# end or None), ...)); a time frame is (kind, source id, figure name of its amount) or (kind,).

_Item = tuple[str, str, str, Optional[str]]

SIDE_EFFECTS: tuple[tuple[str, tuple | None, tuple[_Item, ...]], ...] = (
    ("febrile_neutropenia", None, (
        ("silfverberg2024", "febrile_neutropenia_cy", "cy_atg", None),
        (REGIMENS, "febrile_neutropenia_cy", "cy_atg_compared", None),
        (REGIMENS, "febrile_neutropenia_beam", "beam_atg_compared", None),
    )),
    ("severe_adverse_events_100d", ("in_first_days", "silfverberg2024", "adverse_events_window"), (
        ("silfverberg2024", "grade3_events_100d", "grade_3", None),
        ("silfverberg2024", "grade4_events_100d", "grade_4", None),
    )),
    ("thyroid", None, (
        ("burt2021", "hypothyroidism", "hypothyroidism", None),
        ("burt2021", "hyperthyroidism", "hyperthyroidism", None),
    )),
    ("itp", None, (
        ("burt2021", "itp_high", "non_alemtuzumab", "itp_low"),
        ("burt2021", "itp_alemtuzumab", "alemtuzumab", None),
    )),
)

REGIMEN_POINTS: tuple[tuple[str, tuple | None, tuple[_Item, ...]], ...] = (
    ("hospital_stay_by_regimen", ("after_reinfusion",), (
        (REGIMENS, "extra_hospital_days_beam", "beam_atg", None),
    )),
    ("severe_adverse_events_by_regimen", None, (
        (REGIMENS, "severe_adverse_events_cy", "cy_atg", None),
        (REGIMENS, "severe_adverse_events_beam", "beam_atg", None),
    )),
    ("neda_by_regimen", ("at_years", REGIMENS, "neda_years"), (
        (REGIMENS, "neda_5y_cy", "cy_atg", None),
        (REGIMENS, "neda_5y_beam", "beam_atg", None),
        (REGIMENS, "neda_5y_p", "p_value", None),
    )),
)

#: What the treatment involves that these sources give no figure for.
NOT_QUANTIFIED = ("fertility", "recovery")


def _figure(model: Model, source_id: str, name: str, group: str, low: str | None) -> HarmFigure:
    source = model.evidence.get(source_id)
    fig = source.figure(name)
    range_low = source.value(low) if low else None
    return HarmFigure(group, fig.value, fig.kind, fig.unit, source_id, name, fig.checked_against, fig.ci,
                      range_low, low)


def _time(model: Model, frame: tuple | None) -> HarmTime | None:
    if frame is None:
        return None
    if len(frame) == 1:
        return HarmTime(frame[0])
    kind, source_id, name = frame
    return HarmTime(kind, model.evidence.get(source_id).value(name))


def _rows(model: Model, category: str, table) -> list[Harm]:
    return [Harm(harm_id, category, _time(model, frame), tuple(_figure(model, *item) for item in items))
            for harm_id, frame, items in table]


def _early_death(model: Model, harm_id: str, group: str, interval: Interval, label: SourceLabel) -> Harm:
    deaths = model.evidence.get(label.id).figure("early_deaths")
    figure = HarmFigure(group, interval.estimate, "probability", "fraction", label.id, deaths.name,
                        deaths.checked_against, (interval.lower, interval.upper), modelled=True, era=label)
    return Harm(harm_id, "early_death", HarmTime("within_days", model.early_days), (figure,))


def harms(model: Model, result: Estimate) -> tuple[Harm, ...]:
    """The table for this profile: both early-death figures, then side effects, regimen points and
    what has no figure here."""
    rows = [
        _early_death(model, "early_death_study_era", "study_era", result.early_mortality,
                     result.early_mortality_source),
        _early_death(model, "early_death_recent", "recent_centres", result.early_mortality_recent,
                     result.early_mortality_recent_source),
    ]
    rows += _rows(model, "side_effect", SIDE_EFFECTS)
    rows += _rows(model, "regimen", REGIMEN_POINTS)
    rows += [Harm(harm_id, "not_quantified", None, ()) for harm_id in NOT_QUANTIFIED]
    return tuple(rows)
