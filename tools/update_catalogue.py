"""Rebuild the translation template ``decision_aid/locale/decision_aid.pot`` from the sources, and
bring every translation (``decision_aid/locale/<lang>/LC_MESSAGES/decision_aid.po``) in line with it.

Run after changing any user-facing sentence: ``python tools/update_catalogue.py``. Each
translation then gains the new sentences (empty), loses the removed ones, and marks as fuzzy a
sentence whose English changed (with the old English as ``#| msgid``, for the translator); a
fuzzy or empty translation is not used (that sentence shows in English) and the tests fail until
a translator has dealt with it (tests/core/test_catalogue.py, docs/TRANSLATION.md).

- ``--check``: only report whether the template and the translations are up to date (exit 1 if not).
- ``--init LANG``: start a translation for LANG (for example ``es``) from the template.
- ``--translated-from LANG``: record in LANG's catalogue that it is a complete translation of this
  version's English (``Project-Id-Version``); the translated sheet and About name that version.
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
LOCALE = ROOT / "decision_aid" / "locale"
TEMPLATE = LOCALE / "decision_aid.pot"
DOMAIN = "decision_aid"
PROJECT = "decision-aid"
#: gettext's plural rules where they differ from Babel's CLDR rule. CLDR gives Spanish a third
#: form for exact millions ("1 millón de"); the program never counts that high, and the usual
#: gettext rule for Spanish (and what translators' tools expect) has two: one, and everything else.
PLURAL_RULES = {"es": (2, "(n != 1)")}
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
MAPPING = [("decision_aid/**.py", "python")]
DATA_FILES = ("resources/evidence/*.json", "resources/about.json")
#: Keys of the data files whose texts a person reads (translated where shown, with ``_(text)``).
#: Citations, identifiers, codes and file names are not translated.
DATA_TEXT_KEYS = {
    "short_name", "design", "transplant_years", "transplant_period", "cohort", "outcome_definition",
    "early_mortality_definition", "era_label", "statement", "population", "conclusion", "definition",
    "notes", "unit", "text", "for_patient", "label", "group", "limits", "plain_language", "median_follow_up", "missing",
    "reported_in", "checked_against", "relapse_activity", "progressive_requires", "arm", "events", "rate",
    "funding", "conflicts_of_interest", "evidence_selection", "report_a_problem", "title",
    "what", "how_given", "trial", "comparator", "no_effect", "findings", "timeline_note", "plain_outcome",
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
    """The catalogue as a .po/.pot file, each entry's "python-format" flag turned "no-python-format"."""
    for message in catalog:
        not_percent_format(message)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, omit_header=False, include_lineno=False,
             ignore_obsolete=True, include_previous=True)
    return buffer.getvalue()


def not_percent_format(message) -> None:
    """Babel flags "python-format" on any text with a ``%`` before a letter ("95% interval"), but the
    program formats with named braces only (``present/i18n.py``), never ``%``: the flag is false, and
    ``msgfmt -c`` then refuses a translation that writes "95 %" or "intervalo del 95 %". Babel adds
    the flag again whenever it reads a file, so every rendering marks it the other way."""
    if "python-format" in message.flags:
        message.flags.discard("python-format")
        message.flags.add("no-python-format")


def translations() -> list[Path]:
    """The translation catalogues in the source tree, one per language."""
    return sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def language_of(path: Path) -> str:
    return path.parent.parent.name


def read_translation(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=language_of(path))


def updated(translation: Catalog, template: bytes) -> Catalog:
    """``translation`` with exactly the template's messages: new ones empty, removed ones dropped,
    changed ones fuzzy (difflib's closest old message, shown to the translator as ``#| msgid``)."""
    translation.update(read_po(io.BytesIO(template)), update_header_comment=False)
    translation.obsolete.clear()
    return translation


def initial(language: str, template: bytes) -> Catalog:
    """A new, empty translation for ``language`` (the plural rule comes from Babel's CLDR data)."""
    catalog = read_po(io.BytesIO(template), locale=language)
    catalog.project, catalog.version = PROJECT, "VERSION"
    catalog.fuzzy = False
    if language in PLURAL_RULES:  # Babel has no public setter; the header it writes follows these
        catalog._num_plurals, catalog._plural_expr = PLURAL_RULES[language]
    return catalog


def version() -> str:
    text = (ROOT / "decision_aid" / "__init__.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def out_of_date(template: bytes) -> list[str]:
    """The translations whose messages differ from the template's."""
    wanted = {(m[0], m[1]) for m in messages(template)}
    stale = []
    for path in translations():
        catalog = read_translation(path)
        have = {(repr(m.id), m.context or "") for m in catalog if m.id}
        if have != wanted or catalog.obsolete:
            stale.append(str(path.relative_to(ROOT)))
    return stale


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
        stale = out_of_date(fresh)
        if stale:
            print(f"{', '.join(stale)} out of date with the template: run python tools/update_catalogue.py")
            return 1
        print("translation template and translations up to date")
        return 0
    if "--translated-from" in argv:
        language = argv[argv.index("--translated-from") + 1]
        path = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        catalog = read_translation(path)
        catalog.project, catalog.version = PROJECT, version()
        path.write_bytes(render(catalog))
        print(f"{path.relative_to(ROOT)}: a translation of the English of {PROJECT} {catalog.version}")
        return 0
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(fresh)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(messages(fresh))} messages")
    if "--init" in argv:
        language = argv[argv.index("--init") + 1]
        path = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if path.exists():
            print(f"{path.relative_to(ROOT)} exists already; it is updated instead")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(render(initial(language, fresh)))
    for path in translations():
        catalog = updated(read_translation(path), fresh)
        path.write_bytes(render(catalog))
        todo = [m for m in catalog if m.id and (m.fuzzy or not all(m.string if isinstance(m.string, tuple)
                                                                      else (m.string,)))]
        print(f"{path.relative_to(ROOT)}: {sum(1 for m in catalog if m.id)} messages, {len(todo)} to translate "
              "or review")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
