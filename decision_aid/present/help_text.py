"""The words of Help: the program's name, the About box and the user guide (Qt-free).

The About box is plain text; the user guide is HTML built here from escaped text (nothing from a
file or a field is put in it unescaped), shown in a browser with links turned off. The list of
keyboard shortcuts is given by the window from its real actions, so it cannot drift.
"""

from __future__ import annotations

import html
from typing import Sequence

from .i18n import N_, _

PROGRAM_NAME = N_("AHSCT decision aid")

def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _h(text: str) -> str:
    return f"<h2>{html.escape(text)}</h2>"


def user_guide_sections(shortcuts: Sequence[tuple[str, str]]) -> list[tuple[str, list[str]]]:
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
        (_("How to read each view"), [
            _("Your estimate: death within 100 days of transplant, being alive at 5 years and being alive "
              "without disability worsening, as 100 people and in words, with the range. The chart shows the "
              "chance of staying free of worsening over the years, with its 95% band."),
            _("How calculated: the study the estimate is built on, its figures with their intervals, the "
              "assumptions and what the estimate does not cover."),
            _("Other studies, Randomised trial and Guidance: the newer studies, the MIST trial (for profiles it "
              "covers) and published guidance, shown beside the estimate and never blended into it."),
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
            _("Early death in two eras: the study treated people from 1995 to 2006; UK centres treated people "
              "from 2002 to 2023, when early deaths were fewer. Both are shown side by side, the same way, and "
              "never averaged: neither alone is \u201cyour risk\u201d."),
            _("Extrapolation: the study followed people for about 5 years. With the 10-year horizon, years 5 "
              "to 10 continue the curve beyond what was observed; they are shaded and dashed on the chart and "
              "marked \u201cextrapolated\u201d in words."),
        ]),
        (_("Saving, printing and privacy"), [
            _("File > Save keeps the consultation only where you choose. The summary sheet has several pages, "
              "the estimates first. Edit > Copy for the medical record copies the numbers as plain text, "
              "without the name unless you tick it. The program opens no network connection."),
        ]),
        (_("Keyboard shortcuts"), [_("{what}: {keys}", what=what, keys=keys) for what, keys in shortcuts] + [
            _("Every control can be reached with Tab; Alt with the underlined letter of a label, tab or button "
              "moves to it.")]),
    ]


def user_guide_html(shortcuts: Sequence[tuple[str, str]]) -> str:
    """The guide as simple HTML for a browser with links turned off: every text escaped."""
    parts = [f"<h1>{html.escape(_('User guide'))}</h1>"]
    for heading, paragraphs in user_guide_sections(shortcuts):
        parts.append(_h(heading))
        parts += [_p(text) for text in paragraphs]
    return "\n".join(parts)
