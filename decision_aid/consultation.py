"""Saved consultations: a versioned JSON file, written atomically, read defensively.

A clinic reopens a consultation at the next visit and a patient may open one at home, so a file
must never be half-written (atomic replace), is readable only by its owner, and a damaged or
foreign file is refused whole with one sentence naming the field, never partly applied.
Stdlib only: the command line reads these files without Qt.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from . import __version__
from .present.free_text import HiddenCharacters, check_free_text
from .present.i18n import N_, _
from .printable import one_line
from .safe_io import ReadError, read_regular_file, write_atomically

FORMAT_NAME = "decision-aid-consultation"
FORMAT_VERSION = 1
FILE_SUFFIX = ".aidconsult.json"
MAX_FILE_BYTES = 1_000_000
AUDIENCES = ("patient", "clinician")
# The profile's fields (model/profile.py's REQUIRED_FIELDS + OPTIONAL_FIELDS; a test keeps them equal:
# this module stays free of NumPy for the command line's quick paths).
PROFILE_FIELDS = ("age", "course", "edss", "prior_dmts", "relapses_past_year", "disease_duration_years",
                  "mri_activity_past_year", "relapses_on_treatment", "high_efficacy_dmt_failed",
                  "high_efficacy_dmt_contraindicated")
MAX_PROFILE_TEXT = 100
MAX_VALUES = 100
MAX_VALUE_TEXT = 200
MAX_NOTES = 100_000
MAX_NAME = 200
MAX_META_TEXT = 200

# Every top-level field of format 1 and the JSON type it must have.
_FIELDS: dict[str, tuple[type, ...]] = {
    "format": (str,),
    "format_version": (int,),
    "saved_at": (str,),
    "program_version": (str,),
    "model_version": (str,),
    "evidence_version": (str,),
    "evidence_checksum": (str,),
    "audience": (str,),
    "horizon": (int,),
    "profile": (dict,),
    "values": (dict,),
    "notes": (str,),
    "patient_name": (str, type(None)),
}
# Fields a file may leave out. ``opened_from`` is written only in the program's own autosave (in
# the data folder): the path of the file the consultation was opened from or saved to, so that a
# restored consultation keeps its file name. A file the user saves never has it.
# ``sheet_language`` is the language of the patient's summary sheet when it is not English (a file
# in English leaves it out, so that it stays readable by versions that do not know the field).
# ``sheet_audience`` is the sheet's version chosen on the Sheet tab when it is the clinician's (the
# patient's, the default, is left out for the same reason): never the window's view.
# ``sheet_left_out`` lists the sheet's appendices the clinician left out on the Sheet tab (none, the
# default, is left out of the file): see :mod:`.present.appendices`.
_OPTIONAL_FIELDS: dict[str, tuple[type, ...]] = {"opened_from": (str,), "sheet_language": (str,),
                                                 "sheet_audience": (str,), "sheet_left_out": (list,)}
SHEET_LANGUAGE_DEFAULT = "en"
SHEET_AUDIENCE_DEFAULT = "patient"
MAX_PATH_TEXT = 4096
_TYPE_NAMES = {str: N_("text"), int: N_("a whole number"), dict: N_("an object"), list: N_("a list"),
               type(None): N_("null")}


class ConsultationError(Exception):
    """A consultation file cannot be used; the message is one sentence naming the field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


