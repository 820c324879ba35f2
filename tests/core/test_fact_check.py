"""The fact check of evidence edition 2027.01-1, repeatable: every figure this edition changed or added,
as EVIDENCE.md's tables give it (value, 95% interval, what it was checked against), written here by hand
from EVIDENCE.md, compared with the shipped files. A figure that drifts in a file fails here.

``checked`` is EVIDENCE.md's "checked" entry with the addresses left out ("8 and 2.8%: secondary (PR:
...); CI: not checked" is "8 and 2.8%: secondary; CI: not checked").
"""

from __future__ import annotations

import pytest

from decision_aid.evidence import load_evidence

AB, AC, SEC, NC = "abstract", "abstract copy", "secondary", "not checked"
CONF, PI, TABLE, GS = "conference abstract", "patient information", "PMC (table)", "guidance summary"

#: (file, figure, value, interval or None, checked), in the order of EVIDENCE.md.
EDITION_2027_01 = [
    # Primary source: Muraro 2017
    ("muraro2017", "patients", 281, None, SEC),
    ("muraro2017", "progressive_patients", 218, None, SEC),
    ("muraro2017", "relapsing_patients", 63, None, "derived"),  # 22%, by subtraction
    ("muraro2017", "pfs_evaluable_patients", 239, None, NC),
    ("muraro2017", "median_baseline_edss", 6.5, None, SEC),
    ("muraro2017", "median_follow_up", 6.6, None, "6.6: secondary; IQR: not checked"),
    ("muraro2017", "early_deaths", 8, None, SEC),
    ("muraro2017", "early_mortality", 0.028, (0.010, 0.049), "8 and 2.8%: secondary; CI: not checked"),
    ("muraro2017", "pfs_5y", 0.46, (0.42, 0.54), "46%: secondary; CI: not checked"),
    ("muraro2017", "pfs_relapsing_3y", 0.82, None, SEC),
    ("muraro2017", "pfs_relapsing_4y", 0.78, None, SEC),
    ("muraro2017", "pfs_relapsing_5y", 0.73, None, NC),  # the copy read ends after "78% at 4"
    ("muraro2017", "os_5y", 0.92, (0.89, 0.96), NC),
    ("muraro2017", "hr_pfs_age", 1.03, (1.00, 1.05), "direction: secondary; HR and CI: not checked"),
    ("muraro2017", "hr_pfs_progressive", 2.33, (1.27, 4.28), "direction: secondary; HR and CI: not checked"),
    ("muraro2017", "hr_pfs_prior_dmts", 1.65, (1.10, 2.47), "direction: secondary; HR and CI: not checked"),
    ("muraro2017", "hr_os_edss", 2.03, (1.11, 3.72), "direction: secondary, in part; HR and CI: not checked"),
    ("muraro2017", "edss_change_1y_relapsing", 0.76, None, NC),
    ("muraro2017", "edss_change_1y_progressive", 0.14, None, NC),
    # Context cohorts
    ("burman2014", "patients", 48, None, AB),
    ("burman2014", "relapsing_share", 0.83, None, AB),  # 34 of the 41 analysed, not of the 48
    ("burman2014", "early_deaths", 0, None, AB),
    ("burman2014", "pfs_5y", 0.77, None, AB),
    ("burman2014", "relapse_free_5y", 0.87, None, AB),
    ("boffa2021", "patients", 210, None, AC),
    ("boffa2021", "relapsing_share", 0.58, None, AC),
    ("boffa2021", "early_deaths", 3, None, AC),
    ("boffa2021", "dwfs_relapsing_5y", 0.855, (0.769, 0.941), AC),
    ("boffa2021", "dwfs_relapsing_10y", 0.713, (0.578, 0.848), AC),
    ("boffa2021", "dwfs_progressive_5y", 0.71, (0.594, 0.826), AC),
    ("boffa2021", "dwfs_progressive_10y", 0.572, (0.418, 0.727), AC),
    ("burt2021", "patients", 507, None, AC),
    ("burt2021", "relapsing_patients", 414, None, AC),
    ("burt2021", "progressive_patients", 93, None, AC),
    ("burt2021", "early_deaths", 1, None, AC),
    ("burt2021", "pfs_relapsing_4y", 0.95, None, AC),
    ("burt2021", "pfs_progressive_4y", 0.66, None, AC),
    ("burt2021", "relapse_free_relapsing_5y", 0.801, None, AC),
    ("burt2021", "relapse_free_progressive_5y", 0.981, None, AC),
    ("burt2021", "os_5y", 0.988, None, AC),
    ("silfverberg2024", "patients", 174, None, AB),
    ("silfverberg2024", "early_deaths", 0, None, AB),
    ("silfverberg2024", "neda_5y", 0.73, (0.66, 0.81), AB),
    ("silfverberg2024", "neda_10y", 0.65, (0.57, 0.75), AB),
    ("sormani2017", "patients", 764, None, AB),
    ("sormani2017", "studies", 15, None, AB),
    ("sormani2017", "early_mortality", 0.021, (0.013, 0.034), AB),
    ("sormani2017", "progression_2y", 0.171, (0.097, 0.245), AB),  # progressed (not free of it)
    ("sormani2017", "progression_5y", 0.233, (0.163, 0.318), AB),
    # AHSCT against drug treatment: MIST
    ("burt2019_mist", "patients", 110, None, AB),
    ("burt2019_mist", "hsct_patients", 55, None, AB),
    ("burt2019_mist", "dmt_patients", 55, None, AB),
    ("burt2019_mist", "centres", 4, None, AB),
    ("burt2019_mist", "hsct_progressed", 3, None, AC),
    ("burt2019_mist", "dmt_progressed", 34, None, AC),
    ("burt2019_mist", "dmt_median_time_to_progression", 24, None, AC),
    ("burt2019_mist", "hr_progression", 0.07, (0.02, 0.24), AC),
    ("burt2019_mist", "median_follow_up", 2, None, AC),
    ("burt2019_mist", "mean_follow_up", 2.8, None, AC),
    ("burt2019_mist", "evaluated_1y", 98, None, AC),
    ("burt2019_mist", "followed_5y", 23, None, AC),
    ("burt2019_mist", "hsct_edss_baseline", 3.38, None, AC),
    ("burt2019_mist", "hsct_edss_1y", 2.36, None, AC),
    ("burt2019_mist", "dmt_edss_baseline", 3.31, None, AC),
    ("burt2019_mist", "dmt_edss_1y", 3.98, None, AC),
    ("burt2019_mist", "edss_difference_1y", -1.7, (-2.03, -1.29), AC),
    ("burt2019_mist", "early_deaths", 0, None, AC),
    ("burt2019_mist", "mean_age", 36, None, AC),
    ("burt2019_mist", "age_sd", 8.6, None, AC),
    ("burt2019_mist", "women", 73, None, AC),
    ("burt2019_mist", "dmt_natalizumab", 22, None, CONF),
    ("burt2019_mist", "dmt_dimethyl_fumarate", 18, None, CONF),
    ("burt2019_mist", "dmt_fingolimod", 13, None, CONF),
    ("burt2019_mist", "dmt_interferons", 10, None, CONF),
    ("burt2019_mist", "dmt_glatiramer", 8, None, CONF),
    ("burt2019_mist", "dmt_mitoxantrone", 5, None, CONF),
    ("burt2019_mist", "dmt_corticosteroids", 39, None, CONF),
    ("burt2019_mist", "dmt_cyclophosphamide", 2, None, CONF),
    ("burt2019_mist", "dmt_rituximab", 2, None, CONF),
    ("burt2019_mist", "dmt_withdrew_for_transplant", 5, None, CONF),
    # The London comparison, whole
    ("muraro2025_annneurol", "patients", 621, None, AB),
    ("muraro2025_annneurol", "ahsct_patients", 103, None, AB),
    ("muraro2025_annneurol", "alemtuzumab_patients", 204, None, AB),
    ("muraro2025_annneurol", "ocrelizumab_patients", 314, None, AB),
    ("muraro2025_annneurol", "ahsct_median_follow_up", 43, None, AB),
    ("muraro2025_annneurol", "alemtuzumab_median_follow_up", 43, None, AB),
    ("muraro2025_annneurol", "ocrelizumab_median_follow_up", 32, None, AB),
    ("muraro2025_annneurol", "comparison_years", 5, None, AB),
    ("muraro2025_annneurol", "arr_ahsct", 0.026, None, AB),
    ("muraro2025_annneurol", "arr_alemtuzumab", 0.087, None, AB),
    ("muraro2025_annneurol", "p_arr_alemtuzumab", 0.001, None, AB),  # p < 0.001
    ("muraro2025_annneurol", "hr_relapse", 0.29, (0.13, 0.63), AB),
    ("muraro2025_annneurol", "p_relapse", 0.002, None, AB),
    ("muraro2025_annneurol", "hr_mri_activity", 0.33, (0.15, 0.72), AB),
    ("muraro2025_annneurol", "p_mri_activity", 0.006, None, AB),
    ("muraro2025_annneurol", "comparison_years_ocrelizumab", 3, None, SEC),
    ("muraro2025_annneurol", "arr_ahsct_vs_ocrelizumab", 0.028, None, SEC),
    ("muraro2025_annneurol", "arr_ocrelizumab", 0.073, None, SEC),
    ("muraro2025_annneurol", "p_arr_ocrelizumab", 0.02, None, SEC),
    ("muraro2025_annneurol", "hr_relapse_ocrelizumab", 0.45, (0.18, 1.14), SEC),
    ("muraro2025_annneurol", "p_relapse_ocrelizumab", 0.09, None, SEC),
    ("muraro2025_annneurol", "hr_mri_ocrelizumab", 0.86, (0.28, 2.67), SEC),
    ("muraro2025_annneurol", "p_mri_ocrelizumab", 0.80, None, SEC),
    ("muraro2025_annneurol", "mri_activity_vs_ocrelizumab", 0.06, None, SEC),
    ("muraro2025_annneurol", "hr_disability_alemtuzumab", 1.19, (0.71, 2.00), SEC),
    ("muraro2025_annneurol", "p_disability_alemtuzumab", 0.50, None, SEC),
    ("muraro2025_annneurol", "hr_disability_ocrelizumab", 1.08, (0.57, 2.04), SEC),
    ("muraro2025_annneurol", "p_disability_ocrelizumab", 0.82, None, SEC),
    ("boffa2023_spms", "hr_progression", 0.50, (0.31, 0.81), AC),
    ("boffa2023_spms", "ahsct_free_of_progression_5y", 0.617, None, AC),
    ("kalincik2024_progressive", "ahsct_patients", 39, None, AC),
    ("kalincik2024_progressive", "ahsct_spms_patients", 37, None, AC),
    ("kalincik2024_progressive", "mean_age", 37, None, AC),
    ("kalincik2024_progressive", "baseline_edss", 5.7, None, AC),
    ("kalincik2024_progressive", "natalizumab_patients", 65, None, AC),
    ("kalincik2024_progressive", "follow_up_years", 4, None, AC),
    ("kalincik2024_progressive", "hr_worsening", 1.49, (0.70, 3.14), AC),
    ("kalincik2024_progressive", "hr_improvement", 1.50, (0.22, 10.29), AC),
    ("kalincik2024_progressive", "arr_preceding_year", 0.54, None, AC),  # not "few relapses"
    ("kalincik2024_progressive", "recent_progression_share", 0.28, None, AC),
    ("montalban2017_oratorio", "patients", 732, None, "citation record; secondary"),
    ("montalban2017_oratorio", "min_weeks", 120, None, "citation record; secondary"),
    ("montalban2017_oratorio", "ocrelizumab_patients", 488, None, "manufacturer page"),
    ("montalban2017_oratorio", "placebo_patients", 244, None, "manufacturer page"),
    ("montalban2017_oratorio", "cdp12_reduction", 0.24, None, CONF),
    ("montalban2017_oratorio", "cdp12_p", 0.0321, None, CONF),
    ("montalban2017_oratorio", "progression_placebo", 0.393, None, SEC),
    ("montalban2017_oratorio", "progression_ocrelizumab", 0.329, None, NC),
    ("montalban2017_oratorio", "hr_progression", 0.76, (0.59, 0.98), NC),
    ("montalban2017_oratorio", "cdp24_ocrelizumab", 0.296, None, SEC),
    ("montalban2017_oratorio", "cdp24_placebo", 0.357, None, SEC),
    ("montalban2017_oratorio", "cdp24_p", 0.04, None, SEC),
    ("montalban2017_oratorio", "infusion_reactions_low", 0.34, None, "manufacturer page"),
    ("montalban2017_oratorio", "infusion_reactions_high", 0.40, None, "manufacturer page"),
    ("montalban2017_oratorio", "serious_infusion_reactions", 0.003, None, "manufacturer page"),
    # Harms beyond early death
    ("silfverberg2024", "febrile_neutropenia", 0.68, None, AB),  # the whole cohort, both regimens
    ("sweden2024_regimens", "febrile_neutropenia_beam", 0.88, None, AC),
    ("sweden2024_regimens", "febrile_neutropenia_cy", 0.68, None, AC),
    ("sweden2024_regimens", "febrile_neutropenia_p", 0.023, None, AC),
    ("silfverberg2024", "grade3_events_100d", 1.7, None, AB),
    ("silfverberg2024", "grade4_events_100d", 0.06, None, AB),
    ("burman2014", "herpes_zoster", 0.15, None, AB),
    ("burt2021", "klebsiella_bacteraemia", 1, None, AC),
    ("bsbmtct2025", "patients", 364, None, AC),
    ("bsbmtct2025", "ebv_reactivation", 0.759, None, AC),
    ("bsbmtct2025", "ebv_reactivated", 235, None, AC),
    ("bsbmtct2025", "ebv_tested", 311, None, AC),
    ("bsbmtct2025", "early_mortality", 0.014, None, AC),
    ("bsbmtct2025", "early_deaths_median_edss", 6.5, None, AC),
    ("mehra2019", "patients", 36, None, AB),
    ("mehra2019", "rituximab_needed", 6, None, AB),
    ("mehra2019", "m_protein", 0.72, None, AB),
    ("mehra2019", "m_protein_patients", 18, None, AB),
    ("mehra2019", "m_protein_tested", 29, None, AB),
    ("burman2014", "thyroid_disease", 0.084, None, AB),
    ("burt2021", "hypothyroidism", 0.035, None, AC),
    ("burt2021", "hypothyroidism_patients", 16, None, AC),
    ("burt2021", "hyperthyroidism", 0.033, None, AC),
    ("burt2021", "hyperthyroidism_patients", 15, None, AC),
    ("burt2021", "itp_low", 0.0, None, AC),
    ("burt2021", "itp_high", 0.028, None, AC),
    ("burt2021", "itp_alemtuzumab", 0.14, None, AC),
    ("massarotti2021", "women", 43, None, AC),
    ("massarotti2021", "menses_recovered", 30, None, AC),
    ("massarotti2021", "menses_recovered_share", 0.70, None, AC),
    ("massarotti2021", "months_to_menses", 6.8, None, AC),
    ("massarotti2021", "or_age", 0.5, None, AC),
    ("massarotti2021", "or_pulsed_cyclophosphamide", 0.44, None, AC),
    ("zafeiri2023", "women", 38, None, AC),
    ("zafeiri2023", "amh_before", 23, None, AC),
    ("zafeiri2023", "amh_3_months", 0.5, None, AC),
    ("zafeiri2023", "amh_2_years", 1.1, None, AC),
    ("zafeiri2023", "pregnancies", 7, None, AC),
    ("zafeiri2023", "spontaneous_pregnancies", 6, None, AC),
    ("london2021_series", "patients", 120, None, SEC),
    ("london2021_series", "early_deaths", 3, None, SEC),
    ("london2021_series", "early_mortality", 0.025, None, SEC),
    ("ahsct_information", "register_trm", 0.013, None, PI),
    ("sweden2024_regimens", "extra_hospital_days_beam", 3.0, None, AC),
    ("ahsct_information", "isolation_months", 1, None, PI),
    ("ahsct_information", "isolation_weeks_low", 3, None, PI),
    ("ahsct_information", "vaccine_inactivated_from", 3, None, TABLE),
    ("ahsct_information", "vaccine_inactivated_to", 6, None, TABLE),
    ("ahsct_information", "vaccine_routine_from", 6, None, TABLE),
    ("ahsct_information", "vaccine_routine_to", 12, None, TABLE),
    ("ahsct_information", "vaccine_live_not_before", 24, None, TABLE),
    ("ahsct_information", "staged_procedure_weeks", 18, None, PI),
    ("ahsct_information", "collection_days", 10, None, PI),
    # Drug options in the same format
    ("opera2017", "patients_opera1", 821, None, AC),
    ("opera2017", "patients_opera2", 835, None, AC),
    ("opera2017", "weeks", 96, None, AC),
    ("opera2017", "arr_ocrelizumab", 0.16, None, AC),
    ("opera2017", "arr_interferon", 0.29, None, AC),
    ("opera2017", "arr_reduction_opera1", 0.46, None, AC),
    ("opera2017", "arr_reduction_opera2", 0.47, None, AC),
    ("opera2017", "cdp12_ocrelizumab", 0.091, None, AC),
    ("opera2017", "cdp12_interferon", 0.136, None, AC),
    ("opera2017", "hr_cdp12", 0.60, (0.45, 0.81), AC),
    ("opera2017", "infusion_reactions", 0.343, None, AC),
    ("opera2017", "serious_infection", 0.013, None, AC),
    ("asclepios2020", "months", 30, None, AC),
    ("asclepios2020", "arr_ofatumumab", 0.11, None, AC),
    ("asclepios2020", "arr_teriflunomide", 0.22, None, AC),
    ("asclepios2020", "injection_reactions", 0.202, None, SEC),
    ("asclepios2020", "injection_reactions_teriflunomide", 0.150, None, SEC),
    ("asclepios2020", "spms_patients", 56, None, TABLE),
    ("asclepios2020", "ofatumumab_patients", 946, None, TABLE),
    ("asclepios2020", "spms_share", 0.059, None, TABLE),
    ("affirm2006", "patients", 942, None, SEC),
    ("affirm2006", "years", 2, None, SEC),
    ("affirm2006", "relapse_reduction", 0.68, None, SEC),
    ("affirm2006", "progression_reduction", 0.42, None, SEC),
    ("affirm2006", "pml_jcv_negative", 0.11, (0.0, 0.59), SEC),  # per 1000
    ("affirm2006", "pml_jcv_positive", 2.16, (1.40, 3.18), SEC),
    ("care_ms1_2012", "years", 2, None, AB),
    ("care_ms1_2012", "relapsed_alemtuzumab", 0.22, None, AB),
    ("care_ms1_2012", "relapsed_interferon", 0.40, None, AB),
    ("care_ms1_2012", "rate_ratio_relapse", 0.45, (0.32, 0.63), AB),
    ("care_ms1_2012", "thyroid_low", 0.17, None, SEC),
    ("care_ms1_2012", "thyroid_high", 0.18, None, SEC),
    ("care_ms1_2012", "thyroid_comparator_low", 0.05, None, SEC),
    ("care_ms1_2012", "thyroid_comparator_high", 0.06, None, SEC),
    ("care_ms1_2012", "itp", 0.01, None, SEC),
    ("care_ms1_2012", "itp_comparator", 0.0, None, SEC),
    ("clarity2010", "weeks", 96, None, SEC),
    ("clarity2010", "arr_cladribine", 0.14, (0.12, 0.17), SEC),
    ("clarity2010", "arr_placebo", 0.33, (0.29, 0.38), SEC),
    ("expand2018", "patients", 1651, None, AC),
    ("expand2018", "active_patients", 779, None, CONF),
    ("expand2018", "cdp3_reduction", 0.21, None, CONF),
    ("expand2018", "cdp6_reduction", 0.26, None, CONF),
    ("expand2018", "hr_cdp3_active", 0.69, (0.53, 0.91), CONF),
    # Guidance
    ("ectrims2025_guidance", "candidate_age_below", 45, None, GS),
    ("ectrims2025_guidance", "candidate_duration_below", 10, None, GS),
    ("ectrims2025_guidance", "candidate_edss_below", 6.0, None, GS),
    ("ectrims2025_guidance", "min_high_efficacy_dmts_failed", 1, None, GS),
    ("nmss2021_guidance", "candidate_age_below", 50, None, AC),
    ("nmss2021_guidance", "candidate_duration_below", 10, None, AC),
]

