"""The options side by side in words: AHSCT and each drug option in the same format (IPDAS balance).

Built from :mod:`decision_aid.context.drug_options`. Every option card has the same four parts in
the same order: what it is, how it is given, what it did in its main study (against that study's own
comparison group, named beside it: placebo or another drug, never AHSCT), and its main harms, each
with a verified figure or the plain statement that there is none. Patients read whole numbers in 100
(in 1000 for rare harms) and plain words; clinicians read the published percentages, rates, ratios
with their intervals and p values, the citation and what each figure was checked against.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..context.drug_options import AHSCT, Comparison, DrugOption, OptionHarm, options_side_by_side
from ..model import Estimate, Model, Profile
from . import wording
from .audience import Audience
from .i18n import N_, _
from .options_view import (_arm_panel, comparison_sentence, fact_text, note_text, outcome_numbers,
                           time_frame_text)

#: AHSCT's words (the drug options' words are data texts of their evidence files).
AHSCT_NAME = N_("AHSCT (autologous haematopoietic stem cell transplantation)")
AHSCT_WHAT = N_("Your own blood stem cells are collected, strong chemotherapy wipes out the immune system, and "
                "the stem cells are given back so that a new immune system grows.")
AHSCT_HOW = N_("One course of treatment: some weeks in hospital, then months of recovery (see \u201cWhat the "
               "treatment involves\u201d).")
AHSCT_HARMS = {
    "febrile_neutropenia": N_("Fever with very low white blood cells (febrile neutropenia), in the first weeks"),
    "herpes_zoster": N_("Shingles (herpes zoster) coming back"),
    "thyroid": N_("Thyroid disease"),
    "ebv": N_("Epstein-Barr virus (EBV) coming back"),
    "periods": N_("Periods came back after they stopped (women)"),
    "hair_loss": N_("Hair loss"),
}
#: The parts of every card, in order.
PARTS = (N_("What it is"), N_("How it is given"), N_("What it did in its main study"), N_("Main harms"))


@dataclass(frozen=True)
class OptionCardView:
    id: str
    name: str
    is_ahsct: bool
    parts: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, lines) in the order of PARTS
    source: str  # the citation (clinician) or "Source: ..." (patient)
    checked: str  # clinician: what the figures were checked against; patient: ""

    def part(self, index: int) -> tuple[str, ...]:
        return self.parts[index][1]

    def texts(self) -> tuple[str, ...]:
        found = [self.name, self.source, self.checked]
        for heading, lines in self.parts:
            found += [heading, *lines]
        return tuple(t for t in found if t)


# -- the figures in words ---------------------------------------------------------------------------

def per_thousand_phrase(value: float) -> str:
    """A risk given per 1000 people, as a whole number in 1000 ("fewer than 1 in 1000" below one)."""
    count = int(value + 0.5)
    if count == 0 and value > 0:
        return _("fewer than 1 in 1000")
    return _("about {count} in 1000", count=count)


def quantity_text(q, audience: Audience) -> str:
    """A harm's figure for the audience: a share, a risk per 1000, with its interval for the clinician."""
    if q.kind == "per_thousand":
        if audience.clinician:
            text = _("{value} per 1000", value=wording.number(q.value))
            if q.ci:
                text = _("{value} (95% CI {lower} to {upper})", value=text, lower=wording.number(q.ci[0]),
                         upper=wording.number(q.ci[1]))
            return text
        return per_thousand_phrase(q.value)
    if q.kind == "probability":
        return wording.published_percent(q.value) if audience.clinician else wording.count_phrase(q.value)
    return _("{value} {unit}", value=wording.number(q.value), unit=_(q.unit))


def _range_text(value, low, audience: Audience) -> str:
    if low is None:
        return quantity_text(value, audience)
    if audience.clinician:
        return _("{low} to {high}", low=wording.published_percent(low.value), high=wording.published_percent(value.value))
    return _("{low} to about {high} in {total}", low=wording.in_hundred(low.value), high=wording.in_hundred(value.value),
             total=wording.DENOMINATOR)


