"""Rebuild the translation template ``decision_aid/locale/decision_aid.pot`` from the sources.

Run after changing any user-facing sentence: ``python tools/update_catalogue.py``. A test fails
while the committed template differs from what the sources say (tests/core/test_catalogue.py).
With ``--check`` it only reports whether the template is up to date (exit status 1 if not).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "decision_aid" / "locale" / "decision_aid.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
MAPPING = [("decision_aid/**.py", "python")]
DATA_FILES = ("resources/evidence/*.json", "resources/about.json")
#: Keys of the data files whose texts a person reads (translated where shown, with ``_(text)``).
#: Citations, identifiers, codes and file names are not translated.
DATA_TEXT_KEYS = {
    "short_name", "design", "transplant_years", "transplant_period", "cohort", "outcome_definition",
    "early_mortality_definition", "era_label", "statement", "population", "conclusion", "definition",
    "notes", "unit", "text", "label", "group", "limits", "plain_language", "median_follow_up", "missing",
    "reported_in", "checked_against", "relapse_activity", "progressive_requires", "arm", "events", "rate",
    "funding", "conflicts_of_interest", "evidence_selection", "report_a_problem", "title",
}


def extract() -> Catalog:
    """The catalogue the sources define now (locations by file only, so edits do not churn it)."""
    catalog = Catalog(project="decision-aid", msgid_bugs_address="", fuzzy=False,
                      copyright_holder="the decision-aid authors")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(ROOT), method_map=MAPPING, keywords=KEYWORDS, comment_tags=("Translators:",)):
        catalog.add(message, None, [(filename, None)], auto_comments=comments, context=context)
    for path in sorted(p for pattern in DATA_FILES for p in ROOT.glob(pattern)):
        if path.name == "manifest.json":
            continue
        location = str(path.relative_to(ROOT))
        for text in data_texts(json.loads(path.read_text(encoding="utf-8"))):
            catalog.add(text, None, [(location, None)])
    return catalog


def data_texts(node, key: str | None = None):
    """The readable texts of a data file: strings (or lists of strings) under DATA_TEXT_KEYS."""
    if isinstance(node, dict):
        for child_key, value in node.items():
            yield from data_texts(value, child_key)
    elif isinstance(node, list):
        for item in node:
            yield from data_texts(item, key)
    elif isinstance(node, str) and key in DATA_TEXT_KEYS and node.strip() and any(c.isalpha() for c in node):
        yield node


def render(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, omit_header=False, include_lineno=False)
    return buffer.getvalue()


def messages(data: bytes) -> list[tuple]:
    """What a template says, without its dated header."""
    catalog = read_po(io.BytesIO(data))
    return sorted((repr(m.id), m.context or "", tuple(sorted(m.locations))) for m in catalog if m.id)


def main(argv: list[str]) -> int:
    fresh = render(extract())
    if "--check" in argv:
        current = TEMPLATE.read_bytes() if TEMPLATE.exists() else b""
        if messages(current) != messages(fresh):
            print(f"{TEMPLATE.relative_to(ROOT)} is out of date: run python tools/update_catalogue.py")
            return 1
        print("translation template up to date")
        return 0
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(fresh)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(messages(fresh))} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
