"""The options side by side in the same format: AHSCT and each drug option for the profile's type of MS.

EVIDENCE.md "Drug options in the same format" (IPDAS: equal detail for each option). Every option
gets the same parts: what it is and how it is given (data texts), its pivotal trial's main effect
against that trial's own comparator (placebo or another drug, never AHSCT: said beside it), and its
main harms, each with a verified figure or, where none was read, a plain statement. The drug
options are the ``options`` blocks of the evidence files (checked by ``evidence/loader.py``), in
their ``order``; AHSCT comes first, built from the catalogue below: its effect is the best
comparison with drug treatment for the profile's type of MS, its harms the two modelled early-death
figures for this profile and the main harms of the harms table. Codes and numbers only; the words
are made by :mod:`decision_aid.present.drug_options_view`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from ..evidence import Source
from ..model import Estimate, Interval, Model, Profile, SourceLabel
from .harms import statement_of
from .options import (Arm, Fact, Quantity, StudyOutcome, TimeFrame, facts, outcome, quantity, study_arms,
                      time_frame_of)

AHSCT = "ahsct"

#: AHSCT's effect on disability against drug treatment, by type of MS: every comparison that reports
#: it, each (evidence file, outcome code of its comparison block), so that no single result stands
#: alone (MIST's HR 0.07 beside the London cohort's no difference from alemtuzumab or ocrelizumab;
#: Boffa's active SPMS beside Kalincik's advanced disability). Primary progressive MS has none.
_PROGRESSIVE = (("boffa2023_spms", "disability_progression"), ("kalincik2024_progressive", "disability_worsening"))
AHSCT_EFFECT = {"rrms": (("burt2019_mist", "disability_progression"), ("muraro2025_annneurol", "disability_progression")),
                "spms": _PROGRESSIVE,
                "prms": _PROGRESSIVE}

#: AHSCT's main harms besides early death, one figure each (harm id, evidence file, figure name or
#: None, statement id of that file where there is no figure).
AHSCT_MAIN_HARMS: tuple[tuple[str, str, str | None, str | None], ...] = (
    ("febrile_neutropenia", "silfverberg2024", "febrile_neutropenia", None),
    ("herpes_zoster", "burman2014", "herpes_zoster", None),
    ("thyroid", "burman2014", "thyroid_disease", None),
    ("ebv", "bsbmtct2025", "ebv_reactivation", None),
    ("periods", "massarotti2021", "menses_recovered_share", None),
    ("hair_loss", "ahsct_information", None, "hair_loss"),
)


@dataclass(frozen=True)
class OptionHarm:
    """One main harm of an option: a figure (a range, beside the comparator's where published), a
    modelled early-death interval for this profile (AHSCT), or a plain statement where no verified
    figure exists."""

    id: str
    label: str | None  # data text (drug options); None: the words are the view's, by id (AHSCT)
    source: str  # evidence file id
    checked_against: str
    value: Quantity | None = None
    range_low: Quantity | None = None
    comparator: Quantity | None = None
    comparator_range_low: Quantity | None = None
    statement: str | None = None  # data text
    interval: Interval | None = None  # AHSCT's early deaths, modelled for this profile
    era: SourceLabel | None = None

    @property
    def has_figure(self) -> bool:
        return self.value is not None or self.interval is not None

    def as_dict(self) -> dict[str, Any]:
        figure = self.interval.estimate if self.interval else (self.value.value if self.value else None)
        return {"id": self.id, "figure": figure, "source": self.source, "checked_against": self.checked_against,
                "range_low": self.range_low.value if self.range_low else None,
                "comparator": self.comparator.value if self.comparator else None,
                "ci": [self.interval.lower, self.interval.upper] if self.interval
                else (list(self.value.ci) if self.value and self.value.ci else None),
                "unit": self.value.unit if self.value else ("fraction" if self.interval else None),
                "modelled": self.interval is not None}


@dataclass(frozen=True)
class Comparison:
    """One study that compared AHSCT with drug treatment, with its outcomes of one kind (AHSCT's card)."""

    source: str
    short_name: str  # data text
    citation: str
    randomised: bool
    arms: tuple[Arm, ...]
    outcomes: tuple[StudyOutcome, ...]

    def arm_label(self, code: str) -> str:
        return next(a.label for a in self.arms if a.code == code)

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "randomised": self.randomised,
                "outcomes": [o.as_dict() for o in self.outcomes]}


@dataclass(frozen=True)
class DrugOption:
    """One option in the same format as the others. For AHSCT (``id`` "ahsct") the texts are the
    view's; ``trial``/``comparator`` then name the comparison study and its drug arm."""

    id: str
    source: str  # evidence file id of the trial (AHSCT: of the comparison study; "" without one)
    short_name: str  # that file's short name (data text; "" without one)
    citation: str
    label: str | None
    what: str | None
    how_given: str | None
    trial: str | None  # data text (AHSCT: the study's short name)
    comparator: str | None  # data text (AHSCT: the drug arm's label)
    arms: tuple[Arm, ...]
    follow_up: TimeFrame | None
    effects: tuple[StudyOutcome, ...]
    facts: tuple[Fact, ...]
    no_effect: str | None  # data text; AHSCT: a note code (no_comparison_ppms)
    harms: tuple[OptionHarm, ...]
    comparisons: tuple[Comparison, ...] = ()  # AHSCT: every study comparing it with drug treatment

    @property
    def is_ahsct(self) -> bool:
        return self.id == AHSCT

    def arm_label(self, code: str) -> str:
        return next(a.label for a in self.arms if a.code == code)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "trial": self.trial, "comparator": self.comparator,
                "effects": [e.as_dict() for e in self.effects], "facts": [f.as_dict() for f in self.facts],
                "harms": [h.as_dict() for h in self.harms], "comparisons": [c.as_dict() for c in self.comparisons]}


