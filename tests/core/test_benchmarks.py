"""The benchmark harness's command line and its JSON record (no timing is asserted here)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"
DOCUMENTED_KEYS = {"name", "description", "unit", "target", "statistic", "extra", "median", "p95", "min", "max",
                   "stdev", "n", "value", "pass", "result"}


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_run", RUN)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def test_help_lists_the_options():
    done = subprocess.run([sys.executable, str(RUN), "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for option in ("--quick", "--only", "--output", "--bytecode"):
        assert option in done.stdout


def test_every_documented_measure_is_registered(bench):
    assert {"estimate", "estimate_process", "sheet_pdf", "sheet_process", "repaint", "cold_start", "memory",
            "chart_comparison"} <= set(bench.REGISTRY)


def test_report_records_target_value_and_result_for_each_measure(bench, tmp_path):
    fake = [
        bench.Measure("fast", "Met", "ms", 10.0, "median", [1.0, 2.0, 3.0, 50.0]),
        bench.Measure("tail", "Missed at the 95th percentile", "ms", 10.0, "p95", [1.0, 2.0, 3.0, 50.0]),
        bench.Measure("ratio", "Ratio of medians", "x", None, "value", [1.0, 3.0], value_override=1.7),
    ]
    report = bench.build_report(fake)
    json.dumps(report)  # serialisable as written to results.json
    assert report["date"] and report["machine"]["cpus"] and report["machine"]["python"]
    assert {"PySide6-Essentials", "pyqtgraph", "numpy"} <= set(report["machine"])
    assert [m["name"] for m in report["measures"]] == ["fast", "tail", "ratio"]
    fast, tail, ratio = report["measures"]
    for measure in report["measures"]:
        assert set(measure) == DOCUMENTED_KEYS
    assert (fast["value"], fast["pass"], fast["result"]) == (2.5, True, "pass")
    assert (tail["value"], tail["pass"], tail["result"]) == (50.0, False, "fail")
    assert (ratio["value"], ratio["pass"], ratio["result"], ratio["target"]) == (1.7, None, "info", None)
    lines = bench.table(fake).splitlines()
    assert lines[1].endswith("pass") and lines[2].endswith("fail") and lines[3].endswith("info")


def test_fresh_processes_load_compiled_bytecode_unless_asked_to_run_as_called(bench, monkeypatch, tmp_path):
    """An installed program starts from bytecode (pip compiles it); a calling environment that
    forbids writing bytecode would make every measured start compile the program from source
    while the bare reference loads its libraries' installed bytecode."""
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.delenv("PYTHONPYCACHEPREFIX", raising=False)
    monkeypatch.setitem(bench.BYTECODE, "mode", "compiled")
    monkeypatch.setitem(bench.BYTECODE, "prefix", str(tmp_path / "pycache"))
    for environment in (bench.process_environment(), bench.child_environment(str(tmp_path))):
        assert "PYTHONDONTWRITEBYTECODE" not in environment
        assert environment["PYTHONPYCACHEPREFIX"] == str(tmp_path / "pycache")  # never the source tree
    assert bench.child_environment(str(tmp_path))["HOME"] == str(tmp_path)
    assert bench.build_report([])["fresh_processes_bytecode"] == {
        "mode": "compiled", "calling_environment_PYTHONDONTWRITEBYTECODE": "1"}
    monkeypatch.setitem(bench.BYTECODE, "mode", "source")
    environment = bench.child_environment(str(tmp_path))
    assert environment["PYTHONDONTWRITEBYTECODE"] == "1" and "PYTHONPYCACHEPREFIX" not in environment
