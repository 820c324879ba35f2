"""The evidence files: shipped, checksummed, and every kind of invalid figure detected."""

import hashlib
import json
import math
import re
import shutil
from pathlib import Path

import pytest

from decision_aid.evidence import EvidenceError, default_directory, load_evidence

SOURCE = "muraro2017.json"


@pytest.fixture
def evidence_copy(tmp_path: Path) -> Path:
    target = tmp_path / "evidence"
    shutil.copytree(default_directory(), target)
    return target


def rewrite(directory: Path, name: str, change) -> None:
    """Edit one file and re-sign the manifest, so that only the content check can fail."""
    path = directory / name
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))
    manifest = json.loads((directory / "manifest.json").read_text())
    manifest["files"][name] = hashlib.sha256(path.read_bytes()).hexdigest()
    (directory / "manifest.json").write_text(json.dumps(manifest))


def test_shipped_evidence_is_edition_2027_01_with_its_review_dates():
    evidence = load_evidence()
    assert evidence.version == "2027.01-1"
    assert (evidence.reviewed.isoformat(), evidence.next_review_due.isoformat()) == ("2026-12-07", "2027-12-07")
    assert [s.id for s in evidence.by_role("primary")] == ["muraro2017"]
    assert {s.id for s in evidence.by_role("context")} == {
        "burt2019_mist", "burman2014", "boffa2021", "burt2021", "muraro2025", "silfverberg2024", "sormani2017"}
    assert {s.id for s in evidence.by_role("comparison")} == {
        "muraro2025_annneurol", "boffa2023_spms", "kalincik2024_progressive", "montalban2017_oratorio"}
    assert {s.id for s in evidence.by_role("guidance")} == {"nmss2021_guidance", "ectrims2025_guidance"}
    assert {s.id for s in evidence.by_role("harm")} == {"bsbmtct2025", "mehra2019", "massarotti2021", "zafeiri2023",
                                                      "london2021_series"}
    assert {s.id for s in evidence.by_role("drug")} == {"opera2017", "asclepios2020", "affirm2006", "care_ms1_2012",
                                                      "clarity2010", "expand2018"}
    assert [s.id for s in evidence.by_role("information")] == ["ahsct_information"]
    primary = evidence.get("muraro2017")
    assert primary.doi == "10.1001/jamaneurol.2016.5867"
    assert primary.figure("pfs_5y").ci == (0.42, 0.54)
    assert primary.value("early_deaths") == 8 and primary.value("patients") == 281


# EVIDENCE.md's words; a figure checked in parts says which part ("8 and 2.8%: secondary; CI: not checked"),
# and from its section "Model 3.0" on, the text it was checked against ("abstract: https://...").
KINDS = ("abstract", "abstract copy", "full text", "PMC", "PMC \\(table\\)", "author manuscript", "conference abstract",
         "secondary", "secondary, in part", "guidance summary", "patient information", "registry", "derived",
         "not checked", "citation record", "manufacturer page", "not applicable: the aid's reading")
CHECKED = re.compile(r"^(?:(?:[^:;]+: )?(?:{kinds})|(?:{kinds}): \S.*)$".format(kinds="|".join(KINDS)))
MODEL_SPECIFICATION = "not applicable: model specification (MODEL.md v3)"
#: EVIDENCE.md (Model 3.0), section L: what the life table was checked against.
LIFE_TABLE_CHECKED = (
    "a copy of the HMD file in the public GitHub repository yiping-guo/RHals, path inst/data/Mx_1x1_EW.txt, commit "
    "6e733a9280de4ecda4ce0db8b2d2bcdf4e0c8b63 (not against mortality.org itself, which needs registration, nor "
    "against the ONS National Life Tables, whose spreadsheets were not available here; the ONS 2017-2019 tables are "
    "built from the same deaths and populations and differ in method only)")


def test_every_figure_has_provenance_and_says_what_it_was_checked_against():
    for source in load_evidence().sources:
        assert source.citation
        for figure in source.figures.values():
            assert figure.unit and figure.reported_in and figure.kind
            if source.role == "model":
                assert (figure.checked_against == MODEL_SPECIFICATION
                        or figure.checked_against.startswith("NOT VERIFIED.")), figure.name
                continue
            if source.role == "population":
                assert figure.checked_against == LIFE_TABLE_CHECKED
                continue
            parts = re.split(r";\s(?![^(]*\))", figure.checked_against)  # not inside parentheses
            assert all(CHECKED.match(part.strip()) for part in parts), (source.id, figure.name, figure.checked_against)


