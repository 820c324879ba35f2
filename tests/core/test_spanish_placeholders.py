"""Spanish sentences read well once their placeholders are filled (issue 26, item 7): an age is
"28 años" (never "Edad 28: menor de 45"), a duration is not followed by a second colon, a missing
answer says what the guidance asks for, and no count follows "unos"/"unas" (which would print
"unos 1")."""

from __future__ import annotations

import re

from decision_aid.present import i18n
from decision_aid.present.guidance_view import guidance_view


def guidance_texts(model, fields: dict) -> list[str]:
    with i18n.use_language("es"):
        view = guidance_view(model, model.validate(fields), "clinician")
    return [point.text for statement in view.statements for point in statement.points]


def test_the_guidance_rows_read_well_in_spanish(model):
    texts = guidance_texts(model, {"age": 28, "course": "rrms", "edss": 2.0, "prior_dmts": 1,
                                   "disease_duration_years": 3})
    assert "28 años: menor de 45" in texts, texts
    assert not any("Edad 28" in t for t in texts)
    assert not any(re.search(r"\d+ años: .*: ", t) for t in texts), texts  # one colon after the value
    missing = " ".join(guidance_texts(model, {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}))
    assert re.search(r": sin datos \(recomendaciones: menos de \d+", missing), missing


def test_no_spanish_count_follows_unos_or_unas():
    """"unos {count}" prints "unos 1" for a count of one: a count placeholder never follows them."""
    from babel.messages.pofile import read_po

    with (i18n.locale_directory() / "es" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po").open("rb") as stream:
        catalogue = read_po(stream, locale="es")
    texts = [t for m in catalogue if m.id for t in (m.string if isinstance(m.string, tuple) else (m.string,))]
    found = [text for text in texts if re.search(r"\bun[oa]s \{(?:count|value|n|number|sae_\w+|per_hundred)\}", text)]
    assert not found, found
