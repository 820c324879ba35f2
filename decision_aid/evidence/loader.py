"""Load the evidence files, check them against their manifest, and validate every figure.

The program must never show a number that does not trace to a checked file, so any problem
raises :class:`EvidenceError` naming the file and the field; nothing falls back to defaults.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import datetime as _dt
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

MANIFEST_NAME = "manifest.json"
_SOURCE_FIELDS = ("id", "role", "short_name", "citation", "figures")
_FIGURE_FIELDS = ("value", "kind", "unit", "ci", "reported_in", "notes", "checked_against")
_ROLES = ("primary", "context", "guidance", "regimen", "model")


class EvidenceError(Exception):
    """An evidence file is missing, unreadable, tampered with or invalid."""

    def __init__(self, file: str, field: str | None, problem: str) -> None:
        self.file = file
        self.field = field
        self.problem = problem
        where = f"{file}, field '{field}'" if field else file
        super().__init__(f"Evidence file {where}: {problem}")


@dataclass(frozen=True)
class Figure:
    """One published figure with its provenance."""

    name: str
    value: float
    kind: str
    unit: str
    ci: tuple[float, float] | None
    reported_in: str
    notes: str
    checked_against: str  # what text the figure was checked against (EVIDENCE.md): abstract, secondary, ...


@dataclass(frozen=True)
class Source:
    """One study (or the model specification) as stored in one evidence file."""

    id: str
    role: str
    short_name: str
    citation: str
    doi: str | None
    file_name: str
    sha256: str
    figures: Mapping[str, Figure]
    raw: Mapping[str, Any] = field(repr=False)

    def figure(self, name: str) -> Figure:
        try:
            return self.figures[name]
        except KeyError:
            raise EvidenceError(self.file_name, f"figures.{name}", "figure is missing") from None

    def value(self, name: str) -> float:
        return self.figure(name).value

    def text(self, key: str) -> str:
        """A descriptive text field (design, cohort, ...), empty if the file has none."""
        value = self.raw.get(key)
        return value if isinstance(value, str) else ""

    @property
    def full_citation(self) -> str:
        return f"{self.citation} doi:{self.doi}" if self.doi else self.citation


@dataclass(frozen=True)
class EvidenceSet:
    """All evidence files of one checked manifest."""

    version: str
    manifest_sha256: str
    sources: tuple[Source, ...]
    reviewed: _dt.date | None = None
    next_review_due: _dt.date | None = None

    def get(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise EvidenceError(f"{source_id}.json", None, "file is not in the evidence set")

    def by_role(self, role: str) -> tuple[Source, ...]:
        return tuple(s for s in self.sources if s.role == role)

    @property
    def short_checksum(self) -> str:
        return self.manifest_sha256[:12]


EVIDENCE_DIR_VARIABLE = "DECISION_AID_EVIDENCE_DIR"


def default_directory() -> Path:
    """The evidence folder shipped with the package (editable or installed alike).

    ``DECISION_AID_EVIDENCE_DIR`` replaces it: a testing and maintenance hook (for example to
    check that a tampered copy is refused, or to review edited files before they are shipped).
    """
    override = os.environ.get(EVIDENCE_DIR_VARIABLE)
    if override:
        return Path(override)
    return Path(str(resources.files("decision_aid.resources") / "evidence"))


def load_evidence(directory: Path | None = None) -> EvidenceSet:
    """Read the manifest, verify every checksum, then parse and validate every file."""
    directory = Path(directory) if directory is not None else default_directory()
    manifest_bytes = _read_bytes(directory / MANIFEST_NAME, MANIFEST_NAME)
    manifest = _parse_json(manifest_bytes, MANIFEST_NAME)
    version = _require(manifest, "evidence_version", MANIFEST_NAME, str)
    reviewed = _date(manifest, "reviewed")
    next_review_due = _date(manifest, "next_review_due")
    listed = _require(manifest, "files", MANIFEST_NAME, dict)
    present = {p.name for p in directory.glob("*.json")} - {MANIFEST_NAME}
    for unlisted in sorted(present - set(listed)):
        raise EvidenceError(unlisted, None, "file is not listed in the manifest")
    sources = []
    for name, expected in sorted(listed.items()):
        data = _read_bytes(directory / name, name)
        digest = hashlib.sha256(data).hexdigest()
        if digest != expected:
            raise EvidenceError(name, None, f"checksum mismatch (expected {expected[:12]}..., found {digest[:12]}...)")
        sources.append(_parse_source(name, _parse_json(data, name), digest))
    roles = [s.role for s in sources]
    if roles.count("primary") != 1 or roles.count("model") != 1:
        raise EvidenceError(MANIFEST_NAME, "files", "needs exactly one primary source and one model file")
    return EvidenceSet(version, hashlib.sha256(manifest_bytes).hexdigest(), tuple(sources),
                       reviewed, next_review_due)


def _date(manifest: Mapping, key: str) -> _dt.date:
    """A review date of the edition (ISO ``YYYY-MM-DD``): required, so an overdue review is never hidden."""
    text = _require(manifest, key, MANIFEST_NAME, str)
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise EvidenceError(MANIFEST_NAME, key, f"{text!r} is not a date (YYYY-MM-DD)") from None


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise EvidenceError(name, None, "file is missing") from None
    except OSError as exc:
        raise EvidenceError(name, None, f"file cannot be read ({exc.strerror})") from None


def _parse_json(data: bytes, name: str) -> dict:
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvidenceError(name, None, f"not valid JSON ({exc})") from None
    if not isinstance(parsed, dict):
        raise EvidenceError(name, None, "top level must be a JSON object")
    return parsed


def _require(obj: Mapping, key: str, name: str, kind: type, prefix: str = "") -> Any:
    if key not in obj:
        raise EvidenceError(name, prefix + key, "field is missing")
    value = obj[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise EvidenceError(name, prefix + key, f"must be a {kind.__name__}")
    return value


def _parse_source(name: str, raw: dict, digest: str) -> Source:
    for key in _SOURCE_FIELDS:
        if key not in raw:
            raise EvidenceError(name, key, "field is missing")
    source_id = _require(raw, "id", name, str)
    if source_id != Path(name).stem:
        raise EvidenceError(name, "id", f"'{source_id}' does not match the file name")
    role = _require(raw, "role", name, str)
    if role not in _ROLES:
        raise EvidenceError(name, "role", f"'{role}' is not one of {', '.join(_ROLES)}")
    figures_raw = _require(raw, "figures", name, dict)
    figures = {key: _parse_figure(name, key, value) for key, value in figures_raw.items()}
    doi = raw.get("doi")
    if doi is not None and not isinstance(doi, str):
        raise EvidenceError(name, "doi", "must be text or null")
    return Source(
        id=source_id,
        role=role,
        short_name=_require(raw, "short_name", name, str),
        citation=_require(raw, "citation", name, str),
        doi=doi,
        file_name=name,
        sha256=digest,
        figures=MappingProxyType(figures),
        raw=MappingProxyType(raw),
    )


def _parse_figure(name: str, key: str, raw: Any) -> Figure:
    prefix = f"figures.{key}."
    if not isinstance(raw, dict):
        raise EvidenceError(name, f"figures.{key}", "must be an object")
    for item in _FIGURE_FIELDS:
        if item not in raw:
            raise EvidenceError(name, prefix + item, "field is missing")
    value = _number(raw["value"], name, prefix + "value")
    kind = _require(raw, "kind", name, str, prefix)
    if kind == "probability" and not 0.0 <= value <= 1.0:
        raise EvidenceError(name, prefix + "value", f"probability {value} is outside [0, 1]")
    if kind == "hazard_ratio" and value <= 0:
        raise EvidenceError(name, prefix + "value", f"hazard ratio {value} must be positive")
    ci = raw["ci"]
    if ci is not None:
        if not isinstance(ci, list) or len(ci) != 2:
            raise EvidenceError(name, prefix + "ci", "must be null or [lower, upper]")
        lower, upper = (_number(v, name, prefix + "ci") for v in ci)
        if not lower <= value <= upper:
            raise EvidenceError(name, prefix + "ci", f"interval [{lower}, {upper}] does not contain the value {value}")
        if kind == "probability" and not (0.0 <= lower and upper <= 1.0):
            raise EvidenceError(name, prefix + "ci", f"interval [{lower}, {upper}] is outside [0, 1]")
        ci = (lower, upper)
    return Figure(
        name=key,
        value=value,
        kind=kind,
        unit=_require(raw, "unit", name, str, prefix),
        ci=ci,
        reported_in=_require(raw, "reported_in", name, str, prefix),
        notes=_require(raw, "notes", name, str, prefix),
        checked_against=_require(raw, "checked_against", name, str, prefix),
    )


def _number(value: Any, name: str, field_name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise EvidenceError(name, field_name, f"{value!r} is not a finite number")
    return float(value)
