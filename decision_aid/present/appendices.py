"""The sheet's appendices: the parts after the estimate that the clinician includes or leaves out
on the Sheet tab (issue 25, item 3), saved in the consultation. All are included by default, in
both versions. The first two pages now carry the options with their main harms and the questions
in brief (:attr:`.sheet_view.SheetView.options_brief`, ``questions_brief``), so leaving an appendix
out no longer takes its subject off the sheet altogether; only the full text goes."""

from __future__ import annotations

from .i18n import N_

#: (key, the Sheet tab's words), in the order the sheet prints them
APPENDICES: tuple[tuple[str, str], ...] = (
    ("glossary", N_("Words used here (patient version)")),
    ("options", N_("Your options: AHSCT or drug treatment, in full")),
    ("harms", N_("What the treatment involves, and its harms")),
    ("guidance", N_("Guidance and other studies")),
    ("worksheet", N_("What matters to you, and questions to ask")),
)
APPENDIX_KEYS = tuple(key for key, _words in APPENDICES)
