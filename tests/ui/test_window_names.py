"""What the user guide and the tips call the window's menus and tabs is what the window shows
(issue 26, item 9: the Spanish guide said "Editar > Deshacer" under a menu "Edición", and named
tabs "¿Cómo se ha calculado?" and "Valores" that the tab bar called otherwise)."""

from __future__ import annotations

import re

import pytest

from decision_aid.present.help_text import GuideFacts, user_guide_sections
from decision_aid.present.i18n import SOURCE_LANGUAGE, _, use_language
from decision_aid.ui.language import install_interface_language


@pytest.fixture(params=["en", "es"])
def named_window(request, qapp, window_factory):
    install_interface_language(request.param)
    yield request.param, window_factory()
    install_interface_language(SOURCE_LANGUAGE)


@pytest.fixture
def window_factory(qtbot, settings_path, tmp_path, monkeypatch):
    from helpers import unshown_window

    return lambda: unshown_window(qtbot, monkeypatch, settings_path, tmp_path / "autosave.aidconsult.json")


def plain(text: str) -> str:
    return text.replace("&", "").rstrip("\u2026").strip()


def guide_text(window, language: str, section: str | None = None) -> list[str]:
    """The guide's paragraphs (of one section, by its English heading)."""
    with use_language(language):
        heading = _(section) if section else None
        return [p for title, paragraphs in user_guide_sections([], GuideFacts.from_model(window.model))
                if heading in (None, title) for p in paragraphs]


def test_every_menu_path_in_the_guide_is_a_menu_and_one_of_its_entries(named_window):
    language, window = named_window
    menus = {plain(a.text()): {plain(e.text()) for e in a.menu().actions()} for a in window.menuBar().actions()}
    menus[plain(window.edit_menu.title())] = {plain(e.text()) for e in window.edit_menu.actions()}
    paths = [m.groups() for p in guide_text(window, language) for m in re.finditer(r"(\w+) > (\w[\w ]*?\w)\b", p)]
    assert paths
    for menu, entry in paths:
        assert menu in menus, (language, menu, sorted(menus))
        assert any(e.startswith(entry) or entry.startswith(e) for e in menus[menu]), (language, menu, entry)


def test_the_spanish_guide_names_each_tab_as_the_tab_bar_does(named_window):
    """Each paragraph of "How to read each view" opens with a tab's name, as the tab says it."""
    language, window = named_window
    if language != "es":
        pytest.skip("the English guide's 'Guidance:' shortens 'Guidance, questions'")
    tabs = {plain(window.tabs.tabText(i)) for i in range(window.tabs.count())}
    paragraphs = guide_text(window, language, "How to read each view")
    named = {name for p in paragraphs for name in re.findall(r"(?:^|\. )([^.:]{3,25}): ", p)}
    assert {"Su estimación", "Método", "Lo que importa", "Guías y preguntas"} <= tabs
    assert len(named) >= 6 and named <= tabs, named - tabs
