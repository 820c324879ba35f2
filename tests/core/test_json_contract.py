"""`decision-aid estimate --json`'s top level, written out by hand from MODEL.md ("Machine-readable
output") and docs/EVIDENCE.md: a key renamed or dropped breaks every script that reads it."""

import hashlib
import json

from decision_aid.evidence import default_directory

PROFILE = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}

TOP_LEVEL = {
    "model_version", "evidence_version", "evidence_checksum", "evidence", "primary_citation", "profile",
    "horizon_years", "draws", "seed", "monte_carlo", "early_mortality", "early_mortality_recent",
    "overall_survival_5y", "overall_survival_5y_recent", "pfs", "pfs_at", "pfs_recent", "pfs_recent_at",
    "pfs_equals_survival", "pfs_recent_reason", "group", "hazard_multiplier", "hazard_multiplier_recent",
    "reference", "reference_recent", "warnings", "caveats", "assumptions",
}


def estimate_json(model, horizon=5) -> dict:
    return json.loads(json.dumps(model.estimate(model.validate(PROFILE), horizon=horizon, draws=1024).as_dict()))


def test_the_top_level_keys_are_the_documented_ones(model):
    assert set(estimate_json(model)) == TOP_LEVEL


def test_the_evidence_checksum_is_the_manifests_own_sha256():
    """docs/EVIDENCE.md: "The manifest's own checksum identifies the whole edition and is printed
    with every estimate (evidence_checksum)"."""
    from decision_aid.model import default_model

    manifest = (default_directory() / "manifest.json").read_bytes()
    data = estimate_json(default_model())
    assert data["evidence_checksum"] == hashlib.sha256(manifest).hexdigest()
    assert data["evidence_version"] == json.loads(manifest)["evidence_version"] == "2027.01-1"


def test_every_evidence_file_is_listed_with_the_checksum_the_manifest_gives_it(model):
    listed = json.loads((default_directory() / "manifest.json").read_text())["files"]
    evidence = estimate_json(model)["evidence"]
    assert {e["id"] + ".json": e["sha256"] for e in evidence} == {
        name: digest for name, digest in listed.items() if name.endswith(".json")}
    assert all(set(e) == {"id", "citation", "sha256"} and e["citation"] for e in evidence)


def test_the_relapsing_profile_is_in_the_relapsing_group_at_the_asked_horizon(model):
    data = estimate_json(model, horizon=10)
    assert (data["group"], data["horizon_years"], data["draws"], data["seed"]) == ("relapsing", 10, 1024, 20170401)
    assert data["profile"]["course"] == "rrms" and data["profile"]["edss"] == 4.0
    assert data["primary_citation"] == (  # README, "Where the numbers come from"
        "Muraro PA, Pasquini M, Atkins HL, et al. Long-term Outcomes After Autologous Hematopoietic Stem Cell "
        "Transplantation for Multiple Sclerosis. JAMA Neurol. 2017;74(4):459-469. doi:10.1001/jamaneurol.2016.5867")
    assert set(data["pfs_at"]) == {str(year) for year in range(1, 11)}
    assert set(data["pfs_at"]["5"]) == {"estimate", "lower", "upper"}


# MODEL.md's "Machine-readable output" (with v2's keys it keeps: the curves' times and values, the
# early-death figure's horizon, source and label)
NESTED = {
    "monte_carlo": {"method", "draws", "seed"},
    "pfs": {"times", "estimate", "lower", "upper", "era", "label", "source", "extrapolated_after", "equals_survival"},
    "pfs_recent": {"times", "estimate", "lower", "upper", "era", "label", "sources", "anchored_at",
                   "single_cohort_after", "extrapolated_after", "equals_survival"},
    "early_mortality": {"horizon_days", "estimate", "lower", "upper", "source", "label", "era", "adjusted_for"},
    "early_mortality_recent": {"horizon_days", "estimate", "lower", "upper", "source", "label", "era", "adjusted_for"},
    "overall_survival_5y": {"estimate", "lower", "upper", "era", "adjusted_for"},
    "overall_survival_5y_recent": {"estimate", "lower", "upper", "era", "adjusted_for"},
    "reference": {"average_patient", "relapsing", "progressive"},
    "reference_recent": {"relapsing", "progressive"},
}


def test_every_block_has_its_documented_keys(model):
    data = estimate_json(model)
    assert {key: set(data[key]) for key in NESTED} == NESTED
    assert len(data["reference_recent"]["progressive"]) == len(data["reference_recent"]["relapsing"]) == len(
        data["pfs"]["times"])


def test_every_note_says_which_numbers_it_qualifies(model):
    """A warning or caveat in the JSON names the figures it speaks of ("qualifies"): a script that
    shows the early-death caveats beside the early-death figure reads that key (a renamed key
    survived every test)."""
    fields = {"age": 60, "course": "spms", "edss": 9.0, "prior_dmts": 3, "relapses_past_year": 1}
    data = json.loads(json.dumps(model.estimate(model.validate(fields), horizon=10).as_dict()))
    notes = {note["id"]: note for note in data["warnings"] + data["caveats"]}
    assert all(set(note) == {"id", "qualifies", "values", "assumption"} for note in notes.values()), notes
    assert notes["age_outside_studied"]["qualifies"] == "all" and notes["age_outside_studied"]["assumption"] is None
    assert notes["extrapolation"]["assumption"] == "A5" and notes["extrapolation"]["values"] == {"after_years": 5.0}
    assert notes["pfs_is_survival"]["qualifies"] == "pfs"
    assert notes["recent_single_cohort"]["qualifies"] == "pfs_recent"
    assert notes["era"]["qualifies"] == "early_mortality"