def test_corrected_citations_of_edition_2026_12():
    evidence = load_evidence()
    nmss = evidence.get("nmss2021_guidance")
    assert nmss.doi == "10.1001/jamaneurol.2020.4025" and "contraindications" in nmss.text("statement")
    regimens = evidence.get("sweden2024_regimens")
    assert regimens.citation.startswith("Silfverberg T, Zjukovskaja C, Noui Y, Carlson K, et al. BEAM or cyclophosphamide")
    assert regimens.text("transplant_years") == "before 1 January 2020"
    assert (regimens.value("neda_5y_p"), regimens.value("febrile_neutropenia_p")) == (0.29, 0.023)
    assert "1 point confirmed at 12 months" in evidence.get("muraro2017").text("outcome_definition")
    recent = evidence.get("muraro2025")
    assert (recent.value("early_deaths"), recent.value("patients")) == (5, 364)


def test_evidence_folder_is_inside_the_installed_package():
    # The folder is found through the package, not relative to the working directory.
    assert (default_directory() / "manifest.json").is_file()


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda d: d["figures"]["pfs_5y"].pop("ci"), "figures.pfs_5y.ci"),
        (lambda d: d["figures"]["os_5y"].pop("reported_in"), "figures.os_5y.reported_in"),
        (lambda d: d["figures"]["os_5y"].pop("checked_against"), "figures.os_5y.checked_against"),
        (lambda d: d.pop("citation"), "citation"),
        (lambda d: d["figures"]["pfs_5y"].update(value=1.2, ci=None), "figures.pfs_5y.value"),
        (lambda d: d["figures"]["early_mortality"].update(value=-0.01, ci=None), "figures.early_mortality.value"),
        (lambda d: d["figures"]["pfs_5y"].update(ci=[0.50, 0.54]), "figures.pfs_5y.ci"),
        (lambda d: d["figures"]["os_5y"].update(value="0.92"), "figures.os_5y.value"),
        (lambda d: d.update(id="other"), "id"),
    ],
)
def test_invalid_figure_names_file_and_field(evidence_copy, change, field):
    rewrite(evidence_copy, SOURCE, change)
    with pytest.raises(EvidenceError) as caught:
        load_evidence(evidence_copy)
    assert caught.value.file == SOURCE
    assert caught.value.field == field
    assert SOURCE in str(caught.value) and field in str(caught.value)


def test_a_changed_byte_is_caught_by_the_checksum(evidence_copy):
    path = evidence_copy / SOURCE
    data = bytearray(path.read_bytes())
    index = data.index(b"0.46")
    data[index + 3] = ord("7")  # 0.46 -> 0.47: still valid JSON and a valid probability
    path.write_bytes(bytes(data))
    with pytest.raises(EvidenceError, match="checksum mismatch") as caught:
        load_evidence(evidence_copy)
    assert caught.value.file == SOURCE


def test_missing_file_is_named(evidence_copy):
    (evidence_copy / "burt2021.json").unlink()
    with pytest.raises(EvidenceError, match="missing") as caught:
        load_evidence(evidence_copy)
    assert caught.value.file == "burt2021.json"


def test_unlisted_file_is_refused(evidence_copy):
    (evidence_copy / "extra.json").write_text("{}")
    with pytest.raises(EvidenceError, match="not listed") as caught:
        load_evidence(evidence_copy)
    assert caught.value.file == "extra.json"


