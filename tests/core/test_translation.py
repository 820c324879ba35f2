"""Every translation is complete and keeps what a translation must never change: its placeholders,
its numbers, its mnemonics and the outer spaces of fragments. A broken translation never crashes
the program: that one sentence falls back to English (decision_aid/present/i18n.py)."""

from __future__ import annotations

import io
import re

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from decision_aid.present import i18n
from decision_aid.present.i18n import _, locale_directory, ngettext, placeholders, use_language

LANGUAGES = [code for code in i18n.available_languages() if code != i18n.SOURCE_LANGUAGE]
#: gettext's plural rule for each language (tools/update_catalogue.py writes it; Spanish: one, other).
PLURALS = {"es": (2, "(n != 1)")}
#: Mnemonics (&) a language may leave out or repeat: none yet. A label without one is unreachable
#: with Alt, so the rule is the same as in English: every & of the English is kept.
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def catalogue(language: str):
    with (locale_directory() / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po").open("rb") as stream:
        return read_po(stream, locale=language)


def pairs(message):
    """(English, translation) for each form: the singular form's source is the singular, every
    other form's the plural."""
    if isinstance(message.id, tuple):
        return [(message.id[0] if index == 0 else message.id[1], text) for index, text in enumerate(message.string)]
    return [(message.id, message.string)]


def numbers(text: str) -> list[str]:
    """The literal numbers of a text (not its placeholders), the decimal comma read as a point."""
    return sorted(n.replace(",", ".") for n in NUMBER.findall(re.sub(r"\{[^}]*\}", "", text)))


def test_there_is_a_spanish_catalogue():
    assert "es" in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_none_fuzzy_every_plural_form_filled(language):
    found = catalogue(language)
    assert (found.num_plurals, found.plural_expr) == PLURALS[language]
    missing = [m.id for m in found if m.id and (m.fuzzy or not all(text for _source, text in pairs(m))
                                                 or len(pairs(m)) != (found.num_plurals if isinstance(m.id, tuple)
                                                                      else 1))]
    assert missing == [], f"{len(missing)} to translate or review, e.g. {missing[:3]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translation_keeps_its_placeholders_numbers_mnemonic_and_outer_spaces(language):
    problems = []
    for message in catalogue(language):
        if not message.id:
            continue
        plural = isinstance(message.id, tuple)
        for index, (source, text) in enumerate(pairs(message)):
            wanted = placeholders(source)
            # The singular form may say "one" in words instead of {count} (never any other name).
            if placeholders(text) != wanted and not (plural and index == 0 and placeholders(text) <= wanted
                                                      and wanted - placeholders(text) <= {"count"}):
                problems.append(("placeholders", source, text))
            if numbers(source) != numbers(text):
                problems.append(("numbers", source, text))
            if source.count("&") != text.count("&"):
                problems.append(("mnemonic", source, text))
            if (source[:1].isspace(), source[-1:].isspace(), source.count("\n")) != (
                    text[:1].isspace(), text[-1:].isspace(), text.count("\n")):
                problems.append(("spaces or lines", source, text))
    assert problems == []


def broken_catalogue(language: str, broken: dict[str, str]):
    """The real catalogue of ``language`` with some translations replaced, compiled as setup.py does."""
    import gettext

    found = catalogue(language)
    for source, text in broken.items():
        found[source].string = text
    buffer = io.BytesIO()
    write_mo(buffer, found, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def test_a_translation_that_lost_a_placeholder_falls_back_to_english_for_that_sentence(monkeypatch, caplog):
    """A translator dropped {count}, misspelt {total} and left a brace open: those sentences show in
    English with their numbers, never a crash or a sentence without its number; the rest stays Spanish."""
    from decision_aid.present import wording

    broken = broken_catalogue("es", {
        "about {count} in {total}": "alrededor de de cada {total}",  # {count} missing
        "between {low} and {high} in {total}": "entre {low} y {high} de cada {totl}",  # unknown name
        "Page {page} of {pages}": "Página {page de {pages}",  # unbalanced brace
    })
    monkeypatch.setitem(i18n._catalogues, "es", broken)
    with use_language("es"):
        assert wording.count_phrase(0.02) == "about 2 in 100"
        assert _("between {low} and {high} in {total}", low=1, high=4, total=100) == "between 1 and 4 in 100"
        assert _("Page {page} of {pages}", page=1, pages=5) == "Page 1 of 5"
        assert _("Patient profile") == "Perfil del paciente"  # an intact translation is still used
        assert ngettext("{count} previous treatment", "{count} previous treatments", 3) == "3 tratamientos previos"
    assert "translation ignored" in caplog.text


def test_a_fault_in_the_english_itself_is_not_hidden():
    with pytest.raises(KeyError):
        _("About {count} in {total}", count=1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_names_the_english_version_it_translates(language):
    """The translated sheet and About say which English text the translation was made from."""
    version = catalogue(language).version
    assert re.fullmatch(r"\d+\.\d+\.\d+", version or ""), version


def test_the_names_of_languages_written_in_sentences_are_cldrs():
    """The table that saves loading Babel's locale data at start-up says what CLDR says."""
    from babel import Locale

    from decision_aid.present.i18n import NAMES_IN_SENTENCES, available_languages

    for in_language in available_languages():
        for language in available_languages():
            assert NAMES_IN_SENTENCES[in_language][language] == Locale.parse(language).get_language_name(in_language)
