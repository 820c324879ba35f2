"""Patient data stay on the machine: the package imports no network module and opens no socket.

Importing a network module is not the same as using one, but a package that never imports one
cannot quietly start using it. Third-party libraries are allowed what they import themselves
(pyqtgraph imports ``socket`` through ``multiprocessing``): the Qt-free core is checked here
against a bare interpreter, the whole package against a baseline taken after them in
tests/ui/test_privacy_qt.py (with saving, autosaving and crash logging).
"""

import json
import textwrap

from shared import AUDIT, NETWORK_MODULES, WALK, run_python as run


def test_the_qt_free_core_imports_no_network_module_at_all():
    code = "import json, sys\n" + WALK + textwrap.dedent(f"""
        core = [n for n in names if not n.startswith(("decision_aid.ui", "decision_aid.report"))]
        for name in core:
            importlib.import_module(name)
        qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "pyqtgraph")))
        print(json.dumps({{"core": core, "network": sorted(set({NETWORK_MODULES!r}) & set(sys.modules)), "qt": qt}}))
    """)
    done = run(code)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert {"decision_aid.cli", "decision_aid.consultation", "decision_aid.crashlog", "decision_aid.paths"} <= set(result["core"])
    assert result["network"] == [] and result["qt"] == []


def test_estimate_opens_no_socket(tmp_path, model):
    from decision_aid.consultation import Consultation, save_consultation

    path = save_consultation(tmp_path / "visit.aidconsult.json",
                             Consultation.for_model(model, {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}))
    code = AUDIT + textwrap.dedent("""
        from decision_aid.cli import main
        assert main(sys.argv[1:]) == 0
    """)
    for args in (["estimate", "--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3", "--json"],
                 ["estimate", "--profile", str(path), "--horizon", "10"]):
        done = run(code, *args)
        assert done.returncode == 0, done.stderr
        assert "NETWORK" not in done.stderr and done.stdout


def test_the_audit_hook_would_catch_a_socket():
    """The check above can fail: the same hook stops a program that makes a socket."""
    done = run(AUDIT + "import socket\nsocket.socket()\nprint('not stopped')")
    assert done.returncode == 97 and "NETWORK: socket.__new__" in done.stderr and done.stdout == ""
