"""A name or notes a person typed: refused when it holds characters that cannot be seen but change
how the text reads, each named by its code ("U+202E RIGHT-TO-LEFT OVERRIDE").

Printed raw, ``"\\u202eeoD enaJ"`` reads "Jane Doe" and ``"Next dose: \\u202eg 05\\u202c"`` reads
"50 g": a sheet, a record copy or a saved file would say something other than what is in it. So one
rule applies wherever a name or notes enters: the window's fields (marked, and not printed, copied
or saved while they hold one), ``sheet --name`` and ``--notes``, and a saved or autosaved
consultation (refused whole). Letters and marks of every script are allowed, right-to-left ones
included: Qt lays out Arabic and Hebrew text by itself, without control characters.

Hidden are: format characters (Unicode category Cf: the bidirectional controls U+202A-202E,
U+2066-2069, U+200E/F, U+061C, the zero-width ones, U+FEFF, tags...), control characters (except a
line break or a tab in notes), line and paragraph separators, lone surrogates, and the other
default-ignorable or blank-looking characters (the Hangul fillers, the combining grapheme joiner,
variation selectors, U+2800 BRAILLE PATTERN BLANK). Two uses of them are writing, not hiding, and
stay allowed: a zero-width joiner or non-joiner between two visible characters (Persian, the Indic
scripts, emoji sequences) and one variation selector after a visible character (an emoji's
presentation). A name that is only such characters is therefore refused too.
"""

from __future__ import annotations

import re
import unicodedata

from .i18n import _, ngettext

MAX_NAMED = 8  # characters named in a message; the count says how many there are

_JOINERS = frozenset("\u200c\u200d")  # zero-width non-joiner, zero-width joiner
_HIDDEN_CATEGORIES = frozenset(("Cf", "Cc", "Cs", "Zl", "Zp"))
# Default-ignorable or blank-looking characters outside the categories above (Unicode's
# Default_Ignorable_Code_Point, plus the braille blank often used for an "empty" name).
_HIDDEN_RANGES = ((0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x2065, 0x2065),
                  (0x2800, 0x2800), (0x3164, 0x3164), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0xE0000, 0xE0FFF))
# The hidden characters that str.isprintable() calls printable (a quick test finds them).
_PRINTABLE_BUT_HIDDEN = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\uffa0\ufe00-\ufe0f"
                                   "\U000e0100-\U000e01ef]")
_CONTROL_NAMES = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x09: "CHARACTER TABULATION", 0x0A: "LINE FEED",
                  0x0B: "LINE TABULATION", 0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE",
                  0x7F: "DELETE"}


def _variation_selector(code: int) -> bool:
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _always_hidden(ch: str) -> bool:
    code = ord(ch)
    return (unicodedata.category(ch) in _HIDDEN_CATEGORIES or _variation_selector(code)
            or any(low <= code <= high for low, high in _HIDDEN_RANGES))


def _visible(ch: str | None) -> bool:
    return ch is not None and not ch.isspace() and not _always_hidden(ch)


def hidden_characters(text: str | None, line_breaks: bool = False) -> list[str]:
    """The characters of ``text`` that cannot be seen but change how it reads, each once, in order
    of appearance (see the module's docstring). ``line_breaks``: a line feed and a tab are allowed
    (notes)."""
    found: list[str] = []
    text = text or ""
    plain = text.replace("\n", "").replace("\t", "") if line_breaks else text
    if plain.isprintable() and not _PRINTABLE_BUT_HIDDEN.search(plain):  # the usual case, at C speed
        return found
    for index, ch in enumerate(text):
        if not _always_hidden(ch) or (line_breaks and ch in "\n\t"):
            continue
        before = text[index - 1] if index else None
        after = text[index + 1] if index + 1 < len(text) else None
        if ch in _JOINERS and _visible(before) and _visible(after):
            continue  # joining two letters (Persian, Indic scripts) or an emoji sequence
        if _variation_selector(ord(ch)) and _visible(before):
            continue  # an emoji's or a letter's presentation
        if ch not in found:
            found.append(ch)
    return found


def character_label(ch: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: the code and the standard (English) name of a character."""
    code = ord(ch)
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(code, "")
    return f"U+{code:04X}{' ' + name if name else ''}"


def listed(characters: list[str]) -> str:
    """The first few characters by code and name ("U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO WIDTH SPACE")."""
    shown = _(", ").join(character_label(ch) for ch in characters[:MAX_NAMED])
    return shown if len(characters) <= MAX_NAMED else _("{characters} and {count} more", characters=shown,
                                                           count=len(characters) - MAX_NAMED)


class HiddenCharacters(ValueError):
    """A name or notes holds characters that cannot be seen: ``field`` ("name" or "notes"),
    ``characters``; the message is the problem in words (a clause: "the name holds ...")."""

    def __init__(self, field: str, characters: list[str]) -> None:
        self.field, self.characters = field, list(characters)
        super().__init__(hidden_problem(field, characters))


def hidden_problem(field: str, characters: list[str]) -> str:
    """What is wrong, as a clause that the caller places ("--name: {problem}", "Not allowed: {problem}.")."""
    count, names = len(characters), listed(characters)
    if field == "name":
        return ngettext("the name holds a character that cannot be seen but can change how the text reads "
                        "({characters}); remove it",
                        "the name holds {count} characters that cannot be seen but can change how the text reads "
                        "({characters}); remove them", count, characters=names)
    return ngettext("the notes hold a character that cannot be seen but can change how the text reads "
                    "({characters}); remove it",
                    "the notes hold {count} characters that cannot be seen but can change how the text reads "
                    "({characters}); remove them", count, characters=names)


def check_free_text(field: str, text: str | None) -> None:
    """Raise :class:`HiddenCharacters` if the name (``field`` "name") or the notes ("notes") hold
    characters that cannot be seen."""
    found = hidden_characters(text, line_breaks=field == "notes")
    if found:
        raise HiddenCharacters(field, found)


def not_allowed(error: HiddenCharacters) -> str:
    """The window's sentence under the field and in its messages."""
    return _("Not allowed: {problem}.", problem=str(error))
