"""Saved consultations: every field survives a round trip, files are owner-only and written
atomically, and every kind of bad file is refused whole with one sentence naming the field. Sheets from a saved file are in
tests/ui/test_consultation_sheet.py."""

import dataclasses
import json
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from decision_aid.consultation import (
    MAX_FILE_BYTES, Consultation, ConsultationError, describe_version_change, load_consultation,
    save_consultation,
)

from shared import full_consultation, cli

CORPUS = Path(__file__).resolve().parents[1] / "data" / "consultations"

# file -> (the field the message must name, or None for file-level problems; a phrase it must contain)
BAD_FILES = {
    "truncated.aidconsult.json": (None, "truncated"),
    "empty.aidconsult.json": (None, "empty"),
    "not_json.aidconsult.json": (None, "not valid JSON"),
    "not_utf8.aidconsult.json": (None, "not UTF-8"),
    "top_level_list.aidconsult.json": (None, "a list"),
    "duplicate_field.aidconsult.json": ("horizon", "more than once"),
    "nan_age.aidconsult.json": (None, "NaN"),
    "other_format.aidconsult.json": ("format", "not a decision-aid consultation"),
    "missing_audience.aidconsult.json": ("audience", "missing"),
    "missing_profile.aidconsult.json": ("profile", "missing"),
    "extra_field.aidconsult.json": ("diagnosis", "does not have"),
    "horizon_as_text.aidconsult.json": ("horizon", "must be a whole number"),
    "notes_as_list.aidconsult.json": ("notes", "must be text"),
    "name_as_number.aidconsult.json": ("patient_name", "must be text or null"),
    "profile_extra_field.aidconsult.json": ("weight", "does not have"),
    "profile_edss_as_list.aidconsult.json": ("profile.edss", "a list"),
    "values_not_text.aidconsult.json": ("values.early_risk", "must be text"),
    "values_unknown_choice.aidconsult.json": ("values.early_risk", "not an answer this program knows"),
    "bad_saved_at.aidconsult.json": ("saved_at", "ISO 8601"),
    "future_version.aidconsult.json": ("format_version", "update the program"),
    "version_as_text.aidconsult.json": ("format_version", "not allowed"),
    "audience_doctor.aidconsult.json": ("audience", "patient or clinician"),
    "horizon_7.aidconsult.json": ("horizon", "5 or 10"),
    "horizon_true.aidconsult.json": ("horizon", "must be a whole number"),
    "sheet_language_unknown.aidconsult.json": ("sheet_language", "en or es"),
    "sheet_audience_doctor.aidconsult.json": ("sheet_audience", "patient or clinician"),
}

# Files whose profile holds a value the model does not allow: they open as entered (the window
# marks the field); the command line refuses them with the model's message.
NOT_ALLOWED_VALUES = {
    "edss_half.aidconsult.json": ("edss", "there is no 0.5"),
    "edss_ten.aidconsult.json": ("edss", "10 means death"),
    "age_80.aidconsult.json": ("age", "16 to 75"),
    "course_unknown.aidconsult.json": ("course", "rrms"),
}
CLI_REFUSED = {**BAD_FILES, **NOT_ALLOWED_VALUES}


def is_one_sentence(message: str) -> bool:
    return "\n" not in message and message.endswith(".") and not re.search(r"[.!?]\s+[A-Z]", message)


def test_round_trip_keeps_every_field(tmp_path, model):
    original = full_consultation(model)
    path = save_consultation(tmp_path / "visit.aidconsult.json", original)
    loaded = load_consultation(path, model)
    for f in dataclasses.fields(Consultation):
        assert getattr(loaded, f.name) == getattr(original, f.name), f.name
    assert loaded == original
    assert describe_version_change(loaded, model) is None


