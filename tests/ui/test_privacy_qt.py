"""Patient data stay on the machine, with Qt loaded: the whole package, views included, imports no
network module, and saving, autosaving and crash logging open no socket. The Qt-free core's checks
are in tests/core/test_privacy.py."""

import json
import textwrap

from shared import AUDIT, NETWORK_MODULES, WALK, run_python as run


def test_no_module_of_the_package_imports_a_network_module():
    code = textwrap.dedent("""
        import json, sys
        import numpy, pyqtgraph, PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets, PySide6.QtPrintSupport
        before = set(sys.modules)
    """) + WALK + textwrap.dedent(f"""
        for name in names:
            importlib.import_module(name)
        network = {NETWORK_MODULES!r}
        print(json.dumps({{"names": names, "new": sorted(set(network) & (set(sys.modules) - before)),
                          "qtnetwork": "PySide6.QtNetwork" in sys.modules}}))
    """)
    done = run(code)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert "decision_aid.consultation" in result["names"] and "decision_aid.ui.autosave" in result["names"]
    assert result["new"] == []
    assert result["qtnetwork"] is False


def test_saving_autosaving_and_crash_logging_open_no_socket(tmp_path):
    code = AUDIT + textwrap.dedent(f"""
        os.environ["DECISION_AID_DATA_DIR"] = {str(tmp_path / "data")!r}
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from decision_aid.consultation import Consultation, load_consultation, save_consultation
        from decision_aid.model import default_model
        from decision_aid.ui.autosave import Autosaver
        from decision_aid.ui.crash_handler import install_crash_handler
        model = default_model()
        entered = Consultation.for_model(model, {{"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}},
                                         patient_name="Jane Roe")
        saved = save_consultation({str(tmp_path / "v.aidconsult.json")!r}, entered)
        assert load_consultation(saved, model) == entered
        assert Autosaver(lambda: entered, lambda: True).save_now()
        handler = install_crash_handler(lambda: None, show_dialog=False)
        try:
            raise ValueError("Jane Roe")
        except ValueError as exc:
            handler(type(exc), exc, exc.__traceback__)
        print("done")
    """)
    done = run(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "done" and "NETWORK" not in done.stderr
