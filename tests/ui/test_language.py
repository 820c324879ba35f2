"""Two language choices: the window's (View > Language, from the system by default, applied at the
next start) and the sheet's (Sheet tab, ``sheet --language``), each independent of the other; Qt's
own dialogs in the window's language; the window in Spanish has Spanish in every tab."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QTableView, QTabWidget,
                               QTextEdit, QWidget)

from decision_aid.present.i18n import SOURCE_LANGUAGE, current_language, locale_directory
from decision_aid.ui.language import install_interface_language, interface_language, system_language

RELAPSING = {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3, "relapses_past_year": 2}
PROGRESSIVE = {"age": 55, "course": "spms", "edss": 6.5, "prior_dmts": 2}


@pytest.mark.parametrize("environ, qt, expected", [
    ({"LANGUAGE": "es:en", "LANG": "en_GB.UTF-8"}, [], "es"),
    ({"LANG": "es_MX.UTF-8"}, [], "es"),
    ({"LC_MESSAGES": "es_ES", "LANG": "en_US.UTF-8"}, [], "es"),
    ({"LC_ALL": "fr_FR.UTF-8", "LANG": "es_ES.UTF-8"}, [], "en"),  # LC_ALL wins, and French is not offered
    ({"LANGUAGE": "fr:es", "LANG": "de_DE"}, [], "es"),  # the first offered of LANGUAGE's list
    ({"LC_ALL": "C", "LANG": "es_ES"}, [], "en"),  # C asks for no language
    ({}, ["es-ES", "en-US"], "es"),  # no variables (Windows, macOS): Qt's system languages
    ({}, ["de-DE"], "en"),
])
def test_the_system_language_is_read_as_gettext_reads_it(environ, qt, expected):
    assert system_language(environ, qt) == expected


def test_a_remembered_choice_wins_over_the_system():
    assert interface_language("es", {"LANG": "en_GB.UTF-8"}) == "es"
    assert interface_language(None, {"LANG": "es_ES.UTF-8"}) == "es"
    assert interface_language("xx", {"LANG": "en_GB.UTF-8"}) == "en"  # a damaged setting falls back


@pytest.fixture
def spanish(qapp):
    install_interface_language("es")
    yield
    install_interface_language(SOURCE_LANGUAGE)


def test_qt_own_dialogs_speak_the_interface_language(spanish):
    """Qt's shipped translation (qtbase_es.qm in the PySide6 wheel) is loaded with Spanish."""
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Cancelar", "Guardar"}, texts
    install_interface_language(SOURCE_LANGUAGE)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_a_missing_qt_translation_leaves_qt_in_english_and_the_rest_translated(qapp, monkeypatch):
    from decision_aid.ui import language

    monkeypatch.setattr(language.QLibraryInfo, "path", lambda *_: "/nonexistent")
    try:
        install_interface_language("es")
        assert current_language() == "es" and not language.qt_translation_installed()
    finally:
        install_interface_language(SOURCE_LANGUAGE)


# -- the window in Spanish -------------------------------------------------------------------------

def english_fragments() -> dict[str, str]:
    """Fragments (14 characters or more) of the English of every message whose Spanish differs: none
    of them may be seen in the Spanish window."""
    with (locale_directory() / "es" / "LC_MESSAGES" / "decision_aid.po").open("rb") as stream:
        catalogue = read_po(stream, locale="es")
    found = {}
    for message in catalogue:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        translations = message.string if isinstance(message.string, tuple) else (message.string,)
        for source in sources:
            for fragment in re.split(r"\{[^}]*\}|&", source):
                fragment = fragment.strip(" .,;:()")
                if len(fragment) >= 14 and not any(fragment in t for t in translations):
                    found[fragment] = source
    return found


def shown_texts(window) -> list[str]:
    """Every text a person can see or hear in the window: labels, buttons, tabs, fields, tables,
    browsers, tips, accessible names, menus and the chart's axes."""
    texts = []
    for widget in window.findChildren(QWidget):
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
            texts += [widget.tabToolTip(i) for i in range(widget.count())]
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTableView) and widget.model() is not None:
            data = widget.model()
            texts += [str(data.index(r, c).data() or "") for r in range(data.rowCount())
                      for c in range(data.columnCount())]
            texts += [str(data.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) or "")
                      for c in range(data.columnCount())]
    for menu in (window.file_menu, window.edit_menu, window.view_menu, window.horizon_menu, window.help_menu,
                 window.language_menu):
        texts.append(menu.title())
        texts += [t for a in menu.actions() for t in (a.text(), a.toolTip())]
    item = window.chart.plot_item
    texts += [item.getAxis("left").labelText, item.getAxis("bottom").labelText]
    return [t for t in texts if t]