def harm_line(option: DrugOption, harm: OptionHarm, audience: Audience, days: int) -> str:
    if harm.interval is not None:  # AHSCT's early deaths: modelled for this profile's EDSS
        value = wording.interval_percent(harm.interval) if audience.clinician else _(
            "{count} ({range})", count=wording.count_phrase(harm.interval.estimate),
            range=wording.range_phrase(harm.interval))
        return _("Death within {days} days, {era}, estimated for the EDSS given: {value}", days=days,
                 era=_(harm.era.label), value=value)
    label = wording.data_text(harm.label) if harm.label else _(AHSCT_HARMS[harm.id])
    statement = wording.data_text(harm.statement) if harm.statement else ""
    if harm.value is None:
        return _("{label}: no verified figure. {statement}", label=label, statement=statement)
    value = _range_text(harm.value, harm.range_low, audience)
    if harm.comparator is not None:
        other = wording.data_text(option.arm_label("comparator"))
        value = _("{value} (with {other}: {other_value})", value=value, other=wording.lower_first(other),
                  other_value=_range_text(harm.comparator, harm.comparator_range_low, audience))
    line = _("{label}: {value}", label=label, value=value)
    return _("{line}. {statement}", line=line, statement=statement) if statement else line


def effect_lines(option, audience: Audience, outcomes=None) -> tuple[str, ...]:
    """Each main result: what was measured and when, each group's figure, and the comparison.
    ``option`` names the groups (a drug option, or one of AHSCT's comparisons)."""
    lines = []
    for outcome in option.effects if outcomes is None else outcomes:
        definition = wording.data_text(outcome.definition)
        when = time_frame_text(outcome.time_frame, audience) if outcome.time_frame else ""
        measured = _("{definition}, {time}", definition=definition, time=when) if when else definition
        groups = []
        for arm in outcome.arms:
            panel = _arm_panel(arm, outcome, False, audience)
            value = panel.headline
            if arm.kind != "count" and panel.detail:  # a count's headline already says "3 of 55"
                value = _("{value} {detail}", value=value, detail=panel.detail) if panel.detail.startswith("(") \
                    else _("{value} ({detail})", value=value, detail=panel.detail)
            groups.append(_("{label}: {value}", label=panel.label, value=value))
        text = _("{measured}: {groups}.", measured=measured, groups=_("; ").join(groups)) if groups else \
            _("{measured}.", measured=measured)
        lines.append(text)
        sentence = comparison_sentence(outcome, option)
        if sentence:
            lines.append(sentence)
        if audience.clinician:
            numbers = outcome_numbers(outcome, lambda code: wording.data_text(option.arm_label(code)))
            if numbers:
                lines.append(numbers)
    return tuple(lines)


def _comparison_lines(comparison: Comparison, audience: Audience) -> list[str]:
    """One study comparing AHSCT with drug treatment: which study, against what, and its results."""
    others = _(" and ").join(wording.lower_first(wording.data_text(a.label)) for a in comparison.arms
                             if a.code != AHSCT)
    study = wording.data_text(comparison.short_name)
    line = _("Compared with drug treatment in the {study}, against: {comparator}.", study=study, comparator=others) \
        if comparison.randomised else _("Compared with drug treatment in the {study} (an observational study, not "
                                        "randomised), against: {comparator}.", study=study, comparator=others)
    return [line, *effect_lines(comparison, audience, comparison.outcomes)]


def _did_lines(option: DrugOption, audience: Audience) -> list[str]:
    if option.is_ahsct:
        if option.no_effect:
            return [note_text(option.no_effect)]
        return [line for comparison in option.comparisons for line in _comparison_lines(comparison, audience)]
    return [_("Main study: {trial}. Compared with: {comparator}.", trial=wording.data_text(option.trial),
              comparator=wording.data_text(option.comparator)), *effect_lines(option, audience)]


def _checked(option: DrugOption) -> str:
    found = {c for outcome in option.effects for c in outcome.checked}
    found |= {h.checked_against for h in option.harms if h.checked_against}
    found |= {f.quantity.checked_against for f in option.facts}
    return _("Checked against: {checked}.", checked=_(", ").join(sorted(wording.data_text(c) for c in found))) \
        if found else ""


