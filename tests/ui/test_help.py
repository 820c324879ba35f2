"""Help > User guide and Help > About as a person reads them."""

import platform

from PySide6.QtCore import qVersion
from PySide6.QtGui import QKeySequence

from decision_aid import __version__


def test_the_user_guide_is_offline_escaped_and_lists_the_real_shortcuts(qtbot, window):
    action = window.guide_action
    assert action in window.help_menu.actions() and action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    action.trigger()
    guide = window.user_guide()
    qtbot.waitExposed(guide)
    assert guide.isVisible() and guide.windowTitle() == "User guide"
    browser = guide.browser
    assert not browser.openLinks() and not browser.openExternalLinks()
    text = browser.toPlainText()
    for heading in ("How to read each view", "What the numbers mean", "Keyboard shortcuts"):
        assert heading in text
    assert "about 2 in 100" in text and "between A and B in 100" in text and "never averaged" in text
    assert "Extrapolation" in text
    # the shortcut list is the window's actions, as they are now
    undo_keys = window.form_undo.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert f"Undo: {undo_keys}" in text
    assert "Copy for the medical record: Ctrl+Shift+C" in text and "Patient view: Alt+P" in text
    assert "Clear profile: Alt+C" in text and "Save sheet as PDF: Ctrl+Shift+E" in text


def test_about_says_versions_licence_citation_contact_and_toolkit(window, model):
    text = window.about_text()
    assert __version__ in text and model.version in text and model.evidence.version in text
    assert "Licence: not yet stated" in text
    assert "To cite: decision-aid" in text and "Muraro PA" in text
    assert "How to report a problem:" in text and "Contact:" not in text  # no contact is invented
    assert "Funding:" in text or "funding" in text.lower()
    assert f"Qt {qVersion()}; Python {platform.python_version()}" in text
    assert "next review due" in text
    box = window.about_box()
    assert box.text() == text and box.textFormat().name == "PlainText"


def test_the_guide_quotes_figures_from_the_evidence_and_names_the_real_tabs(window, model):
    text = window.user_guide().browser.toPlainText()
    assert model.study.text("transplant_years") in text and model.recent_study.text("transplant_years") in text
    assert f"death within {model.early_days} days" in text
    for tab in range(window.tabs.count()):
        name = window.tabs.tabText(tab).replace("&", "").split(",")[0]
        assert name in text, name
    assert "Randomised trial" not in text and "Other studies" not in text
