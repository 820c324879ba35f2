"""The words a patient meets in this aid, explained once (How calculated, and the patient sheet).

Each explanation is a whole sentence through gettext; the terms are those EVIDENCE.md and the
review named (AHSCT, EDSS, ATG, BEAM, cohort, pooled) and the others the patient views use.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_, _

#: (term, explanation), in alphabetical order of the English terms.
TERMS = (
    (N_("AHSCT"), N_("Autologous haematopoietic stem cell transplantation: your own blood stem cells are collected, "
                     "strong chemotherapy wipes out the immune system, and the stem cells are given back so that a "
                     "new immune system grows. Also called HSCT.")),
    (N_("ATG"), N_("Anti-thymocyte globulin: an antibody medicine given with the chemotherapy to remove immune "
                   "cells (T cells).")),
    (N_("BEAM"), N_("A stronger chemotherapy of four drugs (carmustine, etoposide, cytarabine and melphalan); "
                    "\u201cBEAM/ATG\u201d is BEAM given with ATG.")),
    (N_("Cohort"), N_("A group of people followed over time in a study, here people who had AHSCT.")),
    (N_("Cy/ATG"), N_("The gentler chemotherapy: cyclophosphamide given with ATG.")),
    (N_("DMT"), N_("Disease-modifying therapy: a drug taken to reduce MS relapses and slow worsening.")),
    (N_("EDSS"), N_("Expanded Disability Status Scale: the usual score of disability in MS, from 0 (none) upwards "
                    "in half steps; a higher score means more disability.")),
    (N_("High-efficacy drug"), N_("One of the strongest MS drugs, such as natalizumab, alemtuzumab, ocrelizumab, "
                                  "ofatumumab or cladribine.")),
    (N_("Placebo"), N_("A dummy treatment, given in a trial so that a drug can be compared with no drug.")),
    (N_("Pooled"), N_("Combined: the results of several studies put together into one figure.")),
    (N_("Relapse"), N_("An attack of new or worse MS symptoms lasting more than a day, followed by full or partial "
                       "recovery.")),
)


@dataclass(frozen=True)
class GlossaryView:
    heading: str
    entries: tuple[tuple[str, str], ...]  # (term, explanation)

    def lines(self) -> tuple[str, ...]:
        return tuple(_("{term}: {explanation}", term=term, explanation=text) for term, text in self.entries)


def glossary_view() -> GlossaryView:
    return GlossaryView(_("Words used here"), tuple((_(term), _(text)) for term, text in TERMS))