def option_card(option: DrugOption, audience: Audience, days: int) -> OptionCardView:
    clinician = audience.clinician
    name = _(AHSCT_NAME) if option.is_ahsct else wording.data_text(option.label)
    what = _(AHSCT_WHAT) if option.is_ahsct else wording.data_text(option.what)
    how = _(AHSCT_HOW) if option.is_ahsct else wording.data_text(option.how_given)
    did = _did_lines(option, audience)
    did += [fact_text(f, audience) for f in option.facts]
    if option.no_effect and not option.is_ahsct:
        did.append(wording.data_text(option.no_effect))
    harms = [harm_line(option, h, audience, days) for h in option.harms]
    if option.is_ahsct:
        harms.append(_("Every harm, with its source: see \u201cWhat the treatment involves\u201d."))
    names = [(c.citation, c.short_name) for c in option.comparisons] or [(option.citation, option.short_name)]
    if clinician:
        source = " ".join(citation for citation, _name in names if citation)
    else:
        listed = _("; ").join(wording.data_text(name) for _citation, name in names if name)
        source = _("Source: {name}", name=listed) if listed else ""
    return OptionCardView(option.id, name, option.is_ahsct,
                          tuple(zip((_(p) for p in PARTS), ((what,), (how,), tuple(did), tuple(harms)))),
                          source, _checked(option) if clinician else "")


def option_cards(model: Model, profile: Profile, result: Estimate | None,
                 audience: Audience | str) -> tuple[OptionCardView, ...]:
    """AHSCT first, then each drug option for the profile's type of MS, in the same format."""
    audience = Audience.parse(audience)
    return tuple(option_card(o, audience, model.early_days) for o in options_side_by_side(model, profile, result))


# -- the options in brief (the patient sheet's first two pages, issue 25 item 3) ---------------------

@dataclass(frozen=True)
class OptionBriefView:
    """One option in brief: its short name, how it is given and at most two main harms with a figure."""

    id: str
    name: str
    how: str
    harms: tuple[str, ...]


#: AHSCT's short name in the brief (the full name is spelled out under "About you").
AHSCT_SHORT = N_("AHSCT")


def brief_harms(option: DrugOption, audience: Audience, days: int, limit: int = 2) -> tuple[str, ...]:
    """The first ``limit`` harms that carry a figure (label and figure, no statement); AHSCT's early
    deaths are the key number already printed above, so they are pointed to, not repeated. An option
    with no figured harm says so of its first harm."""
    lines = [_("Death within {days} days: see the key numbers above", days=days)] if option.is_ahsct else []
    for harm in option.harms:
        if harm.interval is not None or harm.value is None:
            continue
        label = wording.data_text(harm.label) if harm.label else _(AHSCT_HARMS[harm.id])
        lines.append(_("{label}: {value}", label=label, value=_range_text(harm.value, harm.range_low, audience)))
        if len(lines) >= limit + option.is_ahsct:
            break
    if len(lines) == option.is_ahsct and option.harms:
        first = option.harms[0]
        label = wording.data_text(first.label) if first.label else _(AHSCT_HARMS[first.id])
        lines.append(_("{label}: no verified figure. {statement}", label=label, statement="").strip())
    return tuple(lines)


def options_brief(model: Model, profile: Profile, result: Estimate | None,
                  audience: Audience | str) -> tuple[OptionBriefView, ...]:
    """Every option of :func:`option_cards`, in the same order, in brief."""
    audience = Audience.parse(audience)
    return tuple(OptionBriefView(
        o.id, _(AHSCT_SHORT) if o.is_ahsct else wording.data_text(o.label),
        _(AHSCT_HOW_BRIEF) if o.is_ahsct else wording.data_text(o.how_given),
        brief_harms(o, audience, model.early_days)) for o in options_side_by_side(model, profile, result))


AHSCT_HOW_BRIEF = N_("One course: some weeks in hospital, then months of recovery")
