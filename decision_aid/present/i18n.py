"""Translation of every sentence a person reads, through gettext (one catalogue, ``decision_aid``).

``_("About {count} in 100", count=3)`` translates the whole sentence, then fills its named
placeholders. A translation whose placeholders do not match its source (a translator dropped
``{count}``) never crashes the program: the English source is used for that sentence instead.
The language is chosen per thread of work with :func:`use_language`, so the window can stay in
one language while a sheet is written in another.

Keywords for ``pybabel extract``: ``_`` and ``ngettext`` (the defaults), ``N_`` for texts marked
where they are defined and translated where they are shown.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import logging
import string
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

DOMAIN = "decision_aid"
SOURCE_LANGUAGE = "en"
_log = logging.getLogger(__name__)
_formatter = string.Formatter()
_catalogues: dict[str, gettext.NullTranslations] = {}
_active: list[str] = [SOURCE_LANGUAGE]


def locale_directory() -> Path:
    return Path(str(resources.files("decision_aid") / "locale"))


def catalogue(language: str) -> gettext.NullTranslations:
    """The compiled catalogue for ``language`` (English, the source, needs none)."""
    if language not in _catalogues:
        _catalogues[language] = _load(language)
    return _catalogues[language]


def _load(language: str) -> gettext.NullTranslations:
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    folder = locale_directory() / language / "LC_MESSAGES"
    compiled, source = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    if compiled.is_file():
        with compiled.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    if source.is_file():  # a source checkout (editable install): compile the catalogue in memory
        import io

        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with source.open("rb") as stream:
            catalog = read_po(stream, locale=language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    _log.warning("no catalogue for language %r; showing English", language)
    return gettext.NullTranslations()


def available_languages() -> tuple[str, ...]:
    """English (the source) and every language with a compiled catalogue shipped."""
    folder = locale_directory()
    found = sorted({p.parent.parent.name for p in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.[mp]o")})
    return (SOURCE_LANGUAGE, *[code for code in found if code != SOURCE_LANGUAGE])


#: Each language's name in that language, as the language menus show it (a reader looks for their
#: own language by its own name). A language not listed is named by Babel's CLDR data.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}
#: The same as a sentence writes them, for the languages the program has (CLDR's words: loading
#: Babel's locale data for them cost 30 ms of every start, for the language menu's tips).
NAMES_IN_SENTENCES = {"en": {"en": "English", "es": "Spanish"}, "es": {"en": "inglés", "es": "español"}}


def language_name(language: str, in_language: str | None = None) -> str:
    """``language``'s name: in its own language, capitalised, for a menu entry; or, with
    ``in_language``, as that language writes it inside a sentence ("Spanish", "español").
    Babel (CLDR) is imported only for a language the tables do not hold: importing it cost about
    6 ms of every start, for the language menu."""
    if in_language is not None:
        known = NAMES_IN_SENTENCES.get(in_language, {}).get(language)
        if known:
            return known
        from babel import Locale

        return Locale.parse(language).get_language_name(in_language) or language
    if language in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[language]
    from babel import Locale

    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def translated_from(language: str) -> str:
    """The version of the English text that ``language``'s catalogue translates (its
    ``Project-Id-Version``, set by ``tools/update_catalogue.py --translated-from``); the program's
    version when the catalogue does not say."""
    from .. import __version__

    info = catalogue(language).info() if language != SOURCE_LANGUAGE else {}
    version = info.get("project-id-version", "").rsplit(" ", 1)[-1]
    return version if version and version != "VERSION" else __version__


def current_language() -> str:
    return _active[-1]


def set_language(language: str) -> None:
    """The language of everything built from now on (the interface language)."""
    _active[0] = language


def interface_language() -> str:
    """The language :func:`set_language` set last (:func:`current_language` outside :func:`use_language`)."""
    return _active[0]


@contextlib.contextmanager
def use_language(language: str) -> Iterator[None]:
    """Build something in ``language`` (e.g. a sheet in the patient's language), then go back."""
    _active.append(language)
    try:
        yield
    finally:
        _active.pop()


def _fill(translated: str, source: str, values: dict[str, object], may_omit: frozenset[str] = frozenset()) -> str:
    """``translated`` with its placeholders filled; the English ``source`` instead when the
    translation's placeholders differ from the source's (a dropped ``{count}`` would print a
    sentence without its number) or cannot be filled (a misspelt name, an unbalanced brace).
    ``may_omit``: names a plural form may say in words instead ("one" for ``{count}``)."""
    if translated is not source and translated != source:
        wanted, found = _placeholders(source), _placeholders(translated)
        if wanted is not None and (found is None or not found <= wanted or not wanted - found <= may_omit):
            _log.warning("translation ignored for one sentence (its placeholders differ from the English): %r",
                         source)
            return source.format(**values) if values else source
    if not values:
        return translated
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError) as problem:
        if translated == source:
            raise  # a fault in the source text itself: a programming error, found by the tests
        _log.warning("translation ignored for one sentence (%s: %s)", type(problem).__name__, problem)
        return source.format(**values)


@functools.lru_cache(maxsize=4096)
def _placeholders(template: str) -> frozenset[str] | None:
    """The placeholder names of ``template``, or None when it cannot be parsed (unbalanced braces)."""
    try:
        return frozenset(placeholders(template))
    except ValueError:
        return None


def placeholders(template: str) -> set[str]:
    """The named ``{placeholders}`` of a message (the catalogue test compares them)."""
    return {name for _, name, _, _ in _formatter.parse(template) if name is not None}


def _(message: str, **values: object) -> str:
    """``message`` in the current language, with its ``{placeholders}`` filled from ``values``."""
    return _fill(catalogue(current_language()).gettext(message), message, values)


def ngettext(singular: str, plural: str, count: int, **values: object) -> str:
    """The singular or plural form for ``count`` (each language's own rule), filled like :func:`_`."""
    translated = catalogue(current_language()).ngettext(singular, plural, count)
    source = singular if count == 1 else plural
    return _fill(translated, source, {"count": count, **values}, frozenset({"count"}))


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark ``message`` for the catalogue where it is defined; :func:`_` translates it where shown."""
    return message
