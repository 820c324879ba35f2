"""Before a sheet is printed or saved: can the fonts draw the name and the notes?

A name in a script no installed font covers (Hangul, Devanagari, Thai, emoji without an emoji
font) prints as empty boxes, silently. So the characters of the name and notes are looked up in
every installed font family (the fallback chain Qt itself uses when it paints), and any that no
font can draw are named in a plain warning: the person may continue or cancel. Nothing is
changed or dropped from the text.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Iterable

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont
from PySide6.QtWidgets import QMessageBox, QWidget

from ..present.i18n import _, ngettext
from ..printable import one_line
from .plain import plain_message_box

MAX_NAMED = 8  # characters named in the warning; the count says how many there are


def _drawn_without_a_glyph(ch: str) -> bool:
    """Characters that need no glyph: spaces, controls, format characters (joiners) and the
    variation selectors that follow an emoji."""
    code = ord(ch)
    return (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")
            or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF)


@lru_cache(maxsize=None)
def _raw_font(family: str) -> QRawFont:
    return QRawFont.fromFont(QFont(family))


@lru_cache(maxsize=4096)
def drawable(ch: str) -> bool:
    """True if some installed font has a glyph for ``ch`` (the application font first)."""
    families = [QGuiApplication.font().family(), *QFontDatabase.families()]
    code = ord(ch)
    return any(_raw_font(family).supportsCharacter(code) for family in families)


def undrawable(texts: Iterable[str | None]) -> list[str]:
    """The characters of ``texts`` that no installed font can draw, each once, in order of appearance."""
    missing: list[str] = []
    for text in texts:
        for ch in text or "":
            if ch not in missing and not _drawn_without_a_glyph(ch) and not drawable(ch):
                missing.append(ch)
    return missing


def describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"{one_line(ch)} (U+{ord(ch):04X}{' ' + name if name else ''})"


def missing_glyphs_sentence(missing: list[str]) -> str:
    """The characters no font can draw, named: the window's warning and ``sheet``'s refusal."""
    listed = _(", ").join(describe(ch) for ch in missing[:MAX_NAMED])
    return ngettext("{count} character of the name or notes cannot be drawn by any font on this computer, so it "
                    "would print as an empty box: {characters}.",
                    "{count} characters of the name or notes cannot be drawn by any font on this computer, so "
                    "they would print as empty boxes: {characters}.", len(missing), characters=listed)


def font_warning_box(parent: QWidget | None, missing: list[str]) -> QMessageBox:
    text = missing_glyphs_sentence(missing)
    informative = _("Continue anyway, or cancel and write the name in Latin letters. Installing more fonts fixes "
                    "it (on Debian or Ubuntu: the packages fonts-noto-core, fonts-noto-cjk and "
                    "fonts-noto-color-emoji).")
    box = plain_message_box(QMessageBox.Icon.Warning, _("Some characters cannot be printed"), text, informative,
                            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, parent,
                            default=QMessageBox.StandardButton.Cancel, escape=QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).setText(_("C&ontinue anyway"))
    return box
