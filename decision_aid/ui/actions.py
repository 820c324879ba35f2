"""One way to make the window's actions (menus, toolbar, buttons and the shortcut list all use them).

An action is made with its text (``&`` before the mnemonic letter), what it does, its shortcut,
its tip (tool tip, status tip and What's This alike, so a screen reader and the status bar say the
same) and whether it is a toggle. The user guide's list of shortcuts is read from the real actions
(:func:`shortcut_rows`), so it cannot drift from what the keys do.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def make_action(parent: QObject, text: str, slot: Callable[..., object] | None = None, shortcut=None,
                tip: str = "", checkable: bool = False, checked: bool = False, name: str | None = None) -> QAction:
    """A QAction. ``slot`` is called with no argument, or with the new state for a checkable action.

    ``shortcut`` is a key sequence in Qt's portable text ("Ctrl+Shift+C", "Alt+P"), a
    :class:`QKeySequence`, a standard key, or a tuple of sequences (the first is the one menus show)."""
    action = QAction(text, parent)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)
    elif isinstance(shortcut, (tuple, list)):
        action.setShortcuts([QKeySequence(key) for key in shortcut])
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setWhatsThis(tip)
    if checkable:
        action.setCheckable(True)
        action.setChecked(checked)
    if name:
        action.setObjectName(name)
    if slot is not None:
        if checkable:
            action.triggered.connect(lambda on=False: slot(on))
        else:
            action.triggered.connect(lambda _checked=False: slot())
    return action


def plain_text(action: QAction) -> str:
    """The action's text as read aloud: no mnemonic ampersand, no trailing ellipsis."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("\u2026").rstrip(".")


def _typed(key: str) -> bool:
    """A key on every keyboard: a letter or digit with modifiers, or a function key (not a
    multimedia "New", "Save" or "Help" key, which Qt's standard shortcuts also list)."""
    last = key.split("+")[-1] if not key.endswith("++") else "+"
    return ("+" in key and len(last) == 1) or bool(re.fullmatch(r"F[0-9]{1,2}", last))


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action that has a shortcut, keys as this platform writes them. The
    action's ``guideName`` property or else its icon text names it (its stable name: Undo's menu
    text changes with what it undoes, the sheet's with the version chosen)."""
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
        keys = [k for k in keys if _typed(k)]
        if keys:
            name = action.property("guideName") or action.iconText()
            rows.append((name.replace("&", "").rstrip("\u2026").rstrip("."), ", ".join(keys)))
    return rows