def option_sources(model: Model) -> tuple[tuple[Source, Mapping], ...]:
    """Every drug option of the evidence files with its file, in the options' order."""
    found = [(source, block) for source in model.evidence.sources for block in source.raw.get("options", ())]
    return tuple(sorted(found, key=lambda item: (item[1]["order"], item[1]["id"])))


def drug_options(model: Model, profile: Profile) -> tuple[DrugOption, ...]:
    """The drug options for the profile's type of MS, in their order (AHSCT not included)."""
    return tuple(_drug_option(source, block) for source, block in option_sources(model)
                 if profile.course in block["courses"])


def options_side_by_side(model: Model, profile: Profile, result: Estimate | None) -> tuple[DrugOption, ...]:
    """AHSCT first, then the drug options, all in the same format."""
    return (ahsct_option(model, profile, result), *drug_options(model, profile))


def _drug_option(source: Source, block: Mapping) -> DrugOption:
    arms = study_arms(source, block)
    labels = {a.code: a.label for a in arms}
    return DrugOption(
        id=block["id"], source=source.id, short_name=source.short_name, citation=source.full_citation,
        label=block["label"], what=block["what"],
        how_given=block["how_given"], trial=block["trial"], comparator=block["comparator"], arms=arms,
        follow_up=time_frame_of(source, block.get("follow_up")),
        effects=tuple(outcome(source, item, labels) for item in block.get("effects", ())),
        facts=facts(source, block), no_effect=block.get("no_effect"),
        harms=tuple(_harm(source, item) for item in block["harms"]))


def _harm(source: Source, item: Mapping) -> OptionHarm:
    value = quantity(source, item.get("figure"))
    checked = value.checked_against if value else item.get("checked_against", "")
    return OptionHarm(item["id"], item["label"], item.get("source", source.id), checked, value,
                      quantity(source, item.get("range_low")), quantity(source, item.get("comparator_figure")),
                      quantity(source, item.get("comparator_range_low")), item.get("statement"))


def ahsct_option(model: Model, profile: Profile, result: Estimate | None) -> DrugOption:
    """AHSCT in the same format: every comparison with drug treatment for this type of MS, the two
    modelled early-death figures for this profile (when there is an estimate) and its main harms."""
    comparisons = tuple(_comparison(model, file_id, code) for file_id, code in AHSCT_EFFECT.get(profile.course, ()))
    harms: list[OptionHarm] = []
    if result is not None:
        for interval, label in ((result.early_mortality, result.early_mortality_source),
                                (result.early_mortality_recent, result.early_mortality_recent_source)):
            deaths = model.evidence.get(label.id).figure("early_deaths")
            harms.append(OptionHarm("early_death", None, label.id, deaths.checked_against, interval=interval, era=label))
    for harm_id, file_id, figure, statement in AHSCT_MAIN_HARMS:
        source = model.evidence.get(file_id)
        if figure is not None:
            value = Quantity.of(source.figure(figure))
            harms.append(OptionHarm(harm_id, None, file_id, value.checked_against, value))
        else:
            item = statement_of(source, statement)
            harms.append(OptionHarm(harm_id, None, file_id, item["checked_against"], statement=item["text"]))
    first = comparisons[0] if comparisons else None
    return DrugOption(
        id=AHSCT, source=first.source if first else "", short_name=first.short_name if first else "",
        citation=first.citation if first else "", label=None, what=None, how_given=None,
        trial=first.short_name if first else None, comparator=None, arms=(), follow_up=None,
        effects=tuple(o for c in comparisons for o in c.outcomes), facts=(),
        no_effect=None if comparisons else "no_comparison_ppms", harms=tuple(harms), comparisons=comparisons)


def _comparison(model: Model, file_id: str, code: str) -> Comparison:
    source = model.evidence.get(file_id)
    block = source.raw["comparison"]
    arms = study_arms(source, block)
    labels = {a.code: a.label for a in arms}
    outcomes = tuple(outcome(source, item, labels) for item in block["outcomes"] if item["code"] == code)
    return Comparison(file_id, source.short_name, source.full_citation, block["randomised"], arms, outcomes)