def utc_now() -> str:
    """The current time as an ISO 8601 UTC timestamp (seconds)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Consultation:
    """What a person entered in one consultation, with the versions it was computed with.

    ``profile`` holds the raw fields as entered (numbers or text; validation is the model's job),
    ``values`` the values-exercise answers (question id -> choice id).
    """

    profile: Mapping[str, Any]
    audience: str = "clinician"
    horizon: int = 5
    notes: str = ""
    values: Mapping[str, str] = field(default_factory=dict)
    patient_name: str | None = None
    program_version: str = __version__
    model_version: str = ""
    evidence_version: str = ""
    evidence_checksum: str = ""
    saved_at: str = field(default_factory=utc_now)
    format_version: int = FORMAT_VERSION
    opened_from: str | None = None  # autosaves only: the file this consultation belongs to
    sheet_language: str = SHEET_LANGUAGE_DEFAULT  # the language the sheet is printed in
    sheet_audience: str = SHEET_AUDIENCE_DEFAULT  # the sheet's version (patient or clinician), apart from the view
    sheet_left_out: tuple[str, ...] = ()  # the sheet's appendices left out (none by default)

    def __post_init__(self) -> None:
        object.__setattr__(self, "profile", MappingProxyType(dict(self.profile)))
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))
        object.__setattr__(self, "sheet_left_out", tuple(self.sheet_left_out))

    @classmethod
    def for_model(cls, model, profile: Mapping[str, Any], **fields: Any) -> "Consultation":
        """A consultation stamped with ``model``'s model and evidence versions and the time now."""
        return cls(
            profile=profile,
            model_version=model.version,
            evidence_version=model.evidence.version,
            evidence_checksum=model.evidence.manifest_sha256,
            **fields,
        )

    def without_name(self) -> "Consultation":
        return replace(self, patient_name=None)

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "saved_at": self.saved_at,
            "program_version": self.program_version,
            "model_version": self.model_version,
            "evidence_version": self.evidence_version,
            "evidence_checksum": self.evidence_checksum,
            "audience": self.audience,
            "horizon": self.horizon,
            "profile": dict(self.profile),
            "values": dict(self.values),
            "notes": self.notes,
            "patient_name": self.patient_name,
            **({"opened_from": self.opened_from} if self.opened_from is not None else {}),
            **({"sheet_language": self.sheet_language} if self.sheet_language != SHEET_LANGUAGE_DEFAULT else {}),
            **({"sheet_audience": self.sheet_audience} if self.sheet_audience != SHEET_AUDIENCE_DEFAULT else {}),
            **({"sheet_left_out": list(self.sheet_left_out)} if self.sheet_left_out else {}),
        }


# --- saving -------------------------------------------------------------------------------------