def test_saved_file_is_owner_only_from_creation(tmp_path, model):
    old_umask = os.umask(0)  # even with a permissive umask the file is created 0600
    try:
        path = save_consultation(tmp_path / "visit.aidconsult.json", full_consultation(model))
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_interrupted_save_keeps_the_previous_file_and_leaves_no_temporary(tmp_path, model, monkeypatch):
    path = tmp_path / "visit.aidconsult.json"
    first = full_consultation(model)
    save_consultation(path, first)
    before = path.read_bytes()

    def power_cut(*args):
        raise OSError("simulated failure between write and rename")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        save_consultation(path, dataclasses.replace(first, notes="changed"))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    assert load_consultation(path, model) == first


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_refused_with_one_sentence_naming_the_field(name, model):
    field, phrase = BAD_FILES[name]
    with pytest.raises(ConsultationError) as caught:
        load_consultation(CORPUS / name, model)
    message = str(caught.value)
    assert is_one_sentence(message), message
    assert phrase in message
    if field is not None:
        assert f"'{field}'" in message and caught.value.field.endswith(field)


def test_every_corpus_file_is_covered():
    assert {p.name for p in CORPUS.iterdir()} == set(CLI_REFUSED) | {"older_evidence.aidconsult.json"}


def test_oversized_file_is_refused_before_it_is_read(tmp_path, model, monkeypatch):
    path = tmp_path / "big.aidconsult.json"
    document = json.loads((CORPUS / "older_evidence.aidconsult.json").read_text())
    document["notes"] = "x" * MAX_FILE_BYTES
    path.write_text(json.dumps(document))
    real_open = open

    def watching_open(file, *args, **kwargs):
        assert Path(file) != path, "the oversized file was opened"
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", watching_open)
    with pytest.raises(ConsultationError) as caught:
        load_consultation(path, model)
    assert is_one_sentence(str(caught.value)) and "bytes" in str(caught.value)


def test_missing_file_and_folder_are_refused(tmp_path, model):
    for path in (tmp_path / "nothing.json", tmp_path):
        with pytest.raises(ConsultationError) as caught:
            load_consultation(path, model)
        assert is_one_sentence(str(caught.value))


def test_incomplete_profile_loads_but_wrong_values_do_not(tmp_path, model):
    """A consultation in progress (an empty field) may be saved; a wrong value may not be read."""
    consultation = dataclasses.replace(full_consultation(model), profile={"age": "40", "course": "", "edss": None})
    path = save_consultation(tmp_path / "draft.json", consultation)
    assert load_consultation(path, model).profile == {"age": "40", "course": "", "edss": None}


@pytest.mark.parametrize("profile", [
    {"age": "80", "course": "rrms", "edss": "4", "prior_dmts": "two"},
    {"age": "<img src=/dev/zero>", "course": "xyz", "edss": 0.5, "prior_dmts": 99, "relapses_past_year": "3.5"},
    {"age": 38.25, "course": "RRMS", "edss": 10, "prior_dmts": "", "disease_duration_years": "\u0663"},
])
def test_values_the_model_refuses_are_saved_and_reopened_exactly(tmp_path, model, profile):
    """The file keeps the profile as typed: whatever the window saves, it can open again."""
    path = save_consultation(tmp_path / "draft.json", dataclasses.replace(full_consultation(model), profile=profile))
    assert dict(load_consultation(path, model).profile) == profile


@pytest.mark.parametrize("name", sorted(NOT_ALLOWED_VALUES))
def test_a_value_the_model_refuses_opens_as_entered(name, model):
    field, _ = NOT_ALLOWED_VALUES[name]
    loaded = load_consultation(CORPUS / name, model)
    with pytest.raises(Exception) as caught:
        model.validate(loaded.profile)
    assert field in caught.value.fields


def test_older_evidence_is_described_with_both_versions(model):
    loaded = load_consultation(CORPUS / "older_evidence.aidconsult.json", model)
    message = describe_version_change(loaded, model)
    assert message is not None and is_one_sentence(message)
    assert "2025.01-1" in message and model.evidence.version in message
    assert model.evidence.manifest_sha256[:12] in message
    assert "saved with model 1.0" in message and "recomputed with model 3.0" in message


