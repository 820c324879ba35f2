"""The README's example output is what the program prints today (tools/readme_examples.py rewrites
it): a change to the model, the evidence or the table's words that is not carried into the README
fails here."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def examples_tool():
    spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "tools" / "readme_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_shows_what_decision_aid_estimate_prints():
    tool = examples_tool()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = list(tool.BLOCK.finditer(readme))
    assert [b["command"] for b in blocks] == ["decision-aid estimate --age 38 --course rrms --edss 4.0 --prior-dmts 3"]
    for block in blocks:
        expected = tool.example_block(block["command"], int(block["lines"]) if block["lines"] else None)
        assert block["body"] == expected, "README.md's example is out of date: run python tools/readme_examples.py"


def test_an_example_that_drifted_is_found():
    tool = examples_tool()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    drifted = readme.replace("Death within 100 days, treated 1995 to 2006 ", "Death within 100 days, treated 1995-2006  ", 1)
    assert drifted != readme and tool.rewritten(drifted) == readme
