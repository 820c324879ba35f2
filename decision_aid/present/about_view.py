"""About the aid in words (IPDAS items): the disclosure (on the sheet and in the About box) and
the About box itself (plain text). The evidence review in words is :mod:`.review_view`.

Built from :mod:`decision_aid.context.about`; the disclosure's own texts are data from
``about.json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import __version__
from ..context.about import AboutError, Disclosure, disclosure
from ..model import Model
from . import wording
from .i18n import N_, _
from .review_view import review_view

DISCLOSURE_HEADINGS = {
    "funding": N_("Funding"),
    "conflicts_of_interest": N_("Conflicts of interest"),
    "evidence_selection": N_("How the evidence was chosen"),
    "report_a_problem": N_("How to report a problem"),
}


@dataclass(frozen=True)
class DisclosureItemView:
    code: str
    heading: str
    text: str


@dataclass(frozen=True)
class DisclosureView:
    heading: str
    items: tuple[DisclosureItemView, ...]

    def lines(self) -> tuple[str, ...]:
        return tuple(_("{heading}: {text}", heading=item.heading, text=item.text) for item in self.items)


@dataclass(frozen=True)
class AboutView:
    title: str
    lines: tuple[str, ...]  # plain text, one paragraph each

    @property
    def text(self) -> str:
        return "\n\n".join(self.lines)


def disclosure_view(about: Disclosure | None = None) -> DisclosureView:
    about = disclosure() if about is None else about
    items = []
    for item in about.items:
        text = wording.data_text(item.text)
        if item.code == "report_a_problem" and about.contact:
            text = _("{text} Contact: {contact}", text=text, contact=about.contact)
        items.append(DisclosureItemView(item.code, _(DISCLOSURE_HEADINGS[item.code]), text))
    return DisclosureView(_("About this decision aid"), tuple(items))


def translation_note() -> str:
    """In a translated window: the translation is a draft, and which English it was made from."""
    from .i18n import SOURCE_LANGUAGE, current_language, translated_from

    if current_language() == SOURCE_LANGUAGE:
        return ""
    return _("This translation has not yet been reviewed by a medical translator. It was made from the English "
             "text of decision-aid {version}; where anything is unclear, the English text is the reference.",
             version=translated_from(current_language()))


LICENCE = None  # the repository states no licence yet; the About box says so rather than invent one


def about_view(model: Model | None, problem: str | None = None, about: Disclosure | None = None,
               qt_version: str | None = None, python_version: str | None = None) -> AboutView:
    """The About box as plain text: the program, the model and evidence, the review, the disclosure,
    the licence, how to cite, and the Qt and Python versions (for a problem report)."""
    lines = [_("AHSCT decision aid for multiple sclerosis, version {version}", version=__version__)]
    lines += [note for note in (translation_note(),) if note]
    if model is not None:
        evidence = model.evidence
        lines += [_("Model {model}; evidence {evidence} ({checksum})", model=model.version, evidence=evidence.version,
                    checksum=evidence.short_checksum),
                  _("Source: {citation}", citation=model.citation)]
        review = review_view(evidence)
        lines.append(review.line)
        if review.notice:
            lines.append(review.notice)
    else:
        lines.append(problem or "")
    lines.append(_("A decision aid built on published group figures, not a prediction for one person. It works "
                   "offline and sends nothing anywhere."))
    try:
        lines += disclosure_view(about).lines()
    except AboutError as problem:
        lines.append(_("The disclosure cannot be shown: {problem}", problem=str(problem)))
    lines.append(_("Licence: {licence}", licence=LICENCE or _("not yet stated")))
    if model is not None:
        lines.append(_("To cite: decision-aid {version} (AHSCT decision aid for multiple sclerosis), with the study "
                       "its estimates are built on: {citation}", version=__version__, citation=model.citation))
    if qt_version and python_version:
        lines.append(_("Qt {qt}; Python {python}", qt=qt_version, python=python_version))
    return AboutView(_("About the decision aid"), tuple(lines))
