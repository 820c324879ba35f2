"""What a person chooses for one sheet (no Qt): kept apart from the layout code so the window
can hold sheet options without loading the printing machinery at start-up."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

PATIENT, CLINICIAN = "patient", "clinician"
PAPERS = ("a4", "letter")


class SheetDoesNotFit(RuntimeError):
    """A page's content does not fit even at the smallest type (for example very long notes)."""


@dataclass(frozen=True)
class SheetOptions:
    audience: str = PATIENT  # "patient" or "clinician"
    paper: str = "a4"  # "a4" or "letter"
    name: str | None = None  # printed only if given for this sheet
    notes: str = ""
    date: _dt.date | None = field(default=None, compare=False)  # None: today
    values: tuple[tuple[str, str], ...] = ()  # values-exercise answers (question id, choice id), page 2
    language: str = "en"  # the sheet's language, chosen apart from the window's
    comparison: object = field(default=None, compare=False)  # a pinned Estimate ("what if"), printed beside
    left_out: tuple[str, ...] = ()  # appendices left out on the Sheet tab (present.appendices), none by default

    def __post_init__(self) -> None:
        if self.audience not in (PATIENT, CLINICIAN):
            raise ValueError(f"audience: {self.audience!r} is not allowed; allowed: patient, clinician")
        if self.paper not in PAPERS:
            raise ValueError(f"paper: {self.paper!r} is not allowed; allowed: a4, letter")
        from ..present.i18n import available_languages

        if self.language not in available_languages():
            raise ValueError(f"language: {self.language!r} is not allowed; allowed: {', '.join(available_languages())}")
