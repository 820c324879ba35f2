"""The core needs no Qt: importing it in a fresh interpreter loads neither PySide6 nor pyqtgraph,
and this folder's tests import no Qt either (CI runs them where Qt is not installed). The
import-linter contract in pyproject.toml says the same about the code's imports; this checks what
an interpreter actually loads, including through third-party libraries."""

import ast
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

CORE = ["decision_aid.model", "decision_aid.present", "decision_aid.session", "decision_aid.evidence",
        "decision_aid.context", "decision_aid.consultation", "decision_aid.cli"]
QT = ("PySide6", "pyqtgraph", "shiboken6")


def loaded_after_import(*modules: str) -> list[str]:
    code = (f"import importlib, json, sys\nfor name in {list(modules)!r}:\n    importlib.import_module(name)\n"
            f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {QT!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_importing_the_core_loads_no_qt():
    assert loaded_after_import(*CORE) == []


def test_the_check_would_see_qt():
    """The check above can fail: a module that imports Qt is seen where Qt is installed; where it
    is not (CI's core environment) importing a view fails for want of PySide6."""
    if importlib.util.find_spec("PySide6") is None:
        done = subprocess.run([sys.executable, "-c", "import decision_aid.ui.main_window"], capture_output=True,
                              text=True, timeout=120)
        assert done.returncode != 0 and "PySide6" in done.stderr
        return
    assert "PySide6" in loaded_after_import("decision_aid.ui.style")


def test_the_core_tests_import_no_qt():
    """No module of tests/core, nor tests/conftest.py, imports Qt, pytest-qt or the views."""
    here = Path(__file__).resolve().parent
    for path in sorted(here.glob("*.py")) + [here.parent / "conftest.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not [n for n in names if n.startswith(QT + ("pytestqt", "decision_aid.ui"))], (path, names)
