"""The context core: what surrounds the personal estimate, in codes and numbers (Qt-free, no words).

Between the model and the presentation layer (``cli > ui > report > present > context > model >
evidence``, an import-linter contract). Each module decides *what* applies to a profile and reads
*which* numbers from the evidence files; the sentences a person reads are made from these objects
by :mod:`decision_aid.present` (``studies_view``, ``trial_view``, ``guidance_view``,
``options_view``, ``harms_view``, ``worksheet_view``, ``about_view``), so the window, the sheet and
``decision-aid estimate --json`` say the same thing.

- :mod:`.studies`: the primary study and the context cohorts, with their published figures;
- :mod:`.trial`: the MIST randomised trial, and which of its entry criteria a profile does not meet;
- :mod:`.guidance`: both guidance statements beside the profile, point by point, as fit codes;
- :mod:`.options`: AHSCT and drug treatment side by side for the profile's type of MS;
- :mod:`.harms`: what the treatment involves, beside both early-death figures;
- :mod:`.values`: the ids of the values questions and of the questions to ask, and the answers;
- :mod:`.about`: the evidence review (and whether it is overdue) and the disclosure.

Texts that come from the evidence files (a study's design, a population, an arm's label, a
guidance statement) are data: they are carried as they are, never composed here.
"""