@pytest.fixture
def spanish_window(spanish, window):
    """The window of tests/ui/conftest.py, built after the language was set to Spanish."""
    return window


@pytest.mark.parametrize("fields", [RELAPSING, PROGRESSIVE], ids=["relapsing", "progressive"])
@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_the_spanish_window_shows_no_english_sentence_in_any_tab(qtbot, spanish_window, fields, audience):
    window = spanish_window
    window.set_profile_fields(fields)
    window.set_audience(audience)
    window.flush()
    assert window.current_result() is not None
    fragments = english_fragments()
    english_tabs = {"Your estimate", "How calculated", "Your options", "Risks", "Studies", "Guidance, questions",
                    "Values", "Sheet"}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        assert window.tabs.tabText(index).replace("&", "") not in english_tabs
        # Citations are printed as published (in English, like every citation), never translated.
        citations = {source.full_citation for source in window.model.evidence.sources}
        seen = [(fragment, text[:120]) for text in shown_texts(window) if text not in citations
                for fragment in fragments if fragment in text]
        assert seen == [], (window.tabs.tabText(index), seen[:5])
    assert "Ayuda para decidir" in window.windowTitle()


def test_choosing_a_language_is_remembered_and_said_in_both_languages(qtbot, window, settings_path):
    menu = window.language_menu
    told = []
    menu.tell = told.append
    assert menu.language_actions["en"].isChecked()
    menu.language_actions["es"].trigger()
    assert QSettings(settings_path, QSettings.Format.IniFormat).value("view/language") == "es"
    assert told and "next time you start" in told[0] and "la próxima vez que inicie" in told[0]
    assert "Spanish" in told[0] and "español" in told[0]
    assert current_language() == "en" and window.tabs.tabText(0) == "Your esti&mate"  # at the next start
    menu.language_actions["en"].trigger()  # back to the language shown: nothing to restart
    assert len(told) == 1
    assert QSettings(settings_path, QSettings.Format.IniFormat).value("view/language") == "en"


def test_the_window_starts_in_the_remembered_language(qapp, tmp_path, monkeypatch):
    import decision_aid.ui.settings as settings_module
    from decision_aid.ui import app

    stored = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    stored.setValue("view/language", "es")
    stored.sync()
    real = settings_module.WindowSettings
    monkeypatch.setattr(settings_module, "WindowSettings", lambda settings=None: real(stored))
    try:
        assert app.start_language(None) == "es" and current_language() == "es"
        assert app.start_language("en") == "en"  # --language wins
    finally:
        install_interface_language(SOURCE_LANGUAGE)


def test_the_sheet_language_is_chosen_apart_and_reaches_every_sheet_path(qtbot, window, tmp_path, monkeypatch):
    from helpers import type_profile
    from pypdf import PdfReader

    type_profile(qtbot, window)
    panel = window.sheet_panel
    assert panel.language() == "en" and [panel.language_combo.itemText(i) for i in
                                         range(panel.language_combo.count())] == ["English", "Español"]
    panel.set_language("es")
    assert window._sheet_options().language == "es"
    assert window.consultation().sheet_language == "es"  # a saved consultation keeps it
    target = tmp_path / "hoja.pdf"
    monkeypatch.setattr(window.sheet_actions, "_ask_path", lambda suggested: str(target))
    window.sheet_actions.pdf_action.trigger()
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(target)).pages)
    assert "su resumen" in text and "Página 1 de" in text
    assert window.tabs.tabText(0) == "Your esti&mate"  # the window stays English
    printed = []
    monkeypatch.setattr("decision_aid.report.sheet.render_sheet",  # a stand-in layout of one page
                        lambda device, result, options, **kw: printed.append(options.language) or
                        SimpleNamespace(pages=[None]))
    window.sheet_actions.paint(window.sheet_actions.make_printer(window._sheet_options()))  # print and preview
    assert printed == ["es"]


def test_about_says_in_spanish_that_the_translation_is_not_yet_reviewed(spanish_window):
    from decision_aid.present.i18n import translated_from

    text = spanish_window.about_text()
    assert "aún no ha sido revisada por un traductor médico" in text and translated_from("es") in text
    assert text.startswith("Ayuda para decidir")


def test_english_about_has_no_translation_note(window):
    assert "translator" not in window.about_text()
