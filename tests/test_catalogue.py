"""The translation template says exactly what the sources say (rebuild: tools/update_catalogue.py)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_template_is_up_to_date():
    catalogue = tool("update_catalogue")
    committed = catalogue.TEMPLATE.read_bytes()
    fresh = catalogue.render(catalogue.extract())
    assert catalogue.messages(committed) == catalogue.messages(fresh), (
        "decision_aid/locale/decision_aid.pot is out of date: run python tools/update_catalogue.py")


def test_the_readable_texts_of_the_evidence_files_are_in_the_template():
    catalogue = tool("update_catalogue")
    ids = {m.id for m in catalogue.extract() if m.id}
    assert {"treated 1995 to 2006", "UK centres, treated 2002 to 2023"} <= ids
    assert not any(isinstance(t, str) and t.startswith(("10.", "doi:")) for t in ids)  # identifiers stay