def save_consultation(path: str | os.PathLike, consultation: Consultation) -> Path:
    """Write ``consultation`` to ``path`` atomically, readable only by its owner (0600).

    See :func:`decision_aid.safe_io.write_atomically`: a temporary file in the same folder
    (created 0600), synced, read back, renamed over ``path``. If anything fails, the previous file
    is untouched and the temporary file is removed. Raises ``ConsultationError`` for content that
    could not be read back, :class:`~decision_aid.safe_io.WriteError` (an ``OSError``) for a disk
    problem or a target that is not a regular file.
    """
    path = Path(path)
    document = consultation.as_json()
    _check_document(document)
    data = (json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise ConsultationError(_("The consultation is {size} bytes, more than the {most} bytes a file may have; "
                                  "shorten the notes.", size=len(data), most=MAX_FILE_BYTES), "notes")
    return write_atomically(path, data)


# --- loading ------------------------------------------------------------------------------------

def load_consultation(path: str | os.PathLike, model) -> Consultation:
    """Read and check a consultation file completely, or raise ``ConsultationError``.

    Only a regular file is read, and its size is checked before reading; then the JSON, the format
    and version, every field's presence, type and length, the horizon and the values answers.
    The profile's values are not judged here: they are returned as entered (the window marks a
    value that is not allowed; the command line refuses it with the model's message).
    Nothing is returned unless all of it is valid.
    """
    document = _parse(_read_limited(Path(path)))
    _check_document(document)
    _check_against_model(document, model)
    return Consultation(
        profile=document["profile"],
        audience=document["audience"],
        horizon=document["horizon"],
        notes=document["notes"],
        values=document["values"],
        patient_name=document["patient_name"],
        program_version=document["program_version"],
        model_version=document["model_version"],
        evidence_version=document["evidence_version"],
        evidence_checksum=document["evidence_checksum"],
        saved_at=document["saved_at"],
        format_version=document["format_version"],
        opened_from=document.get("opened_from"),
        sheet_language=document.get("sheet_language", SHEET_LANGUAGE_DEFAULT),
        sheet_audience=document.get("sheet_audience", SHEET_AUDIENCE_DEFAULT),
        sheet_left_out=tuple(document.get("sheet_left_out", ())),
    )


def _check_left_out(left_out: list) -> None:
    """The appendices left out: known keys, each once."""
    from .present.appendices import APPENDIX_KEYS

    for key in left_out:
        if not isinstance(key, str) or key not in APPENDIX_KEYS:
            raise ConsultationError(_("The file's field 'sheet_left_out' holds {value}, which is not allowed; "
                                      "allowed: {allowed}.", value=_show(key),
                                      allowed=_(" or ").join(APPENDIX_KEYS)), "sheet_left_out")
    if len(set(left_out)) != len(left_out):
        raise ConsultationError(_("The file's field 'sheet_left_out' names an appendix twice."), "sheet_left_out")


def _read_limited(path: Path) -> bytes:
    try:
        return read_regular_file(path, MAX_FILE_BYTES, what=_("saved consultation file"))
    except ReadError as exc:
        raise ConsultationError(str(exc)) from None


MAX_NUMBER_DIGITS = 30  # a JSON number longer than this is refused without being converted
MAX_OBJECT_FIELDS = max(MAX_VALUES, len(_FIELDS) + len(_OPTIONAL_FIELDS), len(PROFILE_FIELDS))
_UTF8_BOM = b"\xef\xbb\xbf"


def _parse(data: bytes) -> Any:
    if data.startswith(_UTF8_BOM):  # Windows Notepad saves UTF-8 with a byte order mark
        data = data[len(_UTF8_BOM):]
    if not data.strip():
        raise ConsultationError(_("The file is empty, so it holds no consultation."))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConsultationError(_("The file is not UTF-8 text (byte {byte}), so it is not a saved consultation.",
                                  byte=exc.start)) from None

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
        if len(pairs) > MAX_OBJECT_FIELDS:  # no object of a consultation has more: refused before any other check
            raise ConsultationError(_("The file has an object with {count} fields, more than the {most} any object "
                                      "of a consultation has.", count=len(pairs), most=MAX_OBJECT_FIELDS))
        found = dict(pairs)
        if len(found) < len(pairs):  # a key given twice (one pass: the check takes as long as the file)
            seen: set[str] = set()
            for key, _value in pairs:
                if key in seen:
                    raise ConsultationError(_("The file has the field '{field}' more than once.", field=_short(key)),
                                            key)
                seen.add(key)
        return found

    def no_constants(name: str) -> Any:
        raise ConsultationError(_("The file contains {name}, which is not a JSON number.", name=name))

    def whole(digits: str) -> int:
        if len(digits) > MAX_NUMBER_DIGITS:
            raise ConsultationError(_("The file contains a number of {digits} digits, more than the {most} a saved "
                                      "consultation has.", digits=len(digits), most=MAX_NUMBER_DIGITS))
        return int(digits)

    def decimal(digits: str) -> float | str:
        number = float(digits) if len(digits) <= MAX_NUMBER_DIGITS else None
        if number is None or not math.isfinite(number):
            raise ConsultationError(_("The file contains the number {number}, which is too long or too large for a "
                                      "saved consultation.", number=_short(digits, 20)))
        if Decimal(repr(number)) != Decimal(digits):  # 4.00000000000000001: more digits than a float holds
            return digits  # kept as written, so the model judges it exactly, as it does the flag's text
        return number

    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constants,
                          parse_int=whole, parse_float=decimal)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise ConsultationError(_("The file ends too early (it is truncated), so it is not a complete "
                                      "consultation.")) from None
        raise ConsultationError(_("The file is not valid JSON (line {line}, column {column}: {problem}).",
                                  line=exc.lineno, column=exc.colno,
                                  problem=exc.msg.lower().removesuffix(" starting at"))) from None
    except RecursionError:
        raise ConsultationError(_("The file is nested too deeply to be a saved consultation.")) from None


