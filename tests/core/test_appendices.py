"""Issue 25, item 3 (part): the sheet's appendices, included or left out on the Sheet tab, saved in
the consultation (checked when a file is opened), all included by default in both versions."""

from __future__ import annotations

import dataclasses
import json

import pytest

from decision_aid.consultation import ConsultationError, load_consultation, save_consultation
from decision_aid.present.appendices import APPENDIX_KEYS
from decision_aid.present.sheet_view import sheet_view
from decision_aid.session import ConsultationSession as Session
from test_consultation import full_consultation

PROFILE = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}


def headings(sheet) -> list[str]:
    return [getattr(section, "heading", getattr(section, "title", type(section).__name__)) for section in sheet.sections]


def test_all_appendices_by_default_in_both_versions(model):
    result = model.estimate(model.validate(PROFILE))
    patient, clinician = (sheet_view(result, audience, model) for audience in ("patient", "clinician"))
    assert len(patient.sections) == len(APPENDIX_KEYS)  # the glossary is the patient's only
    assert len(clinician.sections) == len(APPENDIX_KEYS) - 1
    assert "\u201cYour options\u201d" in patient.not_mean[0] and "\u201cWhat the treatment" in patient.not_mean[1]


@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_left_out_appendices_are_not_printed_and_nothing_points_to_them(model, audience):
    result = model.estimate(model.validate(PROFILE))
    whole = sheet_view(result, audience, model)
    short = sheet_view(result, audience, model, left_out=("options", "harms", "guidance"))
    kept = [type(s).__name__ for s in short.sections]
    assert [type(s).__name__ for s in whole.sections if type(s).__name__ in kept] == kept  # same order
    assert not {"OptionsView", "HarmsView", "ContextSection"} & set(kept)
    assert "WorksheetSection" in kept
    assert not any("later in this summary" in sentence for sentence in short.not_mean)


def test_the_choice_is_saved_and_opened_again(tmp_path, model):
    consultation = dataclasses.replace(full_consultation(model), sheet_left_out=("harms", "worksheet"))
    path = save_consultation(tmp_path / "c.aidconsult.json", consultation)
    assert json.loads(path.read_text(encoding="utf-8"))["sheet_left_out"] == ["harms", "worksheet"]
    assert load_consultation(path, model).sheet_left_out == ("harms", "worksheet")
    plain = save_consultation(tmp_path / "p.aidconsult.json", full_consultation(model))
    assert "sheet_left_out" not in json.loads(plain.read_text(encoding="utf-8"))  # older versions read it
    assert load_consultation(plain, model).sheet_left_out == ()


@pytest.mark.parametrize("value, words", [
    (["harms", "recipes"], "\"recipes\", which is not allowed"),
    (["harms", "harms"], "names an appendix twice"),
    ("harms", "must be a list"),
    ([3], "which is not allowed"),
])
def test_the_loader_refuses_a_choice_it_does_not_know(tmp_path, model, value, words):
    path = save_consultation(tmp_path / "c.aidconsult.json", full_consultation(model))
    document = json.loads(path.read_text(encoding="utf-8"))
    document["sheet_left_out"] = value
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ConsultationError) as caught:
        load_consultation(path, model)
    assert words in str(caught.value) and "sheet_left_out" in str(caught.value)


def test_the_session_keeps_the_choice_with_the_consultation(model):
    session = Session(model)
    heard = []
    session.subscribe("contents", lambda: heard.append(True))
    session.set_sheet_left_out(("guidance",))
    assert heard and session.to_consultation().sheet_left_out == ("guidance",)
    other = Session(model)
    other.apply(session.to_consultation())
    assert other.sheet_left_out == ("guidance",)
