"""The first screen of Your estimate (issue 25 item 4, UI.md "First screen"): at 1280 x 800 and
1024 x 700, in both views and both languages, the three key numbers (death within 100 days, alive
without worsening at 5 years, alive at 5 years, each in both eras) stand inside the visible part of
the page without scrolling, and the profile beside them is in view too."""

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect

from decision_aid.present.i18n import current_language, set_language
from helpers import unshown_window

SIZES = ((1280, 800), (1024, 700))
COMBINATIONS = list(itertools.product(SIZES, ("patient", "clinician"), ("en", "es")))


@pytest.fixture
def language():
    before = current_language()
    yield set_language
    set_language(before)  # later tests read English


def visible_rect(widget, viewport) -> QRect:
    return QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size, audience, lang", COMBINATIONS,
                         ids=[f"{w}x{h}-{a}-{l}" for (w, h), a, l in COMBINATIONS])
def test_the_three_key_numbers_are_on_the_first_screen(qtbot, monkeypatch, tmp_path, language, size, audience, lang):
    language(lang)
    window = unshown_window(qtbot, monkeypatch, tmp_path / "w.ini", tmp_path / "autosave.aidconsult.json")
    window.resize(*size)
    window.set_profile_fields({"age": "38", "course": "rrms", "edss": "4.0", "prior_dmts": "3"})
    window.set_audience(audience)
    window.flush()
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(100)  # the tabs placed, the page laid out
    assert window.tabs.currentIndex() == 0 and window.scroll.verticalScrollBar().value() == 0
    viewport = window.scroll.viewport()
    key = window.outcomes.key_numbers
    values = key.stops()
    assert len(values) == 6 and all(v.isVisible() and v.text() for v in values)  # three outcomes x two eras
    for heading, number in zip(key.headings, window.view.key_numbers):
        assert heading.text() == number.heading
    for value in values:
        assert viewport.rect().contains(visible_rect(value, viewport)), (value.text(), visible_rect(value, viewport))
    profile = window.main_page.side_scroll.viewport()
    assert profile.rect().contains(visible_rect(window.profile_form.age, profile))
