"""A name the fonts cannot draw is warned about before printing or saving, never silently boxed."""

from decision_aid.ui.font_check import font_warning_box, undrawable
from helpers import type_profile

UNASSIGNED = "\U0010fffd"  # a private-use code point: no font has it on any machine


def test_characters_no_font_has_are_found_and_spaces_joiners_and_selectors_are_not(qapp):
    assert undrawable(["Zoë Ünal-ß", "", None]) == []
    assert undrawable([f"Ann {UNASSIGNED}", f"x{UNASSIGNED}\u200d\ufe0f"]) == [UNASSIGNED]


def test_saving_a_pdf_with_an_undrawable_name_warns_and_cancel_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    type_profile(qtbot, window)
    window.flush()
    window.sheet_panel.name_edit.setText(f"Kim {UNASSIGNED}")
    warned = []
    monkeypatch.setattr(window.sheet_actions, "_continue_with_missing_glyphs", lambda missing: warned.append(missing)
                        or False)
    monkeypatch.setattr(window.sheet_actions, "_ask_path", lambda suggested: str(tmp_path / "sheet.pdf"))
    assert window.sheet_actions.save_pdf() is None
    assert warned == [[UNASSIGNED]] and not (tmp_path / "sheet.pdf").exists()
    monkeypatch.setattr(window.sheet_actions, "_continue_with_missing_glyphs", lambda missing: True)
    assert window.sheet_actions.save_pdf() == tmp_path / "sheet.pdf"  # continue: written as it is


def test_a_drawable_name_is_not_questioned(qtbot, window, tmp_path, monkeypatch):
    type_profile(qtbot, window)
    window.flush()
    window.sheet_panel.name_edit.setText("Zoë Ünal")
    monkeypatch.setattr(window.sheet_actions, "_continue_with_missing_glyphs", lambda missing: 1 / 0)
    monkeypatch.setattr(window.sheet_actions, "_ask_path", lambda suggested: str(tmp_path / "sheet.pdf"))
    assert window.sheet_actions.save_pdf() == tmp_path / "sheet.pdf"


def test_the_warning_names_the_characters_and_the_font_packages(window):
    box = font_warning_box(window, ["\uae40", "\u0930"])
    assert "2 characters of the name or notes cannot be drawn" in box.text()
    assert "U+AE40 HANGUL SYLLABLE GIM" in box.text() and "U+0930 DEVANAGARI LETTER RA" in box.text()
    assert "fonts-noto-core" in box.informativeText() and "fonts-noto-cjk" in box.informativeText()
    assert box.defaultButton() == box.button(box.StandardButton.Cancel)
