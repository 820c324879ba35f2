"""The translation template says exactly what the sources say (rebuild: tools/update_catalogue.py)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_template_is_up_to_date():
    catalogue = tool("update_catalogue")
    committed = catalogue.TEMPLATE.read_bytes()
    fresh = catalogue.render(catalogue.extract())
    assert catalogue.messages(committed) == catalogue.messages(fresh), (
        "decision_aid/locale/decision_aid.pot is out of date: run python tools/update_catalogue.py")


def test_the_readable_texts_of_the_evidence_files_are_in_the_template():
    catalogue = tool("update_catalogue")
    ids = {m.id for m in catalogue.extract() if m.id}
    assert {"treated 1995 to 2006", "UK centres, treated 2002 to 2023"} <= ids
    assert not any(isinstance(t, str) and t.startswith(("10.", "doi:")) for t in ids)  # identifiers stay


def test_every_translation_has_exactly_the_messages_of_the_template():
    """tools/update_catalogue.py brings each .po in line with the template (new sentences empty,
    changed ones fuzzy, removed ones gone); a .po left behind fails here."""
    catalogue = tool("update_catalogue")
    assert catalogue.out_of_date(catalogue.TEMPLATE.read_bytes()) == []


def test_updating_a_translation_keeps_what_is_translated_and_marks_what_changed():
    import io

    from babel.messages.pofile import read_po

    catalogue = tool("update_catalogue")
    template = (b'msgid ""\nmsgstr ""\n\n#, python-brace-format\nmsgid "About {count} in 100"\nmsgstr ""\n\n'
                b'msgid "Patient view"\nmsgstr ""\n\nmsgid "A new sentence"\nmsgstr ""\n')
    old = read_po(io.BytesIO('msgid ""\nmsgstr ""\n"Language: es\\n"\n\nmsgid "About {count} in 10"\n'
                             'msgstr "Alrededor de {count} de cada 10"\n\nmsgid "Patient view"\n'
                             'msgstr "Vista para el paciente"\n\nmsgid "Gone"\nmsgstr "Ido"\n'.encode()), locale="es")
    new = catalogue.updated(old, template)
    assert new["Patient view"].string == "Vista para el paciente" and not new["Patient view"].fuzzy
    assert new["About {count} in 100"].fuzzy  # the English changed: a translator must look again
    assert new["A new sentence"].string == "" and "Gone" not in new and not new.obsolete
    assert b"#| msgid" in catalogue.render(new)  # the old English is shown to the translator


def test_few_sentences_bypass_gettext():
    """tools/untranslated.py: sentence-like literals in the package that are not passed to gettext
    (crash-log lines in Python's own words, a macOS folder name...) stay within the allowance."""
    checker = tool("untranslated")
    found = checker.untranslated()
    assert len(found) <= checker.ALLOWED, "\n".join(f"{file}:{line}: {text!r}" for file, line, text in found)


def test_the_untranslated_check_sees_a_sentence_but_not_a_style_sheet():
    checker = tool("untranslated")
    assert checker._is_sentence("Save the consultation first")
    assert not checker._is_sentence("; border-left: 4px solid ") and not checker._is_sentence("px 0px'>")
    assert not checker._is_sentence("Estimate | None")


def test_every_translation_passes_msgfmt_check(tmp_path):
    """Issue 26, item 12: Babel flags "95% interval" as python-format, so ``msgfmt -c`` refused
    "intervalo del 95 %"; the catalogues mark those entries no-python-format (the program never
    formats with %), and a rebuilt catalogue keeps that mark."""
    import io
    import shutil
    import subprocess

    import pytest
    from babel.messages.pofile import read_po

    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (GNU gettext) is not installed; CI installs it")
    catalogue = tool("update_catalogue")
    paths = catalogue.translations()
    assert paths
    for path in paths:
        checked = subprocess.run([msgfmt, "-c", "-o", str(tmp_path / "out.mo"), str(path)], capture_output=True,
                                 text=True)
        assert checked.returncode == 0, checked.stderr
        rebuilt = tmp_path / path.name
        rebuilt.write_bytes(catalogue.render(read_po(io.BytesIO(path.read_bytes()), locale=catalogue.language_of(path))))
        assert subprocess.run([msgfmt, "-c", "-o", str(tmp_path / "out.mo"), str(rebuilt)]).returncode == 0
    assert b"no-python-format" in catalogue.TEMPLATE.read_bytes()
