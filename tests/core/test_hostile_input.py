"""Odd numbers, odd text and odd flags (issue #12): refused in one printable line, never a
traceback, never taken for something they are not. The screenshot's file mode is in
tests/ui/test_hostile_screenshot.py."""

import json
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
