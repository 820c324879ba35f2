"""A corpus of crafted consultation files (issue #12), and a runner that feeds each one to
``estimate --profile`` and ``sheet --profile`` in one process and reports what happened.

``python tests/ui/hostile_corpus.py CORPUS_DIR OUT_DIR`` prints one JSON object per line:
file, command, exit status, the exception type (if any escaped), whether it timed out, stderr.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import signal
import socket
import string
import sys
from pathlib import Path

from decision_aid.consultation import PROFILE_FIELDS

BASE = Path(__file__).resolve().parents[1] / "data" / "consultations" / "older_evidence.aidconsult.json"
HTML = "<img src=/dev/zero><a href='https://example.org'>link</a><b>bold</b>"
CONTROL = "line one\nline two\r\x1b[2J\x1b[31mred\x07\x00\x08"
RTL = "abc\u202edcba\u2066iso\u2069\u200f"
#: Characters that cannot be seen but change how a name or notes read (issue #28).
HIDDEN_CODES = (0x202E, 0x202A, 0x202B, 0x202D, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C, 0x200B,
                0xFEFF, 0x00AD, 0x2060, 0x2028, 0xE0041, 0x3164)
KEY_LETTERS = string.digits + string.ascii_letters
STRING_FIELDS = ("format", "saved_at", "program_version", "model_version", "evidence_version", "evidence_checksum",
                 "audience", "notes", "patient_name")


def base() -> dict:
    return json.loads(BASE.read_text(encoding="utf-8"))


def with_profile_number(field: str, literal: str) -> str:
    """The base file with ``profile.<field>`` set to a raw JSON number literal."""
    document = base()
    document["profile"].pop(field, None)
    return json.dumps(document).replace('"profile": {', f'"profile": {{"{field}": {literal}, ', 1)


def write_corpus(folder: Path) -> list[Path]:
    """Write the crafted files into ``folder``; return their paths (special files included)."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []

    def put(name: str, data: bytes | str | dict) -> None:
        path = folder / name
        if isinstance(data, dict):
            data = json.dumps(data, ensure_ascii=False)
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        made.append(path)

    for label, evil in (("html", HTML), ("control", CONTROL), ("rtl", RTL), ("surrogate", "\ud800x")):
        for field in STRING_FIELDS:
            put(f"{label}-{field}.json", {**base(), field: evil})
        for field in PROFILE_FIELDS:
            document = base()
            document["profile"] = {**document["profile"], field: evil}
            put(f"{label}-profile-{field}.json", document)
        put(f"{label}-unknown-key.json", {**base(), evil: 1})
        put(f"{label}-profile-unknown-key.json", {**base(), "profile": {**base()["profile"], evil: 1}})
        put(f"{label}-values.json", {**base(), "values": {evil: evil}})
        put(f"{label}-values-choice.json", {**base(), "values": {"early_risk": evil}})
    for field in STRING_FIELDS[4:]:  # a lone surrogate written as a JSON escape: valid UTF-8, odd text
        put(f"escaped-surrogate-{field}.json", json.dumps({**base(), field: "a\ud800b\udfff"}, ensure_ascii=True))
    put("escaped-surrogate-unknown-key.json", json.dumps({**base(), "\ud800": 1}, ensure_ascii=True))
    put("escaped-surrogate-profile-age.json",
        json.dumps({**base(), "profile": {**base()["profile"], "age": "\udc80"}}, ensure_ascii=True))
    good = json.dumps(base()).encode()
    put("bom.json", b"\xef\xbb\xbf" + good)
    put("bom-twice.json", b"\xef\xbb\xbf\xef\xbb\xbf" + good)
    put("utf16.json", json.dumps(base()).encode("utf-16"))
    put("not-utf8.json", good.replace(b"Example", b"Ex\xff\xfeample"))
    put("truncated.json", good[: len(good) // 2])
    put("truncated-string.json", good[: good.index(b'"notes"') + 12])
    put("empty.json", b"")
    put("whitespace.json", b" \n\t " * 100)
    put("null.json", b"null")
    put("list.json", b"[]")
    put("number.json", b"1e999")
    put("duplicate-keys.json", good[:-1] + b', "notes": "again"}')
    for literal in ("NaN", "Infinity", "-Infinity"):
        put(f"literal-{literal}-horizon.json", json.dumps(base()).replace('"horizon": 5', f'"horizon": {literal}'))
        put(f"literal-{literal}-age.json", with_profile_number("age", literal))
    for field, value in (("age", "9" * 400), ("age", "1e999"), ("age", "-" + "9" * 30), ("prior_dmts", "1" + "0" * 25),
                         ("edss", "4.0000000000000000000000000001"), ("age", "1" + "0" * 5000)):
        put(f"number-{field}-{len(value)}.json", with_profile_number(field, value))
    put("huge-format-version.json", json.dumps(base()).replace('"format_version": 1', '"format_version": 1' + "0" * 5000))
    put("bool-horizon.json", {**base(), "horizon": True})
    put("float-horizon.json", {**base(), "horizon": 5.0})
    put("deep-list.json", b"[" * 100_000 + b"]" * 100_000)
    put("deep-object.json", b'{"a":' * 50_000 + b"1" + b"}" * 50_000)
    put("deep-profile.json", json.dumps(base()).replace('"profile": {', '"profile": {"age": ' + "[" * 5000 + "]" * 5000 + ", ", 1))
    put("ten-megabytes.json", b'{"notes": "' + b"x" * 10_000_000 + b'"}')
    put("just-under-cap.json", {**base(), "notes": "n" * 99_000})
    put("long-notes.json", {**base(), "notes": "n" * 100_001})
    put("long-name.json", {**base(), "patient_name": "N" * 201})
    put("long-profile-text.json", {**base(), "profile": {**base()["profile"], "age": "1" * 101}})
    put("many-values.json", {**base(), "values": {f"q{i}": "a" for i in range(101)}})
    put("profile-not-allowed.json", {**base(), "profile": {"age": 80, "course": "xyz", "edss": 0.5, "prior_dmts": 99}})
    put("profile-arabic-digits.json", {**base(), "profile": {**base()["profile"], "age": "\u0663\u0665"}})
    put("profile-fullwidth.json", {**base(), "profile": {**base()["profile"], "age": "\uff13\uff15"}})
    put("profile-underscore.json", {**base(), "profile": {**base()["profile"], "age": "3_5"}})
    put("profile-bool.json", {**base(), "profile": {**base()["profile"], "prior_dmts": True}})
    put("profile-list.json", {**base(), "profile": {**base()["profile"], "edss": [4.0]}})
    put("saved-at-garbage.json", {**base(), "saved_at": "9999-99-99T99:99:99" + "\x00"})
    # Second round (issue #28): a name or notes that read otherwise than they are, keys by the
    # hundred thousand, dates that cannot be shown in every time zone.
    for code in HIDDEN_CODES:
        put(f"hidden-{code:04x}-patient_name.json", {**base(), "patient_name": f"Jane{chr(code)}Doe"})
        put(f"hidden-{code:04x}-notes.json", {**base(), "notes": f"Next dose: {chr(code)}g 05{chr(code)} then review"})
    put("spoofed-name.json", {**base(), "patient_name": "\u202eeoD enaJ"})
    put("invisible-name.json", {**base(), "patient_name": "\u200b\u200d\u2060"})
    put("blank-looking-name.json", {**base(), "patient_name": "\u3164\u2800"})
    for label, name in (("arabic", "\u0645\u062d\u0645\u062f \u0628\u0646 \u0633\u0644\u0645\u0627\u0646"),
                        ("hebrew", "\u05e9\u05dc\u05d5\u05dd \u05db\u05d4\u05df"),
                        ("persian-zwnj", "\u0639\u0644\u06cc\u200c\u0631\u0636\u0627")):
        put(f"name-{label}.json", {**base(), "patient_name": name, "notes": f"{name}: next visit"})
    keys = ",".join(f'"{"".join(key)}":0' for key in itertools.islice(itertools.product(KEY_LETTERS, repeat=3), 118_000))
    put("many-keys.json", "{" + keys + "}")
    put("many-profile-keys.json", json.dumps(base())[:-1] + ', "x": {' + keys + "}}")
    for saved_at in ("9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59+00:00"):
        put(f"saved-at-{saved_at[:4]}-{saved_at[-6:].replace(':', '')}.json", {**base(), "saved_at": saved_at})
    put("edss-more-digits-than-a-float.json", with_profile_number("edss", "4.00000000000000001"))
    # Special files: nothing may hang or read forever.
    fifo = folder / "fifo.json"
    os.mkfifo(fifo)
    made.append(fifo)
    directory = folder / "directory.json"
    directory.mkdir()
    made.append(directory)
    link = folder / "link-to-dev-zero.json"
    link.symlink_to("/dev/zero")
    made.append(link)
    dangling = folder / "dangling-link.json"
    dangling.symlink_to(folder / "nowhere")
    made.append(dangling)
    made.append(Path("/dev/zero"))
    made.append(Path("/dev/null"))
    sock = folder / "socket.json"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    made.append(sock)
    made.append(folder / "no-such-file.json")
    unreadable = folder / "unreadable.json"
    unreadable.write_text(json.dumps(base()))
    unreadable.chmod(0)
    made.append(unreadable)
    newline_name = folder / "name\nwith\u202enewline.json"
    newline_name.write_text("{")
    made.append(newline_name)
    return made


class _Timeout(Exception):
    pass


def run(paths: list[Path], out: Path) -> None:
    from decision_aid.cli import main

    def alarm(*_):
        raise _Timeout

    signal.signal(signal.SIGALRM, alarm)
    for path in paths:
        for command in (["estimate", "--profile", str(path), "--json"],
                        ["sheet", "--profile", str(path), "-o", str(out / "sheet.pdf")]):
            stderr, stdout = io.StringIO(), io.StringIO()
            status, escaped, timed_out = None, None, False
            signal.alarm(30)
            try:
                with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
                    status = main(command)
            except SystemExit as exc:
                status = exc.code
            except _Timeout:
                timed_out = True
            except BaseException as exc:  # noqa: BLE001 (reported)
                escaped = type(exc).__name__
            finally:
                signal.alarm(0)
            print(json.dumps({"file": path.name, "command": command[0], "status": status, "escaped": escaped,
                              "timed_out": timed_out, "stderr": stderr.getvalue()}, ensure_ascii=True), flush=True)


if __name__ == "__main__":
    corpus, output = Path(sys.argv[1]), Path(sys.argv[2])
    run(write_corpus(corpus), output)
