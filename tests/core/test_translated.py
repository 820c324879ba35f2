"""Every sentence a person reads from the shell (command line, dialogs, menus, files' refusals) goes
through gettext: tools/untranslated.py finds none in these files."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from untranslated import untranslated  # noqa: E402

SHELL_FILES = {
    "decision_aid/cli.py", "decision_aid/consultation.py", "decision_aid/safe_io.py", "decision_aid/printable.py",
    "decision_aid/session.py", "decision_aid/present/refusals.py", "decision_aid/present/record.py",
    "decision_aid/present/help_text.py", "decision_aid/present/when.py", "decision_aid/ui/actions.py",
    "decision_aid/ui/app.py", "decision_aid/ui/autosave.py", "decision_aid/ui/consultation_controller.py",
    "decision_aid/ui/consultation_dialogs.py", "decision_aid/ui/crash_handler.py", "decision_aid/ui/file_dialog.py",
    "decision_aid/ui/font_check.py", "decision_aid/ui/form_undo.py", "decision_aid/ui/help_window.py",
    "decision_aid/ui/record_copy.py", "decision_aid/ui/settings.py", "decision_aid/ui/sheet_panel.py",
}


def test_the_shell_says_nothing_outside_gettext():
    found = [(file, line, text) for file, line, text in untranslated() if file in SHELL_FILES]
    assert found == []


def test_the_model_says_no_sentence_about_a_refusal():
    import ast

    tree = ast.parse((ROOT / "decision_aid/model/profile.py").read_text())
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr)}
    texts = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and id(node) not in docstrings]
    assert not [t for t in texts if "allowed" in t or "not a profile field" in t or "whole number" in t]
