"""List sentence-like string literals in the package that do not go through gettext.

A literal counts when it has at least two words with letters and is not: an argument of
``_``/``ngettext``/``N_``, a docstring, an f-string part of a log/exception for developers
(``logging``, ``raise ...Error(...)``), a dictionary key, an object name, a piece of a style sheet
(a CSS declaration such as ``border: 2px solid``, or only lengths such as ``0px``) or a type
written as a string (``"Estimate | None"``). Used by tests/core/test_catalogue.py (at most
ALLOWED may remain) and by hand: ``python tools/untranslated.py`` prints each with its file and line.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "decision_aid"
GETTEXT = {"_", "N_", "ngettext"}
#: calls whose text is for developers or machines, not for a person reading the screen or paper
DEVELOPER_CALLS = {"setObjectName", "setStyleSheet", "getLogger", "debug", "info", "warning", "error", "exception",
                   "critical", "log", "setTextFormat", "Path", "startswith", "endswith", "replace", "split", "join",
                   "strftime", "format", "encode", "decode", "get", "value", "setValue", "environ", "open"}
WORDS = re.compile(r"[A-Za-z]{2,}")
#: at most this many may remain (tests/core/test_catalogue.py)
ALLOWED = 25
#: a length such as ``4px`` or ``0.5em`` is not a word
LENGTH = re.compile(r"\b\d*\.?\d*(px|pt|em)\b")
#: a style sheet's declaration (Qt style sheets, HTML style attributes): a property name and a colon
STYLE = re.compile(r"(^|[\s{;'\"])(color|background(-color)?|border(-[a-z]+)*|padding(-[a-z]+)?|margin(-[a-z]+)?"
                   r"|font-[a-z]+|placeholder-text-color)\s*:")
#: a type written as a string (a forward reference): ``"Estimate | None"``
TYPE = re.compile(r"[A-Za-z_][\w.]*(\[[\w., |]*\])?( \| [A-Za-z_][\w.]*(\[[\w., |]*\])?)+")


def _is_sentence(text: str) -> bool:
    if STYLE.search(text) or TYPE.fullmatch(text):
        return False
    if len(WORDS.findall(LENGTH.sub(" ", text))) < 2 or "{" in text and text.count(" ") < 1:
        return False
    if text.startswith(("<", "#", "QT_", "http", "%", "::")) or "/" in text.split(" ")[0]:
        return False
    return bool(re.search(r"[a-z]", text)) and " " in text.strip()


class _Finder(ast.NodeVisitor):
    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []
        self._skip: set[int] = set()

    def visit_Module(self, node):  # noqa: N802
        self._docstring(node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node):  # noqa: N802
        self._docstring(node)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef

    def _docstring(self, node) -> None:
        if node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            self._skip.add(id(node.body[0].value))

    def visit_Call(self, node):  # noqa: N802
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in GETTEXT or name in DEVELOPER_CALLS:
            for child in ast.walk(node):
                self._skip.add(id(child))
        self.generic_visit(node)

    def visit_Raise(self, node):  # noqa: N802
        for child in ast.walk(node):
            self._skip.add(id(child))
        self.generic_visit(node)

    def visit_Dict(self, node):  # noqa: N802
        for key in node.keys:
            if key is not None:
                self._skip.add(id(key))
        self.generic_visit(node)

    def visit_Constant(self, node):  # noqa: N802
        if id(node) not in self._skip and isinstance(node.value, str) and _is_sentence(node.value):
            self.found.append((node.lineno, node.value))


def untranslated(package: Path = PACKAGE) -> list[tuple[str, int, str]]:
    results = []
    for path in sorted(package.rglob("*.py")):
        finder = _Finder()
        finder.visit(ast.parse(path.read_text(encoding="utf-8")))
        results += [(str(path.relative_to(ROOT)), line, text) for line, text in finder.found]
    return results


if __name__ == "__main__":
    found = untranslated()
    for file, line, text in found:
        print(f"{file}:{line}: {text[:90]!r}")
    print(f"{len(found)} sentence-like literals outside gettext", file=sys.stderr)
