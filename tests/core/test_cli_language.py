"""`decision_aid.cli.main` run in process (as tests and scripts do) leaves the process's language as
it found it: `--language es` once must not turn every later sentence Spanish."""

import contextlib
import io
import json

import pytest

from decision_aid.cli import main
from decision_aid.present.i18n import _, interface_language, set_language

PROFILE = ["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3", "--draws", "256"]


def run_in_process(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    return code, out.getvalue()


@pytest.mark.parametrize("before, asked", [("en", "es"), ("es", "en"), ("es", None)])
def test_main_leaves_the_language_as_it_found_it(before, asked):
    set_language(before)
    code, out = run_in_process("estimate", *PROFILE, "--json", *(["--language", asked] if asked else []))
    assert code == 0
    assert json.loads(out)["language"] == (asked or "en")  # the command spoke the language asked (English by default)
    assert interface_language() == before
    assert _("Age") == ("Edad" if before == "es" else "Age")


def test_main_leaves_the_language_as_it_found_it_when_it_refuses():
    set_language("en")
    with contextlib.redirect_stderr(io.StringIO()) as said:
        assert main(["estimate", "--language", "es", "--age", "38"]) == 2  # --course missing: refused
    assert "--course" in said.getvalue() and interface_language() == "en"
    with contextlib.redirect_stderr(io.StringIO()), pytest.raises(SystemExit):
        main(["estimate", *PROFILE, "--language", "es", "--draws", "many"])  # argparse refuses and exits
    assert interface_language() == "en"