def _check_document(document: Any) -> None:
    """Shape and types of every field (no model needed); raises on the first problem."""
    if not isinstance(document, dict):
        raise ConsultationError(_("The file holds {kind} where a consultation object is expected.",
                                  kind=_json_type(document)))
    kind = document.get("format")
    if kind != FORMAT_NAME:
        shown = _("missing") if kind is None else _show(kind)
        raise ConsultationError(_("The file's field 'format' is {value}, so it is not a decision-aid consultation "
                                  "(expected '{expected}').", value=shown, expected=FORMAT_NAME), "format")
    version = document.get("format_version")
    if not _is_int(version) or version < 1:
        raise ConsultationError(_("The file's field 'format_version' is {value}, which is not allowed; allowed: a "
                                  "whole number, {version} for this program.", value=_show(version),
                                  version=FORMAT_VERSION), "format_version")
    if version > FORMAT_VERSION:
        raise ConsultationError(_("The file's field 'format_version' is {value}, newer than the version {version} "
                                  "this program reads, so update the program to open it.", value=version,
                                  version=FORMAT_VERSION), "format_version")
    for key in document:
        if key not in _FIELDS and key not in _OPTIONAL_FIELDS:
            raise ConsultationError(_("The file has a field '{field}' that a consultation file does not have.",
                                      field=_short(key)), key)
    for key, types in _FIELDS.items():
        if key not in document:
            raise ConsultationError(_("The file's field '{field}' is missing.", field=key), key)
        value = document[key]
        if not isinstance(value, types) or isinstance(value, bool):
            expected = _(" or ").join(_(_TYPE_NAMES[t]) for t in types)
            raise ConsultationError(_("The file's field '{field}' is {kind}, but it must be {expected}.", field=key,
                                      kind=_json_type(value), expected=expected), key)
    for key in ("saved_at", "program_version", "model_version", "evidence_version", "evidence_checksum"):
        _check_length(key, document[key], MAX_META_TEXT)
    for key, types in _OPTIONAL_FIELDS.items():
        if key in document and (not isinstance(document[key], types) or isinstance(document[key], bool)):
            expected = _(" or ").join(_(_TYPE_NAMES[t]) for t in types)
            raise ConsultationError(_("The file's field '{field}' is {kind}, but it must be {expected}.", field=key,
                                      kind=_json_type(document[key]), expected=expected), key)
    if "opened_from" in document:
        _check_length("opened_from", document["opened_from"], MAX_PATH_TEXT)
    if "sheet_language" in document:
        from .present.i18n import available_languages

        if document["sheet_language"] not in available_languages():
            raise ConsultationError(_("The file's field 'sheet_language' is {value}, which is not allowed; allowed: "
                                      "{allowed}.", value=_show(document["sheet_language"]),
                                      allowed=_(" or ").join(available_languages())), "sheet_language")
    if "sheet_audience" in document and document["sheet_audience"] not in AUDIENCES:
        raise ConsultationError(_("The file's field 'sheet_audience' is {value}, which is not allowed; allowed: "
                                  "{allowed}.", value=_show(document["sheet_audience"]),
                                  allowed=_(" or ").join(AUDIENCES)), "sheet_audience")
    if "sheet_left_out" in document:
        _check_left_out(document["sheet_left_out"])
    _check_length("notes", document["notes"], MAX_NOTES)
    if document["patient_name"] is not None:
        _check_length("patient_name", document["patient_name"], MAX_NAME)
    _check_free_text(document)
    _check_timestamp(document["saved_at"])
    _check_profile_shape(document["profile"])
    _check_values(document["values"])
    if document["audience"] not in AUDIENCES:
        raise ConsultationError(_("The file's field 'audience' is {value}, which is not allowed; allowed: {allowed}.",
                                  value=_show(document["audience"]), allowed=_(" or ").join(AUDIENCES)), "audience")


def _check_free_text(document: dict) -> None:
    """No character that cannot be seen but changes how the name or the notes read (see
    :mod:`decision_aid.present.free_text`): the same rule as the window's fields and the sheet's flags."""
    for key, field_name in (("patient_name", "name"), ("notes", "notes")):
        try:
            check_free_text(field_name, document[key])
        except HiddenCharacters as exc:
            raise ConsultationError(_("The file's field '{field}' is not allowed: {problem}.", field=key,
                                      problem=str(exc)), key) from None


def _check_against_model(document: dict, model) -> None:
    if document["horizon"] not in model.horizons:
        allowed = _(" or ").join(str(h) for h in model.horizons)
        raise ConsultationError(_("The file's field 'horizon' is {value}, which is not allowed; allowed: {allowed} "
                                  "years.", value=_show(document["horizon"]), allowed=allowed), "horizon")
    # The profile is kept as entered, even values the model does not allow (age 80, text in a number
    # field): the window saves what was typed and must reopen it exactly, with the same marks.
    # Whether the values are allowed is decided by the model when they are shown or used.


def _check_profile_shape(profile: dict) -> None:
    for key, value in profile.items():
        if key not in PROFILE_FIELDS:
            raise ConsultationError(_("The file's field 'profile' has a field '{field}' that a profile does not have "
                                      "(allowed: {allowed}).", field=_short(key), allowed=", ".join(PROFILE_FIELDS)),
                                    f"profile.{key}")
        if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int, float))):
            raise ConsultationError(_("The file's field 'profile.{field}' is {kind}, but it must be a number, text or "
                                      "null.", field=key, kind=_json_type(value)), f"profile.{key}")
        if isinstance(value, str):
            _check_length(f"profile.{key}", value, MAX_PROFILE_TEXT)


