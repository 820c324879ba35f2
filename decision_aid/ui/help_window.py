"""Help > User guide: the guide in a window of its own, offline, links off, text escaped.

The HTML comes from :func:`decision_aid.present.help_text.user_guide_html`, which escapes every
text; the browser opens no link and loads no resource. The list of shortcuts is read from the
window's real actions and buttons, so it cannot drift from what the keys do.
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..present.help_text import user_guide_html
from ..present.i18n import _
from .actions import shortcut_rows
from .plain import name_buttons


def button_rows(buttons: Iterable[QAbstractButton]) -> list[tuple[str, str]]:
    """(what, keys) for buttons with a mnemonic (Alt + the underlined letter)."""
    rows = []
    for button in buttons:
        key = QKeySequence.mnemonic(button.text())
        if not key.isEmpty():
            rows.append((button.text().replace("&", ""), key.toString(QKeySequence.SequenceFormat.NativeText)))
    return rows


def guide_shortcuts(actions: Iterable[QAction], buttons: Iterable[QAbstractButton] = ()) -> list[tuple[str, str]]:
    seen, rows = set(), []
    for row in shortcut_rows(actions) + button_rows(buttons):
        if row not in seen:
            seen.add(row)
            rows.append(row)
    return rows


class UserGuide(QDialog):
    """A resizable, non-modal window: read the guide beside the consultation."""

    def __init__(self, shortcuts: list[tuple[str, str]], facts=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(_("User guide"))
        self.setAccessibleName(_("User guide"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("userGuideText")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.browser.setAccessibleName(_("User guide text"))
        self.browser.setHtml(user_guide_html(shortcuts, facts))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(buttons)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(720, 640)
        self.browser.setFocus()