#: Files new in this edition: every one of their figures is in the table above.
NEW_FILES = ("bsbmtct2025", "mehra2019", "massarotti2021", "zafeiri2023", "london2021_series", "opera2017",
             "asclepios2020", "affirm2006", "care_ms1_2012", "clarity2010", "expand2018")


@pytest.fixture(scope="module")
def evidence():
    return load_evidence()


def test_the_shipped_edition_is_2027_01_1(evidence):
    assert evidence.version == "2027.01-1"
    assert (evidence.reviewed.isoformat(), evidence.next_review_due.isoformat()) == ("2026-12-07", "2027-12-07")


@pytest.mark.parametrize("file, name, value, ci, checked", EDITION_2027_01,
                         ids=[f"{row[0]}.{row[1]}" for row in EDITION_2027_01])
def test_each_figure_is_as_evidence_md_gives_it(evidence, file, name, value, ci, checked):
    figure = evidence.get(file).figure(name)
    assert figure.value == pytest.approx(value, abs=1e-12), "value"
    if ci is None:
        assert figure.ci is None, "interval"
    else:
        assert figure.ci == pytest.approx(ci, abs=1e-12), "interval"
    assert figure.checked_against == checked, "checked against"


def test_every_figure_of_a_new_file_is_checked_here(evidence):
    listed = {(file, name) for file, name, *_rest in EDITION_2027_01}
    for file in NEW_FILES:
        for name in evidence.get(file).figures:
            assert (file, name) in listed, f"{file}.{name} is not in the fact check"


def test_nothing_marked_do_not_show_is_in_the_files(evidence):
    """EVIDENCE.md: the progressive subgroup's 33% (no copy states it) is not shown; the "~£60,000" of a
    blog is an anecdote, not a cost."""
    for source in evidence.sources:
        if source.role == "model":  # the model may use what it needs (MODEL.md M1); it is not shown from there
            continue
        for figure in source.figures.values():
            assert "60,000" not in figure.notes and "60000" not in figure.notes
    assert "pfs_progressive_5y" not in evidence.get("muraro2017").figures
