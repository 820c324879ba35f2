"""What the treatment involves: every harm of EVIDENCE.md's harms table, beside both early-death figures.

The data behind the "What the treatment involves" view and ``context.harms`` of
``decision-aid estimate --json``. Each row names its figures in the evidence files (the catalogue
below) and, where a source gives no figure, its plain statement (a data text with what it was
checked against): "no figure" is said as plainly as a figure. Only "in 100" counts are computed
from the figures (:func:`.numbers.in_hundred`). The two early-death rows are the model's figures
for this profile (``Estimate.early_mortality`` and ``early_mortality_recent``), in the same table
with equal weight, never combined; they are adjusted for EDSS only (MODEL.md O2), never for age,
type of MS or previous treatments. The words (what each harm is, each group's label, the notes)
are made by :mod:`decision_aid.present.harms_view`.

Categories: ``early_death`` (modelled for this profile's EDSS), ``early_death_context`` (published
early deaths of other series), ``side_effect`` (published group figures), ``regimen`` (the Swedish
comparison of BEAM/ATG with Cy/ATG: never presented as BEAM working better, since the difference was
not significant), and ``not_quantified`` (no figure in a checkable source: the plain statement only).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional

from ..evidence import Source
from ..model import Estimate, Interval, Model, SourceLabel
from .numbers import in_hundred, per_hundred

REGIMENS = "sweden2024_regimens"
INFORMATION = "ahsct_information"
CATEGORIES = ("early_death", "early_death_context", "side_effect", "regimen", "not_quantified")


@dataclass(frozen=True)
class HarmFigure:
    """One number of a harm row, for one group (a regimen, a type of thyroid problem, an era)."""

    group: str  # code: cy_atg, beam_atg, hypothyroidism, study_era, ...
    value: float  # for a reported range (ITP), its upper end; see ``range_low``
    kind: str  # probability (a share of people), rate (events per patient), count, duration, p_value, ...
    unit: str
    source: str  # evidence file id
    figure: str  # evidence figure name ("early_deaths" for the modelled early-death rows)
    checked_against: str
    ci: tuple[float, float] | None = None
    range_low: float | None = None  # the lower end of a range of reported figures (not an interval)
    range_low_figure: str | None = None
    modelled: bool = False  # the model's figure for this profile (EDSS only), not a published figure
    era: SourceLabel | None = None  # the modelled early-death rows: which era
    count: float | None = None  # a share's people ("235 of 311"), or with kind count: how many ...
    of: float | None = None  # ... of how many
    notes: str = ""  # the figure's notes (data text): names a group the catalogue has no words for
    reported_in: str = ""  # where the figure is reported (data text)

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
            "checked_against": self.checked_against, "modelled": self.modelled, "count": self.count, "of": self.of,
        }


@dataclass(frozen=True)
class HarmStatement:
    """What a source says where it gives no figure (or beside its figures): a data text, the source's
    name for it and what it was checked against, and the people it is about (data texts)."""

    source: str  # evidence file id
    id: str
    text: str
    checked_against: str
    reported_in: str  # the page or paper (data text)
    population: str

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "id": self.id, "text": self.text, "checked_against": self.checked_against,
                "reported_in": self.reported_in}


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
    statements: tuple[HarmStatement, ...] = ()
    populations: tuple[str, ...] = ()  # who the figures are about (data texts of the sources)

    @property
    def headline(self) -> HarmFigure | None:
        return self.figures[0] if self.figures else None

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([f.source for f in self.figures] + [s.source for s in self.statements]))

    @property
    def checked(self) -> tuple[str, ...]:
        return tuple(sorted({f.checked_against for f in self.figures} | {s.checked_against for s in self.statements}))

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
            "statements": [s.as_dict() for s in self.statements],
        }


# --- The catalogue: each harm names its figures and statements ---------------------------------
# A row: (harm id, category, time frame or None, figures, statements). A figure: (source id, figure
# name, group code, and optionally: the figure of a range's low end, the figure of the people
# counted, the figure of how many they were out of). A time frame: (kind, source id, figure name of
# its amount) or (kind,). A statement: (source id, statement id). EVIDENCE.md's harms table, in its
# order, with the regimen comparison after it.

_F = tuple  # (source, figure, group[, low[, count[, of]]])
_Row = tuple[str, str, Optional[tuple], tuple[_F, ...], tuple[tuple[str, str], ...]]

HARMS_TABLE: tuple[_Row, ...] = (
    ("early_death_causes", "early_death_context", None, (
        ("london2021_series", "early_mortality", "two_london_centres", None, "early_deaths", "patients"),
    ), (("london2021_series", "causes"),)),
    ("register_deaths", "early_death_context", None, (
        (INFORMATION, "register_trm", "european_register"),
    ), ((INFORMATION, "register"),)),
    ("febrile_neutropenia", "side_effect", ("in_first_days", "silfverberg2024", "adverse_events_window"), (
        ("silfverberg2024", "febrile_neutropenia", "whole_cohort"),
        (REGIMENS, "febrile_neutropenia_beam", "beam_atg_compared"),
        (REGIMENS, "febrile_neutropenia_cy", "cy_atg_compared"),
    ), ()),
    ("severe_adverse_events_100d", "side_effect", ("in_first_days", "silfverberg2024", "adverse_events_window"), (
        ("silfverberg2024", "grade3_events_100d", "grade_3"),
        ("silfverberg2024", "grade4_events_100d", "grade_4"),
    ), ()),
    ("herpes_zoster", "side_effect", None, (("burman2014", "herpes_zoster", "swedish_cohort"),), ()),
    ("infections", "not_quantified", None, (), ((INFORMATION, "infections"),)),
    ("other_serious_infection", "side_effect", None, (
        ("burt2021", "early_deaths", "legionella_death", None, None, "patients"),
        ("burt2021", "klebsiella_bacteraemia", "klebsiella", None, None, "patients"),
    ), ()),
    ("ebv", "side_effect", None, (
        ("bsbmtct2025", "ebv_reactivation", "uk_registry", None, "ebv_reactivated", "ebv_tested"),
        ("mehra2019", "rituximab_needed", "needed_rituximab", None, None, "patients"),
    ), (("mehra2019", "ebv"),)),
    ("ptld", "not_quantified", None, (), (("mehra2019", "ptld"),)),
    ("m_protein", "side_effect", None, (
        ("mehra2019", "m_protein", "king_college", None, "m_protein_patients", "m_protein_tested"),
    ), ()),
    ("thyroid", "side_effect", None, (
        ("burman2014", "thyroid_disease", "swedish_cohort"),
        # 16 and 15 people: 3.5% and 3.3% as published, of a denominator the abstract copy does not give
        # (16 of 507 would be 3.2%), so no "of 507" is printed beside them.
        ("burt2021", "hypothyroidism", "hypothyroidism", None, "hypothyroidism_patients"),
        ("burt2021", "hyperthyroidism", "hyperthyroidism", None, "hyperthyroidism_patients"),
    ), ()),
    ("itp", "side_effect", None, (
        ("burt2021", "itp_high", "non_alemtuzumab", "itp_low"),
        ("burt2021", "itp_alemtuzumab", "alemtuzumab"),
    ), ()),
    ("autoimmunity", "not_quantified", None, (), ((INFORMATION, "autoimmunity"),)),
    ("hair_loss", "not_quantified", None, (), ((INFORMATION, "hair_loss"),)),
    ("periods", "side_effect", None, (
        ("massarotti2021", "menses_recovered_share", "periods_back", None, "menses_recovered", "women"),
        ("massarotti2021", "months_to_menses", "mean_time"),
        ("massarotti2021", "or_age", "older_age"),
        ("massarotti2021", "or_pulsed_cyclophosphamide", "pulsed_cyclophosphamide"),
    ), (("massarotti2021", "conditioning"),)),
    ("ovarian_reserve", "side_effect", None, (
        ("zafeiri2023", "amh_before", "amh_before"),
        ("zafeiri2023", "amh_3_months", "amh_3_months"),
        ("zafeiri2023", "amh_2_years", "amh_2_years"),
        ("zafeiri2023", "pregnancies", "pregnancies", None, None, "women"),
        ("zafeiri2023", "spontaneous_pregnancies", "spontaneous", None, None, "pregnancies"),
    ), ()),
    ("menopause_infertility", "not_quantified", None, (), ((INFORMATION, "menopause_infertility"),)),
    ("male_infertility", "not_quantified", None, (), ((INFORMATION, "male_infertility"),)),
    ("secondary_cancer", "not_quantified", None, (), ((INFORMATION, "secondary_cancer"),)),
    ("temporary_worsening", "not_quantified", None, (), ((INFORMATION, "temporary_worsening"),)),
    ("hospital_stay", "regimen", ("after_reinfusion",), (
        (REGIMENS, "extra_hospital_days_beam", "beam_atg_longer"),
    ), ((INFORMATION, "hospital_stay"),)),
    ("isolation", "side_effect", None, (
        (INFORMATION, "isolation_months", "typical"),
        (INFORMATION, "isolation_weeks_low", "one_nhs_patient"),
    ), ((INFORMATION, "isolation"),)),
    ("revaccination", "side_effect", None, (
        (INFORMATION, "vaccine_inactivated_to", "inactivated", "vaccine_inactivated_from"),
        (INFORMATION, "vaccine_routine_to", "routine", "vaccine_routine_from"),
        (INFORMATION, "vaccine_live_not_before", "live_not_before"),
    ), ((INFORMATION, "revaccination"),)),
    ("recovery", "not_quantified", None, (
        (INFORMATION, "staged_procedure_weeks", "private_provider"),
    ), ((INFORMATION, "recovery"),)),
    ("access_uk", "not_quantified", None, (), ((INFORMATION, "access_uk"), ("bsbmtct2025", "access"))),
    ("abroad_cost", "not_quantified", None, (), ((INFORMATION, "abroad_cost"),)),
    ("severe_adverse_events_by_regimen", "regimen", None, (
        (REGIMENS, "severe_adverse_events_cy", "cy_atg"),
        (REGIMENS, "severe_adverse_events_beam", "beam_atg"),
    ), ()),
    ("neda_by_regimen", "regimen", ("at_years", REGIMENS, "neda_years"), (
        (REGIMENS, "neda_5y_cy", "cy_atg"),
        (REGIMENS, "neda_5y_beam", "beam_atg"),
        (REGIMENS, "neda_5y_p", "p_value"),
    ), ()),
)


def _figure(model: Model, item: _F) -> HarmFigure:
    source_id, name, group, low, count, of = (*item, None, None, None)[:6]
    source = model.evidence.get(source_id)
    fig = source.figure(name)
    return HarmFigure(group, fig.value, fig.kind, fig.unit, source_id, name, fig.checked_against, fig.ci,
                      source.value(low) if low else None, low, count=source.value(count) if count else None,
                      of=source.value(of) if of else None, notes=fig.notes,
                      reported_in=fig.reported_in)


def statement_of(source: Source, statement_id: str) -> Mapping:
    """One statement (a qualitative finding with what it was checked against) of an evidence file."""
    for item in source.raw.get("statements", ()):
        if item["id"] == statement_id:
            return item
    raise LookupError(f"{source.file_name}: no statement {statement_id!r}")


def _statement(model: Model, source_id: str, statement_id: str) -> HarmStatement:
    source = model.evidence.get(source_id)
    item = statement_of(source, statement_id)
    return HarmStatement(source_id, statement_id, item["text"], item["checked_against"],
                         item.get("reported_in") or source.short_name, item.get("population") or source.text("cohort"))


def _time(model: Model, frame: tuple | None) -> HarmTime | None:
    if frame is None:
        return None
    if len(frame) == 1:
        return HarmTime(frame[0])
    kind, source_id, name = frame
    return HarmTime(kind, model.evidence.get(source_id).value(name))


def _row(model: Model, row: _Row) -> Harm:
    harm_id, category, frame, figure_items, statement_items = row
    figures = tuple(_figure(model, item) for item in figure_items)
    statements = tuple(_statement(model, *item) for item in statement_items)
    populations = [model.evidence.get(f.source).text("cohort") for f in figures]
    populations += [s.population for s in statements]
    return Harm(harm_id, category, _time(model, frame), figures, statements,
                tuple(dict.fromkeys(p for p in populations if p)))


def _early_death(model: Model, harm_id: str, group: str, interval: Interval, label: SourceLabel) -> Harm:
    deaths = model.evidence.get(label.id).figure("early_deaths")
    figure = HarmFigure(group, interval.estimate, "probability", "fraction", label.id, deaths.name,
                        deaths.checked_against, (interval.lower, interval.upper), modelled=True, era=label)
    return Harm(harm_id, "early_death", HarmTime("within_days", model.early_days), (figure,))


def harms(model: Model, result: Estimate) -> tuple[Harm, ...]:
    """The table for this profile: both early-death figures, then every row of the catalogue."""
    rows = [
        _early_death(model, "early_death_study_era", "study_era", result.early_mortality,
                     result.early_mortality_source),
        _early_death(model, "early_death_recent", "recent_centres", result.early_mortality_recent,
                     result.early_mortality_recent_source),
    ]
    rows += [_row(model, row) for row in HARMS_TABLE]
    return tuple(rows)