def model_2_file(tmp_path, model) -> Path:
    """A consultation saved by the previous model (2.0) with the current evidence."""
    document = json.loads((CORPUS / "older_evidence.aidconsult.json").read_text())
    document.update(model_version="2.0", evidence_version=model.evidence.version,
                    evidence_checksum=model.evidence.manifest_sha256)
    path = tmp_path / "model_2.aidconsult.json"
    path.write_text(json.dumps(document))
    return path


def test_a_file_saved_with_model_2_says_its_estimates_were_recomputed_with_model_3(tmp_path, model):
    assert model.version == "3.0" and model.previous_versions == ("1.0", "2.0")
    message = describe_version_change(load_consultation(model_2_file(tmp_path, model), model), model)
    assert message is not None and is_one_sentence(message)
    assert "saved with model 2.0" in message and "recomputed with model 3.0" in message
    done = cli("estimate", "--profile", str(model_2_file(tmp_path, model)), "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["model_version"] == "3.0"
    assert done.stderr.strip().endswith(f"note: {message}")


def test_same_version_with_other_checksum_is_described(model):
    tampered = dataclasses.replace(full_consultation(model), evidence_checksum="f" * 64)
    message = describe_version_change(tampered, model)
    assert message is not None and "ffffffffffff" in message


def test_save_refuses_content_it_could_not_read_back(tmp_path, model):
    bad = dataclasses.replace(full_consultation(model), audience="everyone")
    with pytest.raises(ConsultationError):
        save_consultation(tmp_path / "x.json", bad)
    assert list(tmp_path.iterdir()) == []


# --- the command line ---------------------------------------------------------------------------


def assert_one_line_refusal(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_estimate_from_a_saved_file_equals_the_flags(tmp_path, model):
    path = save_consultation(tmp_path / "visit.aidconsult.json", full_consultation(model))
    from_file = cli("estimate", "--profile", str(path), "--json")
    from_flags = cli("estimate", "--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3", "--json")
    assert from_file.returncode == 0, from_file.stderr
    assert json.loads(from_file.stdout) == json.loads(from_flags.stdout)
    assert "Jane Roe" not in from_file.stdout


@pytest.mark.parametrize("name", sorted(CLI_REFUSED))
def test_estimate_refuses_a_bad_file_in_one_line(name, tmp_path, model):
    field, phrase = CLI_REFUSED[name]
    line = assert_one_line_refusal(cli("estimate", "--profile", str(CORPUS / name), "--json", cwd=tmp_path))
    assert name in line and phrase in line
    assert list(tmp_path.iterdir()) == []  # nothing written


@pytest.mark.parametrize("name", sorted(CLI_REFUSED))
def test_sheet_refuses_a_bad_file_and_leaves_an_existing_pdf_untouched(name, tmp_path):
    field, phrase = CLI_REFUSED[name]
    existing = tmp_path / "out.pdf"
    existing.write_bytes(b"previous sheet")
    line = assert_one_line_refusal(cli("sheet", "--profile", str(CORPUS / name), "-o", str(existing), cwd=tmp_path))
    assert name in line and phrase in line
    assert existing.read_bytes() == b"previous sheet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_estimate_names_a_missing_field_of_a_draft_file(tmp_path, model):
    draft = dataclasses.replace(full_consultation(model), profile={"age": "40", "course": "rrms", "edss": "4.0"})
    path = save_consultation(tmp_path / "draft.json", draft)
    line = assert_one_line_refusal(cli("estimate", "--profile", str(path)))
    assert "profile field 'prior_dmts' is required" in line and str(path) in line


def test_estimate_refuses_file_and_flags_together(tmp_path, model):
    path = save_consultation(tmp_path / "visit.json", full_consultation(model))
    line = assert_one_line_refusal(cli("estimate", "--profile", str(path), "--edss", "4.0"))
    assert "not both" in line and "--edss" in line


def test_estimate_refuses_an_oversized_file(tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    line = assert_one_line_refusal(cli("estimate", "--profile", str(path)))
    assert "big.json" in line and "bytes" in line


def test_tampered_evidence_blocks_estimate(tmp_path):
    from decision_aid.evidence import default_directory

    copy = tmp_path / "evidence"
    shutil.copytree(default_directory(), copy)
    target = copy / "muraro2017.json"
    target.write_bytes(target.read_bytes().replace(b"281", b"282", 1))
    env = {**os.environ, "DECISION_AID_EVIDENCE_DIR": str(copy)}
    line = assert_one_line_refusal(cli("estimate", "--age", "38", "--course", "rrms", "--edss", "4.0",
                                       "--prior-dmts", "3", env=env))
    assert "muraro2017.json" in line and "checksum mismatch" in line
    flags = ["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3"]
    line = assert_one_line_refusal(cli("sheet", *flags, "-o", str(tmp_path / "s.pdf"), env=env))
    assert "muraro2017.json" in line and "checksum mismatch" in line and not (tmp_path / "s.pdf").exists()
    line = assert_one_line_refusal(cli("--screenshot", str(tmp_path / "w.png"), *flags, env=env))
    assert "muraro2017.json" in line and not (tmp_path / "w.png").exists()
    target.unlink()
    line = assert_one_line_refusal(cli("estimate", "--age", "38", "--course", "rrms", "--edss", "4.0",
                                       "--prior-dmts", "3", env=env))
    assert "muraro2017.json" in line and "missing" in line


def test_evidence_folder_override_is_read(tmp_path, monkeypatch):
    from decision_aid.evidence import EvidenceError, default_directory, load_evidence

    shipped = default_directory()
    monkeypatch.setenv("DECISION_AID_EVIDENCE_DIR", str(tmp_path))
    assert default_directory() == tmp_path
    with pytest.raises(EvidenceError, match="manifest.json"):
        load_evidence()
    monkeypatch.delenv("DECISION_AID_EVIDENCE_DIR")
    assert default_directory() == shipped


def test_estimate_notes_a_file_saved_with_other_evidence(model):
    done = cli("estimate", "--profile", str(CORPUS / "older_evidence.aidconsult.json"), "--json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["evidence_version"] == model.evidence.version
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "2025.01-1" in lines[0] and "recomputed" in lines[0]
    assert "Example Patient" not in done.stdout + done.stderr


def test_the_sheet_language_is_kept_and_an_english_file_stays_readable_by_older_versions(tmp_path, model):
    """A consultation keeps the patient's sheet language; English (the default) is not written, so a
    file in English has exactly the fields of format 1 as earlier versions wrote it."""
    spanish = dataclasses.replace(full_consultation(model), sheet_language="es")
    path = save_consultation(tmp_path / "es.aidconsult.json", spanish)
    assert json.loads(path.read_text(encoding="utf-8"))["sheet_language"] == "es"
    assert load_consultation(path, model).sheet_language == "es"
    english = save_consultation(tmp_path / "en.aidconsult.json", full_consultation(model))
    assert "sheet_language" not in json.loads(english.read_text(encoding="utf-8"))
    assert load_consultation(english, model).sheet_language == "en"


def test_the_sheets_version_is_kept_apart_from_the_view_and_older_files_print_the_patients(tmp_path, model):
    """Issue 25, item 2: the version chosen on the Sheet tab is saved (the patient's, the default,
    is not written, so the file stays readable by older versions); a file without it opens with
    the patient's sheet whatever its view."""
    clinician = dataclasses.replace(full_consultation(model), audience="patient", sheet_audience="clinician")
    path = save_consultation(tmp_path / "c.aidconsult.json", clinician)
    assert json.loads(path.read_text(encoding="utf-8"))["sheet_audience"] == "clinician"
    loaded = load_consultation(path, model)
    assert (loaded.audience, loaded.sheet_audience) == ("patient", "clinician")
    older = dataclasses.replace(full_consultation(model), audience="clinician")
    path = save_consultation(tmp_path / "p.aidconsult.json", older)
    assert "sheet_audience" not in json.loads(path.read_text(encoding="utf-8"))
    assert load_consultation(path, model).sheet_audience == "patient"
    assert load_consultation(CORPUS / "older_evidence.aidconsult.json", model).sheet_audience == "patient"
