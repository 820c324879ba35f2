"""Labels and message boxes that show text as text, never as HTML.

Qt guesses whether a label's text is rich text (``Qt.AutoText``). Text from a file, a field or an
error message could then load ``<img src=/dev/zero>`` (the window reads until it aborts; a FIFO
freezes it) or show a working ``<a href>`` link. So every label and message box of the program is
made here: plain text, no links, no link interaction. Nothing in the program needs rich text in a
label (the explanation tabs use QTextBrowser with escaped HTML).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

_LINK_FLAGS = (Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)


def make_plain(label: QLabel) -> QLabel:
    """Make an existing label plain text without links (for labels Qt creates, e.g. in message boxes)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(label.textInteractionFlags() & ~_LINK_FLAGS)
    return label


def plain_label(text: str = "", parent: QWidget | None = None, name: str | None = None) -> QLabel:
    """A QLabel that shows ``text`` literally; the one way the program makes a label."""
    label = QLabel(parent)
    make_plain(label)
    label.setText(text)  # after the format is set: the text is never parsed as HTML
    if name:
        label.setObjectName(name)
    return label


def plain_message_box(icon: QMessageBox.Icon, title: str, text: str, informative: str = "",
                      buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
                      parent: QWidget | None = None, default: QMessageBox.StandardButton | None = None,
                      escape: QMessageBox.StandardButton | None = None,
                      accessible_name: str | None = None) -> QMessageBox:
    """A message box whose text and informative text are plain (the one way the program makes one).

    Qt's static helpers (``QMessageBox.question``, ``warning``, ``about``) take the text as
    AutoText and let links open, so they are not used."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):  # before any text is set, so nothing is parsed as HTML
        make_plain(label)
    box.setText(text)
    if informative:
        # Qt makes the informative label on first use with AutoText and links on: make it with a
        # harmless placeholder, make it plain, and only then give it the real text.
        box.setInformativeText(" ")
        for label in box.findChildren(QLabel):
            make_plain(label)
        box.setInformativeText(informative)
    box.setStandardButtons(buttons)
    if default is not None:
        box.setDefaultButton(default)
    if escape is not None:
        box.setEscapeButton(escape)
    box.setAccessibleName(accessible_name or title)
    return box


def ask_yes_no(parent: QWidget | None, title: str, text: str, default_yes: bool = True,
               icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> bool:
    """Yes or No in a plain-text box; closing it counts as No."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box = plain_message_box(icon, title, text, buttons=yes | no, parent=parent,
                            default=yes if default_yes else no, escape=no)
    return box.exec() == yes


def tell(parent: QWidget | None, title: str, text: str, informative: str = "",
         icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
    """A plain-text message with an OK button."""
    plain_message_box(icon, title, text, informative, parent=parent).exec()
