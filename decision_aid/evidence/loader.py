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
#: primary: the study the personal estimate is built on; context: other AHSCT cohorts shown beside it;
#: comparison: studies of AHSCT against drug treatment, or of drug treatment alone ("Your options");
#: guidance: published recommendations; regimen: conditioning regimens compared; model: MODEL.md;
#: pooled: a later cohort pooled into model 3.0's later-cohort curve and not shown as a study of its own
#: (MODEL.md R1); population: population death rates (the life table of MODEL.md O4).
_ROLES = ("primary", "context", "comparison", "guidance", "regimen", "model", "pooled", "population")


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
        """The sources of one role in order of publication (``published_year``, then id; a file
        without a year first). Code that needs one particular source asks for it by id (:meth:`get`)."""
        found = (s for s in self.sources if s.role == role)
        return tuple(sorted(found, key=lambda s: (s.raw.get("published_year") or 0, s.id)))

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
    if "comparison" in raw:
        _check_comparison(name, raw["comparison"], figures)
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


# --- "comparison" blocks (the "Your options" view) -------------------------------------------
# A study of AHSCT against drug treatment (or of drug treatment alone) describes its arms and
# outcomes by naming figures of the same file, so every number shown stays a checked figure. A
# name that does not exist, or a figure of the wrong kind, is refused here rather than dropped
# silently when the view is drawn.

_TIME_FRAMES = ("at", "over", "up_to", "at_least", "median_follow_up", "during_follow_up")
_ARM_VALUES = {"events": ("count",), "share": ("probability",), "rate": ("rate",)}


def _check_comparison(name: str, block: Any, figures: Mapping[str, Figure]) -> None:
    where = "comparison"
    if not isinstance(block, dict):
        raise EvidenceError(name, where, "must be an object")

    def need(obj: Mapping, key: str, kind: type, at: str) -> Any:
        return _require(obj, key, name, kind, f"{at}.")

    def figure_ref(ref: Any, at: str, kinds: tuple[str, ...] | None = None, optional: bool = False) -> None:
        if ref is None and optional:
            return
        if not isinstance(ref, str) or ref not in figures:
            raise EvidenceError(name, at, f"{ref!r} does not name a figure of this file")
        if kinds and figures[ref].kind not in kinds:
            raise EvidenceError(name, at, f"figure '{ref}' is a {figures[ref].kind}, not a {' or '.join(kinds)}")

    def time_frame(frame: Any, at: str) -> None:
        if frame is None:
            return
        if not isinstance(frame, dict) or frame.get("kind") not in _TIME_FRAMES:
            raise EvidenceError(name, at, f"must be null or an object with kind one of {', '.join(_TIME_FRAMES)}")
        figure_ref(frame.get("figure"), f"{at}.figure", ("duration",), optional=frame["kind"] == "during_follow_up")

    for key in ("compares_ahsct", "randomised"):
        if not isinstance(block.get(key), bool):
            raise EvidenceError(name, f"{where}.{key}", "must be true or false")
    courses = need(block, "population_courses", list, where)
    if not courses or not all(isinstance(c, str) for c in courses):
        raise EvidenceError(name, f"{where}.population_courses", "must list at least one type of MS")
    need(block, "population", str, where)
    time_frame(block.get("follow_up"), f"{where}.follow_up")
    arms = need(block, "arms", list, where)
    codes = []
    for i, arm in enumerate(arms):
        at = f"{where}.arms[{i}]"
        if not isinstance(arm, dict):
            raise EvidenceError(name, at, "must be an object")
        codes.append(need(arm, "code", str, at))
        need(arm, "label", str, at)
        figure_ref(arm.get("patients"), f"{at}.patients", ("count",), optional=True)
        figure_ref(arm.get("median_follow_up"), f"{at}.median_follow_up", ("duration",), optional=True)
    if len(codes) < 2 or len(set(codes)) != len(codes):
        raise EvidenceError(name, f"{where}.arms", "needs at least two arms with different codes")
    for i, fact in enumerate(block.get("facts", ())):
        at = f"{where}.facts[{i}]"
        if not isinstance(fact, dict):
            raise EvidenceError(name, at, "must be an object")
        need(fact, "label", str, at)
        figure_ref(fact.get("figure"), f"{at}.figure")
    outcomes = need(block, "outcomes", list, where)
    if not outcomes:
        raise EvidenceError(name, f"{where}.outcomes", "needs at least one outcome")
    for i, outcome in enumerate(outcomes):
        at = f"{where}.outcomes[{i}]"
        if not isinstance(outcome, dict):
            raise EvidenceError(name, at, "must be an object")
        need(outcome, "code", str, at)
        need(outcome, "definition", str, at)
        if not isinstance(outcome.get("lower_is_better"), bool):
            raise EvidenceError(name, f"{at}.lower_is_better", "must be true or false")
        time_frame(outcome.get("time_frame"), f"{at}.time_frame")
        for j, result in enumerate(outcome.get("arms", ())):
            place = f"{at}.arms[{j}]"
            if not isinstance(result, dict) or result.get("arm") not in codes:
                raise EvidenceError(name, place, f"must name one of the arms ({', '.join(codes)})")
            given = [key for key in _ARM_VALUES if key in result]
            if len(given) != 1:
                raise EvidenceError(name, place, f"needs exactly one of {', '.join(_ARM_VALUES)}")
            figure_ref(result[given[0]], f"{place}.{given[0]}", _ARM_VALUES[given[0]])
            if given[0] == "events":
                figure_ref(result.get("patients"), f"{place}.patients", ("count",))
        hr = outcome.get("hazard_ratio")
        if hr is not None:
            if not isinstance(hr, dict):
                raise EvidenceError(name, f"{at}.hazard_ratio", "must be null or an object")
            figure_ref(hr.get("figure"), f"{at}.hazard_ratio.figure", ("hazard_ratio",))
            compares = hr.get("compares")
            if not (isinstance(compares, list) and len(compares) == 2 and all(c in codes for c in compares)):
                raise EvidenceError(name, f"{at}.hazard_ratio.compares", "must name two of the arms")
        if not outcome.get("arms") and hr is None:
            raise EvidenceError(name, at, "gives neither arm figures nor a hazard ratio")
        missing = outcome.get("missing")
        if missing is not None and not isinstance(missing, str):
            raise EvidenceError(name, f"{at}.missing", "must be text or null")
    for key in ("limits",):
        items = block.get(key, [])
        if not isinstance(items, list) or not all(isinstance(t, str) for t in items):
            raise EvidenceError(name, f"{where}.{key}", "must be a list of texts")
    conclusion = block.get("conclusion")
    if conclusion is not None and not isinstance(conclusion, str):
        raise EvidenceError(name, f"{where}.conclusion", "must be text or null")
