"""`--version` and a refused flag need no evidence: they answer without loading, checksumming
or fitting it (issue 29, item 7); only `--help` reads the limits it quotes from the evidence."""

import subprocess
import sys

import pytest

WHAT_WAS_LOADED = """
import sys
from decision_aid.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
loaded = sorted(m for m in sys.modules if m.startswith(("decision_aid.model", "decision_aid.evidence")))
print("LOADED:" + ",".join(loaded), file=sys.stderr)
"""


def loaded_after(*args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", WHAT_WAS_LOADED, *args], capture_output=True, text=True, timeout=60)
    line = [x for x in done.stderr.splitlines() if x.startswith("LOADED:")][-1]
    return [m for m in line.removeprefix("LOADED:").split(",") if m]


@pytest.mark.parametrize("args", [("--version",), ("estimate", "--age"), ("--no-such-flag",),
                                  ("sheet", "--paper", "a3")])
def test_the_evidence_is_not_loaded(args):
    assert loaded_after(*args) == []


@pytest.mark.parametrize("args", [("--help",), ("estimate", "--help"), ("sheet", "--help")])
def test_help_loads_the_evidence_for_the_limits_it_quotes(args):
    assert "decision_aid.model.engine" in loaded_after(*args)


def test_the_top_level_help_quotes_the_horizons_from_the_evidence():
    done = subprocess.run([sys.executable, "-m", "decision_aid", "--help"], capture_output=True, text=True, timeout=60)
    text = " ".join(done.stdout.split())
    assert "Length of the chart: 5 (the study's follow-up) or 10 (an extrapolation beyond 5)." in text
