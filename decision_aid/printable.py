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
