"""Labels and message boxes that show text as text, never as HTML.

Qt guesses whether a label's text is rich text (``Qt.AutoText``). Text from a file, a field or an
error message could then load ``<img src=/dev/zero>`` (the window reads until it aborts; a FIFO
freezes it) or show a working ``<a href>`` link. So every label and message box of the program is
made here: plain text, no links, no link interaction. Nothing in the program needs rich text in a
label (the explanation tabs use QTextBrowser with escaped HTML).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ..present.i18n import N_, _

_LINK_FLAGS = (Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)


def make_plain(label: QLabel) -> QLabel:
    """Make an existing label plain text without links (for labels Qt creates, e.g. in message boxes)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(label.textInteractionFlags() & ~_LINK_FLAGS)
    return label


class PlainLabel(QLabel):
    """A label that remembers its height for a width until something that decides it changes.

    Qt's layouts ask a word-wrapped label its height for a width again and again, and QLabel lays
    its text out anew each time: starting the window with an estimate asked the labels 1696
    times for 405 different answers, about a third of the first show and paint. The answers are
    kept with the text, minimum size and frame width they were computed for (checked at each
    question), and dropped when the font, style, direction, margins, wrapping, format, indent or
    alignment change (the events Qt sends for those, and this class's setters), so a height is
    never stale (tests/ui/test_plain_label.py)."""

    _RESETS = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange,
               QEvent.Type.ContentsRectChange)  # the last: contents margins and frames

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._basis: tuple = ()
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        basis = (self.text(), self.minimumWidth(), self.minimumHeight(), self.frameWidth())
        if basis != self._basis:
            self._basis, self._heights = basis, {}
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def forget_heights(self) -> None:
        self._basis, self._heights = (), {}

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() in self._RESETS:
            self.forget_heights()
        super().changeEvent(event)

    def setWordWrap(self, on: bool) -> None:  # noqa: N802 (Qt name)
        self.forget_heights()
        super().setWordWrap(on)

    def setTextFormat(self, text_format: Qt.TextFormat) -> None:  # noqa: N802
        self.forget_heights()
        super().setTextFormat(text_format)

    def setMargin(self, margin: int) -> None:  # noqa: N802
        self.forget_heights()
        super().setMargin(margin)

    def setIndent(self, indent: int) -> None:  # noqa: N802
        self.forget_heights()
        super().setIndent(indent)

    def setAlignment(self, alignment: Qt.AlignmentFlag) -> None:  # noqa: N802
        self.forget_heights()
        super().setAlignment(alignment)


def plain_label(text: str = "", parent: QWidget | None = None, name: str | None = None) -> QLabel:
    """A label that shows ``text`` literally; the one way the program makes a label."""
    label = PlainLabel(parent)
    make_plain(label)
    label.setText(text)  # after the format is set: the text is never parsed as HTML
    if name:
        label.setObjectName(name)
    return label


#: The program's own words for Qt's standard buttons: Qt's are English unless Qt's own catalogue
#: is installed, and some have no mnemonic (Alt+D did not choose Discard). Cancel and Close have
#: none: Esc does that, and their letters stay free for the dialog's own controls.
BUTTON_WORDS = {"Save": N_("&Save"), "Discard": N_("&Discard"), "Yes": N_("&Yes"), "No": N_("&No"),
                "Cancel": N_("Cancel"), "Close": N_("Close"), "Ok": N_("OK")}


def name_buttons(box) -> None:
    """Put :data:`BUTTON_WORDS` on a message box's or button box's standard buttons (before any
    button is given words of its own)."""
    for button in box.buttons():
        words = BUTTON_WORDS.get(box.standardButton(button).name)
        if words:
            button.setText(_(words))


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
    name_buttons(box)
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