def _check_values(values: dict) -> None:
    if len(values) > MAX_VALUES:
        raise ConsultationError(_("The file's field 'values' has {count} answers, more than the {most} allowed.",
                                  count=len(values), most=MAX_VALUES), "values")
    for key, value in values.items():
        _check_length("values", key, MAX_VALUE_TEXT, what=_("a question id"))
        if not isinstance(value, str):
            raise ConsultationError(_("The file's field 'values.{field}' is {kind}, but it must be text (a choice "
                                      "id).", field=_short(key), kind=_json_type(value)), f"values.{key}")
        _check_length(f"values.{_short(key)}", value, MAX_VALUE_TEXT)
    from .context.values import ValuesError, values_question

    for key, value in values.items():
        try:
            values_question(key).choice(value)
        except ValuesError as exc:
            raise ConsultationError(_("The file's field 'values.{field}' is not an answer this program knows: "
                                      "{problem}.", field=_short(key), problem=str(exc)), f"values.{key}") from None


def _check_length(name: str, text: str, limit: int, what: str | None = None) -> None:
    if len(text) > limit:
        raise ConsultationError(_("The file's field '{field}' has {what} of {length} characters, more than the "
                                  "{most} allowed.", field=name, what=what or _("text"), length=len(text), most=limit),
                                name)


EARLIEST_SAVED, LATEST_SAVED = datetime(1970, 1, 2, tzinfo=timezone.utc), datetime(9998, 12, 31, tzinfo=timezone.utc)


def _check_timestamp(text: str) -> None:
    """An ISO 8601 moment with its time zone, between 1970 and 9998 in UTC: one that can be shown in
    every time zone (``9999-12-31T23:59:59-12:00`` is in the year 10000 in UTC and broke the
    restore question)."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        usable = moment.tzinfo is not None and EARLIEST_SAVED <= moment.astimezone(timezone.utc) <= LATEST_SAVED
    except (ValueError, OverflowError):
        usable = False
    if not usable:
        raise ConsultationError(_("The file's field 'saved_at' is {value}, which is not allowed; allowed: an ISO "
                                  "8601 date and time with its time zone, from 1970 to 9998.", value=_show(text)),
                                "saved_at")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, int):
        return _("a whole number")
    if isinstance(value, float):
        return _("a number") if math.isfinite(value) else _("not a finite number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    return _("an object")


def _short(text: str, limit: int = 40) -> str:
    """Text from the file, shortened and made one printable line (newlines, escapes and
    right-to-left overrides are shown as escapes, not obeyed)."""
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _show(value: Any) -> str:
    """A value as it appears in the file, shortened so a message stays one readable line."""
    if value is None:
        return "null"
    if isinstance(value, float) and value.is_integer():
        return repr(value)
    shown = json.dumps(value, ensure_ascii=False) if isinstance(value, (str, bool, int, float)) else _json_type(value)
    return _short(shown)


# --- versions -----------------------------------------------------------------------------------

def describe_version_change(consultation: Consultation, model) -> str | None:
    """One sentence when the file was saved with other evidence or another model, else None.

    A file saved with an earlier model (1.0) says that its estimates were recomputed with the
    current model, so nobody compares the new numbers with a printout of the old ones unawares.
    """
    evidence = model.evidence
    same_evidence = (consultation.evidence_version == evidence.version
                     and consultation.evidence_checksum == evidence.manifest_sha256)
    same_model = consultation.model_version == model.version
    if same_evidence and same_model:
        return None

    def stamp(version: str, checksum: str) -> str:
        return _("evidence version {version} (checksum {checksum})", version=_short(version, 60) or _("unknown"),
                 checksum=_short(checksum[:12]) or _("none"))

    saved = stamp(consultation.evidence_version, consultation.evidence_checksum)
    current = stamp(evidence.version, evidence.manifest_sha256)
    if same_model:
        return _("This consultation was saved with {saved}; this program uses {current}, so the estimates are "
                 "recomputed with the current evidence.", saved=saved, current=current)
    return _("This consultation was saved with model {saved_model} and {saved}; its estimates were recomputed with "
             "model {model} and the current {current}.",
             saved_model=_short(consultation.model_version, 60) or _("unknown"), saved=saved, model=model.version,
             current=current)