def test_invalid_json_is_named(evidence_copy):
    path = evidence_copy / SOURCE
    path.write_text("{ not json")
    manifest = json.loads((evidence_copy / "manifest.json").read_text())
    manifest["files"][SOURCE] = hashlib.sha256(path.read_bytes()).hexdigest()
    (evidence_copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(EvidenceError, match="not valid JSON") as caught:
        load_evidence(evidence_copy)
    assert caught.value.file == SOURCE


def test_model_numbers_come_from_the_evidence_files(evidence_copy, model):
    """Change figures in a copy of the evidence and the model follows: nothing is a literal."""
    from decision_aid.model import Model

    def study(d):
        d["figures"]["pfs_5y"].update(value=0.50, ci=[0.45, 0.55])
        d["figures"]["early_deaths"]["value"] = 4

    rewrite(evidence_copy, SOURCE, study)
    rewrite(evidence_copy, "nash2017_haltms.json", lambda d: d["figures"]["pfs_5y"].update(value=0.80, ci=[0.6, 0.9]))
    rewrite(evidence_copy, "boffa2021.json", lambda d: d["figures"]["dwfs_relapsing_10y"].update(value=0.60))
    rewrite(evidence_copy, "lifetable_ew_2017_2019.json", lambda d: d["figures"]["q_40"].update(value=0.01))
    changed = Model(load_evidence(evidence_copy))
    assert changed.early_deaths / changed.patients == pytest.approx(4 / 281)
    assert changed.fit.cohort > model.fit.cohort + 0.01  # the joint fit moves towards the new 50%
    haltms = next(c for c in changed.cohorts if c.source == "nash2017_haltms")
    assert haltms.y == pytest.approx(math.log(-math.log(0.80)))
    assert changed.groups["relapsing"].change.delta == pytest.approx(
        math.log(-math.log(0.60)) - math.log(-math.log(0.855)))
    assert float(changed.life_table.survival(40, 1)) == pytest.approx(0.99)
    profile = changed.validate({"age": 35, "course": "spms", "edss": 4.0, "prior_dmts": 1})
    assert changed.estimate(profile, draws=500).early_mortality.estimate == pytest.approx(
        4 / 281 * float(changed.edss_factor(profile)))


def test_model_3_inputs_are_those_of_evidence_md(model):
    """The figures of EVIDENCE.md's section "Model 3.0" that the model reads, as written there."""
    import model_reference as reference

    evidence = model.evidence

    def value(source_id, name):
        figure = evidence.get(source_id).figure(name)
        return (figure.value, figure.ci) if figure.ci else figure.value

    spec = evidence.get("model_parameters")
    assert spec.raw["model_version"] == "3.0" and spec.raw["previous_model_versions"] == ["1.0", "2.0"]
    assert spec.value("monte_carlo_draws") == 32768 and spec.value("monte_carlo_seed") == 20170401
    assert spec.figure("progressive_pfs_5y").value == 0.33
    assert spec.figure("progressive_pfs_5y").checked_against.startswith("NOT VERIFIED. Cited for the study's progressive")
    assert [a["id"] for a in spec.raw["assumptions"]] == [f"A{i}" for i in range(1, 23)]
    assert spec.raw["assumptions"][15]["text"] == ("From EDSS 9.0, a confirmed 1-point worsening can only mean death, "
                                                   "so PFS equals overall survival there.")
    assert all(a["for_patient"] for a in spec.raw["assumptions"])
    assert value("nash2017_haltms", "pfs_5y") == (0.913, (0.747, 0.972))
    assert evidence.get("nash2017_haltms").role == "pooled"
    assert value("muraro2025", "neurological_follow_up_patients") == 271
    assert value("muraro2025", "relapsing_patients") == 168 and value("muraro2025", "pfs_5y") == 0.624
    assert value("muraro2025", "hr_pira_progressive") == (1.68, (1.05, 2.69))
    assert evidence.get("muraro2025").figure("hr_pira_progressive").checked_against.startswith(
        "conference abstract: https://index.mirasmart.com/AAN2025/PDFfiles/AAN2025-005293.html")
    assert (value("burman2014", "pfs_5y"), value("burman2014", "outcome_patients"),
            value("burman2014", "outcome_relapsing_patients")) == (0.77, 41, 34)
    assert [value("boffa2021", n) for n in ("dwfs_relapsing_5y", "dwfs_relapsing_10y", "dwfs_progressive_5y",
                                            "dwfs_progressive_10y")] == [
        (0.855, (0.769, 0.941)), (0.713, (0.578, 0.848)), (0.71, (0.594, 0.826)), (0.572, (0.418, 0.727))]
    table = evidence.get("lifetable_ew_2017_2019")
    assert table.role == "population" and table.raw["first_age"] == 16
    assert [table.value(f"q_{age}") for age in range(16, 81)] == reference.Q_X
    for age, rates in table.raw["death_rates_2017_2018_2019"].items():  # q_x = 1 - exp(-mean m_x), to 6 places
        assert round(1 - math.exp(-sum(rates) / 3), 6) == table.value(f"q_{age}")


# --- The evidence files of issue #14 -------------------------------------------------------------

# What each new figure was checked against, exactly as EVIDENCE.md says.
NEW_CHECKED = {
    "boffa2023_spms": lambda name: "abstract copy",
    "kalincik2024_progressive": lambda name: "abstract copy",
}


@pytest.mark.parametrize("source_id", sorted(NEW_CHECKED))
def test_new_figures_say_what_they_were_checked_against(model, source_id):
    source = model.evidence.get(source_id)
    for figure in source.figures.values():
        assert figure.checked_against == NEW_CHECKED[source_id](figure.name), figure.name
        if figure.checked_against == "abstract copy":
            assert "abstract copy" in figure.reported_in.lower()
        elif figure.checked_against == "secondary":
            assert "secondary" in figure.reported_in
        else:
            assert figure.reported_in == "Abstract"


def test_figures_of_edition_2026_12_are_those_of_evidence_md(model):
    def value(source_id, name):
        figure = model.evidence.get(source_id).figure(name)
        return (figure.value, figure.ci) if figure.ci else figure.value

    london = "muraro2025_annneurol"
    assert [value(london, n) for n in ("patients", "ahsct_patients", "alemtuzumab_patients", "ocrelizumab_patients",
                                       "ahsct_median_follow_up", "alemtuzumab_median_follow_up",
                                       "ocrelizumab_median_follow_up", "comparison_years")] == [621, 103, 204, 314,
                                                                                                43, 43, 32, 5]
    assert value(london, "hr_relapse") == (0.29, (0.13, 0.63))
    assert value(london, "hr_mri_activity") == (0.33, (0.15, 0.72))
    assert (value(london, "arr_ahsct"), value(london, "arr_alemtuzumab")) == (0.026, 0.087)
    assert value("boffa2023_spms", "hr_progression") == (0.50, (0.31, 0.81))
    assert [value("boffa2023_spms", n) for n in ("ahsct_patients", "dmt_patients", "ahsct_free_of_progression_5y",
                                                 "free_of_progression_years")] == [79, 1975, 0.617, 5]
    kalincik = "kalincik2024_progressive"
    assert [value(kalincik, n) for n in ("ahsct_patients", "ahsct_spms_patients", "mean_age", "baseline_edss",
                                         "natalizumab_patients", "follow_up_years")] == [39, 37, 37, 5.7, 65, 4]
    assert value(kalincik, "hr_worsening") == (1.49, (0.70, 3.14))
    assert value(kalincik, "hr_improvement") == (1.50, (0.22, 10.29))
    assert "does not support the use of AHSCT" in model.evidence.get(kalincik).raw["comparison"]["conclusion"]
    oratorio = "montalban2017_oratorio"
    assert [value(oratorio, n) for n in ("patients", "min_weeks", "progression_ocrelizumab",
                                         "progression_placebo")] == [732, 120, 0.329, 0.393]
    assert value(oratorio, "hr_progression") == (0.76, (0.59, 0.98))  # not checked: not shown (see the view)
    ectrims = "ectrims2025_guidance"
    assert [value(ectrims, n) for n in ("candidate_age_below", "candidate_duration_below", "candidate_edss_below",
                                        "min_high_efficacy_dmts_failed")] == [45, 10, 6.0, 1]
    for source_id in ("muraro2025_annneurol", "boffa2023_spms", "kalincik2024_progressive", "montalban2017_oratorio"):
        assert model.evidence.get(source_id).role == "comparison"
    assert model.evidence.get(ectrims).role == "guidance"


def test_sources_of_a_role_come_in_order_of_publication(model):
    # The window's guidance panel still takes the first guidance file; it stays the NMSS statement
    # (2021) until that panel selects by id, as decision_aid.context does.
    assert [s.id for s in model.evidence.by_role("guidance")] == ["nmss2021_guidance", "ectrims2025_guidance"]
    assert [s.id for s in model.evidence.by_role("comparison")] == [
        "montalban2017_oratorio", "boffa2023_spms", "kalincik2024_progressive", "muraro2025_annneurol"]


@pytest.mark.parametrize("change, field", [
    (lambda d: d["comparison"]["outcomes"][0]["hazard_ratio"].update(figure="hr_typo"),
     "comparison.outcomes[0].hazard_ratio.figure"),
    (lambda d: d["comparison"]["outcomes"][0]["hazard_ratio"].update(figure="ahsct_patients"),
     "comparison.outcomes[0].hazard_ratio.figure"),
    (lambda d: d["comparison"]["outcomes"][3]["arms"][0].update(arm="fingolimod"),
     "comparison.outcomes[3].arms[0]"),
    (lambda d: d["comparison"]["arms"][0].update(patients="nobody"), "comparison.arms[0].patients"),
    (lambda d: d["comparison"].pop("population_courses"), "comparison.population_courses"),
    (lambda d: d["comparison"].update(randomised="no"), "comparison.randomised"),
])
def test_a_comparison_block_naming_a_wrong_figure_is_refused(evidence_copy, change, field):
    name = "muraro2025_annneurol.json"
    rewrite(evidence_copy, name, change)
    with pytest.raises(EvidenceError) as caught:
        load_evidence(evidence_copy)
    assert (caught.value.file, caught.value.field) == (name, field)
