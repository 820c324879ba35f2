"""`decision-aid estimate` as a person or a script uses it: a real process, real output."""

import json
import math
import subprocess
import sys

import pytest

from display_rule import end_count, point_count, point_text

PROFILE = ["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3"]


def in_hundred_words(probability: float) -> str:
    """The patient's count as the UI specification words it, written here apart from the program's
    own phrase maker (present/wording.py), so the expected text is not made by the code under test:
    whole people in 100 read from the shown percentage (the display rule), "fewer than 1" and "more
    than 99" where rounding would say 0 or 100 of a share that is not."""
    count = point_count(probability)
    if count == 0 and probability > 0:
        return "fewer than 1 in 100"
    if count == 100 and probability < 1:
        return "more than 99 in 100"
    return f"about {count} in 100"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True, timeout=60)


def test_json_equals_the_model_result(model):
    done = cli("estimate", *PROFILE, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    expected = model.estimate(model.validate({"age": "38", "course": "rrms", "edss": "4.0", "prior_dmts": "3"}))
    context = data.pop("context")
    from decision_aid.present.json_view import estimate_json

    assert set(data.pop("evidence_review")) == {"edition", "reviewed", "next_review_due", "overdue"}
    assert set(data.pop("disclosure")) == {"funding", "conflicts_of_interest", "evidence_selection", "report_a_problem"}
    assert data.pop("language") == "en"  # the language of the readable texts (--language)
    assert data == json.loads(json.dumps(estimate_json(expected)))
    assert all(note["text"] for note in data["warnings"] + data["caveats"])
    assert set(context) == {"studies", "studies_differ", "mist", "mist_not_applicable", "guidance", "options", "harms",
                            "drug_options", "procedure"}
    assert [o["id"] for o in context["drug_options"]] == ["ocrelizumab", "ofatumumab", "natalizumab", "alemtuzumab",
                                                         "cladribine", "switch"]
    for option in context["drug_options"]:
        assert {"id", "name", "trial", "effect", "comparator", "harms"} <= set(option)
        assert option["name"] and option["trial"] and option["effect"] and option["comparator"]
        for harm in option["harms"]:
            assert {"what", "figure", "source", "checked_against"} <= set(harm) and harm["what"]
            assert harm["figure"] is None or isinstance(harm["figure"], float)
    assert [step["step"] for step in context["procedure"]] == [
        "assessment", "mobilisation", "collection", "conditioning", "reinfusion", "low_counts", "hospital_stay",
        "recovery", "follow_up"]
    assert all(step["text"] and step["source"] for step in context["procedure"])
    statuses = [p["status"] for g in context["guidance"] for p in g["points"]]
    assert statuses and set(statuses) <= {"meets", "does_not_meet", "not_known"}
    # no relapses given: MIST's criteria that cannot be told are each named
    assert "relapses in the past year not given" in context["mist_not_applicable"]
    assert data["profile"] == {"age": 38.0, "course": "rrms", "edss": 4.0, "prior_dmts": 3,
                               "relapses_past_year": None, "disease_duration_years": None,
                               "mri_activity_past_year": None, "relapses_on_treatment": None,
                               "high_efficacy_dmt_failed": None, "high_efficacy_dmt_contraindicated": None}


def test_table_shows_the_numbers_in_words(model):
    done = cli("estimate", *PROFILE)
    assert done.returncode == 0
    result = model.estimate(model.validate({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}))
    out = done.stdout
    assert f"{result.early_mortality.estimate * 100:.1f}%" in out
    assert in_hundred_words(result.pfs_5y.estimate) in out
    assert "Muraro PA" in out and "A7" in out


def table_line(out: str, label: str) -> list[str]:
    """The cells of the table row that starts with ``label`` (label, estimate, range, in 100)."""
    (line,) = [line for line in out.splitlines() if line.startswith(label + "  ")]
    return [cell.strip() for cell in line[len(label):].split("  ") if cell.strip()]


def test_table_shows_both_eras_with_whole_percentage_interval_ends(model):
    done = cli("estimate", *PROFILE, "--horizon", "10")
    assert done.returncode == 0, done.stderr
    result = model.estimate(model.validate({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}), horizon=10)
    out = done.stdout

    def end(value):  # whole percentages; "<1%" where one would say 0% of something that is not none
        count = end_count(value)
        return "<1%" if count == 0 < value else ">99%" if count == 100 > value else f"{count}%"

    def cells(interval):
        return [f"{point_text(interval.estimate)}%", f"{end(interval.lower)} to {end(interval.upper)}",
                in_hundred_words(interval.estimate)]

    for label, interval in (("Death within 100 days, treated 1995 to 2006", result.early_mortality),
                            ("Death within 100 days, UK centres, treated 2002 to 2023", result.early_mortality_recent),
                            ("Alive at 5 years, treated 1995 to 2006", result.overall_survival_5y),
                            ("Alive at 5 years, UK centres, treated 2002 to 2023", result.overall_survival_5y_recent)):
        assert table_line(out, label) == cells(interval), label
    study = out.index("Alive without disability worsening, treated 1995 to 2006 (Muraro 2017):")
    later = out.index("Alive without disability worsening, later cohorts: Italy, Sweden, UK and a US trial")
    assert table_line(out[study:later], "At 10 y (extrapolated)") == cells(result.pfs_at[10])
    assert table_line(out[later:], "At 10 y (from one cohort)") == cells(result.pfs_recent_at[10])
    assert table_line(out[later:], "At 5 y") == cells(result.pfs_recent_at[5])
    assert ("This figure takes into account your EDSS, not your age, type of MS or previous treatments. Early risk "
            "was higher in older people.") in " ".join(out.split())
    assert "A22" in out and "(assumption A20)" in out


@pytest.mark.parametrize("relapses, mri, says", [
    ("0", "no", "so their results do not apply to this profile"),
    (None, None, "enter the relapses in the past year or the MRI activity"),
])
def test_table_says_why_the_later_curve_is_not_shown_for_progressive_ms_without_activity(relapses, mri, says):
    flags = ["--age", "52", "--course", "ppms", "--edss", "6.5", "--prior-dmts", "3", "--horizon", "10"]
    flags += ["--relapses-past-year", relapses, "--mri-activity", mri] if relapses else []
    done = cli("estimate", *flags)
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    assert says in text
    later = done.stdout.index("later cohorts: Italy")
    assert "At 1 y" not in done.stdout[later:] and "(from one cohort)" not in done.stdout
    assert "(assumption A20)" not in done.stdout  # no note about a curve that is not shown


@pytest.mark.parametrize(
    "flag, value, allowed",
    [
        ("--edss", "0.5", "there is no 0.5"),
        ("--edss", "10", "10 means death"),
        ("--age", "80", "16 to 75"),
        ("--course", "rms", "rrms"),
        ("--prior-dmts", "1.5", "whole number"),
        ("--relapses-past-year", "-1", "0 to 20"),
        ("--disease-duration", "70", "0 to 60"),
    ],
)
def test_rejected_profile_is_one_line_exit_2_no_traceback(flag, value, allowed):
    args = dict(zip(PROFILE[::2], PROFILE[1::2]))
    args[flag] = value
    done = cli("estimate", *[x for pair in args.items() for x in pair], "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert flag in lines[0] and repr(value) in lines[0] and allowed in lines[0]
    assert "Traceback" not in done.stderr


def test_missing_flag_and_bad_horizon_are_one_line_errors():
    done = cli("estimate", "--age", "40", "--json")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "--course is required" in done.stderr
    done = cli("estimate", *PROFILE, "--horizon", "7")
    assert done.returncode == 2 and "horizon" in done.stderr and "Traceback" not in done.stderr
    done = cli("estimate", *PROFILE, "--draws", "many")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1


def test_help_explains_flags_in_clinical_words():
    done = cli("estimate", "--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert "Expanded Disability Status Scale" in text and "no 0.5" in text
    assert "relapsing-remitting" in text and "disease-modifying therapies" in text


def test_estimate_does_not_import_qt():
    code = (
        "import sys, contextlib, io\n"
        "from decision_aid.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['estimate', *{PROFILE!r}, '--json'])\n"
        "assert not any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules), 'Qt imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_closed_pipe_is_not_a_traceback():
    """`decision-aid estimate ... | head -1` must not print a BrokenPipeError traceback
    (`true` exits at once, so the write meets a closed pipe)."""
    done = subprocess.run(f"{sys.executable} -m decision_aid estimate {' '.join(PROFILE)} | true",
                          shell=True, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


def test_the_profile_flags_help_quotes_the_limits_of_the_evidence_not_its_own(monkeypatch, capsys):
    """The ranges in --help come from the model's evidence file: change the file's limits and the
    help follows (they were once written into the help text), and so do the default of --draws and
    the horizons."""
    import dataclasses

    import decision_aid.model as model_module
    from decision_aid.cli import main

    real = model_module.default_model()
    limits = dataclasses.replace(real.limits, age_min=17.0, age_max=71.0, prior_dmts_max=13, relapses_max=19,
                                 duration_max=55.0, edss_values=(0.0, 2.0, 3.0, 4.0, 5.0))

    class Other:
        def __init__(self):
            self.limits, self.dmt_threshold, self.default_draws, self.horizons = limits, 4, 1234, (3, 7)

    monkeypatch.setattr(model_module, "default_model", Other)
    with pytest.raises(SystemExit):
        main(["estimate", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for expected in ("17 to 71", "0 to 13", "More than 4", "0 to 19", "0 to 55",
                     "0, then 2.0 to 5.0 in steps of 1.0; there is no 1.0", "(default 1234;",
                     "curves: 3 (the study's follow-up, default) or 7 (after 3 years the study's curve"):
        assert expected in text, expected
    assert "9.5" not in text and "0.5" not in text and "or 10 (" not in text


def test_the_window_command_pauses_the_collector_from_its_start_and_always_resumes_it(monkeypatch, capsys):
    """The collector waits from the start of the window command (the model, NumPy and Qt load
    without its passes; the window resumes it after its first turn of the event loop), and is on
    again whatever the command's end: a window, a refused flag."""
    import gc

    from decision_aid import cli

    seen = {}
    real_model = cli._window_model
    monkeypatch.setattr(cli, "_window_model", lambda args: (seen.setdefault("model", gc.isenabled()), real_model(args))[1])
    monkeypatch.setattr(cli, "_open_window", lambda args, raw, consultation: (seen.setdefault("window", gc.isenabled()),
                                                                               raw)[1] and 0)
    assert gc.isenabled()
    assert cli.main(["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3"]) == 0
    assert seen == {"model": False, "window": False}
    assert gc.isenabled()

    assert cli.main(["--size", "1280x800"]) == 2  # refused before any window: one line, collector on
    assert "--size" in capsys.readouterr().err
    assert gc.isenabled()
