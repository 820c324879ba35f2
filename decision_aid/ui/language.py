"""The interface language: chosen at start-up, before any window is built.

From the settings when the person chose one (View > Language), otherwise from the system: the
variables gettext reads (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, in that order), then Qt's idea of
the system locale (Windows and macOS set no such variables); English when none of them names a
language the program has. A change in the menu is remembered and applies at the next start (every
text of the window is built once, in one language); the summary sheet's language is chosen apart,
on the Sheet tab, and changes at once.

Qt's own dialogs (file and print dialogs, standard buttons) speak the interface language through
Qt's shipped translations (``qtbase_<lang>.qm``); where they are missing they stay English.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..present.i18n import SOURCE_LANGUAGE, available_languages, set_language

_log = logging.getLogger(__name__)
#: gettext's order: the first of these that is set decides.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_translators: list[QTranslator] = []  # kept alive while installed


def _language_of(locale_name: str) -> str:
    """"es_MX.UTF-8" -> "es"; "C" and "POSIX" name no language ("")."""
    code = locale_name.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0].lower()
    return "" if code in ("c", "posix") else code


def system_language(environ: Mapping[str, str] | None = None, qt_languages: list[str] | None = None) -> str:
    """The first language the system asks for that the program has; English otherwise."""
    environ = os.environ if environ is None else environ
    offered = available_languages()
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if not value:
            continue
        wanted = [_language_of(part) for part in value.split(":")] if variable == "LANGUAGE" else [_language_of(value)]
        wanted = [code for code in wanted if code]
        if not wanted:  # LC_ALL=C: the system asks for no language; later variables do not count
            break
        for code in wanted:
            if code in offered:
                return code
        return SOURCE_LANGUAGE  # asked for a language the program does not have
    else:
        for name in (QLocale.system().uiLanguages() if qt_languages is None else qt_languages):
            if _language_of(name) in offered:
                return _language_of(name)
    return SOURCE_LANGUAGE


def interface_language(chosen: str | None, environ: Mapping[str, str] | None = None) -> str:
    """``chosen`` (the settings or ``--language``) if the program has it, else the system's."""
    return chosen if chosen in available_languages() else system_language(environ)


def install_interface_language(language: str) -> str:
    """Make ``language`` the interface language: every text built from now on, and Qt's own dialogs."""
    set_language(language)
    app = QCoreApplication.instance()
    for translator in _translators:
        if app is not None:
            app.removeTranslator(translator)
    _translators.clear()
    if app is not None and language != SOURCE_LANGUAGE:
        translator = QTranslator()
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{language}", folder):
            app.installTranslator(translator)
            _translators.append(translator)
        else:  # e.g. a build without Qt's translations: Qt's own buttons stay English, the rest is translated
            _log.warning("Qt's own translation qtbase_%s was not found in %s; Qt's dialogs stay in English",
                         language, folder)
    return language




# -- View > Language ------------------------------------------------------------------------------

def restart_parts(chosen: str) -> tuple[str, str]:
    """What the window says after a new interface language is chosen: in the language shown now
    and in the chosen one ("" when they are the same), so that a person who chose Spanish by
    mistake can still read how to undo it."""
    from ..present.i18n import _, current_language, language_name, use_language

    def said() -> str:
        return _("The window will be in {language} from the next time you start the program. The summary sheet's "
                 "language is chosen on the Sheet tab and changes at once.",
                 language=language_name(chosen, current_language()))

    now = said()
    with use_language(chosen):
        then = said()
    return (now, "") if then == now or chosen == current_language() else (now, then)


def restart_message(chosen: str) -> str:
    """Both parts of :func:`restart_parts` as one text."""
    return "\n\n".join(part for part in restart_parts(chosen) if part)


def restart_box(parent, chosen: str):
    """The message, its sentence in the chosen language marked as that language (a screen reader
    read the Spanish sentence with the English voice): the chosen language's part is a label of
    its own whose locale is that language (AT-SPI's locale of the object, UI Automation's culture)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QLabel, QMessageBox

    from ..present.i18n import _
    from .plain import plain_message_box

    now, then = restart_parts(chosen)
    box = plain_message_box(QMessageBox.Icon.Information, _("Language"), now, then, parent=parent)
    for label in box.findChildren(QLabel):
        if then and label.text() == then:
            label.setLocale(QLocale(chosen))
    return box


def _with_mnemonics(names: list[str]) -> list[str]:
    """Each name with an ``&`` before its first letter not yet used in the menu."""
    used: set[str] = set()
    marked = []
    for name in names:
        index = next((i for i, c in enumerate(name) if c.isascii() and c.isalpha() and c.lower() not in used), None)
        if index is None:
            marked.append(name)
            continue
        used.add(name[index].lower())
        marked.append(name[:index] + "&" + name[index:])
    return marked


def language_menu(parent, settings):
    """View > Language: one checkable entry per language, each named in its own language."""
    from PySide6.QtGui import QActionGroup
    from PySide6.QtWidgets import QMenu

    from ..present.i18n import _, current_language, language_name
    from .actions import make_action

    menu = QMenu(_("&Language"), parent)
    menu.setObjectName("languageMenu")
    menu.last_message = ""
    menu.chosen = current_language()
    menu.tell = lambda _text: restart_box(parent, menu.chosen).exec()
    group = QActionGroup(menu)
    menu.language_actions = {}
    codes = list(available_languages())

    def choose(code: str) -> None:
        settings.set_language(code)
        settings.sync()
        menu.chosen = code
        menu.last_message = "" if code == current_language() else restart_message(code)
        if menu.last_message:
            menu.tell(menu.last_message)

    for code, text in zip(codes, _with_mnemonics([language_name(c) for c in codes])):
        action = make_action(menu, text, lambda _on, c=code: choose(c), checkable=True,
                             checked=code == current_language(), name=f"language_{code}",
                             tip=_("Show the window in {language} (from the next start)",
                                   language=language_name(code, current_language())))
        group.addAction(action)
        menu.addAction(action)
        menu.language_actions[code] = action
    return menu
