"""Odd numbers, odd text and odd flags (issue #12): refused in one printable line, never a
traceback, never taken for something they are not. The screenshot's file mode is in
tests/ui/test_hostile_screenshot.py."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from decision_aid.consultation import ConsultationError, load_consultation
from decision_aid.model import ProfileError
from decision_aid.printable import one_line

CORPUS = Path(__file__).resolve().parents[1] / "data" / "consultations"
FLAGS = ["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3"]


def cli(*args, timeout=60):
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True,
                          timeout=timeout)


def refusal(done, status=2):
    assert done.returncode == status, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].isprintable(), done.stderr
    return lines[0]


def base_profile(**changes):
    return {"age": "38", "course": "rrms", "edss": "4.0", "prior_dmts": "3", **changes}


# --- numbers ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["3_5", ".5e2", "+35", "\u0663\u0665", "\uff13\uff15", "35.", ".5", "3e1", "nan",
                                  "inf", "0x23", "35 years", "1" * 400, "-0", "３５.0"])
def test_only_plain_decimal_text_is_a_number(model, text):
    with pytest.raises(ProfileError) as caught:
        model.validate(base_profile(age=text))
    assert caught.value.fields == ("age",)


@pytest.mark.parametrize("text", ["3_5", "+3", "\u0663", "3.0", "3e0", "1" * 400])
def test_counts_are_plain_whole_numbers(model, text):
    with pytest.raises(ProfileError) as caught:
        model.validate(base_profile(prior_dmts=text))
    assert caught.value.fields == ("prior_dmts",)


@pytest.mark.parametrize("value", [10 ** 400, -(10 ** 400), float("inf"), float("nan"), True])
def test_json_numbers_must_be_finite_and_not_huge(model, value):
    with pytest.raises(ProfileError):
        model.validate(base_profile(age=value))


def test_plain_numbers_still_work(model):
    profile = model.validate(base_profile(age=" 38.25 ", prior_dmts="03", disease_duration_years="2.5"))
    assert profile.age == 38.25 and profile.prior_dmts == 3 and profile.disease_duration_years == 2.5
    assert model.validate(base_profile(age=38, prior_dmts=3.0)).prior_dmts == 3


def test_a_400_digit_number_on_the_command_line_is_one_line():
    for flag in ("--age", "--prior-dmts"):
        args = [a if a != flag else a for a in FLAGS]
        args[args.index(flag) + 1] = "9" * 400
        line = refusal(cli("estimate", *args))
        assert flag in line and "Traceback" not in line
    line = refusal(cli("estimate", *FLAGS, "--horizon", "9" * 5000))
    assert "--horizon" in line and len(line) < 300


# --- text from files ----------------------------------------------------------------------------

def consultation_text(tmp_path, name, **changes):
    document = json.loads((CORPUS / "older_evidence.aidconsult.json").read_text(encoding="utf-8"))
    document.update(changes)
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_byte_order_mark_is_accepted(tmp_path, model):
    plain = consultation_text(tmp_path, "plain.json")
    with_bom = tmp_path / "bom.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    assert load_consultation(with_bom, model) == load_consultation(plain, model)
    done = cli("estimate", "--profile", str(with_bom), "--json")
    assert done.returncode == 0 and json.loads(done.stdout)


@pytest.mark.parametrize("text", ['{"format_version": 1' + "0" * 5000 + "}", '{"age": 1e999}', '{"a": 1.' + "1" * 50 + "}"])
def test_huge_json_numbers_are_refused_in_one_sentence(tmp_path, model, text):
    path = tmp_path / "huge.json"
    path.write_text(text)
    with pytest.raises(ConsultationError) as caught:
        load_consultation(path, model)
    assert "\n" not in str(caught.value)
    refusal(cli("estimate", "--profile", str(path)))


@pytest.mark.parametrize("evil", ["line one\nline two", "\x1b[2J\x1b[31mred", "abc\u202edcba", "\x00\x07\x08",
                                  "<img src=/dev/zero>"])
def test_file_text_reaches_the_terminal_escaped_on_one_line(tmp_path, evil):
    unknown = consultation_text(tmp_path, "unknown.json", **{evil: 1})
    line = refusal(cli("estimate", "--profile", str(unknown)))
    assert "does not have" in line and "\x1b" not in line and "\u202e" not in line
    version = consultation_text(tmp_path, "version.json", evidence_version=evil)
    done = cli("estimate", "--profile", str(version), "--json")
    assert done.returncode == 0
    notes = done.stderr.splitlines()
    assert len(notes) == 1 and notes[0].isprintable()


def test_a_file_name_with_a_newline_is_escaped(tmp_path):
    path = tmp_path / "a\nb\u202e.json"
    path.write_text("{")
    line = refusal(cli("estimate", "--profile", str(path)))
    assert "a\\nb\\u202e.json" in line


def test_one_line_keeps_printable_text_and_escapes_the_rest():
    assert one_line("Zoë 38.5 <b>") == "Zoë 38.5 <b>"
    assert one_line("a\nb\tc\x1b\u202e\U000e0001") == "a\\nb\\tc\\x1b\\u202e\\U000e0001"


# --- flags --------------------------------------------------------------------------------------

@pytest.mark.parametrize("before, command", [
    (["--age", "40"], ["estimate", *FLAGS]),
    (["--audience", "clinician"], ["sheet", "-o", "unused.pdf", *FLAGS]),
    (["--horizon", "10"], ["estimate", *FLAGS]),
    (["--profile", "x.json"], ["estimate", *FLAGS]),
])
def test_flags_before_the_sub_command_are_refused_not_dropped(tmp_path, before, command):
    line = refusal(cli(*before, *command))
    assert before[0] in line and command[0] in line
    assert not (tmp_path / "unused.pdf").exists()


@pytest.mark.parametrize("size", ["100000x100000", "8193x800", "1280x800x2", "\uff11\uff12\uff18\uff10x800",
                                  "1_280x800", "-1280x800"])
def test_screenshot_size_is_bounded(tmp_path, size):
    out = tmp_path / "w.png"
    line = refusal(cli("--screenshot", str(out), f"--size={size}", *FLAGS))
    assert "--size" in line and "8192" in line and not out.exists()


def test_screenshot_to_an_unwritable_place_is_one_line(tmp_path):
    for target in (tmp_path / "missing" / "w.png", tmp_path, Path("/dev/null")):
        line = refusal(cli("--screenshot", str(target), *FLAGS))
        assert "--screenshot" in line


@pytest.mark.parametrize("args", [["--horizon", "7"], ["--horizon", "x"], ["--size", "1280x800"],
                                  ["--profile", "visit.json"]])
def test_window_flags_are_checked_before_the_window_opens(args):
    line = refusal(cli(*args, timeout=30))
    assert args[0] in line


# === Second round (issue #28) ===================================================================

SPOOF_NAME = "\u202eeoD enaJ"  # shown raw, reads "Jane Doe"
SPOOF_NOTE = "Next dose: \u202eg 05\u202c then review"  # shown raw, reads "Next dose: 50 g then review"
#: characters that cannot be seen but change how a name reads: the bidirectional controls, the
#: other format characters (Cf), the zero-width ones, blank-looking letters, a lone tag
HIDDEN = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e",
          "\u200f", "\u061c", "\u200b", "\ufeff", "\u2060", "\u00ad", "\u2061", "\U000e0041", "\u3164", "\u115f",
          "\u2800", "\u034f", "\u180e", "\u2028", "\u2029", "\x1b", "\x00"]
#: names people have, in every script, with the joiners their writing needs
NAMES = ["\u0645\u062d\u0645\u062f \u0628\u0646 \u0633\u0644\u0645\u0627\u0646",  # Arabic
         "\u05e9\u05dc\u05d5\u05dd \u05db\u05d4\u05df",  # Hebrew
         "\u0639\u0644\u06cc\u200c\u0631\u0636\u0627",  # Persian, with a zero-width non-joiner
         "\u0dc1\u0dca\u200d\u0dbb\u0dd3",  # Sinhala "Sri", with a zero-width joiner
         "\u0905\u0928\u093f\u0932 \uae40\ubbfc\uc900 \u738b\u79c0\u82f1",  # Devanagari, Hangul, Chinese
         "Zo\u00eb O'Brien-Smith", "\U0001f469\u200d\u2695\ufe0f"]


def saved_file(tmp_path, name="visit.aidconsult.json", **changes) -> Path:
    document = json.loads((CORPUS / "older_evidence.aidconsult.json").read_text(encoding="utf-8"))
    document.update(changes)
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("hidden", HIDDEN, ids=lambda ch: f"U+{ord(ch):04X}")
def test_a_file_whose_name_or_notes_hold_a_hidden_character_is_refused_naming_it(tmp_path, model, hidden):
    code = f"U+{ord(hidden):04X}"
    for field, value in (("patient_name", f"Jane{hidden}Doe"), ("notes", f"Next dose{hidden}: 50 g")):
        with pytest.raises(ConsultationError) as caught:
            load_consultation(saved_file(tmp_path, **{field: value}), model)
        assert caught.value.field == field and code in str(caught.value)
        assert "\n" not in str(caught.value) and hidden not in str(caught.value)


def test_the_spoofs_of_the_issue_are_refused_by_every_command(tmp_path):
    for changes, field in (({"patient_name": SPOOF_NAME}, "patient_name"), ({"notes": SPOOF_NOTE}, "notes")):
        path = saved_file(tmp_path, **changes)
        for command in (["estimate", "--profile", str(path)],
                        ["sheet", "--profile", str(path), "-o", str(tmp_path / "s.pdf")]):
            line = refusal(cli(*command))
            assert field in line and "U+202E RIGHT-TO-LEFT OVERRIDE" in line
    assert not (tmp_path / "s.pdf").exists()
    for flag, value in (("--name", SPOOF_NAME), ("--notes", SPOOF_NOTE), ("--name", "\u200b\u200d\u200b")):
        line = refusal(cli("sheet", "-o", str(tmp_path / "s.pdf"), *FLAGS, flag, value))
        assert line.startswith(f"decision-aid: {flag}:") and ("U+202E RIGHT-TO-LEFT OVERRIDE" in line
                                                              or "U+200B ZERO WIDTH SPACE" in line)
    assert not (tmp_path / "s.pdf").exists()


def test_a_name_that_is_only_invisible_characters_is_refused(tmp_path, model):
    for name in ("\u200b", "\u200d\u200c", "\u3164\u3164", "\u2800", "\ufe0f", "\u2066\u2069"):
        with pytest.raises(ConsultationError):
            load_consultation(saved_file(tmp_path, patient_name=name), model)


@pytest.mark.parametrize("name", NAMES)
def test_names_in_every_script_are_kept_as_written(tmp_path, model, name):
    loaded = load_consultation(saved_file(tmp_path, patient_name=name, notes=f"{name}\n\tnext visit"), model)
    assert loaded.patient_name == name and loaded.notes == f"{name}\n\tnext visit"


def test_the_saved_file_follows_the_same_rule(tmp_path, model):
    from decision_aid.consultation import Consultation, save_consultation

    for changes in ({"patient_name": SPOOF_NAME}, {"notes": SPOOF_NOTE}):
        with pytest.raises(ConsultationError) as caught:
            save_consultation(tmp_path / "c.aidconsult.json", Consultation.for_model(model, base_profile(), **changes))
        assert "U+202E" in str(caught.value)
    assert not (tmp_path / "c.aidconsult.json").exists()


def test_a_file_with_more_keys_than_a_consultation_has_is_refused_at_once(tmp_path, model):
    """125,000 distinct keys in 999 kB took 299 s to refuse (each key counted with keys.count())."""
    import itertools
    import string
    import time

    letters = string.digits + string.ascii_letters
    keys = ",".join(f'"{"".join(key)}":0' for key in itertools.islice(itertools.product(letters, repeat=3), 118_000))
    for text in ("{" + keys + "}", '{"profile":{' + keys + "}}", '{"values":{' + keys + "}}",
                 '{"a":1,"b":{' + keys + ',"001":1}}'):
        assert len(text) < 1_000_000
        path = tmp_path / "keys.json"
        path.write_text(text)
        started = time.perf_counter()
        with pytest.raises(ConsultationError):
            load_consultation(path, model)
        assert time.perf_counter() - started < 5  # linear: about 0.2 s here
    started = time.perf_counter()
    line = refusal(cli("estimate", "--profile", str(path)))
    assert time.perf_counter() - started < 30 and "fields" in line


def test_a_key_given_twice_is_still_named(tmp_path, model):
    path = tmp_path / "twice.json"
    path.write_text('{"notes": "a", "notes": "b"}')
    with pytest.raises(ConsultationError) as caught:
        load_consultation(path, model)
    assert caught.value.field == "notes" and "more than once" in str(caught.value)


@pytest.mark.parametrize("saved_at", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
                                      "9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+00:00",
                                      "1969-12-31T23:59:59+00:00"])
def test_a_saved_at_that_cannot_be_shown_in_every_time_zone_is_refused(tmp_path, model, saved_at):
    with pytest.raises(ConsultationError) as caught:
        load_consultation(saved_file(tmp_path, saved_at=saved_at), model)
    assert caught.value.field == "saved_at"


@pytest.mark.parametrize("saved_at", ["1970-01-02T14:00:00+14:00", "9998-12-30T11:59:59-12:00", "2026-01-15T09:30:00Z"])
def test_a_saved_at_at_the_edges_loads(tmp_path, model, saved_at):
    assert load_consultation(saved_file(tmp_path, saved_at=saved_at), model).saved_at == saved_at


# --- repeated flags -----------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["estimate", *FLAGS, "--age", "70"],
    ["estimate", *FLAGS, "--ag", "70"],  # an abbreviation of the same flag
    ["estimate", *FLAGS, "--course=spms"],
    ["estimate", *FLAGS, "--edss", "6.0"],
    ["estimate", *FLAGS, "--prior-dmts", "0"],
    ["estimate", *FLAGS, "--relapses-past-year", "1", "--relapses-past-year", "2"],
    ["estimate", *FLAGS, "--disease-duration", "1", "--disease-duration", "2"],
    ["estimate", *FLAGS, "--mri-activity", "yes", "--mri-activity", "no"],
    ["estimate", *FLAGS, "--relapses-on-treatment", "yes", "--relapses-on-treatment", "no"],
    ["estimate", *FLAGS, "--hedmt-failed", "yes", "--hedmt-failed", "no"],
    ["estimate", *FLAGS, "--hedmt-contraindicated", "no", "--hedmt-contraindicated", "yes"],
    ["estimate", *FLAGS, "--horizon", "5", "--horizon", "10"],
    ["estimate", "--profile", "a.json", "--profile", "b.json"],
    ["sheet", "-o", "a.pdf", "--output", "b.pdf", *FLAGS],
    ["sheet", "-o", "a.pdf", *FLAGS, "--name", "A", "--name", "B"],
    ["sheet", "-o", "a.pdf", *FLAGS, "--audience", "patient", "--audience", "clinician"],
    ["--age", "38", "--age", "70"],
    ["--screenshot", "a.png", "--screenshot", "b.png", *FLAGS],
    ["--audience", "patient", "--audience", "clinician"],
    ["--language", "en", "--language", "es"],
    ["--size", "1280x800", "--size", "2000x1000"],
])
def test_a_flag_given_twice_is_refused_never_silently_won(tmp_path, args):
    line = refusal(cli(*args, timeout=60))
    assert "twice" in line or "dos veces" in line
    assert not any(tmp_path.iterdir())


# --- output that cannot be written --------------------------------------------------------------

def shell(command: str, env: dict | None = None, timeout: float = 90) -> subprocess.CompletedProcess:
    """A command line as a shell runs it (redirections such as ``>&-`` and ``> /dev/full``)."""
    return subprocess.run(["sh", "-c", command], capture_output=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


DA = f"{sys.executable} -m decision_aid"
ESTIMATE = f"{DA} estimate {' '.join(FLAGS)}"


def one_stderr_line(done, status) -> str:
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == status, stderr
    assert "Traceback" not in stderr and len(stderr.splitlines()) == 1, stderr
    return stderr


@pytest.mark.parametrize("command, status, says", [
    (f"{ESTIMATE} >&-", 1, "closed"),
    (f"{ESTIMATE} --json >&-", 1, "closed"),
    (f"{ESTIMATE} > /dev/full", 1, "disk is full"),
    (f"{ESTIMATE} --json > /dev/full", 1, "disk is full"),
    (f"{DA} --help > /dev/full", 1, "disk is full"),
    (f"{DA} estimate --help >&-", 1, "closed"),
    (f"{DA} --version > /dev/full", 1, "disk is full"),
])
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_that_cannot_be_written_is_one_line_and_status_1(command, status, says):
    assert says in one_stderr_line(shell(command), status)


def test_a_closed_or_full_stderr_keeps_the_status_and_never_writes_on_stdout():
    refused = f"{DA} estimate --age 300 --course rrms --edss 4 --prior-dmts 3 --json"
    for redirect in ("2>&-", "2>/dev/full"):
        done = shell(f"{refused} {redirect}")
        assert done.returncode == 2 and done.stdout == b"", done.stdout
    done = shell(f"{ESTIMATE} --json 2>&-")
    assert done.returncode == 0 and json.loads(done.stdout)
    done = shell(f"{DA} estimate --bogus 2>/dev/full")
    assert done.returncode == 2 and done.stdout == b""


def test_a_terminal_that_cannot_show_a_character_gets_it_transliterated(tmp_path):
    for encoding in ("iso-8859-1", "ascii"):
        done = shell(ESTIMATE, env={"PYTHONIOENCODING": encoding})
        assert done.returncode == 0 and done.stderr == b"", done.stderr
        text = done.stdout.decode(encoding)
        assert "Studies and Your options tabs." in text  # the table's last line: nothing is cut off
        assert '"context"' in text  # a curly quote, written as a straight one
    line = shell(f"{DA} estimate --age 30 --course '\u201crrms\u201d' --edss 4 --prior-dmts 3",
                 env={"PYTHONIOENCODING": "ascii"})
    assert line.returncode == 2 and b'"rrms"' in line.stderr and b"Traceback" not in line.stderr


def test_a_reader_that_stops_early_is_not_an_error():
    done = shell(f"{ESTIMATE} | head -1")
    assert done.stderr == b"" and done.stdout.startswith(b"AHSCT personal estimate")


# --- output paths and the date --------------------------------------------------------------------

def cli_in(folder: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True, timeout=120,
                          cwd=folder, **kwargs)


@pytest.mark.parametrize("output", ["out.pdf/", "out.pdf/.", "out.pdf/..", ".", "/"])
def test_an_output_path_that_names_a_folder_is_refused(tmp_path, output):
    """``-o out.pdf/`` wrote a file named out.pdf (pathlib drops the slash)."""
    assert "names a folder" in refusal(cli_in(tmp_path, "sheet", "-o", output, *FLAGS))
    assert "names a folder" in refusal(cli_in(tmp_path, "--screenshot", output.replace("out.pdf", "w.png"), *FLAGS))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("today", ["2027-02-29", "", "2027-1-1", "today"])
def test_a_wrong_decision_aid_today_is_refused_by_every_command(tmp_path, today):
    env = {**os.environ, "DECISION_AID_TODAY": today}
    for command in (["estimate", *FLAGS], ["sheet", "-o", str(tmp_path / "s.pdf"), *FLAGS],
                    ["--screenshot", str(tmp_path / "w.png"), *FLAGS], FLAGS):
        done = subprocess.run([sys.executable, "-m", "decision_aid", *command], capture_output=True, text=True,
                              timeout=60, env=env)
        assert "DECISION_AID_TODAY" in refusal(done)
    assert list(tmp_path.iterdir()) == []


# --- the maintainers' evidence folder -------------------------------------------------------------

def evidence_folder(tmp_path) -> Path:
    import shutil

    from decision_aid.evidence import default_directory

    folder = tmp_path / "evidence"
    shutil.copytree(default_directory(), folder)
    return folder


def resign(folder: Path, name: str) -> None:
    import hashlib

    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"][name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest))


def change_manifest(change):
    def apply(folder):
        manifest = json.loads((folder / "manifest.json").read_text())
        change(manifest)
        (folder / "manifest.json").write_text(json.dumps(manifest))
    return apply


def change_source(name, change):
    def apply(folder):
        path = folder / name
        data = json.loads(path.read_text())
        change(data)
        path.write_text(json.dumps(data))
        resign(folder, name)
    return apply


def change_model(change):
    return change_source("model_parameters.json", change)


def replace_manifest(make):
    def apply(folder):
        (folder / "manifest.json").unlink()
        make(folder / "manifest.json")
    return apply


EVIDENCE_CASES = {
    "numeric checksum": (change_manifest(lambda m: m["files"].update({"muraro2017.json": 12345})),
                         "manifest.json", "files.muraro2017.json"),
    "NUL in a file name": (change_manifest(lambda m: m["files"].update({"a\x00b.json": "0" * 64})),
                           "manifest.json", "files"),
    "a path as a file name": (change_manifest(lambda m: m["files"].update({"../../etc/passwd.json": "0" * 64})),
                              "manifest.json", "files"),
    "FIFO as manifest": (replace_manifest(os.mkfifo), "manifest.json", None),
    "/dev/zero as manifest": (replace_manifest(lambda p: p.symlink_to("/dev/zero")), "manifest.json", None),
    "a folder as manifest": (replace_manifest(lambda p: p.mkdir()), "manifest.json", None),
    "100k-deep nesting": (lambda f: (f / "manifest.json").write_text("[" * 100_000 + "]" * 100_000),
                          "manifest.json", None),
    "calibration_nodes 0": (change_model(lambda d: d["figures"]["calibration_nodes"].update(value=0)),
                            "model_parameters.json", "figures.calibration_nodes.value"),
    "age SD 1e300": (change_model(lambda d: d["figures"]["age_sd_within_group"].update(value=1e300)),
                     "model_parameters.json", "figures.age_sd_within_group.value"),
    "nodes not whole": (change_model(lambda d: d["figures"]["calibration_nodes"].update(value=40.5)),
                        "model_parameters.json", "figures.calibration_nodes.value"),
    "400-digit value": (change_model(lambda d: d["figures"]["shape_sd"].update(value=10 ** 400)),
                        "model_parameters.json", "figures.shape_sd.value"),
    "EDSS step 0": (change_model(lambda d: d["profile"]["edss"].update(step=0)), "model_parameters.json",
                    "profile.edss.step"),
    "EDSS step 1e-9": (change_model(lambda d: d["profile"]["edss"].update(step=1e-9)), "model_parameters.json",
                       "profile.edss.step"),
    "no age limits": (change_model(lambda d: d["profile"].pop("age")), "model_parameters.json", "profile.age"),
    "horizon as text": (change_model(lambda d: d["profile"].update(horizons=["5"])), "model_parameters.json",
                        "profile.horizons[0]"),
    "a comparison of an unexpected shape": (change_source("burt2019_mist.json", lambda d: d["comparison"].update(
        facts=5)), "burt2019_mist.json", None),
    "a parameter without a range": (change_model(lambda d: d["figures"].update(
        new_parameter=dict(d["figures"]["shape_sd"]))), "model_parameters.json", "figures.new_parameter"),
}


def bounded(limit_mb: int = 1024):
    """For a child process that might read /dev/zero or a FIFO for ever: at most this much memory."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (limit_mb * 2 ** 20, resource.RLIM_INFINITY))
    return limit


