"""Rewrite the README's example outputs from the program itself, so they can never be out of date.

Usage: python tools/readme_examples.py [--check]

An example in README.md is a marked block:

    <!-- example (first 12 lines): decision-aid estimate --age 38 --course rrms ... -->
    ```
    $ decision-aid estimate --age 38 --course rrms ...
    (what the command prints)
    ```
    <!-- end of example -->

The command runs as ``python -m decision_aid ...`` with the date set to the evidence's review date
(``DECISION_AID_TODAY``), so the output does not change on the day the next review falls due. With
"(first N lines)" the output is cut after N lines and "..." follows. ``--check`` changes nothing and
exits with status 1 if a block differs from what the program prints (tests/core/test_readme_examples.py
does the same check).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PROGRAM = "decision-aid"
BLOCK = re.compile(r"(?P<open><!-- example(?: \(first (?P<lines>\d+) lines\))?: (?P<command>[^\n]*?) -->\n)"
                   r"(?P<body>.*?)(?P<close><!-- end of example -->)", re.S)


def review_date() -> str:
    """The evidence's review date, from the manifest the program checks."""
    from decision_aid.evidence import default_directory

    return json.loads((default_directory() / "manifest.json").read_text(encoding="utf-8"))["reviewed"]


def program_output(command: str) -> str:
    """What ``command`` (starting with ``decision-aid``) prints, run from this checkout."""
    words = shlex.split(command)
    if words[:1] != [PROGRAM]:
        raise ValueError(f"an example must start with {PROGRAM}: {command!r}")
    env = {**os.environ, "DECISION_AID_TODAY": review_date(), "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-m", "decision_aid", *words[1:]], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"{command!r} exited with {done.returncode}: {done.stderr}")
    return done.stdout


def example_block(command: str, lines: int | None) -> str:
    """The fenced block for ``command``: the prompt line, then the output (cut after ``lines``)."""
    output = program_output(command).rstrip("\n").split("\n")
    if lines is not None and len(output) > lines:
        output = output[:lines] + ["..."]
    return "```\n$ " + command + "\n" + "\n".join(output) + "\n```\n"


def rewritten(text: str) -> str:
    def replace(match: re.Match) -> str:
        lines = int(match["lines"]) if match["lines"] else None
        return match["open"] + example_block(match["command"], lines) + match["close"]

    return BLOCK.sub(replace, text)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    if not BLOCK.search(text):
        sys.exit("README.md has no marked example")
    new = rewritten(text)
    if "--check" in sys.argv[1:]:
        if new != text:
            print("README.md's examples differ from what the program prints: run python tools/readme_examples.py")
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
