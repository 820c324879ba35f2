"""The one calm sentence above the numbers when the profile meets none of the core criteria of
the guidance (E1/E3 or N2/N3), for the estimate tab and the sheet.

Apart from :mod:`.guidance_view` (the whole "Guidance, questions" tab) because the estimate tab
shows this sentence at its first paint: importing the whole tab's view, its worksheet and their
dataclasses for one sentence was about 10 ms of every start.
"""

from __future__ import annotations

from ..context.guidance import DOES_NOT_MEET, MEETS, NOT_KNOWN, core_status, guidance_fits
from ..model import Model, Profile
from . import wording
from .audience import Audience
from .i18n import N_, _

#: The core criteria in one sentence, when none is met (patient, clinician).
CORE_SENTENCES = {
    DOES_NOT_MEET: (
        N_("Published advice keeps AHSCT mainly for MS that stays active despite a strong (high-efficacy) drug, or "
           "for people who cannot take such drugs; from what was entered neither applies, so the numbers below are "
           "not a recommendation."),
        N_("This profile meets none of the core criteria of either guidance (failure of a high-efficacy DMT, or "
           "contraindications to one): the numbers below describe treated people, not an indication.")),
    NOT_KNOWN: (
        N_("Published advice keeps AHSCT mainly for MS that stays active despite a strong (high-efficacy) drug, or "
           "for people who cannot take such drugs; that is not known from what was entered (not answered: {missing}), "
           "so the numbers below are not a recommendation."),
        N_("This profile meets none of the core criteria of either guidance as entered (failure of a high-efficacy "
           "DMT, or contraindications to one; not answered: {missing}): the numbers below describe treated people, "
           "not an indication.")),
}


def core_sentence(model: Model, profile: Profile | None, audience: Audience | str) -> str:
    """One calm sentence when the profile meets none of the core criteria (E1/E3 or N2/N3); "" otherwise."""
    if profile is None:
        return ""
    audience = Audience.parse(audience)
    status, missing = core_status(guidance_fits(model, profile))
    if status == MEETS:
        return ""
    patient, clinician = CORE_SENTENCES[status]
    fields = _(", ").join(_(wording.FIELD_LABELS[f]) for f in missing)
    return _(clinician if audience.clinician else patient, missing=fields)