LOAD = """
import json, sys
from decision_aid.evidence import EvidenceError, load_evidence
try:
    load_evidence(sys.argv[1])
except EvidenceError as error:
    print(json.dumps([error.file, error.field]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="FIFOs, /dev/zero and rlimits as Linux has them")
@pytest.mark.parametrize("case", sorted(EVIDENCE_CASES))
def test_a_damaged_evidence_folder_is_refused_in_one_line_naming_the_file_and_field(tmp_path, case):
    """Each in a child process with a time and memory limit: a FIFO waited and /dev/zero was read for ever."""
    damage, file, field = EVIDENCE_CASES[case]
    folder = evidence_folder(tmp_path)
    damage(folder)
    loaded = subprocess.run([sys.executable, "-c", LOAD, str(folder)], capture_output=True, text=True, timeout=60,
                            preexec_fn=bounded())
    assert loaded.returncode == 0 and json.loads(loaded.stdout) == [file, field], loaded.stderr[-500:]
    done = subprocess.run([sys.executable, "-m", "decision_aid", "estimate", *FLAGS], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "DECISION_AID_EVIDENCE_DIR": str(folder)},
                          preexec_fn=bounded())
    line = refusal(done)
    assert file in line and (field is None or f"'{field}'" in line)


def test_every_model_parameter_has_an_allowed_range_that_holds_the_shipped_value(model):
    from decision_aid.evidence.loader import MODEL_PARAMETERS

    spec = model.evidence.by_role("model")[0]
    for name, figure in spec.figures.items():
        allowed = MODEL_PARAMETERS[f"figures.{name}"]
        assert allowed.low <= figure.value <= allowed.high and allowed.low < allowed.high, name


# --- numbers judged exactly, from a flag and from a file alike (item 12) ---------------------------

@pytest.mark.parametrize("literal, allowed", [("4.00000000000000001", False), ("4.0000000000000000000000000001", False),
                                              ("4.000", True), ("-0.0", True), ("4e0", True)])
def test_a_files_edss_is_judged_as_exactly_as_the_flags(tmp_path, model, literal, allowed):
    path = tmp_path / "edss.json"
    path.write_text(json.dumps(json.loads((CORPUS / "older_evidence.aidconsult.json").read_text()))
                    .replace('"edss": "4.0"', f'"edss": {literal}'))
    flag = cli("estimate", "--age", "38", "--course", "rrms", "--edss", literal, "--prior-dmts", "3", "--json")
    from_file = cli("estimate", "--profile", str(path), "--json")
    assert (from_file.returncode == 0) == allowed
    if literal != "4e0":  # the flag takes plain decimals only
        assert from_file.returncode == flag.returncode, (from_file.stderr, flag.stderr)


# --- memory ---------------------------------------------------------------------------------------

@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ulimit -v as Linux has it")
@pytest.mark.parametrize("limit_mb, command", [(40, ["estimate", *FLAGS]), (100, ["estimate", *FLAGS]),
                                               (180, ["estimate", *FLAGS]), (150, ["--help"]),
                                               (300, ["sheet", "-o", "s.pdf", *FLAGS]),
                                               (350, ["--screenshot", "w.png", *FLAGS])])
def test_too_little_memory_is_one_line(tmp_path, limit_mb, command):
    assert "not enough memory" in refusal(cli_in(tmp_path, *command, preexec_fn=bounded(limit_mb)), status=1)
    assert list(tmp_path.iterdir()) == []


def test_memory_running_out_later_is_one_line(monkeypatch, capsys):
    """Past the start (the limit allowed it), an allocation that fails is the same one line."""
    from decision_aid import cli as cli_module

    def no_memory(args):
        raise MemoryError

    monkeypatch.setattr(cli_module, "run_estimate", no_memory)
    assert cli_module.main(["estimate", *FLAGS]) == 1
    assert capsys.readouterr().err == "decision-aid: not enough memory\n"


def test_a_name_or_notes_longer_than_a_saved_file_may_hold_is_refused_on_the_command_line(tmp_path):
    """Beyond the issue: ``sheet --name`` took 100,000 characters (a saved file takes 200, the
    window 80) and ``--notes`` 120,000 (a saved file and the window take 100,000)."""
    from decision_aid.consultation import MAX_NAME, MAX_NOTES

    for flag, length in (("--name", MAX_NAME + 1), ("--notes", MAX_NOTES + 1)):
        line = refusal(cli("sheet", "-o", str(tmp_path / "s.pdf"), *FLAGS, flag, "x" * length))
        assert line.startswith(f"decision-aid: {flag}: {length} characters")
    assert not (tmp_path / "s.pdf").exists()
