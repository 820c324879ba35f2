"""Every action of the window is made one way: text with a mnemonic, a tip, and its shortcut."""

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from decision_aid.ui.actions import make_action, plain_text, shortcut_rows


def test_make_action_sets_text_shortcut_tip_and_calls_the_slot(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    calls = []
    action = make_action(parent, "&Copy for the record\u2026", lambda: calls.append("copy"), "Ctrl+Shift+C", "Copy it")
    assert (action.toolTip(), action.statusTip(), action.whatsThis()) == ("Copy it",) * 3
    assert action.shortcut() == QKeySequence("Ctrl+Shift+C")
    action.trigger()
    assert calls == ["copy"] and plain_text(action) == "Copy for the record"
    toggled = []
    toggle = make_action(parent, "&Show", toggled.append, checkable=True, checked=True)
    toggle.trigger()
    assert toggled == [False] and not toggle.isChecked()
    redo = make_action(parent, "&Redo", shortcut=QKeySequence.StandardKey.Redo)
    assert len(redo.shortcuts()) >= 1
    assert shortcut_rows([action, toggle])[0][0] == "Copy for the record"


def test_every_menu_action_has_words_for_the_status_bar_and_screen_readers(window):
    menus = [window.file_menu, window.view_menu, window.help_menu]
    actions = [a for menu in menus for a in menu.actions() if not a.isSeparator() and a.menu() is None]
    assert actions
    missing = [plain_text(a) for a in actions if not a.toolTip() or not a.statusTip()]
    assert missing == []
