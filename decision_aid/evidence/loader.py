"""Load the evidence files, check them against their manifest, and validate every figure.

The program must never show a number that does not trace to a checked file, so any problem
raises :class:`EvidenceError` naming the file and the field; nothing falls back to defaults.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import datetime as _dt
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from ..regular_file import NotRegular, TooLarge, read_regular

MANIFEST_NAME = "manifest.json"
_SOURCE_FIELDS = ("id", "role", "short_name", "citation", "figures")
_FIGURE_FIELDS = ("value", "kind", "unit", "ci", "reported_in", "notes", "checked_against")
#: primary: the study the personal estimate is built on; context: other AHSCT cohorts shown beside it;
#: comparison: studies of AHSCT against drug treatment, or of drug treatment alone ("Your options");
#: guidance: published recommendations; regimen: conditioning regimens compared; model: MODEL.md;
#: pooled: a later cohort pooled into model 3.0's later-cohort curve and not shown as a study of its own
#: (MODEL.md R1); population: population death rates (the life table of MODEL.md O4);
#: harm: papers read for the harms of AHSCT only; drug: the pivotal trials of the drug options;
#: information: patient information and general guidance (what AHSCT involves, access).
_ROLES = ("primary", "context", "comparison", "guidance", "regimen", "model", "pooled", "population", "harm", "drug",
          "information")


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
MAX_FILE_BYTES = 4_000_000  # the largest evidence file is tens of kilobytes
_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\.json")  # a file of the folder itself, never a path
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Allowed:
    """The values a model parameter may take: ``low`` to ``high``, and a whole number if ``whole``."""

    low: float
    high: float
    whole: bool = False


#: Every parameter of the model file (role "model") and the values it may take. A value outside
#: them (an age SD of 1e300, 0 calibration nodes) stops the estimates like a changed file, naming
#: the file and the field. ``figures.NAME`` is a figure's value (and interval); a dotted path is a
#: number of the file, ``[]`` each item of a list. Every figure of the model file must be listed:
#: a new parameter is added here with one line.
MODEL_PARAMETERS: dict[str, Allowed] = {
    "figures.relapsing_mean_age": Allowed(16, 75),
    "figures.relapsing_share_more_than_2_dmts": Allowed(0, 1),
    "figures.progressive_mean_age": Allowed(16, 75),
    "figures.progressive_share_more_than_2_dmts": Allowed(0, 1),
    "figures.age_sd_within_group": Allowed(1, 30),
    "figures.calibration_nodes": Allowed(2, 200, whole=True),
    "figures.prior_dmts_threshold": Allowed(0, 15, whole=True),
    "figures.high_edss_threshold": Allowed(0, 9.5),
    "figures.share_high_edss": Allowed(0, 1),
    "figures.shape_sd": Allowed(0, 1),
    "figures.shape_clip_low": Allowed(0.05, 1),
    "figures.shape_clip_high": Allowed(1, 5),
    "figures.relapsing_effective_n": Allowed(1, 10_000),
    "figures.edss_transport_factor": Allowed(1, 10),
    "figures.early_mortality_days": Allowed(1, 365, whole=True),
    "figures.days_per_year": Allowed(365, 366),
    "figures.survival_horizon": Allowed(1, 30),
    "figures.grid_steps_per_year": Allowed(1, 366, whole=True),
    "figures.monte_carlo_seed": Allowed(0, 2 ** 63 - 1, whole=True),
    "figures.monte_carlo_draws": Allowed(100, 1_000_000, whole=True),
    "figures.beta_prior": Allowed(0, 10),
    "figures.interval_level": Allowed(0.5, 0.999),
    "figures.normal_z_95": Allowed(1.5, 2.5),
    "figures.progressive_pfs_5y": Allowed(0.001, 0.999),
    "figures.pfs_equals_survival_edss": Allowed(0, 10),
    "figures.normal_z_90": Allowed(1, 2),
    "figures.split_difference_step": Allowed(1e-9, 1e-2),
    "band_knots.months[]": Allowed(0, 120, whole=True),
    "band_knots.then_every_year_from": Allowed(1, 30, whole=True),
    "relapsing_fit_points[].years": Allowed(0.1, 30),
    "profile.age.min": Allowed(0, 120),
    "profile.age.max": Allowed(0, 120),
    "profile.age.studied_min": Allowed(0, 120),
    "profile.age.studied_max": Allowed(0, 120),
    "profile.edss.min": Allowed(0, 10),
    "profile.edss.max": Allowed(0, 10),
    "profile.edss.step": Allowed(0.1, 1),
    "profile.edss.excluded[]": Allowed(0, 10),
    "profile.edss.warn_at_or_above": Allowed(0, 10),
    "profile.prior_dmts.min": Allowed(0, 100, whole=True),
    "profile.prior_dmts.max": Allowed(0, 100, whole=True),
    "profile.relapses_past_year.min": Allowed(0, 100, whole=True),
    "profile.relapses_past_year.max": Allowed(0, 100, whole=True),
    "profile.disease_duration_years.min": Allowed(0, 120),
    "profile.disease_duration_years.max": Allowed(0, 120),
    "profile.horizons[]": Allowed(1, 30, whole=True),
    "profile.draws_min": Allowed(1, 1_000_000, whole=True),
    "profile.draws_max": Allowed(1, 1_000_000, whole=True),
}


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
    _check_listing(listed)
    present = {p.name for p in directory.glob("*.json")} - {MANIFEST_NAME}
    for unlisted in sorted(present - set(listed)):
        raise EvidenceError(unlisted, None, "file is not listed in the manifest")
    sources = []
    for name, expected in sorted(listed.items()):
        data = _read_bytes(directory / name, name)
        digest = hashlib.sha256(data).hexdigest()
        if digest != expected:
            raise EvidenceError(name, None, f"checksum mismatch (expected {expected[:12]}..., found {digest[:12]}...)")
        parsed = _parse_json(data, name)
        try:
            sources.append(_parse_source(name, parsed, digest))
        except (TypeError, ValueError, KeyError, AttributeError, IndexError) as exc:  # a shape no check foresaw
            raise EvidenceError(name, None, f"content of an unexpected shape ({type(exc).__name__})") from None
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


def _check_listing(listed: Mapping) -> None:
    """The manifest's files: names of files in the folder itself (no path, no NUL), each with a
    SHA-256 checksum written as 64 hexadecimal digits."""
    for name, checksum in listed.items():
        if not _FILE_NAME.fullmatch(name) or name == MANIFEST_NAME:
            raise EvidenceError(MANIFEST_NAME, "files", f"{name!r} is not the name of an evidence file in the folder")
        if not isinstance(checksum, str) or not _SHA256.fullmatch(checksum):
            raise EvidenceError(MANIFEST_NAME, f"files.{name}", "must be a SHA-256 checksum (64 hexadecimal digits)")


def _read_bytes(path: Path, name: str) -> bytes:
    """The file's bytes, only from a regular file of at most :data:`MAX_FILE_BYTES` (a FIFO or
    ``/dev/zero`` as a manifest would wait or read for ever)."""
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise EvidenceError(name, None, "file is missing") from None
    except NotRegular as exc:
        raise EvidenceError(name, None, f"is a {exc.kind}, not a regular file") from None
    except TooLarge:
        raise EvidenceError(name, None, f"file is larger than {MAX_FILE_BYTES} bytes") from None
    except (OSError, ValueError) as exc:
        raise EvidenceError(name, None, f"file cannot be read ({getattr(exc, 'strerror', None) or exc})") from None


def _parse_json(data: bytes, name: str) -> dict:
    try:
        parsed = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
        raise EvidenceError(name, None, f"not valid JSON ({exc})") from None
    except RecursionError:
        raise EvidenceError(name, None, "not valid JSON (nested too deeply)") from None
    if not isinstance(parsed, dict):
        raise EvidenceError(name, None, "top level must be a JSON object")
    return parsed


def _no_constant(text: str) -> Any:
    raise ValueError(f"{text} is not a JSON number")


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
    for i, option in enumerate(raw.get("options", ())):
        _check_option(name, option, figures, f"options[{i}]")
    _check_items(name, raw, figures)
    if "eligibility" in raw:
        _check_eligibility(name, raw["eligibility"], figures)
    if role == "model":
        _check_model_parameters(name, raw, figures)
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
    try:
        number = float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else math.nan
    except OverflowError:  # a whole number of hundreds of digits
        number = math.inf
    if not math.isfinite(number):
        raise EvidenceError(name, field_name, f"{str(value)[:40]!r} is not a finite number")
    return number


def _check_model_parameters(name: str, raw: Mapping, figures: Mapping[str, Figure]) -> None:
    """Every parameter of the model file within :data:`MODEL_PARAMETERS` (see there)."""
    for key in figures:
        if f"figures.{key}" not in MODEL_PARAMETERS:
            raise EvidenceError(name, f"figures.{key}", "no allowed range is declared for this model parameter "
                                "(evidence/loader.py, MODEL_PARAMETERS)")
    for path, allowed in MODEL_PARAMETERS.items():
        for where, value in _values_at(name, raw, figures, path):
            _check_allowed(name, where, value, allowed)


def _values_at(name: str, raw: Mapping, figures: Mapping[str, Figure], path: str) -> list[tuple[str, Any]]:
    """The numbers a :data:`MODEL_PARAMETERS` path names, with where each is: ``figures.NAME``
    gives the figure's value and interval ends (none if this edition has no such figure: the model
    says so when it asks for it); any other path must be in the file."""
    if path.startswith("figures."):
        figure = figures.get(path.removeprefix("figures."))
        if figure is None:
            return []
        ends = [(f"{path}.ci", end) for end in figure.ci] if figure.ci else []
        return [(f"{path}.value", figure.value), *ends]
    found: list[tuple[str, Any]] = [("", raw)]
    for part in path.split("."):
        key, each = part.removesuffix("[]"), part.endswith("[]")
        deeper: list[tuple[str, Any]] = []
        for where, obj in found:
            at = f"{where}.{key}" if where else key
            if not isinstance(obj, Mapping) or key not in obj:
                raise EvidenceError(name, at, "field is missing")
            value = obj[key]
            if each and not isinstance(value, list):
                raise EvidenceError(name, at, "must be a list")
            deeper += [(f"{at}[{i}]", item) for i, item in enumerate(value)] if each else [(at, value)]
        found = deeper
    return found


def _check_allowed(name: str, where: str, value: Any, allowed: Allowed) -> None:
    number = _number(value, name, where)
    if not allowed.low <= number <= allowed.high:
        raise EvidenceError(name, where, f"{number:.15g} is outside the allowed range {allowed.low:.15g} to "
                                         f"{allowed.high:.15g}")
    if allowed.whole and not number.is_integer():
        raise EvidenceError(name, where, f"{number:.15g} is not a whole number")


# --- "comparison" blocks (the "Your options" view) -------------------------------------------
# A study of AHSCT against drug treatment (or of drug treatment alone) describes its arms and
# outcomes by naming figures of the same file, so every number shown stays a checked figure. A
# name that does not exist, or a figure of the wrong kind, is refused here rather than dropped
# silently when the view is drawn.

_TIME_FRAMES = ("at", "over", "up_to", "at_least", "median_follow_up", "during_follow_up")
_ARM_VALUES = {"events": ("count",), "share": ("probability",), "rate": ("rate",), "mean_from": ("edss",)}
_RATIOS = ("hazard_ratio", "rate_ratio")
_P_VALUES = ("p_value", "p_value_below")


class _Checker:
    """Checks one block of one file: every figure it names exists and is of the right kind."""

    def __init__(self, name: str, figures: Mapping[str, Figure]) -> None:
        self.name, self.figures = name, figures

    def need(self, obj: Mapping, key: str, kind: type, at: str) -> Any:
        return _require(obj, key, self.name, kind, f"{at}.")

    def figure(self, ref: Any, at: str, kinds: tuple[str, ...] | None = None, optional: bool = False) -> None:
        if ref is None and optional:
            return
        if not isinstance(ref, str) or ref not in self.figures:
            raise EvidenceError(self.name, at, f"{ref!r} does not name a figure of this file")
        if kinds and self.figures[ref].kind not in kinds:
            raise EvidenceError(self.name, at, f"figure '{ref}' is a {self.figures[ref].kind}, not a {' or '.join(kinds)}")

    def text(self, obj: Mapping, key: str, at: str, optional: bool = True) -> None:
        value = obj.get(key)
        if value is None and optional:
            return
        if not isinstance(value, str):
            raise EvidenceError(self.name, f"{at}.{key}", "must be text" + (" or null" if optional else ""))

    def texts(self, obj: Mapping, key: str, at: str) -> None:
        items = obj.get(key, [])
        if not isinstance(items, list) or not all(isinstance(t, str) for t in items):
            raise EvidenceError(self.name, f"{at}.{key}", "must be a list of texts")

    def time_frame(self, frame: Any, at: str) -> None:
        if frame is None:
            return
        if not isinstance(frame, dict) or frame.get("kind") not in _TIME_FRAMES:
            raise EvidenceError(self.name, at, f"must be null or an object with kind one of {', '.join(_TIME_FRAMES)}")
        self.figure(frame.get("figure"), f"{at}.figure", ("duration",), optional=frame["kind"] == "during_follow_up")

    def arms(self, arms: Any, at: str, minimum: int) -> list[str]:
        if not isinstance(arms, list):
            raise EvidenceError(self.name, at, "must be a list")
        codes = []
        for i, arm in enumerate(arms):
            place = f"{at}[{i}]"
            if not isinstance(arm, dict):
                raise EvidenceError(self.name, place, "must be an object")
            codes.append(self.need(arm, "code", str, place))
            self.need(arm, "label", str, place)
            self.figure(arm.get("patients"), f"{place}.patients", ("count",), optional=True)
            self.figure(arm.get("median_follow_up"), f"{place}.median_follow_up", ("duration",), optional=True)
        if len(codes) < minimum or len(set(codes)) != len(codes):
            raise EvidenceError(self.name, at, f"needs at least {minimum} arm(s) with different codes")
        return codes

    def facts(self, block: Mapping, at: str) -> None:
        for i, fact in enumerate(block.get("facts", ())):
            place = f"{at}.facts[{i}]"
            if not isinstance(fact, dict):
                raise EvidenceError(self.name, place, "must be an object")
            self.need(fact, "label", str, place)
            self.figure(fact.get("figure"), f"{place}.figure")
            self.figure(fact.get("of"), f"{place}.of", ("count",), optional=True)

    def compares(self, value: Any, codes: list[str], at: str) -> None:
        if not (isinstance(value, list) and len(value) == 2 and all(c in codes for c in value)):
            raise EvidenceError(self.name, at, "must name two of the arms")

    def outcomes(self, outcomes: Any, codes: list[str], at: str, allow_empty: bool = False) -> None:
        if not isinstance(outcomes, list) or (not outcomes and not allow_empty):
            raise EvidenceError(self.name, at, "needs at least one outcome")
        for i, outcome in enumerate(outcomes):
            self.outcome(outcome, codes, f"{at}[{i}]")

    def outcome(self, outcome: Any, codes: list[str], at: str) -> None:
        if not isinstance(outcome, dict):
            raise EvidenceError(self.name, at, "must be an object")
        self.need(outcome, "code", str, at)
        self.need(outcome, "definition", str, at)
        if not isinstance(outcome.get("lower_is_better"), bool):
            raise EvidenceError(self.name, f"{at}.lower_is_better", "must be true or false")
        self.time_frame(outcome.get("time_frame"), f"{at}.time_frame")
        for j, result in enumerate(outcome.get("arms", ())):
            place = f"{at}.arms[{j}]"
            if not isinstance(result, dict) or result.get("arm") not in codes:
                raise EvidenceError(self.name, place, f"must name one of the arms ({', '.join(codes)})")
            given = [key for key in _ARM_VALUES if key in result]
            if len(given) != 1:
                raise EvidenceError(self.name, place, f"needs exactly one of {', '.join(_ARM_VALUES)}")
            self.figure(result[given[0]], f"{place}.{given[0]}", _ARM_VALUES[given[0]])
            if given[0] == "events":
                self.figure(result.get("patients"), f"{place}.patients", ("count",))
            if given[0] == "mean_from":
                self.figure(result.get("mean_to"), f"{place}.mean_to", ("edss",))
        hr = outcome.get("hazard_ratio")
        if hr is not None:
            if not isinstance(hr, dict):
                raise EvidenceError(self.name, f"{at}.hazard_ratio", "must be null or an object")
            self.figure(hr.get("figure"), f"{at}.hazard_ratio.figure", _RATIOS)
            self.compares(hr.get("compares"), codes, f"{at}.hazard_ratio.compares")
        reduction = outcome.get("relative_reduction")
        if reduction is not None:
            names = reduction.get("figures") if isinstance(reduction, dict) else None
            if not isinstance(names, list) or not names:
                raise EvidenceError(self.name, f"{at}.relative_reduction.figures", "must list at least one figure")
            for k, ref in enumerate(names):
                self.figure(ref, f"{at}.relative_reduction.figures[{k}]", ("relative_reduction",))
            self.compares(reduction.get("compares"), codes, f"{at}.relative_reduction.compares")
        difference = outcome.get("difference")
        if difference is not None:
            if not isinstance(difference, dict):
                raise EvidenceError(self.name, f"{at}.difference", "must be null or an object")
            self.figure(difference.get("figure"), f"{at}.difference.figure", ("edss_difference",))
            self.compares(difference.get("compares"), codes, f"{at}.difference.compares")
        self.figure(outcome.get("p_value"), f"{at}.p_value", _P_VALUES, optional=True)
        if not outcome.get("arms") and hr is None and reduction is None:
            raise EvidenceError(self.name, at, "gives neither arm figures, a ratio nor a relative reduction")
        self.text(outcome, "missing", at)


def _check_comparison(name: str, block: Any, figures: Mapping[str, Figure]) -> None:
    where = "comparison"
    if not isinstance(block, dict):
        raise EvidenceError(name, where, "must be an object")
    check = _Checker(name, figures)
    for key in ("compares_ahsct", "randomised"):
        if not isinstance(block.get(key), bool):
            raise EvidenceError(name, f"{where}.{key}", "must be true or false")
    courses = check.need(block, "population_courses", list, where)
    if not courses or not all(isinstance(c, str) for c in courses):
        raise EvidenceError(name, f"{where}.population_courses", "must list at least one type of MS")
    check.need(block, "population", str, where)
    check.time_frame(block.get("follow_up"), f"{where}.follow_up")
    codes = check.arms(check.need(block, "arms", list, where), f"{where}.arms", 2)
    check.facts(block, where)
    drugs = block.get("arm_drugs")
    if drugs is not None:
        at = f"{where}.arm_drugs"
        if not isinstance(drugs, dict) or drugs.get("arm") not in codes:
            raise EvidenceError(name, f"{at}.arm", f"must name one of the arms ({', '.join(codes)})")
        check.need(drugs, "label", str, at)
        for i, drug in enumerate(check.need(drugs, "drugs", list, at)):
            check.need(drug, "label", str, f"{at}.drugs[{i}]")
            check.figure(drug.get("figure"), f"{at}.drugs[{i}].figure", ("count",))
        check.text(drugs, "missing", at)
    check.outcomes(block.get("outcomes"), codes, f"{where}.outcomes")
    check.texts(block, "limits", where)
    check.texts(block, "findings", where)
    check.text(block, "conclusion", where)


def _check_option(name: str, option: Any, figures: Mapping[str, Figure], at: str) -> None:
    """A drug option (EVIDENCE.md "Drug options in the same format"): what it is, how it is given, its
    pivotal trial's main effect against its own comparator, and its main harms (a figure, or a plain
    statement where no verified figure exists)."""
    check = _Checker(name, figures)
    if not isinstance(option, dict):
        raise EvidenceError(name, at, "must be an object")
    for key in ("id", "label", "what", "how_given", "trial", "comparator"):
        check.need(option, key, str, at)
    courses = check.need(option, "courses", list, at)
    if not courses or not all(isinstance(c, str) for c in courses):
        raise EvidenceError(name, f"{at}.courses", "must list at least one type of MS")
    check.need(option, "order", int, at)
    codes = check.arms(option.get("arms", []), f"{at}.arms", 0)
    check.time_frame(option.get("follow_up"), f"{at}.follow_up")
    check.outcomes(option.get("effects", []), codes, f"{at}.effects", allow_empty=True)
    if not option.get("effects"):
        check.text(option, "no_effect", at, optional=False)
    check.facts(option, at)
    harms = check.need(option, "harms", list, at)
    if not harms:
        raise EvidenceError(name, f"{at}.harms", "needs at least one harm")
    for i, harm in enumerate(harms):
        place = f"{at}.harms[{i}]"
        if not isinstance(harm, dict):
            raise EvidenceError(name, place, "must be an object")
        check.need(harm, "id", str, place)
        check.need(harm, "label", str, place)
        for key in ("figure", "range_low", "comparator_figure", "comparator_range_low"):
            check.figure(harm.get(key), f"{place}.{key}", optional=True)
        check.text(harm, "statement", place)
        if harm.get("figure") is None and not harm.get("statement"):
            raise EvidenceError(name, place, "needs a figure or a statement (no verified figure)")


def _check_items(name: str, raw: Mapping, figures: Mapping[str, Figure]) -> None:
    """Statements, timeline steps and guidance criteria: each an id, a text and what it was checked against."""
    check = _Checker(name, figures)
    for key in ("statements", "timeline", "criteria"):
        items = raw.get(key, [])
        if not isinstance(items, list):
            raise EvidenceError(name, key, "must be a list")
        ids = []
        for i, item in enumerate(items):
            place = f"{key}[{i}]"
            if not isinstance(item, dict):
                raise EvidenceError(name, place, "must be an object")
            ids.append(check.need(item, "id", str, place))
            check.need(item, "text", str, place)
            check.need(item, "checked_against", str, place)
            check.figure(item.get("figure"), f"{place}.figure", optional=True)
        if len(set(ids)) != len(ids):
            raise EvidenceError(name, key, "ids must be different")


def _check_eligibility(name: str, block: Any, figures: Mapping[str, Figure]) -> None:
    """A trial's entry criteria (MIST): the ranges as numbers, the participants' age as figures."""
    check = _Checker(name, figures)
    if not isinstance(block, dict):
        raise EvidenceError(name, "eligibility", "must be an object")
    courses = check.need(block, "course", list, "eligibility")
    if not courses or not all(isinstance(c, str) for c in courses):
        raise EvidenceError(name, "eligibility.course", "must list at least one type of MS")
    for key in ("edss_min", "edss_max", "min_relapses_past_year", "min_prior_dmts", "age_sds"):
        _number(block.get(key), name, f"eligibility.{key}")
    if block.get("relapses_on_treatment") not in ("yes", "no", None):
        raise EvidenceError(name, "eligibility.relapses_on_treatment", "must be yes, no or null")
    check.figure(block.get("age_mean"), "eligibility.age_mean", ("age",))
    check.figure(block.get("age_sd"), "eligibility.age_sd", ("age",))
