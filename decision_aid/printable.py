"""Text from a file or a flag, made safe to show on one line (stdlib only).

A consultation file or a flag may hold newlines, terminal escape sequences, right-to-left
overrides (U+202E) or other invisible characters. Printed raw, they break a one-line refusal
into several lines, drive the terminal, or make the text read differently from what it is.
"""

from __future__ import annotations

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(value: object) -> str:
    """``value`` as text on one printable line: control characters, bidi overrides and other
    characters that are not printable are shown as escapes (``\\n``, ``\\x1b``, ``\\u202e``);
    everything printable (accents, other scripts) is kept as it is."""
    text = value if isinstance(value, str) else str(value)
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable():
            out.append(ch)
        elif ch in _NAMED:
            out.append(_NAMED[ch])
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


# --- text the terminal cannot show --------------------------------------------------------------

TRANSLITERATE = "decision-aid-transliterate"
#: Characters the program's own sentences use, in ASCII (the rest: their base letter, else "?").
_ASCII = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
          "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
          "\u2026": "...", "\u00b7": ".", "\u2022": "*", "\u00d7": "x", "\u2264": "<=", "\u2265": ">=",
          "\u00b1": "+/-", "\u2192": "->", "\u2190": "<-", "\u26a0": "!", "\u2713": "v", "\u00a0": " ",
          "\u202f": " ", "\u2009": " ", "\u00b5": "u", "\u00df": "ss", "\u00e6": "ae", "\u00c6": "AE",
          "\u00f8": "o", "\u00d8": "O", "\u0153": "oe", "\u0152": "OE", "\u0131": "i", "\u0142": "l", "\u0141": "L"}


def ascii_for(ch: str) -> str:
    """``ch`` in ASCII: a quote, dash or sign as its usual ASCII form, a letter as its base letter
    (é -> e), anything else as "?"."""
    if ch in _ASCII:
        return _ASCII[ch]
    import unicodedata

    base = "".join(part for part in unicodedata.normalize("NFKD", ch) if part.isascii() and part.isprintable())
    return base or "?"


def _transliterate(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(ascii_for(ch) for ch in error.object[error.start:error.end]), error.end


def register_transliteration() -> str:
    """Register (once) the codec error handler that writes what an encoding cannot hold in ASCII
    (a terminal in ISO-8859-1 shows "..." for "\u2026" instead of the program stopping); return its name."""
    import codecs

    try:
        codecs.lookup_error(TRANSLITERATE)
    except LookupError:
        codecs.register_error(TRANSLITERATE, _transliterate)
    return TRANSLITERATE
