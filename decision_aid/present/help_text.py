"""The words of Help's user guide (Qt-free; the program's name is in :mod:`.wording`, the About
box in :mod:`.about_view`).

The user guide is HTML built here from escaped text (nothing from a file or a field is put in it
unescaped), shown in a browser with links turned off. The list of keyboard shortcuts is given by
the window from its real actions, so it cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .i18n import _


def _escape(text: str) -> str:
    """HTML-escaped ``text``; :mod:`html` (and its table of entities) is loaded with the guide, not
    at every start."""
    import html

    return html.escape(text)


def _p(text: str) -> str:
    return f"<p>{_escape(text)}</p>"


def _h(text: str) -> str:
    return f"<h2>{_escape(text)}</h2>"


@dataclass(frozen=True)
class GuideFacts:
    """The figures the guide speaks of, from the model and its evidence (never typed into text)."""

    days: int
    years: str
    model: str
    study_years: str
    recent_years: str

    @classmethod
    def from_model(cls, model) -> "GuideFacts":
        from .wording import data_text, number

        return cls(model.early_days, number(model.data_horizon), model.version,
                   data_text(model.study.text("transplant_years")), data_text(model.recent_study.text("transplant_years")))


def user_guide_sections(shortcuts: Sequence[tuple[str, str]], facts: GuideFacts | None) -> list[tuple[str, list[str]]]:
    """The guide as (heading, paragraphs). Without checked evidence (``facts`` None) the parts that
    quote figures are left out rather than written from memory."""
    return _sections(shortcuts, facts)


def _sections(shortcuts: Sequence[tuple[str, str]], facts: GuideFacts | None) -> list[tuple[str, list[str]]]:
    """The guide as (heading, paragraphs); the shortcuts are read from the window's real actions."""
    return [
        (_("What this program is"), [
            _("It shows, for one profile (age, type of MS, EDSS score and number of previous treatments), what "
              "happened to people treated with AHSCT in published studies, adjusted to that profile. It is a "
              "decision aid built on group figures, not a prediction for one person."),
            _("Enter the profile on the left. The estimates appear as soon as every value is allowed; a missing "
              "or refused value is marked at its field with what is allowed, and no numbers are shown until it "
              "is corrected. Nothing is rounded or clamped into range."),
        ]),
    ] + ([] if facts is None else _figures_sections(facts)) + [
        (_("Saving, printing and privacy"), [
            _("File > Save keeps the consultation only where you choose. The summary sheet has several pages, "
              "the estimates first. Edit > Copy for the medical record copies the numbers as plain text, "
              "without the name unless you tick it. The program opens no network connection."),
        ]),
        (_("Keyboard shortcuts"), [_("{what}: {keys}", what=what, keys=keys) for what, keys in shortcuts] + [
            _("Every control can be reached with Tab; Alt with the underlined letter of a label, tab or button "
              "moves to it.")]),
    ]


def _figures_sections(facts: GuideFacts) -> list[tuple[str, list[str]]]:
    """The parts of the guide that quote figures (days, years, eras), from the evidence."""
    return [
        (_("How to read each view"), [
            _("Your estimate: death within {days} days of transplant in two eras, being alive at {years} years "
              "and being alive without disability worsening, as 100 people and in words, with the range. The "
              "chart shows the chance of staying free of worsening over the years, with its 95% band.",
              days=facts.days, years=facts.years),
            _("How calculated: the studies the estimate is built on, their figures with their intervals and "
              "what each was checked against, the assumptions, what changed in model {model} and what the "
              "estimate does not cover.", model=facts.model),
            _("Your options: AHSCT and drug treatment side by side for the type of MS entered, from the best "
              "studies that compare them, in the same format for both; what is not known is said plainly."),
            _("Risks: what the treatment involves beyond early death (infections, side effects), how often and "
              "from which study. Studies: the other studies beside this estimate, never blended into it. "
              "Guidance: what the published guidance says, point by point, and questions to ask."),
            _("Values: a short exercise about what matters to the patient; the answers are printed on the "
              "sheet. Sheet: name or initials (optional), notes and paper size, and the print buttons."),
            _("Patient view uses plain words and whole numbers in 100; Clinician view adds percentages, 95% "
              "intervals, hazard ratios and the assumption numbers."),
        ]),
        (_("What the numbers mean"), [
            _("In 100: \u201cabout 2 in 100\u201d means that of 100 people with this profile, about 2 would be "
              "expected to have that outcome. It is a share of a group, not a certainty for one person."),
            _("Ranges: \u201cbetween A and B in 100\u201d is the 95% interval. The true number is likely to lie "
              "in that range; a wide range means the studies tell us less."),
            _("Early death in two eras: the study treated people from {study_years}; UK centres treated people "
              "from {recent_years}, when early deaths were fewer. Both are shown side by side, the same way, and "
              "never averaged: neither alone is \u201cyour risk\u201d.", study_years=facts.study_years,
              recent_years=facts.recent_years),
            _("Extrapolation: the study followed people for about {years} years. With the longer horizon, the "
              "years after {years} continue the curve beyond what was observed; they are shaded and dashed on "
              "the chart and marked \u201cextrapolated\u201d in words.", years=facts.years),
        ]),
    ]


def user_guide_html(shortcuts: Sequence[tuple[str, str]], facts: GuideFacts | None = None) -> str:
    """The guide as simple HTML for a browser with links turned off: every text escaped."""
    parts = [f"<h1>{_escape(_('User guide'))}</h1>"]
    for heading, paragraphs in user_guide_sections(shortcuts, facts):
        parts.append(_h(heading))
        parts += [_p(text) for text in paragraphs]
    return "\n".join(parts)
